"""Measurement 12 (opt-in, ``--only growth``): how the costs grow with the round and the store.

Issue 19: the Secretariat's store grows with every round for two years, so the cost per bundle
and per change must stay flat. Two series:

* **Rounds.** One round of the largest size is made (:func:`bench.merge_round.prepare`); its
  first 130, 260, 520 and 1,040 delegates' bundles are each imported into a fresh copy of the
  Secretariat's store, in a process of its own (the merge round's probe). A delegate's edits
  depend only on its index, so the first N delegates of the large round are an N-delegate round.
* **Stores.** Stores of 50,000, 200,000 and 500,000 changes made as the long history's
  (:func:`bench.history.make_store`, each taken further from the one before): their size, ``cmsdesk outline`` beyond start-up (opening
  the store and reading the plan), and ``cmsdesk history`` of the most edited field.

Figures per bundle and per change, and whether the largest stays within 1.5 times the
smallest. With matplotlib installed (the ``bench`` extra) the series are drawn in
``growth.png`` beside the results.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from bench.history import cli, make_store, run_seconds
from bench.merge_round import prepare, run_probe
from bench.report import Figure, Measurement, median
from cmsdesk.models import queries
from cmsdesk.models.schema import Change
from cmsdesk.models.store import Store

FLAT = 1.5  # the largest's cost per unit at most this times the smallest's


def _most_edited(path: Path, plan_id: str) -> tuple[str, str, int]:
    """The node label and field with the most versions, and how many (a field of the original
    language: a language version such as ``actors@fr`` has a history of its own)."""
    with Store.open(path, write=False) as store, store.session() as s:
        eid, fld, count = s.execute(
            select(Change.eid, Change.field, func.count()).where(
                Change.plan_id == plan_id, Change.entity == "node",
                Change.field.not_like("%@%"))
            .group_by(Change.eid, Change.field).order_by(func.count().desc()).limit(1)).one()
        label = next(e.label for e in queries.outline(s, plan_id) if e.id == eid)
    return label, fld, int(count)


def rounds(folder: Path, counts: tuple[int, ...], edits: int, seed: int
           ) -> list[dict[str, Any]]:
    rnd = prepare(folder, max(counts), edits, seed)
    out = []
    for n in counts:
        result, _path = run_probe(rnd, "import", rnd.bundles[:n], f"growth-{n}")
        check, _path = run_probe(rnd, "check", rnd.bundles[:n], f"growth-check-{n}")
        out.append({"bundles": n, "import_s": result["seconds"], "check_s": check["seconds"],
                    "rss_growth_mib": result["maxrss_after_mib"] - result["maxrss_before_mib"],
                    "per_bundle_ms": 1000 * result["seconds"] / n})
    return out


def stores(folder: Path, counts: tuple[int, ...], runs: int, seed: int) -> list[dict[str, Any]]:
    out = []
    helper = cli("outline", "--help")
    db = folder / "store.db"  # each store is the one before, taken further
    making = 0.0
    for n in counts:
        start = time.perf_counter()
        plan_id, held = make_store(db, n, seed)
        making += time.perf_counter() - start
        label, fld, versions = _most_edited(db, plan_id)
        run_seconds(cli("--db", str(db), "outline"))  # the file in the disk cache
        beyond, history = [], []
        for _ in range(runs):  # paired with a start-up of the same moment; never below 1 ms
            base = run_seconds(helper)[0]
            beyond.append(max(run_seconds(cli("--db", str(db), "outline"))[0] - base, 1e-3))
            history.append(max(run_seconds(cli("--db", str(db), "history", label, fld))[0]
                               - base, 1e-3))
        size = db.stat().st_size
        out.append({"changes": held, "making_s": round(making, 1), "bytes": size,
                    "bytes_per_change": size / held, "open_s": median(beyond),
                    "history_field": f"{label} {fld}", "history_versions": versions,
                    "history_s": median(history),
                    "history_ms_per_version": 1000 * median(history) / versions})
    db.unlink()
    return out


def plot(series: dict[str, list[dict[str, Any]]], path: Path) -> Path | None:
    """The two series drawn side by side, or None without matplotlib."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return None
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4.8))
    r = series["rounds"]
    left.plot([x["bundles"] for x in r], [x["per_bundle_ms"] for x in r], "o-",
              label="import, per bundle")
    left.plot([x["bundles"] for x in r], [1000 * x["check_s"] / x["bundles"] for x in r], "s--",
              label="reading and checking only, per bundle")
    left.set_xlabel("delegates' bundles imported")
    left.set_ylabel("ms per bundle")
    left.set_ylim(bottom=0)
    left.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), frameon=False)
    s = series["stores"]
    right.plot([x["changes"] for x in s], [x["bytes_per_change"] for x in s], "o-",
               label="store bytes per change")
    right.set_xlabel("changes in the store")
    right.set_ylabel("bytes per change")
    right.set_ylim(bottom=0)
    twin = right.twinx()
    twin.plot([x["changes"] for x in s], [1000 * x["open_s"] for x in s], "s--", color="C1",
              label="opening (outline beyond start-up), ms")
    twin.set_ylabel("ms")
    twin.set_ylim(bottom=0)
    handles, labels = right.get_legend_handles_labels()
    more, more_labels = twin.get_legend_handles_labels()
    right.legend(handles + more, labels + more_labels, loc="upper center",
                 bbox_to_anchor=(0.5, -0.18), ncol=1, frameon=False)
    fig.suptitle("cmsdesk: cost per bundle and per change as the round and the store grow")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def _flat(values: list[float]) -> float:
    """The largest size's cost against the smallest's."""
    return values[-1] / values[0]


def measure(folder: Path, delegates: tuple[int, ...], changes: tuple[int, ...], edits: int,
            runs: int, seed: int, out: Path) -> Measurement:
    m = Measurement("growth", "Growth")
    folder.mkdir(parents=True, exist_ok=True)
    series = {"rounds": rounds(folder / "rounds", delegates, edits, seed),
              "stores": stores(folder, changes, runs, seed)}
    out.mkdir(parents=True, exist_ok=True)
    (out / "growth.json").write_text(json.dumps(series, indent=1) + "\n")
    drawn = plot(series, out / "growth.png")
    m.details = series | {"plot": str(drawn) if drawn else "matplotlib not installed"}
    r, s = series["rounds"], series["stores"]
    per_bundle = _flat([x["per_bundle_ms"] for x in r])
    per_change = _flat([x["bytes_per_change"] for x in s])
    opening = _flat([x["open_s"] for x in s])
    history = _flat([x["history_ms_per_version"] for x in s])
    goal = f"≤ {FLAT:g}×"
    m.add(
        Figure(f"import per bundle, {r[-1]['bundles']:,} bundles", r[-1]["per_bundle_ms"], "ms",
               r[0]["per_bundle_ms"], f"{r[0]['bundles']} bundles", goal, per_bundle <= FLAT),
        Figure(f"store bytes per change, {s[-1]['changes']:,} changes",
               s[-1]["bytes_per_change"], "B", s[0]["bytes_per_change"],
               f"{s[0]['changes']:,} changes", goal, per_change <= FLAT),
        Figure(f"opening beyond start-up, {s[-1]['changes']:,} changes", s[-1]["open_s"], "s",
               s[0]["open_s"], f"{s[0]['changes']:,} changes", goal, opening <= FLAT),
        Figure(f"a field's history per version shown, {s[-1]['changes']:,} changes",
               s[-1]["history_ms_per_version"], "ms", s[0]["history_ms_per_version"],
               f"{s[0]['changes']:,} changes", goal, history <= FLAT,
               note=f"{s[-1]['history_field']}: {s[-1]['history_versions']:,} versions"),
    )
    return m
