"""The store lock's Windows path (``msvcrt.locking``), run on every platform: the lock is given
a stand-in ``msvcrt`` module with Windows' semantics (a byte range locked per open file,
refused to any other while held, released by unlocking or when the holder's process ends;
a file still open elsewhere cannot be deleted), and the store's lock logic runs over it."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from cmsdesk.models import lock as lock_module
from cmsdesk.models.lock import LOCK_OFFSET, MsvcrtLocker, StoreLock, StoreLockedError
from cmsdesk.models.store import Store


class FakeMsvcrt:
    """``msvcrt.locking`` as Windows does it: ``locking(fd, mode, n)`` locks ``n`` bytes from
    the file's current position; another open file locking an overlapping range is refused
    (OSError, as Windows' LK_NBLCK); unlocking a range not held is an error too."""

    LK_UNLCK, LK_LOCK, LK_NBLCK, LK_RLCK, LK_NBRLCK = 0, 1, 2, 3, 4

    def __init__(self) -> None:
        self.held: dict[tuple[int, int, int], int] = {}  # (dev, inode, offset) -> fd
        self.calls: list[tuple[int, int]] = []  # (mode, offset)

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        assert nbytes == 1
        stat = os.fstat(fd)
        offset = os.lseek(fd, 0, os.SEEK_CUR)
        key = (stat.st_dev, stat.st_ino, offset)
        self.calls.append((mode, offset))
        if mode == self.LK_UNLCK:
            if self.held.get(key) != fd:
                raise OSError(errno.EACCES, "Permission denied")
            del self.held[key]
            return
        if key in self.held:
            raise OSError(errno.EDEADLK, "Resource deadlock avoided")
        self.held[key] = fd

    def process_ended(self, fd: int) -> None:
        """What Windows does when the holder's process ends: its locks go."""
        for key in [k for k, holder in self.held.items() if holder == fd]:
            del self.held[key]


@pytest.fixture
def msvcrt(monkeypatch: pytest.MonkeyPatch) -> FakeMsvcrt:
    fake = FakeMsvcrt()
    monkeypatch.setattr(lock_module, "LOCKER", MsvcrtLocker(fake))
    return fake


def other_process_holds(path: Path, fake: FakeMsvcrt, pid: int = 999_999) -> int:
    """Another program takes the lock (as StoreLock would) and names itself in the file."""
    lock_file = path.with_name(path.name + ".lock")
    fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o644)
    assert MsvcrtLocker(fake).try_lock(fd)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, json.dumps({"host": "laptop-7", "user": "ana", "pid": pid,
                             "since": "2026-12-05 09:00:00Z"}).encode())
    return fd


def test_the_lock_is_one_byte_far_past_the_holders_name(tmp_path: Path,
                                                        msvcrt: FakeMsvcrt) -> None:
    lock = StoreLock(tmp_path / "store.db")
    lock.acquire()
    try:
        assert msvcrt.calls == [(FakeMsvcrt.LK_NBLCK, LOCK_OFFSET)]
        assert len(msvcrt.held) == 1
        named = json.loads(lock.path.read_text(encoding="utf-8"))  # readable: not locked
        assert named["pid"] == os.getpid()
        assert len(lock.path.read_bytes()) < LOCK_OFFSET
    finally:
        lock.release()
    assert msvcrt.calls[-1] == (FakeMsvcrt.LK_UNLCK, LOCK_OFFSET) and msvcrt.held == {}
    assert not lock.path.exists()


def test_a_live_holder_is_named_and_never_taken_over(tmp_path: Path,
                                                     msvcrt: FakeMsvcrt) -> None:
    store = tmp_path / "store.db"
    fd = other_process_holds(store, msvcrt)
    try:
        with pytest.raises(StoreLockedError) as info:
            StoreLock(store).acquire(take_over=True)
        assert info.value.holder is not None and info.value.holder.user == "ana"
        assert "ana on laptop-7" in str(info.value)
    finally:
        os.close(fd)


def test_a_dead_holders_lock_is_taken_and_its_name_kept_for_the_crash_notice(
        tmp_path: Path, msvcrt: FakeMsvcrt) -> None:
    store = tmp_path / "store.db"
    fd = other_process_holds(store, msvcrt)
    msvcrt.process_ended(fd)
    os.close(fd)
    lock = StoreLock(store)
    lock.acquire()
    try:
        assert lock.left_by is not None and lock.left_by.user == "ana"
    finally:
        lock.release()


def test_a_lock_file_windows_would_not_delete_is_no_crash_notice(
        tmp_path: Path, msvcrt: FakeMsvcrt, monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows refuses to delete a file another program has open (say, one reading who holds
    the store): the clean release leaves it, empty, and the next start sees no crash."""
    store = tmp_path / "store.db"
    lock = StoreLock(store)
    lock.acquire()

    def refused(self: Path, missing_ok: bool = False) -> None:
        raise PermissionError(errno.EACCES, "The process cannot access the file", str(self))

    with monkeypatch.context() as m:
        m.setattr(Path, "unlink", refused)
        lock.release()
    assert lock.path.exists() and lock.path.read_bytes() == b""
    again = StoreLock(store)
    again.acquire()
    try:
        assert again.left_by is None
    finally:
        again.release()


def test_a_store_opens_writes_and_closes_over_the_windows_lock(
        tmp_path: Path, msvcrt: FakeMsvcrt) -> None:
    path = tmp_path / "store.db"
    with Store.open(path) as store:
        store.set_meta("written", "under the Windows lock")
        assert len(msvcrt.held) == 1
        other = os.open(path.with_name(path.name + ".lock"), os.O_RDWR)
        try:
            assert not MsvcrtLocker(msvcrt).try_lock(other)  # another program is refused
        finally:
            os.close(other)
    assert msvcrt.held == {}  # released when the store closed
    with Store.open(path, write=False) as reader:
        assert reader.get_meta("written") == "under the Windows lock"
