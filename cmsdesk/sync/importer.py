"""Importing bundles: all checks first, then one transaction, then a report.

A file is read and checked completely (:mod:`cmsdesk.sync.validate`) before the store is
written; then its new changes are appended, its sender and what the sender holds are remembered,
and the fields it touched are projected once, all in one transaction: the store ends with the
whole bundle or none of it, even if the process is killed. Importing the same file twice adds
nothing, because every change is known by its content hash.

A batch (:func:`import_bundles`) is one transaction too: each file is checked against the store
as the earlier files left it and appended (a refused file writes nothing and the others go on),
and the fields of all the files are projected once at the end. Projecting per file re-merged a
much-edited field against all its heads for every bundle that touched it (a consultation round
of 130 bundles took seconds); once per batch, each field is merged once. The store never holds
changes whose state is not projected: a batch killed midway leaves the store as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from cmsdesk.models.changelog import Key, append_changes
from cmsdesk.models.projection import Projection, project
from cmsdesk.models.receipts import record_receipt
from cmsdesk.models.store import Store
from cmsdesk.sync.format import BundleError, Sender
from cmsdesk.sync.peers import VERIFIED, record_holding, remember_sender
from cmsdesk.sync.validate import ParsedBundle, StoreCheck, check_against_store, read_bundle


@dataclass
class ImportReport:
    """What one import did, for the report a user reads after each file."""

    path: Path
    bundle_id: str
    plan_id: str
    plan_title: str
    sender: Sender
    trust: str  # see cmsdesk.sync.peers: new key, known key, pinned key ...
    verified: bool  # the sender's key is the one seen before, pinned, or this installation's
    full: bool
    new_changes: int
    already_held: int
    merged_clean: int
    conflicts_created: int
    conflicts_closed: int = 0
    new_plan: bool = False
    conflicts: list[Key] = field(default_factory=list)  # fields the import left contested

    def summary(self) -> str:
        s = self.sender
        where = ", ".join(b for b in (s.party, s.region) if b)
        who = f"{s.name or 'someone'}" + (f" ({where})" if where else "")
        status = "verified" if self.verified else "UNVERIFIED"
        plan = f"new plan \"{self.plan_title}\"; " if self.new_plan else ""
        return (f"{self.path.name}: from {who}, {status} ({self.trust}): {plan}"
                f"{self.new_changes} new change(s), {self.already_held} already held, "
                f"{self.merged_clean} field(s) merged cleanly, "
                f"{self.conflicts_created} conflict(s) created")


@dataclass
class ImportResult:
    """The outcome of one file of a batch: a report, or the reason it was refused."""

    path: Path
    report: ImportReport | None
    error: str | None

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class _Written:
    """A file whose changes a transaction has appended, not yet projected."""

    parsed: ParsedBundle
    check: StoreCheck
    keys: set[Key]  # the fields its new changes touch
    concurrent: set[Key]  # those of them it left with several heads


def _write(session: Session, store: Store, parsed: ParsedBundle, plan: str | None) -> _Written:
    """Check a parsed bundle against the store, then append it; nothing is written if a check
    fails (they all read only)."""
    m = parsed.manifest
    if plan is not None and m.plan_id != plan:
        raise BundleError(f"this is a bundle of another plan (\"{m.plan_title}\"), "
                          "not of the one chosen with --plan: refused")
    check = check_against_store(session, store, parsed)
    fresh = [c for c in parsed.changes if c.cid not in check.held]
    appended = append_changes(session, [(c.cid, c.body) for c in fresh], origin=m.bundle_id)
    if fresh:
        record_receipt(session, m.bundle_id)  # the compilation dates proposals by receipt
    if remember_sender(session, store, m.sender, m.created) is not None:
        record_holding(session, m.sender.replica, m.plan_id, m.provides)
    return _Written(parsed, check, set(appended.heads),
                    {k for k, h in appended.heads.items() if len(h) > 1})


def _report(w: _Written, merged_clean: int, opened: list[Key], closed: int) -> ImportReport:
    m = w.parsed.manifest
    return ImportReport(
        path=w.parsed.path, bundle_id=m.bundle_id, plan_id=m.plan_id, plan_title=m.plan_title,
        sender=m.sender, trust=w.check.trust, verified=w.check.trust in VERIFIED, full=m.full,
        new_changes=len(w.parsed.changes) - len(w.check.held), already_held=len(w.check.held),
        merged_clean=merged_clean, conflicts_created=len(opened), conflicts_closed=closed,
        new_plan=w.check.new_plan, conflicts=sorted(opened))


def apply_bundle(store: Store, parsed: ParsedBundle, *, plan: str | None = None) -> ImportReport:
    """Write a checked bundle into the store in one transaction, after the store checks."""
    store.backup_before("import")

    def write(s: Session) -> tuple[_Written, Projection]:
        written = _write(s, store, parsed, plan)
        return written, project(s, written.keys)

    written, proj = store.write(write)
    return _report(written, len(proj.merged_clean), sorted(proj.conflicts_opened),
                   len(proj.conflicts_closed))


def import_bundle(store: Store, path: Path | str, *, plan: str | None = None) -> ImportReport:
    """Check and import one bundle file. Raises :class:`BundleError` (store untouched)."""
    return apply_bundle(store, read_bundle(path), plan=plan)


def import_bundles(store: Store, paths: Iterable[Path | str], *,
                   progress: Callable[[int, int, str], None] | None = None,
                   cancelled: Callable[[], bool] | None = None,
                   plan: str | None = None) -> list[ImportResult]:
    """Import several files in one transaction; a refused file does not stop the others.

    ``progress(done, total, name)`` is called before each file and once at the end;
    ``cancelled()`` is asked between files (the files before are imported). Each report counts
    what the batch's single projection found in the fields that file made concurrent (several
    heads): merged cleanly, and conflicts created, each credited to the first file of the batch
    that made the field concurrent (see :func:`_credit`).
    """
    todo = [Path(p) for p in paths]
    store.backup_before("import")

    def write(s: Session) -> tuple[list[ImportResult], list[tuple[int, _Written]], Projection]:
        results: list[ImportResult] = []
        written: list[tuple[int, _Written]] = []  # index in the results, file
        for done, path in enumerate(todo):
            if cancelled is not None and cancelled():
                break
            if progress is not None:
                progress(done, len(todo), path.name)
            try:
                w = _write(s, store, read_bundle(path), plan)
            except BundleError as exc:
                results.append(ImportResult(path, None, str(exc)))
                continue
            written.append((len(results), w))
            results.append(ImportResult(path, None, None))
        return results, written, project(s, {k for _, w in written for k in w.keys})

    results, written, proj = store.write(write)
    files = [w for _, w in written]
    for (index, w), (clean, opened, closed) in zip(written, _credit(files, proj), strict=True):
        results[index].report = _report(w, clean, opened, closed)
    if progress is not None:
        progress(len(results), len(todo), "")
    return results


def _credit(written: list[_Written], proj: Projection) -> list[tuple[int, list[Key], int]]:
    """Per file of a batch: (fields merged cleanly, conflicts created, conflicts closed).

    A field merged cleanly counts for every file that left it concurrent; a conflict created
    counts for the first file that made its field concurrent, as an import file by file would
    have reported it; a conflict closed, and a conflict no file made concurrent (a deletion
    raced by an edit inside the node), count for the first file that touched the field, else
    the last file.
    """
    first_concurrent: dict[Key, int] = {}
    first_touch: dict[Key, int] = {}
    for i, w in enumerate(written):
        for k in w.concurrent:
            first_concurrent.setdefault(k, i)
        for k in w.keys:
            first_touch.setdefault(k, i)
    last = len(written) - 1

    def owner(key: Key) -> int:
        return first_concurrent.get(key, first_touch.get(key, last))

    opened: list[list[Key]] = [[] for _ in written]
    for k in proj.conflicts_opened:
        opened[owner(k)].append(k)
    closed = [0] * len(written)
    for k in proj.conflicts_closed:
        closed[first_touch.get(k, last)] += 1
    return [(len(w.concurrent & proj.merged_clean), opened[i], closed[i])
            for i, w in enumerate(written)]
