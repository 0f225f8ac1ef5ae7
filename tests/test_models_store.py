"""Safe storage: WAL and foreign keys, one writer at a time, refusing what it cannot open."""

from __future__ import annotations

import hashlib
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from cmsdesk.models.lock import StoreLockedError
from cmsdesk.models.store import Store, StoreError, StoreTooNewError, known_revisions


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_store_uses_wal_foreign_keys_and_gets_a_replica(store: Store) -> None:
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == \
            known_revisions()[-1]
    assert len(store.replica_id) == 32


def test_a_second_process_is_refused_with_the_holder_named(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import time; from cmsdesk.models.store import Store; "
         f"s=Store.open({str(path)!r}); print('open', flush=True); time.sleep(30)"],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        second = subprocess.run(
            [sys.executable, "-c", "from cmsdesk.models.store import Store\n"
             "from cmsdesk.models.lock import StoreLockedError\n"
             f"try:\n    Store.open({str(path)!r})\nexcept StoreLockedError as e:\n"
             "    print(e.holder.pid); print(e)"],
            capture_output=True, text=True, check=True)
        pid, message = second.stdout.splitlines()
        assert int(pid) == holder.pid
        assert socket.gethostname() in message and "--take-over-lock" in message
    finally:
        holder.kill()
        holder.wait()


def test_a_lock_left_by_a_crash_can_be_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    Store.open(path).close()
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    lock = tmp_path / "s.db.lock"
    lock.write_text(json.dumps({"host": socket.gethostname(), "user": "ana", "pid": dead.pid,
                                "since": "2026-01-01 10:00:00Z"}))
    with pytest.raises(StoreLockedError, match="no longer runs: take it over"):
        Store.open(path)
    Store.open(path, take_over_lock=True).close()
    assert not lock.exists()


def test_a_store_from_a_newer_version_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    Store.open(path).close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    before = _sha(path)
    with pytest.raises(StoreTooNewError, match="newer cmsdesk"):
        Store.open(path)
    assert _sha(path) == before
    assert not (tmp_path / "s.db.lock").exists()


def test_an_older_store_is_backed_up_and_migrated(tmp_path: Path) -> None:
    revisions = known_revisions()
    if len(revisions) < 2:
        pytest.skip("only one schema revision exists so far: nothing older to migrate from")
    from alembic import command
    from alembic.config import Config

    from cmsdesk.models.store import MIGRATIONS

    path = tmp_path / "s.db"
    engine = create_engine(f"sqlite:///{path}")
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revisions[0])
    engine.dispose()
    Store.open(path).close()
    backups = list(tmp_path.glob(f"s.before-migration-{revisions[0]}-*.db"))
    assert len(backups) == 1
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == revisions[-1]
    engine.dispose()


def test_an_unwritable_location_gets_a_clear_message(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match="cannot create the folder .* --db"):
        Store.open(blocker / "sub" / "s.db")


def test_a_file_that_is_not_a_store_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"PK\x03\x04 this is a zip, not a database")
    before = _sha(path)
    with pytest.raises(StoreError, match="not a cmsdesk store"):
        Store.open(path)
    assert _sha(path) == before


def test_read_only_open_takes_no_lock(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    Store.open(path).close()
    reader = Store.open(path, write=False)
    assert not (tmp_path / "s.db.lock").exists()
    reader.close()
    assert os.path.exists(path)
