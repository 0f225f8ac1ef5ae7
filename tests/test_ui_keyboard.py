"""Keyboard: shortcuts in the platform's conventions and none used twice, the list in Help,
three Tab stops from the outline to the text, one undo history, Save now and the saved state."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from pytestqt.qtbot import QtBot
from ui_support import QT_LOG_MARKS, node_id, select_label, starter_window, view

from cmsdesk.models.store import Store
from cmsdesk.ui.mainwindow import MainWindow
from cmsdesk.ui.review_panels import ReviewPanels, install
from cmsdesk.ui.shortcuts import ShortcutsDialog

pytestmark = QT_LOG_MARKS


@pytest.fixture
def desk(qtbot: QtBot, plan_store: tuple[Store, str], tmp_path: Path,
         monkeypatch: pytest.MonkeyPatch) -> tuple[MainWindow, ReviewPanels]:
    window = starter_window(qtbot, plan_store, tmp_path, monkeypatch)
    return window, install(window)


def keys(action: QAction) -> QKeySequence:
    return action.shortcut()


def test_main_actions_have_the_platform_keys_and_no_key_is_used_twice(
        desk: tuple[MainWindow, ReviewPanels]) -> None:
    window, panels = desk
    nav = window.navigation
    assert nav is not None
    standard = QKeySequence.StandardKey
    assert keys(nav.save_action) == QKeySequence(standard.Save)
    assert keys(window.find_action) == QKeySequence(standard.Find)
    assert keys(window.outline.add_actions["target"]) == QKeySequence(standard.New)
    assert keys(panels.export_word_action) == QKeySequence(standard.Print)
    for act in (window.outline.add_actions["goal"], panels.import_flow.action,
                panels.export_bundle_action, panels.resolve_action, nav.next_conflict_action,
                nav.previous_conflict_action, nav.next_target_action,
                nav.previous_target_action):
        assert not keys(act).isEmpty(), act.text()
    owners: dict[str, str] = {}
    for act in window.findChildren(QAction):
        for seq in act.shortcuts():
            text = seq.toString()
            assert text not in owners, f"{text}: {owners.get(text)} and {act.text()}"
            owners[text] = act.text()


def test_help_lists_the_shortcuts_from_the_menus(desk: tuple[MainWindow, ReviewPanels],
                                                 qtbot: QtBot) -> None:
    window, _panels = desk
    assert window.navigation is not None
    dialog = window.navigation.show_shortcuts()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, ShortcutsDialog)
    rows = dialog.rows()
    assert ("File", "Save now", "Ctrl+S") in rows
    assert ("File", "Export to Word", "Ctrl+P") in rows
    assert ("Go", "Next contested place", "F8") in rows
    assert ("Edit › Add", "New target", "Ctrl+N") in rows
    assert len({r[1] for r in rows}) >= 20


def test_the_text_is_three_tab_stops_from_the_outline(
        desk: tuple[MainWindow, ReviewPanels], qtbot: QtBot) -> None:
    window, _panels = desk
    select_label(window, "T3")
    window.editor.focus_text()  # the text field of the tab is built
    window.activateWindow()
    window.outline.tree.setFocus()
    qtbot.waitUntil(lambda: window.outline.tree.hasFocus())
    stops = []
    for _ in range(3):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        stops.append(QApplication.focusWidget())
    assert stops[0] is window.editor.title
    assert isinstance(stops[-1], QPlainTextEdit) and stops[-1].objectName() == "field-text"


def test_go_to_the_editor_lands_in_the_text(desk: tuple[MainWindow, ReviewPanels],
                                            qtbot: QtBot) -> None:
    window, _panels = desk
    select_label(window, "T5")
    window.activateWindow()
    window.focus_actions[1].trigger()
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QPlainTextEdit))
    assert QApplication.focusWidget().objectName() == "field-text"


def test_one_undo_history_for_typing_and_edits(desk: tuple[MainWindow, ReviewPanels],
                                               qtbot: QtBot) -> None:
    window, _panels = desk
    doc = window.document
    t4 = select_label(window, "T4")
    before = view(doc.store, t4).fields["text"]
    window.activateWindow()
    window.editor.focus_text()
    edit = window.editor.pages["text"].field.edit
    qtbot.waitUntil(edit.hasFocus)
    assert edit.isUndoRedoEnabled() is False  # the field keeps no history of its own
    QTest.keyClicks(edit, " Added words.")
    nav = window.navigation
    assert nav is not None
    assert window.isWindowModified() and nav.saved_label.text() == "Typing not saved yet"
    QTest.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # in the field
    # the typing was recorded as one edit, then that edit undone: one history
    assert view(doc.store, t4).fields["text"] == before
    assert edit.toPlainText() == before
    assert doc.undo_stack.canRedo() and doc.undo_stack.redoText().startswith("Edit text of")
    window.redo_action.trigger()  # Edit > Redo brings the words back
    assert view(doc.store, t4).fields["text"] == before + " Added words."
    assert not window.isWindowModified() and nav.saved_label.text() == "All changes saved"


def test_save_now_records_typing_at_once_and_says_so(desk: tuple[MainWindow, ReviewPanels],
                                                     qtbot: QtBot) -> None:
    window, _panels = desk
    doc = window.document
    t2 = select_label(window, "T2")
    window.activateWindow()
    window.editor.title.setFocus()
    qtbot.waitUntil(window.editor.title.hasFocus)
    QTest.keyClicks(window.editor.title, " now")
    assert window.isWindowModified()
    assert window.navigation is not None
    window.navigation.save_action.trigger()
    assert view(doc.store, t2).fields["title"].endswith(" now")
    assert not window.isWindowModified()
    assert window.statusBar().currentMessage().startswith("Saved.")


def test_next_and_previous_target_and_contested_place(
        desk: tuple[MainWindow, ReviewPanels]) -> None:
    window, _panels = desk
    nav = window.navigation
    assert nav is not None
    store, plan_id = window.document.store, window.document.plan_id
    select_label(window, "T15")
    nav.next_target_action.trigger()
    assert window.editor.node_id == node_id(store, plan_id, "T16")
    nav.next_target_action.trigger()  # wraps around
    assert window.editor.node_id == node_id(store, plan_id, "T1")
    nav.previous_target_action.trigger()
    assert window.editor.node_id == node_id(store, plan_id, "T16")
