"""The history of a field: every version with its author and time, the difference between any
two, and restoring an older one (as a new version: nothing is ever taken out of the log).

It follows the node the editor shows, and the language version the editor edits (a French
version has its own history: a French edit never enters the English one); the field is chosen
above the list. One selected version is compared with the version it was written from; two
selected versions with each other.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cmsdesk.models import rules
from cmsdesk.models.changelog import Key
from cmsdesk.models.languages import field_key
from cmsdesk.models.projection import value_of
from cmsdesk.models.queries import NodeView, VersionView, history
from cmsdesk.models.translations import carried_versions, language_text
from cmsdesk.ui.diff_html import diff_html, legend_html, plain_html
from cmsdesk.ui.document import PlanDocument
from cmsdesk.ui.edits import SetField
from cmsdesk.ui.labels import field_name, fill, node_name, status_name, translate
from cmsdesk.ui.lazy_view import LazyView
from cmsdesk.ui.outline_model import language_name
from cmsdesk.ui.review_view import when
from cmsdesk.ui.safe_browser import SafeTextBrowser, plain_tip

ROLE = Qt.ItemDataRole.UserRole
PREVIEW_CHARS = 90


def op_name(op: str) -> str:
    names = {"set": translate("history", "edit"), "resolve": translate("history", "settlement"),
             "create": translate("history", "created")}
    return names.get(op, op)


def shown(fld: str, value: Any) -> str:
    if fld == "status":
        return status_name(str(value))
    return value if isinstance(value, str) else ""


class HistoryView(LazyView):
    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("history-view")
        self.document = document
        self.node: NodeView | None = None
        self.versions: list[VersionView] = []

        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.field_box = QComboBox(self)
        self.field_box.setAccessibleName(self.tr("Field"))
        self.hint = QLabel(self.tr("Select one version to see what it changed, or two to "
                                   "compare them."), self)
        self.hint.setWordWrap(True)
        self.list = QTreeWidget(self)
        self.list.setObjectName("history-list")
        self.list.setAccessibleName(self.tr("Versions of the field"))
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QTreeWidget.SelectionMode.ExtendedSelection)
        self.list.setHeaderLabels([self.tr("When"), self.tr("Author"), self.tr("Party"),
                                   self.tr("Region"), self.tr("What"), self.tr("Text")])
        header = self.list.header()
        header.setStretchLastSection(True)
        for column in range(5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.diff = SafeTextBrowser(self)
        self.diff.setObjectName("history-diff")
        self.diff.setAccessibleName(self.tr("What the version changed"))
        self.restore_button = QPushButton(self.tr("&Restore this version"), self)
        self.restore_button.setToolTip(self.tr("Make this version's text the current one, as a "
                                               "new version that travels in your next bundle"))
        self.legend = QLabel(legend_html(self.tr("inserted"), self.tr("deleted")), self)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        label = QLabel(self.tr("&Field:"), self)
        label.setBuddy(self.field_box)
        top.addWidget(label)
        top.addWidget(self.field_box)
        bottom = QHBoxLayout()
        bottom.addWidget(self.restore_button)
        bottom.addStretch(1)
        bottom.addWidget(self.legend)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.list)
        splitter.addWidget(self.diff)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        self.field_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.restore_button.clicked.connect(self.restore_selected)
        hub = document.hub
        hub.node_loaded.connect(self._node_loaded)
        hub.language_changed.connect(lambda _lang: self.invalidate())
        self._node_loaded(document.current_view)

    def _language(self) -> str | None:
        """The language version whose history is shown: the one the editor edits, for a text
        that has versions per language (None: the original)."""
        lang = self.document.language
        return lang if lang and ("node", self.field()) in rules.TRANSLATABLE_FIELDS else None

    def _key(self) -> Key:
        assert self.node is not None
        return Key("node", self.node.id, field_key(self.field(), self._language()))

    def _node_loaded(self, view: NodeView | None) -> None:
        same_node = view is not None and self.node is not None and view.id == self.node.id
        self.node = view
        if not same_node:
            fld = self.field()
            with QSignalBlocker(self.field_box):
                self.field_box.clear()
                for name in rules.fields_of(view.kind) if view else ():
                    self.field_box.addItem(field_name(name), name)
                self.field_box.setCurrentIndex(max(self.field_box.findData(fld or "text",
                                                                           ROLE), 0))
        self.invalidate()

    def show_field(self, node_id: str, fld: str) -> None:
        """Show the history of this node's field (the editor moves to the node too)."""
        if self.node is None or self.node.id != node_id:
            self.document.hub.select_requested.emit(node_id, fld)
        index = self.field_box.findData(fld, ROLE)
        if index >= 0:
            self.field_box.setCurrentIndex(index)
        self.refresh()

    def field(self) -> str:
        return str(self.field_box.currentData(ROLE) or "")

    def refresh(self) -> None:
        super().refresh()
        node, fld = self.node, self.field()
        if node is None or not fld:
            self.heading.setText(self.tr("Select a node to see the history of its fields."))
            self.versions = []
            self.list.clear()
            self._selection_changed()
            return
        lang = self._language()
        heading = self._name() if lang is None else fill(self.tr("%1, in %2"), self._name(),
                                                          language_name(lang))
        self.heading.setText(f"<b>{html.escape(heading)}</b>")
        self.versions = self.document.read(history, self._key())
        carried = self.document.read(carried_versions, [v.change_id for v in self.versions])
        keep = {i.data(0, ROLE) for i in self.list.selectedItems()}
        with QSignalBlocker(self.list):
            self.list.clear()
            for index, v in enumerate(self.versions):
                text = " ".join(shown(fld, v.value).split())
                what = op_name(v.op)
                if v.change_id in carried:  # took over a proposal made in another language
                    source = carried[v.change_id]
                    phrase = {"en": self.tr("%1, proposed by %2, in English"),
                              "fr": self.tr("%1, proposed by %2, in French"),
                              "es": self.tr("%1, proposed by %2, in Spanish")}[source.lang]
                    what = fill(phrase, what, source.party or source.author)
                item = QTreeWidgetItem([when(v.clock), v.author, v.party, v.region,
                                        what, text[:PREVIEW_CHARS]
                                        + ("…" if len(text) > PREVIEW_CHARS else "")])
                item.setData(0, ROLE, index)
                item.setToolTip(5, plain_tip(text))
                self.list.addTopLevelItem(item)
                item.setSelected(index in keep)
        self._selection_changed()

    def _selected(self) -> list[int]:
        return sorted(int(i.data(0, ROLE)) for i in self.list.selectedItems())

    def value_before(self, version: VersionView) -> Any:
        """What the field showed before this version: its parents' (merged) value."""
        if not version.parents:
            return rules.STATUSES[0] if self.field() == "status" else ""
        by_id = {v.version_id: v.value for v in self.versions}
        if len(version.parents) == 1 and version.parents[0] in by_id:
            return by_id[version.parents[0]]
        return self.document.read(value_of, self._key(), version.parents)

    def _selection_changed(self) -> None:
        chosen = self._selected()
        fld = self.field()
        self.restore_button.setEnabled(len(chosen) == 1 and self.node is not None
                                       and shown(fld, self.versions[chosen[0]].value)
                                       != self._current_value())
        if not chosen or len(chosen) > 2:
            self.diff.setHtml(plain_html(self.hint.text()) if len(chosen) > 2 else "")
            return
        newer = self.versions[chosen[-1]]
        if len(chosen) == 2:
            older_value = self.versions[chosen[0]].value
            caption = fill(self.tr("From the version of %1 (%2) to that of %3 (%4):"),
                           self.versions[chosen[0]].party or self.versions[chosen[0]].author,
                           when(self.versions[chosen[0]].clock), newer.party or newer.author,
                           when(newer.clock))
        else:
            older_value = self.value_before(newer)
            caption = fill(self.tr("What %1 changed (%2):"), newer.party or newer.author,
                           when(newer.clock))
        body = (diff_html(shown(fld, older_value), shown(fld, newer.value)) if fld != "status"
                else html.escape(f"{shown(fld, older_value)} → {shown(fld, newer.value)}"))
        self.diff.setHtml(f"<p><i>{html.escape(caption)}</i></p><p>{body}</p>")

    def _name(self) -> str:
        node = self.node
        return node_name(node.kind, node.number, node.fields.get("title", "")) if node else ""

    def _current_value(self) -> str:
        if self.node is None:
            return ""
        lang = self._language()
        if lang is None:
            return self.node.fields.get(self.field(), "")
        text, fallback = self.document.read(language_text, Key("node", self.node.id,
                                                                self.field()), lang)
        return "" if fallback else text

    def restore_selected(self) -> bool:
        chosen = self._selected()
        if len(chosen) != 1 or self.node is None:
            return False
        version = self.versions[chosen[0]]
        fld = self.field()
        value = version.value if isinstance(version.value, str) else str(version.value)
        text = fill(self.tr("Restore the %1 of %2 from %3"), field_name(fld),
                    self._name(),
                    when(version.clock))
        return self.document.execute(SetField(text, self.node.id, fld, self._current_value(),
                                              value, self._language())) is not None
