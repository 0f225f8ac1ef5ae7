"""The export and draft commands as a user runs them: files written, one clear line on stderr
for every mistake, never a traceback."""

from __future__ import annotations

import json
import os
from pathlib import Path

import docx
import pytest
from cli_support import run


def test_export_docx_and_markdown(capsys: pytest.CaptureFixture[str], db: str,
                                  tmp_path: Path) -> None:
    out = tmp_path / "plan.docx"
    code, stdout, err = run(capsys, "--db", db, "export", "docx", str(out), "--date",
                            "2014-07-25", "--framework", "aichi", "--framework", "kmgbf")
    assert code == 0 and stdout.strip() == f"wrote {out}" and not err
    doc = docx.Document(str(out))
    assert "25 July 2014" in doc.tables[0].cell(0, 1).text and len(doc.tables) == 3
    code, _o, _e = run(capsys, "--db", db, "export", "docx", str(out), "--no-companion")
    headings = [p.text for p in docx.Document(str(out)).paragraphs
                if p.style.name == "Heading 1"]
    assert code == 0 and not any("Companion Volume" in h for h in headings)
    md = tmp_path / "plan.md"
    code, _o, _e = run(capsys, "--db", db, "export", "markdown", str(md))
    assert code == 0 and "##### Target 16: Resource mobilisation" in md.read_text("utf-8")


def test_drafts_and_the_compilation(capsys: pytest.CaptureFixture[str], db: str,
                                    tmp_path: Path) -> None:
    code, stdout, _e = run(capsys, "--db", db, "draft", "list")
    assert code == 0 and "no named drafts yet" in stdout
    code, stdout, _e = run(capsys, "--db", db, "draft", "mark", "Consultation draft 1",
                           "--symbol", "UNEP/CMS/StC44/Doc.1", "--date", "2014-02-01")
    assert code == 0 and stdout.startswith("marked draft 'Consultation draft 1' (2014-02-01")
    assert run(capsys, "--db", db, "set", "T7", "text", "--text", "A new wording.")[0] == 0
    assert run(capsys, "--db", db, "comment", "T7", "--text", "Ghana prefers this.")[0] == 0
    code, stdout, _e = run(capsys, "--db", db, "draft", "list", "--json")
    drafts = json.loads(stdout)
    assert code == 0 and [d["name"] for d in drafts] == ["Consultation draft 1"]
    assert drafts[0]["symbol"] == "UNEP/CMS/StC44/Doc.1" and drafts[0]["changes"] > 100
    out = tmp_path / "compilation.docx"
    code, stdout, err = run(capsys, "--db", db, "export", "compilation", str(out), "--since",
                            "consultation draft 1")
    assert code == 0 and not err
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert any(t.startswith("Baseline: Consultation draft 1, UNEP/CMS/StC44/Doc.1 (1 February 2014)")
               for t in texts)
    assert any(t.startswith("Proposed by Ghana (Africa), by Kofi Mensah") for t in texts)
    assert any("Ghana prefers this." in t for t in texts)


@pytest.mark.parametrize(("args", "message"), [
    (["draft", "mark", "D", "--date", "25/07/2014"], "'25/07/2014' is not a date: write it as "
                                                     "YYYY-MM-DD"),
    (["export", "docx", "{tmp}/x.docx", "--date", "July"], "'July' is not a date"),
    (["export", "docx", "{tmp}/x.docx", "--framework", "sdg"], "no framework 'sdg' in this store"),
    (["export", "compilation", "{tmp}/x.docx", "--since", "Draft 9"],
     "no draft 'Draft 9': this plan has no named drafts yet"),
    (["export", "markdown", "{tmp}/missing/x.md"], "the folder does not exist"),
])
def test_mistakes_give_one_clear_line(capsys: pytest.CaptureFixture[str], db: str,
                                      tmp_path: Path, args: list[str], message: str) -> None:
    code, _out, err = run(capsys, "--db", db, *[a.format(tmp=tmp_path) for a in args])
    assert code == 1 and message in err
    assert err.count("\n") == 1 and err.startswith("cmsdesk: error: ")
    assert "Traceback" not in err and not (tmp_path / "x.docx").exists()


def test_a_locked_file_keeps_the_old_export(capsys: pytest.CaptureFixture[str], db: str,
                                            tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "plan.docx"
    out.write_bytes(b"yesterday's document")

    def refuse(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied", dst)

    monkeypatch.setattr(os, "replace", refuse)
    code, _out, err = run(capsys, "--db", db, "export", "docx", str(out))
    assert code == 1 and "open in another program" in err and err.count("\n") == 1
    assert out.read_bytes() == b"yesterday's document"
