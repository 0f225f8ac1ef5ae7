"""The whole-plan coverage matrix: plan targets against the targets of a framework.

A filled cell is a link (● primary, ○ supporting). The last column counts each plan target's
links and the last row counts each framework target's plan targets, with zeros in red: a plan
target linked to nothing, a framework target no plan target addresses. A summary above names
both. Double-clicking a row goes to that target.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QFont, QPalette
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from cmsdesk.models.coverage import Coverage, coverage
from cmsdesk.ui.background import BackgroundReader
from cmsdesk.ui.document import PlanDocument
from cmsdesk.ui.labels import fill, relevance_name
from cmsdesk.ui.theme import background, palette

Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()  # the invisible root, as a default argument
MARKS = {"primary": "●", "supporting": "○"}


class CoverageModel(QAbstractTableModel):
    """Rows: plan targets, then a totals row. Columns: framework targets, then a totals column."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matrix: Coverage | None = None
        self._counts: dict[str, int] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    def set_coverage(self, data: Coverage) -> None:
        self.beginResetModel()
        self.matrix = data
        self._counts = {c.code: len(data.addressed_by(c.code)) for c in data.columns}
        self.endResetModel()

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() or self.matrix is None else len(self.matrix.rows) + 1

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() or self.matrix is None else len(self.matrix.columns) + 1

    def node_id(self, row: int) -> str | None:
        if self.matrix is not None and 0 <= row < len(self.matrix.rows):
            return self.matrix.rows[row].node_id
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        cov = self.matrix
        if cov is None or not index.isValid():
            return None
        row, col = index.row(), index.column()
        total_row, total_col = row == len(cov.rows), col == len(cov.columns)
        if total_row and total_col:
            return None
        if total_row:
            count = self._counts[cov.columns[col].code]
            return self._total(count, role, fill(self.tr("%1 plan targets address it"), count))
        plan_row = cov.rows[row]
        if total_col:
            count = len(plan_row.links)
            return self._total(count, role, fill(self.tr("%1 links"), count))
        relevance = plan_row.links.get(cov.columns[col].code)
        if role == Qt.ItemDataRole.DisplayRole:
            return MARKS.get(relevance or "", "")
        if role == Qt.ItemDataRole.BackgroundRole and relevance:
            return QBrush(background("supporting" if relevance == "supporting" else "primary"))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            column = cov.columns[col]
            link = relevance_name(relevance) if relevance else self.tr("not linked")
            return f"{plan_row.label} {plan_row.title}\n{cov.framework} {column.code}. " \
                   f"{column.title}\n{link}"
        return None

    def _total(self, count: int, role: int, tip: str) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return str(count)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(background("alert") if count == 0
                          else palette().color(QPalette.ColorRole.AlternateBase))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        cov = self.matrix
        if cov is None:
            return None
        horizontal = orientation == Qt.Orientation.Horizontal
        last = section == (len(cov.columns) if horizontal else len(cov.rows))
        if role == Qt.ItemDataRole.DisplayRole:
            if last:
                return self.tr("Links") if horizontal else self.tr("Plan targets")
            return cov.columns[section].code if horizontal else cov.rows[section].label
        if role == Qt.ItemDataRole.ToolTipRole and not last:
            if horizontal:
                column = cov.columns[section]
                return fill(self.tr("Goal %1, target %2: %3"), column.goal_code, column.code,
                            column.title)
            return cov.rows[section].title
        return None


class CoverageView(QWidget):
    node_activated = Signal(str)

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.framework = ""
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = CoverageModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("coverage-matrix")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        # Fixed sizes from the font: sizing to contents asks the model for every cell in every
        # role (half a million calls, seconds, on a plan of 1,000 nodes).
        metrics = self.table.fontMetrics()
        horizontal, vertical = self.table.horizontalHeader(), self.table.verticalHeader()
        horizontal.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        horizontal.setDefaultSectionSize(metrics.horizontalAdvance("00000"))
        horizontal.setMinimumSectionSize(metrics.horizontalAdvance("000"))
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(metrics.height() + 6)
        self.table.setAccessibleName(self.tr("Coverage matrix"))
        self.table.doubleClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.reader = BackgroundReader(self.show_coverage, document.hub.error.emit, self)
        document.hub.outcome.connect(lambda _o: self.refresh())
        document.hub.reloaded.connect(self.refresh)

    def set_framework(self, framework: str) -> None:
        self.framework = framework
        self.refresh()

    def refresh(self) -> None:
        """Read the matrix again in the background (when shown); the table follows."""
        if not self.framework or not self.isVisible():
            return
        document, plan_id, framework = self.document, self.document.plan_id, self.framework
        if self.model.matrix is None:
            self.summary.setText(self.tr("Reading the cross-references of the plan…"))
        self.reader.start(lambda: document.read(coverage, plan_id, framework))

    def show_coverage(self, data: Coverage) -> None:
        self.model.set_coverage(data)
        totals = len(data.columns)
        label = str(self.model.headerData(totals, Qt.Orientation.Horizontal))
        self.table.horizontalHeader().resizeSection(
            totals, self.table.fontMetrics().horizontalAdvance(label) + 16)
        gaps = ", ".join(c.code for c in data.unaddressed) or self.tr("none")
        lonely = ", ".join(r.label for r in data.unlinked) or self.tr("none")
        self.summary.setText(fill(self.tr(
            "%1 plan targets, %2 framework targets. Framework targets no plan target addresses: "
            "%3. Plan targets with no cross-reference: %4. ● primary, ○ supporting."),
            len(data.rows), len(data.columns), gaps, lonely))

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.refresh()

    def _activated(self, index: QModelIndex) -> None:
        node_id = self.model.node_id(index.row())
        if node_id:
            self.node_activated.emit(node_id)
