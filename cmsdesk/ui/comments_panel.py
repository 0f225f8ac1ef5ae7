"""Comments on a node: the list with author and date, a box to add one, marking resolved.

Comments are append-only in the change log (a resolved comment stays, marked resolved), so
they are not on the undo stack.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cmsdesk.models.queries import CommentView, NodeView
from cmsdesk.ui.document import PlanDocument
from cmsdesk.ui.labels import fill

COMMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
RESOLVED_ROLE = Qt.ItemDataRole.UserRole + 2


def display_date(clock: str) -> str:
    """'2024-05-02 14:03' from a hybrid clock reading such as 2024-05-02T14:03:11.123Z#2."""
    stamp = clock.split("#", 1)[0]
    return stamp[:16].replace("T", " ") if len(stamp) >= 16 else stamp


class CommentsPanel(QWidget):
    count_changed = Signal(int)  # unresolved comments on the node

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.node_id: str | None = None
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setAccessibleName(self.tr("Comments"))
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.resolve_button = QPushButton(self.tr("Mark resolved"), self)
        self.resolve_button.clicked.connect(self.resolve_selected)
        self.box = QPlainTextEdit(self)
        self.box.setAccessibleName(self.tr("New comment"))
        self.box.setPlaceholderText(self.tr("Write a comment (Ctrl+Enter adds it)"))
        self.box.setTabChangesFocus(True)
        self.box.setMaximumHeight(90)
        self.add_button = QPushButton(self.tr("Add comment"), self)
        self.add_button.clicked.connect(self.add)
        QShortcut(QKeySequence("Ctrl+Return"), self.box, self.add,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.empty = QLabel(self.tr("No comments on this node yet."), self)
        self.empty.setEnabled(False)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.resolve_button)
        adding = QHBoxLayout()
        adding.addWidget(self.box, 1)
        adding.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addLayout(adding)
        document.hub.node_loaded.connect(self.show_view)
        self._update_buttons()

    def show_view(self, view: NodeView | None) -> None:
        self.node_id = view.id if view else None
        selected = self.selected_id()
        self.list.clear()
        comments = view.comments if view else []
        for c in comments:
            item = QListWidgetItem(self._describe(c))
            item.setData(COMMENT_ID_ROLE, c.id)
            item.setData(RESOLVED_ROLE, c.resolved)
            if c.resolved:
                item.setForeground(self.palette().placeholderText())
            self.list.addItem(item)
            if c.id == selected:
                self.list.setCurrentItem(item)
        self.empty.setVisible(not comments)
        self.setEnabled(view is not None)
        self.count_changed.emit(sum(1 for c in comments if not c.resolved))
        self._update_buttons()

    def _describe(self, c: CommentView) -> str:
        who = f"{c.author} ({c.party})" if c.party else c.author
        head = fill(self.tr("%1, %2"), who, display_date(c.clock))
        if c.resolved:
            head += " — " + self.tr("resolved")
        return f"{head}\n{c.text}"

    def selected_id(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(COMMENT_ID_ROLE)) if item else None

    def _update_buttons(self) -> None:
        item = self.list.currentItem()
        self.resolve_button.setEnabled(item is not None and not item.data(RESOLVED_ROLE))

    def add(self) -> None:
        text = self.box.toPlainText().strip()
        if not text or self.node_id is None:
            return
        node_id = self.node_id
        if self.document.run(lambda editor: editor.add_comment(node_id, text)) is not None:
            self.box.clear()

    def resolve_selected(self) -> None:
        comment_id = self.selected_id()
        if comment_id:
            self.document.run(lambda editor: editor.resolve_comment(comment_id))
