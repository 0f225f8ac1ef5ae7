"""Safe storage: WAL and foreign keys, one writer at a time, refusing what it cannot open."""

from __future__ import annotations

import hashlib
import json
import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

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
        assert socket.gethostname() in message and "Close cmsdesk there" in message
    finally:
        holder.kill()
        holder.wait()


def test_a_lock_left_by_a_crash_is_taken_without_asking(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    Store.open(path).close()
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    lock = tmp_path / "s.db.lock"
    lock.write_text(json.dumps({"host": socket.gethostname(), "user": "ana", "pid": dead.pid,
                                "since": "2026-01-01 10:00:00Z"}))
    store = Store.open(path)  # the OS lock is free: the file only names who left it
    assert store.lock is not None and store.lock.left_by is not None
    assert store.lock.left_by.user == "ana"
    store.close()
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


NEXT_REVISION = """\"\"\"A later schema, for the test: one more table.\"\"\"
import sqlalchemy as sa
from alembic import op

revision = "{rev}"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("later_things", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade() -> None:
    op.drop_table("later_things")
"""


def test_an_older_store_is_backed_up_and_migrated(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A store made by this version, opened by a version with one more migration."""
    import shutil

    import cmsdesk.models.store as store_module

    path = tmp_path / "s.db"
    with Store.open(path) as old:
        old.set_meta("kept", "yes")
    current = known_revisions()[-1]
    newer = f"{int(current) + 1:04d}"
    migrations = tmp_path / "migrations"
    shutil.copytree(store_module.MIGRATIONS, migrations,
                    ignore=shutil.ignore_patterns("__pycache__"))
    (migrations / "versions" / f"{newer}_later_things.py").write_text(
        NEXT_REVISION.format(rev=newer, down=current), encoding="utf-8")
    monkeypatch.setattr(store_module, "MIGRATIONS", migrations)

    with Store.open(path) as migrated:
        assert migrated.get_meta("kept") == "yes"
        with migrated.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == newer
            assert conn.execute(text("SELECT count(*) FROM later_things")).scalar() == 0
    (backup,) = tmp_path.glob(f"s.before-migration-{current}-*.db")
    engine = create_engine(f"sqlite:///{backup}")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == current
        assert conn.execute(text("SELECT value FROM meta WHERE key = 'kept'")).scalar() == "yes"
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


def test_a_backup_before_an_action_is_a_consistent_copy(store: Store) -> None:
    """The keeping policy is tested in test_backups.py."""
    from cmsdesk.models.commands import create_plan

    create_plan(store, "Backed-up plan")
    made = store.backup_before("import")
    engine = create_engine(f"sqlite:///{made}")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT title FROM plans")).scalar() == "Backed-up plan"
    engine.dispose()


def test_the_migrations_build_exactly_the_tables_the_code_maps(store: Store) -> None:
    """A store made by the Alembic migrations and the mapped tables agree on every table,
    column, type, default, index and key: nothing the code relies on is missing from a store."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from cmsdesk.models.schema import metadata

    def mapped(name: str | None, kind: str, _parent: object) -> bool:
        return kind != "table" or name not in _CHANGE_LOG_STORAGE

    def compared(item: Any, name: str | None, kind: str, _reflected: bool, _to: object) -> bool:
        table = item if kind == "table" else getattr(item, "table", None)
        return getattr(table, "name", None) not in _CHANGE_LOG_STORAGE

    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True,
                                                        "compare_server_default": True,
                                                        "include_name": mapped,
                                                        "include_object": compared})
        assert compare_metadata(context, metadata) == []
        # the change log is a view over its storage (migration 0013) with the mapped columns
        assert conn.execute(text("SELECT type FROM sqlite_master WHERE name = 'changes'")
                            ).scalar() == "view"
        # (and a resolution's own version, which lookups by version id use: migration 0015)
        columns = [row[1] for row in conn.execute(text("PRAGMA table_info(changes)"))]
        assert sorted(columns) == sorted([c.name for c in metadata.tables["changes"].columns]
                                         + ["own_version"])
        assert conn.execute(text("SELECT type FROM sqlite_master WHERE name = "
                                 "'change_signatures'")).scalar() == "view"
        columns = [row[1] for row in conn.execute(text("PRAGMA table_info(change_signatures)"))]
        assert columns == [c.name for c in metadata.tables["change_signatures"].columns]


# In an SQLite store `changes` is a view over these tables (migration 0013), which no class maps,
# and so are the signatures (0015).
_CHANGE_LOG_STORAGE = {"changes", "change_rows", "change_sources", "change_fields",
                       "change_authors", "change_origins", "change_signatures",
                       "change_signatures_loose"}
