"""Help > User guide (offline, the text of docs/) and Edit > Preferences."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QTextBrowser
from pytestqt.qtbot import QtBot
from ui_support import QT_LOG_MARKS, starter_window

from cmsdesk.models.store import Store
from cmsdesk.ui import fields, theme
from cmsdesk.ui.help_guide import GuideDialog, guide_text
from cmsdesk.ui.preferences import (
    AUTOSAVE_SETTING,
    EXPORT_FOLDER_SETTING,
    LANGUAGE_SETTING,
    PreferencesDialog,
    export_folder,
)

pytestmark = QT_LOG_MARKS
DOCS = Path(__file__).resolve().parent.parent / "docs"


# The same tasks in each language, under the words the interface uses.
TASKS = {
    "en": ("## Receive a draft", "## Propose and comment", "## Send a bundle",
           "## Merge a region", "## Settle conflicts", "## Print the Word document"),
    "fr": ("## Recevoir un projet", "## Proposer et commenter", "## Envoyer un paquet",
           "## Fusionner une région", "## Régler les conflits", "## Imprimer le document Word"),
    "es": ("## Recibir un borrador", "## Proponer y comentar", "## Enviar un paquete",
           "## Fusionar una región", "## Resolver los conflictos",
           "## Imprimir el documento Word"),
}
# CMS/CBD terms as each language has them, and words that would betray another language.
TERMS = {"en": ("Aichi Biodiversity Targets", "Companion Volume", "Secretariat"),
         "fr": ("Objectifs d’Aichi pour la biodiversité", "Volume d’accompagnement",
                "Secrétariat de la CMS", "Fichier > Importer des paquets…"),
         "es": ("Metas de Aichi para la Diversidad Biológica", "Volumen complementario",
                "Secretaría de la CMS", "Archivo > Importar paquetes…")}
FOREIGN = {"en": (" le ", " les ", " los ", " las ", "Objectif", "Metas"),
           "fr": (" the ", " and ", " los ", " las ", "File >", "Edit >", "Archivo", "Metas"),
           "es": (" the ", " and ", " les ", " des ", "File >", "Edit >", "Fichier",
                  "Objectifs")}


def guide_file(lang: str) -> Path:
    return DOCS / ("user-guide.md" if lang == "en" else f"user-guide.{lang}.md")


@pytest.mark.parametrize("lang", sorted(TASKS))
def test_the_shipped_guide_is_the_text_of_the_docs_in_each_language(lang: str) -> None:
    text = guide_text(lang)
    assert text == guide_file(lang).read_text(encoding="utf-8")
    assert [task for line in text.splitlines() for task in TASKS[lang]
            if line.startswith(task)] == list(TASKS[lang])
    english = guide_text("en")
    assert text.count("\n## ") == english.count("\n## ")  # the same sections
    words = " ".join(text.split())  # lines joined as the guide reads
    assert [term for term in TERMS[lang] if term not in words] == []
    assert [w for w in FOREIGN[lang] if w in words] == []  # one language only


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_the_guide_shown_follows_the_interface_language(qtbot: QtBot, lang: str) -> None:
    from PySide6.QtCore import QLocale

    before = QLocale()
    QLocale.setDefault(QLocale(lang))
    try:
        dialog = GuideDialog()
        qtbot.addWidget(dialog)
        shown = dialog.browser.toPlainText()
    finally:
        QLocale.setDefault(before)
    assert TASKS[lang][4].removeprefix("## ") in shown
    assert TASKS["en"][4].removeprefix("## ") not in shown
    assert guide_text("de") == guide_text("en")  # no guide in that language: the English one


def test_the_guide_covers_each_users_tasks_and_opens_from_help(
        qtbot: QtBot, plan_store: tuple[Store, str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    text = guide_text("en")
    for task in ("## Receive a draft", "## Propose and comment", "## Send a bundle",
                 "## Merge a region", "## Settle conflicts", "## Print the Word document"):
        assert task in text
    window = starter_window(qtbot, plan_store, tmp_path, monkeypatch)
    assert window.navigation is not None
    assert window.navigation.guide_action.shortcut().toString() == "F1"
    dialog = window.navigation.show_guide()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, GuideDialog)
    browser = dialog.findChild(QTextBrowser)
    assert "Settle conflicts" in browser.toPlainText()
    assert "##" not in browser.toPlainText()  # rendered, not shown as Markdown source


def test_preferences_apply_theme_delay_folder_and_language(
        qtbot: QtBot, plan_store: tuple[Store, str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = starter_window(qtbot, plan_store, tmp_path, monkeypatch)
    settings = window.settings
    dialog = PreferencesDialog(settings, window.document.store, window)
    qtbot.addWidget(dialog)
    assert dialog.identity.text() == "Ana Pérez (Spain, Europe, delegate)"
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.autosave.setValue(4.0)
    dialog.folder.setText(str(tmp_path))
    try:
        dialog.apply()
        assert settings.value(LANGUAGE_SETTING) == "fr"
        assert theme.is_dark() and settings.value(theme.SETTING) == "dark"
        assert fields.autosave_delay() == 4000 and int(settings.value(AUTOSAVE_SETTING)) == 4000
        assert settings.value(EXPORT_FOLDER_SETTING) == str(tmp_path)
        assert export_folder(settings) == tmp_path
        dialog.folder.setText(str(tmp_path / "missing"))  # a folder that does not exist
        dialog.apply()
        assert export_folder(settings) == Path.home()
    finally:
        fields.set_autosave_delay(fields.AUTOSAVE_DELAY_MS)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        theme.ThemeSwitcher.of(app).apply("system")
