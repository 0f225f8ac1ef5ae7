"""``cmsdesk init --from FILE``: a plan from a Markdown outline, a JSON file or a Word draft."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from cli_support import run

from cmsdesk.models import queries
from cmsdesk.models.store import Store

OUTLINE_MD = """\
# Plan stratégique pour les espèces migratrices 2015-2023

## Vision

Les populations d'animaux migrateurs sont dans un état de conservation favorable.

## Buts et objectifs

### But 1: Causes sous-jacentes

Traiter les causes sous-jacentes.

#### Objectif 1: Sensibilisation

D'ici 2020, les gens sont conscients des valeurs des espèces migratrices.

**Indicateurs**

- Tendances de la sensibilisation

Cross-references: Aichi 1; Aichi 2 (supporting)

#### Objectif 2: Planification

Les valeurs sont intégrées.

### But 2: Pressions directes

#### Target 3: Incentives

Harmful incentives are reformed.
"""


def _tree(db: str) -> list[dict[str, Any]]:
    """Every node of the only plan: kind, depth, title, fields and cross-references."""
    with Store.open(Path(db), write=False) as store, store.session() as s:
        plan = queries.find_plan(s, None)
        out = []
        for e in queries.outline(s, plan.id):
            view = queries.node_view(s, e.id, e)
            fields = {k: v for k, v in view.fields.items() if k != "status"}
            xrefs = sorted((x.framework, x.target, x.relevance) for x in view.xrefs)
            out.append({"kind": e.kind, "depth": e.depth, "fields": fields, "xrefs": xrefs})
        return [{"plan": (plan.title, plan.period, plan.symbol)}, *out]


def _plans(db: str) -> int:
    with Store.open(Path(db), write=False) as store, store.session() as s:
        return len(queries.plans(s))


@pytest.mark.parametrize("kind", ["markdown", "docx"])
def test_own_export_becomes_the_same_plan(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                          kind: str) -> None:
    source, copy = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    assert run(capsys, "--db", source, "init")[0] == 0
    out = tmp_path / ("plan.md" if kind == "markdown" else "plan.docx")
    assert run(capsys, "--db", source, "export", kind, str(out))[0] == 0
    code, said, err = run(capsys, "--db", copy, "init", "--from", str(out))
    assert code == 0, err
    assert "16 target(s)" in said and "29 cross-reference(s)" in said
    original, imported = _tree(source), _tree(copy)
    assert imported[0] == original[0]
    # every node, field text and cross-reference comes back (notes of links are not printed)
    assert imported[1:] == original[1:]


def test_markdown_outline_in_french_with_cross_references(capsys: pytest.CaptureFixture[str],
                                                          tmp_path: Path) -> None:
    src = tmp_path / "plan.md"
    src.write_text(OUTLINE_MD, encoding="utf-8")
    db = str(tmp_path / "s.db")
    code, _out, err = run(capsys, "--db", db, "init", "--from", str(src))
    assert code == 0, err
    tree = _tree(db)
    assert tree[0]["plan"] == ("Plan stratégique pour les espèces migratrices 2015-2023",
                               "2015-2023", "")
    kinds = [(n["kind"], n["depth"], n["fields"]["title"]) for n in tree[1:]]
    assert kinds == [("chapter", 0, "Vision"), ("chapter", 0, "Buts et objectifs"),
                     ("goal", 1, "Causes sous-jacentes"), ("target", 2, "Sensibilisation"),
                     ("target", 2, "Planification"), ("goal", 1, "Pressions directes"),
                     ("target", 2, "Incentives")]
    first = tree[4]
    assert first["fields"]["text"].startswith("D'ici 2020")
    assert first["fields"]["indicators"] == "- Tendances de la sensibilisation"
    assert first["xrefs"] == [("aichi", "1", "primary"), ("aichi", "2", "supporting")]


def test_json_in_the_documented_schema(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    src = tmp_path / "plan.json"
    src.write_text(json.dumps({
        "format": "cmsdesk-template", "version": 1,
        "plan": {"title": "Plan", "period": "2024-2032", "symbol": "UNEP/CMS/COP14/Doc.1"},
        "outline": [{"kind": "chapter", "title": "Goals", "children": [
            {"kind": "goal", "title": "Pressures", "children": [
                {"kind": "target", "title": "Bycatch", "text": "Bycatch is reduced.",
                 "status": "proposed",
                 "xrefs": [{"framework": "kmgbf", "target": "5", "relevance": "primary"}]}]}]}],
    }), encoding="utf-8")
    db = str(tmp_path / "s.db")
    code, _out, err = run(capsys, "--db", db, "init", "--from", str(src))
    assert code == 0, err
    tree = _tree(db)
    assert tree[0]["plan"] == ("Plan", "2024-2032", "UNEP/CMS/COP14/Doc.1")
    assert tree[3]["fields"]["text"] == "Bycatch is reduced."
    assert tree[3]["xrefs"] == [("kmgbf", "5", "primary")]


BAD_JSON = [
    ({"plan": {"title": "P"}, "outline": [{"kind": "goal", "title": "G"}]},
     "goal 'G': a goal cannot be placed under the top of the outline"),
    ({"plan": {"title": "P"}, "outline": [{"kind": "chapter", "title": "C", "children": [
        {"kind": "target", "title": "T", "xrefs": [{"framework": "nope", "target": "1"}]}]}]},
     "unknown framework 'nope'"),
    ({"plan": {"title": "P"}, "outline": [{"kind": "chapter", "title": "C", "children": [
        {"kind": "target", "title": "T", "xrefs": [{"framework": "aichi", "target": "99"}]}]}]},
     "has no target '99'"),
    ({"plan": {"title": "P"}, "outline": [{"kind": "chaptre", "title": "C"}]},
     "unknown kind 'chaptre'"),
    ({"plan": {"title": "P"}, "outline": []}, "the outline is empty"),
    ({"plan": {"title": "P"}, "outline": [{"kind": "chapter", "title": "C", "colour": "red"}]},
     "has no field 'colour'"),
    ({"format": "cmsdesk-template", "version": 7, "plan": {"title": "P"}, "outline": []},
     "version 7"),
    ([1, 2], "not a plan outline"),
]


@pytest.mark.parametrize(("data", "message"), BAD_JSON)
def test_bad_json_is_refused_and_nothing_written(capsys: pytest.CaptureFixture[str],
                                                 tmp_path: Path, data: Any, message: str) -> None:
    src = tmp_path / "plan.json"
    src.write_text(json.dumps(data), encoding="utf-8")
    db = str(tmp_path / "s.db")
    code, _out, err = run(capsys, "--db", db, "init", "--from", str(src))
    assert code == 1 and message in err and len(err.strip().splitlines()) == 1, err
    assert _plans(db) == 0


def _bad_files(tmp_path: Path) -> list[tuple[Path, str]]:
    broken = tmp_path / "broken.json"
    broken.write_text('{"plan": ', encoding="utf-8")
    goal_on_top = tmp_path / "top.md"
    goal_on_top.write_text("## Goal 1: Alone\n\nText.\n\n## Vision\n", encoding="utf-8")
    no_headings = tmp_path / "none.md"
    no_headings.write_text("Just a letter with no headings.\n", encoding="utf-8")
    damaged = tmp_path / "damaged.docx"
    damaged.write_bytes(b"PK\x03\x04 this is not really a zip")
    locked = tmp_path / "locked.docx"
    locked.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    macros = tmp_path / "macros.docx"
    with zipfile.ZipFile(macros, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
        z.writestr("word/vbaProject.bin", b"\0")
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    return [(broken, "is not valid JSON (line 1"), (goal_on_top, "line 1: 'Goal 1: Alone' is a "
            "goal, which cannot be placed under the top of the outline"),
            (no_headings, "the outline is empty"), (damaged, "is not a Word .docx file"),
            (locked, "password-protected"), (macros, "contains macros"),
            (tmp_path / "reply.docm", "macro-enabled"), (pdf, "not a .pdf"),
            (tmp_path / "missing.md", "cannot read")]


def test_bad_files_are_refused_in_one_line(capsys: pytest.CaptureFixture[str],
                                           tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    for path, message in _bad_files(tmp_path):
        code, _out, err = run(capsys, "--db", db, "init", "--from", str(path))
        assert code == 1 and message in err and len(err.strip().splitlines()) == 1, (path, err)
    assert _plans(db) == 0
