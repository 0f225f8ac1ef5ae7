"""Search across the titles and texts of the plan; choosing a result goes to the node."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cmsdesk.models.search import SearchHit, search
from cmsdesk.ui.document import PlanDocument
from cmsdesk.ui.labels import field_name, fill
from cmsdesk.ui.safe_browser import plain_tip

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_DELAY_MS = 250


class SearchPanel(QWidget):
    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.box = QLineEdit(self)
        self.box.setPlaceholderText(self.tr("Search titles and texts"))
        self.box.setClearButtonEnabled(True)
        self.box.setAccessibleName(self.tr("Search the plan"))
        self.results = QListWidget(self)
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
        self.results.setAccessibleName(self.tr("Search results"))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run)
        self.box.textEdited.connect(lambda _t: self._timer.start())
        self.box.returnPressed.connect(self._go_first)
        self.results.itemActivated.connect(self._go)
        document.hub.outcome.connect(lambda _o: self.run() if self.box.text().strip() else None)

    def start(self) -> None:
        """Focus the search box (Find)."""
        self.box.setFocus()
        self.box.selectAll()

    def run(self) -> list[SearchHit]:
        self._timer.stop()
        query = self.box.text()
        hits = self.document.read(search, self.document.plan_id, query) if query.strip() else []
        self.results.clear()
        for hit in hits:
            snippet = hit.snippet
            where = field_name(hit.field) + (f" [{hit.lang}]" if hit.lang else "")
            text = f"{hit.label} {hit.title}\n{where}: {snippet}" \
                if hit.field != "title" or hit.lang else f"{hit.label} {hit.title}"
            item = QListWidgetItem(text)
            item.setData(HIT_ROLE, (hit.node_id, hit.field))
            item.setToolTip(plain_tip(snippet))
            self.results.addItem(item)
        if not query.strip():
            self.status.setText("")
        elif hits:
            self.status.setText(fill(self.tr("%1 places found."), len(hits)))
        else:
            self.status.setText(self.tr("Nothing found."))
        return hits

    def _go_first(self) -> None:
        if self._timer.isActive() or not self.results.count():
            self.run()
        if self.results.count():
            self.results.setCurrentRow(0)
            self._go(self.results.item(0))

    def _go(self, item: QListWidgetItem) -> None:
        node_id, fld = item.data(HIT_ROLE)
        self.document.hub.select_requested.emit(node_id, fld)
