"""Help > User guide: the guide shipped with the program, read offline in a QTextBrowser.

The text is ``docs/user-guide.md``, copied into the program's resources
(``resources/guide/``) so an installed cmsdesk has it without the source tree; a test keeps the
two the same. The guide is
in English; a translated guide (``user-guide.fr.md``, ``user-guide.es.md``) is shown instead
when one is shipped for the interface's language.
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
