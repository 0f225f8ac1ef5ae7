"""Documents in each language: furniture words and the symbol prefix in the document XML, each
text's language version, and the original standing in, marked and counted, where none exists."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from export_support import node, paragraphs, tree

from cmsdesk.cli import main
from cmsdesk.export.docx_plan import export_plan_docx
from cmsdesk.export.localized import Fallbacks
from cmsdesk.export.markdown_plan import export_plan_markdown
from cmsdesk.models.commands import PlanEditor
from cmsdesk.models.store import Store

DAY = date(2014, 7, 1)


@pytest.fixture
def plan(plan_store: tuple[Store, str]) -> tuple[Store, str, str]:
    """The starter plan (its texts in three languages) with new French and Spanish versions
    of target 1's title and text, and a goal added in English only."""
    store, plan_id = plan_store
    t1 = node(store, plan_id, "T1")
    editor = PlanEditor(store, plan_id)
    editor.add_node(node(store, plan_id, "C4"), "goal", "Added in English only",
                    "A goal written in English only.")
    editor.set_fields([(t1, "title", "Sensibilisation"), (t1, "text", "Les gens savent.")],
                      "fr", translation=True)
    editor.set_fields([(t1, "title", "Concienciación"), (t1, "text", "La gente sabe.")],
                      "es", translation=True)
    return store, plan_id, t1


def _text(path: Path) -> str:
    return "\n".join(text for _style, text in paragraphs(tree(path)))


@pytest.mark.parametrize(("lang", "words", "foreign"), [
    ("fr", ["PNUE/CMS/COP11/Doc.15.2", "Original\u00a0: anglais", "Original : anglais",
            "Objectif 1", "But 1", "Sensibilisation", "Les gens savent.",
            "Note explicative", "(original en anglais : pas encore traduit)", "(non traduit)",
            "Convention sur les espèces migratrices"],
     ["Target 1", "Goal 1", "UNEP/CMS", "Explanatory note"]),
    ("es", ["PNUMA/CMS/COP11/Doc.15.2", "Original: inglés", "Meta 1", "Objetivo 1",
            "Concienciación", "La gente sabe.", "Nota explicativa",
            "(original en inglés: aún no traducido)", "(sin traducir)"],
     ["Target 1", "Goal 1", "UNEP/CMS", "Explanatory note"]),
])
def test_a_word_document_in_each_language(plan: tuple[Store, str, str], tmp_path: Path,
                                          lang: str, words: list[str],
                                          foreign: list[str]) -> None:
    store, plan_id, _t1 = plan
    out = tmp_path / f"plan-{lang}.docx"
    fallbacks = Fallbacks()
    with store.session() as s:
        export_plan_docx(s, plan_id, out, issued=DAY, lang=lang, fallbacks=fallbacks)
    text = _text(out)
    found = [w for w in words if w in text]
    # French typography may use a no-break space before the colon: one of the two forms
    assert set(words) - set(found) <= {"Original\u00a0: anglais", "Original : anglais"}
    headings = "\n".join(t for style, t in paragraphs(tree(out)) if style.startswith("Heading")
                         or style in ("Fieldlabel", "Distributionblock", "Documentsymbol"))
    assert "Objectif" in headings or "Meta" in headings
    for word in foreign:  # (the English texts standing in may name "Aichi Target 1")
        assert word not in headings, word
    assert fallbacks.count == 2  # the new goal's title and text: the starter plan has all
    assert f"{fallbacks.count} text(s) not yet translated" in fallbacks.summary()


def test_the_original_language_document_has_no_fallback(plan: tuple[Store, str, str],
                                                        tmp_path: Path) -> None:
    store, plan_id, _t1 = plan
    fallbacks = Fallbacks()
    with store.session() as s:
        export_plan_docx(s, plan_id, tmp_path / "en.docx", issued=DAY, fallbacks=fallbacks)
    text = _text(tmp_path / "en.docx")
    assert "UNEP/CMS/COP11/Doc.15.2" in text and "Target 1" in text
    assert "Sensibilisation" not in text and "not translated" not in text
    assert fallbacks.count == 0 and fallbacks.summary() == ""


def test_markdown_in_french(plan: tuple[Store, str, str], tmp_path: Path) -> None:
    store, plan_id, _t1 = plan
    out = tmp_path / "plan.md"
    fallbacks = Fallbacks()
    with store.session() as s:
        export_plan_markdown(s, plan_id, out, issued=DAY, lang="fr", fallbacks=fallbacks)
    text = out.read_text(encoding="utf-8")
    assert text.startswith("**PNUE/CMS/COP11/Doc.15.2**  \nDistr. générale  \n1er juillet 2014  \n"
                           "Original : anglais\n\nCONVENTION SUR LES ESPÈCES MIGRATRICES")
    assert "Objectif 1\u00a0: Sensibilisation" in text and "Les gens savent." in text
    assert f"*{fallbacks.count} texte(s) du présent document" in text
    assert "Objectif du présent Plan" in text and "Target of this Plan" not in text
    assert "# Target 1" not in text and "# Goal 1" not in text and "(primary)" not in text


def test_cli_export_in_spanish_reports_the_fallbacks(plan: tuple[Store, str, str],
                                                     tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    store, _plan_id, _t1 = plan
    db = str(store.path)
    store.close()
    out = tmp_path / "plan-es.md"
    assert main(["--db", db, "export", "markdown", str(out), "--lang", "es"]) == 0
    printed = capsys.readouterr().out
    assert "text(s) not yet translated into Spanish: printed in the original (English)" in printed
    assert "Meta 1: Concienciación" in out.read_text(encoding="utf-8")
    assert main(["--db", db, "export", "compilation", str(tmp_path / "c.docx"),
                 "--lang", "fr"]) == 0
    compiled = _text(tmp_path / "c.docx")
    assert "PNUE/CMS/COP11/Doc.15.2/Add.1" in compiled and "Distribution : générale" in compiled
    assert "COMPILATION DES OBSERVATIONS ET PROPOSITIONS REÇUES" in compiled
