"""A process that does one batch import and nothing else: run by :mod:`bench.merge_round`.

``python -m bench.import_probe import STORE FILES.json OUT.json`` imports the bundles listed
in FILES.json (in that order) into STORE through ``cmsdesk.sync.importer.import_bundles``;
``check`` instead only reads and checks them (``read_bundle``: zip, signature, manifest, the
ids of the changes that carry their whole value), the part of an import no store can skip (a
change sent as a patch against its parent's value is rebuilt and checked against its id only
with the store, so its check counts in the import, not here); ``verify`` reads and checks them
as ``check`` does, then rebuilds every patched change from the version it patches (read from
STORE, one query a file, as the import reads them) and checks every change's signature by the
key its bundle names for its author: reading and verifying everything the files hold, the part
of an import no store can skip when every change is signed and sent as a patch;
``memory`` imports under ``tracemalloc`` (slow, not timed) for the peak of the Python
allocations the import makes. OUT.json receives the
seconds the call took (and the processor time this process spent in it, which other
processes' load does not lengthen), the peak resident memory of the process before and after it
(``ru_maxrss``), the tracemalloc peak, the reports, and the backup the import made of the store
(inside its transaction, when something is new): the seconds it took within the import, its
size, and, for comparison, the seconds and size of the same copy deflated (zlib level 1, made
after the timed import). A process of its own means the import
starts with cold caches and its memory peak is its own.
"""

from __future__ import annotations

import json
import resource
import sys
import time
import tracemalloc
import zlib
from pathlib import Path
from typing import Any


def _maxrss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _deflated(path: Path) -> tuple[float, int]:
    """Seconds and bytes of a zlib-deflated copy of a file (the compressed-backup option)."""
    start = time.perf_counter()
    packer = zlib.compressobj(1)
    size = 0
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            size += len(packer.compress(chunk))
    size += len(packer.flush())
    return time.perf_counter() - start, size


def run(mode: str, store_path: Path | str, files: list[Path]) -> dict[str, Any]:
    from cmsdesk.models.store import Store
    from cmsdesk.sync.importer import import_bundles
    from cmsdesk.sync.validate import read_bundle

    if mode == "verify":
        return _verify_only(store_path, files)

    store = Store.open(store_path)
    backups: list[tuple[float, Path]] = []
    make = store.backup_before

    def timed_backup(action: str, protect: Path | None = None) -> Path | None:
        start = time.perf_counter()
        made = make(action, protect)
        if made is not None:
            backups.append((time.perf_counter() - start, made))
        return made

    store.backup_before = timed_backup  # type: ignore[method-assign]
    try:
        before = _maxrss_mib()
        if mode == "memory":
            tracemalloc.start()
        start, processor = time.perf_counter(), time.process_time()
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
        processor = time.process_time() - processor
        after = _maxrss_mib()
        traced = tracemalloc.get_traced_memory()[1] / 2**20 if mode == "memory" else None
        retries = store.retries
    finally:
        store.close()
    backup: dict[str, Any] = {}
    if backups and store.path is not None:  # a server store is backed up by its IT
        spent, made = backups[0]
        deflate_s, deflate_bytes = _deflated(made)
        backup = {"seconds": spent, "bytes": made.stat().st_size, "deflate_s": deflate_s,
                  "deflate_bytes": deflate_bytes, "store_bytes": store.path.stat().st_size}
    return {"seconds": seconds, "processor_s": processor, "maxrss_before_mib": before,
            "maxrss_after_mib": after,
            "traced_peak_mib": traced, "retries": retries, "reports": reports,
            "backup": backup}


def _verify_only(store_path: Path | str, files: list[Path]) -> dict[str, Any]:
    """The ``verify`` mode: read, rebuild and verify every signature, and time it."""
    from cmsdesk.models.store import Store
    from cmsdesk.sync.pending import Pending
    from cmsdesk.sync.signing import verify_change
    from cmsdesk.sync.validate import read_bundle, restore_values

    store = Store.open(store_path, write=False)
    try:
        start, processor = time.perf_counter(), time.process_time()
        with store.session() as s:
            counts = []
            for f in files:
                parsed = read_bundle(f)
                restore_values(s, parsed.changes, Pending())
                key = parsed.manifest.key_of
                if not all(verify_change(key(c.body["replica"]) or "", c.cid, c.sig)
                           for c in parsed.changes if c.sig is not None):
                    raise SystemExit(f"{f}: a signature does not match")
                counts.append(len(parsed.changes))
        seconds, processor = time.perf_counter() - start, time.process_time() - processor
    finally:
        store.close()
    return {"seconds": seconds, "processor_s": processor,
            "reports": [{"ok": True, "new": n} for n in counts]}


if __name__ == "__main__":
    mode, store_arg, list_arg, out_arg = sys.argv[1:5]
    paths = [Path(p) for p in json.loads(Path(list_arg).read_text())]
    store_location = store_arg if "://" in store_arg else Path(store_arg)  # a server store
    Path(out_arg).write_text(json.dumps(run(mode, store_location, paths)))
