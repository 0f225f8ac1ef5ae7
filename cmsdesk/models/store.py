"""Opening a store: the SQLite file, its schema version, its lock and its identity.

A store is one SQLite database in WAL mode with foreign keys on; each command runs in its own
transaction, so a laptop that dies mid-edit loses at most the edit being written. The schema is
versioned by Alembic. Reading the version does not import Alembic (it is slow to import): the
migration machinery is loaded only when the store is new or old.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from cmsdesk.models.identity import Profile
from cmsdesk.models.lock import StoreLock
from cmsdesk.models.schema import Meta

MIGRATIONS = Path(__file__).with_name("migrations")


class StoreError(Exception):
    """A store cannot be opened or written; the message says what to do."""


class StoreTooNewError(StoreError):
    pass


def known_revisions() -> list[str]:
    """Revision ids shipped with this program, oldest first (files are named ``NNNN_*.py``)."""
    names = sorted(p.name for p in (MIGRATIONS / "versions").glob("[0-9][0-9][0-9][0-9]_*.py"))
    return [n[:4] for n in names]


def _on_connect(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class Store:
    """An open store. Use :meth:`open`; close it (or use it as a context manager)."""

    def __init__(self, path: Path, engine: Engine, lock: StoreLock | None) -> None:
        self.path = path
        self.engine = engine
        self.lock = lock
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._last_clock = ""
        # Read once: only the lock holder writes it. None: not read yet; "": none set.
        self._profile_json: str | None = None
        self.replica_id = self.get_meta("replica_id") or ""

    # -- opening --------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str, *, write: bool = True, take_over_lock: bool = False) -> Store:
        """Open (creating if needed) the store at ``path``.

        Raises :class:`StoreError` with a user-facing message for an unwritable location, a file
        that is not a cmsdesk store, or a store made by a newer cmsdesk; and
        :class:`~cmsdesk.models.lock.StoreLockedError` when another process holds it.
        """
        path = Path(path).expanduser().resolve()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"cannot create the folder for the store {path}: {exc.strerror}. "
                "Choose another location with --db."
            ) from exc
        if path.exists() and not _looks_like_sqlite(path):
            raise StoreError(f"{path} is not a cmsdesk store (not an SQLite database).")
        existed = path.exists()
        engine = create_engine(f"sqlite:///{path}")
        event.listen(engine, "connect", _on_connect)
        lock = StoreLock(path) if write else None
        try:
            revision = _current_revision(engine) if existed else None
            known = known_revisions()
            if not known:
                raise StoreError("this installation of cmsdesk is incomplete (its database "
                                 "migrations are missing): reinstall it.")
            if revision is not None and revision not in known:
                raise StoreTooNewError(
                    f"the store {path} was made by a newer cmsdesk (schema {revision}; this "
                    f"version knows up to {known[-1]}). Update cmsdesk to open it; "
                    "the store was not changed."
                )
            if lock is not None:
                lock.acquire(take_over=take_over_lock)
            if revision != known[-1]:
                if revision is not None:
                    _backup(path, revision)
                _migrate(engine)
            store = cls(path, engine, lock)
            store._initialise()
        except OperationalError as exc:
            if lock is not None:
                lock.release()
            engine.dispose()
            raise StoreError(f"cannot write the store {path}: {exc.orig}. Check the "
                             "folder's permissions and free space, or use --db.") from exc
        except BaseException:
            if lock is not None:
                lock.release()
            engine.dispose()
            raise
        return store

    def close(self) -> None:
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _initialise(self) -> None:
        """Give a new store its replica id and the bundled reference frameworks."""
        from cmsdesk.models.frameworks import install_bundled_frameworks

        if not self.replica_id:
            self.replica_id = uuid.uuid4().hex
            self.set_meta("replica_id", self.replica_id)
            with self.session() as s:
                install_bundled_frameworks(s)

    def backup_before(self, action: str, keep: int = 5) -> Path:
        """Copy the store before ``action`` (an import, a merge) into ``<stem>-backups/`` beside
        it, keeping the ``keep`` most recent copies for that action. A user who regrets a merge
        copies one back over the store."""
        folder = self.path.with_name(f"{self.path.stem}-backups")
        folder.mkdir(exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
        target = _copy_database(self.path, folder / f"{self.path.stem}.before-{action}-{stamp}.db")
        for old in sorted(folder.glob(f"{self.path.stem}.before-{action}-*.db"))[:-keep]:
            old.unlink(missing_ok=True)
        return target

    # -- sessions and meta ----------------------------------------------------------------

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error."""
        with self._sessions() as s, s.begin():
            yield s

    def get_meta(self, key: str) -> str | None:
        with self._sessions() as s:
            row = s.get(Meta, key)
            return row.value if row else None

    def set_meta(self, key: str, value: str, session: Session | None = None) -> None:
        if session is None:
            with self.session() as s:
                s.merge(Meta(key=key, value=value))
        else:
            session.merge(Meta(key=key, value=value))

    def _stored_profile(self) -> str:
        if self._profile_json is None:
            self._profile_json = self.get_meta("profile") or ""
        return self._profile_json

    @property
    def profile(self) -> Profile:
        """Who is editing (an empty profile until one is set)."""
        raw = self._stored_profile()
        return Profile.from_json(raw) if raw else Profile()

    def set_profile(self, profile: Profile) -> None:
        raw = json.dumps(profile.to_json())
        self.set_meta("profile", raw)
        self._profile_json = raw

    @property
    def has_profile(self) -> bool:
        return bool(self._stored_profile())

    def next_clock(self) -> str:
        """A hybrid clock reading, for display only: wall time plus a counter that keeps
        readings from this process strictly increasing when the wall clock stalls or steps back.
        """
        wall = _now()
        last_wall, _, last_count = self._last_clock.partition("#")
        if wall > last_wall:
            self._last_clock = wall
        else:
            self._last_clock = f"{last_wall}#{int(last_count or 0) + 1}"
        return self._last_clock


def _looks_like_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError:
        return False
    return head == b"" or head.startswith(b"SQLite format 3")


def _current_revision(engine: Engine) -> str | None:
    try:
        with engine.connect() as conn:
            if conn.execute(text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND "
                                 "name = 'alembic_version'")).first() is None:
                return None
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DatabaseError as exc:
        raise StoreError(f"the store is damaged or not a cmsdesk store: {exc.orig}") from exc


def _copy_database(source: Path, target: Path) -> Path:
    """A consistent copy of a store, through SQLite's backup API (safe while it is open)."""
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def _backup(path: Path, revision: str) -> Path:
    """Copy the store before migrating it."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    return _copy_database(
        path, path.with_name(f"{path.stem}.before-migration-{revision}-{stamp}{path.suffix}"))


def _migrate(engine: Engine) -> None:
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


