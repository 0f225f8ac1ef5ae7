"""Keys and Parties: which Party each signing key speaks for, and what the quarantine holds.

The window's view of ``cmsdesk keys``: this installation's key and every key received, each with
the Party it is registered for (pinned) or only claims, its fingerprint to compare over the
phone, and how many of its changes are held in quarantine. The Secretariat pins a key for its
Party after comparing fingerprints, and accepts or rejects held changes, through the same
functions the command runs (:mod:`cmsdesk.sync.peers`, :mod:`cmsdesk.sync.quarantine`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cmsdesk.models.held_reasons import HeldReason
from cmsdesk.models.queries import NotFoundError
from cmsdesk.sync import peers, quarantine
from cmsdesk.sync.format import BundleError
from cmsdesk.sync.signing import fingerprint, public_key_of, signing_key
from cmsdesk.ui.document import PlanDocument
from cmsdesk.ui.labels import fill, held_reason_text, party_name, region_name, role_name


@dataclass
class KeyRow:
    replica: str
    party: str
    name: str
    region: str
    role: str
    fingerprint: str
    state: str  # "own", "pinned", "not pinned"
    held: int
    rejected: int
    reasons: tuple[HeldReason, ...] = ()  # why its changes are held (or were, if rejected)


def key_rows(document: PlanDocument) -> list[KeyRow]:
    """This installation's key, then every key received, with what the quarantine holds."""
    store = document.store
    profile = store.profile
    held = quarantine.list_quarantine(store)
    counts = {(g.replica, g.status): g.count for g in held}
    reasons: dict[str, tuple[HeldReason, ...]] = {}
    for g in held:
        if g.reason not in reasons.get(g.replica, ()):
            reasons[g.replica] = (*reasons.get(g.replica, ()), g.reason)
    rows = [KeyRow(store.replica_id, profile.party, profile.name, profile.region, profile.role,
                   fingerprint(public_key_of(signing_key(store))), "own", 0, 0)]
    rows += [KeyRow(p.replica, p.party, p.name, p.region, p.role, p.fingerprint,
                    "pinned" if p.pinned else "not pinned",
                    counts.get((p.replica, "held"), 0), counts.get((p.replica, "rejected"), 0),
                    reasons.get(p.replica, ()))
             for p in peers.list_peers(store) if p.public_key]
    return rows


class KeysDialog(QDialog):
    COLUMNS = 7

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keys-dialog")
        self.document = document
        self.setWindowTitle(self.tr("Keys and Parties"))
        self.rows: list[KeyRow] = []
        intro = QLabel(self.tr(
            "Each installation signs its changes with its own key. A key pinned for a Party "
            "speaks for it: changes claiming that Party under another key are held in "
            "quarantine until you accept or reject them. Compare a fingerprint with its owner "
            "(by phone) before pinning it."), self)
        intro.setWordWrap(True)
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setObjectName("keys-table")
        self.table.setHorizontalHeaderLabels([
            self.tr("Speaks for"), self.tr("Person"), self.tr("Region"), self.tr("Role"),
            self.tr("Fingerprint"), self.tr("Key"), self.tr("Held in quarantine")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.pin_button = QPushButton(self.tr("&Pin for its Party"), self)
        self.accept_button = QPushButton(self.tr("&Accept held changes"), self)
        self.reject_button = QPushButton(self.tr("&Reject held changes"), self)
        actions = QHBoxLayout()
        for button in (self.pin_button, self.accept_button, self.reject_button):
            actions.addWidget(button)
        actions.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        self.reason = QLabel(self)  # why the selected key's changes are held
        self.reason.setObjectName("keys-held-reason")
        self.reason.setTextFormat(Qt.TextFormat.PlainText)
        self.reason.setWordWrap(True)
        layout.addWidget(self.reason)
        layout.addLayout(actions)
        layout.addWidget(close)
        self.pin_button.clicked.connect(self.pin)
        self.accept_button.clicked.connect(lambda: self.decide("accept"))
        self.reject_button.clicked.connect(lambda: self.decide("reject"))
        self.table.itemSelectionChanged.connect(self._enable)
        self.resize(860, 360)
        self.refresh()

    def _state(self, row: KeyRow) -> str:
        if row.state == "own":
            return self.tr("this installation")
        if row.state == "pinned":
            return fill(self.tr("pinned for %1"), party_name(row.party) or row.name)
        return self.tr("not pinned: not verified")

    def refresh(self) -> None:
        self.rows = key_rows(self.document)
        self.table.setRowCount(len(self.rows))
        for i, row in enumerate(self.rows):
            held = (fill(self.tr("%1 held"), row.held) if row.held else "") + (
                (", " if row.held else "") + fill(self.tr("%1 rejected"), row.rejected)
                if row.rejected else "")
            cells = (party_name(row.party) or "-", row.name or "-", region_name(row.region) or "-",
                     role_name(row.role) or "-",
                     row.fingerprint, self._state(row), held)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 6 and row.reasons:
                    item.setToolTip(self._reasons(row))
                if column == 4:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignLeft
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, column, item)
        self.table.resizeColumnsToContents()
        self._enable()

    def selected(self) -> KeyRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    def _reasons(self, row: KeyRow) -> str:
        return "\n".join(fill(self.tr("Held because %1."), held_reason_text(r))
                         for r in row.reasons)

    def _enable(self) -> None:
        row = self.selected()
        self.reason.setText(self._reasons(row) if row is not None else "")
        self.reason.setHidden(not self.reason.text())
        self.pin_button.setEnabled(row is not None and row.state == "not pinned")
        self.accept_button.setEnabled(row is not None and row.held > 0)
        self.reject_button.setEnabled(row is not None and row.held > 0)

    def pin(self) -> None:
        row = self.selected()
        if row is None:
            return
        answer = QMessageBox.question(self, self.tr("Pin this key"), fill(self.tr(
            "Pin the key %1 as the key of %2 (%3)? Do it only after its owner read you the "
            "same fingerprint."), row.fingerprint, row.name or "-", party_name(row.party) or "-"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._run(lambda: peers.pin(self.document.store, row.replica))

    def decide(self, action: str) -> None:
        row = self.selected()
        if row is None:
            return
        self._run(lambda: getattr(quarantine, action)(self.document.store, row.replica))
        self.document.hub.reloaded.emit()  # accepted changes joined the plan

    def _run(self, work: Callable[[], object]) -> None:
        try:
            work()
        except (BundleError, NotFoundError) as exc:
            self.document.hub.error.emit(str(exc))
        self.refresh()
