"""Layout: usable at 1024x768, export dialogs without stray or overlapping widgets, sensible
default file names."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot
from ui_support import QT_LOG_MARKS, make_window, select_label, silence_dialogs

from cmsdesk.models.store import Store
from cmsdesk.ui.export_dialogs import (
    COMPILATION,
    DOCX,
    MARKDOWN,
    DocumentOptionsDialog,
    export_document,
    file_stem,
)
from cmsdesk.ui.review_panels import install

pytestmark = QT_LOG_MARKS


def shown_children(dialog: QWidget) -> list[QWidget]:
    return [w for w in dialog.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
            if w.isVisible() and not w.isWindow()]


@pytest.mark.parametrize("kind", [DOCX, MARKDOWN, COMPILATION])
def test_export_dialogs_have_no_stray_or_overlapping_widget(
        qtbot: QtBot, plan_store: tuple[Store, str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    silence_dialogs(monkeypatch)
    store, plan_id = plan_store
    window = make_window(qtbot, store, plan_id, tmp_path)
    dialog = DocumentOptionsDialog(window.document, kind, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    widgets = shown_children(dialog)
    assert len(widgets) > 3
    for a, b in combinations(widgets, 2):
        assert not a.geometry().intersects(b.geometry()), (a, b)
    assert dialog.width() <= 1024


def test_the_proposed_file_name_is_the_title_cut_between_words_and_the_date(
        qtbot: QtBot, plan_store: tuple[Store, str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    assert file_stem("Strategic Plan for Migratory Species 2015-2023") == \
        "strategic-plan-for-migratory-species-2015-2023"
    assert file_stem("A very long title of a plan that goes on and on without an end") == \
        "a-very-long-title-of-a-plan-that-goes-on-and-on"
    silence_dialogs(monkeypatch)
    store, plan_id = plan_store
    window = make_window(qtbot, store, plan_id, tmp_path)
    monkeypatch.setattr(DocumentOptionsDialog, "exec", lambda d: 1)
    proposed: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda _p, _t, name, _f: (proposed.append(name), ("", ""))[1])
    export_document(window.document, DOCX, window)
    name = Path(proposed[0]).name
    assert name.startswith("strategic-plan-for-migratory-species-2015-2023-20")
    assert name.endswith(".docx") and len(name) == len("strategic-plan-for-migratory-species-"
                                                       "2015-2023-2026-01-01.docx")


def test_usable_at_1024x768(qtbot: QtBot, plan_store: tuple[Store, str], tmp_path: Path,
                            monkeypatch: pytest.MonkeyPatch) -> None:
    silence_dialogs(monkeypatch)
    store, plan_id = plan_store
    window = make_window(qtbot, store, plan_id, tmp_path, size=(1024, 768))
    panels = install(window)
    panels.show_review()
    select_label(window, "T3")
    assert window.minimumSizeHint().width() <= 1024
    assert window.width() <= 1024
    bar = window.editor.tabs.tabBar()
    for i in range(bar.count()):
        if bar.isTabVisible(i):
            text = bar.tabText(i).replace("&", "")
            shown = bar.tabRect(i).width()
            assert shown >= bar.fontMetrics().horizontalAdvance(text[:4]), text
    for dock in (window.outline_dock, window.xref_dock):
        assert dock.width() >= 180


@pytest.mark.parametrize(("lang", "size"), [("fr", (1280, 800)), ("es", (1280, 800)),
                                            ("es", (1024, 768))])
def test_the_editor_never_scrolls_sideways_in_french_or_spanish(
        qtbot: QtBot, plan_store: tuple[Store, str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, lang: str, size: tuple[int, int]) -> None:
    """Editing the French or Spanish version in that interface language: the language bar's
    longer words once made the editor wider than its room, so it scrolled sideways and cut
    the texts at the right."""
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication, QScrollArea

    from cmsdesk.ui.i18n import install_translators

    silence_dialogs(monkeypatch)
    app = QApplication.instance()
    before = QLocale()
    QLocale.setDefault(QLocale(lang))
    translators = install_translators(app, QLocale(lang))
    try:
        store, plan_id = plan_store
        window = make_window(qtbot, store, plan_id, tmp_path, size=size)
        select_label(window, "T1")
        window.document.set_language(lang)
        qtbot.wait(50)
        scroller = window.editor.stack.currentWidget()
        assert isinstance(scroller, QScrollArea)
        assert window.editor.language_bar.tools.isVisible()
        assert scroller.horizontalScrollBar().maximum() == 0
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(before)


def _export_to(window: QWidget, monkeypatch: pytest.MonkeyPatch, target: Path,
               during: list[object] | None = None) -> tuple[Path | None, list[str]]:
    """Export the plan to Word from the window into ``target``; what it returned and the
    status bar's messages."""
    monkeypatch.setattr(DocumentOptionsDialog, "exec", lambda d: 1)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    said: list[str] = []
    window.document.hub.message.connect(said.append)  # type: ignore[attr-defined]
    return export_document(window.document, DOCX, window), said  # type: ignore[attr-defined]


def test_the_window_writes_word_in_a_child_and_shows_its_errors(
        qtbot: QtBot, plan_store: tuple[Store, str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    shown = silence_dialogs(monkeypatch)
    store, plan_id = plan_store
    window = make_window(qtbot, store, plan_id, tmp_path)
    written, said = _export_to(window, monkeypatch, tmp_path / "plan.docx")
    assert written == tmp_path / "plan.docx" and written.stat().st_size > 10_000
    assert said == [f"Wrote {written}"] and shown == []
    written, said = _export_to(window, monkeypatch, tmp_path / "missing" / "plan.docx")
    assert written is None and len(shown) == 1
    assert "the folder does not exist" in shown[0] and "Nothing was written" in shown[0]


def test_cancel_stops_the_word_export_and_writes_nothing(
        qtbot: QtBot, plan_store: tuple[Store, str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QProgressDialog, QPushButton

    shown = silence_dialogs(monkeypatch)
    store, plan_id = plan_store
    window = make_window(qtbot, store, plan_id, tmp_path)
    out = tmp_path / "out"
    out.mkdir()

    def press_cancel() -> None:
        dialogs = [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
        assert dialogs, "the progress dialog is shown at once"
        dialogs[0].findChild(QPushButton).click()

    QTimer.singleShot(300, press_cancel)
    written, said = _export_to(window, monkeypatch, out / "plan.docx")
    assert written is None and shown == []
    assert said == ["Export cancelled: nothing was written."]
    assert list(out.iterdir()) == []
