"""The review: every change received since a baseline, grouped by node and field.

A baseline is a named draft ("Consultation draft 1", by default the latest), the plan's first
version, or the plan before a chosen day. Each change shows its author, Party and region, and
the field's text at the baseline with the change's words marked. Filters narrow the list to a
region, a Party or a part of the outline. Ticking a change (or "Mark reviewed" on a node or a
field) marks it reviewed at this installation; "Revert" records a new version restoring the
text the field had before the change, which travels in the next bundle like any edit.
The data comes from :mod:`cmsdesk.models.review`; this module only shows it.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date as Date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cmsdesk.models import queries, rules
from cmsdesk.models.drafts import DraftInfo, find_draft, first_version, list_drafts
from cmsdesk.models.review import (
    PLAN_NODE,
    FieldReview,
    NodeReview,
    Review,
    ReviewFilter,
    ReviewItem,
    plan_before,
    review,
    set_reviewed,
)
from cmsdesk.models.trust import held_in_quarantine
from cmsdesk.ui.diff_html import diff_html, gist, legend_html, plain_html
from cmsdesk.ui.document import PlanDocument
from cmsdesk.ui.labels import field_name, fill, held_reason_text, status_name, translate
from cmsdesk.ui.lazy_view import LazyView
from cmsdesk.ui.merge_edits import RevertChange
from cmsdesk.ui.safe_browser import SafeTextBrowser, plain_tip
from cmsdesk.ui.theme import foreground

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

ROLE = Qt.ItemDataRole.UserRole
FIRST, DAY = "first", "day"


def group_name(group: str) -> str:
    """A review group's heading: a field's name, or the links and comments of a node."""
    names = {"links": translate("review", "Cross-references"),
             "comments": translate("review", "Comments"),
             "placement": translate("review", "Place in the outline"),
             "deleted": translate("review", "Trash")}
    name = names.get(group) or field_name(group)
    return name[:1].upper() + name[1:]


def action_text(item: ReviewItem, group: str) -> str:
    """What a change did, in a few words."""
    a = item.action
    if a == "edit":
        if group == "status":
            return fill(translate("review", "Status: %1"), status_name(item.value))
        return translate("review", "Proposed wording")
    texts = {
        "resolve": translate("review", "Settled a conflict"),
        "add": translate("review", "Added it"),
        "move": translate("review", "Moved it"),
        "delete": translate("review", "Moved it to the Trash"),
        "restore": translate("review", "Restored it from the Trash"),
        "link": fill(translate("review", "Linked %1"), item.value),
        "unlink": fill(translate("review", "Unlinked %1"), item.value),
        "link_edit": fill(translate("review", "Changed link %1"), item.value),
        "comment": translate("review", "Comment"),
        "comment_resolve": translate("review", "Marked a comment resolved"),
        "endorse": fill(translate("review", "Regional position — %1"), item.value),
    }
    return texts.get(a, a)


def when(clock: str) -> str:
    """A change's clock as a reader wants it: day and minute."""
    return clock[:16].replace("T", " ")


def who_html(item: ReviewItem) -> str:
    bits = [f"<b>{html.escape(item.party)}</b>"]
    if not item.verified:
        tip = html.escape(translate("review", "The key this change is signed with is not "
                                              "pinned here: check its fingerprint with the "
                                              "sender (cmsdesk keys)."))
        mark = html.escape(translate("review", "author not verified"))
        colour = foreground("alert").name()
        bits.append(f'<span style="color:{colour}" title="{tip}">{mark}</span>')
    if item.recorded:  # a Word reply or letter the Secretariat recorded (models/trust.py)
        tip = html.escape(translate("review", "The Party did not sign this change: a "
                                              "Secretariat installation pinned here recorded it "
                                              "from the Party's Word reply or letter and signed "
                                              "it."))
        mark = html.escape(translate("review", "recorded by the Secretariat from the Party's "
                                               "reply"))
        bits.append(f'<span title="{tip}">{mark}</span>')
    if item.region:
        bits.append(html.escape(item.region))
    person = item.author + (f" ({item.role})" if item.role else "")
    if person and person != item.party:
        bits.append(html.escape(person))
    bits.append(html.escape(when(item.clock)))
    if item.late:  # received after the draft's comment deadline
        late = translate("review", "received late")
        bits.append(f"<b>{html.escape(late)}</b>")
    if item.reviewed:
        bits.append(translate("review", "reviewed"))
    return " · ".join(bits)


@dataclass(frozen=True)
class Choice:
    """The baseline chosen in the view."""

    kind: str  # "draft", FIRST or DAY
    draft_id: str = ""
    day: Date | None = None


class ReviewView(LazyView):
    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("review-view")
        self.document = document
        self.current: Review | None = None
        self._drafts: list[DraftInfo] = []

        self.baseline_box = QComboBox(self)
        self.baseline_box.setAccessibleName(self.tr("Changes since"))
        self.day_edit = QDateEdit(QDate.currentDate(), self)
        self.day_edit.setAccessibleName(self.tr("Changes since the day"))
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("yyyy-MM-dd")
        self.day_edit.hide()
        self.region_box = QComboBox(self)
        self.party_box = QComboBox(self)
        self.node_box = QComboBox(self)
        # Region names and node titles are long: the boxes must not widen the window.
        # (Sized so that the panel fits a window of 1024 pixels.)
        for box, chars in ((self.baseline_box, 20), (self.region_box, 10),
                           (self.party_box, 9), (self.node_box, 12)):
            box.setMinimumContentsLength(chars)
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.pending_box = QCheckBox(self.tr("Only not yet reviewed"), self)
        self.own_box = QCheckBox(self.tr("Include my own changes"), self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("review-tree")
        self.tree.setAccessibleName(self.tr("Changes received"))
        self.tree.setHeaderLabels([self.tr("Change"), self.tr("Party"), self.tr("Region"),
                                   self.tr("When")])
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.ExtendedSelection)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self.tree.setColumnWidth(1, 95)
        self.tree.setColumnWidth(2, 130)
        self.tree.setColumnWidth(3, 115)
        self.detail = SafeTextBrowser(self)
        self.detail.setObjectName("review-detail")
        self.detail.setAccessibleName(self.tr("The change, compared"))
        self.detail.setOpenLinks(False)

        self.mark_button = QPushButton(self.tr("&Mark reviewed"), self)
        self.unmark_button = QPushButton(self.tr("Mark &not reviewed"), self)
        self.revert_button = QPushButton(self.tr("Re&vert this change…"), self)
        self.revert_button.setToolTip(self.tr(
            "Record a new version with the text the field had before this change; it travels "
            "in your next bundle like any edit"))
        self.show_button = QPushButton(self.tr("Show in the &editor"), self)

        filters = QHBoxLayout()
        for text, widget in ((self.tr("Changes since:"), self.baseline_box), (None, self.day_edit),
                             (self.tr("Region:"), self.region_box),
                             (self.tr("Party:"), self.party_box),
                             (self.tr("Node:"), self.node_box)):
            if text:
                label = QLabel(text, self)
                label.setBuddy(widget)
                filters.addWidget(label)
            filters.addWidget(widget, 1 if widget is self.node_box else 0)
        options = QHBoxLayout()
        options.addWidget(self.pending_box)
        options.addWidget(self.own_box)
        options.addWidget(self.summary, 1)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree, 1)
        actions = QHBoxLayout()
        for button in (self.mark_button, self.unmark_button, self.revert_button):
            actions.addWidget(button)
        actions.addStretch(1)
        left_layout.addLayout(actions)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail, 1)
        right_row = QHBoxLayout()
        self.legend = QLabel(legend_html(self.tr("inserted"), self.tr("deleted")), self)
        right_row.addWidget(self.legend)
        right_row.addStretch(1)
        right_row.addWidget(self.show_button)
        right_layout.addLayout(right_row)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 6)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(filters)
        layout.addLayout(options)
        layout.addWidget(self.splitter, 1)

        for box in (self.baseline_box, self.region_box, self.party_box, self.node_box):
            box.currentIndexChanged.connect(self._filters_changed)
        self.day_edit.dateChanged.connect(self._filters_changed)
        self.pending_box.toggled.connect(self._filters_changed)
        self.own_box.toggled.connect(self._filters_changed)
        self.tree.itemSelectionChanged.connect(self._selection_changed)
        self.tree.itemChanged.connect(self._item_changed)
        self.tree.itemDoubleClicked.connect(lambda _i, _c: self.show_in_editor())
        self.mark_button.clicked.connect(lambda: self.mark_selected(True))
        self.unmark_button.clicked.connect(lambda: self.mark_selected(False))
        self.revert_button.clicked.connect(self.revert_selected)
        self.show_button.clicked.connect(self.show_in_editor)
        self.follow(document.hub)
        self._selection_changed()

    # -- loading ----------------------------------------------------------------------------

    def choice(self) -> Choice:
        data = self.baseline_box.currentData(ROLE)
        if data == DAY:
            return Choice(DAY, day=self.day_edit.date().toPython())
        if data in (None, FIRST):
            return Choice(FIRST)
        return Choice("draft", draft_id=str(data))

    def set_baseline(self, draft_name: str | None = None, day: Date | None = None) -> None:
        """Choose the baseline: a named draft by name, a day, or (neither) the first version."""
        self._fill_baselines()
        if day is not None:
            self.day_edit.setDate(QDate(day.year, day.month, day.day))
            self.baseline_box.setCurrentIndex(self.baseline_box.findData(DAY, ROLE))
        elif draft_name is not None:
            ids = [d.id for d in self._drafts if d.name == draft_name]
            if ids:
                self.baseline_box.setCurrentIndex(self.baseline_box.findData(ids[0], ROLE))
        else:
            self.baseline_box.setCurrentIndex(self.baseline_box.findData(FIRST, ROLE))
        self.refresh()

    def set_filter(self, *, region: str | None = None, party: str | None = None,
                   node: str | None = None) -> None:
        """Narrow the list (None: any), as choosing in the filter boxes does."""
        self.refresh()
        for box, value in ((self.region_box, region), (self.party_box, party),
                           (self.node_box, node)):
            index = box.findData(value or "", ROLE)
            if index < 0:
                raise ValueError(f"{value!r} is not offered as a filter")
            with QSignalBlocker(box):
                box.setCurrentIndex(index)
        self.refresh()

    def _fill_baselines(self) -> None:
        drafts = list_drafts(self.document.store, self.document.plan_id)
        if drafts == self._drafts and self.baseline_box.count():
            return
        previous = self.baseline_box.currentData(ROLE)
        self._drafts = drafts
        with QSignalBlocker(self.baseline_box):
            self.baseline_box.clear()
            for d in reversed(drafts):
                self.baseline_box.addItem(f"{d.name} ({d.date})", d.id)
            self.baseline_box.addItem(self.tr("the first version of the plan"), FIRST)
            self.baseline_box.addItem(self.tr("a day…"), DAY)
            index = self.baseline_box.findData(previous, ROLE) if previous else -1
            self.baseline_box.setCurrentIndex(max(index, 0))  # the latest draft by default
        self.day_edit.setVisible(self.baseline_box.currentData(ROLE) == DAY)

    def _filter(self) -> ReviewFilter:
        def chosen(box: QComboBox) -> frozenset[str]:
            value = box.currentData(ROLE)
            return frozenset({value}) if value else frozenset()

        return ReviewFilter(regions=chosen(self.region_box), parties=chosen(self.party_box),
                            node=self.node_box.currentData(ROLE) or None,
                            pending_only=self.pending_box.isChecked(),
                            include_own=self.own_box.isChecked())

    def _load(self, choice: Choice, flt: ReviewFilter) -> Review:
        plan_id, own = self.document.plan_id, self.document.store.replica_id

        def query(session: Session) -> Review:
            if choice.kind == DAY and choice.day is not None:
                base = plan_before(session, plan_id, choice.day)
            elif choice.kind == "draft":
                base = find_draft(session, plan_id, choice.draft_id)
            else:
                base = first_version(session, plan_id)
            return review(session, plan_id, base, own_replica=own, flt=flt)

        return self.document.read(query)

    def refresh(self) -> None:
        super().refresh()
        self._fill_baselines()
        choice = self.choice()
        self.day_edit.setVisible(choice.kind == DAY)
        try:
            result = self._load(choice, self._filter())
        except queries.NotFoundError:  # the chosen draft went away: fall back
            with QSignalBlocker(self.baseline_box):
                self.baseline_box.setCurrentIndex(self.baseline_box.findData(FIRST, ROLE))
            result = self._load(self.choice(), self._filter())
        self.current = result
        self._fill_filters(result)
        self._fill_tree(result)
        self.summary.setText(self._summary(result, choice))

    def baseline_text(self, choice: Choice | None = None) -> str:
        choice = choice or self.choice()
        if choice.kind == DAY and choice.day is not None:
            return fill(self.tr("the plan before %1"), choice.day.isoformat())
        if choice.kind == "draft":
            d = next((d for d in self._drafts if d.id == choice.draft_id), None)
            if d is not None:
                return f"{d.name} ({d.date})"
        return self.tr("the first version of the plan")

    def _summary(self, result: Review, choice: Choice) -> str:
        items = result.items
        parties = len({i.party for i in items})
        text = fill(self.tr("%1 change(s) from %2 Party(ies) since %3; %4 not yet reviewed."),
                    len(items), parties, self.baseline_text(choice), result.pending)
        held = self.document.read(held_in_quarantine, self.document.plan_id)
        if held:
            text += " " + fill(self.tr("%1 change(s) held in quarantine, out of the plan (Keys "
                                       "and Parties…: accept or reject them). Why: %2."),
                               held, self._held_reasons())
        return text

    def _held_reasons(self) -> str:
        """Why the plan's held changes are held, in the interface's language (the first few)."""
        from cmsdesk.sync import quarantine  # only when something is held

        groups = quarantine.list_quarantine(self.document.store, self.document.plan_id)
        reasons = list(dict.fromkeys(g.reason for g in groups if g.status == quarantine.HELD))
        return "; ".join(held_reason_text(r) for r in reasons[:3]) + (
            "; …" if len(reasons) > 3 else "")

    def _fill_filters(self, result: Review) -> None:
        outline = self.document.read(queries.outline, self.document.plan_id)
        nodes = [(e.id, f"{'   ' * e.depth}{e.label}  {e.title}") for e in outline]
        for box, everyone, values in (
                (self.region_box, self.tr("All regions"), [(r, r) for r in result.regions]),
                (self.party_box, self.tr("All Parties"), [(p, p) for p in result.parties]),
                (self.node_box, self.tr("The whole plan"), nodes)):
            wanted = [("", everyone), *values]
            current = [(box.itemData(i, ROLE), box.itemText(i)) for i in range(box.count())]
            if current == wanted:
                continue
            keep = box.currentData(ROLE)
            with QSignalBlocker(box):
                box.clear()
                for value, text in wanted:
                    box.addItem(text, value)
                box.setCurrentIndex(max(box.findData(keep, ROLE), 0))

    def _filters_changed(self, *_args: object) -> None:
        self.refresh()

    # -- the tree -----------------------------------------------------------------------------

    def _fill_tree(self, result: Review) -> None:
        selected = {tuple(i.data(0, ROLE)) for i in self.tree.selectedItems()}
        scroll = self.tree.verticalScrollBar().value()
        with QSignalBlocker(self.tree):
            self.tree.clear()
            bold = QFont(self.tree.font())
            bold.setBold(True)
            for node in result.nodes:
                n_item = QTreeWidgetItem([self._node_title(node)])
                n_item.setData(0, ROLE, ("node", node.node_id))
                n_item.setFont(0, bold)
                self.tree.addTopLevelItem(n_item)
                n_item.setFirstColumnSpanned(True)
                for fr in node.fields:
                    f_item = QTreeWidgetItem(
                        [fill(self.tr("%1 — %2 change(s)"), group_name(fr.field), len(fr.items))])
                    f_item.setData(0, ROLE, ("field", node.node_id, fr.field))
                    n_item.addChild(f_item)
                    f_item.setFirstColumnSpanned(True)
                    for item in fr.items:
                        f_item.addChild(self._change_item(item, fr))
                n_item.setExpanded(True)
                for i in range(n_item.childCount()):
                    n_item.child(i).setExpanded(True)
            for item in self._all_items():
                if tuple(item.data(0, ROLE)) in selected:
                    item.setSelected(True)
        self.tree.verticalScrollBar().setValue(scroll)
        self._selection_changed()

    def _node_title(self, node: NodeReview) -> str:
        if node.node_id == PLAN_NODE:
            return fill(self.tr("The plan: %1"), node.heading)
        title = node.heading
        return fill(self.tr("%1 (in the Trash)"), title) if node.in_trash else title

    def _change_item(self, item: ReviewItem, fr: FieldReview) -> QTreeWidgetItem:
        what = action_text(item, fr.field)
        if fr.is_text and item.action in ("edit", "resolve"):
            what = gist(fr.baseline, item.value) or what
        elif item.action == "comment":
            what = f"{what}: {' '.join(item.value.split())}"
        row = QTreeWidgetItem([what, item.party, item.region, when(item.clock)])
        row.setData(0, ROLE, ("change", item.change_id))
        row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        row.setCheckState(0, Qt.CheckState.Checked if item.reviewed
                          else Qt.CheckState.Unchecked)
        person = item.author + (f" ({item.role})" if item.role else "")
        row.setToolTip(0, plain_tip(fill(self.tr("%1\nBy %2. Tick when reviewed."), what, person)))
        for column in (1, 2):
            row.setToolTip(column, plain_tip(row.text(column)))
        return row

    def _all_items(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop(0)
            out.append(item)
            stack[0:0] = [item.child(i) for i in range(item.childCount())]
        return out

    def change_items(self) -> list[QTreeWidgetItem]:
        return [i for i in self._all_items() if i.data(0, ROLE)[0] == "change"]

    def _lookup(self) -> tuple[dict[str, tuple[NodeReview, FieldReview, ReviewItem]],
                               dict[tuple[str, str], tuple[NodeReview, FieldReview]]]:
        changes: dict[str, tuple[NodeReview, FieldReview, ReviewItem]] = {}
        fields: dict[tuple[str, str], tuple[NodeReview, FieldReview]] = {}
        for node in self.current.nodes if self.current else []:
            for fr in node.fields:
                fields[(node.node_id, fr.field)] = (node, fr)
                for item in fr.items:
                    changes[item.change_id] = (node, fr, item)
        return changes, fields

    def _selected_change_ids(self) -> list[str]:
        """Changes of the selection: a change itself, or every change under a node or field."""
        ids: list[str] = []
        for item in self.tree.selectedItems():
            stack = [item]
            while stack:
                current = stack.pop()
                data = current.data(0, ROLE)
                if data[0] == "change":
                    ids.append(data[1])
                stack.extend(current.child(i) for i in range(current.childCount()))
        return list(dict.fromkeys(ids))

    # -- detail -------------------------------------------------------------------------------

    def _selection_changed(self) -> None:
        selected = self.tree.selectedItems()
        changes, fields = self._lookup()
        ids = self._selected_change_ids()
        self.mark_button.setEnabled(bool(ids))
        self.unmark_button.setEnabled(bool(ids))
        single = selected[0].data(0, ROLE) if len(selected) == 1 else None
        revertible = (single is not None and single[0] == "change"
                      and changes[single[1]][2].revertible)
        self.revert_button.setEnabled(bool(revertible))
        self.show_button.setEnabled(single is not None and single[1] != PLAN_NODE)
        if single is None:
            self.detail.setHtml(fill(self.tr("<p>Select a change, a field or a node to see "
                                             "what was proposed, compared with %1.</p>"),
                                     html.escape(self.baseline_text())))
            return
        if single[0] == "change":
            node, fr, item = changes[single[1]]
            self.detail.setHtml(self._field_html(node, fr, [item]))
        elif single[0] == "field":
            node, fr = fields[(single[1], single[2])]
            self.detail.setHtml(self._field_html(node, fr, fr.items))
        else:
            node = next(n for n in self.current.nodes if n.node_id == single[1]) \
                if self.current else None
            if node is not None:
                self.detail.setHtml("".join(self._field_html(node, fr, fr.items)
                                            for fr in node.fields))

    def _field_html(self, node: NodeReview, fr: FieldReview, items: list[ReviewItem]) -> str:
        title = html.escape(self._node_title(node))
        parts = [f"<h3>{title} — {html.escape(group_name(fr.field))}</h3>"]
        if fr.is_text:
            if fr.baseline:
                parts.append(f"<p><i>{html.escape(fill(self.tr('At %1:'), self.baseline_text()))}"
                             f"</i><br>{plain_html(fr.baseline)}</p>")
            else:
                parts.append(f"<p><i>{html.escape(self.tr('Not in the baseline: new since.'))}"
                             "</i></p>")
        for item in items:
            parts.append(f"<p>{who_html(item)}<br>{self._item_body(fr, item)}</p>")
        return "".join(parts) + "<hr>"

    def _item_body(self, fr: FieldReview, item: ReviewItem) -> str:
        if fr.is_text and item.action in ("edit", "resolve"):
            return diff_html(fr.baseline, item.value)
        if fr.field == "status" and item.action in ("edit", "resolve"):
            return html.escape(fill(self.tr("%1 → %2"), status_name(fr.baseline),
                                    status_name(item.value)))
        if item.action == "comment":
            return f"<i>“{plain_html(item.value)}”</i>"
        return html.escape(action_text(item, fr.field))

    # -- actions ------------------------------------------------------------------------------

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        data = item.data(0, ROLE)
        if column != 0 or data[0] != "change":
            return
        set_reviewed(self.document.store, [data[1]],
                     item.checkState(0) == Qt.CheckState.Checked)
        # Later: the tree is rebuilt, and this item is still inside its own setData call.
        QTimer.singleShot(0, self, self.refresh)

    def mark_selected(self, reviewed: bool = True) -> int:
        ids = self._selected_change_ids()
        count = set_reviewed(self.document.store, ids, reviewed)
        self.refresh()
        return count

    def revert_selected(self) -> bool:
        selected = self.tree.selectedItems()
        if len(selected) != 1 or selected[0].data(0, ROLE)[0] != "change":
            return False
        node, fr, item = self._lookup()[0][selected[0].data(0, ROLE)[1]]
        answer = QMessageBox.question(
            self, self.tr("Revert this change?"),
            fill(self.tr("Record a new version of the %1 of %2 without %3's change? It travels "
                         "in your next bundle like any other edit, and Undo takes it back."),
                 field_name(fr.field), self._node_title(node), item.party))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        text = fill(self.tr("Revert %1's change to the %2 of %3"), item.party,
                    field_name(fr.field), self._node_title(node))
        return self.document.execute(RevertChange(text, item.change_id)) is not None

    def show_in_editor(self) -> None:
        selected = self.tree.selectedItems()
        if not selected:
            return
        data = selected[0].data(0, ROLE)
        node_id = data[1] if data[0] != "change" else None
        fld = data[2] if data[0] == "field" else ""
        if data[0] == "change":
            node, fr, _item = self._lookup()[0][data[1]]
            node_id, fld = node.node_id, fr.field
        if node_id and node_id != PLAN_NODE:
            self.document.hub.select_requested.emit(
                node_id, fld if fld in rules.fields_of("target") else "")
