"""Importing bundles in the window: File > Import bundles…, files dropped on the window, and
files named on the command line (a double-click in the file manager).

Each file is checked and imported on its own (:func:`cmsdesk.sync.importer.apply_bundle`: all of
it or none), in a worker thread with a progress dialog whose Cancel stops between files. Then a
report lists every file: who sent it, whether the sender is verified, what it brought, how much
merged cleanly and how many conflicts it created, and for a refused file the reason.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from cmsdesk.models import queries
from cmsdesk.models.backups import BackupError
from cmsdesk.models.languages import split_field
from cmsdesk.models.option_numbers import MovedNumber, moved_numbers
from cmsdesk.models.store import Store
from cmsdesk.printable import printable
from cmsdesk.sync.authorship import AUTHOR_VERIFIED
from cmsdesk.sync.format import BundleError
from cmsdesk.sync.importer import ImportReport, apply_bundle
from cmsdesk.sync.validate import read_bundle
from cmsdesk.ui.document import PlanDocument
from cmsdesk.ui.labels import (
    field_name,
    fill,
    held_reason_text,
    party_name,
    region_name,
    trust_name,
)
from cmsdesk.ui.progress import run_with_progress
from cmsdesk.ui.safe_browser import plain_tip
from cmsdesk.ui.theme import css, foreground

BUNDLE_SUFFIX = ".cmsb"
_NUMBER_ALIGNMENT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass
class FileOutcome:
    """One file of a batch: its report, the reason it was refused, or neither (not reached)."""

    path: Path
    report: ImportReport | None = None
    error: str | None = None

    @property
    def skipped(self) -> bool:
        return self.report is None and self.error is None


class OtherPlanError(BundleError):
    """The bundle holds another plan than the window's: not imported with this batch; the
    window offers to import it and open that plan."""

    def __init__(self, plan_id: str, title: str) -> None:
        super().__init__(f"it holds another plan (\"{title}\"), not the one open in this "
                         "window")
        self.plan_id, self.title = plan_id, title


def import_into_plan(store: Store, plan_id: str, path: Path, backup: bool = True
                     ) -> ImportReport:
    """Check and import one file into the plan this window shows (a bundle of another plan is
    refused with :class:`OtherPlanError`). Runs outside the GUI thread. ``backup``: copy the
    store first if the file brings something new (once per batch: see ImportFlow)."""
    parsed = read_bundle(path)
    m = parsed.manifest
    if m.plan_id != plan_id:
        raise OtherPlanError(m.plan_id, m.plan_title)
    return apply_bundle(store, parsed, backup=backup)


def bundle_paths(urls: Iterable[object]) -> list[Path]:
    """The local .cmsb files among dropped URLs (QUrl objects)."""
    out = []
    for url in urls:
        local = url.toLocalFile() if hasattr(url, "toLocalFile") else ""
        if local and local.lower().endswith(BUNDLE_SUFFIX):
            out.append(Path(local))
    return out


class ImportReportDialog(QDialog):
    """What a batch import did, file by file."""

    review_requested = Signal()
    resolve_requested = Signal()
    undo_requested = Signal()

    def __init__(self, outcomes: Sequence[FileOutcome], parent: QWidget | None = None,
                 moved: Sequence[tuple[str, MovedNumber]] = ()) -> None:
        """``moved``: options this installation printed whose number the import changed, each
        with the name of its node."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Bundles imported"))
        self.outcomes = list(outcomes)
        self.alert = foreground("alert")
        done = [o for o in outcomes if o.report is not None]
        refused = [o for o in outcomes if o.error is not None]
        skipped = [o for o in outcomes if o.skipped]
        conflicts = sum(o.report.conflicts_created for o in done if o.report)
        self.summary = QLabel(self._summary(len(done), len(refused), len(skipped), conflicts),
                              self)
        self.summary.setWordWrap(True)
        self.table = QTreeWidget(self)
        self.table.setAccessibleName(self.tr("Files imported"))
        self.table.setRootIsDecorated(False)
        self.table.setWordWrap(True)
        self.table.setHeaderLabels([self.tr("File"), self.tr("From"), self.tr("Sender"),
                                    self.tr("New changes"), self.tr("Already held"),
                                    self.tr("Merged cleanly"), self.tr("Conflicts created")])
        for outcome in outcomes:
            row = self._row(outcome)
            self.table.addTopLevelItem(row)
            # A file's further lines (quarantine, authors) span the table's width: they are
            # sentences, not cells; shown open. (Both need the row in the table first.)
            for i in range(row.childCount()):
                row.child(i).setFirstColumnSpanned(True)
            row.setExpanded(row.childCount() > 0)
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # Reasons are long sentences: in full below the table, where they wrap.
        self.refusals = QLabel("<br>".join(
            fill(self.tr("<b>%1</b> was refused: %2"), html.escape(o.path.name),
                 html.escape(o.error or "")) for o in refused), self)
        self.refusals.setWordWrap(True)
        self.refusals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.refusals.setVisible(bool(refused))
        alarming = [o for o in done if o.report and o.report.alarms]
        self.alarms = QLabel("<br>".join(
            fill(self.tr("<b>Check %1 before building on it:</b> %2"), html.escape(o.path.name),
                 html.escape("; ".join(o.report.alarms))) for o in alarming if o.report), self)
        self.alarms.setWordWrap(True)
        self.alarms.setStyleSheet(f"color: {css(self.alert)}")
        self.alarms.setVisible(bool(alarming))
        # A delegate who cited "Option 1" from a printed copy must know it now reads "Option 3".
        self.moved = QLabel("<br>".join(
            fill(self.tr("<b>%1, %2:</b> the option you printed as Option %3 is now Option %4: "
                         "another installation numbered the same options at the same time, "
                         "and every site keeps one numbering. Cite the new number."),
                 html.escape(where), field_name(split_field(m.key.field)[0]), m.printed, m.now)
            for where, m in moved), self)
        self.moved.setWordWrap(True)
        self.moved.setVisible(bool(moved))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        self.review_button = QPushButton(self.tr("&Review the changes"), self)
        self.resolve_button = QPushButton(self.tr("Resolve &conflicts"), self)
        for button, signal, enabled in ((self.review_button, self.review_requested, bool(done)),
                                        (self.resolve_button, self.resolve_requested,
                                         conflicts > 0)):
            button.setEnabled(enabled)
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            button.clicked.connect(signal.emit)
            button.clicked.connect(self.accept)
        self.undo_button = QPushButton(self.tr("&Undo this import"), self)
        self.undo_button.setToolTip(self.tr("Put the plan back as it was before these files "
                                            "(from the copy made before the import)"))
        self.undo_button.setAutoDefault(False)  # Enter closes the report; it never undoes
        self.buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        # After addButton, which shows the button: offered only for an alarming import.
        self.undo_button.setVisible(bool(alarming) and any(
            o.report.backup for o in done if o.report))
        self.undo_button.clicked.connect(self.undo_requested.emit)
        self.undo_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.alarms)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.refusals)
        layout.addWidget(self.moved)
        layout.addWidget(self.buttons)
        self.resize(980, min(520, 200 + 44 * len(outcomes)))

    def _summary(self, done: int, refused: int, skipped: int, conflicts: int) -> str:
        total = done + refused + skipped
        parts = [fill(self.tr("%1 of %2 file(s) imported."), done, total)]
        if refused:
            parts.append(fill(self.tr("%1 refused: nothing of those files was imported."),
                              refused))
        if skipped:
            parts.append(fill(self.tr("%1 not imported: the import was cancelled before "
                                      "them."), skipped))
        if conflicts:
            parts.append(fill(self.tr("%1 conflict(s) created: the proposals stand side by "
                                      "side until someone settles them."), conflicts))
        return " ".join(parts)

    def _row(self, outcome: FileOutcome) -> QTreeWidgetItem:
        item = QTreeWidgetItem([printable(outcome.path.name)])
        item.setToolTip(0, plain_tip(str(outcome.path)))
        report = outcome.report
        if report is None:
            reason = (self.tr("Not imported: the import was cancelled before this file")
                      if outcome.skipped else fill(self.tr("Refused: %1"), outcome.error))
            item.setText(1, reason)
            item.setToolTip(1, plain_tip(reason))
            item.setForeground(1, self.alert)
            item.setFirstColumnSpanned(False)
            return item
        s = report.sender
        where = ", ".join(b for b in (party_name(s.party), region_name(s.region)) if b)
        item.setText(1, printable(f"{s.name} ({where})" if where else s.name or self.tr("someone")))
        item.setToolTip(1, plain_tip(item.text(1)))
        if report.verified:
            item.setText(2, fill(self.tr("verified (%1)"), trust_name(report.trust)))
        else:
            item.setText(2, fill(self.tr("NOT verified (%1)"), trust_name(report.trust)))
            item.setForeground(2, self.alert)
            item.setToolTip(2, self.tr("The signature is valid, but this key has not been seen "
                                       "from this sender before. Check its fingerprint with "
                                       "the sender before trusting it."))
        counts = (report.new_changes, report.already_held, report.merged_clean,
                  report.conflicts_created)
        for column, count in enumerate(counts, start=3):
            item.setText(column, str(count))
            item.setTextAlignment(column, _NUMBER_ALIGNMENT)
        if report.new_changes == 0:
            item.setToolTip(3, self.tr("Nothing new: everything in this file was here already"))
        if report.conflicts_created:
            item.setForeground(6, self.alert)
        for held in report.quarantined:
            who = self._who(held.name, held.party)
            self._line(item, fill(self.tr("Quarantine: %1 change(s) by %2 held out of the plan: "
                                          "%3"), held.count, who, held_reason_text(held.reason)),
                       alert=True)
        for author in report.author_statuses():
            verified = author.status in AUTHOR_VERIFIED
            self._line(item, fill(self.tr("%1: verified (%2)") if verified
                                  else self.tr("%1: NOT verified (%2)"),
                                  self._who(author.name, author.party),
                                  trust_name(author.status)), alert=not verified)
        return item

    def _who(self, name: str, party: str) -> str:
        """An author and the Party they claim, the Party as the list names it here."""
        if not party:
            return printable(name)
        return fill(self.tr("%1 (%2)", "an author and the Party claimed"), printable(name),
                    party_name(party))

    def _line(self, parent: QTreeWidgetItem, text: str, alert: bool) -> None:
        child = QTreeWidgetItem(parent, [text])
        child.setToolTip(0, plain_tip(text))
        if alert:
            child.setForeground(0, self.alert)


class ImportFlow(QObject):
    """The window's bundle import: the menu action, dropped files, files given at start."""

    # the report's "Review the changes" and "Resolve conflicts" buttons
    review_requested = Signal()
    resolve_requested = Signal()

    def __init__(self, window: QWidget, document: PlanDocument) -> None:
        super().__init__(window)
        self.window = window
        self.document = document
        self.last: list[FileOutcome] = []
        self.report_dialog: ImportReportDialog | None = None
        self.action = QAction(self.tr("&Import bundles…"), window)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.action.setStatusTip(self.tr("Import draft bundles (.cmsb) received from others"))
        self.action.triggered.connect(self.choose_and_import)
        window.setAcceptDrops(True)
        app = QApplication.instance()
        if app is not None:
            # Text fields accept drops themselves; watching the application catches a bundle
            # dropped anywhere on the window, before a field pastes its path as text.
            app.installEventFilter(self)

    def choose_and_import(self) -> list[FileOutcome]:
        names, _filter = QFileDialog.getOpenFileNames(
            self.window, self.tr("Import bundles"), "",
            self.tr("cmsdesk bundles (*.cmsb);;All files (*)"))
        return self.import_files([Path(n) for n in names]) if names else []

    def import_files(self, paths: Sequence[Path]) -> list[FileOutcome]:
        """Import ``paths`` with progress, then show the report (and return it)."""
        paths = list(dict.fromkeys(Path(p) for p in paths))
        if not paths:
            return []
        self.document.flush()
        store, plan_id = self.document.store, self.document.plan_id
        moved_before = set(self.document.read(moved_numbers, store.replica_id, plan_id))
        moved_after: list[MovedNumber] = []
        other_plans: dict[Path, OtherPlanError] = {}
        made: list[Path] = []  # the one copy of the store a batch makes, before what it changes

        def work(path: Path) -> ImportReport:
            try:
                report = import_into_plan(store, plan_id, path, backup=not made)
            except OtherPlanError as exc:
                other_plans[path] = exc
                raise
            if report.backup is not None:
                made.append(report.backup)
            return report

        def conclude(session: Session) -> list[queries.OutlineEntry]:
            """What the window shows next, read off the GUI thread: the outline, and the
            options whose printed number the import moved."""
            moved_after.extend(moved_numbers(session, store.replica_id, plan_id))
            return queries.outline(session, plan_id)

        job = run_with_progress(self.window, self.tr("Importing bundles"), paths, work,
                                describe=lambda p: p.name,
                                conclude=lambda: self.document.read(conclude))

        reports = dict(job.done)
        errors = dict(job.failed)
        self.last = [FileOutcome(p, reports.get(p), errors.get(p)) for p in paths]
        if reports:
            self.document.reload(job.concluded)
        names = {e.id: e.label for e in job.concluded or ()}
        moved = [(names.get(m.key.eid, m.key.eid[:8]), m) for m in moved_after
                 if m not in moved_before]
        self.report_dialog = ImportReportDialog(self.last, self.window, moved)
        self.report_dialog.review_requested.connect(self.review_requested)
        self.report_dialog.resolve_requested.connect(self.resolve_requested)
        if made:
            self.report_dialog.undo_requested.connect(lambda: self.undo_import(made[0]))
        self.report_dialog.exec()
        if other_plans:
            self.offer_other_plan(other_plans)
        return self.last

    def offer_other_plan(self, refused: dict[Path, OtherPlanError]) -> str | None:
        """Files of another plan: offer to import them and open that plan (the first one named,
        when they hold several). The id of the plan opened, or None."""
        from cmsdesk.ui.plans import import_plan_bundle

        first = next(iter(refused.values()))
        paths = [p for p, exc in refused.items() if exc.plan_id == first.plan_id]
        answer = QMessageBox.question(
            self.window, self.tr("Another plan"),
            fill(self.tr("%1 holds another plan, “%2”, not the one open in this "
                         "window. Import it and open that plan? (This plan stays on this "
                         "computer; File > Open plan… comes back to it.)"),
                 ", ".join(p.name for p in paths), first.title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return None
        opened = import_plan_bundle(self.document.store, paths, self.window)
        if opened:
            self.document.hub.open_plan_requested.emit(opened)
        return opened

    def undo_import(self, backup: Path) -> None:
        """Restore the copy made before the last batch (the same as 'cmsdesk backups
        restore'); the state it replaces is kept as a backup too."""
        try:
            replaced = self.document.store.restore(backup)
        except BackupError as exc:
            QMessageBox.warning(self.window, self.tr("Import not undone"), str(exc))
            return
        self.document.reload()
        QMessageBox.information(
            self.window, self.tr("Import undone"),
            fill(self.tr("The plan is back as it was before the import. The state it replaced "
                         "was kept as %1."), str(replaced)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self.window:
            return False
        assert isinstance(event, QDropEvent)  # drag enter and move events are drop events
        paths = bundle_paths(event.mimeData().urls()) if event.mimeData().hasUrls() else []
        if not paths:
            return False
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        if kind == QEvent.Type.Drop:
            # Not inside the drop: the import runs a progress loop and a report dialog.
            QTimer.singleShot(0, lambda: self.import_files(paths))
        return True
