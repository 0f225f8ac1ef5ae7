"""Importing bundles: all checks first, then one transaction per file, then a report.

A file is read and checked completely (:mod:`cmsdesk.sync.validate`) before the store is
written; then its new changes are appended, its sender and what the sender holds are remembered,
and the fields it touched are projected once, all in one transaction: the store ends with the
whole bundle or none of it, even if the process is killed. Importing the same file twice adds
nothing, because every change is known by its content hash.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from cmsdesk.models.changelog import Key, append_many
from cmsdesk.models.projection import project
from cmsdesk.models.store import Store
from cmsdesk.sync.format import BundleError, Sender
from cmsdesk.sync.peers import VERIFIED, record_holding, remember_sender
from cmsdesk.sync.validate import ParsedBundle, check_against_store, read_bundle


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


def apply_bundle(store: Store, parsed: ParsedBundle, *, plan: str | None = None) -> ImportReport:
    """Write a checked bundle into the store in one transaction, after the store checks."""
    m = parsed.manifest
    if plan is not None and m.plan_id != plan:
        raise BundleError(f"this is a bundle of another plan (\"{m.plan_title}\"), "
                          "not of the one chosen with --plan: refused")
    with store.session() as s:
        check = check_against_store(s, store, parsed)
        fresh = [c for c in parsed.changes if c.cid not in check.held]
        append_many(s, [(c.cid, c.body) for c in fresh], origin=m.bundle_id)
        if remember_sender(s, store, m.sender, m.created) is not None:
            record_holding(s, m.sender.replica, m.plan_id, m.provides)
        proj = project(s, {c.key for c in fresh})
    new = len(parsed.changes) - len(check.held)
    return ImportReport(
        path=parsed.path, bundle_id=m.bundle_id, plan_id=m.plan_id, plan_title=m.plan_title,
        sender=m.sender, trust=check.trust, verified=check.trust in VERIFIED, full=m.full, new_changes=new,
        already_held=len(check.held), merged_clean=len(proj.merged_clean),
        conflicts_created=len(proj.conflicts_opened), conflicts_closed=len(proj.conflicts_closed),
        new_plan=check.new_plan, conflicts=sorted(proj.conflicts_opened))


def import_bundle(store: Store, path: Path | str, *, plan: str | None = None) -> ImportReport:
    """Check and import one bundle file. Raises :class:`BundleError` (store untouched)."""
    return apply_bundle(store, read_bundle(path), plan=plan)


def import_bundles(store: Store, paths: Iterable[Path | str], *,
                   progress: Callable[[int, int, str], None] | None = None,
                   cancelled: Callable[[], bool] | None = None,
                   plan: str | None = None) -> list[ImportResult]:
    """Import several files, each on its own; a refused file does not stop the others.

    ``progress(done, total, name)`` is called before each file and once at the end;
    ``cancelled()`` is asked between files (a file being imported is always finished).
    """
    todo = [Path(p) for p in paths]
    results: list[ImportResult] = []
    for done, path in enumerate(todo):
        if cancelled is not None and cancelled():
            break
        if progress is not None:
            progress(done, len(todo), path.name)
        try:
            results.append(ImportResult(path, import_bundle(store, path, plan=plan), None))
        except BundleError as exc:
            results.append(ImportResult(path, None, str(exc)))
    if progress is not None:
        progress(len(results), len(todo), "")
    return results
