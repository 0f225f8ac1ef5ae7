"""Every string of the editor goes through Qt's translation functions, the French and Spanish
sources are up to date with the code, and they load."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from cmsdesk.ui import i18n


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


def test_the_sources_are_up_to_date(tmp_path: Path) -> None:
    fresh = i18n.update_sources(tmp_path)
    for language, path in zip(i18n.LANGUAGES, fresh, strict=True):
        assert set(messages(path)) == set(messages(i18n.ts_path(language))), (
            "the .ts sources lag behind the code: run python -m cmsdesk.ui.i18n update")


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_every_string_of_the_window_is_translated(language: str) -> None:
    """No unfinished, obsolete or vanished message: a string added to the window without its
    French and Spanish fails here, as does a translation left behind by a removed string."""
    root = ET.parse(i18n.ts_path(language)).getroot()
    states = [m.find("translation").get("type") for m in root.iter("message")]  # type: ignore
    assert len(states) > 350
    assert [s for s in states if s is not None] == []
    found = messages(i18n.ts_path(language))
    for (_ctx, source), text in found.items():  # placeholders and markup survive translation
        assert text, source
        for n in range(1, 5):
            assert (f"%{n}" in source) == (f"%{n}" in text), (source, text)
        for tag in ("<b>", "<p>", "<br>"):
            assert source.count(tag) == text.count(tag), (source, text)
        if "&" in source.replace("&&", "") and not source.startswith("<"):
            assert "&" in text, (source, text)  # a keyboard accelerator kept


def test_the_convention_terms_are_the_established_ones() -> None:
    """CMS/CBD terms: Aichi Targets, Goal and Target as the Convention's documents say them."""
    fr, es = (messages(i18n.ts_path(lang)) for lang in ("fr", "es"))
    fr_texts, es_texts = " ".join(filter(None, fr.values())), " ".join(filter(None, es.values()))
    assert "Objectifs d’Aichi pour la biodiversité" in fr_texts
    assert "Metas de Aichi para la Diversidad Biológica" in es_texts
    assert fr[("labels", "Goal")] == "But" and fr[("labels", "Target")] == "Objectif"
    assert es[("labels", "Goal")] == "Objetivo" and es[("labels", "Target")] == "Meta"


def test_compiled_translations_load(qapp: QCoreApplication, tmp_path: Path) -> None:
    i18n.build(tmp_path)
    expected = {"fr": ("&Fichier", "Objectif"), "es": ("&Archivo", "Meta")}
    for language, (file_menu, target) in expected.items():
        translator = QTranslator()
        assert translator.load(str(tmp_path / f"cmsdesk_{language}.qm"))
        assert translator.translate("MainWindow", "&File") == file_menu
        assert translator.translate("labels", "Target") == target
