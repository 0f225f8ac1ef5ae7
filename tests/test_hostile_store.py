"""Store faults and the lock (issue 13, parts 6 and 7): a full disk, a read-only or busy store,
a damaged page, another program's SQLite file, a live or a dead lock holder. Each is one line
that says what to do; the store is as it was; nothing ever writes to a file that is not a
cmsdesk store; a dead holder's lock is simply taken, a live holder's never.

A full disk and a read-only store are simulated through SQLite itself, deterministically:
``max_page_count`` makes the store unable to grow (SQLite answers SQLITE_FULL, as it does on a
full disk), ``query_only`` makes it refuse writes (SQLITE_READONLY).
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cli_support import run
from sqlalchemy import text

import cmsdesk.models.store as store_module
from cmsdesk.cli import main
from cmsdesk.faults import BUSY, DISK_FULL, READ_ONLY
from cmsdesk.models.busy import WAITING
from cmsdesk.models.lock import StoreLockedError, live_holder
from cmsdesk.models.store import Store


@pytest.fixture
def store_file(db: str) -> Path:
    """The conftest's store (the starter plan, through the CLI), as a path."""
    return Path(db)


def dump(path: Path) -> str:
    with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as conn:
        text = "\n".join(conn.iterdump())
    conn.close()
    return text


def with_pragma(monkeypatch: pytest.MonkeyPatch, pragma: Callable[[Any], None]) -> None:
    """Every connection the store opens from now on runs ``pragma`` after the usual ones."""
    original = store_module._on_connect

    def connect(dbapi_conn: Any, record: Any) -> None:
        original(dbapi_conn, record)
        pragma(dbapi_conn)

    monkeypatch.setattr(store_module, "_on_connect", connect)


def full_disk(conn: Any) -> None:
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count={max(pages, 1)}")


COMMANDS = {
    "set": ["set", "T1", "text", "--text", "Long text. " * 20_000],
    "add": ["add", "G1", "target", "--title", "New target", "--text", "More. " * 20_000],
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_full_disk_is_said_as_such_and_nothing_changes(
        store_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        command: str) -> None:
    before = dump(store_file)
    with_pragma(monkeypatch, full_disk)
    code, out, err = run(capsys, "--db", str(store_file), *COMMANDS[command])
    assert code == 1 and len(err.strip().splitlines()) == 1, err
    assert DISK_FULL in err and "damaged" not in err
    assert dump(store_file) == before
    assert not store_file.with_name(store_file.name + ".lock").exists()


def test_a_full_disk_during_an_import_is_said_and_nothing_changes(
        store_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    other = tmp_path / "other.db"
    assert main(["--db", str(other), "identity", "--name", "Ana", "--party", "Spain",
                 "--region", "Europe", "--role", "delegate"]) == 0
    assert main(["--db", str(other), "init"]) == 0
    bundle = tmp_path / "plan.cmsb"
    assert main(["--db", str(other), "bundle", "export", "--full", str(bundle)]) == 0
    capsys.readouterr()
    before = dump(store_file)
    with_pragma(monkeypatch, full_disk)
    code, out, err = run(capsys, "--db", str(store_file), "bundle", "import", str(bundle))
    assert code == 1 and DISK_FULL in err and len(err.strip().splitlines()) == 1, err
    assert dump(store_file) == before


def test_a_full_disk_at_init_leaves_no_lock(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "new.db"
    with_pragma(monkeypatch, lambda conn: conn.execute("PRAGMA max_page_count=1"))
    code, out, err = run(capsys, "--db", str(path), "init")
    assert code == 1 and DISK_FULL in err and len(err.strip().splitlines()) == 1, err
    assert not path.with_name(path.name + ".lock").exists()
    monkeypatch.undo()
    assert main(["--db", str(path), "identity", "--name", "Ana", "--party", "Spain",
                 "--region", "Europe", "--role", "delegate"]) == 0
    assert main(["--db", str(path), "init"]) == 0  # once there is room, it works


def test_a_read_only_store_is_said_as_such(store_file: Path, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    before = dump(store_file)
    with_pragma(monkeypatch, lambda conn: conn.execute("PRAGMA query_only=1"))
    code, out, err = run(capsys, "--db", str(store_file), *COMMANDS["set"])
    assert code == 1 and READ_ONLY in err and len(err.strip().splitlines()) == 1, err
    assert dump(store_file) == before


def test_a_read_only_store_opened_to_write_still_reads(store_file: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The wait for other writers takes the write lock for an instant; a store that cannot be
    written refuses that, and the window must still show the plan (reads are not refused)."""
    with_pragma(monkeypatch, lambda conn: conn.execute("PRAGMA query_only=1"))
    with Store.open(store_file) as store:
        assert store.writer_wait is not None and store.replica_id
        with store.session() as s:
            assert s.execute(text("SELECT count(*) FROM nodes")).scalar()


def test_a_busy_store_is_waited_for_then_refused(store_file: Path, capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Another program holds a write transaction: cmsdesk says it waits (a short wait here),
    then refuses in one line; it never hangs, and nothing is written."""
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_MS", 600)
    before = dump(store_file)
    other = sqlite3.connect(store_file, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        started = time.monotonic()
        code, out, err = run(capsys, "--db", str(store_file), *COMMANDS["set"])
        waited = time.monotonic() - started
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert code == 1 and waited < 30
    lines = err.strip().splitlines()
    assert len(lines) == 2 and lines[0] == f"cmsdesk: {WAITING}", err
    assert lines[1].startswith("cmsdesk: error: ") and lines[1].endswith(BUSY), err
    assert dump(store_file) == before


def test_a_writer_that_finishes_in_time_is_waited_for(store_file: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """The other program commits while cmsdesk waits: the command then goes through, reading
    what the other wrote (the wait comes before its transaction, so its snapshot is fresh)."""
    other = sqlite3.connect(store_file, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO meta (key, value) VALUES ('other program', 'was here')")

    def finish() -> None:
        time.sleep(0.8)
        other.execute("COMMIT")

    finisher = threading.Thread(target=finish)
    finisher.start()
    try:
        code, out, err = run(capsys, "--db", str(store_file), "set", "T1", "text", "--text", "After.")
    finally:
        finisher.join()
        other.close()
    assert code == 0, err
    assert err.strip().splitlines() == [f"cmsdesk: {WAITING}"]
    assert "After." in run(capsys, "--db", str(store_file), "show", "T1")[1]
    assert "was here" in dump(store_file)


def test_a_store_that_is_not_busy_says_nothing_of_waiting(
        store_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", str(store_file), "set", "T1", "text", "--text", "Quiet.")
    assert code == 0 and "busy" not in err and "waiting" not in err


BUSY_HOLDER = ("import sqlite3, sys, time\nconn = sqlite3.connect(sys.argv[1], "
               "isolation_level=None)\nconn.execute('BEGIN IMMEDIATE')\n"
               "print('holding', flush=True)\ntime.sleep(60)\n")


@pytest.mark.slow
def test_another_process_writing_makes_the_installed_command_wait_then_refuse(
        store_file: Path) -> None:
    """Two processes, the command as a user runs it: the waiting line, then the refusal after
    the store's busy timeout; no traceback, the store as it was."""
    before = dump(store_file)
    holder = subprocess.Popen([sys.executable, "-c", BUSY_HOLDER, str(store_file)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        started = time.monotonic()
        done = subprocess.run([sys.executable, "-m", "cmsdesk", "--db", str(store_file), "set", "T1",
                               "text", "--text", "Blocked."], capture_output=True, text=True,
                              timeout=60)
        waited = time.monotonic() - started
    finally:
        holder.kill()
        holder.wait()
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 1 and len(lines) == 2, done.stderr
    assert lines[0] == f"cmsdesk: {WAITING}" and lines[1].endswith(BUSY), done.stderr
    assert store_module.BUSY_TIMEOUT_MS / 1000 <= waited < 30
    assert dump(store_file) == before


def corrupt(path: Path, page: int) -> None:
    size = 4096
    with path.open("r+b") as fh:
        fh.seek((page - 1) * size)
        fh.write(bytes((i * 7 + 13) % 256 for i in range(size)))


def test_a_damaged_store_is_found_on_open_and_never_written(store_file: Path,
                                                            capsys: pytest.CaptureFixture[str]
                                                            ) -> None:
    with sqlite3.connect(store_file) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    pristine = store_file.read_bytes()
    refused = tried = 0
    for page in sorted({2 + (pages - 2) * i // 11 for i in range(12)}):
        store_file.write_bytes(pristine)
        corrupt(store_file, page)
        damaged = store_file.read_bytes()
        conn = sqlite3.connect(f"{store_file.as_uri()}?mode=ro", uri=True)
        try:
            found = conn.execute("PRAGMA quick_check").fetchall() != [("ok",)]
        except sqlite3.DatabaseError:
            found = True
        finally:
            conn.close()
        tried += 1
        if not found:
            continue  # a page nothing uses: SQLite itself sees no damage
        code, out, err = run(capsys, "--db", str(store_file), *COMMANDS["set"])
        assert code == 1 and "damaged" in err and "backup" in err, (page, err)
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
        assert store_file.read_bytes() == damaged
        refused += 1
    assert refused >= tried // 2


def test_another_programs_sqlite_file_is_never_written(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    path = tmp_path / "contacts.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE people (name TEXT)")
        conn.execute("INSERT INTO people VALUES ('Ana')")
    conn.close()
    before = path.read_bytes()
    for args in (["outline"], ["init"], ["plans"], ["identity", "--name", "x", "--party", "y",
                                                    "--region", "Europe", "--role", "delegate"]):
        code, out, err = run(capsys, "--db", str(path), *args)
        assert code == 1 and "another program" in err and len(err.strip().splitlines()) == 1
        assert path.read_bytes() == before
        assert sorted(p.name for p in tmp_path.iterdir()) == ["contacts.sqlite"]


def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("my notes")
    code, out, err = run(capsys, "--db", str(path), "outline")
    assert code == 1 and "not an SQLite database" in err
    assert path.read_text() == "my notes"


# -- the lock ------------------------------------------------------------------------------------

HOLDER = ("import sys, time\nfrom cmsdesk.models.store import Store\n"
          "s = Store.open(sys.argv[1])\nprint('open', flush=True)\ntime.sleep(60)\n")


def hold(path: Path) -> subprocess.Popen[str]:
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
    return holder


def test_a_live_holders_lock_can_never_be_taken(store_file: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    holder = hold(store_file)
    try:
        with pytest.raises(StoreLockedError) as info:
            Store.open(store_file, take_over_lock=True)
        assert info.value.holder is not None and info.value.holder.pid == holder.pid
        code, out, err = run(capsys, "--db", str(store_file), "--take-over-lock", *COMMANDS["set"])
        assert code == 1 and "in use" in err and "take-over" not in err
    finally:
        holder.kill()
        holder.wait()


def test_a_dead_holders_lock_is_taken_without_asking(store_file: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    holder = hold(store_file)
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    assert store_file.with_name(store_file.name + ".lock").exists()  # left behind, naming the dead process
    store = Store.open(store_file)
    try:
        assert store.lock is not None and store.lock.left_by is not None
        assert store.lock.left_by.pid == holder.pid
    finally:
        store.close()
    assert not store_file.with_name(store_file.name + ".lock").exists()  # released cleanly: gone
    assert run(capsys, "--db", str(store_file), "set", "T1", "text", "--text", "After.")[0] == 0


def test_read_only_commands_read_while_the_window_holds_the_store(
        store_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    holder = hold(store_file)
    try:
        assert live_holder(store_file) is not None
        for args in (["outline"], ["show", "T1"], ["export", "markdown",
                                                   str(tmp_path / "plan.md")]):
            code, out, err = run(capsys, "--db", str(store_file), *args)
            assert code == 0, err
            assert "open in cmsdesk" in err and "may change" in err
        code, out, err = run(capsys, "--db", str(store_file), *COMMANDS["set"])
        assert code == 1 and "in use" in err
    finally:
        holder.kill()
        holder.wait()


def test_a_store_opened_twice_in_one_process_shares_the_lock(store_file: Path) -> None:
    first = Store.open(store_file)
    second = Store.open(store_file)
    second.close()
    assert store_file.with_name(store_file.name + ".lock").exists()  # still held by the first
    first.close()
    assert not store_file.with_name(store_file.name + ".lock").exists()


def test_opening_a_store_does_not_depend_on_the_lock_file_content(store_file: Path) -> None:
    """A lock file whose holder is named but not locked (a crash, or a copy) is no obstacle."""
    store_file.with_name(store_file.name + ".lock").write_text("not even json")
    Store.open(store_file).close()
