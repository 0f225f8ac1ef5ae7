"""The bundle, conflicts, resolve and keys commands as a user drives them."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import run

from cmsdesk.cli import main


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Secretariat's store with the starter plan, and Kenya's and Spain's holding its draft."""
    folder = tmp_path_factory.mktemp("sites")
    # "UNEP/CMS Secretariat" is another name of the "CMS Secretariat" in the list of Parties
    people = {"sec": ("Amina", "UNEP/CMS Secretariat", "", "secretariat"),
              "ke": ("Wanjiru", "Kenya", "Africa", "delegate"),
              "es": ("Ana", "Spain", "Europe", "delegate")}
    for name, (person, party, region, role) in people.items():
        assert main(["--db", str(folder / f"{name}.db"), "identity", "--name", person,
                     "--party", party, "--region", region, "--role", role]) == 0
    assert main(["--db", str(folder / "sec.db"), "init"]) == 0
    assert main(["--db", str(folder / "sec.db"), "bundle", "export",
                 str(folder / "draft.cmsb")]) == 0
    for name in ("ke", "es"):
        assert main(["--db", str(folder / f"{name}.db"), "bundle", "import",
                     str(folder / "draft.cmsb")]) == 0
    return folder


@pytest.fixture
def sites(prepared: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    """A fresh copy of the prepared stores for each test."""
    capsys.readouterr()
    for name in ("sec.db", "ke.db", "es.db", "draft.cmsb"):
        shutil.copyfile(prepared / name, tmp_path / name)
    return {name: str(tmp_path / f"{name}.db") for name in ("sec", "ke", "es")} | {
        "draft": str(tmp_path / "draft.cmsb"), "dir": str(tmp_path)}


def test_a_round_of_consultation(capsys: pytest.CaptureFixture[str], sites: dict[str, str]) -> None:
    folder = Path(sites["dir"])
    for name, words in (("ke", "Kenya's wording."), ("es", "Spain's wording.")):
        assert run(capsys, "--db", sites[name], "set", "T2", "title", "--text", words)[0] == 0
        code, out, _ = run(capsys, "--db", sites[name], "bundle", "export",
                           str(folder / f"{name}.cmsb"), "--to", "UNEP/CMS Secretariat")
        assert code == 0 and "1 change(s)" in out and "for CMS Secretariat" in out

    code, out, _ = run(capsys, "--db", sites["sec"], "bundle", "inspect", str(folder / "ke.cmsb"))
    assert code == 0 and "Wanjiru (Kenya, Africa, delegate)" in out and "signature: valid" in out
    assert "would import (1 new, 0 already held); sender UNVERIFIED (new key)" in out
    assert "nothing was imported" in out

    code, out, _ = run(capsys, "--db", sites["sec"], "bundle", "import", str(folder / "ke.cmsb"),
                       str(folder / "es.cmsb"))
    assert code == 0 and out.count("UNVERIFIED (new key)") == 2
    assert "1 conflict(s) created" in out and "cmsdesk conflicts" in out

    code, out, _ = run(capsys, "--db", sites["sec"], "conflicts", "--json")
    [conflict] = json.loads(out)
    assert (conflict["node"], conflict["field"], conflict["kind"]) == ("T2", "title", "text")
    assert [(a["n"], a["proposers"]) for a in conflict["alternatives"]] == [
        (1, ["Kenya"]), (2, ["Spain"])]
    code, out, _ = run(capsys, "--db", sites["sec"], "outline")
    assert "[Option 1 (Kenya): Kenya's wording.] [Option 2 (Spain): Spain's wording.]" in out

    code, out, _ = run(capsys, "--db", sites["sec"], "conflicts")
    assert "settle with: cmsdesk resolve T2 title --choose N" in out
    assert run(capsys, "--db", sites["sec"], "resolve", "T2", "title", "--choose", "2")[0] == 0
    assert run(capsys, "--db", sites["sec"], "conflicts")[1] == "no conflicts\n"

    code, out, _ = run(capsys, "--db", sites["sec"], "bundle", "peers", "--json")
    assert sorted(p["party"] for p in json.loads(out)) == ["Kenya", "Spain"]

    # the Secretariat answers Kenya with only what Kenya lacks
    code, out, _ = run(capsys, "--db", sites["sec"], "bundle", "export",
                       str(folder / "answer.cmsb"), "--to", "Kenya")
    assert code == 0 and "2 change(s)" in out
    code, out, _ = run(capsys, "--db", sites["ke"], "bundle", "import", str(folder / "answer.cmsb"),
                       "--json")
    [result] = json.loads(out)
    assert result["report"]["verified"] and result["report"]["new_changes"] == 2
    code, out, _ = run(capsys, "--db", sites["ke"], "show", "T2", "--json")
    assert json.loads(out)["fields"]["title"] == "Spain's wording."



def test_resolve_chooses_by_the_printed_option_number_in_each_passage(
        capsys: pytest.CaptureFixture[str], sites: dict[str, str]) -> None:
    folder = Path(sites["dir"])
    base = "Species are conserved. States cooperate. Threats are reduced. Progress is reported."
    assert run(capsys, "--db", sites["sec"], "set", "T2", "title", "--text", base)[0] == 0
    assert run(capsys, "--db", sites["sec"], "bundle", "export", str(folder / "b.cmsb"))[0] == 0
    for name, first, last in (("ke", "All States cooperate.", "Progress is published."),
                              ("es", "States act together.", "Progress is reported yearly.")):
        assert run(capsys, "--db", sites[name], "bundle", "import", str(folder / "b.cmsb"))[0] == 0
        words = base.replace("States cooperate.", first).replace("Progress is reported.", last)
        assert run(capsys, "--db", sites[name], "set", "T2", "title", "--text", words)[0] == 0
        assert run(capsys, "--db", sites[name], "bundle", "export", str(folder / f"{name}.cmsb"),
                   "--to", "UNEP/CMS Secretariat")[0] == 0
        assert run(capsys, "--db", sites["sec"], "bundle", "import",
                   str(folder / f"{name}.cmsb"))[0] == 0
    code, out, _ = run(capsys, "--db", sites["sec"], "conflicts")
    assert ("  passage 1 (was: States cooperate.)\n"
            "  1. (Kenya [unverified]) All States cooperate.\n"
            "  2. (Spain [unverified]) States act together.\n"
            "  passage 2 (was: Progress is reported.)\n"
            "  3. (Kenya [unverified]) Progress is published.\n"
            "  4. (Spain [unverified]) Progress is reported yearly.\n") in out
    assert "--choose N (one per passage: --choose N --choose M)" in out
    code, out, err = run(capsys, "--db", sites["sec"], "resolve", "T2", "title", "--choose", "7")
    assert code == 1 and err == ("cmsdesk: error: no option 7 in this field: its options are "
                                 "passage 1: 1, 2; passage 2: 3, 4\n")
    assert "1 conflict(s)" in run(capsys, "--db", sites["sec"], "conflicts")[1]
    assert run(capsys, "--db", sites["sec"], "resolve", "T2", "title", "--choose", "2",
               "--choose", "4")[0] == 0
    code, out, _ = run(capsys, "--db", sites["sec"], "show", "T2", "--json")
    assert json.loads(out)["fields"]["title"] == ("Species are conserved. States act together. "
                                                  "Threats are reduced. Progress is reported "
                                                  "yearly.")

def test_keys_are_listed_exported_and_pinned(capsys: pytest.CaptureFixture[str],
                                             sites: dict[str, str]) -> None:
    folder = Path(sites["dir"])
    key_file = str(folder / "kenya.key")
    code, out, _ = run(capsys, "--db", sites["ke"], "keys", "export", key_file)
    fingerprint = out.split("public key ")[1].split(" of ")[0]
    assert code == 0 and len(fingerprint.split()) == 5
    code, out, _ = run(capsys, "--db", sites["sec"], "keys", "pin", key_file)
    assert code == 0 and f"key {fingerprint} pinned for Kenya" in out
    code, out, _ = run(capsys, "--db", sites["sec"], "keys", "--json")
    rows = {r["party"]: r for r in json.loads(out)}
    assert rows["Kenya"]["pinned"] and rows["Kenya"]["fingerprint"] == fingerprint
    assert rows["CMS Secretariat"]["own"]
    assert run(capsys, "--db", sites["sec"], "keys", "unpin", "Kenya")[0] == 0
    code, _, err = run(capsys, "--db", sites["sec"], "keys", "pin", "Narnia")
    assert code == 1 and "no known peer 'Narnia'" in err
    code, out, _ = run(capsys, "--db", sites["ke"], "bundle", "export",
                       str(folder / "k.cmsb"), "--to", "UNEP/CMS Secretariat")
    code, out, _ = run(capsys, "--db", sites["sec"], "bundle", "import", str(folder / "k.cmsb"))
    assert code == 0 and "verified (known key)" in out


def test_import_errors_are_one_line_and_name_the_file(capsys: pytest.CaptureFixture[str],
                                                      sites: dict[str, str]) -> None:
    bad = Path(sites["dir"]) / "bad.cmsb"
    bad.write_bytes(b"PK\x03\x04 not really")
    code, out, err = run(capsys, "--db", sites["ke"], "bundle", "import", str(bad),
                         sites["draft"])
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err
    assert f"{bad}: the file is damaged or truncated" in err
    assert "1 of 2 file(s) imported; 1 refused" in out
    code, _, err = run(capsys, "--db", sites["ke"], "bundle", "inspect", str(bad))
    assert code == 1 and "damaged or truncated" in err
    code, _, err = run(capsys, "--db", sites["ke"], "resolve", "T2", "title", "--choose", "1")
    assert code == 1 and "not in conflict" in err
    code, _, err = run(capsys, "--db", sites["ke"], "bundle", "export",
                       str(Path(sites["dir"]) / "x.cmsb"), "--to", "Mars")
    assert code == 1 and "no known peer 'Mars'" in err


def test_inspect_without_a_store_and_import_into_a_new_one(
        capsys: pytest.CaptureFixture[str], sites: dict[str, str]) -> None:
    fresh = str(Path(sites["dir"]) / "fresh.db")
    code, out, _ = run(capsys, "--db", fresh, "bundle", "inspect", sites["draft"], "--json")
    data = json.loads(out)
    assert code == 0 and data["kind"] == "full" and data["store"] is None
    assert not Path(fresh).exists()  # inspecting created nothing
    code, out, _ = run(capsys, "--db", fresh, "bundle", "import", sites["draft"])
    assert code == 0 and "new plan" in out
    code, _, err = run(capsys, "--db", fresh, "--plan", "nope", "bundle", "import",
                       sites["draft"])
    assert code == 1 and "no plan 'nope'" in err


def test_the_installed_command_imports_and_refuses(sites: dict[str, str]) -> None:
    exe = str(Path(sys.executable).with_name("cmsdesk"))
    fresh = str(Path(sites["dir"]) / "sub.db")
    ok = subprocess.run([exe, "--db", fresh, "bundle", "import", sites["draft"]],
                        capture_output=True, text=True, timeout=60)
    # the starter plan: its outline, sentence rules and texts, with their French and Spanish
    assert ok.returncode == 0 and "621 new change(s)" in ok.stdout, ok.stderr
    bad = Path(sites["dir"]) / "evil.cmsb"
    bad.write_bytes(Path(sites["draft"]).read_bytes()[:-50])
    refused = subprocess.run([exe, "--db", fresh, "bundle", "import", str(bad)],
                             capture_output=True, text=True, timeout=60)
    assert refused.returncode == 1 and refused.stdout == ""
    assert refused.stderr.startswith("cmsdesk: error: ") and refused.stderr.count("\n") == 1
