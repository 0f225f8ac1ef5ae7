"""A process that does one batch import and nothing else: run by :mod:`bench.merge_round`.

``python -m bench.import_probe import STORE FILES.json OUT.json`` imports the bundles listed
in FILES.json (in that order) into STORE through ``cmsdesk.sync.importer.import_bundles``;
``check`` instead only reads and checks them (``read_bundle``: zip, signature, manifest, the
ids of the changes that carry their whole value), the part of an import no store can skip (a
change sent as a patch against its parent's value is rebuilt and checked against its id only
with the store, so its check counts in the import, not here); ``memory`` imports under ``tracemalloc`` (slow,
not timed) for the peak of the Python allocations the import makes. OUT.json receives the
seconds the call took, the peak resident memory of the process before and after it
(``ru_maxrss``), the tracemalloc peak, and the reports. A process of its own means the import
starts with cold caches and its memory peak is its own.
"""

from __future__ import annotations

import json
import resource
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any


def _maxrss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def run(mode: str, store_path: Path | str, files: list[Path]) -> dict[str, Any]:
    from cmsdesk.models.store import Store
    from cmsdesk.sync.importer import import_bundles
    from cmsdesk.sync.validate import read_bundle

    store = Store.open(store_path)
    try:
        before = _maxrss_mib()
        if mode == "memory":
            tracemalloc.start()
        start = time.perf_counter()
        if mode == "check":
            parsed = [read_bundle(f) for f in files]
            seconds = time.perf_counter() - start
            reports = [{"ok": True, "new": len(p.changes)} for p in parsed]
        else:
            results = import_bundles(store, files)
            seconds = time.perf_counter() - start
            reports = [{"ok": r.ok, "error": r.error,
                        "new": r.report.new_changes if r.report else 0,
                        "conflicts_created": r.report.conflicts_created if r.report else 0,
                        "merged_clean": r.report.merged_clean if r.report else 0}
                       for r in results]
        after = _maxrss_mib()
        traced = tracemalloc.get_traced_memory()[1] / 2**20 if mode == "memory" else None
        retries = store.retries
    finally:
        store.close()
    return {"seconds": seconds, "maxrss_before_mib": before, "maxrss_after_mib": after,
            "traced_peak_mib": traced, "retries": retries, "reports": reports}


if __name__ == "__main__":
    mode, store_arg, list_arg, out_arg = sys.argv[1:5]
    paths = [Path(p) for p in json.loads(Path(list_arg).read_text())]
    store_location = store_arg if "://" in store_arg else Path(store_arg)  # a server store
    Path(out_arg).write_text(json.dumps(run(mode, store_location, paths)))
