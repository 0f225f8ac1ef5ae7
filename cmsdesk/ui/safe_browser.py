"""A text browser that shows plan text and loads nothing.

Every QTextBrowser in cmsdesk shows text that may come from another Party's bundle. Qt's own
browser resolves ``<img src>`` and clicked links against the local file system (and a
QTextDocument falls back to reading any local path it is asked for), so a hostile text could
make the window read ``/dev/zero`` without end or show ``/etc/passwd``. :class:`SafeTextBrowser`
answers every resource request with nothing, never navigates, and hands a clicked link to the
system browser only when it is an http(s) address and the reader has confirmed it after seeing
it in full.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QByteArray, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QTextDocument
from PySide6.QtWidgets import QMessageBox, QTextBrowser, QWidget

from cmsdesk.printable import printable


def _inert(kind: int) -> QImage | QByteArray:
    """What every resource request gets: a blank pixel for an image, else no bytes.

    An image must be a real (non-null) image: given nothing, Qt's image handler falls back to
    reading the ``src`` path from disk itself.
    """
    if kind == QTextDocument.ResourceType.ImageResource.value:
        image = QImage(1, 1, QImage.Format.Format_ARGB32)
        image.fill(0)
        return image
    return QByteArray()


def plain_tip(text: str) -> str:
    """A tooltip that shows ``text`` as typed. Qt shows a tooltip that looks like HTML as rich
    text, which would load an ``<img src>`` from disk; escaped inside a paragraph it is text.
    Text without a ``<`` cannot be taken for HTML and is returned as it is."""
    if "<" not in text:
        return text
    body = html.escape(text).replace("\n", "<br>")
    return f"<p style='white-space:pre-wrap'>{body}</p>"


class InertDocument(QTextDocument):
    """A document whose resources (images, style sheets) are always blank: none is loaded."""

    def loadResource(self, kind: int, name: QUrl | str) -> QImage | QByteArray:  # noqa: N802
        return _inert(kind)


class SafeTextBrowser(QTextBrowser):
    """A read-only rich-text view that loads no resource and follows no link by itself."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocument(InertDocument(self))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setSearchPaths([])
        self.anchorClicked.connect(self.follow)

    def loadResource(self, kind: int, name: QUrl | str) -> QImage | QByteArray:  # noqa: N802
        return _inert(kind)

    def setSource(self, name: QUrl | str, kind: object = None) -> None:  # noqa: N802
        """Navigation is never done inside the browser (it would read local files)."""

    def follow(self, url: QUrl) -> None:
        """Open a clicked web address in the system browser once the reader has seen it."""
        from cmsdesk.export.safe_links import web_address

        address = url.toString()
        if not web_address(address):
            QMessageBox.information(self, self.tr("Link not opened"), self.tr(
                "cmsdesk opens only web addresses (http or https). This link was not "
                "opened:\n{address}").format(address=printable(address)))
            return
        answer = QMessageBox.question(self, self.tr("Open web address"), self.tr(
            "Open this address in your web browser?\n{address}").format(
                address=printable(address)))
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(url)
