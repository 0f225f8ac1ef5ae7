"""Settling conflicts: the common text, and beside it every alternative with its proposers.

Each alternative shows its differences from the common text (the version every proposal
started from). Four ways forward, as in a negotiation: choose one alternative; write a combined
text (starting from the bracketed options form); keep the alternatives as bracketed options,
which is the form a negotiating text takes when no agreement is reached yet; or leave the field
for later. A settlement is an ordinary new version (:func:`cmsdesk.sync.conflicts.
resolve_conflict`, the function ``cmsdesk resolve`` runs), so the conflict count in the status
bar goes down and the next bundle carries it.
"""

from __future__ import annotations

import html
import json
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cmsdesk.models import queries
from cmsdesk.models.changelog import Key
from cmsdesk.models.commands import Outcome
from cmsdesk.models.endorsements import proposer_region
from cmsdesk.models.identity import REGIONS
from cmsdesk.models.queries import ConflictView
from cmsdesk.models.review import agreed_text
from cmsdesk.sync.conflicts import DELETE, list_conflicts, resolve_conflict
from cmsdesk.ui.conflict_banner import describe_authors
from cmsdesk.ui.diff_html import diff_html, legend_html, plain_html
from cmsdesk.ui.document import PlanDocument
from cmsdesk.ui.labels import field_name, fill, status_name, translate
from cmsdesk.ui.lazy_view import LazyView
from cmsdesk.ui.merge_edits import ResolveField, undoable
from cmsdesk.ui.safe_browser import SafeTextBrowser, plain_tip
from cmsdesk.ui.theme import muted

ROLE = Qt.ItemDataRole.UserRole
CARD_MIN_WIDTH = 215
LIST_WIDTH = 240


def place_of(conflict: ConflictView) -> str:
    """Where a conflict is, for lists: "T6 Fisheries and hunting — text"."""
    if conflict.entity == "plan":
        where = "Plan"
    elif conflict.entity == "xref":
        _node, framework, target = conflict.eid.split("|", 2)
        where = f"{conflict.label} {framework}:{target}".strip()
    else:
        where = f"{conflict.label}  {conflict.title}".strip()
    return f"{where} — {field_name(conflict.field)}"


class Column(QFrame):
    """A column beside the others: a heading and a text (the common text, or an option)."""

    def __init__(self, name: str, header: str, body: str, parent: QWidget | None = None,
                 background: str = "base") -> None:
        super().__init__(parent)
        self.setObjectName("resolve-column")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(CARD_MIN_WIDTH)
        self.setStyleSheet(f"#resolve-column {{ border: 1px solid palette(mid); border-radius: 3px;"
                           f" background: palette({background}); }}")
        self.header = QLabel(header, self)
        self.header.setWordWrap(True)
        self.body = SafeTextBrowser(self)
        self.body.setObjectName(name)
        self.body.setMinimumHeight(60)
        self.body.setHtml(body)
        self.header_row = QHBoxLayout()
        self.header_row.addWidget(self.header, 1)
        column_layout = QVBoxLayout(self)
        column_layout.setContentsMargins(6, 6, 6, 6)
        column_layout.addLayout(self.header_row)
        column_layout.addWidget(self.body, 1)


class AlternativeCard(Column):
    """One alternative: who proposed it, its words marked against the common text, a button."""

    chosen = Signal(int)
    endorse = Signal(int)  # the option's number: endorse it, or withdraw the endorsement

    def __init__(self, conflict: ConflictView, common: str, number: int,
                 alternative: dict[str, Any], parent: QWidget | None = None) -> None:
        proposers = "; ".join(alternative.get("proposers", [])) or "?"
        regions = "; ".join(alternative.get("endorsed_by", []))
        header = (fill(translate("resolve", "<b>Option %1</b> — position of <b>%2</b>, proposed "
                                            "by <b>%3</b>"),
                       number, html.escape(regions), html.escape(proposers)) if regions else
                  fill(translate("resolve", "<b>Option %1</b> — proposed by <b>%2</b>"),
                       number, html.escape(proposers)))
        super().__init__(f"alternative-{number}", header,
                         self._body_html(conflict, common, alternative.get("value")), parent)
        self.number = number
        self.header.setToolTip(plain_tip(describe_authors(alternative.get("authors", []))))
        # In the heading, so that it stays in sight however long the text is.
        caption = (self.tr("Choose") if conflict.kind != "delete"
                   else self.tr("Move to the Trash") if alternative.get("value") == DELETE
                   else self.tr("Keep it"))
        self.button = QPushButton(caption, self)
        self.button.setToolTip(fill(self.tr("Settle the field with option %1"), number))
        self.button.clicked.connect(lambda: self.chosen.emit(self.number))
        self.header_row.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)
        self.endorse_button: QPushButton | None = None

    def offer_endorsement(self, region: str, endorsed: bool) -> None:
        """A focal point (or the Secretariat) may make this option its region's position."""
        self.endorse_button = QPushButton(
            fill(self.tr("Withdraw the position of %1"), region) if endorsed
            else fill(self.tr("Endorse for %1"), region), self)
        self.endorse_button.setObjectName("endorse-option")
        self.endorse_button.setToolTip(
            self.tr("Withdraw the endorsement: the option is again its proposers'") if endorsed
            else fill(self.tr("Make option %1 the position of %2: the text then reads "
                              "[Option %1 (%2): ...] on every site"), self.number, region))
        self.endorse_button.clicked.connect(lambda: self.endorse.emit(self.number))
        row = QHBoxLayout()  # below the text: the heading keeps its room for the proposers
        row.addWidget(self.endorse_button)
        row.addStretch(1)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.addLayout(row)

    @staticmethod
    def _body_html(conflict: ConflictView, common: str, value: Any) -> str:
        if conflict.kind == "text":
            return diff_html(common, str(value))
        if conflict.kind == "delete":
            return html.escape(translate("resolve", "Move it, with what it holds, to the Trash")
                               if value == DELETE else translate("resolve", "Keep it in the plan"))
        if conflict.field == "status":
            return html.escape(status_name(str(value)))
        if isinstance(value, str):
            return plain_html(value)
        return html.escape(json.dumps(value, ensure_ascii=False))


class ResolveView(LazyView):
    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resolve-view")
        self.document = document
        self.conflicts: list[ConflictView] = []
        self.later: set[Key] = set()
        self.cards: list[AlternativeCard] = []
        self.meeting_region = ""  # the region the Secretariat last recorded a position for

        self.count_label = QLabel(self)
        self.list = QListWidget(self)
        self.list.setObjectName("conflict-list")
        self.list.setAccessibleName(self.tr("Contested fields"))
        self.list.setWordWrap(True)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.explanation = QLabel(self.tr(
            "First the text all proposals share; then each option, with what it changes in "
            "that text marked."), self)
        self.explanation.setWordWrap(True)
        self.common: Column | None = None
        self.cards_host = QWidget(self)
        self.cards_layout = QHBoxLayout(self.cards_host)
        self.cards_layout.setContentsMargins(0, 0, 0, 0)
        self.cards_scroll = QScrollArea(self)
        self.cards_scroll.setWidgetResizable(True)
        # Columns scroll their own text; the row of columns only ever scrolls sideways.
        self.cards_scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.cards_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.cards_scroll.setWidget(self.cards_host)

        self.combined = QPlainTextEdit(self)
        self.combined.setObjectName("combined-text")
        self.combined.setAccessibleName(self.tr("Combined text"))
        self.combined.setPlaceholderText(self.tr("Write the text everyone can accept"))
        self.save_combined_button = QPushButton(self.tr("&Save the combined text"), self)
        self.cancel_combined_button = QPushButton(self.tr("Cancel"), self)
        self.combined_row = QWidget(self)
        combined_layout = QVBoxLayout(self.combined_row)
        combined_layout.setContentsMargins(0, 0, 0, 0)
        combined_layout.addWidget(QLabel(self.tr(
            "<b>Combined text</b> — start from the options and edit them into one text:"), self))
        combined_layout.addWidget(self.combined, 1)
        row = QHBoxLayout()
        row.addWidget(self.save_combined_button)
        row.addWidget(self.cancel_combined_button)
        row.addStretch(1)
        combined_layout.addLayout(row)
        self.combined_row.hide()

        self.keep_button = QPushButton(self.tr("&Keep as bracketed options"), self)
        self.keep_button.setToolTip(self.tr(
            "Settle the field with the [Option 1 (...): ...] [Option 2 (...): ...] form: the "
            "negotiation goes on in the text itself"))
        self.edit_button = QPushButton(self.tr("&Edit a combined text…"), self)
        self.later_button = QPushButton(self.tr("&Leave for later"), self)
        self.later_button.setToolTip(self.tr("Go to the next contested field; this one stays "
                                             "contested"))
        self.legend = QLabel(legend_html(self.tr("added to the common text"),
                                         self.tr("taken out of it")), self)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.title)
        right_layout.addWidget(self.explanation)
        right_layout.addWidget(self.cards_scroll, 3)
        right_layout.addWidget(self.combined_row, 2)
        actions = QHBoxLayout()
        for button in (self.keep_button, self.edit_button, self.later_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.legend)
        right_layout.addLayout(actions)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.count_label)
        left_layout.addWidget(self.list, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setSizes([LIST_WIDTH, 4 * LIST_WIDTH])
        left.setMinimumWidth(LIST_WIDTH * 3 // 4)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.splitter)

        self.list.currentRowChanged.connect(lambda _r: self._show_current())
        self.list.itemDoubleClicked.connect(lambda _i: self.show_in_editor())
        self.keep_button.clicked.connect(self.keep_options)
        self.edit_button.clicked.connect(self.start_combined)
        self.later_button.clicked.connect(self.leave_for_later)
        self.save_combined_button.clicked.connect(self.save_combined)
        self.cancel_combined_button.clicked.connect(lambda: self.combined_row.hide())
        self.follow(document.hub)

    # -- loading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the contested fields; stay on the same one, or on the one now in its place."""
        super().refresh()
        before = self.current()
        row = max(self.list.currentRow(), 0)
        views = list_conflicts(self.document.store, self.document.plan_id)
        keys = {v.key for v in views}
        self.later &= keys
        # Fields left for later go to the end of the list.
        self.conflicts = sorted(views, key=lambda v: v.key in self.later)
        with QSignalBlocker(self.list):
            self.list.clear()
            for view in self.conflicts:
                text = fill(self.tr("%1 (%2 proposals)"), place_of(view), len(view.alternatives))
                item = QListWidgetItem(fill(self.tr("%1 — later"), text)
                                       if view.key in self.later else text)
                item.setData(ROLE, view.key)
                if view.key in self.later:
                    item.setForeground(muted())
                self.list.addItem(item)
            keys_in_order = [v.key for v in self.conflicts]
            if before is not None and before.key in keys_in_order:
                row = keys_in_order.index(before.key)
            self.list.setCurrentRow(min(row, len(self.conflicts) - 1))
        n = len(self.conflicts)
        self.count_label.setText(self.tr("1 contested field") if n == 1
                                 else fill(self.tr("%1 contested fields"), n))
        self._show_current()

    def current(self) -> ConflictView | None:
        row = self.list.currentRow()
        return self.conflicts[row] if 0 <= row < len(self.conflicts) else None

    def select(self, key: Key) -> bool:
        """Show the conflict of this field (from the editor or the review)."""
        if self._stale:
            self.refresh()
        for row, view in enumerate(self.conflicts):
            if view.key == key:
                self.list.setCurrentRow(row)
                return True
        return False

    def _show_current(self) -> None:
        for column in [self.common, *self.cards]:
            if column is not None:
                column.setParent(None)
                column.deleteLater()
        self.cards = []
        self.common = None
        self.combined_row.hide()
        view = self.current()
        text_conflict = view is not None and view.kind == "text"
        self.keep_button.setEnabled(text_conflict)
        self.edit_button.setEnabled(text_conflict)
        self.later_button.setEnabled(view is not None and len(self.conflicts) > 1)
        self.explanation.setVisible(text_conflict)
        self.legend.setVisible(text_conflict)
        if view is None:
            self.title.setText(self.tr("<b>No conflicts.</b> Every field has one agreed "
                                       "value."))
            return
        self.title.setText(f"<b>{html.escape(place_of(view))}</b>")
        common = ""
        if text_conflict:
            common = agreed_text(str(self._shown(view.key)), view.hunks, view.base)
            self.common = Column("common-text", self.tr("<b>Common text</b>"),
                                 plain_html(common), self.cards_host, background="alternate-base")
            self.common.header.setToolTip(self.tr(
                "The parts every proposal shares, with the wording the proposals started from "
                "where they differ"))
            self.cards_layout.addWidget(self.common, 1)
        region = self._my_region() if text_conflict else None
        for number, alternative in enumerate(view.alternatives, start=1):
            card = AlternativeCard(view, common, alternative.get("number", number), alternative,
                                   self.cards_host)
            card.chosen.connect(self.choose)
            if region is not None and "number" in alternative:
                card.offer_endorsement(region, region in alternative.get("endorsed_by", []))
                card.endorse.connect(self.endorse)
            self.cards_layout.addWidget(card, 1)
            self.cards.append(card)

    # -- regional positions -----------------------------------------------------------------

    def _my_region(self) -> str | None:
        """The region this installation endorses for: a focal point's Party's region, the
        one the Secretariat last recorded a meeting for; None for anyone else."""
        profile = self.document.store.profile
        if profile.role == "secretariat":
            return self.meeting_region or profile.region or REGIONS[0]
        if profile.role == "focal point":
            return proposer_region(profile.party)
        return None

    def endorse(self, number: int) -> Outcome | None:
        """Endorse option ``number`` for the region (or withdraw the region's position on it);
        the Secretariat first names the region and the meeting that decided it."""
        view = self.current()
        region = self._my_region()
        if view is None or region is None:
            return None
        meeting = ""
        if self.document.store.profile.role == "secretariat":
            region, ok = QInputDialog.getItem(
                self, self.tr("Regional position"), self.tr("The region whose position it is:"),
                list(REGIONS), REGIONS.index(region) if region in REGIONS else 0, False)
            if not ok:
                return None
            self.meeting_region = region
            meeting, ok = QInputDialog.getText(self, self.tr("Regional position"),
                                               self.tr("The regional meeting that agreed it:"))
            if not ok:
                return None
        alternative = next((a for a in view.alternatives if a.get("number") == number), {})
        withdraw = region in alternative.get("endorsed_by", [])
        key = view.key
        return self.document.run(lambda editor: editor.endorse(
            key, None if withdraw else number, region=region, meeting=meeting.strip()))

    # -- settling ---------------------------------------------------------------------------

    def _shown(self, key: Key) -> Any:
        """What the field shows now (for contested text, the bracketed options form)."""
        if key.entity == "plan":
            plan = self.document.read(queries.find_plan, key.eid)
            return getattr(plan, key.field)
        return self.document.read(queries.node_view, key.eid).fields.get(key.field, "")

    def _settle(self, *, choose: int | None = None, text: str | None = None,
                keep_options: bool = False) -> Outcome | None:
        view = self.current()
        if view is None:
            return None
        key = view.key
        name = place_of(view)
        if undoable(key):
            return self.document.execute(ResolveField(
                fill(self.tr("Settle %1"), name), key, self._shown(key), choose=choose,
                new_text=text, keep_options=keep_options))
        plan_id = self.document.plan_id
        return self.document.run(lambda editor: resolve_conflict(
            editor.store, plan_id, key, choose=choose, text=text, keep_options=keep_options))

    def choose(self, number: int) -> Outcome | None:
        """Settle with the card ``number``: an option's number where the card is one option
        of the field's one contested passage; with several passages a card is one side's whole
        text (numbered by place), which settles the field as that text."""
        view = self.current()
        if view is not None and view.kind == "text" and len(view.hunks) > 1:
            return self._settle(text=str(view.alternatives[number - 1]["value"]))
        return self._settle(choose=number)

    def keep_options(self) -> Outcome | None:
        return self._settle(keep_options=True)

    def start_combined(self) -> None:
        view = self.current()
        if view is None or view.kind != "text":
            return
        self.combined.setPlainText(str(self._shown(view.key)))
        self.combined_row.show()
        self.combined.setFocus()

    def save_combined(self) -> Outcome | None:
        text = self.combined.toPlainText()
        if not text.strip():
            self.document.hub.error.emit(self.tr("The combined text is empty: write the text, "
                                                 "or choose one of the options."))
            return None
        return self._settle(text=text)

    def leave_for_later(self) -> None:
        view = self.current()
        if view is None:
            return
        self.later.add(view.key)
        row = self.list.currentRow()
        self.refresh()
        # the next field takes this one's place; the one left for later went to the end
        self.list.setCurrentRow(min(row, len(self.conflicts) - 1))

    def show_in_editor(self) -> None:
        view = self.current()
        if view is not None and view.node_id:
            fld = view.field if view.entity == "node" and view.field not in (
                "placement", "deleted") else ""
            self.document.hub.select_requested.emit(view.node_id, fld)
