"""A private PostgreSQL server for the tests, and where each test's stores live.

The server runs on 127.0.0.1 on a free port with its socket in a private folder, owned by the
``postgres`` system user (initdb refuses root), and is stopped at the end of the session. Where it
cannot start (no PostgreSQL binaries, no such user) the PostgreSQL cases are skipped with the
reason, except under CI, where that is a failure: CI must run them.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

PG_BIN = Path("/usr/lib/postgresql")
SUPERUSER_PASSWORD = "cmsdesk-tests"


def _bin_dir() -> Path | None:
    from_env = os.environ.get("CMSDESK_PG_BIN")
    if from_env:
        return Path(from_env)
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    versions = sorted(PG_BIN.glob("*/bin/pg_ctl"), key=lambda p: int(p.parts[-3]))
    return versions[-1].parent if versions else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgServer:
    """A running server; :meth:`new_database` gives each store its own database."""

    def __init__(self, folder: Path) -> None:
        bindir = _bin_dir()
        if bindir is None:
            raise RuntimeError("PostgreSQL's initdb and pg_ctl were not found "
                               "(apt-get install postgresql)")
        self.folder = folder
        self.port = _free_port()
        self.data = folder / "data"
        self.socket_dir = folder / "socket"
        self.socket_dir.mkdir(parents=True)
        as_user: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(folder, "postgres")
            shutil.chown(self.socket_dir, "postgres")
            as_user = ["runuser", "-u", "postgres", "--"]
        self._as_user = as_user
        self._pg_ctl = str(bindir / "pg_ctl")
        # Passwords are checked on TCP, as on a real server; the superuser's is SUPERUSER_PASSWORD.
        pwfile = folder / "pw"
        pwfile.write_text(SUPERUSER_PASSWORD)
        if as_user:
            shutil.chown(pwfile, "postgres")
        subprocess.run([*as_user, str(bindir / "initdb"), "-D", str(self.data),
                        "--auth-local=trust", "--auth-host=scram-sha-256", "-U", "postgres",
                        f"--pwfile={pwfile}", "-E", "UTF8", "--locale", "C.UTF-8"],
                       check=True, capture_output=True)
        subprocess.run([*as_user, self._pg_ctl, "-D", str(self.data), "-w", "-l",
                        str(folder / "server.log"), "-o",
                        f"-p {self.port} -k {self.socket_dir} -c listen_addresses=127.0.0.1 "
                        "-c fsync=off -c max_connections=200 "
                        "-c max_pred_locks_per_transaction=1024", "start"],
                       check=True, capture_output=True)

    def url(self, database: str, user: str = "postgres",
            password: str | None = SUPERUSER_PASSWORD) -> str:
        auth = f"{user}:{password}" if password else user
        return f"postgresql://{auth}@127.0.0.1:{self.port}/{database}"

    def sql(self, statement: str, database: str = "postgres") -> None:
        """Run one statement as the superuser, outside any transaction (CREATE DATABASE...)."""
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname={database} "
                             f"password={SUPERUSER_PASSWORD}", autocommit=True) as conn:
            conn.execute(statement)  # type: ignore[arg-type]

    def new_database(self, template: str | None = None) -> str:
        """A new empty database (or a copy of ``template``, which nobody may be connected to);
        returns its name."""
        name = f"t_{uuid.uuid4().hex[:12]}"
        self.sql(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        return name

    def stop(self) -> None:
        subprocess.run([*self._as_user, self._pg_ctl, "-D", str(self.data), "-m", "immediate",
                        "stop"], capture_output=True)


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
