"""The cross-reference panel and the whole-plan coverage matrix."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from ui_support import (
    QT_LOG_MARKS,
    select_label,
    starter_window,
    view,
)

from cmsdesk.models.store import Store
from cmsdesk.ui.mainwindow import MainWindow

pytestmark = QT_LOG_MARKS


@pytest.fixture
def window(qtbot: QtBot, plan_store: tuple[Store, str], tmp_path: Path,
           monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    return starter_window(qtbot, plan_store, tmp_path, monkeypatch)


def links(store: Store, node: str, framework: str = "aichi") -> dict[str, str]:
    return {x.target: x.relevance for x in view(store, node).xrefs if x.framework == framework}


def matrix_read(qtbot: QtBot, window: MainWindow) -> None:
    """The matrix is read in the background: wait for the latest reading to be shown."""
    qtbot.waitUntil(lambda: not window.coverage.reader.busy)


def test_goals_a_to_e_with_checkable_targets(window: MainWindow) -> None:
    panel = window.xrefs
    select_label(window, "T1")
    tree = panel.tree
    goals = [tree.topLevelItem(i).text(0)[:2] for i in range(tree.topLevelItemCount())]
    assert goals == [f"{g}." for g in "ABCDE"]
    assert sum(tree.topLevelItem(i).childCount() for i in range(5)) == 20
    assert panel._items["1"].checkState(0) == Qt.CheckState.Checked
    assert panel._items["1"].text(0) == "1. Awareness of biodiversity values — primary"
    select_label(window, "G1")
    assert not tree.isEnabled() and "belong to targets" in panel.info.text()


def test_checking_a_target_persists_and_shows_in_the_matrix(window: MainWindow, qtbot: QtBot) -> None:
    store = window.document.store
    node = select_label(window, "T4")
    panel = window.xrefs
    before = links(store, node)
    assert "19" not in before
    panel._items["19"].setCheckState(0, Qt.CheckState.Checked)  # as a click does
    assert links(store, node)["19"] == "primary"
    assert window.document.undo_stack.undoText() == "Link Target 4 to Aichi target 19"

    # relevance and note of the link, from the panel
    panel.tree.setCurrentItem(panel._items["19"])
    panel.relevance.setCurrentIndex(panel.relevance.findData("supporting"))
    panel.relevance.activated.emit(panel.relevance.currentIndex())
    panel.note.setPlainText("Conocimiento científico compartido")
    panel.note_saver.touched()
    window.document.flush()
    link = next(x for x in view(store, node).xrefs if x.target == "19")
    assert (link.relevance, link.note) == ("supporting", "Conocimiento científico compartido")

    window.show_coverage()
    matrix_read(qtbot, window)
    model = window.coverage.model
    matrix = model.matrix
    assert matrix is not None
    row = next(i for i, r in enumerate(matrix.rows) if r.node_id == node)
    col = next(i for i, c in enumerate(matrix.columns) if c.code == "19")
    assert model.index(row, col).data() == "○"  # supporting
    assert model.headerData(row, Qt.Orientation.Vertical) == "T4"
    total_col = model.columnCount() - 1
    assert model.index(row, total_col).data() == str(len(before) + 1)

    window.undo_action.trigger()  # the note
    window.undo_action.trigger()  # the relevance
    window.undo_action.trigger()  # the link
    matrix_read(qtbot, window)
    assert "19" not in links(store, node)
    assert model.index(row, col).data() == ""
    assert panel._items["19"].checkState(0) == Qt.CheckState.Unchecked


def test_the_matrix_names_gaps_on_both_sides(window: MainWindow, qtbot: QtBot) -> None:
    store = window.document.store
    node = select_label(window, "T16")
    panel = window.xrefs
    for code in list(links(store, node)):
        panel._items[code].setCheckState(0, Qt.CheckState.Unchecked)
    assert links(store, node) == {}
    window.show_coverage()
    matrix_read(qtbot, window)
    cov = window.coverage
    assert "Plan targets with no cross-reference: T16." in cov.summary.text()
    model = cov.model
    row = next(i for i, r in enumerate(model.matrix.rows) if r.node_id == node)
    assert model.index(row, model.columnCount() - 1).data() == "0"
    gaps = {c.code for c in model.matrix.unaddressed}
    for code in gaps:
        col = next(i for i, c in enumerate(model.matrix.columns) if c.code == code)
        assert model.index(model.rowCount() - 1, col).data() == "0"
    cov.table.doubleClicked.emit(model.index(row, 0))  # jumps to the target
    assert window.editor.node_id == node


def test_any_framework_can_be_used(window: MainWindow, qtbot: QtBot) -> None:
    store = window.document.store
    node = select_label(window, "T8")
    panel = window.xrefs
    panel.set_framework("kmgbf")
    assert len(panel._items) == 23
    panel._items["4"].setCheckState(0, Qt.CheckState.Checked)
    assert links(store, node, "kmgbf") == {"4": "primary"}
    window.show_coverage()
    matrix_read(qtbot, window)
    assert len(window.coverage.model.matrix.columns) == 23
    assert window.coverage.model.matrix.framework == "kmgbf"
