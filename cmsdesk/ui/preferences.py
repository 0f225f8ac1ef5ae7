"""Edit > Preferences: the interface's language, the theme, how long typing waits before it is
recorded, the folder exports are proposed in, who is editing, and the store: the file on this
computer, or the Secretariat's shared store on a PostgreSQL server (its address only: the
password is asked when the server wants it, never stored).

Settings live in the window's QSettings (the user's, per platform conventions), except the
identity, which belongs to the store (every change carries it). The language takes effect at the
next start (the whole window is built in it); everything else at once.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cmsdesk.models.store import Store
from cmsdesk.ui import fields
from cmsdesk.ui.labels import profile_text
from cmsdesk.ui.theme import SETTING as THEME_SETTING
from cmsdesk.ui.theme import THEMES, theme_names

LANGUAGE_SETTING = "ui/language"
AUTOSAVE_SETTING = "editor/autosave_ms"
EXPORT_FOLDER_SETTING = "export/folder"
SERVER_SETTING = "store/server"  # postgresql://user@host/dbname, or "" for the local file
LANGUAGES = {"": "System", "en": "English", "fr": "Français", "es": "Español"}


def export_folder(settings: QSettings | None) -> Path:
    """Where exports are proposed: the folder chosen in Preferences, else the home folder."""
    chosen = str(settings.value(EXPORT_FOLDER_SETTING, "")) if settings is not None else ""
    return Path(chosen) if chosen and Path(chosen).is_dir() else Path.home()


def window_settings(widget: QWidget | None) -> QSettings | None:
    """The settings of the window a widget belongs to (the main window keeps them)."""
    window = widget.window() if widget is not None else None
    settings = getattr(window, "settings", None)
    return settings if isinstance(settings, QSettings) else None


def apply_saved(settings: QSettings) -> None:
    """At start: the autosave delay (the theme is applied by the app, the language before)."""
    fields.set_autosave_delay(int(settings.value(AUTOSAVE_SETTING, fields.AUTOSAVE_DELAY_MS)))


class PreferencesDialog(QDialog):
    def __init__(self, settings: QSettings, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.settings, self.store = settings, store
        self.language = QComboBox(self)
        names = {"": self.tr("The system's language")}
        for code, name in LANGUAGES.items():
            self.language.addItem(names.get(code, name), code)
        self.language.setCurrentIndex(
            max(self.language.findData(str(settings.value(LANGUAGE_SETTING, ""))), 0))
        language_note = QLabel(self.tr("Used from the next start."), self)
        language_note.setEnabled(False)
        self.theme = QComboBox(self)
        for name in THEMES:
            self.theme.addItem(theme_names()[name], name)
        self.theme.setCurrentIndex(
            max(self.theme.findData(str(settings.value(THEME_SETTING, "system"))), 0))
        self.autosave = QDoubleSpinBox(self)
        self.autosave.setRange(0.5, 30.0)
        self.autosave.setSingleStep(0.5)
        self.autosave.setDecimals(1)
        self.autosave.setSuffix(self.tr(" s"))
        self.autosave.setValue(fields.autosave_delay() / 1000)
        self.folder = QLineEdit(str(export_folder(settings)), self)
        self.folder.setAccessibleName(self.tr("Default export folder"))
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.identity = QLabel(profile_text(store.profile), self)
        self.identity.setWordWrap(True)
        change = QPushButton(self.tr("&Change…"), self)
        change.clicked.connect(self._change_identity)
        identity_row = QHBoxLayout()
        identity_row.addWidget(self.identity, 1)
        identity_row.addWidget(change)
        form = QFormLayout()
        form.addRow(self.tr("Interface &language:"), self.language)
        form.addRow("", language_note)
        form.addRow(self.tr("&Theme:"), self.theme)
        form.addRow(self.tr("&Record typing after a pause of:"), self.autosave)
        folder_label = QLabel(self.tr("&Export to the folder:"), self)
        folder_label.setBuddy(self.folder)  # a row of a layout gets no buddy by itself
        form.addRow(folder_label, folder_row)
        form.addRow(self.tr("Editing as:"), identity_row)
        self.server = QLineEdit(str(settings.value(SERVER_SETTING, "") or ""), self)
        self.server.setPlaceholderText("postgresql://user@server/database")
        self.server.setAccessibleName(self.tr("Shared store address"))
        server_note = QLabel(self.tr("Leave empty to work in the store on this computer. Used "
                                     "from the next start; the password is asked when needed "
                                     "and never stored."), self)
        server_note.setWordWrap(True)
        server_note.setEnabled(False)
        self.server_error = QLabel(self)
        self.server_error.setWordWrap(True)
        self.server_error.hide()
        form.addRow(self.tr("Shared &store:"), self.server)
        form.addRow("", server_note)
        form.addRow("", self.server_error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def server_address(self) -> str | None:
        """The shared store's address as typed ("" for none), or None (said in the dialog)
        when it is not a PostgreSQL address or carries a password."""
        from urllib.parse import urlsplit

        from cmsdesk.models.server import ServerError, server_url

        text = self.server.text().strip()
        if not text:
            return ""
        try:
            server_url(text)
        except ServerError as exc:
            problem = str(exc)
        else:
            if urlsplit(text).password is None:
                return text
            problem = self.tr("Leave the password out of the address: cmsdesk asks for it "
                              "when the server wants it, and never stores it.")
        self.server_error.setText(problem)
        self.server_error.show()
        return None

    def _accept_if_valid(self) -> None:
        if self.server_address() is not None:
            self.accept()

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Export folder"),
                                                  self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def _change_identity(self) -> None:
        from cmsdesk.ui.dialogs import ProfileDialog

        dialog = ProfileDialog(self.store.profile, self)
        if dialog.exec():
            self.store.set_profile(dialog.profile())
            self.identity.setText(profile_text(self.store.profile))

    def apply(self) -> None:
        """Store and apply the choices (called when the dialog is accepted)."""
        from PySide6.QtWidgets import QApplication

        from cmsdesk.ui.theme import ThemeSwitcher

        s = self.settings
        s.setValue(LANGUAGE_SETTING, self.language.currentData())
        delay = round(self.autosave.value() * 1000)
        s.setValue(AUTOSAVE_SETTING, delay)
        fields.set_autosave_delay(delay)
        folder = self.folder.text().strip()
        s.setValue(EXPORT_FOLDER_SETTING, folder if folder and Path(folder).is_dir() else "")
        s.setValue(SERVER_SETTING, self.server_address() or "")
        app = QApplication.instance()
        if isinstance(app, QApplication):
            ThemeSwitcher.of(app).choose(str(self.theme.currentData()), s)
        s.sync()
