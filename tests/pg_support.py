"""The tests' PostgreSQL server (:mod:`bench.postgres`), and where each test's stores live.

Where the server cannot start (no PostgreSQL binaries, no such user) the PostgreSQL cases are
skipped with the reason, except under CI, where that is a failure: CI must run them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
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
        shutil.rmtree(folder, ignore_errors=True)


def database_name(location: str) -> str:
    return location.rsplit("/", 1)[1]


class Locations:
    """Where a test makes its stores: files in a folder, or databases on the test server.

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
        return self.server.url(self.server.new_database())

    def clone(self, source: str | Path, name: str) -> str | Path:
        if self.server is None:
            target = self.folder / f"{name}-{uuid.uuid4().hex[:8]}.db"
            shutil.copyfile(source, target)
            return target
        return self.server.url(self.server.new_database(template=database_name(str(source))))
