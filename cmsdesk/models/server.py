"""A store on a PostgreSQL server: the Secretariat's shared master.

Delegates keep a local SQLite file (:mod:`cmsdesk.models.store`); a Secretariat whose officers
work at once on one master points ``--db`` at ``postgresql://user@host/dbname``. The tables and
the Alembic migrations are the same; what differs lives here:

* the connection: psycopg 3 (the optional extra ``cmsdesk[postgres]``); the password comes from
  the URL, ``PGPASSWORD``, a pgpass file (libpq reads both) or the caller's prompt, and cmsdesk
  never stores it;
* concurrency: several officers write at once, so every write transaction runs at SERIALIZABLE
  isolation and is retried when the server reports a serialization failure (see
  :func:`is_retryable` and ``Store.write``); docs/architecture.md says why this was chosen over
  locks;
* notifications: each transaction that appends changes sends ``NOTIFY cmsdesk`` with the plan id,
  delivered at commit, so that the other officers' windows refresh (:func:`listen`).

Connection failures become :class:`~cmsdesk.models.store.StoreError` messages that say what to do.
"""

from __future__ import annotations

import re
import select
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

CHANNEL = "cmsdesk"
SERVER_SCHEMES = ("postgresql", "postgres")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
# SQLSTATEs after which a transaction may simply run again: serialization failure, deadlock,
# and a unique violation (an officer inserted the same change an instant earlier).
_RETRYABLE = {"40001", "40P01", "23505"}


class ServerError(Exception):
    """A server store cannot be reached or used; the message says what to do."""


class PasswordNeeded(ServerError):
    """The server asked for a password that neither the URL, PGPASSWORD nor pgpass gave."""


def is_url(location: str) -> bool:
    """True when ``--db`` names a database server rather than a file."""
    return bool(_SCHEME.match(location))


def server_url(location: str) -> URL:
    """The SQLAlchemy URL of a ``postgresql://`` location, with the psycopg 3 driver.

    Raises :class:`ServerError` for any other scheme, so that ``mysql://...`` is not silently
    taken for a folder name.
    """
    scheme = _SCHEME.match(location)
    name = scheme.group(1).lower() if scheme else ""
    base = name.split("+", 1)[0]
    if base not in SERVER_SCHEMES:
        raise ServerError(
            f"cmsdesk cannot use a {name or 'such a'} database: --db takes a file path "
            "(SQLite) or postgresql://user@host/dbname.")
    try:
        url = make_url(location)
    except ArgumentError as exc:
        raise ServerError(f"{display(location)} is not a valid database address: {exc}. "
                          "Write it as postgresql://user@host:port/dbname.") from exc
    if not url.database:
        raise ServerError(f"{display(location)} names no database: write it as "
                          "postgresql://user@host:port/dbname.")
    return url.set(drivername="postgresql+psycopg")


def display(location: str) -> str:
    """A location safe to print: a password in the URL is replaced by ***."""
    if not is_url(location):
        return location
    parts = urlsplit(location)
    if parts.password is None:
        return location
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return parts._replace(netloc=netloc).geturl()


def driver_missing_message() -> str:
    return ("the PostgreSQL driver is not installed: install cmsdesk with its PostgreSQL extra "
            "(pip install 'cmsdesk[postgres]').")


def connect(url: URL, password: str | None = None) -> Engine:
    """An engine for ``url`` whose write transactions run SERIALIZABLE, after checking that the
    server answers. Raises :class:`ServerError` (or :class:`PasswordNeeded`) with a message."""
    try:
        import psycopg  # noqa: F401  (the optional extra)
    except ImportError as exc:
        raise ServerError(driver_missing_message()) from exc
    if password is not None:
        url = url.set(password=password)
    engine = create_engine(url, isolation_level="SERIALIZABLE", pool_pre_ping=True,
                           connect_args={"connect_timeout": 10,
                                         "application_name": "cmsdesk"})
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except DBAPIError as exc:
        engine.dispose()
        raise connection_error(url, exc) from exc
    return engine


def connection_error(url: URL, exc: DBAPIError) -> ServerError:
    """A one-line message for a failed connection, by what the server or libpq said."""
    where = url.render_as_string(hide_password=True).replace("+psycopg", "")
    said = str(getattr(exc, "orig", exc)).strip().splitlines()[0] if str(exc) else ""
    lowered = said.lower()
    if "password authentication failed" in lowered:
        return ServerError(f"the server {where} refused the password for {url.username}: "
                           "check it (PGPASSWORD or your pgpass file) or ask IT.")
    if "no password supplied" in lowered or "password is required" in lowered:
        return PasswordNeeded(f"the server {where} asks for a password for {url.username}: "
                              "set PGPASSWORD, add it to your pgpass file, or type it when asked.")
    if "does not exist" in lowered and "database" in lowered:
        return ServerError(f"the database {url.database} does not exist on the server: "
                           "ask IT to create it (docs/installing.md), then run cmsdesk init.")
    if "role" in lowered and "does not exist" in lowered:
        return ServerError(f"the server {where} has no user {url.username}: ask IT to create "
                           "one for you (docs/installing.md).")
    return ServerError(f"cannot reach the database server {where}: {said or exc}. Check the "
                       "address and the network; you can keep working on a local copy and "
                       "merge it back later as a bundle (docs/installing.md).")


def current_revision(engine: Engine) -> str | None:
    """The Alembic revision of the database, or None for an empty database.

    Raises :class:`ServerError` for a database that holds another program's tables: cmsdesk
    writes nothing into it.
    """
    with engine.connect() as conn:
        names = set(inspect(conn).get_table_names())
        if "alembic_version" in names and "changes" in names:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    if names:
        shown = ", ".join(sorted(names)[:5])
        raise ServerError(f"the database {engine.url.database} holds tables of another program "
                          f"({shown}...): cmsdesk wrote nothing. Give cmsdesk an empty database.")
    return None


def serialize_migrations(conn: Connection) -> None:
    """Hold a transaction-scoped advisory lock while migrating, so that two officers opening
    a new or old master at once do not both create the tables."""
    conn.execute(text("SELECT pg_advisory_xact_lock(hashtext('cmsdesk-migrate'))"))


@contextmanager
def writers_queue(engine: Engine) -> Iterator[None]:
    """Wait for the turn of writers that failed to serialize before, and hold it meanwhile.

    A transaction that keeps being cancelled (a large import among many small edits) must
    still get through. The turn is an advisory lock held on a connection of its own, taken
    before the transaction starts: taken inside a SERIALIZABLE transaction it would wait with
    the snapshot of the moment it was asked for, and fail again.
    """
    with engine.connect() as conn:
        conn = conn.execution_options(isolation_level="AUTOCOMMIT")
        conn.execute(text("SELECT pg_advisory_lock(hashtext('cmsdesk-writers'))"))
        try:
            yield
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(hashtext('cmsdesk-writers'))"))


def is_retryable(exc: BaseException) -> bool:
    """True for an error after which the whole transaction may run again unchanged."""
    orig = getattr(exc, "orig", None)
    return getattr(orig, "sqlstate", None) in _RETRYABLE


def failure_message(exc: BaseException) -> str | None:
    """A one-line message for an error the PostgreSQL server raised during a command, or None
    when ``exc`` did not come from it. The transaction was rolled back: nothing was saved."""
    orig = getattr(exc, "orig", None)
    if orig is None or not type(orig).__module__.startswith("psycopg"):
        return None
    state = getattr(orig, "sqlstate", None) or ""
    first = (str(orig).strip().splitlines() or [""])[0]
    if state.startswith(("08", "57P")) or "connection" in first.lower():
        return ("the connection to the database server was lost: nothing of this operation "
                "was saved. Check the network and try again.")
    if state in _RETRYABLE:
        return ("other officers kept changing the same fields at the same moment: nothing of "
                "this operation was saved. Try again.")
    return f"the database server refused the operation ({first}): nothing of it was saved."


def notify(conn: Connection, plan_id: str, sender: str) -> None:
    """Tell the other officers' windows that ``plan_id`` changed (delivered at commit);
    ``sender`` names the open store that wrote, so that it can ignore its own news."""
    conn.execute(text("SELECT pg_notify(:channel, :payload)"),
                 {"channel": CHANNEL, "payload": f"{plan_id} {sender}"})


def listen(engine: Engine, timeout: float = 1.0,
           stop: Callable[[], bool] | None = None) -> Iterator[tuple[str, str] | None]:
    """Yield (plan id, sender) for each notification, on a connection of its own; yield None
    every ``timeout`` seconds without one, so that the caller can stop (``stop()`` true ends
    it)."""
    raw = engine.raw_connection()
    try:
        driver = raw.driver_connection
        driver.autocommit = True
        driver.execute(f"LISTEN {CHANNEL}")
        while stop is None or not stop():
            ready, _, _ = select.select([driver.fileno()], [], [], timeout)
            if not ready:
                yield None
                continue
            for note in driver.notifies(timeout=0, stop_after=None):
                plan_id, _, sender = note.payload.partition(" ")
                yield plan_id, sender
    finally:
        raw.close()
