"""Carrying a proposal made in another language into the original, from the window.

A delegate who works in French proposes a French wording; the Secretariat takes it into the
original with its wording in the original language. The dialog shows the proposal, who made it,
and the original as it stands, and asks for the original-language wording (started from the
original, for the officer to rework). It runs :func:`cmsdesk.models.translations.carry_over`,
the command ``cmsdesk translation carry`` runs, so the new original names the proposal it
carries ("proposed by Côte d'Ivoire, in French") and the proposal becomes its translation.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from cmsdesk.models.changelog import Key
from cmsdesk.models.commands import Outcome
from cmsdesk.models.translations import carry_over, language_text, proposed_by
from cmsdesk.ui.diff_html import plain_html
from cmsdesk.ui.document import PlanDocument
from cmsdesk.ui.labels import field_name, fill
from cmsdesk.ui.outline_model import language_name


class CarryDialog(QDialog):
    def __init__(self, document: PlanDocument, key: Key, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document, self.key, self.lang = document, key, lang
        self.setWindowTitle(self.tr("Carry into the original"))
        who = document.read(proposed_by, key, lang)
        proposal = document.read(language_text, key, lang)[0]
        original = document.read(language_text, key, None)[0]
        who_name = (who.party or who.author) if who is not None else "?"
        self.intro = intro = QLabel(fill(
            self.tr("%1, %2, proposed by %3. Give its wording in the original: the original "
                    "will name the proposal it carries."),
            language_name(lang), field_name(key.field), who_name), self)
        intro.setWordWrap(True)
        self.proposal = QTextBrowser(self)
        self.proposal.setAccessibleName(self.tr("The proposal"))
        self.proposal.setHtml(plain_html(proposal))
        self.proposal.setMaximumHeight(140)
        self.wording = QPlainTextEdit(original, self)
        self.wording.setAccessibleName(self.tr("Its wording in the original"))
        label = QLabel(self.tr("&Wording in the original:"), self)
        label.setBuddy(self.wording)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Carry over"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.proposal)
        layout.addWidget(label)
        layout.addWidget(self.wording, 1)
        layout.addWidget(buttons)
        self.resize(560, 420)

    def carry(self) -> Outcome | None:
        """Run the carry-over with the wording given; None if it was refused (the hub shows
        why, and nothing is written)."""
        text = self.wording.toPlainText()
        return self.document.run(lambda editor: carry_over(
            editor.store, editor.plan_id, self.key, self.lang, text))
