"""The shared store on PostgreSQL beside the file store, on the merge round's bundles.

Three figures, in one run: the import of every bundle into the Secretariat's store as a file
(SQLite) and as a PostgreSQL database (one process each, :mod:`bench.import_probe`); and four
officers importing a quarter of the bundles each at the same moment into one PostgreSQL master
(four processes), reported as bundles per second, with the transactions the server made them run
again. All three must end in the same state. The server is a throwaway one
(:mod:`bench.postgres`); without PostgreSQL the measurement says so and reports nothing.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.merge_round import ROOT, Round, _snapshot, run_probe
from bench.report import Figure, Measurement, median

OFFICERS = 4


def _master(server: Any, rnd: Round) -> str:
    """A new database holding a copy of the Secretariat's store before the round."""
    from cmsdesk.models.store import Store
    from cmsdesk.models.store_copy import copy_store

    url = server.url(server.new_database())
    with Store.open(rnd.secretariat, write=False) as source, Store.open(url) as target:
        copy_store(source, target)
    return url


def _server_snapshot(url: str, plan_id: str) -> dict[str, Any]:
    from cmsdesk.models import queries
    from cmsdesk.models.store import Store

    with Store.open(url, write=False) as store, store.session() as s:
        return queries.snapshot(s, plan_id)


def _import(rnd: Round, url: str, files: list[Path], name: str) -> subprocess.Popen[str]:
    listing = rnd.folder / f"pg-{name}.json"
    listing.write_text(json.dumps([str(p) for p in files]))
    return subprocess.Popen([sys.executable, "-m", "bench.import_probe", "import", url,
                             str(listing), str(rnd.folder / f"pg-{name}.out.json")],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _finish(rnd: Round, proc: subprocess.Popen[str], name: str) -> dict[str, Any]:
    _, err = proc.communicate(timeout=3600)
    if proc.returncode != 0:
        raise RuntimeError(f"PostgreSQL import probe failed: {err.strip()[-1500:]}")
    result: dict[str, Any] = json.loads((rnd.folder / f"pg-{name}.out.json").read_text())
    refused = [r["error"] for r in result["reports"] if not r["ok"]]
    if refused:
        raise RuntimeError(f"{len(refused)} bundle(s) refused, e.g. {refused[0]}")
    return result


def measure(rnd: Round, runs: int) -> Measurement:
    from bench.postgres import PgServer

    m = Measurement("server_store", "Shared store on PostgreSQL")
    folder = Path(tempfile.mkdtemp(prefix="cmsdesk-bench-pg-"))
    try:
        server = PgServer(folder)
    except (RuntimeError, OSError, KeyError, subprocess.CalledProcessError) as exc:
        m.details = {"skipped": f"PostgreSQL could not start here: {exc}"}
        m.add(Figure("PostgreSQL available", 0, "yes/no", note=m.details["skipped"]))
        return m
    try:
        n = len(rnd.bundles)
        sqlite_s: list[float] = []
        pg_s: list[float] = []
        together_s: list[float] = []
        retries: list[int] = []
        reference: dict[str, Any] = {}
        same = True
        for i in range(runs):
            result, path = run_probe(rnd, "import", list(rnd.bundles), f"sqlite-{i}")
            sqlite_s.append(result["seconds"])
            reference = reference or _snapshot(path, rnd.plan_id)
            url = _master(server, rnd)
            pg_s.append(_finish(rnd, _import(rnd, url, list(rnd.bundles), f"one-{i}"),
                                f"one-{i}")["seconds"])
            same = same and _server_snapshot(url, rnd.plan_id) == reference
            url = _master(server, rnd)
            quarters = [rnd.bundles[k::OFFICERS] for k in range(OFFICERS)]
            start = time.perf_counter()
            procs = [_import(rnd, url, q, f"four-{i}-{k}") for k, q in enumerate(quarters)]
            results = [_finish(rnd, p, f"four-{i}-{k}") for k, p in enumerate(procs)]
            together_s.append(time.perf_counter() - start)
            retries.append(sum(r.get("retries", 0) for r in results))
            same = same and _server_snapshot(url, rnd.plan_id) == reference
        m.samples = {"sqlite_import_s": sqlite_s, "postgresql_import_s": pg_s,
                     "four_officers_wall_s": together_s}
        m.details = {"bundles": n, "officers": OFFICERS, "retried_transactions": retries,
                     "server": "PostgreSQL on 127.0.0.1, fsync off (a throwaway server)"}
        m.add(
            Figure(f"import of all {n} bundles into PostgreSQL (one officer)", median(pg_s), "s",
                   median(sqlite_s), "the same import into an SQLite file"),
            Figure(f"{OFFICERS} officers importing a quarter each at once", n / median(together_s),
                   "bundles/s", n / median(pg_s), "one officer importing all",
                   note=f"wall time {median(together_s):.2f} s; transactions run again after a "
                        f"serialization failure: {max(retries)}"),
            Figure("same state as the SQLite import, alone and four at once", same, "yes/no",
                   goal="yes", met=same),
        )
    finally:
        server.stop()
        import shutil

        shutil.rmtree(folder, ignore_errors=True)
    return m
