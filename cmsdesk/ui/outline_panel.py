"""The outline panel: a filter box over the outline tree, and the actions that edit the tree.

Keyboard: arrows, Home/End and type-ahead move through the tree; F2 renames; Delete moves the
node to the Trash; Ctrl+Shift+Up/Down moves it among its siblings; Enter goes to the editor.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QMenu,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from cmsdesk.models import rules
from cmsdesk.ui.document import PlanDocument
from cmsdesk.ui.edits import AddNode, DeleteNode
from cmsdesk.ui.labels import fill, node_name
from cmsdesk.ui.outline_model import NODE_ID_ROLE, OutlineModel

FILTER_DELAY_MS = 150  # filter once typing pauses, not at every key


class OutlineTree(QTreeView):
    """The tree view; Enter (which a tree ignores) asks to go to the editor."""

    activated_by_key = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                self.state() != QAbstractItemView.State.EditingState:
            self.activated_by_key.emit()
            return
        super().keyPressEvent(event)


class OutlinePanel(QWidget):
    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.hub = document.hub
        self.model = OutlineModel(document)

        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter by number or title (e.g. T7)"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(self.tr("Filter the outline"))
        self.filter.textChanged.connect(lambda _t: self._filter_timer.start())
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_filter)

        self.tree = OutlineTree(self)
        self.tree.setObjectName("outline")
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setDropIndicatorShown(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.tree.setAccessibleName(self.tr("Plan outline"))
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.activated_by_key.connect(lambda: self.hub.select_requested.emit(
            self.current_id() or "", "title"))
        self.tree.expandAll()
        self.model.rowsInserted.connect(self._expand_inserted)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree)

        self._make_actions()
        self.hub.select_requested.connect(lambda node_id, _field: self.select(node_id))
        self.hub.outcome.connect(lambda _o: self.update_actions())
        self.model.rowsInserted.connect(self._refilter)
        self.model.rowsMoved.connect(self._refilter)

    # -- actions --------------------------------------------------------------------------

    def _make_actions(self) -> None:
        def action(text: str, slot: object, keys: QKeySequence | None = None) -> QAction:
            act = QAction(text, self)
            act.triggered.connect(slot)
            if keys is not None:
                act.setShortcut(keys)
                act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                self.tree.addAction(act)
            return act

        self.add_actions: dict[str, QAction] = {}
        # Whole phrases per kind (not "New %1"): languages inflect them differently.
        self.new_titles = {
            "part": self.tr("New part"), "chapter": self.tr("New chapter"),
            "goal": self.tr("New goal"), "target": self.tr("New target"),
            "indicator": self.tr("New indicator"), "annex": self.tr("New annex"),
            "correspondence": self.tr("New correspondence annex"),
        }
        self.add_texts = {
            "part": self.tr("Add a part"), "chapter": self.tr("Add a chapter"),
            "goal": self.tr("Add a goal"), "target": self.tr("Add a target"),
            "indicator": self.tr("Add an indicator"), "annex": self.tr("Add an annex"),
            "correspondence": self.tr("Add the correspondence annex"),
        }
        for kind in rules.KINDS:
            self.add_actions[kind] = action(self.new_titles[kind],
                                            lambda _c=False, k=kind: self.add(k))
        self.add_actions["target"].setShortcut(QKeySequence(QKeySequence.StandardKey.New))
        self.add_actions["goal"].setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.rename_action = action(self.tr("Rename"), self.rename, QKeySequence(Qt.Key.Key_F2))
        self.delete_action = action(self.tr("Move to Trash"), self.delete,
                                    QKeySequence(QKeySequence.StandardKey.Delete))
        self.up_action = action(self.tr("Move up"), lambda: self.move_by(-1),
                                QKeySequence("Ctrl+Shift+Up"))
        self.down_action = action(self.tr("Move down"), lambda: self.move_by(1),
                                  QKeySequence("Ctrl+Shift+Down"))
        self.update_actions()

    def node_actions(self) -> list[QAction]:
        return [self.rename_action, self.delete_action, self.up_action, self.down_action]

    def update_actions(self) -> None:
        current = self.current_id()
        for kind, act in self.add_actions.items():
            act.setEnabled(self.model.place_for_new(current, kind) is not None)
        for act in self.node_actions():
            act.setEnabled(current is not None)

    def _context_menu(self, pos: object) -> None:
        menu = QMenu(self)
        for act in self.add_actions.values():
            if act.isEnabled():
                menu.addAction(act)
        menu.addSeparator()
        for act in self.node_actions():
            menu.addAction(act)
        menu.exec(self.tree.viewport().mapToGlobal(pos))

    # -- the current node -----------------------------------------------------------------

    def current_id(self) -> str | None:
        index = self.tree.currentIndex()
        value = index.data(NODE_ID_ROLE) if index.isValid() else None
        return str(value) if value else None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.update_actions()
        self.hub.current_changed.emit(self.current_id())

    def select(self, node_id: str) -> bool:
        index = self.model.index_of(node_id)
        if not index.isValid():
            return False
        if self.filter.text() and self._hidden(index):  # hidden by the filter: show all again
            self.filter.clear()
            self.apply_filter()
        self.tree.scrollTo(index)
        self.tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        return True

    def _hidden(self, index: QModelIndex) -> bool:
        while index.isValid():
            if self.tree.isRowHidden(index.row(), index.parent()):
                return True
            index = index.parent()
        return False

    def set_filter(self, text: str) -> None:
        """Filter now (typing filters after a short pause: :data:`FILTER_DELAY_MS`)."""
        self.filter.setText(text)
        self.apply_filter()

    def apply_filter(self) -> None:
        """Hide the rows that neither match the filter nor hold or lie under a match, and open
        the branches that lead to a match. Rows are hidden in the view, not filtered through
        a proxy model: a proxy asks the model for every row's parent hundreds of thousands of
        times per keystroke on a plan of 1,000 nodes (seconds), this takes milliseconds."""
        self._filter_timer.stop()
        needle = self.filter.text().strip()
        tree = self.tree
        tree.setUpdatesEnabled(False)
        try:
            for parent, row, shown, below in self.model.filtered(needle):
                if tree.isRowHidden(row, parent) == shown:
                    tree.setRowHidden(row, parent, not shown)
                if needle and below:
                    index = self.model.index(row, 0, parent)
                    if not tree.isExpanded(index):
                        tree.expand(index)
        finally:
            tree.setUpdatesEnabled(True)
        current = tree.currentIndex()
        if current.isValid():
            tree.scrollTo(current)

    def _refilter(self, *_args: object) -> None:
        """New or moved rows meet the filter too."""
        if self.filter.text().strip():
            self._filter_timer.start()

    def _expand_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        """Show new (or restored) nodes with their content, once the views have them."""
        rows = [QPersistentModelIndex(self.model.index(r, 0, parent))
                for r in range(first, last + 1)]
        rows.append(QPersistentModelIndex(parent))

        def expand() -> None:
            for row in rows:
                index = QModelIndex(row)
                if index.isValid():
                    self.tree.expandRecursively(index)

        QTimer.singleShot(0, self.tree, expand)

    # -- commands -------------------------------------------------------------------------

    def add(self, kind: str) -> str | None:
        place = self.model.place_for_new(self.current_id(), kind)
        if place is None:
            return None
        parent_id, index = place
        edit = AddNode(self.add_texts[kind], parent_id, kind, self.new_titles[kind], index)
        if self.document.execute(edit) is None:
            return None
        self.select(edit.node_id)
        self.hub.select_requested.emit(edit.node_id, "title")
        return edit.node_id

    def rename(self) -> None:
        index = self.tree.currentIndex()
        if index.isValid():
            self.tree.edit(index)

    def delete(self) -> None:
        node_id = self.current_id()
        entry = self.model.entry_of(node_id or "")
        if entry is None:
            return
        name = node_name(entry.kind, entry.number, entry.title)
        if self.document.execute(DeleteNode(fill(self.tr("Move %1 to the Trash"), name),
                                            entry.id)) is not None:
            self.hub.message.emit(fill(self.tr("%1 is in the Trash (Undo brings it back)"), name))

    def move_by(self, step: int) -> None:
        node_id = self.current_id()
        if node_id and self.model.move_by(node_id, step):
            self.select(node_id)
