"""Which language version of the node the editor shows, and the original beside it.

A delegate who works in French edits the French version (the switch starts on the interface's
language when the plan has texts in it); the bar says which version is edited and what state
its texts are in (missing: the original is shown; needs an update: the original changed since
it was translated; a proposal in that language). For translators it can show the original of
the current field beside, with what changed in it since the translation marked, and mark the
translation as up to date. A proposal made in that language can be carried into the original
(:class:`~cmsdesk.ui.carry_dialog.CarryDialog`, the command ``cmsdesk translation carry`` runs).
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from cmsdesk.models.changelog import Key
from cmsdesk.models.commands import plan_language
from cmsdesk.models.languages import LANGUAGES
from cmsdesk.models.translations import has_language_texts, mark_current, original_beside
from cmsdesk.ui.carry_dialog import CarryDialog
from cmsdesk.ui.diff_html import diff_html, legend_html, plain_html
from cmsdesk.ui.document import PlanDocument
from cmsdesk.ui.labels import field_name, fill
from cmsdesk.ui.translation_status import OWN_NAMES, TranslationStatusDialog


def interface_language() -> str | None:
    """The interface's language if it is one of the Convention's."""
    code = QLocale().name()[:2]
    return code if code in LANGUAGES else None


class LanguageBar(QWidget):
    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.field = "text"
        self.original = document.read(plan_language, document.plan_id)
        self.switch = QComboBox(self)
        self.switch.setAccessibleName(self.tr("Language version"))
        for code in LANGUAGES:
            name = OWN_NAMES[code]
            if code == self.original:
                name = fill(self.tr("%1 (original)"), name)
            self.switch.addItem(name, code)
        label = QLabel(self.tr("&Language:"), self)
        label.setBuddy(self.switch)
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.state.setObjectName("language-state")
        self.beside = QCheckBox(self.tr("Show the &original beside"), self)
        self.beside.toggled.connect(self._refresh_original)
        self.mark = QPushButton(self.tr("Mark as up to &date"), self)
        self.mark.setToolTip(self.tr("Declare this field's translation a translation of the "
                                     "original as it stands now"))
        self.mark.clicked.connect(self._mark_current)
        self.carry = QPushButton(self.tr("&Carry into the original…"), self)
        self.carry.setToolTip(self.tr("Take this field's proposal, made in this language, into "
                                      "the original; the original names who proposed it"))
        self.carry.clicked.connect(self.open_carry)
        self.status_button = QPushButton(self.tr("Translation &status…"), self)
        self.status_button.setToolTip(self.tr("Which texts are missing or need an update in "
                                              "each language"))
        self.status_button.clicked.connect(self.open_status)
        self.original_view = QTextBrowser(self)
        self.original_view.setAccessibleName(self.tr("The original, with its changes since "
                                                     "the translation"))
        self.original_view.setMaximumHeight(160)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(label)
        row.addWidget(self.switch)
        row.addStretch(1)
        row.addWidget(self.status_button)
        # The translator's tools on lines of their own, the buttons below the switch: in French
        # or Spanish one line with them was wider than the editor (at 1280x800 with two of
        # them, at 1024x768 with three), which then scrolled sideways and cut the texts.
        self.tools = QWidget(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.mark)
        buttons.addWidget(self.carry)
        buttons.addStretch(1)
        tools = QVBoxLayout(self.tools)
        tools.setContentsMargins(0, 0, 0, 0)
        tools.addWidget(self.beside)
        tools.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.state)
        layout.addWidget(self.tools)
        layout.addWidget(self.original_view)

        preferred = interface_language()
        if preferred and preferred != self.original and document.read(
                has_language_texts, document.plan_id, preferred):
            document.language = preferred
            document.hub.language_changed.emit(preferred)
        self.switch.setCurrentIndex(self.switch.findData(document.language or self.original))
        self.switch.activated.connect(
            lambda _i: document.set_language(str(self.switch.currentData())))
        self.refresh()

    @property
    def translating(self) -> bool:
        return self.document.language is not None

    def refresh(self) -> None:
        """Show the state of the current node's texts in the language version edited."""
        lang = self.document.language
        self.switch.setCurrentIndex(self.switch.findData(lang or self.original))
        self.tools.setVisible(lang is not None)
        sentences = {"missing": self.tr("Not translated yet, the original is shown: %1."),
                     "stale": self.tr("The original changed since the translation: %1."),
                     "proposed": self.tr("A proposal in this language, not yet in the "
                                         "original: %1.")}
        states = self.document.language_states
        notes = [fill(sentences[state], ", ".join(field_name(f) for f, s in states.items()
                                                  if s == state))
                 for state in sentences if state in states.values()]
        if lang is None:
            self.state.setText(self.tr("You are editing the original."))
        else:
            version = fill(self.tr("Version being edited: %1."), OWN_NAMES[lang])
            self.state.setText(" ".join([version, *notes]))
        self._enable_actions()
        self._refresh_original()

    def show_field(self, fld: str) -> None:
        """The editor's current field (its tab) changed: show that field's original."""
        self.field = fld
        self._enable_actions()
        self._refresh_original()

    def _enable_actions(self) -> None:
        state = self.document.language_states.get(self.field)
        self.mark.setEnabled(state == "stale")
        self.carry.setEnabled(state == "proposed")

    def open_carry(self) -> CarryDialog | None:
        """Ask for the original-language wording of the field's proposal and carry it over."""
        lang, node = self.document.language, self.document.current_id
        if lang is None or node is None:
            return None
        dialog = CarryDialog(self.document, Key("node", node, self.field), lang, self.window())
        if dialog.exec() == CarryDialog.DialogCode.Accepted:
            dialog.carry()
        return dialog

    def _refresh_original(self) -> None:
        lang, node = self.document.language, self.document.current_id
        shown = lang is not None and node is not None and self.beside.isChecked()
        self.original_view.setVisible(shown)
        if not shown:
            return
        then, now = self.document.read(original_beside, node, self.field, lang)
        legend = legend_html(self.tr("added since the translation"),
                             self.tr("removed since the translation"))
        body = plain_html(now) if then == now else diff_html(then, now)
        title = fill(self.tr("Original %1"), field_name(self.field))
        self.original_view.setHtml(f"<p><b>{title}</b> &nbsp; {legend}</p><p>{body}</p>")

    def open_status(self) -> TranslationStatusDialog:
        dialog = TranslationStatusDialog(self.document, self.document.language, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def _mark_current(self) -> None:
        lang, node, fld = self.document.language, self.document.current_id, self.field
        if lang is None or node is None:
            return
        self.document.run(lambda editor: mark_current(editor.store, editor.plan_id,
                                                      Key("node", node, fld), lang))

