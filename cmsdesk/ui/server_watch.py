"""Other officers' changes appear in the window without a restart (server stores only).

A thread listens for the shared store's notifications (PostgreSQL LISTEN/NOTIFY, see
:func:`cmsdesk.models.server.listen`); when another officer's transaction changed the plan on
screen, the window records what is being typed, then reloads, at most about twice a second.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal

from cmsdesk.models.server import listen
from cmsdesk.ui.mainwindow import MainWindow


class _Listener(QThread):
    heard = Signal(str)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.store = window.document.store
        self.stopping = threading.Event()

    def run(self) -> None:
        try:
            for note in listen(self.store.engine, timeout=0.5, stop=self.stopping.is_set):
                if note is not None and note[1] != self.store.sender:
                    self.heard.emit(note[0])
        except Exception as exc:  # the server went away: the window says so, and stays usable
            if not self.stopping.is_set():
                self.heard.emit(f"!{exc}")


class ServerWatch(QObject):
    """Reloads ``window`` when another officer changed its plan."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.reloads = 0
        self.timer = QTimer(self, singleShot=True, interval=400)
        self.timer.timeout.connect(self.reload)
        self.listener = _Listener(window)
        self.listener.heard.connect(self.on_heard)
        self.listener.start()
        window.destroyed.connect(self.stop)
        QCoreApplication.instance().aboutToQuit.connect(self.stop)  # type: ignore[union-attr]

    def on_heard(self, plan_id: str) -> None:
        if plan_id.startswith("!"):
            self.window.document.hub.message.emit(
                self.tr("The connection to the shared store was lost: other officers' "
                        "changes will show after a restart."))
        elif plan_id == self.window.document.plan_id and not self.timer.isActive():
            self.timer.start()

    def reload(self) -> None:
        document = self.window.document
        document.flush()  # what is being typed is recorded before the reload
        document.hub.reloaded.emit()
        document.hub.message.emit(self.tr("Updated with other officers' changes."))
        self.reloads += 1

    def stop(self) -> None:
        self.listener.stopping.set()
        self.listener.wait(2000)


def watch_server(window: MainWindow) -> ServerWatch | None:
    """Start watching when the window's store is a shared server store."""
    if not window.document.store.is_server:
        return None
    watch = ServerWatch(window)
    window.server_watch = watch  # type: ignore[attr-defined]
    return watch
