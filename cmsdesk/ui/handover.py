"""Bundles opened while cmsdesk already runs reach the running window.

A double-click on a ``.cmsb`` file in the file manager, or ``cmsdesk FILE.cmsb``, starts a second
program. That program cannot open the store (the running one holds its lock), so before trying
it hands the files over to the window that has the store open, through a Qt local socket
(a Unix domain socket, a Windows named pipe) named after the user and the store, and exits.
The running window imports them as if they had been dropped on it, and comes to the front.

On macOS, Finder sends a file opened while the program runs as a ``FileOpen`` event to the
application rather than starting a program: :func:`accept_file_open_events` routes those to the
window too.

The message is one line of JSON, ``{"files": [absolute paths]}``; the server reads at most
:data:`MAX_MESSAGE` bytes from a connection and ignores anything else, since any program of the
same user can connect.
"""

from __future__ import annotations

import getpass
import hashlib
import json
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QWidget

CONNECT_MS = 1000
MAX_MESSAGE = 256 * 1024


def server_name(store: Path) -> str:
    """The socket's name for a store file: the same for every program of this user on it."""
    digest = hashlib.sha256(f"{getpass.getuser()}\0{store.resolve()}".encode()).hexdigest()[:24]
    return f"cmsdesk-{digest}"


def hand_over(name: str, files: Sequence[str | Path]) -> bool:
    """Send ``files`` to the cmsdesk that listens on ``name``; False if none does."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_MS):
        return False
    message = json.dumps({"files": [str(Path(f).resolve()) for f in files]}) + "\n"
    socket.write(message.encode("utf-8"))
    sent = socket.waitForBytesWritten(CONNECT_MS)
    socket.disconnectFromServer()
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        socket.waitForDisconnected(CONNECT_MS)
    return sent


def read_message(data: bytes) -> list[Path]:
    """The bundle files a message names; nothing for a message that is not one."""
    try:
        message = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return []
    files = message.get("files") if isinstance(message, dict) else None
    if not isinstance(files, list):
        return []
    return [Path(f) for f in files if isinstance(f, str) and f.lower().endswith(".cmsb")]


class HandOverServer(QObject):
    """Listens for files handed over by later programs; emits them as ``files_received``."""

    files_received = Signal(list)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not self.server.listen(name):
            # A socket left behind by a program that crashed: this program holds the store's
            # lock, so no other cmsdesk serves this store.
            QLocalServer.removeServer(name)
            self.server.listen(name)
        self.server.newConnection.connect(self._accept)

    @property
    def listening(self) -> bool:
        return self.server.isListening()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            buffer = bytearray()

            def read(socket: QLocalSocket = socket, buffer: bytearray = buffer) -> None:
                buffer.extend(bytes(socket.readAll().data()))
                if len(buffer) > MAX_MESSAGE:
                    socket.abort()
                elif buffer.endswith(b"\n"):
                    files = read_message(bytes(buffer))
                    buffer.clear()
                    if files:
                        # Not inside the socket's signal: the import runs a progress loop and
                        # a report dialog, during which the socket goes away.
                        QTimer.singleShot(0, lambda: self.files_received.emit(files))

            socket.readyRead.connect(read)
            socket.disconnected.connect(socket.deleteLater)
            read()


class _FileOpenFilter(QObject):
    def __init__(self, deliver: Callable[[list[Path]], None], parent: QObject) -> None:
        super().__init__(parent)
        self.deliver = deliver

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            files = [Path(event.file())]
            if files[0].suffix.lower() == ".cmsb":
                QTimer.singleShot(0, lambda: self.deliver(files))  # the import runs its own loop
                return True
        return False


def accept_file_open_events(app: QApplication,
                            deliver: Callable[[list[Path]], None]) -> QObject:
    """Route macOS ``FileOpen`` events for bundles to ``deliver``; returns the filter. Only the
    application object is watched, where Qt sends them (a filter costs a Python call per event
    it sees)."""
    watcher = _FileOpenFilter(deliver, app)
    app.installEventFilter(watcher)
    return watcher


def deliver_to(window: QWidget) -> Callable[[list[Path]], None]:
    """What a window does with files handed to it: queue them for the import (run now if the
    review panels are up, else when they are) and come to the front."""

    def deliver(files: list[Path]) -> None:
        pending: list[Path] = window.pending_files  # type: ignore[attr-defined]
        pending.extend(files)
        panels = getattr(window, "review_panels", None)
        if panels is not None:
            panels.import_pending()
        if window.isMinimized():
            window.showNormal()
        window.raise_()
        window.activateWindow()

    return deliver
