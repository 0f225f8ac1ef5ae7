"""Store faults and unforeseen errors, said in one line: what happened, what to do.

A full disk, a read-only store, a store another program is writing, a damaged file: SQLite
reports each as an error code, which :func:`explain` turns into the sentence a user needs
("no space left on the disk holding the store; free some space; nothing was changed"). Every
command runs in one transaction, so when one of these stops it, nothing of it was written.
Anything else unforeseen is still one line, never a traceback.
"""

from __future__ import annotations

import errno
import sqlite3

# SQLite's primary result codes (https://sqlite.org/rescode.html).
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 3, 5, 6, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 10, 11, 13, 14, 26

NOTHING_CHANGED = "nothing was changed"
DISK_FULL = f"no space left on the disk holding the store; free some space; {NOTHING_CHANGED}"
READ_ONLY = ("the store cannot be written (the file or its folder is read-only, or the disk is "
             f"mounted read-only): make it writable or copy it elsewhere and use --db; "
             f"{NOTHING_CHANGED}")
BUSY = ("the store is busy: another program kept it locked for too long; close the other "
        f"cmsdesk window or command and try again; {NOTHING_CHANGED}")
CORRUPT = ("the store is damaged (SQLite found broken pages): copy the latest good backup from "
           "the '<store>-backups' folder over it, or import the bundles again into a new store; "
           f"{NOTHING_CHANGED}")
NOT_A_STORE = "the file is not an SQLite database, so not a cmsdesk store; check --db"


_FAULTS = (SQLITE_FULL, SQLITE_READONLY, SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_CORRUPT,
           SQLITE_NOTADB, SQLITE_IOERR, SQLITE_CANTOPEN)


def sqlite_code(exc: BaseException) -> int | None:
    """The primary SQLite result code behind ``exc`` (an sqlite3 or SQLAlchemy error).

    The whole chain of causes is read, and a fault code wins over a generic one: after a full
    disk SQLite rolls the transaction back itself, so the error that surfaces is the failed
    rollback of a savepoint, caused by the real one.
    """
    codes: list[int] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        for candidate in (current, getattr(current, "orig", None)):
            if isinstance(candidate, sqlite3.Error):
                code = getattr(candidate, "sqlite_errorcode", None)
                found = int(code) & 0xFF if code is not None else \
                    _code_from_text(str(candidate))
                if found is not None:
                    codes.append(found)
        current = current.__cause__ or current.__context__
    for code in codes:
        if code in _FAULTS:
            return code
    return codes[0] if codes else None


def _code_from_text(message: str) -> int | None:
    text = message.lower()
    for needle, code in (("disk is full", SQLITE_FULL), ("readonly", SQLITE_READONLY),
                         ("read-only", SQLITE_READONLY), ("is locked", SQLITE_BUSY),
                         ("malformed", SQLITE_CORRUPT), ("not a database", SQLITE_NOTADB)):
        if needle in text:
            return code
    return None


# The kinds of store fault (fault_kind), each said its own way by the CLI and the window.
FULL, READ_ONLY_KIND, BUSY_KIND, DAMAGED, NOT_SQLITE, DISK_ERROR = (
    "full", "read-only", "busy", "damaged", "not-sqlite", "disk-error")


def fault_kind(exc: BaseException) -> str | None:
    """Which store fault ``exc`` is (one of the kinds above), or None when it is not one."""
    code = sqlite_code(exc)
    kinds = {SQLITE_FULL: FULL, SQLITE_READONLY: READ_ONLY_KIND, SQLITE_PERM: READ_ONLY_KIND,
             SQLITE_BUSY: BUSY_KIND, SQLITE_LOCKED: BUSY_KIND, SQLITE_CORRUPT: DAMAGED,
             SQLITE_NOTADB: NOT_SQLITE, SQLITE_IOERR: DISK_ERROR, SQLITE_CANTOPEN: DISK_ERROR}
    if code in kinds:
        return kinds[code]
    if isinstance(exc, OSError):
        if exc.errno == errno.ENOSPC:
            return FULL
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return READ_ONLY_KIND
    return None


def store_fault(exc: BaseException) -> str | None:
    """The user's sentence for a store fault, or None when ``exc`` is not one."""
    kind = fault_kind(exc)
    if kind == DISK_ERROR:
        return (f"the store could not be read or written (a disk or file system error: "
                f"{_detail(exc)}); check the disk; {NOTHING_CHANGED}")
    return {FULL: DISK_FULL, READ_ONLY_KIND: READ_ONLY, BUSY_KIND: BUSY, DAMAGED: CORRUPT,
            NOT_SQLITE: NOT_A_STORE}.get(kind or "")


def _detail(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    return str(orig if orig is not None else exc).splitlines()[0] if str(exc) else \
        type(exc).__name__


def explain(exc: BaseException) -> str:
    """One line for any error: a store fault in its own words, else an honest 'unexpected'."""
    fault = store_fault(exc)
    if fault is not None:
        return fault
    if isinstance(exc, MemoryError):
        return "not enough memory to finish; close other programs and try again"
    return (f"unexpected error ({type(exc).__name__}: {_detail(exc)}); the command's changes "
            "were not kept. Please report this, with the command you ran")
