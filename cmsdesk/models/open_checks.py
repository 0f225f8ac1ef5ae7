"""Whether a store file must be checked whole before it is opened (issue 13, issue 19).

Issue 13 refuses a damaged store before anything reads or writes it: SQLite's quick check of
every page on every open. That check reads the whole file, so opening grew with the store
(0.13 s of a 200,000-change store's 0.19 s open; docs/benchmarks.md, "Growth"). What damages a
store is what happens to the file outside cmsdesk: a copy cut short, a restore from a bad
medium, a sync program, another program writing into it, a disk failing. So after a whole-file
check passes, and again when cmsdesk closes the store it opened, the file's *fingerprint* is
remembered in the user's state folder: its device and inode, size, modification and change
times (the change time moves with any write and cannot be set back by a copying program; on
Windows it is the creation time, and a copy is another file with another index), the
SQLite header's change counter and page count, and the write-ahead log's size. An open whose
fingerprint is the one remembered, checked less than a day ago, skips the whole-file check; a
file changed behind cmsdesk's back, copied, restored, or never seen is checked whole, and every
store is checked whole at least once a day. Every open still checks what is cheap: the header
(an SQLite file, a page size SQLite writes, no fewer bytes than its pages need) and the schema
(the tables, the schema revision). A crash leaves no fingerprint of the file as it stands: the
next open checks it whole. The same quick check still runs inside every import before it
commits (:meth:`cmsdesk.models.store.Store.check_pages`).

The trade-off: damage done while cmsdesk has the store open, by another program, or by the disk
under cmsdesk's own writes, is found by the import's check or the next day's open instead of the
next open.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

from cmsdesk.paths import state_dir

RECHECK_AFTER_S = 24 * 3600  # every store is checked whole at least once a day
_KEPT = 64  # stores remembered (the most recently seen)
_FILE = "checked-stores.json"
_HEADER = 100


class Header:
    """What the first 100 bytes of an SQLite file say (https://sqlite.org/fileformat.html)."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    @property
    def is_sqlite(self) -> bool:
        return self.data.startswith(b"SQLite format 3\x00")

    @property
    def page_size(self) -> int:
        size = int.from_bytes(self.data[16:18], "big")
        return 65536 if size == 1 else size

    @property
    def change_counter(self) -> int:
        return int.from_bytes(self.data[24:28], "big")

    @property
    def page_count(self) -> int | None:
        """The pages the file holds, where the header's count is valid (a writer that does not
        keep it leaves a stale "version valid for" number)."""
        if int.from_bytes(self.data[92:96], "big") != self.change_counter:
            return None
        return int.from_bytes(self.data[28:32], "big")

    def fault(self, file_size: int, log_size: int) -> str | None:
        """Why a file with this header cannot be a whole SQLite database, or None.

        With pages in its write-ahead log (``log_size``), a file may be shorter than its
        header's page count and still whole: a process killed while copying the log back
        (a checkpoint writes the first page, with the grown count, before the pages after it)
        leaves every page in the log, and SQLite finishes the copy on the next open. Such a
        file was changed since cmsdesk closed it, so the open checks it whole instead."""
        size = self.page_size
        if len(self.data) < _HEADER or size < 512 or size & (size - 1):
            return "its header is damaged"
        count = self.page_count
        if count and file_size < count * size and not log_size:
            return "it is shorter than its pages need (cut short)"
        return None


def read_header(path: Path) -> Header:
    with path.open("rb") as fh:
        return Header(fh.read(_HEADER))


def fingerprint(path: Path) -> dict[str, Any] | None:
    """What changes whenever the store file (or its write-ahead log) is written or replaced."""
    try:
        st = path.stat()
        header = read_header(path)
    except OSError:
        return None
    return {"dev": st.st_dev, "ino": st.st_ino, "size": st.st_size, "mtime": st.st_mtime_ns,
            "ctime": st.st_ctime_ns, "counter": header.change_counter,
            "pages": header.page_count, "wal": log_size(path)}


def log_size(path: Path) -> int:
    """The size of the store's write-ahead log; 0 when there is none (as an empty one: a
    reader's connection may make an empty one)."""
    try:
        return os.stat(f"{path}-wal").st_size
    except OSError:
        return 0


def _load() -> dict[str, Any]:
    try:
        data = json.loads((state_dir() / _FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _save(entries: dict[str, Any]) -> None:
    """Write the remembered fingerprints (atomically: two programs saving at once lose an
    entry at worst, which costs one whole-file check)."""
    kept = dict(sorted(entries.items(), key=lambda item: item[1].get("seen", 0))[-_KEPT:])
    folder = state_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temporary = folder / f"{_FILE}.{os.getpid()}.tmp"
        temporary.write_text(json.dumps(kept, sort_keys=True), encoding="utf-8")
        os.replace(temporary, folder / _FILE)
    except OSError:
        pass  # nothing remembered: the next open checks the whole file, as before


def checked_recently(path: Path, now: dict[str, Any] | None) -> float | None:
    """When the store at ``path`` (whose fingerprint is ``now``) was last checked whole, if it
    is unchanged since cmsdesk last checked or closed it and that check is less than a day old;
    else None (check it whole)."""
    entry = _load().get(str(path))
    if now is None or not isinstance(entry, dict) or entry.get("fingerprint") != now:
        return None
    checked = entry.get("checked")
    if not isinstance(checked, (int, float)) or not 0 <= time.time() - checked < RECHECK_AFTER_S:
        return None
    return float(checked)


def forget(path: Path) -> None:
    """Check the store at ``path`` whole when it is next opened (the benchmark times that)."""
    entries = _load()
    if entries.pop(str(path), None) is not None:
        _save(entries)


def remember(path: Path, checked: float, now: dict[str, Any] | None = None) -> None:
    """The store at ``path`` is as cmsdesk checked it (``checked``: when it was last checked
    whole; ``now``: its fingerprint then) or leaves it: remember its fingerprint."""
    now = now or fingerprint(path)
    if now is None:
        return
    entries = _load()
    entries[str(path)] = {"fingerprint": now, "checked": checked, "seen": time.time()}
    _save(entries)
