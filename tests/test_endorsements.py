"""Regional positions: a focal point endorses one option as its region's; the field then reads
"[Option N (Africa): ...]", the listing names the Parties behind it, and a forged endorsement
is refused (models/endorsements.py)."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from cli_support import run
from sync_support import Replicas, file_hash, text_of

from cmsdesk.export.compilation import gather_compilation
from cmsdesk.export.docx_compilation import export_compilation_docx
from cmsdesk.export.docx_plan import export_plan_docx
from cmsdesk.export.wording import UNVERIFIED_MARK
from cmsdesk.models.changelog import Key
from cmsdesk.models.commands import CommandError, PlanEditor, Transaction
from cmsdesk.models.endorsements import ENDORSE_OP, endorsement_key
from cmsdesk.models.identity import Profile
from cmsdesk.models.projection import project
from cmsdesk.models.review import baseline, review
from cmsdesk.models.store import Store
from cmsdesk.sync.conflicts import list_conflicts
from cmsdesk.sync.exporter import export_bundle
from cmsdesk.sync.format import BundleError
from cmsdesk.sync.importer import import_bundle

PROPOSALS = (("Kenya", "Range States work together"), ("Spain", "Range States act"),
             ("Senegal", "Range States cooperate closely"))


def _options(text: str) -> dict[int, tuple[str, str]]:
    return {int(n): (who, words)
            for n, who, words in re.findall(r"\[Option (\d+) \(([^()]*)\): ([^\]]*)\]", text)}


@pytest.fixture
def round_(tmp_path: Path) -> tuple[Replicas, Store, Store, Key]:
    """Three delegates' proposals for one sentence, imported by Senegal's focal point (Africa)
    and by the Secretariat."""
    reps = Replicas(tmp_path / "r")
    focal = reps.new_store("fp", profile=Profile("Awa", "Senegal", "Africa", "focal point"))
    secretariat = reps.origin_copy()
    for name, words in PROPOSALS:
        delegate = reps.new_store(name, profile=Profile(name, name, "", "delegate"))
        sentences = text_of(delegate, reps.targets[0]).split(". ")
        sentences[1] = words
        PlanEditor(delegate, reps.plan_id).set_field(reps.targets[0], "text",
                                                     ". ".join(sentences))
        path = tmp_path / f"{name}.cmsb"
        export_bundle(delegate, reps.plan_id, path)
        delegate.close()
        import_bundle(focal, path)
        import_bundle(secretariat, path)
    return reps, focal, secretariat, Key("node", reps.targets[0], "text")


def _number_of(text: str, words: str) -> int:
    return next(n for n, (_who, w) in _options(text).items() if w.startswith(words))


def test_a_focal_points_endorsement_travels_as_its_regions_position(
        round_: tuple[Replicas, Store, Store, Key], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    reps, focal, secretariat, key = round_
    before = text_of(focal, reps.targets[0])
    kenya = _number_of(before, "Range States work together")
    path = focal.path
    focal.close()
    code, out, err = run(capsys, "--db", str(path), "endorse", reps.targets[0], "text",
                         str(kenya))
    assert code == 0, err
    assert f"endorse option {kenya} of Africa" in out
    focal = Store.open(path)
    shown = _options(text_of(focal, reps.targets[0]))
    assert shown[kenya] == ("Africa", "Range States work together.")
    assert _options(before).keys() == shown.keys()  # the numbers did not move
    bundle = tmp_path / "africa.cmsb"
    export_bundle(focal, reps.plan_id, bundle)
    import_bundle(secretariat, bundle)
    assert _options(text_of(secretariat, reps.targets[0]))[kenya] == (
        "Africa", "Range States work together.")
    [view] = list_conflicts(secretariat, reps.plan_id)
    [position] = view.endorsements
    assert (position["region"], position["party"], position["verified"]) == (
        "Africa", "Senegal", False)  # Senegal's key is not pinned at the Secretariat
    chosen = next(a for a in view.alternatives if a["number"] == kenya)
    assert chosen["endorsed_by"] == ["Africa"] and chosen["proposers"] == ["Kenya"]
    with secretariat.session() as s:
        compiled = gather_compilation(s, reps.plan_id)
    [field] = [f for n in compiled.nodes for f in n.fields if f.positions]
    assert [(p.region, p.number, p.text, p.parties, p.endorser, p.verified)
            for p in field.positions] == [
        ("Africa", kenya, "Range States work together.", ["Kenya"],
         "Awa (Senegal, focal point)", False)]
    with secretariat.session() as s:
        received = review(s, reps.plan_id, baseline(s, reps.plan_id),
                          own_replica=secretariat.replica_id)
    assert {i.action for i in received.items} >= {"edit", "endorse"}
    [position_item] = [i for i in received.items if i.action == "endorse"]
    assert (position_item.party, position_item.value) == (
        "Senegal", f"Africa: option {kenya}, proposed by Kenya: Range States work together.")
    [field_review] = [f for n in received.nodes for f in n.fields
                      if position_item in f.items]
    assert (field_review.node_id, field_review.field) == (reps.targets[0], "text")
    for lang, line in (("en", f"Position of Africa: option {kenya}, proposed by Kenya, "
                              "endorsed by Awa (Senegal, focal point) — endorser not verified"),
                       ("fr", f"Position de la région Afrique : option {kenya}, proposée par "
                              "Kenya, approuvée par Awa (Senegal, focal point)")):
        with secretariat.session() as s:
            written = export_compilation_docx(s, reps.plan_id, tmp_path / f"c-{lang}.docx",
                                              lang=lang)
        assert any(p.text.startswith(line) for p in docx.Document(str(written)).paragraphs)
    # the Word document marks the region as a proposer this store cannot vouch for; the
    # endorser's own document does not
    for store, marked in ((secretariat, True), (focal, False)):
        with store.session() as s:
            written = export_plan_docx(s, reps.plan_id, tmp_path / "plan.docx")
        body = "\n".join(p.text for p in docx.Document(str(written)).paragraphs)
        label = f"[Option {kenya} (Africa{UNVERIFIED_MARK if marked else ''}): Range States"
        assert label in body
    spath = secretariat.path
    secretariat.close()
    code, out, _err = run(capsys, "--db", str(spath), "conflicts")
    assert f"{kenya}. (position of Africa; Kenya [unverified]) Migratory species" in out
    assert f"Africa endorses option {kenya} (Awa, Senegal [unverified])" in out
    # Revoked: the option is Kenya's again, everywhere the revocation goes
    PlanEditor(focal, reps.plan_id).endorse(key, None)
    assert _options(text_of(focal, reps.targets[0]))[kenya][0] == "Kenya"
    secretariat = Store.open(spath)
    export_bundle(focal, reps.plan_id, bundle)
    import_bundle(secretariat, bundle)
    assert _options(text_of(secretariat, reps.targets[0]))[kenya][0] == "Kenya"


def test_the_region_stands_for_its_own_proposers_only(
        round_: tuple[Replicas, Store, Store, Key]) -> None:
    reps, focal, _secretariat, key = round_
    spain = _number_of(text_of(focal, reps.targets[0]), "Range States act")
    PlanEditor(focal, reps.plan_id).endorse(key, spain)
    assert _options(text_of(focal, reps.targets[0]))[spain][0] == "Africa; Spain"


def test_the_secretariat_records_a_regional_meeting(
        round_: tuple[Replicas, Store, Store, Key]) -> None:
    reps, _focal, secretariat, key = round_
    senegal = _number_of(text_of(secretariat, reps.targets[0]), "Range States cooperate")
    PlanEditor(secretariat, reps.plan_id).endorse(key, senegal, region="Europe",
                                                  meeting="European regional meeting, Bonn")
    [view] = list_conflicts(secretariat, reps.plan_id)
    assert view.endorsements[0]["meeting"] == "European regional meeting, Bonn"
    assert _options(text_of(secretariat, reps.targets[0]))[senegal][0] == "Europe; Senegal"


def test_who_may_not_endorse_is_told_why_and_nothing_is_written(
        round_: tuple[Replicas, Store, Store, Key]) -> None:
    reps, focal, secretariat, key = round_
    editor = PlanEditor(focal, reps.plan_id)
    with pytest.raises(CommandError, match="whose Party is not a Party of Europe"):
        editor.endorse(key, 1, region="Europe")
    with pytest.raises(CommandError, match="no option 9 in that field"):
        editor.endorse(key, 9)
    with pytest.raises(CommandError, match="Africa has no position on that field to revoke"):
        editor.endorse(key, None)
    with pytest.raises(CommandError, match="not contested text"):
        editor.endorse(Key("node", reps.targets[1], "text"), 1)
    focal.set_profile(Profile("Awa", "Senegal", "Africa", "delegate"))
    with pytest.raises(CommandError, match="only a focal point of a Party of Africa"):
        editor.endorse(key, 1)
    with pytest.raises(CommandError, match="name the region"):
        PlanEditor(secretariat, reps.plan_id).endorse(key, 1)


def test_a_forged_endorsement_is_refused_and_the_store_is_unchanged(
        round_: tuple[Replicas, Store, Store, Key], tmp_path: Path) -> None:
    """Spain's focal point writes an endorsement for Africa around the command: refused."""
    reps, _focal, secretariat, key = round_
    forger = reps.new_store("es-fp", profile=Profile("Ana", "Spain", "Europe", "focal point"))
    for name, _words in PROPOSALS:
        import_bundle(forger, tmp_path / f"{name}.cmsb")
    with forger.session() as s:
        tx = Transaction(forger, s, reps.plan_id)
        tx.record(ENDORSE_OP, endorsement_key("africa", key), {"option": "0" * 16})
        project(s, tx.keys)
        s.commit()
    bundle = tmp_path / "forged.cmsb"
    export_bundle(forger, reps.plan_id, bundle)
    spath = secretariat.path
    secretariat.close()
    before = file_hash(spath)
    secretariat = Store.open(spath)
    with pytest.raises(BundleError, match=r"Ana \(Spain, focal point\), whose Party is not a "
                                          r"Party of Africa"):
        import_bundle(secretariat, bundle)
    secretariat.close()
    assert file_hash(spath) == before
