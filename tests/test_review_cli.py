"""cmsdesk review, revert and compare as a user runs them, on a real consultation round."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from cli_support import run
from review_support import DRAFT, Round


@pytest.fixture
def db(consultation: Round, tmp_path: Path) -> str:
    path = tmp_path / "secretariat.db"
    shutil.copyfile(consultation.secretariat, path)
    return str(path)


def test_review_lists_what_each_party_proposed(capsys: pytest.CaptureFixture[str],
                                               db: str) -> None:
    code, out, err = run(capsys, "--db", db, "review", "--node", "T10")
    assert code == 0 and not err
    lines = out.splitlines()
    assert lines[0] == (f'Changes since "{DRAFT}" (2014-04-01): 2 from 2 Parties (Germany, '
                        "Kenya); 2 not yet reviewed")
    assert lines[1] == "T10 Target 10: Critical sites and ecological networks"
    # no key of this round is pinned at the Secretariat: every author is marked unverified
    assert lines[3].split()[1:5] == ["Kenya", "(Africa)", "UNVERIFIED,", "Wanjiru"]
    assert "migratory [-species -]{+species, including stopover sites, +}are identified" in out
    code, out, _ = run(capsys, "--db", db, "review", "--region", "Oceania", "--json")
    data = json.loads(out)
    changes = [c for n in data["nodes"] for f in n["fields"] for c in f["changes"]]
    assert {c["party"] for c in changes} == {"Australia"} and len(changes) == 3
    assert data["parties"] == ["Australia", "Brazil", "Germany", "Kenya"]


def test_mark_reviewed_then_only_pending(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, _ = run(capsys, "--db", db, "review", "--party", "Kenya", "--mark-reviewed")
    assert code == 0 and out.rstrip().endswith("marked 3 change(s) as reviewed")
    code, out, _ = run(capsys, "--db", db, "review", "--pending", "--json")
    parties = {c["party"] for n in json.loads(out)["nodes"] for f in n["fields"]
               for c in f["changes"]}
    assert parties == {"Australia", "Brazil", "Germany"}
    code, out, _ = run(capsys, "--db", db, "review", "--since", "2999-01-01")
    assert out.startswith('Changes since "before 2999-01-01" (2999-01-01): 0 from 0 Parties;')


def test_revert_and_compare(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, _ = run(capsys, "--db", db, "review", "--node", "T6", "--party", "Germany",
                       "--json")
    (change,) = [c for n in json.loads(out)["nodes"] for f in n["fields"] for c in f["changes"]]
    code, out, err = run(capsys, "--db", db, "revert", change["id"][:12])
    assert code == 0 and out.startswith(f"reverted {change['id'][:12]}: a new version")
    code, out, _ = run(capsys, "--db", db, "conflicts", "--json")
    t6 = next(c for c in json.loads(out) if c["node"] == "T6")
    assert [a["proposers"] for a in t6["alternatives"]] == [["Australia", "Kenya"], ["Brazil"]]
    code, out, _ = run(capsys, "--db", db, "compare", DRAFT, "--node", "T10")
    assert out.splitlines()[0] == ("T10 Target 10: Critical sites and ecological networks  "
                                   "text (changed)")
    assert out.rstrip().endswith(f'1 node(s) differ from "{DRAFT}" (2014-04-01)')


def test_mistakes_get_one_line(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, err = run(capsys, "--db", db, "revert", "0123456789")
    assert code == 1 and err.startswith("cmsdesk: error: no change '0123456789'")
    assert len(err.splitlines()) == 1
    code, _, err = run(capsys, "--db", db, "review", "--since", "draft nine")
    assert code == 1 and "no draft 'draft nine'" in err and "YYYY-MM-DD" in err
    code, _, err = run(capsys, "--db", db, "compare", "nothing")
    assert code == 1 and f"its drafts are '{DRAFT}'" in err
    code, _, err = run(capsys, "--db", db, "review", "--node", "T99")
    assert code == 1 and "no node 'T99'" in err


def _parties(out: str) -> set[str]:
    return {c["party"] for n in json.loads(out)["nodes"] for f in n["fields"]
            for c in f["changes"]}


@pytest.mark.parametrize("name", ["Kenya", "KE", "kenia", "KÉNYA"])
def test_party_filter_takes_a_code_or_a_name_in_any_language(
        capsys: pytest.CaptureFixture[str], db: str, name: str) -> None:
    code, out, err = run(capsys, "--db", db, "review", "--party", name, "--json")
    assert code == 0 and not err
    assert _parties(out) == {"Kenya"}


def test_region_filter_takes_french_or_spanish_names(capsys: pytest.CaptureFixture[str],
                                                      db: str) -> None:
    for name in ("Océanie", "oceania", "OCEANÍA"):
        code, out, err = run(capsys, "--db", db, "review", "--region", name, "--json")
        assert code == 0 and not err and _parties(out) == {"Australia"}


def test_unknown_party_or_region_warns_with_suggestions(capsys: pytest.CaptureFixture[str],
                                                         db: str) -> None:
    code, out, err = run(capsys, "--db", db, "review", "--party", "Kenyaa", "--region",
                         "Antarctica")
    assert code == 0 and "0 from 0 Parties" in out
    assert err.splitlines() == [
        "warning: no Party or organisation 'Kenyaa' in the list, did you mean Kenya?",
        "warning: no CMS region 'Antarctica' (the regions: Africa; Asia; Central and South "
        "America and the Caribbean; Europe; North America; Oceania)"]
