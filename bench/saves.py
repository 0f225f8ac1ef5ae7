"""Measurement 7, field saves: what the editor does when a user stops typing, 1,000 times.

The editor records typing through ``PlanEditor.set_field`` (one transaction per save: the change
appended, the field projected, committed). The store runs with ``synchronous=FULL`` in WAL mode,
so every commit waits for the disk to confirm the write-ahead log: a save that returned survives a
power cut. Each save changes one sentence of a target's text (a different target each time, on
the plan of 1,000 nodes), as a delegate's typing does; the median and the 99th percentile of the
1,000 saves are reported, after ten unrecorded ones. The floor beside it is a bare SQLite commit
of one row of the same size to a table of its own in the same file, with the same settings:
what the disk's flush alone costs on this machine.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import time
from pathlib import Path

from sqlalchemy import select

from bench.plans import sentence
from bench.report import Figure, Measurement, median
from bench.sentences import join, split
from cmsdesk.models import queries
from cmsdesk.models.commands import PlanEditor
from cmsdesk.models.schema import Node
from cmsdesk.models.store import Store

GOAL_MEDIAN_S = 0.010
WARM_UP = 10


def _percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _saves(db: Path, count: int, seed: int) -> list[float]:
    rng = random.Random(f"saves:{seed}")
    with Store.open(db) as store:
        with store.session() as s:
            plan_id = queries.find_plan(s, None).id
            targets = [e.id for e in queries.outline(s, plan_id) if e.kind == "target"]
            texts = dict(s.execute(select(Node.id, Node.text).where(Node.id.in_(targets))).all())
        editor = PlanEditor(store, plan_id)
        out: list[float] = []
        for i in range(count + WARM_UP):
            target = targets[i % len(targets)]
            tokens = split(texts[target]) or [("", "")]
            k = rng.randrange(len(tokens))
            tokens[k] = (sentence(rng), tokens[k][1])
            texts[target] = join(tokens)
            start = time.perf_counter()
            editor.set_field(target, "text", texts[target])
            if i >= WARM_UP:
                out.append(time.perf_counter() - start)
    return out


def _floor(db: Path, count: int, size: int) -> list[float]:
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("CREATE TABLE IF NOT EXISTS bench_floor (x TEXT)")
        out: list[float] = []
        for i in range(count + WARM_UP):
            start = time.perf_counter()
            conn.execute("BEGIN")
            conn.execute("INSERT INTO bench_floor VALUES (?)", ("x" * size,))
            conn.execute("COMMIT")
            if i >= WARM_UP:
                out.append(time.perf_counter() - start)
    finally:
        conn.close()
    return out


def measure(folder: Path, large: Path, count: int, seed: int) -> Measurement:
    m = Measurement("field_saves", "Field saves")
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "saves.db"
    shutil.copyfile(large, db)
    saves = _saves(db, count, seed)
    floor = _floor(folder / "floor.db", count, 1200)
    m.samples = {"save_s": saves, "floor_s": floor}
    m.details = {"saves": count, "synchronous": "FULL", "journal_mode": "WAL"}
    mid, p99 = median(saves), _percentile(saves, 0.99)
    m.add(Figure(f"field save, median of {count:,} (99th percentile {p99 * 1000:.1f} ms)", mid,
                 "s", median(floor), "a bare durable SQLite commit of one row",
                 goal=f"< {GOAL_MEDIAN_S * 1000:.0f} ms", met=mid < GOAL_MEDIAN_S),
          Figure("field save, 99th percentile", p99, "s", _percentile(floor, 0.99),
                 "the bare commit's 99th percentile"))
    return m
