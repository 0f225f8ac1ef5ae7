"""Help > User guide: the guide shipped with the program, read offline in a QTextBrowser.

The texts are ``docs/user-guide.md`` (English), ``docs/user-guide.fr.md`` and
``docs/user-guide.es.md``, copied into the program's resources (``resources/guide/``) so an
installed cmsdesk has them without the source tree; a test keeps the copies the same. The guide
shown is the one in the interface's language (the language chosen in Edit > Preferences, else
the system's), and the English one for a language that has none.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from cmsdesk.paths import resource


def guide_text(language: str | None = None) -> str:
    language = language or QLocale().name().split("_")[0]
    folder = resource("guide")
    translated = folder / f"user-guide.{language}.md"
    source = translated if translated.is_file() else folder / "user-guide.md"
    return source.read_text(encoding="utf-8")


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("cmsdesk user guide"))
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName(self.tr("User guide"))
        self.browser.setOpenExternalLinks(False)
        self.browser.setMarkdown(guide_text())
        self.browser.document().setDocumentMargin(16)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(720, 640)
