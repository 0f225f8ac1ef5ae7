"""File > Import a Word reply… and File > Record a letter or e-mail…: what Parties send
without cmsdesk, taken in from the window through the same commands as the CLI
(:mod:`cmsdesk.submissions.reply`, :mod:`cmsdesk.submissions.letters`).

A reply asks for the Party and the day it was received, then shows the import report (per
field what was proposed, comments, paragraphs that could not be mapped). A Word file that is not
a consultation copy is offered to be recorded as a letter. The letter dialog splits the text
into pieces the officer corrects (the node each piece is about, proposal or comment) before
recording them.
"""

from __future__ import annotations

from datetime import date as Date
from pathlib import Path

from PySide6.QtCore import QDate, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cmsdesk.ui.document import PlanDocument

CHANNELS = ("letter", "e-mail", "fax", "other")


def _day(edit: QDateEdit) -> Date:
    d = edit.date()
    return Date(d.year(), d.month(), d.day())


class SenderFields(QWidget):
    """Party, region and the day received: what every submission asks."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.party = QLineEdit(self)
        self.party.setPlaceholderText(self.tr("e.g. Côte d'Ivoire"))
        self.region = QLineEdit(self)
        self.received = QDateEdit(QDate.currentDate(), self)
        self.received.setCalendarPopup(True)
        self.received.setDisplayFormat("yyyy-MM-dd")
        form.addRow(self.tr("&Party:"), self.party)
        form.addRow(self.tr("&Region:"), self.region)
        form.addRow(self.tr("Received &on:"), self.received)


class ReplyDialog(QDialog):
    """Who sent the reply, and when."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import a Word reply"))
        layout = QVBoxLayout(self)
        self.sender = SenderFields(self)
        layout.addWidget(self.sender)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.path = path


class LetterDialog(QDialog):
    """A letter or e-mail: who, when, how, its text, and how it splits into pieces."""

    def __init__(self, document: PlanDocument, text: str = "", filename: str = "",
                 original: bytes | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.filename, self.original = filename, original
        self.setWindowTitle(self.tr("Record a letter or e-mail"))
        self.resize(760, 560)
        layout = QVBoxLayout(self)
        self.sender = SenderFields(self)
        self.channel = QComboBox(self)
        for name in CHANNELS:
            self.channel.addItem(name)
        self.sender.layout().addRow(self.tr("&Channel:"), self.channel)  # type: ignore[union-attr]
        layout.addWidget(self.sender)
        self.text = QPlainTextEdit(self)
        self.text.setPlaceholderText(self.tr("Paste the e-mail or letter here, or open its "
                                             "file"))
        self.text.setPlainText(text)
        layout.addWidget(self.text, 2)
        row = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open &file…"), self)
        self.open_button.clicked.connect(self.open_file)
        self.split_button = QPushButton(self.tr("&Split into pieces"), self)
        self.split_button.clicked.connect(self.split)
        row.addWidget(self.open_button)
        row.addWidget(self.split_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Node (T7, G2, T3 note; empty: not "
                                                      "recorded)"), self.tr("Kind"),
                                              self.tr("Text")])
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 3)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.record_button = self.buttons.addButton(self.tr("&Record"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.record)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.report_lines: list[str] = []
        if text:
            self.split()

    def open_file(self) -> None:
        name, _f = QFileDialog.getOpenFileName(
            self, self.tr("Open a letter"), "",
            self.tr("Letters (*.docx *.txt *.md *.eml);;All files (*)"))
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> None:
        from cmsdesk.submissions.letters import LetterError, read_letter_text
        from cmsdesk.submissions.wordfile import WordFileError

        try:
            text = read_letter_text(path)
            self.original = path.read_bytes()
        except (LetterError, WordFileError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Record a letter or e-mail"), str(exc))
            return
        self.filename = path.name
        self.text.setPlainText(text)
        self.split()

    def split(self) -> None:
        from cmsdesk.submissions.letters import split_letter

        pieces = self.document.read(split_letter, self.document.plan_id,
                                    self.text.toPlainText())
        self.table.setRowCount(len(pieces))
        for row, piece in enumerate(pieces):
            node = piece.label + (f" {piece.field}" if piece.kind == "proposal"
                                  and piece.field != "text" else "")
            self.table.setItem(row, 0, QTableWidgetItem(node))
            kind = QComboBox(self.table)
            kind.addItem(self.tr("comment"), "comment")
            kind.addItem(self.tr("proposal"), "proposal")
            kind.setCurrentIndex(1 if piece.kind == "proposal" else 0)
            self.table.setCellWidget(row, 1, kind)
            self.table.setItem(row, 2, QTableWidgetItem(piece.text))
        self.table.resizeColumnsToContents()

    def pieces(self) -> list[object]:
        """The pieces as the officer left them in the table."""
        from cmsdesk.models import queries
        from cmsdesk.submissions.letters import LetterError, Piece

        out = []
        for row in range(self.table.rowCount()):
            ref = (self.table.item(row, 0).text() if self.table.item(row, 0) else "").split()
            kind_box = self.table.cellWidget(row, 1)
            kind = kind_box.currentData() if isinstance(kind_box, QComboBox) else "comment"
            text = self.table.item(row, 2).text() if self.table.item(row, 2) else ""
            if not ref or not text.strip():
                out.append(Piece(kind, "", "", "", text, f"paragraph {row + 1}"))
                continue
            try:
                node = self.document.read(queries.resolve_node, self.document.plan_id, ref[0])
            except queries.NotFoundError as exc:
                raise LetterError(f"row {row + 1}: {exc}") from exc
            fld = ref[1] if len(ref) > 1 else "text"
            out.append(Piece(kind, node, ref[0], fld, text, f"paragraph {row + 1}"))
        return out

    def record(self) -> None:
        from cmsdesk.submissions.letters import LetterError, record_letter

        try:
            report = record_letter(
                self.document.store, self.document.plan_id, self.text.toPlainText(),
                self.sender.party.text(), received=_day(self.sender.received),
                channel=self.channel.currentText(), region=self.sender.region.text(),
                pieces=self.pieces(),  # type: ignore[arg-type]
                filename=self.filename, original=self.original)
        except (LetterError, ValueError) as exc:
            QMessageBox.warning(self, self.tr("Record a letter or e-mail"), str(exc))
            return
        self.report_lines = report.lines()
        self.document.hub.reloaded.emit()
        QMessageBox.information(self, self.tr("Letter recorded"), "\n".join(self.report_lines))
        self.accept()


class AttachDialog(QDialog):
    """The reply's unmapped paragraphs, each with the node to attach it to (empty: leave it)."""

    def __init__(self, unmapped: list[object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Paragraphs outside the plan's texts"))
        self.resize(720, 360)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(len(unmapped), 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Attach to (T7, G2…)"), self.tr("Where"),
                                              self.tr("Text")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.numbers = []
        for row, u in enumerate(unmapped):
            self.numbers.append(u.paragraph)  # type: ignore[attr-defined]
            self.table.setItem(row, 0, QTableWidgetItem(""))
            for col, text in ((1, u.after), (2, u.text)):  # type: ignore[attr-defined]
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, col, item)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.addButton(self.tr("&Attach as comments"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> dict[int, str]:
        """Paragraph number -> node label, for the rows given a node."""
        out = {}
        for row, number in enumerate(self.numbers):
            item = self.table.item(row, 0)
            if item is not None and item.text().strip():
                out[number] = item.text().strip()
        return out


class ReplyImport(QObject):
    """The two File menu actions and what they do."""

    def __init__(self, window: QWidget, document: PlanDocument) -> None:
        super().__init__(window)
        self.window, self.document = window, document
        self.action = QAction(self.tr("Import a &Word reply…"), window)
        self.action.setStatusTip(self.tr("A Party's edited consultation copy: its edits become "
                                         "the Party's proposals"))
        self.action.triggered.connect(lambda _c=False: self.choose_and_import())
        self.letter_action = QAction(self.tr("Record a &letter or e-mail…"), window)
        self.letter_action.triggered.connect(lambda _c=False: self.record_letter())
        self.last_report: list[str] = []

    def choose_and_import(self) -> None:
        name, _f = QFileDialog.getOpenFileName(
            self.window, self.tr("Import a Word reply"), "",
            self.tr("Word documents (*.docx);;All files (*)"))
        if name:
            self.import_reply(Path(name))

    def import_reply(self, path: Path) -> None:
        from cmsdesk.submissions.reply import ReplyError, import_reply
        from cmsdesk.submissions.wordfile import WordFileError

        dialog = ReplyDialog(path, self.window)
        if not dialog.exec():
            return
        party = dialog.sender.party.text()
        self.document.flush()
        try:
            report = import_reply(self.document.store, path, party,
                                  received=_day(dialog.sender.received),
                                  region=dialog.sender.region.text(),
                                  plan=self.document.plan_id)
        except (ReplyError, WordFileError) as exc:
            if "not a consultation copy" in str(exc) and QMessageBox.question(
                    self.window, self.tr("Import a Word reply"),
                    self.tr("{0}\n\nRecord it as a letter instead?").format(exc)) \
                    == QMessageBox.StandardButton.Yes:
                self.record_letter(path, party)
            elif "not a consultation copy" not in str(exc):
                QMessageBox.warning(self.window, self.tr("Import a Word reply"), str(exc))
            return
        self.last_report = report.lines()
        self.document.hub.reloaded.emit()
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Word reply imported"),
                          self.last_report[0], QMessageBox.StandardButton.Ok, self.window)
        box.setDetailedText("\n".join(self.last_report[1:]))
        box.exec()
        if report.unmapped:
            self.attach_unmapped(path, dialog, report.unmapped)

    def attach_unmapped(self, path: Path, sender: ReplyDialog, unmapped: list[object]) -> None:
        """Paragraphs of the reply that belong to no field: the officer may attach each to a
        node as the Party's comment (the reply is read again; what it held is not repeated)."""
        from cmsdesk.submissions.reply import ReplyError, import_reply
        from cmsdesk.submissions.wordfile import WordFileError

        dialog = AttachDialog(unmapped, self.window)
        if not dialog.exec() or not dialog.chosen():
            return
        try:
            report = import_reply(self.document.store, path, sender.sender.party.text(),
                                  received=_day(sender.sender.received),
                                  region=sender.sender.region.text(),
                                  attach=dialog.chosen(), plan=self.document.plan_id)
        except (ReplyError, WordFileError) as exc:
            QMessageBox.warning(self.window, self.tr("Import a Word reply"), str(exc))
            return
        self.last_report = report.lines()
        self.document.hub.reloaded.emit()

    def record_letter(self, path: Path | None = None, party: str = "") -> None:
        dialog = LetterDialog(self.document, parent=self.window)
        dialog.sender.party.setText(party)
        if path is not None:
            dialog.load(path)
        dialog.exec()
        self.last_report = dialog.report_lines
