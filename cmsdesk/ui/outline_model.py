"""The plan outline as a hand-written QAbstractItemModel.

The model mirrors ``queries.outline`` (one query, labels G1/T7 derived, never stored). When the
plan changes it reconciles its tree with the new outline using proper insert, move and remove
signals, so views keep their selection and expanded branches. When a language version is being
edited, a node whose texts in that language are missing or need an update (the original changed
since they were translated) carries a badge with the language's code, a tinted title and a tooltip
saying which texts and since when (:func:`cmsdesk.models.translations.outline_marks`). Editing goes through the plan
document's undoable edits; the structural rules (a goal cannot go under a target...) come from
:mod:`cmsdesk.models.rules` and are checked here before a drop is accepted.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

from cmsdesk.models import queries, rules
from cmsdesk.models.queries import OutlineEntry
from cmsdesk.ui.document import PlanDocument
from cmsdesk.ui.edits import MoveNode, SetField
from cmsdesk.ui.labels import field_name, fill, kind_name, node_name, status_name, translate
from cmsdesk.ui.theme import background, foreground, palette

if TYPE_CHECKING:
    from cmsdesk.models.translations import OutlineMark

MIME_TYPE = "application/x-cmsdesk-node-ids"
NODE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
# The node's translation state in the language edited: "stale", "missing" or None.
TRANSLATION_ROLE = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()  # the invisible root, as a default argument


class _Item:
    __slots__ = ("children", "entry", "key", "parent")

    def __init__(self, key: int, entry: OutlineEntry | None, parent: _Item | None) -> None:
        self.key = key
        self.entry = entry
        self.parent = parent
        self.children: list[_Item] = []

    @property
    def kind(self) -> str | None:
        return self.entry.kind if self.entry else None

    def row(self) -> int:
        return self.parent.children.index(self) if self.parent else 0

    def contains(self, other: _Item) -> bool:
        """True if ``other`` is this item or lies somewhere below it."""
        current: _Item | None = other
        while current is not None:
            if current is self:
                return True
            current = current.parent
        return False

    def walk(self) -> Iterator[_Item]:
        yield self
        for child in self.children:
            yield from child.walk()


_LEAF_FLAGS = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
               | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled)
_HOLDER_FLAGS = _LEAF_FLAGS | Qt.ItemFlag.ItemIsDropEnabled


def _display(entry: OutlineEntry, title: str | None = None) -> str:
    """ "T7  Title" (parts and chapters: the title); ``title`` stands for the entry's own
    (its version in the language edited)."""
    title = title or entry.title or translate("OutlineModel", "(untitled)")
    return f"{entry.label}  {title}" if entry.kind in ("goal", "target", "indicator") else title


def _worst(marks: list[OutlineMark]) -> str:
    """A node with a stale text reads as stale (work to redo), else as missing."""
    return "stale" if any(m.state == "stale" for m in marks) else "missing"


def _when(clock: str) -> str:
    """'2024-05-02 14:03' from a hybrid clock reading."""
    return clock.split("#", 1)[0][:16].replace("T", " ")


def language_name(lang: str) -> str:
    """The language's name in the interface's language (French, français, francés)."""
    names = {"en": translate("OutlineModel", "English"),
             "fr": translate("OutlineModel", "French"),
             "es": translate("OutlineModel", "Spanish")}
    return names.get(lang, lang)


def marks_tip(lang: str, marks: list[OutlineMark]) -> str:
    """What the badge means, one line per text: which text, what state, since when."""
    lines = []
    for mark in marks:
        if mark.state == "stale":
            line = translate("OutlineModel", "%1, %2: needs an update, the original changed "
                             "on %3")
        else:
            line = translate("OutlineModel", "%1, %2: not translated yet (the original has "
                             "had text since %3)")
        lines.append(fill(line, language_name(lang), field_name(mark.field), _when(mark.since)))
    return "\n".join(lines)


def badge(lang: str, state: str) -> QIcon:
    """The language's code on a tinted tag: the bracket hue for a text to update, the alert hue
    for one missing; drawn from the palette, so it reads on a light and a dark theme."""
    pal = palette()
    pixmap = QPixmap(22, 16)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(foreground("alert" if state == "missing" else "bracket", pal))
    painter.setBrush(background("alert" if state == "missing" else "bracket", pal))
    painter.drawRoundedRect(0.5, 1.5, 21, 13, 3, 3)
    font = QFont()
    font.setPixelSize(9)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(pal.color(QPalette.ColorRole.Text))
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, lang.upper())
    painter.end()
    return QIcon(pixmap)


def move_edit_text(entry: OutlineEntry) -> str:
    return fill(translate("OutlineModel", "Move %1"), node_name(entry.kind, entry.number,
                                                                entry.title))


class OutlineModel(QAbstractItemModel):
    def __init__(self, document: PlanDocument) -> None:
        super().__init__(document)
        self.document = document
        self._root = _Item(0, None, None)
        self._by_key: dict[int, _Item] = {0: self._root}
        self._by_id: dict[str, _Item] = {}
        self._next_key = 1
        self._warning: QIcon | None = None
        # Texts needing a translator in the language edited, per node id; badges drawn once.
        self._marks: dict[str, list[OutlineMark]] = {}
        self._titles: dict[str, str] = {}  # titles in the language edited, per node id
        self._badges: dict[str, QIcon] = {}
        self._bold = QFont()
        self._bold.setBold(True)
        document.hub.outcome.connect(self._on_outcome)
        document.hub.reloaded.connect(self.refresh)
        document.hub.language_changed.connect(lambda _lang: self.refresh())
        document.outline_entry = self.entry_of
        self.refresh()

    # -- reading the plan -----------------------------------------------------------------

    def _on_outcome(self, outcome: Any) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Bring the tree in line with the plan's current outline (as read by a worker for a
        reload, when it was: :meth:`PlanDocument.reload`)."""
        entries = self.document.fresh_outline
        if entries is None:
            entries = self.document.read(queries.outline, self.document.plan_id)
        self.reconcile(entries)
        self._refresh_marks()

    def _refresh_marks(self) -> None:
        lang = self.document.language
        marks: dict[str, list[OutlineMark]] = {}
        titles: dict[str, str] = {}
        if lang is not None:  # the commands behind it load only when a language is edited
            from cmsdesk.models.translations import language_titles, outline_marks

            marks = self.document.read(outline_marks, self.document.plan_id, lang)
            titles = self.document.read(language_titles, self.document.plan_id, lang)
        old, self._marks = self._marks, marks
        old_titles, self._titles = self._titles, titles
        self._badges = {}
        for node_id in set(old) | set(marks) | set(old_titles) | set(titles):
            if (old.get(node_id), old_titles.get(node_id)) != (
                    marks.get(node_id), titles.get(node_id)) and node_id in self._by_id:
                index = self._index_of(self._by_id[node_id])
                self.dataChanged.emit(index, index)

    def marks(self, node_id: str) -> list[OutlineMark]:
        """The node's texts missing or to update in the language edited."""
        return self._marks.get(node_id, [])

    def _badge(self, state: str) -> QIcon:
        lang = self.document.language or ""
        if state not in self._badges:
            self._badges[state] = badge(lang, state)
        return self._badges[state]

    def reconcile(self, entries: list[OutlineEntry]) -> None:
        kids: dict[str | None, list[str]] = {None: []}
        by_id: dict[str, OutlineEntry] = {}
        stack: list[str] = []
        for e in entries:  # the tree as displayed follows depth (cycles are shown at the top)
            del stack[e.depth:]
            kids.setdefault(stack[-1] if stack else None, []).append(e.id)
            kids.setdefault(e.id, [])
            stack.append(e.id)
            by_id[e.id] = e
        changed: list[_Item] = []
        # Top-down, put every node at its new place: parents are placed before their children,
        # so nothing is ever moved under itself.
        order: list[str | None] = [None] + [e.id for e in entries]
        for parent_id in order:
            parent = self._root if parent_id is None else self._by_id[parent_id]
            for row, node_id in enumerate(kids[parent_id]):
                self._place(parent, row, node_id, by_id[node_id], changed)
        # What is left over is gone (deleted, or removed by an import): its living content
        # has been moved out above, so whole subtrees can go.
        for node_id in [i for i in self._by_id if i not in by_id]:
            item = self._by_id.get(node_id)
            if item is None or item.parent is None:
                continue  # went with its parent's subtree already
            if item.parent.entry is not None and item.parent.entry.id not in by_id:
                continue  # goes with its parent's subtree
            self._remove(item)
        for item in changed:
            index = self._index_of(item)
            self.dataChanged.emit(index, index)

    def _place(self, parent: _Item, row: int, node_id: str, entry: OutlineEntry,
               changed: list[_Item]) -> None:
        item = self._by_id.get(node_id)
        if item is None:
            self.beginInsertRows(self._index_of(parent), row, row)
            item = _Item(self._next_key, entry, parent)
            self._next_key += 1
            self._by_key[item.key] = item
            self._by_id[node_id] = item
            parent.children.insert(row, item)
            self.endInsertRows()
            return
        if item.parent is not parent or item.row() != row:
            old_parent = item.parent
            assert old_parent is not None
            old_row = item.row()
            self.beginMoveRows(self._index_of(old_parent), old_row, old_row,
                               self._index_of(parent), row)
            old_parent.children.pop(old_row)
            parent.children.insert(row, item)
            item.parent = parent
            self.endMoveRows()
        old = item.entry
        item.entry = entry
        if old is None or (old.label, old.title, old.status, old.conflicted) != (
                entry.label, entry.title, entry.status, entry.conflicted):
            changed.append(item)

    def _remove(self, item: _Item) -> None:
        parent = item.parent
        assert parent is not None
        row = item.row()
        self.beginRemoveRows(self._index_of(parent), row, row)
        parent.children.pop(row)
        for gone in item.walk():
            self._by_key.pop(gone.key, None)
            if gone.entry is not None:
                self._by_id.pop(gone.entry.id, None)
        self.endRemoveRows()

    # -- lookups for the views ------------------------------------------------------------

    def _item(self, index: Index) -> _Item:
        if not index.isValid():
            return self._root
        return self._by_key.get(index.internalId(), self._root)

    def _index_of(self, item: _Item) -> QModelIndex:
        if item is self._root or item.parent is None:
            return QModelIndex()
        return self.createIndex(item.row(), 0, item.key)

    def index_of(self, node_id: str) -> QModelIndex:
        item = self._by_id.get(node_id)
        return self._index_of(item) if item else QModelIndex()

    def entry(self, index: Index) -> OutlineEntry | None:
        return self._item(index).entry

    def entry_of(self, node_id: str) -> OutlineEntry | None:
        item = self._by_id.get(node_id)
        return item.entry if item else None

    def entries(self) -> list[OutlineEntry]:
        """The outline as shown, in order."""
        return [i.entry for i in self._root.walk() if i.entry is not None]

    def filtered(self, needle: str) -> list[tuple[QModelIndex, int, bool, bool]]:
        """Every row as ``(parent index, row, shown, holds a match below)`` for a filter text
        (case-insensitive, on the text shown: "T7  Title"): a row is shown when it matches,
        when a row below it matches (to show where the match is) or a row above it does (its
        content). Plain Python over the tree, with no call back from Qt: a view hides rows from
        this list in a few milliseconds on a plan of 1,000 nodes."""
        needle = needle.casefold()
        out: list[tuple[QModelIndex, int, bool, bool]] = []

        def visit(item: _Item, index: QModelIndex, inside_match: bool) -> bool:
            found = False
            for row, child in enumerate(item.children):
                own = not needle or (child.entry is not None
                                     and needle in _display(
                                         child.entry, self._titles.get(child.entry.id)
                                     ).casefold())
                position = len(out)
                out.append((index, row, False, False))
                below = visit(child, self.createIndex(row, 0, child.key), inside_match or own)
                out[position] = (index, row, inside_match or own or below, below)
                found = found or own or below
            return found

        visit(self._root, QModelIndex(), False)
        return out

    # -- QAbstractItemModel ---------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = NO_PARENT) -> QModelIndex:
        item = self._item(parent)
        if column != 0 or not 0 <= row < len(item.children) or (
                parent.isValid() and parent.column() != 0):
            return QModelIndex()
        return self.createIndex(row, 0, item.children[row].key)

    def parent(self, index: Index = NO_PARENT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        item = self._item(index)
        return self._index_of(item.parent) if item.parent else QModelIndex()

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._item(parent).children)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self._item(index).entry
        if entry is None:
            return None
        title = self._titles.get(entry.id)
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(entry, title)
        if role == Qt.ItemDataRole.EditRole:
            return title or entry.title
        marks = self._marks.get(entry.id)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = entry.heading() if entry.kind != "part" else entry.title
            if entry.kind == "target":
                tip += "\n" + fill(translate("OutlineModel", "Status: %1"),
                                   status_name(entry.status))
            if entry.conflicted:
                tip += "\n" + translate("OutlineModel", "Contested: proposals disagree here")
            if marks:
                tip += "\n" + marks_tip(self.document.language or "", marks)
            return tip
        if role == Qt.ItemDataRole.DecorationRole:
            if entry.conflicted:  # a contest is the more urgent; the tooltip says both
                if self._warning is None:
                    self._warning = QApplication.style().standardIcon(
                        QStyle.StandardPixmap.SP_MessageBoxWarning)
                return self._warning
            return self._badge(_worst(marks)) if marks else None
        if role == Qt.ItemDataRole.ForegroundRole and marks:
            return foreground("alert" if _worst(marks) == "missing" else "bracket")
        if role == TRANSLATION_ROLE:
            return _worst(marks) if marks else None
        if role == Qt.ItemDataRole.FontRole and entry.kind in ("part", "goal"):
            return self._bold
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = f"{kind_name(entry.kind)} {entry.label}: {entry.title}"
            if marks:
                text += ". " + marks_tip(self.document.language or "", marks)
            return text
        if role == NODE_ID_ROLE:
            return entry.id
        if role == KIND_ROLE:
            return entry.kind
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        # Asked for every visible row at every layout: combined once (enum arithmetic is slow).
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # the top of the outline holds parts, chapters
        return _HOLDER_FLAGS if rules.ALLOWED_CHILDREN.get(self._item(index).kind) \
            else _LEAF_FLAGS

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Renaming in the tree: an undoable edit of the node's title."""
        entry = self._item(index).entry
        if entry is None or role != Qt.ItemDataRole.EditRole:
            return False
        title = str(value).strip()
        lang = self.document.language  # renaming while French is edited renames the French
        old = self._titles.get(entry.id, "") if lang else entry.title
        if not title or title == (old or entry.title):
            return False
        name = node_name(entry.kind, entry.number, entry.title)
        text = fill(translate("OutlineModel", "Edit %1 of %2"), field_name("title"), name)
        return self.document.execute(SetField(text, entry.id, "title", old, title, lang)) \
            is not None

    # -- drag and drop --------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        ids: list[str] = []
        for index in indexes:
            entry = self._item(index).entry
            if entry is not None and entry.id not in ids:
                ids.append(entry.id)
        data = QMimeData()
        data.setData(MIME_TYPE, QByteArray(json.dumps(ids).encode("utf-8")))
        return data

    def _dragged(self, data: QMimeData) -> list[_Item]:
        if not data.hasFormat(MIME_TYPE):
            return []
        try:
            ids = json.loads(bytes(data.data(MIME_TYPE).data()).decode("utf-8"))
        except ValueError:
            return []
        if not isinstance(ids, list):
            return []
        items = [self._by_id.get(i) for i in ids if isinstance(i, str)]
        return [i for i in items if i is not None] if all(items) else []

    def may_drop(self, items: list[_Item], parent: _Item) -> bool:
        """The rules of the plan's structure, checked before anything is moved."""
        return bool(items) and all(
            rules.may_hold(parent.kind, item.kind or "") and not item.contains(parent)
            for item in items)

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: Index) -> bool:
        if action != Qt.DropAction.MoveAction:
            return False
        return self.may_drop(self._dragged(data), self._item(parent))

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: Index) -> bool:
        items = self._dragged(data)
        target = self._item(parent)
        if action != Qt.DropAction.MoveAction or not self.may_drop(items, target):
            return False
        self.document.flush()
        stack = self.document.undo_stack
        macro = len(items) > 1
        if macro:
            stack.beginMacro(translate("OutlineModel", "Move nodes"))
        try:
            moved = False
            for item in items:
                moved |= self.move(item.entry.id if item.entry else "", target, row)
                if row >= 0:
                    row = self._by_id[item.entry.id].row() + 1 if item.entry else row
        finally:
            if macro:
                stack.endMacro()
        return moved

    def move(self, node_id: str, parent: _Item | None, row: int) -> bool:
        """Move a node under ``parent`` before the child now at ``row`` (-1: at the end)."""
        item = self._by_id.get(node_id)
        parent = parent or self._root
        if item is None or item.entry is None or not self.may_drop([item], parent):
            return False
        old_parent = item.parent or self._root
        old_row = item.row()
        index = None if row < 0 else row
        if index is not None and old_parent is parent and old_row < index:
            index -= 1  # the row counted the node itself, which leaves its place
        if old_parent is parent and index == old_row:
            return False
        parent_id = parent.entry.id if parent.entry else None
        old_parent_id = old_parent.entry.id if old_parent.entry else None
        edit = MoveNode(move_edit_text(item.entry), node_id, old_parent_id, old_row, parent_id,
                        index)
        outcome = self.document.execute(edit)
        return outcome is not None and outcome.changed

    def move_by(self, node_id: str, step: int) -> bool:
        """Keyboard reordering: one place up (-1) or down (+1) among the siblings, or into the
        neighbouring parent that may hold the node when it is the first or last child."""
        item = self._by_id.get(node_id)
        if item is None or item.parent is None:
            return False
        siblings = item.parent.children
        row = item.row()
        if 0 <= row + step < len(siblings):
            return self.move(node_id, item.parent, row + step if step < 0 else row + 2)
        uncle_parent = item.parent.parent
        if uncle_parent is None:
            return False
        at = item.parent.row() + step
        if 0 <= at < len(uncle_parent.children):
            uncle = uncle_parent.children[at]
            if self.may_drop([item], uncle):
                return self.move(node_id, uncle, -1 if step < 0 else 0)
        return False

    def place_for_new(self, selected_id: str | None, kind: str) -> tuple[str | None, int | None] | None:
        """Where a new node of ``kind`` goes, given the selection: after the selected node if it
        is of the same kind, else at the end of the nearest node (from the selection up) that
        may hold it, just after the branch holding the selection. None: nowhere.
        Returns (parent id, index among its children; None = last)."""
        start = self._by_id.get(selected_id or "", self._root)
        previous: _Item | None = None
        current: _Item | None = start
        if start.kind == kind:
            previous, current = start, start.parent
        while current is not None:
            if rules.may_hold(current.kind, kind):
                parent_id = current.entry.id if current.entry else None
                return parent_id, previous.row() + 1 if previous is not None else None
            previous, current = current, current.parent
        return None
