"""Reading in the background: a query that takes longer than a frame runs in a worker thread,
and its result comes back to the GUI thread through a queued signal.

Used where a view needs a whole-plan reading (the coverage matrix reads the outline and every
cross-reference: about 100 ms on a plan of 1,000 nodes). ``work`` must not touch widgets; it
may open its own store sessions (SQLite gives each thread its own connection). When several
readings of the same view overlap, only the latest one's result is delivered.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    done = Signal(int, object, str)  # generation, result, error ("" if none)


class _Job(QRunnable):
    def __init__(self, relay: _Relay, generation: int, work: Callable[[], Any]) -> None:
        super().__init__()
        self.relay, self.generation, self.work = relay, generation, work

    def run(self) -> None:
        try:
            result, error = self.work(), ""
        except Exception as exc:  # noqa: BLE001 - handed to the GUI thread as a message
            result, error = None, str(exc) or type(exc).__name__
        # The view may have been closed meanwhile: then nobody waits for the result.
        with contextlib.suppress(RuntimeError):
            self.relay.done.emit(self.generation, result, error)


class BackgroundReader(QObject):
    """Runs readings for one view; delivers the latest one's result with ``deliver(result)``
    and a failure with ``fail(message)``."""

    def __init__(self, deliver: Callable[[Any], None], fail: Callable[[str], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.deliver, self.fail = deliver, fail
        self.generation = 0
        self.busy = False
        self._relay = _Relay(self)
        self._relay.done.connect(self._done)

    def start(self, work: Callable[[], Any]) -> None:
        self.generation += 1
        self.busy = True
        QThreadPool.globalInstance().start(_Job(self._relay, self.generation, work))

    def _done(self, generation: int, result: object, error: str) -> None:
        if generation != self.generation:
            return  # a later reading is under way: its result will be the one shown
        self.busy = False
        if error:
            self.fail(error)
        else:
            self.deliver(result)
