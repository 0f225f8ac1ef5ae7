"""Named drafts: mark the plan as it stands ("Consultation draft 2", its document symbol and
date), compare the current text with any named draft, and send a full bundle to everyone.

A named draft is local bookkeeping (:mod:`cmsdesk.models.drafts`); the comparison is
:func:`cmsdesk.models.review.compare_with_draft`, shown with the words marked.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QDate, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cmsdesk.models.commands import CommandError
from cmsdesk.models.draft_meta import LOCALIZED_FIELDS, DocumentMeta
from cmsdesk.models.drafts import DraftInfo, edit_draft, find_draft, list_drafts, mark_draft
from cmsdesk.models.queries import NotFoundError
from cmsdesk.models.review import DraftDifference, compare_with_draft
from cmsdesk.ui.diff_html import diff_html, legend_html, plain_html
from cmsdesk.ui.document import PlanDocument
from cmsdesk.ui.labels import field_name, fill
from cmsdesk.ui.lazy_view import LazyView
from cmsdesk.ui.safe_browser import SafeTextBrowser
from cmsdesk.ui.theme import css, foreground

ROLE = Qt.ItemDataRole.UserRole


class MarkDraftDialog(QDialog):
    """Name, document symbol, date and document details of a named draft: a new one (the
    plan as it stands now), or, given ``draft``, an existing one whose details are edited
    (what it holds of the plan stays as marked)."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None,
                 draft: DraftInfo | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.draft = draft
        self.info: DraftInfo | None = None
        self.setWindowTitle(self.tr("Mark a named draft") if draft is None
                            else self.tr("Details of a named draft"))
        intro = QLabel(self.tr("Name the plan as it stands now, for example before sending it "
                               "out for consultation. Later you can see everything received "
                               "since, and compare the text with it.") if draft is None else
                       self.tr("What the document printed from this draft says about itself. "
                               "The text of the draft stays as it was marked."), self)
        intro.setWordWrap(True)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("e.g. Consultation draft 2"))
        self.symbol = QLineEdit(self)
        self.symbol.setPlaceholderText(self.tr("e.g. UNEP/CMS/COP11/Doc.15.2"))
        self.date = QDateEdit(QDate.currentDate(), self)
        self.date.setAccessibleName(self.tr("Date"))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.error = QLabel(self)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet(f"color: {css(foreground('alert'))};")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("Document &symbol:"), self.symbol)
        form.addRow(self.tr("&Date:"), self.date)
        # The details, then the same typed texts as each language prints them, as tabs.
        self.details_tabs = QTabWidget(self)
        details = QWidget(self.details_tabs)
        self.meta_edits = self._details(details)
        self.details_tabs.addTab(details, self.tr("Document details"))
        self.details_tabs.setTabToolTip(0, self.tr("Printed on the first page"))
        self.language_edits = self._per_language(self.details_tabs)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.details_tabs)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._check)
        if draft is not None:
            self._fill(draft)
        self._check()
        self.resize(560, self.sizeHint().height())

    def _details(self, box: QWidget) -> dict[str, Any]:
        """The metadata widgets, by metadata field."""
        form = QFormLayout(box)
        edits: dict[str, Any] = {}

        def line(name: str, label: str, hint: str = "") -> None:
            edit = QLineEdit(box)
            edit.setPlaceholderText(hint)
            edits[name] = edit
            form.addRow(label, edit)

        distribution = QComboBox(box)
        for value, text in (("General", self.tr("General")), ("Limited", self.tr("Limited")),
                            ("Restricted", self.tr("Restricted"))):
            distribution.addItem(text, value)
        edits["distribution"] = distribution
        form.addRow(self.tr("Distri&bution:"), distribution)
        original = QComboBox(box)
        languages = (("en", self.tr("English")), ("fr", self.tr("French")),
                     ("es", self.tr("Spanish")))
        for code, text in languages:
            original.addItem(text, code)
        edits["original_language"] = original
        form.addRow(self.tr("&Original language:"), original)
        line("title", self.tr("Printed &title:"), self.tr("default: the plan's title"))
        line("meeting", self.tr("&Meeting:"), self.tr("e.g. Meeting of the Conference of the "
                                                      "Parties"))
        line("meeting_number", self.tr("Meeting n&umber:"), self.tr("e.g. 11"))
        line("meeting_place", self.tr("&Place:"), self.tr("e.g. Quito, Ecuador"))
        line("meeting_dates", self.tr("Meeting dat&es:"), self.tr("e.g. 4-9 November 2014"))
        line("agenda_item", self.tr("&Agenda item:"), self.tr("e.g. 15.2"))
        line("prepared_by", self.tr("Prepared b&y:"), self.tr("e.g. the Secretariat"))
        line("comments_to", self.tr("Send &comments to:"), self.tr("e.g. cms@cms.int"))
        line("deadline", self.tr("Comments dead&line:"), self.tr("YYYY-MM-DD"))
        row = QHBoxLayout()
        boxes = {}
        for code, text in languages:
            boxes[code] = QCheckBox(text, box)
            row.addWidget(boxes[code])
        edits["languages"] = boxes
        form.addRow(self.tr("Available in:"), row)
        return edits

    def _per_language(self, tabs: QTabWidget) -> dict[str, dict[str, QLineEdit]]:
        """A tab per language with a line for each typed text a document in that language may
        print in its own words (the meeting's name...), by metadata field."""
        labels = {"meeting": self.tr("Meeting:"), "meeting_place": self.tr("Place:"),
                  "meeting_dates": self.tr("Meeting dates:"), "title": self.tr("Printed title:"),
                  "prepared_by": self.tr("Prepared by:"),
                  "comments_to": self.tr("Send comments to:")}
        edits: dict[str, dict[str, QLineEdit]] = {}
        for code, name, tab in (("fr", self.tr("French"), self.tr("In French")),
                                ("es", self.tr("Spanish"), self.tr("In Spanish")),
                                ("en", self.tr("English"), self.tr("In English"))):
            page = QWidget(tabs)
            form = QFormLayout(page)
            note = QLabel(self.tr("A document in this language prints these; left empty, "
                                  "what is typed in the details."), page)
            note.setWordWrap(True)
            form.addRow(note)
            edits[code] = {}
            for fld in LOCALIZED_FIELDS:
                edit = QLineEdit(page)
                edit.setAccessibleName(f"{labels[fld]} ({name})")
                edits[code][fld] = edit
                form.addRow(labels[fld], edit)
            tabs.addTab(page, tab)
        return edits

    def _fill(self, draft: DraftInfo) -> None:
        self.name.setText(draft.name)
        self.symbol.setText(draft.symbol)
        if draft.date:
            self.date.setDate(QDate.fromString(draft.date, "yyyy-MM-dd"))
        meta = draft.document
        for name, widget in self.meta_edits.items():
            value = getattr(meta, name)
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(value)))
            elif isinstance(widget, dict):
                for code, box in widget.items():
                    box.setChecked(code in value)
            else:
                widget.setText(value)
        for code, edits in self.language_edits.items():
            for fld, edit in edits.items():
                edit.setText(meta.translations.get(code, {}).get(fld, ""))

    def meta_values(self) -> dict[str, Any]:
        """The metadata as entered, by field (checked when the draft is saved)."""
        out: dict[str, Any] = {}
        for name, widget in self.meta_edits.items():
            if isinstance(widget, QComboBox):
                out[name] = widget.currentData()
            elif isinstance(widget, dict):
                out[name] = [code for code, box in widget.items() if box.isChecked()]
            else:
                out[name] = widget.text()
        out["translations"] = {code: {fld: edit.text() for fld, edit in edits.items()}
                               for code, edits in self.language_edits.items()}
        return out

    def _check(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(bool(self.name.text().strip()))

    def accept(self) -> None:
        """Mark or update the draft; a refused value stays in the dialog with the reason."""
        self.document.flush()
        store, plan_id = self.document.store, self.document.plan_id
        day = self.date.date().toPython()
        try:
            if self.draft is None:
                meta = DocumentMeta().updated(**self.meta_values())
                self.info = mark_draft(store, plan_id, self.name.text(), self.symbol.text(),
                                       day, meta)
            else:
                self.info = edit_draft(store, plan_id, self.draft.id, name=self.name.text(),
                                       symbol=self.symbol.text(), date=day,
                                       **self.meta_values())
        except (CommandError, NotFoundError) as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        super().accept()


class DraftsView(LazyView):
    # the "Export a full bundle for everyone…" button
    export_everyone_requested = Signal()

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drafts-view")
        self.document = document
        self.drafts: list[DraftInfo] = []
        self.differences: list[DraftDifference] = []

        self.list = QTreeWidget(self)
        self.list.setObjectName("draft-list")
        self.list.setAccessibleName(self.tr("Named drafts"))
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([self.tr("Named draft"), self.tr("Symbol"), self.tr("Date"),
                                   self.tr("Changes")])
        header = self.list.header()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.mark_button = QPushButton(self.tr("&Mark the current state as a named draft…"),
                                       self)
        self.edit_button = QPushButton(self.tr("Document &details of this draft…"), self)
        self.edit_button.setToolTip(self.tr("Symbol, date, meeting, agenda item, deadline: "
                                            "what the Word document of this draft prints"))
        self.export_button = QPushButton(self.tr("Export a &full bundle for everyone…"), self)
        self.export_button.setToolTip(self.tr("The whole plan as it stands, for distribution "
                                              "to every Party"))
        self.node_only = QCheckBox(self.tr("Only the node shown in the editor"), self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.comparison = SafeTextBrowser(self)
        self.comparison.setObjectName("draft-comparison")
        self.comparison.setAccessibleName(self.tr("Comparison with the draft"))
        self.legend = QLabel(legend_html(self.tr("new since the draft"),
                                         self.tr("in the draft, gone now")), self)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.mark_button)
        left_layout.addWidget(self.edit_button)
        left_layout.addWidget(self.export_button)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.node_only)
        right_layout.addLayout(top)
        right_layout.addWidget(self.comparison, 1)
        right_layout.addWidget(self.legend)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)

        self.list.itemSelectionChanged.connect(self.compare)
        self.node_only.toggled.connect(lambda _c: self.compare())
        self.mark_button.clicked.connect(self.mark)
        self.edit_button.clicked.connect(self.edit)
        self.export_button.clicked.connect(self.export_everyone_requested)
        self.follow(document.hub)
        document.hub.current_changed.connect(self._node_changed)

    def _node_changed(self, _node_id: object) -> None:
        if self.node_only.isChecked():
            self.invalidate()

    def refresh(self) -> None:
        super().refresh()
        chosen = self.chosen()
        self.drafts = list_drafts(self.document.store, self.document.plan_id)
        with QSignalBlocker(self.list):
            self.list.clear()
            for d in reversed(self.drafts):
                item = QTreeWidgetItem([d.name, d.symbol, d.date, str(d.changes)])
                item.setData(0, ROLE, d.id)
                self.list.addTopLevelItem(item)
                if chosen is not None and d.id == chosen.id:
                    item.setSelected(True)
            if not self.list.selectedItems() and self.list.topLevelItemCount():
                self.list.topLevelItem(0).setSelected(True)
        self.compare()

    def chosen(self) -> DraftInfo | None:
        selected = self.list.selectedItems()
        if not selected:
            return None
        return next((d for d in self.drafts if d.id == selected[0].data(0, ROLE)), None)

    def select(self, name: str) -> None:
        self.refresh()
        for i in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(i)
            item.setSelected(item.text(0) == name)

    def mark(self) -> DraftInfo | None:
        dialog = MarkDraftDialog(self.document, self)
        if not dialog.exec() or dialog.info is None:
            return None
        self.refresh()
        self.select(dialog.info.name)
        self.document.hub.message.emit(fill(self.tr("Marked the named draft %1"),
                                            dialog.info.name))
        return dialog.info

    def edit(self) -> DraftInfo | None:
        """Edit the chosen draft's name, symbol, date and document details."""
        chosen = self.chosen()
        if chosen is None:
            return None
        dialog = MarkDraftDialog(self.document, self, draft=chosen)
        if not dialog.exec() or dialog.info is None:
            return None
        self.refresh()
        self.select(dialog.info.name)
        return dialog.info

    def compare(self) -> list[DraftDifference]:
        draft = self.chosen()
        self.edit_button.setEnabled(draft is not None)
        if draft is None:
            self.differences = []
            self.summary.setText(self.tr("No named draft yet: mark the current state to "
                                         "compare with it later."))
            self.comparison.clear()
            return []
        plan_id = self.document.plan_id
        node = self.document.current_id if self.node_only.isChecked() else None
        self.differences = self.document.read(
            lambda s: compare_with_draft(s, plan_id, find_draft(s, plan_id, draft.id), node))
        changed = len({d.node_id for d in self.differences})
        self.summary.setText(fill(self.tr("Compared with %1 (%2): %3 node(s) differ."),
                                  draft.name, draft.date, changed) if self.differences else
                             fill(self.tr("The text is as it was in %1 (%2)."), draft.name,
                                  draft.date))
        self.comparison.setHtml(self._html(self.differences))
        return self.differences

    def _html(self, differences: list[DraftDifference]) -> str:
        parts: list[str] = []
        heading = None
        for d in differences:
            title = f"{d.label}  {d.heading}".strip()
            if title != heading:
                heading = title
                note = {"added": self.tr(" (new since the draft)"),
                        "removed": self.tr(" (no longer in the plan)")}.get(d.what, "")
                parts.append(f"<h3>{html.escape(title + note)}</h3>")
            if d.what == "removed":
                parts.append(f"<p>{plain_html(d.draft)}</p>")
                continue
            name = field_name(d.field)
            parts.append(f"<p><i>{html.escape(name[:1].upper() + name[1:])}</i><br>"
                         f"{diff_html(d.draft, d.current)}</p>")
        return "".join(parts)
