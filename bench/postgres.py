"""A throwaway PostgreSQL server on 127.0.0.1, for the benchmark and the tests.

It runs as the ``postgres`` system user when started by root (initdb refuses root), with its
data and socket in a private folder, on a free port, with passwords checked on TCP as on a real
server. ``python -m bench --only server_store`` and ``tests/pg_support.py`` start one each.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import uuid
from pathlib import Path

PG_BIN = Path("/usr/lib/postgresql")
SUPERUSER_PASSWORD = "cmsdesk-tests"
START_ATTEMPTS = 3


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
        # The free port can be taken before the server binds it (another test process starting
        # its own server at the same moment): then start again on another one.
        for attempt in range(START_ATTEMPTS):
            if attempt:
                self.port = _free_port()
            started = subprocess.run(
                [*as_user, self._pg_ctl, "-D", str(self.data), "-w", "-l",
                 str(folder / "server.log"), "-o",
                 f"-p {self.port} -k {self.socket_dir} -c listen_addresses=127.0.0.1 "
                 "-c fsync=off -c max_connections=200 "
                 "-c max_pred_locks_per_transaction=1024", "start"],
                capture_output=True)
            if started.returncode == 0:
                break
        started.check_returncode()

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
