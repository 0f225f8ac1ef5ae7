"""The list of CMS Parties, observers and regions, and finding one from what a user types."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cmsdesk.cli import main
from cmsdesk.models.identity import REGIONS
from cmsdesk.models.parties import (
    OBSERVER_STATE,
    ORGANISATION,
    UnknownNameError,
    directory,
    fold,
    identity_fields,
    party_filter,
    region_filter,
)
from cmsdesk.models.store import Store
from cmsdesk.paths import resource


def test_the_list_names_its_source_and_date_and_holds_the_parties() -> None:
    d = directory()
    assert "cms.int" in d.source and d.as_of[:4].isdigit()
    assert [r.name for r in d.regions] == list(REGIONS)
    assert len(d.parties) >= 120
    codes = [e.code for e in d.entries]
    assert len(codes) == len(set(codes))
    for entry in d.entries:
        assert set(entry.names) == {"en", "fr", "es"} and all(entry.names.values())
        assert entry.region in {r.code for r in d.regions} or entry.kind == ORGANISATION
    eu = d.resolve("EU")
    assert eu.is_party and d.region_of(eu) == "Europe"
    assert d.resolve("US").kind == OBSERVER_STATE
    assert d.resolve("CMS").kind == ORGANISATION and not d.resolve("CMS").is_party


def test_entries_checked_against_the_secretariats_table() -> None:
    """What the CMS Secretariat's "Parties and Range States" table lists (read 2026-12-05)."""
    d = directory()
    assert "read on 2026-12-05" in d.source
    assert "133 Parties the Secretariat counted in 2024" in d.source
    for name, region in (("Bosnia and Herzegovina", "Europe"), ("Afghanistan", "Asia"),
                         ("Iraq", "Asia"), ("Trinidad and Tobago",
                                            "Central and South America and the Caribbean"),
                         ("Kyrgyzstan", "Asia"), ("Cook Islands", "Oceania")):
        entry = d.resolve(name)
        assert entry.is_party and d.region_of(entry) == region, name


def test_later_parties_are_listed_with_the_announcements_they_come_from() -> None:
    """Malawi became Party no. 129 on 1 September 2019, Turkmenistan no. 132 (announced on 31
    December 2020), as the Secretariat announced; the header says how many of the Parties the
    list holds and which are missing."""
    d = directory()
    malawi = d.resolve("Malaui")
    assert malawi.is_party and d.region_of(malawi) == "Africa"
    turkmenistan = d.resolve("Turkménistan")
    assert turkmenistan.is_party and d.region_of(turkmenistan) == "Asia"
    assert "Malawi (Party no. 129, in force from 2019-09-01)" in d.source
    assert "Turkmenistan (Party no. 132, announced 2020-12-31)" in d.source
    assert "So 129 of the 133 Parties" in d.source and len(d.parties) == 129
    assert "Parties no. 128, 130, 131 and 133 are missing" in d.source
    assert sum(1 for p in d.parties if p.region == "asia") == 20  # as the announcement says
    doc = json.loads(resource("parties.json").read_text(encoding="utf-8"))
    assert [(p["code"], p["party_no"], p["in_force"], p["announced"])
            for p in doc["later_parties"]] == [("MW", 129, "2019-09-01", "2019-08-30"),
                                                ("TM", 132, "", "2020-12-31")]
    assert all("www.cms.int" in p["source"] for p in doc["later_parties"])
    for name in ("Botswana", "Andorra", "Canada", "Mexico", "Malaysia"):
        assert not d.resolve(name).is_party, name
    # the region as the Secretariat's table spells it
    assert d.resolve_region("South & Central America & The Caribbean").code == "csa"


@pytest.mark.parametrize(("typed", "code"), [
    ("Peru", "PE"), ("Perú", "PE"), ("pérou", "PE"), ("pe", "PE"),
    ("Côte d’Ivoire", "CI"), ("cote d'ivoire", "CI"), ("Ivory Coast", "CI"),
    ("Royaume-Uni", "GB"), ("Reino Unido", "GB"), ("Tanzanie", "TZ"),
    ("Iran (Islamic Republic of)", "IR"), ("Alemania", "DE"), ("ALLEMAGNE", "DE"),
])
def test_a_party_is_found_by_code_or_name_in_three_languages(typed: str, code: str) -> None:
    found = directory().find(typed)
    assert found is not None and found.code == code


def test_fold_ignores_case_accents_and_punctuation() -> None:
    assert fold("  Côte  d’IVOIRE ") == fold("cote d'ivoire") == "cote d ivoire"


def test_unknown_name_suggests_the_closest() -> None:
    with pytest.raises(UnknownNameError, match="did you mean Kenya"):
        directory().resolve("Kenyaa")
    with pytest.raises(UnknownNameError, match="is not a CMS region"):
        directory().resolve_region("Atlantis")


def test_filters_match_labels_whatever_the_spelling() -> None:
    parties = party_filter(["Perú", "KE"])
    assert parties.matches("Peru") and parties.matches("Kenya")
    assert not parties.matches("Spain")
    assert parties.warnings == ()
    # a label not in the list (typed freely before the list existed) still matches itself
    legacy = party_filter(["friends of birds"], known=["Friends of Birds"])
    assert legacy.matches("Friends of Birds") and legacy.warnings == ()
    regions = region_filter(["Afrique"])
    assert regions.matches("Africa") and not regions.matches("Europe")
    assert region_filter(["Mars"]).warnings


def test_identity_fields_take_the_region_from_the_party() -> None:
    assert identity_fields("Perú", None) == {"party": "Peru", "region":
                                            "Central and South America and the Caribbean"}
    assert identity_fields("CMS", None) == {"party": "CMS Secretariat", "region": ""}
    assert identity_fields("Friends of Birds", "europa", other=True) == {
        "party": "Friends of Birds", "region": "Europe"}
    with pytest.raises(UnknownNameError, match="Peru belongs to the CMS region"):
        identity_fields("Peru", "Europe")
    with pytest.raises(UnknownNameError, match="without --other"):
        identity_fields("Kenya", None, other=True)


def test_cli_identity_picks_from_the_list_and_refuses_unknown_names(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "s.db")
    assert main(["--db", db, "identity", "--name", "Ana", "--party", "Pérou", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["party"], shown["region"]) == (
        "Peru", "Central and South America and the Caribbean")
    before = (tmp_path / "s.db").read_bytes()
    assert main(["--db", db, "identity", "--party", "Peruu"]) == 1
    err = capsys.readouterr().err
    assert "'Peruu' is not a CMS Party" in err and "did you mean Peru?" in err
    assert (tmp_path / "s.db").read_bytes() == before
    assert main(["--db", db, "identity", "--party", "Friends of Birds", "--other"]) == 0
    assert "Friends of Birds, organisation" in capsys.readouterr().out
    store = Store.open(tmp_path / "s.db", write=False)
    assert store.profile.party == "Friends of Birds" and store.profile.region == ""
    store.close()


def test_cli_parties_lists_a_region_in_french(capsys: pytest.CaptureFixture[str],
                                             tmp_path: Path) -> None:
    assert main(["--db", str(tmp_path / "s.db"), "parties", "--region", "Océanie",
                 "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert "Nouvelle-Zélande" in out and "Kenya" not in out
