"""The translation-status view: per language, which texts of the plan are missing, need an update
(the original changed since they were translated) or are proposals made in that language.

Opened from the editor's language bar; choosing a row selects that node in the outline, so a
translator works down the list. It reads :func:`cmsdesk.models.translations.translation_status`,
the same list ``cmsdesk translation status`` prints.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cmsdesk.models.commands import plan_language
from cmsdesk.models.languages import LANGUAGES
from cmsdesk.models.translations import translation_status
from cmsdesk.ui.document import PlanDocument
from cmsdesk.ui.labels import field_name, fill

# Each language named in itself, as language switches do.
OWN_NAMES = {"en": "English", "fr": "Français", "es": "Español"}
NODE_ROLE = Qt.ItemDataRole.UserRole + 1


class TranslationStatusDialog(QDialog):
    def __init__(self, document: PlanDocument, lang: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setWindowTitle(self.tr("Translation status"))
        original = document.read(plan_language, document.plan_id)
        self.language = QComboBox(self)
        self.language.setAccessibleName(self.tr("Language"))
        for code in LANGUAGES:
            if code != original:
                self.language.addItem(OWN_NAMES[code], code)
        if lang is not None:
            self.language.setCurrentIndex(max(self.language.findData(lang), 0))
        self.language.currentIndexChanged.connect(lambda _i: self.refresh())
        self.summary = QLabel(self)
        self.list = QTreeWidget(self)
        self.list.setHeaderLabels([self.tr("Node"), self.tr("Field"), self.tr("State")])
        self.list.setRootIsDecorated(False)
        self.list.itemActivated.connect(self._go_to)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Language:"), self))
        row.addWidget(self.language)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(560, 420)
        self.refresh()

    def refresh(self) -> None:
        words = {"missing": self.tr("missing"), "stale": self.tr("needs an update"),
                 "proposed": self.tr("proposal, not yet in the original")}
        lang = str(self.language.currentData())
        rows = self.document.read(translation_status, self.document.plan_id, lang,
                                  tuple(words))
        self.list.clear()
        for row in rows:
            item = QTreeWidgetItem([row.label, field_name(row.field), words[row.state]])
            item.setData(0, NODE_ROLE, (row.eid if row.entity == "node" else "", row.field))
            self.list.addTopLevelItem(item)
        counts = {state: sum(1 for r in rows if r.state == state) for state in words}
        self.summary.setText(fill(self.tr("%1 missing, %2 to update, %3 proposals"),
                                  counts["missing"], counts["stale"], counts["proposed"]))

    def _go_to(self, item: QTreeWidgetItem) -> None:
        """Select that node in the outline and edit the field in this language."""
        node, fld = item.data(0, NODE_ROLE)
        if node:
            self.document.set_language(str(self.language.currentData()))
            self.document.hub.select_requested.emit(node, fld)
