"""Waiting for another program's write transaction: said while it lasts, refused in time.

SQLite lets one connection write at a time. Two cmsdesk programs never write one store at once
(the store's lock, :mod:`cmsdesk.models.lock`), but another program can still hold a write
transaction on it: a cmsdesk too old to take the lock, an ``sqlite3`` shell, a backup tool.
SQLite's own busy timeout would wait in silence and then fail at the first write, and a
transaction that read before that write fails even when the other writer finishes in time (its
snapshot is then stale, which SQLite does not wait for).

So a store opened to write waits *before* each transaction: :class:`WriterWait`, the engine's
``begin`` listener, checks that the write lock is free (``BEGIN IMMEDIATE``, at once rolled
back). When it is not, the user is told (``notice``: "the store is busy (another cmsdesk is
writing); waiting…") and the check is tried again in short slices until ``wait_ms`` has
passed; then the transaction is refused with SQLite's own "database is locked" error, which
:mod:`cmsdesk.faults` says in one line. The transaction itself then begins (deferred, as
before) and reads what the other writer committed.

The check is skipped while another connection of this process is in use: it may be this
process's own writer (a session opened inside another), which the check would wait for in vain.
Such sessions keep SQLite's plain busy timeout.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy.exc import OperationalError

WAITING = "the store is busy (another cmsdesk is writing); waiting…"
SLICE_MS = 250  # how often the waiting notice is called again (the window repaints meanwhile)
SQLITE_BUSY = 5

# Called with the seconds waited so far before each slice of waiting, and with None when the
# wait ends (the lock came free, or the wait gave up).
Notice = Callable[[float | None], None]


class WriterWait:
    """The ``begin`` listener of a store opened to write (see the module's docstring)."""

    def __init__(self, wait_ms: Callable[[], int], notice: Notice | None = None) -> None:
        self.wait_ms = wait_ms  # read at each wait: tests shorten the store's timeout
        self.notice = notice

    def __call__(self, conn: Any) -> None:
        pool = conn.engine.pool
        checked_out = getattr(pool, "checkedout", None)
        if checked_out is None or checked_out() <= 1:
            self.wait_until_free(conn.connection.dbapi_connection)
        conn.exec_driver_sql("BEGIN")

    def wait_until_free(self, dbapi_conn: Any) -> None:
        """Return once no other connection holds the store's write lock; raise SQLAlchemy's
        OperationalError (SQLite's "database is locked") when that takes longer than the
        store's busy timeout."""
        total = self.wait_ms()
        started = time.monotonic()
        waiting = False
        try:
            while True:
                waited = time.monotonic() - started
                left_ms = total - int(waited * 1000)
                slice_ms = 0 if not waiting else max(0, min(SLICE_MS, left_ms))
                try:
                    _probe(dbapi_conn, slice_ms)
                    return
                except sqlite3.Error as exc:
                    if _code(exc) != SQLITE_BUSY:
                        return  # not a writer in the way (a read-only store...): the
                        # transaction itself meets the fault, where it is said as usual
                    if waiting and left_ms <= 0:
                        raise OperationalError("BEGIN IMMEDIATE", None, exc) from exc
                if self.notice is not None:
                    self.notice(time.monotonic() - started)
                waiting = True
        finally:
            with contextlib.suppress(sqlite3.Error):
                dbapi_conn.execute(f"PRAGMA busy_timeout={total}")
            if waiting and self.notice is not None:
                self.notice(None)


def _probe(dbapi_conn: Any, busy_ms: int) -> None:
    """Take the write lock and let it go at once; SQLite waits up to ``busy_ms`` for it."""
    dbapi_conn.execute(f"PRAGMA busy_timeout={busy_ms}")
    dbapi_conn.execute("BEGIN IMMEDIATE")
    dbapi_conn.execute("ROLLBACK")


def _code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return int(code) & 0xFF
    return SQLITE_BUSY if "locked" in str(exc) else None
