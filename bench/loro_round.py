"""Measurement 10 (optional): the same round merged by Loro, beside cmsdesk's import.

Issue 19 asks that cmsdesk's merge be no slower than a CRDT library's on the same workload, and
keep its lead on merge quality. Loro (the ``loro`` package, in the ``bench`` extra) gets the
round the benchmark's delegates make: the same base texts and, for each delegate, the same
successive field values (:meth:`bench.delegates.EditPlan.edits_of` is deterministic), each
written as the editor window saves it (one commit per save, the text diffed into the CRDT with
``LoroText.update``). Each delegate's updates since the base are a file, as its bundle is.

Timed, in this process and on the same files as cmsdesk: reading the 130 update files and
importing them into the Secretariat's Loro document (the base snapshot loaded first, untimed).
Beside it, in the same run, cmsdesk's import of the round's bundles (a fresh probe process, as
in the merge round). Then the same check of merged text as cmsdesk's (:mod:`bench.sentences`):
a field is *garbled* when its merged text holds a sentence that no version of the field ever
had. Loro merges character runs, so two delegates rewording one sentence give a sentence of
neither; cmsdesk shows both as attributed options.
"""

from __future__ import annotations

import random
import time
from importlib import metadata
from pathlib import Path
from typing import Any

from bench.delegates import EditPlan, edited_fields, field_values
from bench.merge_round import Round, run_probe
from bench.plans import GOAL_FIELDS, TARGET_FIELDS
from bench.report import Figure, Measurement, median
from bench.sentences import unclean_sentences
from cmsdesk.models.changelog import Key
from cmsdesk.models.store import Store


def available() -> bool:
    try:
        import loro  # noqa: F401
    except ImportError:
        return False
    return True


def _name(key: Key) -> str:
    return f"{key.eid}:{key.field}"


def _edit_plan(rnd: Round, seed: int) -> EditPlan:
    """The round's edit plan again, from the Secretariat's store before the import."""
    with Store.open(rnd.secretariat, write=False) as store:
        keys = edited_fields(store, rnd.plan_id, {"goal": GOAL_FIELDS, "target": TARGET_FIELDS})
        return EditPlan(keys, field_values(store, keys), seed)


def write_updates(rnd: Round, plan: EditPlan, edits: int, folder: Path
                  ) -> tuple[bytes, list[Path], dict[str, list[str]]]:
    """The base snapshot, one update file per delegate, and every value each field had."""
    from loro import ExportMode, LoroDoc

    base = LoroDoc()
    for key in plan.keys:
        base.get_text(_name(key)).insert(0, plan.base[key])
    base.commit()
    snapshot = base.export(ExportMode.Snapshot())
    since = base.oplog_vv
    versions: dict[str, list[str]] = {_name(k): [plan.base[k]] for k in plan.keys}
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for index in range(len(rnd.bundles)):
        doc = LoroDoc()
        doc.import_(snapshot)
        for key, value in plan.edits_of(index, edits):
            doc.get_text(_name(key)).update(value)
            doc.commit()
            versions[_name(key)].append(value)
        path = folder / f"delegate-{index + 1:03d}.loro"
        path.write_bytes(doc.export(ExportMode.Updates(since)))
        files.append(path)
    return snapshot, files, versions


def merge(snapshot: bytes, files: list[Path]) -> tuple[float, Any]:
    """Seconds to read and import every update file into the Secretariat's document."""
    from loro import LoroDoc

    doc = LoroDoc()
    doc.import_(snapshot)
    start = time.perf_counter()
    for path in files:
        doc.import_(path.read_bytes())
    return time.perf_counter() - start, doc


def garbled(doc: Any, versions: dict[str, list[str]]) -> dict[str, list[str]]:
    """Fields whose merged text holds sentences no version of the field had."""
    out = {}
    for name, values in versions.items():
        bad = unclean_sentences(doc.get_text(name).to_string(), values)
        if bad:
            out[name] = bad[:2]
    return out


def measure(rnd: Round, edits: int, runs: int, seed: int) -> Measurement:
    m = Measurement("loro_round", "Loro on the same round")
    if not available():
        m.details = {"skipped": "the loro package is not installed: pip install -e '.[bench]'"}
        return m
    plan = _edit_plan(rnd, seed)
    start = time.perf_counter()
    snapshot, files, versions = write_updates(rnd, plan, edits, rnd.folder / "loro")
    making = time.perf_counter() - start
    seconds = []
    doc = None
    for _ in range(runs):
        took, doc = merge(snapshot, files)
        seconds.append(took)
    shuffled = list(files)
    random.Random(f"order:{seed}").shuffle(shuffled)
    _took, other = merge(snapshot, shuffled)
    converged = other.get_deep_value() == doc.get_deep_value()
    bad = garbled(doc, versions)
    ours = [run_probe(rnd, "import", list(rnd.bundles), f"beside-loro-{i}")[0]["seconds"]
            for i in range(runs)]
    n = len(files)
    m.samples = {"loro_import_s": seconds, "cmsdesk_import_s": ours}
    m.details = {"loro": metadata.version("loro"),
                 "delegates": n, "fields": len(versions), "making_updates_s": round(making, 1),
                 "update_bytes": sum(p.stat().st_size for p in files),
                 "bundle_bytes": sum(rnd.sizes), "garbled_examples": dict(list(bad.items())[:3])}
    m.add(
        Figure(f"Loro: read and import the {n} delegates' updates", median(seconds), "s",
               note=f"{sum(p.stat().st_size for p in files):,} bytes of updates"),
        Figure(f"cmsdesk: import of the {n} bundles, same run", median(ours), "s",
               median(seconds), "Loro's merge", "no slower than Loro",
               median(ours) <= median(seconds),
               note="signatures checked, conflicts made, a backup taken"),
        Figure("Loro: fields whose merged text is not clean sentences", len(bad), "",
               goal="0 (cmsdesk: see the merge round)", met=not bad,
               note=f"of {len(versions)} edited fields"),
        Figure("Loro: another order gives the same state", converged, "yes/no"),
    )
    return m
