"""The cross-reference panel: which targets of a reference framework the selected target serves.

Any framework in the store can be chosen (the Aichi Targets and the KMGBF are bundled). Its
goals are listed with their targets under them; checking a target links it (an undoable edit),
and a linked target has a relevance (primary or supporting) and a note.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from cmsdesk.models import rules
from cmsdesk.models.commands import plan_language
from cmsdesk.models.frameworks import framework_tree, framework_words, list_frameworks
from cmsdesk.models.queries import NodeView, XrefView
from cmsdesk.models.translations import xref_notes
from cmsdesk.ui.document import PlanDocument
from cmsdesk.ui.edits import LinkXref, UnlinkXref, UpdateXref
from cmsdesk.ui.fields import Autosaver
from cmsdesk.ui.labels import fill, framework_title, node_name, relevance_name
from cmsdesk.ui.safe_browser import plain_tip

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
TITLE_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class FrameworkTarget:
    code: str
    title: str
    summary: str


@dataclass(frozen=True)
class FrameworkInfo:
    id: str
    title: str
    short: str
    goals: list[tuple[str, str, list[FrameworkTarget]]]  # (code, title, targets)


def load_framework(document: PlanDocument, framework: str, title: str,
                   short: str, lang: str = "en") -> FrameworkInfo:
    """A framework's goals and targets in ``lang`` (English standing in where the framework
    has no text in it; its title and short name are in the list of them)."""
    def read(session: Session) -> FrameworkInfo:
        words = framework_words(session, framework, lang)
        goals = [(g.code, words.goals.get(g.code, g.title),
                  [FrameworkTarget(t.code, *words.targets.get(t.code, (t.title, t.summary)))
                   for t in ts])
                 for g, ts in framework_tree(session, framework)]
        return FrameworkInfo(framework, title, short, goals)

    return document.read(read)


class XrefPanel(QWidget):
    coverage_requested = Signal()

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.view: NodeView | None = None
        # Per (framework, language): the framework's texts in the language edited.
        self._frameworks: dict[tuple[str, str], FrameworkInfo] = {}
        self._original = document.read(plan_language, document.plan_id)
        self._notes: dict[str, str] = {}  # the notes in the language edited, "framework|code"
        self._names: dict[str, tuple[str, str]] = {}  # framework -> (title, short)
        self._items: dict[str, QTreeWidgetItem] = {}
        self._loading = False

        self.chooser = QComboBox(self)
        self.chooser.setAccessibleName(self.tr("Reference framework"))
        # Narrow docks stay possible: the combo box shrinks instead of the editor.
        self.chooser.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.chooser.setMinimumContentsLength(10)
        for fw in document.read(list_frameworks):
            title = framework_title(fw.id, fw.title)
            self.chooser.addItem(title, fw.id)
            self._names[fw.id] = (title, fw.short)
        self.chooser.currentIndexChanged.connect(lambda _i: self._framework_changed())
        chooser_label = QLabel(self.tr("&Framework:"), self)
        chooser_label.setBuddy(self.chooser)

        self.info = QLabel(self)
        self.info.setWordWrap(True)

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("xref-tree")
        self.tree.setColumnCount(1)
        self.tree.setHeaderHidden(True)
        self.tree.setIndentation(14)
        self.tree.setUniformRowHeights(True)
        self.tree.setAccessibleName(self.tr("Framework targets"))
        self.tree.itemChanged.connect(self._item_changed)
        self.tree.currentItemChanged.connect(lambda *_: self._show_detail())

        self.detail = QGroupBox(self)
        self.detail_summary = QLabel(self.detail)
        self.detail_summary.setWordWrap(True)
        self.detail_summary.setTextFormat(Qt.TextFormat.RichText)
        self.detail_summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.relevance = QComboBox(self.detail)
        for relevance in rules.RELEVANCES:
            self.relevance.addItem(relevance_name(relevance), relevance)
        self.relevance.activated.connect(lambda _i: self._save_link())
        self.note = QPlainTextEdit(self.detail)
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(self.tr("Why this target serves it (optional)"))
        self.note.setMaximumHeight(80)
        self.note_saver = Autosaver(self.note, self._save_link)
        self.note.textChanged.connect(lambda: None if self._loading else self.note_saver.touched())
        form = QFormLayout(self.detail)
        form.addRow(self.detail_summary)
        form.addRow(self.tr("Relevance:"), self.relevance)
        form.addRow(self.tr("Note:"), self.note)

        self.coverage_button = QPushButton(self.tr("Coverage of the whole plan…"), self)
        self.coverage_button.clicked.connect(self.coverage_requested)

        top = QHBoxLayout()
        top.addWidget(chooser_label)
        top.addWidget(self.chooser, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.info)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.coverage_button)

        document.hub.node_loaded.connect(self.show_view)
        document.hub.language_changed.connect(lambda _lang: self._framework_changed())
        document.hub.flush_requested.connect(self.note_saver.flush)
        self._framework_changed()

    # -- frameworks -----------------------------------------------------------------------

    @property
    def framework(self) -> str:
        return str(self.chooser.currentData() or "")

    def set_framework(self, framework: str) -> None:
        index = self.chooser.findData(framework)
        if index >= 0:
            self.chooser.setCurrentIndex(index)

    def framework_info(self, framework: str) -> FrameworkInfo:
        """The framework's texts in the language edited (the plan's original when none)."""
        lang = self.document.language or self._original
        if (framework, lang) not in self._frameworks:
            title, short = self._names.get(framework, (framework, framework))
            self._frameworks[framework, lang] = load_framework(self.document, framework, title,
                                                               short, lang)
        return self._frameworks[framework, lang]

    def _framework_changed(self) -> None:
        self.note_saver.flush()
        self._loading = True
        try:
            self.tree.clear()
            self._items = {}
            if not self.framework:
                return
            info = self.framework_info(self.framework)
            bold = QFont(self.tree.font())
            bold.setBold(True)
            target_flags = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                            | Qt.ItemFlag.ItemIsUserCheckable)
            goals = []
            # Built apart from the tree and added at once: the tree's model then signals one
            # insertion instead of one per item.
            for code, title, targets in info.goals:
                goal = QTreeWidgetItem([f"{code}. {title}"])
                goal.setFont(0, bold)
                goal.setToolTip(0, plain_tip(title))
                goal.setFlags(Qt.ItemFlag.ItemIsEnabled)
                for t in targets:
                    item = QTreeWidgetItem(goal, [f"{t.code}. {t.title}"])
                    item.setData(0, TITLE_ROLE, f"{t.code}. {t.title}")
                    item.setData(0, CODE_ROLE, t.code)
                    item.setToolTip(0, plain_tip(t.summary or t.title))
                    item.setFlags(target_flags)
                    item.setCheckState(0, Qt.CheckState.Unchecked)
                    self._items[t.code] = item
                goals.append(goal)
            self.tree.addTopLevelItems(goals)
            for goal in goals:
                goal.setFirstColumnSpanned(True)  # only an item in a tree can span
            self.tree.expandAll()
        finally:
            self._loading = False
        self.show_view(self.view)

    # -- the selected node ----------------------------------------------------------------

    def links(self) -> dict[str, XrefView]:
        """The selected target's links to the chosen framework, by framework target code."""
        if self.view is None:
            return {}
        return {x.target: x for x in self.view.xrefs if x.framework == self.framework}

    def show_view(self, view: NodeView | None) -> None:
        if view is None or self.view is None or view.id != self.view.id:
            self.note_saver.flush()
        self.view = view
        lang = self.document.language
        self._notes = self.document.read(xref_notes, view.id, lang) \
            if view is not None and lang else {}
        is_target = view is not None and view.kind == "target" and not view.deleted
        self.tree.setEnabled(is_target)
        if view is None:
            self.info.setText(self.tr("Select a target to see what it contributes to."))
        elif not is_target:
            self.info.setText(self.tr("Cross-references belong to targets: select a target."))
        else:
            name = node_name(view.kind, view.number, view.fields.get("title", ""))
            count = len(self.links())
            self.info.setText(fill(self.tr("%1 is linked to %2 of these targets."), name, count))
        links = self.links() if is_target else {}
        if links and self._selected_code() not in links:
            first = next(code for code in self._items if code in links)
            self.tree.setCurrentItem(self._items[first])  # show what the link says
        self._loading = True
        try:
            for code, item in self._items.items():
                link = links.get(code)
                item.setCheckState(0, Qt.CheckState.Checked if link else Qt.CheckState.Unchecked)
                title = item.data(0, TITLE_ROLE)
                item.setText(0, fill(self.tr("%1 — %2"), title, relevance_name(link.relevance))
                             if link else title)
        finally:
            self._loading = False
        self._show_detail()

    def note_of(self, link: XrefView) -> str:
        """The link's note in the language edited (the original's where it has none)."""
        return self._notes.get(f"{link.framework}|{link.target}") or link.note

    def _selected_code(self) -> str | None:
        item = self.tree.currentItem()
        code = item.data(0, CODE_ROLE) if item is not None else None
        return str(code) if code else None

    def _show_detail(self) -> None:
        code = self._selected_code()
        link = self.links().get(code or "")
        self._loading = True
        try:
            if code is None:
                self.detail.setTitle(self.tr("Framework target"))
                self.detail_summary.setText(self.tr("Select a framework target to read it."))
            else:
                info = self.framework_info(self.framework)
                target = next(t for _c, _t, ts in info.goals for t in ts if t.code == code)
                self.detail.setTitle(fill(self.tr("%1 target %2"), info.short, code))
                self.detail_summary.setText(
                    f"<b>{html.escape(target.title)}</b><br>{html.escape(target.summary)}")
            linked = link is not None and self.tree.isEnabled()
            self.relevance.setEnabled(linked)
            self.note.setEnabled(linked)
            if link is not None:
                self.relevance.setCurrentIndex(max(self.relevance.findData(link.relevance), 0))
                if not self.note_saver.dirty and self.note.toPlainText() != self.note_of(link):
                    self.note.setPlainText(self.note_of(link))
            elif not self.note_saver.dirty:
                self.note.clear()
        finally:
            self._loading = False

    # -- editing --------------------------------------------------------------------------

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        code = item.data(0, CODE_ROLE)
        view = self.view
        if self._loading or column != 0 or not code or view is None:
            return
        code = str(code)
        name = node_name(view.kind, view.number, view.fields.get("title", ""))
        short = self.framework_info(self.framework).short
        link = self.links().get(code)
        if item.checkState(0) == Qt.CheckState.Checked and link is None:
            text = fill(self.tr("Link %1 to %2 target %3"), name, short, code)
            self.document.execute(LinkXref(text, view.id, self.framework, code))
        elif item.checkState(0) != Qt.CheckState.Checked and link is not None:
            text = fill(self.tr("Unlink %1 from %2 target %3"), name, short, code)
            self.document.execute(UnlinkXref(text, view.id, self.framework, code,
                                             link.relevance, link.note))
        self.tree.setCurrentItem(item)

    def _save_link(self) -> None:
        """Relevance or note of the selected link changed."""
        view = self.view
        code = self._selected_code()
        link = self.links().get(code or "")
        if self._loading or view is None or code is None or link is None:
            return
        relevance = str(self.relevance.currentData())
        note = self.note.toPlainText()
        shown = self.note_of(link)
        if (relevance, note) == (link.relevance, shown):
            return
        name = node_name(view.kind, view.number, view.fields.get("title", ""))
        short = self.framework_info(self.framework).short
        text = fill(self.tr("Edit link of %1 to %2 target %3"), name, short, code)
        lang = self.document.language
        if lang is not None and note != shown:  # the note of the language edited
            self.document.execute(UpdateXref(text, view.id, self.framework, code, link.relevance,
                                             self._notes.get(f"{self.framework}|{code}", ""),
                                             relevance, note, lang))
        else:  # the original's note (or only the relevance, which has no language)
            self.document.execute(UpdateXref(text, view.id, self.framework, code,
                                             link.relevance, link.note, relevance,
                                             link.note if lang is not None else note))
