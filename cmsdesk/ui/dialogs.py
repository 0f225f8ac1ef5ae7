"""Dialogs of the first start and of plans: who you are, where the first plan comes from, a
new plan, and a plan's details."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from cmsdesk.models.identity import REGIONS, ROLES, Profile
from cmsdesk.models.parties import OBSERVER_STATE, ORGANISATION, PARTY, directory
from cmsdesk.ui.labels import region_name, role_name


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
        self.party = _party_box(self)
        self.party.lineEdit().setPlaceholderText(self.tr("e.g. Kenya, or the CMS Secretariat"))
        self.party.lineEdit().setAccessibleName(self.tr("Party or organisation"))
        self.party_kind = QLabel(self)
        self.party_kind.setWordWrap(True)
        self.region = QComboBox(self)
        for region in REGIONS:
            self.region.addItem(region_name(region), region)
        self.role = QComboBox(self)
        for role in ROLES:
            self.role.addItem(role_name(role), role)
        if profile is not None:
            self.name.setText(profile.name)
            self.party.setEditText(profile.party)
            if profile.region in REGIONS:
                self.region.setCurrentIndex(REGIONS.index(profile.region))
            self.role.setCurrentIndex(max(self.role.findData(profile.role), 0))
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Party or organisation:"), self.party)
        form.addRow("", self.party_kind)
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
        self.party.editTextChanged.connect(self._party_changed)
        self._party_changed(self.party.currentText())
        self.resize(460, self.sizeHint().height())

    def _party_changed(self, text: str) -> None:
        """Say what the typed name is in the list of Parties; a Party sets its region."""
        found = directory().find(text) if text.strip() else None
        if found is None:
            self.party_kind.setText(self.tr("Not in the list of Parties: recorded as an "
                                            "organisation (observer).") if text.strip() else "")
        else:
            kinds = {PARTY: self.tr("Party to CMS"), OBSERVER_STATE: self.tr("Observer State "
                     "(not a Party to CMS)"), ORGANISATION: self.tr("Organisation (observer)")}
            self.party_kind.setText(f"{found.name} ({found.code}): {kinds[found.kind]}")
            region = directory().region_of(found)
            if region in REGIONS:
                self.region.setCurrentIndex(REGIONS.index(region))
        self._check()

    def _check(self) -> None:
        ok = bool(self.name.text().strip() and self.party.currentText().strip())
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if button is not None:
            button.setEnabled(ok)

    def profile(self) -> Profile:
        typed = " ".join(self.party.currentText().split())
        found = directory().find(typed)
        return Profile(self.name.text().strip(), found.name if found else typed,
                       str(self.region.currentData()), str(self.role.currentData()))


def _party_box(parent: QWidget) -> QComboBox:
    """An editable list of the Parties, then the observers, completing any part of a name."""
    box = QComboBox(parent)
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    d = directory()
    for entry in d.parties + d.observers:
        box.addItem(entry.name, entry.code)
    box.setCurrentIndex(-1)
    completer = box.completer()
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    return box


class StartDialog(QDialog):
    """The store holds no plan: who is this person, and where does their plan come from?

    A delegate or focal point receives the draft from the Secretariat: opening that bundle (the
    default) or waiting for it are their choices. Only the Secretariat creates a plan; a plan
    created elsewhere is another plan, and the drafts the Secretariat sends would not merge
    into it, so those choices say so.
    """

    BUNDLE = "bundle"
    WAIT = "wait"
    STARTER = "starter"
    EMPTY = "empty"
    FROM_FILE = "file"  # a plan that exists as a Markdown, JSON or Word file

    def __init__(self, role: str = "delegate", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to cmsdesk"))
        self.choice: str | None = None
        intro = QLabel(self.tr(
            "<b>Where does your plan come from?</b> The CMS Secretariat prepares the draft of "
            "the Strategic Plan and sends it to the Parties as a draft bundle (a .cmsb file, "
            "usually by e-mail). Delegates and focal points open that file."), self)
        intro.setWordWrap(True)
        self.options = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        for heading, choices in (
                (self.tr("I am a delegate or a national or regional focal point"), (
                    (self.BUNDLE, self.tr("Open the &draft bundle I received…"), self.tr(
                        "Choose the .cmsb file the Secretariat or your focal point sent you. "
                        "Your proposals and comments are added to that draft, and you send "
                        "them back as a bundle.")),
                    (self.WAIT, self.tr("I have &not received a draft yet"), self.tr(
                        "cmsdesk opens empty and says where the draft will come from. When the "
                        "file arrives, drop it on the window or use File > Open a draft "
                        "bundle.")))),
                (self.tr("I work for the CMS Secretariat"), (
                    (self.STARTER, self.tr("Create a new plan from the &starter template"),
                     self.tr("A new plan with the structure of the Strategic Plan for Migratory "
                             "Species (goals, targets and Aichi Biodiversity Targets "
                             "cross-references). Only the Secretariat does this: bundles sent "
                             "for any other plan will not merge into it.")),
                    (self.EMPTY, self.tr("Create a new &empty plan"), self.tr(
                        "A new plan with a title and an empty outline, to be built from "
                        "scratch. Also for the Secretariat only.")),
                    (self.FROM_FILE, self.tr("Create the plan from a &file…"), self.tr(
                        "A plan that exists as a Word draft, a Markdown outline or a JSON "
                        "file: its chapters, goals, targets and cross-references become the "
                        "new plan."))))):
            group = QGroupBox(heading, self)
            box = QVBoxLayout(group)
            for choice, text, explanation in choices:
                button = QRadioButton(text, group)
                button.setProperty("choice", choice)
                button.setAccessibleDescription(explanation)
                note = QLabel(explanation, group)
                note.setWordWrap(True)
                note.setIndent(24)
                note.setBuddy(button)
                self.options.addButton(button)
                box.addWidget(button)
                box.addWidget(note)
            layout.addWidget(group)
        self.buttons = QDialogButtonBox(self)
        self.go = self.buttons.addButton(self.tr("&Continue"),
                                         QDialogButtonBox.ButtonRole.AcceptRole)
        self.go.setDefault(True)
        self.buttons.addButton(self.tr("&Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self._accepted)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.select(self.STARTER if role == "secretariat" else self.BUNDLE)
        self.resize(560, layout.totalHeightForWidth(560))  # the wrapped texts' real height

    def button(self, choice: str) -> QRadioButton:
        return next(b for b in self.options.buttons()
                    if b.property("choice") == choice)  # type: ignore[return-value]

    def select(self, choice: str) -> None:
        self.button(choice).setChecked(True)

    def selected(self) -> str:
        checked = self.options.checkedButton()
        return str(checked.property("choice")) if checked is not None else self.BUNDLE

    def _accepted(self) -> None:
        self.choice = self.selected()
        self.accept()


class NewPlanDialog(QDialog):
    """File > New plan… (the Secretariat's): from the starter template or an empty outline."""

    def __init__(self, starter_title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New plan"))
        self.starter_title = starter_title
        warning = QLabel(self.tr(
            "A new plan is a different plan: bundles of the plan you work on now will not merge "
            "into it. Only the CMS Secretariat creates the plan that Parties draft together."),
            self)
        warning.setWordWrap(True)
        self.starter = QRadioButton(self.tr("From the &starter template (goals, targets and "
                                            "Aichi Biodiversity Targets cross-references)"), self)
        self.empty = QRadioButton(self.tr("With an &empty outline"), self)
        self.starter.setChecked(True)
        self.title = QLineEdit(starter_title, self)
        self.title.setAccessibleName(self.tr("Title of the new plan"))
        form = QFormLayout()
        form.addRow(self.tr("&Title:"), self.title)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(warning)
        layout.addWidget(self.starter)
        layout.addWidget(self.empty)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.title.textChanged.connect(
            lambda text: self.ok.setEnabled(bool(text.strip())))
        self.resize(520, self.sizeHint().height())

    def from_template(self) -> bool:
        return self.starter.isChecked()

    def plan_title(self) -> str:
        return self.title.text().strip()


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
