"""Dialogs of the first start: who you are, and where the first plan comes from."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cmsdesk.models.identity import REGIONS, ROLES, Profile


class ProfileDialog(QDialog):
    """Name, Party or organisation, CMS region and role: every edit is attributed to them."""

    def __init__(self, profile: Profile | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Who is editing?"))
        intro = QLabel(self.tr(
            "cmsdesk attributes every proposal and comment to you, so that the Secretariat "
            "and other Parties can see who proposed what. You can change this later."), self)
        intro.setWordWrap(True)
        self.name = QLineEdit(self)
        self.party = QLineEdit(self)
        self.party.setPlaceholderText(self.tr("e.g. Kenya, or the CMS Secretariat"))
        self.region = QComboBox(self)
        self.region.addItems(list(REGIONS))
        self.role = QComboBox(self)
        role_names = {"delegate": self.tr("delegate"), "focal point": self.tr("focal point"),
                      "secretariat": self.tr("Secretariat")}
        for role in ROLES:
            self.role.addItem(role_names.get(role, role), role)
        if profile is not None:
            self.name.setText(profile.name)
            self.party.setText(profile.party)
            if profile.region in REGIONS:
                self.region.setCurrentIndex(REGIONS.index(profile.region))
            self.role.setCurrentIndex(max(self.role.findData(profile.role), 0))
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Party or organisation:"), self.party)
        form.addRow(self.tr("&Region:"), self.region)
        form.addRow(self.tr("R&ole:"), self.role)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._check)
        self.party.textChanged.connect(self._check)
        self._check()
        self.resize(460, self.sizeHint().height())

    def _check(self) -> None:
        ok = bool(self.name.text().strip() and self.party.text().strip())
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if button is not None:
            button.setEnabled(ok)

    def profile(self) -> Profile:
        return Profile(self.name.text().strip(), self.party.text().strip(),
                       self.region.currentText(), str(self.role.currentData()))


class StartDialog(QDialog):
    """The store holds no plan: start from the starter plan, or from a bundle received."""

    STARTER = "starter"
    BUNDLE = "bundle"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Start a plan"))
        self.choice: str | None = None
        text = QLabel(self.tr(
            "This store holds no plan yet. Start from the starter plan (the structure of the "
            "Strategic Plan for Migratory Species, with its goals, targets and Aichi "
            "cross-references), or open a draft bundle (.cmsb) that someone sent you."), self)
        text.setWordWrap(True)
        starter = QPushButton(self.tr("Start from the &starter plan"), self)
        starter.setDefault(True)
        starter.clicked.connect(lambda: self._choose(self.STARTER))
        bundle = QPushButton(self.tr("Open a draft &bundle received from someone…"), self)
        bundle.clicked.connect(lambda: self._choose(self.BUNDLE))
        cancel = QPushButton(self.tr("&Quit"), self)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(starter)
        layout.addWidget(bundle)
        layout.addWidget(cancel)
        self.resize(480, self.sizeHint().height())

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()


class PlanDetailsDialog(QDialog):
    """The plan's title, period and document symbol (e.g. UNEP/CMS/COP11/Doc.15.2)."""

    def __init__(self, values: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Plan details"))
        self.edits = {fld: QLineEdit(values.get(fld, ""), self)
                      for fld in ("title", "period", "symbol")}
        self.edits["symbol"].setPlaceholderText(self.tr("e.g. UNEP/CMS/COP11/Doc.15.2"))
        form = QFormLayout()
        form.addRow(self.tr("&Title:"), self.edits["title"])
        form.addRow(self.tr("&Period:"), self.edits["period"])
        form.addRow(self.tr("Document &symbol:"), self.edits["symbol"])
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def values(self) -> dict[str, str]:
        return {fld: edit.text().strip() for fld, edit in self.edits.items()}
