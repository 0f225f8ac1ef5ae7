"""Every string of the editor goes through Qt's translation functions, the French and Spanish
sources are up to date with the code, and they load."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from cmsdesk.ui import i18n

# The editor's modules (issue 4); other parts of the window keep their own contexts.
EDITOR_MODULES = ("app", "comments_panel", "conflict_banner", "coverage_view", "dialogs",
                  "document", "fields", "labels", "mainwindow", "node_editor", "outline_model",
                  "outline_panel", "progress", "search_panel", "trash_panel", "xref_panel")
FUNCTION_CONTEXTS = {"labels", "app", "progress"}


def messages(path: Path) -> dict[tuple[str, str], str | None]:
    """(context, source) -> translation, None where unfinished."""
    out = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            tr = m.find("translation")
            done = tr is not None and tr.get("type") not in ("unfinished", "obsolete")
            out[(name, m.findtext("source") or "")] = tr.text if done and tr is not None else None
    return out


def editor_contexts() -> set[str]:
    names = set(FUNCTION_CONTEXTS)
    for module in EDITOR_MODULES:
        tree = ast.parse((i18n.UI_PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
        names |= {n.name for n in ast.walk(tree) if isinstance(n, ast.ClassDef)}
    return names


def test_the_sources_are_up_to_date(tmp_path: Path) -> None:
    fresh = i18n.update_sources(tmp_path)
    for language, path in zip(i18n.LANGUAGES, fresh, strict=True):
        assert set(messages(path)) == set(messages(i18n.ts_path(language))), (
            "the .ts sources lag behind the code: run python -m cmsdesk.ui.i18n update")


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_the_editor_is_translated(language: str) -> None:
    contexts = editor_contexts()
    found = messages(i18n.ts_path(language))
    ours = {k: v for k, v in found.items() if k[0] in contexts}
    assert len(ours) > 150
    assert [k for k, v in ours.items() if not v] == []
    for (_ctx, source), text in ours.items():  # placeholders survive translation
        for n in range(1, 5):
            assert (f"%{n}" in source) == (f"%{n}" in (text or "")), (source, text)


def test_compiled_translations_load(qapp: QCoreApplication, tmp_path: Path) -> None:
    i18n.build(tmp_path)
    expected = {"fr": ("&Fichier", "Objectif"), "es": ("&Archivo", "Meta")}
    for language, (file_menu, target) in expected.items():
        translator = QTranslator()
        assert translator.load(str(tmp_path / f"cmsdesk_{language}.qm"))
        assert translator.translate("MainWindow", "&File") == file_menu
        assert translator.translate("labels", "Target") == target
