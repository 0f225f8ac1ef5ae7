"""Measurement 1, cold start: a new process until the main window's first frame, offscreen.

The app (the real ``cmsdesk --db STORE`` start on a store holding the starter plan and a
profile) and the floor (a bare QMainWindow after importing Qt and SQLAlchemy's ORM) run
alternately in new processes, after one unrecorded start of each (so both find their files
in the disk cache and their bytecode compiled, as in an installed program: the probes run
without ``PYTHONDONTWRITEBYTECODE`` even where the shell sets it); see :mod:`bench.start_probe`.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from bench.report import Figure, Measurement, median
from cmsdesk.models.commands import create_plan_from_template
from cmsdesk.models.identity import Profile
from cmsdesk.models.store import Store

GOAL_RATIO = 1.5
# Starts of each kind per run: a start is about a second, and on a shared machine one start in
# a few is slowed by a third or more, so the medians need more samples than the other figures.
STARTS_PER_RUN = 3
ROOT = Path(__file__).resolve().parent.parent


def probe_env(folder: Path) -> dict[str, str]:
    """Offscreen Qt, and settings and data folders of the run's own (never the user's)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed cmsdesk has its bytecode compiled
    env.update({"QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8",
                "XDG_CONFIG_HOME": str(folder / "config"), "XDG_DATA_HOME": str(folder / "data"),
                "PYTHONPATH": str(ROOT)})
    return env


def start_seconds(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from starting ``python -m bench.start_probe ARGS`` to its first frame, and to
    its being ready (the app's panels built after the first frame in place)."""
    started = time.time()
    out = subprocess.run([sys.executable, "-m", "bench.start_probe", *args], env=env,
                         capture_output=True, text=True, timeout=120, cwd=ROOT)
    times = out.stdout.split()
    if out.returncode != 0 or len(times) != 2:
        raise RuntimeError(f"start probe {args[0]} failed: {out.stderr.strip()[-800:]}")
    return float(times[0]) - started, float(times[1]) - started


def measure(folder: Path, runs: int, warm_up: bool = True) -> Measurement:
    m = Measurement("cold_start", "Cold start")
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "starter.db"
    with Store.open(db) as store:
        store.set_profile(Profile("Amina Diallo", "Senegal", "Africa", "focal point"))
        create_plan_from_template(store)
    env = probe_env(folder)
    app_args = ["app", "--db", str(db)]
    if warm_up:
        start_seconds(["floor"], env)
        start_seconds(app_args, env)
    floor: list[float] = []
    app: list[float] = []
    ready: list[float] = []
    for _ in range(runs * STARTS_PER_RUN if warm_up else runs):
        floor.append(start_seconds(["floor"], env)[0])
        shown, in_place = start_seconds(app_args, env)
        app.append(shown)
        ready.append(in_place)
    m.samples = {"app_s": app, "floor_s": floor, "app_ready_s": ready}
    ratio = median(app) / median(floor)
    m.add(Figure("process start to main window shown, starter plan", median(app), "s",
                 median(floor), "bare QMainWindow after importing Qt and SQLAlchemy",
                 f"≤ {GOAL_RATIO}× floor", ratio <= GOAL_RATIO))
    m.add(Figure("process start until the review and merge panels are in place (built after "
                 "the first frame)", median(ready), "s", median(floor),
                 "the same floor"))
    return m
