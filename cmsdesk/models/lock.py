"""The store's lock: an operating-system lock on ``<store>.lock``, so two processes never write
one store at once, and a dead holder never blocks anyone.

The lock is ``flock`` (POSIX) or ``msvcrt.locking`` (Windows) on the lock file
(:data:`LOCKER`): the kernel releases it when its holder exits, however it exits, so a lock
left by a crash is simply taken (no ``--take-over-lock`` needed), and a live holder's lock can
never be taken. The file names
its holder (host, user, process, time) so that a refusal can say who holds the store; a clean
release empties the file and deletes it (Windows refuses to delete a file another process has
open: it then stays, empty), so one found with a holder named in it, but not locked, was left by
a process that stopped without closing the store: :attr:`StoreLock.left_by` says who, and the
window asks before going on (the crash dialog).
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar

LOCK_OFFSET = 1 << 30  # Windows locks a byte range: one far past the holder's name


@dataclass(frozen=True)
class LockHolder:
    host: str
    user: str
    pid: int
    since: str

    def describe(self) -> str:
        return f"{self.user} on {self.host} (process {self.pid}) since {self.since}"

    @property
    def is_stale(self) -> bool:
        """True when the holder was a process on this host that no longer runs."""
        if self.host != socket.gethostname():
            return False
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return True
        except (PermissionError, OSError):
            return False
        return False


class StoreLockedError(Exception):
    def __init__(self, path: Path, holder: LockHolder | None) -> None:
        from cmsdesk.printable import printable

        self.path = path
        self.holder = holder
        who = printable(holder.describe()) if holder else "another process"
        super().__init__(f"the store {printable(path)} is in use by {who}. Close cmsdesk there "
                         "first (the store is released the moment that program stops).")


def _me() -> LockHolder:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "unknown"
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%SZ")
    return LockHolder(socket.gethostname(), user, os.getpid(), now)


def read_holder(lock_path: Path) -> LockHolder | None:
    try:
        data = json.loads(lock_path.read_text(encoding="utf-8"))
        return LockHolder(str(data["host"]), str(data["user"]), int(data["pid"]), str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def live_holder(store_path: Path) -> LockHolder | None:
    """Who holds the store's lock now, read without locking anything (for read-only commands,
    which may read while another process writes): the named holder if it still runs."""
    holder = read_holder(store_path.with_name(store_path.name + ".lock"))
    return holder if holder is not None and not holder.is_stale else None


class FlockLocker:
    """POSIX: ``flock`` on the whole file (per open file, so two opens in one process exclude
    each other too)."""

    def __init__(self, fcntl: Any) -> None:
        self.fcntl = fcntl

    def try_lock(self, fd: int) -> bool:
        """Take the OS lock on ``fd`` without waiting; False if another holder has it."""
        try:
            self.fcntl.flock(fd, self.fcntl.LOCK_EX | self.fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def unlock(self, fd: int) -> None:
        self.fcntl.flock(fd, self.fcntl.LOCK_UN)


class MsvcrtLocker:
    """Windows: ``msvcrt.locking`` of one byte at :data:`LOCK_OFFSET`. Windows locks byte
    ranges, and other processes cannot read a locked range: the byte is far past the holder's
    name, so a refused program can still read who holds the store."""

    def __init__(self, msvcrt: Any) -> None:
        self.msvcrt = msvcrt

    def try_lock(self, fd: int) -> bool:
        os.lseek(fd, LOCK_OFFSET, os.SEEK_SET)
        try:
            self.msvcrt.locking(fd, self.msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def unlock(self, fd: int) -> None:
        os.lseek(fd, LOCK_OFFSET, os.SEEK_SET)
        with contextlib.suppress(OSError):
            self.msvcrt.locking(fd, self.msvcrt.LK_UNLCK, 1)


def platform_locker() -> FlockLocker | MsvcrtLocker:
    """The operating system's lock: ``msvcrt`` on Windows, ``flock`` elsewhere. (Tests give
    :class:`MsvcrtLocker` a stand-in module, so its logic runs on every platform.)"""
    if sys.platform == "win32":  # pragma: no cover - the module exists on Windows only
        import msvcrt

        return MsvcrtLocker(msvcrt)
    import fcntl

    return FlockLocker(fcntl)


LOCKER = platform_locker()


class StoreLock:
    """Exclusive lock on ``<store>.lock``. Re-entrant within one process: a second Store of the
    same file in this process shares the first one's lock."""

    _held: ClassVar[dict[Path, tuple[int, int]]] = {}  # lock path -> (fd, users) in this process

    def __init__(self, store_path: Path) -> None:
        self.store_path = store_path
        self.path = store_path.with_name(store_path.name + ".lock")
        self.owned = False
        self.left_by: LockHolder | None = None  # a holder that stopped without releasing

    def acquire(self, take_over: bool = False) -> None:
        """Take the lock, or raise :class:`StoreLockedError` naming the live holder.
        ``take_over`` is accepted for older callers: a dead holder's lock is taken anyway."""
        del take_over
        key = self.path.resolve()
        if key in self._held:
            fd, users = self._held[key]
            self._held[key] = (fd, users + 1)
            self.owned = True
            return
        for _attempt in range(20):  # the file may be deleted by a releasing holder meanwhile
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            if not LOCKER.try_lock(fd):
                os.close(fd)
                raise StoreLockedError(self.store_path, read_holder(self.path))
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(self.path))
            except FileNotFoundError:
                same = False
            if same:
                break
            LOCKER.unlock(fd)
            os.close(fd)
        else:
            raise StoreLockedError(self.store_path, read_holder(self.path))
        left = read_holder(self.path)
        self.left_by = left if left is not None and left.pid != os.getpid() else None
        self._write_holder(fd)
        self._held[key] = (fd, 1)
        self.owned = True

    @staticmethod
    def _write_holder(fd: int) -> None:
        """Name this process in the file; best effort (a full disk must not stop the open)."""
        data = json.dumps(_me().__dict__).encode("utf-8")
        with contextlib.suppress(OSError):
            os.lseek(fd, 0, os.SEEK_SET)
            os.ftruncate(fd, 0)
            os.write(fd, data)
            os.fsync(fd)

    def release(self) -> None:
        if not self.owned:
            return
        self.owned = False
        key = self.path.resolve()
        fd, users = self._held.pop(key, (-1, 0))
        if users > 1:
            self._held[key] = (fd, users - 1)
            return
        if fd < 0:
            return
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)  # no holder named: a file Windows will not delete is no crash
        with contextlib.suppress(OSError):
            self.path.unlink()  # while still locked: nobody can hold a lock on a stale file
        LOCKER.unlock(fd)
        os.close(fd)
