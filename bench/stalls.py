"""Measurement 7, stalls: how long the window stops answering during a scripted session.

The window runs in a process of its own (:mod:`bench.stalls_probe`) on a plan of 1,000 nodes,
offscreen, and does what a Secretariat officer does on a busy day: types a filter word in the
outline letter by letter, opens the coverage matrix, exports the plan to Word, imports the
bundles of 130 delegates (each a delta of a few edits to the same plan), then selects 50
targets one after another. A 5 ms timer measures the event loop throughout: a tick that
arrives late means the window could not paint or answer for that long. Reported: the longest
stall and the 99th percentile of the gaps between ticks, and the longest stall of each step;
beside it, the most processor time the GUI thread itself spent between two ticks (a figure of
its own work that a loaded machine does not inflate). Goal: no stall longer than 100 ms.

:func:`prepare` makes the plan and the bundles: the Secretariat's store with the plan, its full
bundle, one delegate's installation that imported it, then per delegate a copy of that
installation with its own replica id and key, two edits and a delta bundle for the Secretariat.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

from bench.coldstart import ROOT, probe_env
from bench.delegates import profile
from bench.plans import large_template, lengthen
from bench.report import Figure, Measurement
from cmsdesk.models import queries
from cmsdesk.models.commands import PlanEditor, create_plan_from_template
from cmsdesk.models.identity import Profile
from cmsdesk.models.store import Store
from cmsdesk.sync.exporter import export_bundle
from cmsdesk.sync.importer import import_bundle
from cmsdesk.sync.signing import PRIVATE_KEY_META

GOAL_S = 0.100
EDITS_PER_DELEGATE = 2


@dataclass
class Session:
    secretariat: Path  # the store the window opens (closed)
    bundles: list[Path]
    nodes: int


def prepare(folder: Path, nodes: int, delegates: int, seed: int) -> Session:
    folder.mkdir(parents=True, exist_ok=True)
    secretariat = folder / "secretariat.db"
    base = folder / "base.cmsb"
    with Store.open(secretariat) as sec:
        sec.set_profile(Profile("Secretariat", "UNEP/CMS", "", "secretariat"))
        plan_id = create_plan_from_template(sec, large_template(nodes, seed)).created or ""
        export_bundle(sec, plan_id, base, full=True)
        replica = sec.replica_id
        with sec.session() as s:
            targets = [e.id for e in queries.outline(s, plan_id) if e.kind == "target"]
    received = folder / "received.db"
    with Store.open(received) as first:
        import_bundle(first, base)
    rng = random.Random(f"stalls:{seed}")
    bundles = []
    for i in range(delegates):
        path = folder / f"delegate-{i + 1:03d}.db"
        shutil.copyfile(received, path)
        with Store.open(path) as store:
            store.replica_id = uuid.uuid4().hex
            store.set_meta("replica_id", store.replica_id)
            store.set_meta(PRIVATE_KEY_META, "")  # a key of its own, made when signing
            store.set_profile(profile(i))
            editor = PlanEditor(store, plan_id)
            for _ in range(EDITS_PER_DELEGATE):
                editor.set_field(rng.choice(targets), "note", lengthen("", rng, 300))
            bundle = folder / f"delegate-{i + 1:03d}.cmsb"
            export_bundle(store, plan_id, bundle, to_peer=replica)
            bundles.append(bundle)
        path.unlink()
    return Session(secretariat, bundles, nodes)


def run_probe(folder: Path, session: Session, name: str) -> dict[str, object]:
    target = folder / f"window-{name}.db"
    shutil.copyfile(session.secretariat, target)
    listing = folder / f"bundles-{name}.json"
    listing.write_text(json.dumps([str(p) for p in session.bundles]))
    out = folder / f"stalls-{name}.json"
    proc = subprocess.run([sys.executable, "-m", "bench.stalls_probe", str(target), str(listing),
                           str(out)], env=probe_env(folder), cwd=ROOT, capture_output=True,
                          text=True, timeout=1800)
    if proc.returncode != 0:
        raise RuntimeError(f"stall probe failed: {proc.stderr.strip()[-1500:]}")
    return dict(json.loads(out.read_text()))


def measure(folder: Path, nodes: int, delegates: int, runs: int, seed: int) -> Measurement:
    m = Measurement("stalls", "Stalls")
    session = prepare(folder, nodes, delegates, seed)
    results = [run_probe(folder, session, str(i)) for i in range(runs)]
    worst = max(results, key=lambda r: float(r["longest_s"]))  # type: ignore[arg-type]
    longest = float(worst["longest_s"])  # type: ignore[arg-type]
    p99 = max(float(r["p99_s"]) for r in results)  # type: ignore[arg-type]
    steps: dict[str, float] = {}
    for r in results:
        for step, value in dict(r["steps"]).items():  # type: ignore[call-overload]
            steps[step] = max(steps.get(step, 0.0), float(value))
    work: dict[str, float] = {}
    for r in results:
        for step, value in dict(r["work_steps"]).items():  # type: ignore[call-overload]
            work[step] = max(work.get(step, 0.0), float(value))
    m.samples = {"longest_s": [float(r["longest_s"]) for r in results],  # type: ignore[arg-type]
                 "p99_s": [float(r["p99_s"]) for r in results],  # type: ignore[arg-type]
                 "longest_work_s": [float(r["longest_work_s"])  # type: ignore[arg-type]
                                    for r in results]}
    m.details = {"delegates": delegates, "nodes": nodes, "longest_by_step_s": steps,
                 "gui_work_by_step_s": work, "ticks": [r["ticks"] for r in results]}
    step_note = "; ".join(f"{k} {v * 1000:.0f} ms" for k, v in steps.items())
    m.add(Figure(f"longest event-loop stall, scripted session, {nodes:,} nodes, {delegates} "
                 "bundles", longest, "s", None, "", f"≤ {GOAL_S * 1000:.0f} ms",
                 longest <= GOAL_S, note=f"99th percentile {p99 * 1000:.0f} ms; by step: "
                 f"{step_note}"))
    work_note = "; ".join(f"{k} {v * 1000:.0f} ms" for k, v in work.items())
    m.add(Figure("the GUI thread's longest own work between two turns of the loop (processor "
                 "time; does not grow with other processes' load)", max(work.values(),
                                                                        default=0.0),
                 "s", None, "", "", None, note=f"by step: {work_note}"))
    return m
