"""The language options of the command line, driven as a user would."""

from __future__ import annotations

import json
from contextlib import nullcontext
from pathlib import Path

import pytest
from cli_support import run

from cmsdesk.cli import main


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "store.db")
    assert main(["--db", path, "identity", "--name", "Awa Koné", "--party", "Côte d'Ivoire",
                 "--region", "Africa"]) == 0
    assert main(["--db", path, "init", "--empty", "--title", "Plan"]) == 0
    assert main(["--db", path, "add", "top", "chapter", "--title", "Habitats",
                 "--text", "Habitats are protected."]) == 0
    capsys.readouterr()
    return path


def test_set_show_and_history_in_french(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", db, "show", "C1", "--lang", "fr")
    assert code == 0 and "[French version]" in out and "[missing]" in out
    assert "Habitats are protected." in out  # the original stands in
    assert run(capsys, "--db", db, "set", "C1", "text", "--lang", "fr", "--translation",
               "--text", "Les habitats sont protégés.")[0] == 0
    code, out, _ = run(capsys, "--db", db, "show", "C1", "--lang", "fr")
    assert "Les habitats sont protégés." in out and "Habitats are protected." not in out
    code, out, _ = run(capsys, "--db", db, "show", "C1")
    assert "Habitats are protected." in out and "protégés" not in out
    code, out, _ = run(capsys, "--db", db, "history", "C1", "text", "--lang", "fr")
    assert code == 0 and "Les habitats sont protégés." in out and "translates" in out
    code, out, _ = run(capsys, "--db", db, "translation", "status", "--json")
    status = json.loads(out)
    assert [x["field"] for x in status["fr"] if x["state"] == "missing"] == ["title", "title"]
    assert run(capsys, "--db", db, "set", "C1", "text", "--text",
               "Habitats are protected and restored.")[0] == 0
    code, out, _ = run(capsys, "--db", db, "translation", "status", "--lang", "fr")
    assert "C1    text        needs an update (the original changed)" in out
    assert run(capsys, "--db", db, "translation", "mark-current", "C1", "text",
               "--lang", "fr")[0] == 0
    code, out, _ = run(capsys, "--db", db, "translation", "status", "--lang", "fr")
    assert "text" not in out.split("\n", 1)[1]
    code, out, _ = run(capsys, "--db", db, "conflicts", "--lang", "fr")
    assert code == 0 and out.startswith("no conflicts")


def test_carry_a_french_proposal_into_the_original(db: str,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--db", db, "set", "C1", "text", "--lang", "fr",
               "--text", "Les habitats sont protégés et restaurés.")[0] == 0
    code, out, _ = run(capsys, "--db", db, "translation", "status", "--lang", "fr")
    assert "a proposal in this language" in out
    code, out, _ = run(capsys, "--db", db, "translation", "carry", "C1", "text", "--from", "fr",
                       "--text", "Habitats are protected and restored.")
    assert code == 0, out
    code, out, _ = run(capsys, "--db", db, "history", "C1", "text")
    assert "proposed by Côte d'Ivoire, in French" in out


def test_apply_lines_carry_their_language(db: str, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    edits = tmp_path / "edits.jsonl"
    edits.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in [
        {"node": "C1", "field": "title", "value": "Hábitats", "lang": "es"},
        {"node": "C1", "field": "title", "value": "Habitat"}]), encoding="utf-8")
    assert run(capsys, "--db", db, "apply", str(edits))[0] == 0
    code, out, _ = run(capsys, "--db", db, "show", "C1", "--lang", "es", "--json")
    view = json.loads(out)
    assert view["fields"]["title"] == "Hábitats" and view["states"]["title"] == "proposed"
    code, out, _ = run(capsys, "--db", db, "show", "C1", "--json")
    assert json.loads(out)["fields"]["title"] == "Habitat"


@pytest.mark.parametrize(("args", "message"), [
    (("set", "C1", "text", "--lang", "de", "--text", "x"), "invalid choice: 'de'"),
    (("set", "C1", "text", "--lang", "fr", "--translates", "abcdef12", "--text", "x"),
     "no version 'abcdef12' of the original text"),
    (("set", "C1", "text", "--translation", "--text", "x"), "go with --lang"),
    (("translation", "carry", "C1", "text", "--from", "fr", "--text", "x"),
     "has no French version"),
])
def test_bad_language_input_is_one_line_and_writes_nothing(
        db: str, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str) -> None:
    before = run(capsys, "--db", db, "history", "C1", "text", "--json")[1]
    with pytest.raises(SystemExit) if "invalid choice" in message else nullcontext():
        code, _out, err = run(capsys, "--db", db, *args)
        assert code != 0 and message in err and len(err.strip().splitlines()) == 1
    if "invalid choice" in message:
        assert message in capsys.readouterr().err
    assert run(capsys, "--db", db, "history", "C1", "text", "--json")[1] == before


def test_apply_refuses_an_unknown_language(db: str, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    edits = tmp_path / "edits.jsonl"
    edits.write_text('{"node": "C1", "field": "title", "value": "Titel", "lang": "de"}\n',
                     encoding="utf-8")
    code, _out, err = run(capsys, "--db", db, "apply", str(edits))
    assert code != 0 and "line 1: unknown language 'de'" in err and "nothing was applied" in err

