"""The Trash: deleted nodes (with their content), each of which can be restored.

It shares the outline's place as a tab, so it is mostly hidden: it reads the store only when it
is seen (:class:`~cmsdesk.ui.lazy_view.LazyView`)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cmsdesk.models.queries import trash
from cmsdesk.ui.document import PlanDocument
from cmsdesk.ui.edits import RestoreNode
from cmsdesk.ui.labels import fill, kind_name
from cmsdesk.ui.lazy_view import LazyView

NODE_ROLE = Qt.ItemDataRole.UserRole + 1


class TrashPanel(LazyView):
    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Trash"))
        self.list.itemActivated.connect(lambda _i: self.restore_selected())
        self.list.currentItemChanged.connect(
            lambda cur, _prev: self.restore_button.setEnabled(cur is not None))
        self.empty = QLabel(self.tr("The Trash is empty."), self)
        self.empty.setEnabled(False)
        self.restore_button = QPushButton(self.tr("Restore"), self)
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore_selected)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.restore_button)
        self.follow(document.hub)

    def _outcome(self, outcome: object) -> None:
        if outcome.projection.structure:  # type: ignore[attr-defined]
            self.invalidate()

    def refresh(self) -> None:
        super().refresh()
        self.list.clear()
        nodes = self.document.read(
            lambda s, plan: [(n.id, n.kind, n.title) for n in trash(s, plan)],
            self.document.plan_id)
        for node_id, kind, title in sorted(nodes, key=lambda n: (n[2].casefold(), n[0])):
            item = QListWidgetItem(f"{title}  ({kind_name(kind)})")
            item.setData(NODE_ROLE, node_id)
            self.list.addItem(item)
        self.empty.setVisible(not nodes)
        self.restore_button.setEnabled(self.list.currentItem() is not None)

    def restore_selected(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        node_id = str(item.data(NODE_ROLE))
        title = item.text()
        if self.document.execute(RestoreNode(fill(self.tr("Restore %1"), title), node_id)) \
                is not None:
            self.document.hub.select_requested.emit(node_id, "")
