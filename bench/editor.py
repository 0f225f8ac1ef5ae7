"""Measurement 6, the editor: selecting a target until the editor shows it, offscreen.

The real main window runs in a process of its own (:mod:`bench.editor_probe`), once per run, on
the plan of 1,000 nodes and, as the baseline, on the starter plan (about 50 nodes).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bench.coldstart import ROOT, probe_env
from bench.report import Figure, Measurement, median

GOAL_S = 0.030


def selections(folder: Path, db: Path, count: int, name: str) -> list[float]:
    out = folder / f"editor-{name}.json"
    proc = subprocess.run([sys.executable, "-m", "bench.editor_probe", str(db), str(count),
                           str(out)], env=probe_env(folder), cwd=ROOT, capture_output=True,
                          text=True, timeout=600)
    if proc.returncode != 0:
        raise RuntimeError(f"editor probe failed: {proc.stderr.strip()[-1500:]}")
    return list(json.loads(out.read_text()))


def measure(folder: Path, starter_db: Path, large_db: Path, nodes: int, runs: int,
            count: int) -> Measurement:
    m = Measurement("editor", "Editor")
    folder.mkdir(parents=True, exist_ok=True)
    large: list[float] = []
    small: list[float] = []
    for i in range(runs):
        small += selections(folder, starter_db, count, f"starter-{i}")
        large += selections(folder, large_db, count, f"large-{i}")
    m.samples = {"large_plan_s": large, "starter_plan_s": small}
    m.details = {"selections_per_run": count}
    m.add(Figure(f"select a target until the editor is filled, {nodes:,} nodes", median(large),
                 "s", median(small), "the same in the starter plan", f"< {GOAL_S * 1000:.0f} ms",
                 median(large) < GOAL_S, note=f"90th percentile {_p90(large) * 1000:.0f} ms"))
    return m


def _p90(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]
