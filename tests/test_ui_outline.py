"""The outline model: derived numbering, reconciliation with proper signals (checked by
qtmodeltester), the structural rules on drag and drop, and undo of moves."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot
from ui_support import QT_LOG_MARKS, node_id, silence_dialogs

from cmsdesk.models import queries
from cmsdesk.models.commands import PlanEditor
from cmsdesk.models.store import Store
from cmsdesk.ui.document import PlanDocument
from cmsdesk.ui.outline_model import MIME_TYPE, NO_PARENT, NODE_ID_ROLE, OutlineModel

pytestmark = QT_LOG_MARKS


@pytest.fixture
def model(qtbot: QtBot, qtmodeltester, plan_store: tuple[Store, str],  # type: ignore[no-untyped-def]
          monkeypatch: pytest.MonkeyPatch) -> OutlineModel:
    store, plan_id = plan_store
    silence_dialogs(monkeypatch)
    m = OutlineModel(PlanDocument(store, plan_id))
    qtmodeltester.check(m, force_py=True)  # and it stays attached, checking every signal
    return m


def labels(m: OutlineModel, parent: QModelIndex = NO_PARENT) -> list[str]:
    return [m.index(r, 0, parent).data() for r in range(m.rowCount(parent))]


def index_of(m: OutlineModel, label: str) -> QModelIndex:
    entry = next(e for e in m.entries() if e.label == label)
    return m.index_of(entry.id)


def test_the_tree_mirrors_the_outline_with_derived_numbers(model: OutlineModel) -> None:
    store = model.document.store
    with store.session() as s:
        expected = queries.outline(s, model.document.plan_id)
    assert [e.id for e in model.entries()] == [e.id for e in expected]
    g1 = index_of(model, "G1")
    assert g1.data().startswith("G1  ") and g1.data(Qt.ItemDataRole.FontRole).bold()
    assert [t.split("  ")[0] for t in labels(model, g1)] == ["T1", "T2", "T3"]
    assert g1.data(NODE_ID_ROLE) == next(e.id for e in expected if e.label == "G1")
    assert model.parent(index_of(model, "T2")) == g1


def test_structural_edits_reconcile_in_place(model: OutlineModel, qtbot: QtBot) -> None:
    doc = model.document
    editor = PlanEditor(doc.store, doc.plan_id)
    t16 = node_id(doc.store, doc.plan_id, "T16")
    g1 = node_id(doc.store, doc.plan_id, "G1")
    g2_index = index_of(model, "G2")
    persistent = [model.index(r, 0, g2_index) for r in range(model.rowCount(g2_index))]
    from PySide6.QtCore import QPersistentModelIndex

    kept = QPersistentModelIndex(persistent[0])
    with qtbot.waitSignal(model.rowsMoved):
        doc.run(lambda ed: ed.move_node(t16, g1, 0))
    assert index_of(model, "T1").data(NODE_ID_ROLE) == t16
    assert kept.isValid() and kept.data().startswith("T5  ")  # was T4: renumbered, same row
    with qtbot.waitSignal(model.rowsRemoved):
        doc.run(lambda ed: ed.delete_node(g1))
    assert t16 not in {e.id for e in model.entries()}
    with qtbot.waitSignal(model.rowsInserted):
        doc.run(lambda ed: ed.restore_node(g1))
    assert index_of(model, "T1").data(NODE_ID_ROLE) == t16
    # an import can change anything at once: a goal goes while one of its targets moves out
    g5 = node_id(doc.store, doc.plan_id, "G5")
    t1 = node_id(doc.store, doc.plan_id, "T1")
    editor.move_node(t1, g5)
    editor.delete_node(g1)
    editor.add_node(g5, "target", "Brand new")
    model.refresh()
    with doc.store.session() as s:
        assert [e.id for e in model.entries()] == [e.id for e in queries.outline(s, doc.plan_id)]


def test_drops_obey_the_structural_rules(model: OutlineModel) -> None:
    move = Qt.DropAction.MoveAction
    g2, t1, t5 = (index_of(model, lab) for lab in ("G2", "T1", "T5"))
    goal_data = model.mimeData([g2])
    target_data = model.mimeData([t1])
    assert MIME_TYPE in goal_data.formats()
    assert not model.canDropMimeData(goal_data, move, -1, 0, t5)  # a goal under a target
    assert not model.canDropMimeData(target_data, move, -1, 0, QModelIndex())  # at the top
    assert not model.canDropMimeData(goal_data, move, -1, 0, index_of(model, "G2"))  # itself
    assert not model.canDropMimeData(target_data, Qt.DropAction.CopyAction, 0, 0, g2)
    assert model.canDropMimeData(target_data, move, 0, 0, g2)
    assert not model.dropMimeData(goal_data, move, -1, 0, t5)
    assert not model.flags(index_of(model, "I1")) & Qt.ItemFlag.ItemIsDropEnabled
    foreign = model.mimeData([t1])
    foreign.setData(MIME_TYPE, b'["not-a-node"]')
    assert not model.canDropMimeData(foreign, move, 0, 0, g2)


def test_a_drop_moves_the_node_and_undo_moves_it_back(model: OutlineModel) -> None:
    doc = model.document
    t1 = index_of(model, "T1").data(NODE_ID_ROLE)
    g1 = index_of(model, "G1").data(NODE_ID_ROLE)
    g2 = index_of(model, "G2")
    assert model.dropMimeData(model.mimeData([index_of(model, "T1")]), Qt.DropAction.MoveAction,
                              1, 0, g2)
    moved = view_of(doc, t1)
    assert moved.parent_id == g2.data(NODE_ID_ROLE) and moved.label == "T4"
    assert doc.undo_stack.undoText().startswith("Move Target 1")
    doc.undo()
    back = view_of(doc, t1)
    assert back.parent_id == g1 and back.label == "T1"
    doc.redo()
    assert view_of(doc, t1).label == "T4"


def test_moving_down_within_a_parent_lands_where_dropped(model: OutlineModel) -> None:
    g1 = index_of(model, "G1")
    t1 = index_of(model, "T1").data(NODE_ID_ROLE)
    # dropping before the third row (T3) of G1 puts T1 between T2 and T3
    assert model.dropMimeData(model.mimeData([index_of(model, "T1")]), Qt.DropAction.MoveAction,
                              2, 0, g1)
    assert view_of(model.document, t1).label == "T2"
    assert model.move_by(t1, 1) and view_of(model.document, t1).label == "T3"
    assert model.move_by(t1, 1)  # last in G1: into the next goal, first
    assert view_of(model.document, t1).parent_id == index_of(model, "G2").data(NODE_ID_ROLE)


def test_renaming_in_the_tree_is_an_undoable_title_edit(model: OutlineModel) -> None:
    doc = model.document
    t3 = index_of(model, "T3")
    node = t3.data(NODE_ID_ROLE)
    assert model.setData(t3, "Gobernanza y especies migratorias: ñandú", Qt.ItemDataRole.EditRole)
    assert view_of(doc, node).fields["title"] == "Gobernanza y especies migratorias: ñandú"
    assert model.index_of(node).data().endswith("ñandú")
    assert doc.undo_stack.undoText() == "Edit title of Target 3"
    doc.undo()
    assert not view_of(doc, node).fields["title"].endswith("ñandú")


def test_where_new_nodes_go(model: OutlineModel) -> None:
    t2 = index_of(model, "T2").data(NODE_ID_ROLE)
    g1 = index_of(model, "G1").data(NODE_ID_ROLE)
    assert model.place_for_new(t2, "target") == (g1, 2)  # after T2
    assert model.place_for_new(g1, "target") == (g1, None)  # last in G1
    assert model.place_for_new(t2, "indicator") == (t2, None)
    goals_chapter = index_of(model, "G1").parent().data(NODE_ID_ROLE)
    assert model.place_for_new(t2, "goal") == (goals_chapter, 1)  # after G1
    assert model.place_for_new(None, "target") is None
    assert model.place_for_new(None, "part") == (None, None)


def view_of(doc: PlanDocument, node: str) -> queries.NodeView:
    return doc.read(queries.node_view, node)
