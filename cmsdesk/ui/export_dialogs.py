"""Writing files from the window: a bundle for a peer or for everyone, and the documents of
the meeting (the draft plan in Word or Markdown, the compilation of comments received).

The export bundle dialog builds the bundle in memory first (:func:`cmsdesk.sync.exporter.
build_bundle`), so it can say in plain words what the file holds (the whole plan, or only what
the recipient lacks) and how big it is before anything is written. The documents are written by
:mod:`cmsdesk.export`, as ``cmsdesk export docx|markdown|compilation`` writes them. Every file
is written atomically; a failure leaves any existing file as it was and says why.
"""

from __future__ import annotations

import re
from datetime import date as Date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cmsdesk.export.child import (
    FOR_COMMENTS,
    ChildExport,
    ExportCancelled,
    ExportJob,
    store_location,
)
from cmsdesk.export.localized import Fallbacks
from cmsdesk.export.options import DETAIL_FIELDS, ExportOptions
from cmsdesk.models.commands import plan_language
from cmsdesk.models.drafts import list_drafts, remember_options
from cmsdesk.models.frameworks import list_frameworks
from cmsdesk.models.languages import LANGUAGES
from cmsdesk.models.queries import find_plan
from cmsdesk.sync.exporter import BuiltBundle, build_bundle, write_bundle
from cmsdesk.sync.peers import list_peers
from cmsdesk.ui.background import BackgroundReader
from cmsdesk.ui.document import PlanDocument
from cmsdesk.ui.labels import field_name, fill, framework_title, translate
from cmsdesk.ui.preferences import export_folder, window_settings
from cmsdesk.ui.progress import StepCancelled, run_with_progress
from cmsdesk.ui.translation_status import OWN_NAMES

if TYPE_CHECKING:
    from cmsdesk.export.for_comments import CopyInfo

ROLE = Qt.ItemDataRole.UserRole
DOCX, MARKDOWN, COMPILATION = "docx", "markdown", "compilation"


def size_text(size: int) -> str:
    if size < 1024:
        return fill(translate("export", "%1 bytes"), size)
    if size < 1024 * 1024:
        return fill(translate("export", "%1 KB"), f"{size / 1024:.1f}")
    return fill(translate("export", "%1 MB"), f"{size / 1024 / 1024:.1f}")


def describe_bundle(built: BuiltBundle, recipient: str) -> str:
    """In plain words: a full draft, or only what the recipient lacks, and how many changes."""
    if built.recipient is None:
        return fill(translate("export", "A full draft: the whole plan as it stands here (%1 "
                                        "changes). Anyone can import it, even someone who holds "
                                        "nothing yet: use it to send a new draft to everyone."),
                    built.changes)
    if built.full:
        return fill(translate("export", "A full draft: nothing is known yet of what %1 holds, "
                                        "so the file carries the whole plan (%2 changes). %1 "
                                        "can import it in any case."), recipient, built.changes)
    if not built.changes:
        return fill(translate("export", "%1 is known to hold everything already: the file "
                                        "would carry no change."), recipient)
    return fill(translate("export", "Only what %1 lacks: %2 change(s) made or received here "
                                    "since the last bundle exchanged with %1. %1 must hold the "
                                    "earlier drafts; if in doubt, choose Everyone to send the "
                                    "whole plan."), recipient, built.changes)


def file_stem(title: str, limit: int = 48) -> str:
    """A file name from a title, cut between words: "strategic-plan-for-migratory-species"."""
    stem = ""
    for word in _slug(title).split("-"):
        if stem and len(stem) + 1 + len(word) > limit:
            break
        stem = f"{stem}-{word}" if stem else word[:limit]
    return stem


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower() or "plan"


class ExportBundleDialog(QDialog):
    """Choose the recipient, read what the file will hold and its size, then save it."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None, *,
                 everyone: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export a bundle"))
        self.document = document
        self.built: BuiltBundle | None = None
        self.written: Path | None = None
        document.flush()
        self.recipient = QComboBox(self)
        self.recipient.addItem(self.tr("Everyone (a full draft, for distribution)"), None)
        if not everyone:
            for peer in list_peers(document.store):
                where = ", ".join(b for b in (peer.name, peer.region) if b)
                label = peer.party or peer.name or peer.replica[:8]
                self.recipient.addItem(f"{label} — {where}" if where else label, peer.replica)
        self.explanation = QLabel(self)
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)  # holds Parties' names
        self.explanation.setWordWrap(True)
        self.explanation.setObjectName("bundle-explanation")
        self.size_label = QLabel(self)
        self.size_label.setObjectName("bundle-size")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = QPushButton(self.tr("&Save…"), self)
        self.save_button.setDefault(True)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        form = QFormLayout()
        form.addRow(self.tr("&For:"), self.recipient)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.explanation)
        layout.addWidget(self.size_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.builder = BackgroundReader(self._built, self._not_built, self)
        self.recipient.currentIndexChanged.connect(lambda _i: self.rebuild())
        self.rebuild()
        self.resize(560, 230)

    def choose(self, party_or_replica: str | None) -> None:
        """Pick a recipient: a peer's Party or replica id, or None for everyone."""
        for i in range(self.recipient.count()):
            data = self.recipient.itemData(i, ROLE)
            if data == party_or_replica or self.recipient.itemText(i).startswith(
                    f"{party_or_replica} —"):
                self.recipient.setCurrentIndex(i)
                return
        raise ValueError(f"{party_or_replica!r} is not a known recipient")

    def recipient_label(self) -> str:
        return self.recipient.currentText().split(" — ", 1)[0]

    def rebuild(self) -> None:
        """Build the bundle in memory, in the background (a full bundle of a large plan takes
        a while); what it holds and its size are shown when it is ready."""
        replica = self.recipient.currentData(ROLE)
        store, plan_id = self.document.store, self.document.plan_id
        self.built = None
        self.save_button.setEnabled(False)
        self.explanation.setText(self.tr("Working out what the file will hold…"))
        self.size_label.clear()
        self.builder.start(lambda: build_bundle(store, plan_id, to_peer=replica,
                                                full=replica is None))

    def _built(self, built: BuiltBundle) -> None:
        self.built = built
        self.explanation.setText(describe_bundle(built, self.recipient_label()))
        self.size_label.setText(fill(self.tr("Size: %1"), size_text(built.size)))
        self.save_button.setEnabled(True)

    def _not_built(self, message: str) -> None:
        self.built = None
        self.explanation.setText(message)
        self.size_label.clear()
        self.save_button.setEnabled(False)

    def default_name(self) -> str:
        who = "everyone" if self.recipient.currentData(ROLE) is None else self.recipient_label()
        return f"plan-for-{_slug(who)}-{Date.today().isoformat()}.cmsb"

    def save(self) -> Path | None:
        built = self.built
        if built is None:
            return None
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the bundle"),
            str(export_folder(window_settings(self.parentWidget())) / self.default_name()),
            self.tr("cmsdesk bundles (*.cmsb)"))
        if not name:
            return None
        path = Path(name if name.lower().endswith(".cmsb") else name + ".cmsb")
        store = self.document.store
        job = run_with_progress(self, self.tr("Writing the bundle"), [path],
                                lambda p: write_bundle(store, built, p), describe=lambda p: p.name)
        if job.failed:
            self.document.hub.error.emit(job.failed[0][1])
            return None
        self.written = path
        self.document.hub.message.emit(fill(self.tr("Wrote %1 (%2)"), path.name,
                                            size_text(built.size)))
        self.accept()
        return path


class DocumentOptionsDialog(QDialog):
    """Options of a document: the date printed on it, and per kind the named draft, the
    presentation and its switches, the annex frameworks and a Word template (the plan), or the
    baseline draft, the addendum number and the order (the compilation).

    Choosing a named draft loads the switches last used for it; exporting remembers them."""

    def __init__(self, document: PlanDocument, kind: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.document = document
        titles = {DOCX: self.tr("Export to Word"), MARKDOWN: self.tr("Export Markdown"),
                  COMPILATION: self.tr("Export the compilation of comments")}
        self.setWindowTitle(titles[kind])
        form = QFormLayout()
        self.date = QDateEdit(QDate.currentDate(), self)
        self.date.setAccessibleName(self.tr("Date on the document"))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.companion = QCheckBox(self.tr("Include the Companion Volume"), self)
        self.companion.setChecked(True)
        self.frameworks: list[QCheckBox] = []
        self.baseline = QComboBox(self)
        self.drafts = list_drafts(document.store, document.plan_id)
        self.draft = QComboBox(self)
        self.presentation = QComboBox(self)
        self.switches: dict[str, QCheckBox] = {}
        self.fields: dict[str, QCheckBox] = {}
        self.template = QLineEdit(self)
        self.for_comments = QCheckBox(self.tr("Consultation copy (Parties edit it in Word "
                                              "and send it back)"), self)
        self.for_comments.setToolTip(self.tr(
            "The copy looks like the draft and carries, invisibly, where each text comes from, "
            "so that File > Import a Word reply turns a Party's edits into its proposals."))
        self.addendum = QSpinBox(self)
        self.order = QComboBox(self)
        if kind == COMPILATION:
            for d in reversed(self.drafts):
                self.baseline.addItem(f"{d.name} ({d.date})", d.id)
            self.baseline.addItem(self.tr("the first version of the plan"), None)
            form.addRow(self.tr("&Proposals received since:"), self.baseline)
            self.addendum.setRange(1, 99)
            form.addRow(self.tr("&Addendum number:"), self.addendum)
            self.order.addItem(self.tr("by target"), "target")
            self.order.addItem(self.tr("by Party"), "party")
            form.addRow(self.tr("&Order:"), self.order)
        else:
            if kind == DOCX:
                self._docx_rows(form)
            form.addRow("", self.companion)
            rows = document.read(lambda s: [(f.id, f.title) for f in list_frameworks(s)])
            for fid, title in rows:
                box = QCheckBox(framework_title(fid, title), self)
                box.setProperty("framework", fid)
                box.setChecked(fid == "aichi")
                self.frameworks.append(box)
                form.addRow(self.tr("Annex:") if len(self.frameworks) == 1 else "", box)
        form.addRow(self.tr("&Date on the document:"), self.date)
        self.language = QComboBox(self)
        for code in LANGUAGES:
            self.language.addItem(OWN_NAMES[code], code)
        chosen = document.language or document.read(plan_language, document.plan_id)
        self.language.setCurrentIndex(self.language.findData(chosen))
        form.addRow(self.tr("&Language of the document:"), self.language)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        for unused in ((self.draft, self.presentation, self.template, self.for_comments)
                       if kind != DOCX else ()) \
                + ((self.baseline, self.addendum, self.order) if kind != COMPILATION
                   else (self.companion,)):
            unused.hide()  # a widget of another kind of document, in no layout
        if kind == DOCX:
            self.draft.currentIndexChanged.connect(lambda _i: self._load_draft())
            self.presentation.currentIndexChanged.connect(lambda _i: self._preset())
            self._load_draft()

    def _docx_rows(self, form: QFormLayout) -> None:
        self.draft.addItem(self.tr("the plan as it stands"), None)
        for d in reversed(self.drafts):
            self.draft.addItem(f"{d.name} ({d.date})", d.id)
        form.addRow(self.tr("&Draft to print:"), self.draft)
        self.presentation.addItem(self.tr("Negotiation text"), "negotiation")
        self.presentation.addItem(self.tr("Working copy"), "working")
        form.addRow(self.tr("P&resentation:"), self.presentation)
        for name, text in (("toc", self.tr("Table of contents")),
                           ("page_breaks", self.tr("Each chapter on a new page")),
                           ("short_titles", self.tr("Targets' short titles")),
                           ("numbered_paragraphs", self.tr("Numbered paragraphs")),
                           ("annexes", self.tr("Correspondence annex"))):
            self.switches[name] = QCheckBox(text, self)
            form.addRow("", self.switches[name])
        row = QHBoxLayout()
        for name in DETAIL_FIELDS:
            self.fields[name] = QCheckBox(field_name(name), self)
            row.addWidget(self.fields[name])
        form.addRow(self.tr("Target fields:"), row)
        self.template.setPlaceholderText(self.tr("none: cmsdesk's own styles"))
        self.template.setAccessibleName(self.tr("Word template"))
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.template, 1)
        row.addWidget(browse)
        label = QLabel(self.tr("Word &template:"), self)
        label.setBuddy(self.template)
        form.addRow(label, row)
        form.addRow("", self.for_comments)

    def _browse(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a Word template"), str(Path.home()),
            self.tr("Word templates (*.dotx *.docx)"))
        if name:
            self.template.setText(name)

    def _show(self, options: ExportOptions) -> None:
        with QSignalBlocker(self.presentation):
            self.presentation.setCurrentIndex(self.presentation.findData(options.presentation))
        for name, box in self.switches.items():
            box.setChecked(bool(getattr(options, name)))
        for name, box in self.fields.items():
            box.setChecked(name in options.fields)
        self.companion.setChecked(options.companion)
        for box in self.frameworks:
            box.setChecked(str(box.property("framework")) in options.frameworks)

    def _preset(self) -> None:
        self._show(ExportOptions.preset(self.presentation.currentData(ROLE)))

    def _load_draft(self) -> None:
        """The switches last used for the chosen draft, and its date."""
        chosen = next((d for d in self.drafts if d.id == self.draft.currentData(ROLE)), None)
        remembered = chosen.options if chosen is not None else {}
        self._show(ExportOptions.from_json(remembered) if remembered
                   else ExportOptions.preset("working"))
        if chosen is not None and chosen.date:
            self.date.setDate(QDate.fromString(chosen.date, "yyyy-MM-dd"))

    def export_options(self) -> ExportOptions:
        return ExportOptions.preset(self.presentation.currentData(ROLE)).updated(
            **{name: box.isChecked() for name, box in self.switches.items()},
            fields=[name for name, box in self.fields.items() if box.isChecked()] or "none",
            companion=self.companion.isChecked(),
            frameworks=[str(b.property("framework")) for b in self.frameworks if b.isChecked()])

    def options(self) -> dict[str, Any]:
        issued = self.date.date().toPython()
        lang = str(self.language.currentData(ROLE))
        if self.kind == COMPILATION:
            return {"since": self.baseline.currentData(ROLE), "issued": issued,
                    "addendum": self.addendum.value(), "order": self.order.currentData(ROLE),
                    "lang": lang, "fallbacks": Fallbacks()}
        frameworks = [str(b.property("framework")) for b in self.frameworks if b.isChecked()]
        if self.kind == MARKDOWN:
            return {"companion": self.companion.isChecked(), "issued": issued,
                    "frameworks": frameworks, "lang": lang, "fallbacks": Fallbacks()}
        chosen = {"issued": issued, "options": self.export_options(),
                  "draft": self.draft.currentData(ROLE),
                  "template": self.template.text().strip() or None, "lang": lang}
        if self.for_comments.isChecked():
            return chosen | {"for_comments": True}
        return chosen | {"fallbacks": Fallbacks()}


def export_document(document: PlanDocument, kind: str,
                    parent: QWidget | None = None) -> Path | None:
    """Ask the options and the file, then write the document; None if cancelled or failed."""
    dialog = DocumentOptionsDialog(document, kind, parent)
    if not dialog.exec():
        return None
    options = dialog.options()
    suffix = ".md" if kind == MARKDOWN else ".docx"
    title = document.read(find_plan, document.plan_id).title
    issued = options.get("issued")
    for_comments = bool(options.pop("for_comments", False))
    stem = file_stem(title) + ("-compilation" if kind == COMPILATION else
                               "-for-comments" if for_comments else "")
    if isinstance(issued, Date):
        stem += f"-{issued.isoformat()}"
    default = export_folder(window_settings(parent)) / (stem + suffix)
    kinds = {DOCX: translate("export", "Word documents (*.docx)"),
             MARKDOWN: translate("export", "Markdown files (*.md)"),
             COMPILATION: translate("export", "Word documents (*.docx)")}
    name, _filter = QFileDialog.getSaveFileName(parent, dialog.windowTitle(), str(default),
                                                kinds[kind])
    if not name:
        return None
    path = Path(name if name.lower().endswith(suffix) else name + suffix)
    document.flush()
    plan_id = document.plan_id
    if kind != COMPILATION and not options.get("draft"):
        # the document shows the options' numbers: from now on they hold on every site
        document.run(lambda editor: editor.number_options())

    # Written by a process of its own (cmsdesk.export.child): a thread of this process would
    # share the interpreter with the window, which then stalls for tenths of a second.
    child = ChildExport(ExportJob(store_location(document.store),
                                  FOR_COMMENTS if for_comments else kind, plan_id, path,
                                  options))

    def write(_target: Path) -> Any:  # in a worker thread, waiting for the child
        try:
            return child.run()
        except ExportCancelled as exc:
            raise StepCancelled from exc

    job = run_with_progress(parent, dialog.windowTitle(), [path], write,
                            describe=lambda p: p.name, show_after_ms=0, cancel=child.cancel)
    if job.failed:
        document.hub.error.emit(job.failed[0][1])
        return None
    if not job.done:
        document.hub.message.emit(translate("export", "Export cancelled: nothing was written."))
        return None
    result = job.done[0][1]
    copy: CopyInfo | None = result if for_comments else None
    written: Path = copy.path if copy is not None else result
    if options.get("draft"):
        remember_options(document.store, plan_id, options["draft"],
                         options["options"].to_json())
    message = fill(translate("export", "Wrote %1"), str(written))
    if copy is not None:
        message = fill(translate("export", "Wrote the consultation copy %1: %2 text(s) can be "
                                           "traced back from a Party's reply"),
                       str(written), copy.fields)
        if copy.untranslated:
            message += " " + fill(translate("export", "(%1 text(s) not yet translated: printed "
                                                      "in the original, not traced)"),
                                  copy.untranslated)
    if "fallbacks" in options and options["fallbacks"].count:
        message += " " + fill(translate("export", "(%1 text(s) not yet translated: printed in "
                                                  "the original, marked)"),
                              options["fallbacks"].count)
    document.hub.message.emit(message)
    return written
