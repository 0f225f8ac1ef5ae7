"""Importing bundles: all checks first, then one transaction, then a report.

A file is read and checked completely (:mod:`cmsdesk.sync.validate`) before the store is
written; then its new changes are appended, its sender and what the sender holds are remembered,
and the fields it touched are projected once, all in one transaction: the store ends with the
whole bundle or none of it, even if the process is killed. Importing the same file twice adds
nothing, because every change is known by its content hash.

A batch (:func:`import_bundles`) is one transaction too: each file is checked against the store
as the earlier files left it (a refused file writes nothing and the others go on), the changes
of the accepted files are appended together (:mod:`cmsdesk.sync.pending`: about ten statements
for the batch instead of for each file), and the fields of all the files are projected once at
the end. Projecting per file re-merged a
much-edited field against all its heads for every bundle that touched it (a consultation round
of 130 bundles took seconds); once per batch, each field is merged once. The store never holds
changes whose state is not projected: a batch killed midway leaves the store as it was.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple

from sqlalchemy.orm import Session

from cmsdesk.models.backups import check_free_space
from cmsdesk.models.changelog import Appended, Key
from cmsdesk.models.held_reasons import HeldReason, english
from cmsdesk.models.projection import Projection, project
from cmsdesk.models.queries import outline
from cmsdesk.models.store import Store
from cmsdesk.printable import printable
from cmsdesk.sync.authorship import AUTHOR_VERIFIED, remember_authors
from cmsdesk.sync.draft_travel import receive, remember_held
from cmsdesk.sync.format import BundleError, Sender
from cmsdesk.sync.peers import (
    VERIFIED,
    forget_peers,
    remember_sender,
    remembering_peers,
)
from cmsdesk.sync.pending import Pending
from cmsdesk.sync.quarantine import HeldCount, hold
from cmsdesk.sync.validate import (
    ParsedBundle,
    StoreCheck,
    check_against_store,
    hostile_content,
    read_bundle,
)
from cmsdesk.sync.window import Window


class AuthorStatus(NamedTuple):
    """An author of a file's new changes and how far known (cmsdesk.sync.authorship). The
    Party is kept apart from the name, as the change names it (in English), so that each reader
    names it in its own language."""

    name: str
    party: str
    status: str

    @property
    def label(self) -> str:
        """The author as the command line names them: "Wanjiru (Kenya)"."""
        return f"{self.name} ({self.party})" if self.party else self.name


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
    # The copy of the store made before the import (or its batch) wrote anything; None when
    # nothing new came (no copy is made then).
    backup: Path | None = None
    alarms: list[str] = field(default_factory=list)  # see :func:`alarms_of`
    # per author of the new changes: who, and how far known (see cmsdesk.sync.authorship)
    authors: list[AuthorStatus] = field(default_factory=list)
    drafts: list[str] = field(default_factory=list)  # named drafts received, as named here
    # changes held in quarantine (cmsdesk.sync.quarantine): who, how many, why
    quarantined: list[HeldCount] = field(default_factory=list)

    def quarantine_lines(self) -> list[str]:
        return [f"  QUARANTINE: {h.count} change(s) by {h.who} held out of the plan: "
                f"{english(h.reason)}; see 'cmsdesk keys' to accept or reject them"
                for h in self.quarantined]

    def author_statuses(self) -> list[AuthorStatus]:
        """Each author of the new changes and how far known, when that says more than the
        sender's line: several authors (a forwarded bundle), or one not as far known as the
        sender."""
        if len(self.authors) < 2 and all(a.status == self.trust for a in self.authors):
            return []
        return list(self.authors)

    def author_lines(self) -> list[str]:
        """:meth:`author_statuses` as the command line prints them."""
        return [f"  {a.label}: {'verified' if a.status in AUTHOR_VERIFIED else 'UNVERIFIED'} "
                f"({a.status})" for a in self.author_statuses()]

    def summary(self) -> str:
        s = self.sender
        where = ", ".join(printable(b, 200) for b in (s.party, s.region) if b)
        who = printable(s.name or "someone", 200) + (f" ({where})" if where else "")
        status = "verified" if self.verified else "UNVERIFIED"
        plan = f"new plan \"{printable(self.plan_title, 200)}\"; " if self.new_plan else ""
        held = sum(h.count for h in self.quarantined)
        quarantine = f" ({held} held in quarantine)" if held else ""
        return (f"{printable(self.path.name)}: from {who}, {status} ({self.trust}): {plan}"
                f"{self.new_changes} new change(s){quarantine}, {self.already_held} already held, "
                f"{self.merged_clean} field(s) merged cleanly, "
                f"{self.conflicts_created} conflict(s) created"
                + "".join(f"; named draft \"{name}\" received" for name in self.drafts))


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
    """A file whose changes a transaction has accepted (appended once its :class:`Pending` is
    flushed: :meth:`appended` then fills in what appending them did), not yet projected."""

    parsed: ParsedBundle
    check: StoreCheck
    deletes: bool  # whether any of its new changes deletes a node
    drafts: list[str] = field(default_factory=list)  # named drafts received (their names here)
    # what its report says of its changes: see _authors and _quarantined
    authors: list[AuthorStatus] = field(default_factory=list)
    quarantined: list[HeldCount] = field(default_factory=list)
    count: int = 0  # changes the file holds
    keys: set[Key] = field(default_factory=set)  # the fields its new changes touch
    concurrent: set[Key] = field(default_factory=set)  # those of them it left with several heads
    new: int = 0  # changes it appended

    def appended(self, done: Appended) -> None:
        self.keys, self.concurrent, self.new = done.fields, done.concurrent, len(done.new)


def _write(session: Session, store: Store, parsed: ParsedBundle, plan: str | None,
           pending: Pending) -> _Written:
    """Check a parsed bundle against the store and ``pending``, then add its new changes to
    ``pending`` and write what it says of its sender; nothing is written if a check fails
    (they all read only)."""
    m = parsed.manifest
    if plan is not None and m.plan_id != plan:
        raise BundleError(f"this is a bundle of another plan (\"{m.plan_title}\"), "
                          "not of the one chosen with --plan: refused")
    check = check_against_store(session, store, parsed, pending)
    fresh = [c for c in parsed.changes if c.cid not in check.held]
    # A batch keeps every file's _Written until its one projection is done: it keeps what the
    # report says of the changes, not the changes (their values, and then their authors, were
    # most of the import's memory).
    written = _Written(replace(parsed, changes=[]), check,
                       any(c.body["op"] == "delete" for c in fresh), [],
                       _authors(parsed, check), _quarantined(parsed, check), len(parsed.changes))
    remember_authors(session, store, parsed, fresh, keep_signatures=False)
    hold(session, parsed, fresh, check.held_back)

    def accept() -> None:
        merged = [c for c in fresh if c.cid not in check.held_back]
        written.keys = {c.key for c in merged}  # none of them is held: all are appended
        pending.add(merged, m.bundle_id, written.appended, signed=fresh)

    if m.drafts:  # naming them reads the change log: the file's changes must be in it
        accept()
        pending.flush(session)
        written.drafts = receive(session, m.plan_id, m.drafts, m.sender)
    sender = remember_sender(session, store, m.sender, m.created) is not None
    if sender and m.drafts:  # most bundles carry none: no query then
        remember_held(session, m.sender.replica, [d["id"] for d in m.drafts])
    # Last, and in memory only: a file refused midway leaves ``pending`` as it was.
    if sender:
        pending.holds(m.sender.replica, m.plan_id, m.provides)
    pending.unchanged.hold([c for c in fresh if c.cid in check.held_back])
    if not m.drafts:
        accept()
    return written


# An import is alarming when it deletes more than this share of a plan's nodes.
ALARM_DELETED_SHARE = 0.1


class _Watch:
    """The live nodes of each plan before a transaction's first file of that plan, to find
    the imports that delete much of a plan."""

    def __init__(self) -> None:
        self.live: dict[str, set[str]] = {}

    def note(self, session: Session, plan_id: str) -> None:
        if plan_id not in self.live:
            self.live[plan_id] = _shown(session, plan_id)

    def deleted(self, session: Session, plan_id: str) -> tuple[int, int]:
        """(nodes shown before and gone now, nodes shown before) for a plan."""
        before = self.live.get(plan_id, set())
        return len(before - _shown(session, plan_id)), len(before)


def _shown(session: Session, plan_id: str) -> set[str]:
    """The nodes of a plan's outline (a deleted node's subtree goes with it)."""
    return {entry.id for entry in outline(session, plan_id)}


def alarms_of(w: _Written, deleted: tuple[int, int]) -> list[str]:
    """Why an import deserves a second look before anyone builds on it: it deletes more than
    a tenth of the plan's nodes. (A sender whose key is not the one seen before is refused:
    :func:`cmsdesk.sync.peers.trust_of`.)"""
    out = []
    gone, total = deleted
    if w.deletes and total and gone > ALARM_DELETED_SHARE * total:
        out.append(f"it deletes {gone} of the plan's {total} parts, goals, targets and other "
                   "sections")
    return out


def _report(w: _Written, merged_clean: int, opened: list[Key], closed: int) -> ImportReport:
    m = w.parsed.manifest
    return ImportReport(
        path=w.parsed.path, bundle_id=m.bundle_id, plan_id=m.plan_id, plan_title=m.plan_title,
        sender=m.sender, trust=w.check.trust, verified=w.check.trust in VERIFIED, full=m.full,
        new_changes=w.count - len(w.check.held), already_held=len(w.check.held),
        merged_clean=merged_clean, conflicts_created=len(opened), conflicts_closed=closed,
        new_plan=w.check.new_plan, conflicts=sorted(opened), authors=w.authors,
        quarantined=w.quarantined, drafts=w.drafts)


def _quarantined(parsed: ParsedBundle, check: StoreCheck) -> list[HeldCount]:
    groups: dict[tuple[str, str, HeldReason], int] = {}
    for c in parsed.changes:
        reason = check.held_back.get(c.cid)
        if reason is not None:
            a = c.body["author"]
            group = (a.get("name") or c.body["replica"][:8], a.get("party", ""), reason)
            groups[group] = groups.get(group, 0) + 1
    return sorted((HeldCount(name, party, n, why) for (name, party, why), n in groups.items()),
                  key=lambda h: (h.who, english(h.reason)))


def _authors(parsed: ParsedBundle, check: StoreCheck) -> list[AuthorStatus]:
    """Each replica with new changes, named as its latest change names its author."""
    latest = {c.body["replica"]: c.body["author"] for c in parsed.changes
              if c.cid not in check.held}
    out = []
    for replica, status in check.authors.items():
        a = latest[replica]
        out.append(AuthorStatus(a.get("name") or replica[:8], a.get("party") or "", status))
    return sorted(out)


def apply_bundle(store: Store, parsed: ParsedBundle, *, plan: str | None = None,
                 backup: bool = True) -> ImportReport:
    """Write a checked bundle into the store in one transaction, after the store checks.

    When it brings something new, the store is first copied (``backup``; a caller importing
    a batch file by file makes one copy, before its first file that changes something).
    """
    _check_space(store, parsed.size)

    def write(s: Session) -> tuple[_Written, Projection, Path | None, tuple[int, int]]:
        watch = _Watch()
        watch.note(s, parsed.manifest.plan_id)
        pending = Pending()
        with remembering_peers(s):
            written = _write(s, store, parsed, plan, pending)
        pending.flush(s)
        # Inside the transaction, the copy reads the state before it (WAL keeps it readable).
        made = store.backup_before("import") if backup and written.new else None
        proj = project(s, written.keys)
        store.check_pages(s)
        return written, proj, made, watch.deleted(s, parsed.manifest.plan_id)

    written, proj, made, deleted = store.write(write)
    report = _report(written, len(proj.merged_clean), sorted(proj.conflicts_opened),
                     len(proj.conflicts_closed))
    report.backup, report.alarms = made, alarms_of(written, deleted)
    return report


def _check_space(store: Store, incoming: int) -> None:
    if store.path is not None:  # a server's disk is its administrators' business
        check_free_space(store.path, incoming)


def import_bundle(store: Store, path: Path | str, *, plan: str | None = None) -> ImportReport:
    """Check and import one bundle file. Raises :class:`BundleError` (store untouched)."""
    return apply_bundle(store, read_bundle(path), plan=plan)


# How many allocations the cyclic garbage collector waits for during a batch (Python's
# default is 700).
BATCH_COLLECTION_THRESHOLD = 10_000


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Run Python's cyclic garbage collector less often during a batch.

    A batch makes hundreds of thousands of short-lived objects (change bodies, rows, sentences
    and their diffs), almost none of them in reference cycles, which are freed as soon as they
    are dropped; the collector, run every 700 allocations, spent 70 to 100 ms of the round's
    import scanning them. Cycles are still collected, every 10,000 allocations, and the
    setting is put back after the batch.
    """
    before = gc.get_threshold()
    gc.set_threshold(BATCH_COLLECTION_THRESHOLD, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


@dataclass
class _Batch:
    """What the transaction of a batch did, before the reports are made."""

    results: list[ImportResult]
    written: list[tuple[int, _Written]]  # index in the results, file
    projection: Projection
    backup: Path | None
    deleted: dict[str, tuple[int, int]]  # per plan, see _Watch.deleted


def import_bundles(store: Store, paths: Iterable[Path | str], *,
                   progress: Callable[[int, int, str], None] | None = None,
                   cancelled: Callable[[], bool] | None = None,
                   plan: str | None = None) -> list[ImportResult]:
    """Import several files in one transaction; a refused file does not stop the others.

    ``progress(done, total, name)`` is called before each file and once at the end;
    ``cancelled()`` is asked between files (the files before are imported). Each report counts
    what the batch's single projection found in the fields that file made concurrent (several
    heads): merged cleanly, and conflicts created, each credited to the first file of the batch
    that made the field concurrent (see :func:`_credit`). The store is copied first (inside the
    transaction) when some file brings something new.
    """
    todo = [Path(p) for p in paths]
    _check_space(store, sum(p.stat().st_size for p in todo if p.is_file()))

    def write(s: Session) -> _Batch:
        with remembering_peers(s):
            return write_files(s)

    def write_files(s: Session) -> _Batch:
        results: list[ImportResult] = []
        written: list[tuple[int, _Written]] = []
        watch = _Watch()
        pending = Pending()
        window = Window(todo)
        for done, path in enumerate(todo):
            if cancelled is not None and cancelled():
                break
            if progress is not None:
                progress(done, len(todo), path.name)
            try:
                parsed = window.take(s, done, pending)
                watch.note(s, parsed.manifest.plan_id)
                if parsed.manifest.drafts:  # see _write: it appends its own changes
                    pending.flush(s)
                # A file refused midway takes back only its own rows (the savepoint).
                with hostile_content(), s.begin_nested():
                    w = _write(s, store, parsed, plan, pending)
            except BundleError as exc:
                forget_peers(s)  # those its savepoint added are gone
                results.append(ImportResult(path, None, str(exc)))
                continue
            pending.flush_if_full(s)
            written.append((len(results), w))
            results.append(ImportResult(path, None, None))
        pending.flush(s)
        made = store.backup_before("import") if any(w.new for _, w in written) else None
        proj = project(s, {k for _, w in written for k in w.keys})
        store.check_pages(s)
        return _Batch(results, written, proj, made,
                      {plan_id: watch.deleted(s, plan_id) for plan_id in watch.live})

    with _fewer_collections():
        batch = store.write(write)
    results = batch.results
    files = [w for _, w in batch.written]
    for (index, w), (clean, opened, closed) in zip(batch.written,
                                                   _credit(files, batch.projection),
                                                   strict=True):
        report = _report(w, clean, opened, closed)
        report.backup = batch.backup
        report.alarms = alarms_of(w, batch.deleted[w.parsed.manifest.plan_id])
        results[index].report = report
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
