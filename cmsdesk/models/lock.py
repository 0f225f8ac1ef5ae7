"""A lock file beside the store, so two processes never write one store at once.

The file names its holder (host, user, process, time) so that the refusal can say who holds the
store, and so that a lock left by a crashed process on this host can be recognised and taken over.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path


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
        except PermissionError:
            return False
        return False


class StoreLockedError(Exception):
    def __init__(self, path: Path, holder: LockHolder | None) -> None:
        self.path = path
        self.holder = holder
        who = holder.describe() if holder else "an unknown process"
        hint = (
            "It was left by a process that no longer runs: take it over with --take-over-lock."
            if holder is None or holder.is_stale
            else "Close cmsdesk there first, or use --take-over-lock if that process is gone."
        )
        super().__init__(f"the store {path} is in use by {who}. {hint}")


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


class StoreLock:
    """Exclusive, advisory lock on ``<store>.lock``. Re-entrant within one process."""

    def __init__(self, store_path: Path) -> None:
        self.store_path = store_path
        self.path = store_path.with_name(store_path.name + ".lock")
        self.owned = False

    def acquire(self, take_over: bool = False) -> None:
        me = _me()
        for _attempt in range(2):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                holder = read_holder(self.path)
                if holder and holder.host == me.host and holder.pid == me.pid:
                    return  # this process holds it already (another Store object)
                if take_over:
                    self.path.unlink(missing_ok=True)
                    continue
                raise StoreLockedError(self.store_path, holder) from None
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(me.__dict__, fh)
            self.owned = True
            return
        raise StoreLockedError(self.store_path, read_holder(self.path))

    def release(self) -> None:
        if self.owned:
            self.path.unlink(missing_ok=True)
            self.owned = False
