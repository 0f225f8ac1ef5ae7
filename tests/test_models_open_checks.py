"""Opening a store checks the whole file only when it may have changed outside cmsdesk (issues
13 and 19): a store unchanged since cmsdesk checked or closed it opens without reading every
page, so opening does not grow with the store; a file changed behind cmsdesk's back, copied,
cut short or not checked for a day is checked whole, and a damaged one refused before anything
reads or writes it."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cmsdesk.models import open_checks
from cmsdesk.models import store as store_module
from cmsdesk.models.store import Store, StoreDamagedError


@pytest.fixture
def whole_checks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The whole-file checks made (one entry each), with a state folder of the test's own."""
    monkeypatch.setattr(open_checks, "state_dir", lambda: tmp_path / "state")
    made: list[int] = []
    check = store_module.whole_file_sound

    def counted(conn: sqlite3.Connection) -> bool:
        made.append(1)
        return check(conn)

    monkeypatch.setattr(store_module, "whole_file_sound", counted)
    return made


def _store(path: Path) -> Path:
    with Store.open(path) as store:
        store.set_meta("note", "a store of its own")
    return path


def _damage(path: Path) -> None:
    """Overwrite the last page with bytes that are no B-tree page (the size stays)."""
    data = bytearray(path.read_bytes())
    data[-4096:] = bytes((i * 7 + 13) % 256 for i in range(4096))
    path.write_bytes(bytes(data))


def test_a_store_unchanged_since_cmsdesk_closed_it_is_not_read_whole_again(
        tmp_path: Path, whole_checks: list[int]) -> None:
    path = _store(tmp_path / "s.db")
    assert whole_checks == []  # made here: nothing to check
    for write in (True, False, True):
        with Store.open(path, write=write) as store:
            store.get_meta("note")
    assert whole_checks == []
    with Store.open(path) as store:  # cmsdesk's own writes are no reason to check it again
        store.set_meta("note", "changed by cmsdesk")
    Store.open(path).close()
    assert whole_checks == []


def test_a_store_changed_behind_cmsdesk_s_back_is_checked_whole_and_refused_if_damaged(
        tmp_path: Path, whole_checks: list[int]) -> None:
    path = _store(tmp_path / "s.db")
    size = path.stat().st_size
    _damage(path)
    assert path.stat().st_size == size
    with pytest.raises(StoreDamagedError):
        Store.open(path)
    assert whole_checks == [1]
    with pytest.raises(StoreDamagedError):  # and again: a refused file is never trusted
        Store.open(path, write=False)
    assert whole_checks == [1, 1]


def test_another_program_s_write_a_copy_and_a_day_each_bring_a_whole_check(
        tmp_path: Path, whole_checks: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    path = _store(tmp_path / "s.db")
    conn = sqlite3.connect(path)  # another program writes into it, soundly
    conn.execute("UPDATE meta SET value = 'by another program' WHERE key = 'note'")
    conn.commit()
    conn.close()
    Store.open(path).close()
    assert len(whole_checks) == 1
    Store.open(path).close()
    assert len(whole_checks) == 1
    copy = tmp_path / "copy.db"
    shutil.copy2(path, copy)  # the same bytes and times, another file
    Store.open(copy).close()
    assert len(whole_checks) == 2
    later = time.time() + open_checks.RECHECK_AFTER_S + 60
    monkeypatch.setattr(open_checks.time, "time", lambda: later)
    Store.open(path).close()
    assert len(whole_checks) == 3
    Store.open(path).close()  # checked today again
    assert len(whole_checks) == 3


def test_a_store_cut_short_is_refused_by_its_header_whatever_is_remembered(
        tmp_path: Path, whole_checks: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    path = _store(tmp_path / "s.db")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 4096])
    monkeypatch.setattr(open_checks, "checked_recently", lambda *_: time.time())
    with pytest.raises(StoreDamagedError):
        Store.open(path)
    assert whole_checks == []  # refused by the header's page count alone


_GROW = """
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
conn.execute("PRAGMA wal_autocheckpoint=0")
conn.execute("CREATE TABLE filler (x BLOB)")
conn.executemany("INSERT INTO filler VALUES (?)", [(os.urandom(900),) for _ in range(400)])
conn.commit()
os._exit(0)  # killed: the log keeps the committed pages, nothing was copied back
"""


def _first_page_in_log(path: Path) -> bytes:
    """The newest image of page 1 in the store's write-ahead log (its frames: a 24-byte header
    starting with the page number, then the page)."""
    log = Path(f"{path}-wal").read_bytes()
    page_size = int.from_bytes(log[8:12], "big")
    frame = 24 + page_size
    images = [log[at + 24: at + frame] for at in range(32, len(log) - frame + 1, frame)
              if int.from_bytes(log[at: at + 4], "big") == 1]
    assert images
    return images[-1]


def test_a_store_killed_while_its_log_was_copied_back_opens_whole(
        tmp_path: Path, whole_checks: list[int]) -> None:
    """A process killed during a checkpoint can leave the file's first page (the header, with
    the grown page count) written and the pages after it not yet: the log still holds them all,
    and SQLite finishes the copy on the next open. The header check must not take that file for
    one cut short (found by the crash test, which kills an import at random points)."""
    path = _store(tmp_path / "s.db")
    subprocess.run([sys.executable, "-c", _GROW, str(path)], check=True)
    page = _first_page_in_log(path)
    with path.open("r+b") as fh:  # the checkpoint's first write, then the kill
        fh.write(page)
    # without its log, the file would be one cut short
    assert open_checks.read_header(path).fault(path.stat().st_size, 0) is not None
    with Store.open(path) as store:
        assert store.get_meta("note") == "a store of its own"
    assert whole_checks == [1]  # changed since cmsdesk closed it: checked whole, and sound
