"""Opening a store: the SQLite file, its schema version, its lock and its identity.

A store is one SQLite database in WAL mode with foreign keys on; each command runs in its own
transaction, so a laptop that dies mid-edit loses at most the edit being written. The schema is
versioned by Alembic. Reading the version does not import Alembic (it is slow to import): the
migration machinery is loaded only when the store is new or old.
"""

from __future__ import annotations

import json
import random
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError, DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from cmsdesk.faults import CORRUPT, DAMAGED, NOT_SQLITE, fault_kind, store_fault
from cmsdesk.models import backups, open_checks
from cmsdesk.models.busy import Notice, WriterWait
from cmsdesk.models.identity import Profile
from cmsdesk.models.lock import StoreLock
from cmsdesk.models.packing import mark_change_view
from cmsdesk.models.schema import Meta

MIGRATIONS = Path(__file__).with_name("migrations")
T = TypeVar("T")


class StoreError(Exception):
    """A store cannot be opened or written; the message says what to do."""


class StoreTooNewError(StoreError):
    pass


class StoreDamagedError(StoreError):
    """The store failed SQLite's quick check (or SQLite found a broken page): nothing is
    written to it. ``path`` is the store file; its latest good backup, when there is one, is
    restored by :func:`cmsdesk.models.backups.restore_damaged` (``cmsdesk backups restore``)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(f"{path}: {CORRUPT}")


class PasswordNeededError(StoreError):
    """A server store needs a password: the caller may ask for one and open again."""


def known_revisions() -> list[str]:
    """Revision ids shipped with this program, oldest first (files are named ``NNNN_*.py``)."""
    names = sorted(p.name for p in (MIGRATIONS / "versions").glob("[0-9][0-9][0-9][0-9]_*.py"))
    return [n[:4] for n in names]


# How long a command waits for another program's write transaction before saying the store is
# busy (saying it waits meanwhile: models/busy.py): long enough for any save of the window,
# never a hang.
BUSY_TIMEOUT_MS = 5000


def _busy_timeout_ms() -> int:
    return BUSY_TIMEOUT_MS


def _on_connect(dbapi_conn: Any, _record: Any) -> None:
    # SQLAlchemy, not the sqlite3 module, says when a transaction begins (see _on_begin): the
    # module's own implicit BEGIN comes only before the first write, which breaks SAVEPOINT.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.close()


def _on_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class Store:
    """An open store. Use :meth:`open`; close it (or use it as a context manager)."""

    def __init__(self, path: Path | None, engine: Engine, lock: StoreLock | None,
                 location: str | None = None, writer_wait: WriterWait | None = None) -> None:
        self.path = path  # None for a store on a database server
        # Waits for another program's write transaction before each of ours, saying so
        # through its ``notice`` (a store file opened to write; None otherwise).
        self.writer_wait = writer_wait
        self.location = location or str(path)  # what to show the user (no password)
        self.engine = engine
        self.retries = 0  # transactions run again after a serialization failure (server stores)
        self.lock = lock
        # Names this open store in the notifications its changes send (server stores).
        self.sender = uuid.uuid4().hex
        self._sessions = sessionmaker(engine, expire_on_commit=False, info={"sender": self.sender})
        self._last_clock = ""
        # Read once: only the lock holder writes it. None: not read yet; "": none set.
        self._profile_json: str | None = None
        # When the file was last checked whole (:mod:`cmsdesk.models.open_checks`): its
        # fingerprint is remembered with it when the store is closed. None: a server store.
        self.checked: float | None = None
        self.replica_id = self.get_meta("replica_id") or ""

    # -- opening --------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str, *, write: bool = True, take_over_lock: bool = False,
             password: str | None = None, on_busy: Notice | None = None) -> Store:
        """Open (creating if needed) the store at ``path``: a file, or a
        ``postgresql://user@host/dbname`` address (see :mod:`cmsdesk.models.server`).
        ``on_busy`` is told while a transaction waits for another program's write transaction
        (:mod:`cmsdesk.models.busy`).

        Raises :class:`StoreError` with a user-facing message for an unwritable location, a file
        that is not a cmsdesk store, or a store made by a newer cmsdesk; and
        :class:`~cmsdesk.models.lock.StoreLockedError` when another process holds it.
        """
        from cmsdesk.models import server

        if isinstance(path, str) and server.is_url(path):
            return cls._open_server(path, password, write)
        path = Path(path).expanduser().resolve()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"cannot create the folder for the store {path}: {exc.strerror}. "
                "Choose another location with --db."
            ) from exc
        # read-only: nothing is written to a file that is not ours
        revision, checked = _inspect(path)
        existed = revision is not None
        known = known_revisions()
        if not known:
            raise StoreError("this installation of cmsdesk is incomplete (its database "
                             "migrations are missing): reinstall it.")
        if existed and revision not in known:
            raise StoreTooNewError(
                f"the store {path} was made by a newer cmsdesk (schema {revision}; this "
                f"version knows up to {known[-1]}). Update cmsdesk to open it; "
                "the store was not changed."
            )
        engine = create_engine(f"sqlite:///{path}")
        event.listen(engine, "connect", _on_connect)
        # Opening to read needs no lock, unless the store must first be created or migrated.
        current = existed and revision == known[-1]
        lock = StoreLock(path) if write or not current else None
        # Readers never wait for a writer (WAL); a writer waits for another one, saying so.
        writer_wait = WriterWait(_busy_timeout_ms, on_busy) if lock is not None else None
        event.listen(engine, "begin", writer_wait or _on_begin)
        try:
            if lock is not None:
                lock.acquire(take_over=take_over_lock)
            if not current:
                if existed and revision:
                    _backup(path, revision)
                _migrate(engine)
                if revision is not None:
                    _compact(path)
            mark_change_view(engine)
            store = cls(path, engine, lock, writer_wait=writer_wait)
            store.checked = checked or time.time()  # (a new store: made whole just now)
            if lock is not None:
                store._initialise()
        except (DBAPIError, OSError) as exc:
            if lock is not None:
                lock.release()
            engine.dispose()
            fault = store_fault(exc) or (f"cannot write the store {path}: {exc}. Check the "
                                         "folder's permissions and free space, or use --db.")
            raise StoreError(f"{path}: {fault}") from exc
        except BaseException:
            if lock is not None:
                lock.release()
            engine.dispose()
            raise
        return store

    @classmethod
    def _open_server(cls, location: str, password: str | None, write: bool) -> Store:
        """Open a store on a PostgreSQL server, creating its tables in an empty database.

        No lock file: officers share the master, and their transactions are serializable.
        """
        from cmsdesk.models import server

        try:
            engine = server.connect(server.server_url(location), password)
        except server.PasswordNeeded as exc:
            raise PasswordNeededError(str(exc)) from exc
        except server.ServerError as exc:
            raise StoreError(str(exc)) from exc
        shown = server.display(location)
        try:
            revision = server.current_revision(engine)
            known = known_revisions()
            if revision is not None and revision not in known:
                raise StoreTooNewError(
                    f"the store {shown} was made by a newer cmsdesk (schema {revision}; this "
                    f"version knows up to {known[-1]}). Update cmsdesk to open it; "
                    "the store was not changed.")
            if revision is None and not write:
                raise StoreError(f"the database {shown} holds no cmsdesk store yet: run "
                                 "'cmsdesk init' (or open it in the window) to create one.")
            if revision != known[-1]:
                # Read committed: after waiting for another officer's migration, see its tables.
                _migrate(engine.execution_options(isolation_level="READ COMMITTED"))
            store = cls(None, engine, None, shown)
            store._initialise()
        except server.ServerError as exc:
            engine.dispose()
            raise StoreError(str(exc)) from exc
        except DBAPIError as exc:
            engine.dispose()
            raise StoreError(f"the database server {shown} failed: "
                             f"{str(exc.orig).strip().splitlines()[0]}") from exc
        except BaseException:
            engine.dispose()
            raise
        return store

    @property
    def is_server(self) -> bool:
        """True for a store on a database server (shared by several officers)."""
        return self.path is None

    def write(self, work: Callable[[Session], T], attempts: int = 30) -> T:
        """Run ``work`` in one transaction, again from the start if a server store reports that
        a concurrent officer's transaction made it impossible to serialize (PostgreSQL
        serialization failures are expected under concurrency, and harmless to retry: nothing
        of the failed attempt was kept). After two failures the attempt waits for the turn of
        such writers (:func:`cmsdesk.models.server.writers_queue`), so that a large import is
        not starved by small edits. ``work`` must not have effects outside the session."""
        from cmsdesk.models import server

        for attempt in range(attempts):
            queue = server.writers_queue(self.engine) if self.is_server and attempt >= 2 \
                else nullcontext()
            try:
                with queue, self.session() as s:
                    return work(s)
            except DBAPIError as exc:
                if not (self.is_server and server.is_retryable(exc)) or attempt == attempts - 1:
                    raise
                self.retries += 1
                time.sleep(min(1.0, 0.01 * 2 ** attempt) * random.uniform(0.5, 1.5))
        raise AssertionError("unreachable")

    def close(self) -> None:
        self.engine.dispose()
        if self.path is not None and self.checked is not None:
            open_checks.remember(self.path, self.checked)  # as cmsdesk leaves it
        if self.lock is not None:
            self.lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _initialise(self) -> None:
        """Give a new store its replica id and the bundled reference frameworks (once, even
        when two officers open a new server store at the same moment)."""
        from cmsdesk.models.frameworks import install_bundled_frameworks
        from cmsdesk.models.submissions import submission_secret

        if self.replica_id:
            return

        def set_up(s: Session) -> str:
            row = s.get(Meta, "replica_id")
            if row is not None:
                return row.value
            replica = uuid.uuid4().hex
            s.add(Meta(key="replica_id", value=replica))
            s.flush()
            submission_secret(s)  # made now, so that copies of this installation share it
            install_bundled_frameworks(s)
            return replica

        self.replica_id = self.write(set_up)

    def backup_before(self, action: str, protect: Path | None = None) -> Path | None:
        """Copy the store before ``action`` (an import, a restore) into ``<stem>-backups/``
        beside it, checked, under the keeping policy of :mod:`cmsdesk.models.backups`. A user
        who regrets an import restores it with ``cmsdesk backups restore``. A server store is
        backed up by its IT (pg_dump), not by each officer's program: None."""
        if self.path is None:
            return None
        try:
            return backups.make_backup(self.path, action, protect=protect)
        except backups.SourceDamagedError as exc:
            raise StoreDamagedError(self.path) from exc

    def restore(self, backup: Path | str) -> Path:
        """Replace the store's content with a backup of it; returns the backup of the state
        replaced (so a restore can be undone the same way).

        The backup must pass its integrity check and have this store's schema; the copy goes
        through SQLite's backup API into the open store, so it is all or nothing.
        """
        if self.path is None:
            raise backups.BackupError("a store on a database server is restored by its "
                                      "administrators (from their pg_dump copies), not here")
        source = Path(backup).expanduser().resolve()
        if not source.is_file():
            raise backups.BackupError(f"no backup {source}: see 'cmsdesk backups' for the "
                                      "backups of this store")
        if source == self.path:
            raise backups.BackupError("that is the store itself, not a backup of it")
        problem = backups.integrity_problem(source)
        if problem:
            raise backups.BackupError(f"{source.name} is damaged ({problem}): choose another "
                                      "backup; the store was not changed")
        revision, ours = backups.revision_of(source), _current_revision(self.engine)
        if revision != ours:
            raise backups.BackupError(
                f"{source.name} is not a backup of a cmsdesk store of this version (schema "
                f"{revision or 'none'}, this store {ours}); open it with 'cmsdesk --db FILE' "
                "instead. The store was not changed.")
        before = backups.make_backup(self.path, "restore", protect=source)
        self.engine.dispose()
        src = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)
        dst = sqlite3.connect(self.path)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=WAL")
        finally:
            dst.close()
            src.close()
        self.reload_identity()
        return before

    def check_pages(self, session: Session) -> None:
        """SQLite's quick check, inside ``session``'s transaction, before an import commits:
        a damaged store is refused (and the import rolled back) rather than written further."""
        if self.is_server:
            return
        try:
            result = session.execute(text("PRAGMA quick_check")).all()
        except DBAPIError as exc:
            fault = store_fault(exc)
            if fault is None or fault == CORRUPT:
                raise StoreDamagedError(self.path) from exc
            raise StoreError(f"{self.path}: {fault}") from exc
        if [tuple(r) for r in result] != [("ok",)]:
            raise StoreDamagedError(self.path)

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
            self.write(lambda s: s.merge(Meta(key=key, value=value)))
        else:
            session.merge(Meta(key=key, value=value))

    def _stored_profile(self) -> str:
        if self._profile_json is None:
            self._profile_json = self.get_meta(self._profile_key()) or ""
        return self._profile_json

    @property
    def profile(self) -> Profile:
        """Who is editing (an empty profile until one is set)."""
        raw = self._stored_profile()
        return Profile.from_json(raw) if raw else Profile()

    def set_profile(self, profile: Profile) -> None:
        raw = json.dumps(profile.to_json())
        self.set_meta(self._profile_key(), raw)
        self._profile_json = raw

    def reload_identity(self) -> None:
        """Read the replica id and profile again (after a whole store was copied in)."""
        self.replica_id = self.get_meta("replica_id") or ""
        self._profile_json = None

    def _profile_key(self) -> str:
        """On a server store each officer (database user) is an author of their own."""
        if not self.is_server:
            return "profile"
        with self.engine.connect() as conn:
            return f"profile:{conn.execute(text('SELECT current_user')).scalar()}"

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


def _inspect(path: Path) -> tuple[str | None, float | None]:
    """The schema revision of the store at ``path`` and when it was last checked whole.

    The revision is None when there is no store yet (no file, an empty file or an empty
    database), "" for a cmsdesk store made before revisions were recorded. Read through a
    read-only connection, so a file that is not a cmsdesk store (a damaged one, or another
    program's SQLite database) is refused before anything writes to it, and a damaged store is
    found by SQLite's quick check: of the whole file when it changed since cmsdesk last checked
    or closed it, or a day has passed (:mod:`cmsdesk.models.open_checks`), and of its header and
    schema on every open."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return None, None
    except OSError as exc:
        raise StoreError(f"cannot read the store {path}: {exc.strerror}") from exc
    if size == 0:
        return None, None
    try:
        header = open_checks.read_header(path)
    except OSError as exc:
        raise StoreError(f"cannot read the store {path}: {exc.strerror}") from exc
    if not header.is_sqlite:
        raise StoreError(f"{path} is not a cmsdesk store (not an SQLite database); it was not "
                         "changed. Check --db.")
    as_found = open_checks.fingerprint(path)  # (before our connection touches its log)
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: {store_fault(exc) or exc}") from exc
    try:
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = "
                                             "'table'")}
        if not tables:
            return None, None
        if not {"alembic_version", "meta"} <= tables:
            raise StoreError(f"{path} is an SQLite database of another program, not a cmsdesk "
                             "store; it was not changed. Check --db.")
        if header.fault(size, open_checks.log_size(path)) is not None:
            raise StoreDamagedError(path)
        checked = open_checks.checked_recently(path, as_found)
        if checked is None:
            if not whole_file_sound(conn):
                raise StoreDamagedError(path)
            checked = time.time()
            open_checks.remember(path, checked, as_found)
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return (str(row[0]) if row else ""), checked
    except sqlite3.Error as exc:
        if fault_kind(exc) in (DAMAGED, NOT_SQLITE):  # an SQLite header, broken pages after it
            raise StoreDamagedError(path) from exc
        raise StoreError(f"{path}: {store_fault(exc) or exc}") from exc
    finally:
        conn.close()


def whole_file_sound(conn: sqlite3.Connection) -> bool:
    """SQLite's quick check of every page of the file (its time grows with the file)."""
    return conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]


def _current_revision(engine: Engine) -> str | None:
    try:
        with engine.connect() as conn:
            if conn.execute(text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND "
                                 "name = 'alembic_version'")).first() is None:
                return None
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DatabaseError as exc:
        raise StoreError(f"the store is damaged or not a cmsdesk store: {exc.orig}") from exc


def _backup(path: Path, revision: str) -> Path:
    """Copy the store before migrating it."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    return backups.copy_database(
        path, path.with_name(f"{path.stem}.before-migration-{revision}-{stamp}{path.suffix}"))


def _compact(path: Path) -> None:
    """Give the space a migration freed back to the disk (a migration that stores something
    once instead of twice leaves the old pages free otherwise)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("VACUUM")
    finally:
        conn.close()


def _migrate(engine: Engine) -> None:
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            from cmsdesk.models.server import serialize_migrations

            serialize_migrations(conn)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


