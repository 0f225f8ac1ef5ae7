"""The main window: panels, status bar, remembered layout, menus, search, Trash, keyboard."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont
from pytestqt.qtbot import QtBot
from ui_support import QT_LOG_MARKS, make_window, node_id, silence_dialogs, starter_window, view

from cmsdesk.models import queries
from cmsdesk.models.store import Store
from cmsdesk.ui.mainwindow import MainWindow

pytestmark = QT_LOG_MARKS


@pytest.fixture
def window(qtbot: QtBot, plan_store: tuple[Store, str], tmp_path: Path,
           monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    return starter_window(qtbot, plan_store, tmp_path, monkeypatch)


def test_the_qt_binding_does_not_leak_references() -> None:
    """PySide6 6.12.0 dropped a reference to None on each void QtGui call, which aborts a
    long session; this catches such a binding before users do."""
    font = QFont()
    before = sys.getrefcount(None)
    for _ in range(500):
        font.setBold(True)
    assert sys.getrefcount(None) > before - 100


def test_panels_status_bar_and_title(window: MainWindow) -> None:
    area = window.dockWidgetArea
    assert area(window.outline_dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert area(window.xref_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert window.centre.widget(0) is window.editor
    assert window.editor.node_id is not None  # the first target is selected
    assert window.identity_label.text() == "Ana Pérez (Spain, Europe, delegate)"
    assert window.store_label.toolTip() == str(window.document.store.path)
    assert window.conflicts_button.text() == "0 unresolved conflicts"
    assert window.windowTitle().startswith("Strategic Plan for Migratory Species")
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    assert window.find_action.shortcut().toString() == "Ctrl+F"


def test_the_layout_is_remembered(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    window.xref_dock.hide()
    window.preview_action.setChecked(False)
    window.resize(1100, 700)
    node = node_id(window.document.store, window.document.plan_id, "T9")
    window.outline.select(node)
    window.close()
    again = make_window(qtbot, window.document.store, window.document.plan_id, tmp_path,
                        size=(1100, 700))
    assert not again.xref_dock.isVisible() and again.outline_dock.isVisible()
    assert not again.preview_action.isChecked()
    assert not again.editor.pages["text"].field.preview.isVisible()
    assert again.editor.node_id == node  # where the user was


def test_other_parts_can_extend_the_file_menu(window: MainWindow) -> None:
    imp = QAction("Import bundles…", window)
    exp = QAction("Export to Word…", window)
    window.add_file_actions(exp, section="export")
    window.add_file_actions(imp)
    texts = [a.text() for a in window.file_menu.actions() if not a.isSeparator()]
    assert texts == ["&Open plan…", "Open &recent", "&New plan…", "Import bundles…",
                     "Export to Word…", "&Save now", "&Quit"]


def test_add_rename_delete_and_restore_with_undo(window: MainWindow, qtbot: QtBot) -> None:
    doc = window.document
    store, plan_id = doc.store, doc.plan_id
    g2 = node_id(store, plan_id, "G2")
    window.outline.select(node_id(store, plan_id, "T5"))
    window.outline.add_actions["target"].trigger()
    new = window.editor.node_id
    assert new is not None
    added = view(store, new)
    assert added.parent_id == g2 and added.label == "T6" and added.fields["title"] == "New target"
    assert doc.undo_stack.undoText() == "Add a target"
    qtbot.waitUntil(window.editor.title.hasFocus)  # ready to type the title
    qtbot.keyClicks(window.editor.title, "Migratory landbirds")  # replaces the selection
    qtbot.keyClick(window.editor.title, Qt.Key.Key_Return)
    assert view(store, new).fields["title"] == "Migratory landbirds"

    window.outline.tree.setFocus()
    window.outline.delete_action.trigger()
    assert view(store, new).deleted
    window.trash_dock.show()
    window.trash_dock.raise_()
    assert window.trash.list.count() == 1 and "Migratory landbirds" in window.trash.list.item(0).text()
    window.undo_action.trigger()  # undo the delete
    assert not view(store, new).deleted and window.trash.list.count() == 0
    window.redo_action.trigger()
    assert view(store, new).deleted
    window.trash.list.setCurrentRow(0)
    window.trash.restore_button.click()
    assert not view(store, new).deleted
    assert window.editor.node_id == new
    for _ in range(4):  # restore, delete, title, add
        window.undo_action.trigger()
    assert view(store, new).deleted  # the add undone: the node is in the Trash
    assert not window.undo_action.isEnabled()


def test_keyboard_moves_nodes_and_the_selection(window: MainWindow, qtbot: QtBot) -> None:
    doc = window.document
    store, plan_id = doc.store, doc.plan_id
    t1 = node_id(store, plan_id, "T1")
    window.outline.select(t1)
    window.outline.tree.setFocus()
    qtbot.keyClick(window.outline.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert view(store, t1).label == "T2"
    assert doc.undo_stack.undoText() == "Move Target 1"
    qtbot.keyClick(window.outline.tree, Qt.Key.Key_Down)  # arrows move the selection
    assert window.editor.node_id == node_id(store, plan_id, "T3")


def test_filter_keeps_matches_and_their_branch(window: MainWindow, qtbot: QtBot) -> None:
    outline = window.outline
    outline.filter.setText("t12")
    model, tree = outline.model, outline.tree
    qtbot.waitUntil(lambda: tree.isRowHidden(0, model.index(0, 0)) or  # typing pauses, then
                    not outline._filter_timer.isActive())  # the filter applies
    shown = []

    def walk(parent):  # type: ignore[no-untyped-def]
        for r in range(model.rowCount(parent)):
            index = model.index(r, 0, parent)
            if not tree.isRowHidden(r, parent):
                shown.append(index.data())
                walk(index)

    from PySide6.QtCore import QModelIndex

    walk(QModelIndex())
    assert any(s.startswith("T12") for s in shown)
    assert any(s.startswith("G4") for s in shown)  # its goal stays, to show where it is
    assert not any(s.startswith("T1 ") or s.startswith("T11") for s in shown)
    hidden_t11 = node_id(window.document.store, window.document.plan_id, "T11")
    assert outline.select(hidden_t11)  # going to a hidden node shows everything again
    assert outline.filter.text() == "" and window.editor.node_id == hidden_t11
    assert not outline._hidden(model.index_of(hidden_t11))


def test_search_finds_text_and_jumps_to_the_node(window: MainWindow) -> None:
    store, plan_id = window.document.store, window.document.plan_id
    t14 = node_id(store, plan_id, "T14")
    window.document.run(lambda ed: ed.set_field(t14, "note", "Les savoirs autochtones comptent."))
    window.find_action.trigger()
    assert window.search.box.hasFocus()
    window.search.box.setText("SAVOIRS")
    hits = window.search.run()
    assert [(h.node_id, h.field) for h in hits] == [(t14, "note")]
    window.search.results.itemActivated.emit(window.search.results.item(0))
    assert window.editor.node_id == t14


def test_refused_commands_reach_the_user(qtbot: QtBot, plan_store: tuple[Store, str],
                                                  tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    shown = silence_dialogs(monkeypatch)
    store, plan_id = plan_store
    window = make_window(qtbot, store, plan_id, tmp_path)
    g2 = node_id(store, plan_id, "G2")
    t1 = node_id(store, plan_id, "T1")
    model = window.outline.model
    assert not model.move(g2, model._by_id[t1], -1)  # refused by the model's rules
    window.document.run(lambda ed: ed.move_node(g2, t1))  # and by the command, if it got there
    assert shown and "cannot be placed under a target" in shown[-1]
    with store.session() as s:
        assert queries.node_view(s, g2).parent_id != t1


def test_selecting_a_node_does_not_derive_the_outline_again(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """Selection speed: the editor's view takes its label from the outline model."""
    doc = window.document
    nodes = [node_id(doc.store, doc.plan_id, label) for label in ("T3", "G2", "T12")]
    calls: list[str] = []
    real = queries.outline
    monkeypatch.setattr(queries, "outline", lambda *a: calls.append("outline") or real(*a))
    for node in nodes:
        window.outline.select(node)
    assert calls == []
    assert window.editor.heading.text() == "Target 12"


def test_plan_details_are_edited_and_undone(window: MainWindow,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from cmsdesk.ui.dialogs import PlanDetailsDialog

    def fill_in(dialog: PlanDetailsDialog) -> int:
        dialog.edits["symbol"].setText("UNEP/CMS/COP12/Doc.24")
        dialog.edits["period"].setText("2015–2023")
        return 1

    monkeypatch.setattr(PlanDetailsDialog, "exec", fill_in)
    window.plan_action.trigger()
    plan = window.document.read(queries.find_plan, window.document.plan_id)
    assert (plan.symbol, plan.period) == ("UNEP/CMS/COP12/Doc.24", "2015–2023")
    assert window.document.undo_stack.undoText() == "Edit the plan's document symbol"
    window.undo_action.trigger()
    plan = window.document.read(queries.find_plan, window.document.plan_id)
    assert plan.symbol == "UNEP/CMS/COP11/Doc.15.2"


def test_docks_added_hidden_by_an_extension_leave_no_tab_bar(
        qtbot: QtBot, plan_store: tuple[Store, str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QDockWidget, QLabel, QTabBar
    from ui_support import settings_in

    from cmsdesk.ui.app import build_window

    silence_dialogs(monkeypatch)
    window = build_window(*plan_store, settings_in(tmp_path))
    qtbot.addWidget(window)
    docks = []
    for name in ("first", "second", "third"):  # as the review panels are added
        dock = QDockWidget(name, window)
        dock.setObjectName(f"dock-{name}")
        dock.setWidget(QLabel(name))
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        docks.append(dock)
    for first, second in zip(docks, docks[1:], strict=False):
        window.tabifyDockWidget(first, second)
    window.layout().activate()
    for dock in docks:
        dock.hide()
    window.layout().activate()
    window.restore_layout()
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    shown = [bar for bar in window.findChildren(QTabBar) if bar.isVisible()
             and "first" in [bar.tabText(i) for i in range(bar.count())]]
    assert shown == []
