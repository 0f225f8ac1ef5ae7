"""The tests' PostgreSQL server (:mod:`bench.postgres`), and where each test's stores live.

Where the server cannot start (no PostgreSQL binaries, no such user) the PostgreSQL cases are
skipped with the reason, except under CI, where that is a failure: CI must run them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from bench.postgres import SUPERUSER_PASSWORD, PgServer

__all__ = ["SUPERUSER_PASSWORD", "Locations", "PgServer", "database_name", "running_server"]


@contextmanager
def running_server() -> Iterator[PgServer]:
    # Not under pytest's temporary folder: it is private to root, and the server runs as the
    # postgres user.
    folder = Path(tempfile.mkdtemp(prefix="cmsdesk-pg-"))
    try:
        import psycopg  # noqa: F401
        server = PgServer(folder)
    except (ImportError, RuntimeError, OSError, KeyError, subprocess.CalledProcessError) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        reason = f"PostgreSQL cannot start here: {exc} {detail.decode(errors='replace')[-300:]}"
        if os.environ.get("CI"):
            pytest.fail(f"{reason} (CI must run the PostgreSQL tests)")
        pytest.skip(reason)
    try:
        yield server
    finally:
        server.stop()
        # The data folder holds every database the run made (some hundreds, about 8 MB each):
        # deleting it took up to two minutes at the end of a run, which need not wait for it.
        subprocess.Popen([sys.executable, "-c", "import shutil, sys; "
                          "shutil.rmtree(sys.argv[1], ignore_errors=True)", str(folder)],
                         start_new_session=True, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)


_TEMPLATES: dict[PgServer, str] = {}


def migrated_template(server: PgServer) -> str:
    """A database holding an empty store's tables and nothing else, made once per server.

    A new store on the server is a copy of it (``CREATE DATABASE ... TEMPLATE``): migrating each
    new database took about two seconds of a test's set-up. Opening the copy gives it its own
    replica id and the reference frameworks, as opening a new database does once it has
    migrated it.
    """
    if server not in _TEMPLATES:
        from cmsdesk.models import server as server_store
        from cmsdesk.models.store import _migrate

        name = server.new_database()
        engine = server_store.connect(server_store.server_url(server.url(name)))
        try:
            _migrate(engine.execution_options(isolation_level="READ COMMITTED"))
        finally:
            engine.dispose()
        _TEMPLATES[server] = name
    return _TEMPLATES[server]


def database_name(location: str) -> str:
    return location.rsplit("/", 1)[1]


class Locations:
    """Where a test makes its stores: files in a folder, or databases on the test server.

    ``new`` is an empty store's place (on the server, a copy of :func:`migrated_template`);
    ``clone`` copies a closed store under a new name (a file copy, or ``CREATE DATABASE ...
    TEMPLATE``), which is how the merge tests make many installations from one prepared store.
    """

    def __init__(self, folder: Path, server: PgServer | None = None) -> None:
        self.folder = folder
        self.server = server
        folder.mkdir(parents=True, exist_ok=True)

    @property
    def backend(self) -> str:
        return "postgresql" if self.server else "sqlite"

    def new(self, name: str) -> str | Path:
        if self.server is None:
            return self.folder / f"{name}-{uuid.uuid4().hex[:8]}.db"
        return self.server.url(self.server.new_database(template=migrated_template(self.server)))

    def clone(self, source: str | Path, name: str) -> str | Path:
        if self.server is None:
            target = self.folder / f"{name}-{uuid.uuid4().hex[:8]}.db"
            shutil.copyfile(source, target)
            return target
        return self.server.url(self.server.new_database(template=database_name(str(source))))
