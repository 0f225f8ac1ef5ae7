"""Changes a batch import has accepted but not yet appended to the change log.

A batch (:func:`cmsdesk.sync.importer.import_bundles`) checks its files one after the other,
each against the store as the files before it left it, but appends their changes together:
one set of statements for the whole batch instead of one per file (an append costs about ten
statements, whatever its size). Until then the checks of a later file ask this buffer as well
as the store: which changes are held, the highest counter held of each replica, the value and
field of each version, which plans and fields have changes, who made a replica's changes. The
store plus the buffer is exactly what appending file by file would have left.

The buffer is appended (:meth:`Pending.flush`) when it holds many changes (it keeps their
values in memory), before anything reads the change log in a way the checks do not (the named
drafts a file brings), and at the end of the batch, before the projection. The signatures of
the changes and what the files say of their senders (what each holds) are written then too.

It also remembers what the checks read of the store that a batch does not change before its
end (:class:`Unchanged`), so that it is read once, not once per file, and what they read of the
change log since the last flush (:class:`~cmsdesk.sync.store_reads.StoreReads`), most of it for
many files at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from cmsdesk.models.changelog import Appended, Key, append_groups, key_of, version_id
from cmsdesk.models.receipts import record_receipts
from cmsdesk.models.schema import ChangeSignature, Peer, Plan
from cmsdesk.models.submissions import recorded_replicas
from cmsdesk.sync.peers import record_holdings
from cmsdesk.sync.quarantine import quarantined, registered_parties
from cmsdesk.sync.store_reads import StoreReads
from cmsdesk.sync.structure import outline_rows

if TYPE_CHECKING:
    from cmsdesk.sync.validate import ReceivedChange

# Changes kept before they are appended: about 3 MiB of values and bodies in a round.
FLUSH_AT = 1000


@dataclass
class Unchanged:
    """What the checks read of the store that stays as it is until the batch ends: the nodes
    and the original language of each plan (they change when the batch projects, at its end),
    the keys registered for Parties (an import pins nothing), the replicas of the Parties'
    replies and letters recorded here (an import records none), and the changes held in
    quarantine (with those the batch's accepted files hold: :meth:`hold`)."""

    outlines: dict[str, list[tuple[str, str, str | None, str]]] = field(default_factory=dict)
    languages: dict[str, str] = field(default_factory=dict)
    registered: dict[str, list[Peer]] | None = None
    recorded: set[str] | None = None
    # change id -> (plan, replica, counter) and the versions, of the changes held in quarantine
    quarantine: dict[str, tuple[str, str, int]] | None = None
    quarantined: set[str] = field(default_factory=set)

    def outline(self, session: Session, plan_id: str) -> list[tuple[str, str, str | None, str]]:
        if plan_id not in self.outlines:
            self.outlines[plan_id] = outline_rows(session, plan_id)
        return self.outlines[plan_id]

    def language(self, session: Session, plan_id: str) -> str:
        if plan_id not in self.languages:
            self.languages[plan_id] = session.scalar(
                select(Plan.language).where(Plan.id == plan_id)) or "en"
        return self.languages[plan_id]

    def parties(self, session: Session) -> dict[str, list[Peer]]:
        if self.registered is None:
            self.registered = registered_parties(session)
        return self.registered

    def recorded_replicas(self, session: Session) -> set[str]:
        if self.recorded is None:
            self.recorded = recorded_replicas(session)
        return self.recorded

    def held(self, session: Session) -> set[str]:
        """The versions held in quarantine."""
        self._read_quarantine(session)
        return self.quarantined

    def held_ids(self, session: Session, ids: list[str]) -> set[str]:
        """Which of ``ids`` are held in quarantine."""
        held = self._read_quarantine(session)
        return {i for i in ids if i in held}

    def held_counters(self, session: Session, plan_id: str, replicas: list[str]
                      ) -> dict[str, int]:
        """The highest counter held in quarantine of each of ``replicas`` for the plan."""
        out: dict[str, int] = {}
        wanted = set(replicas)
        for plan, replica, seq in self._read_quarantine(session).values():
            if plan == plan_id and replica in wanted:
                out[replica] = max(out.get(replica, 0), seq)
        return out

    def hold(self, changes: list[ReceivedChange]) -> None:
        """Note the changes an accepted file of the batch held in quarantine."""
        if self.quarantine is None:
            return  # read from the store when first needed, with them
        for c in changes:
            self.quarantine[c.cid] = (c.body["plan"], c.body["replica"], c.body["seq"])
            self.quarantined.add(version_id(c.body, c.cid))

    def _read_quarantine(self, session: Session) -> dict[str, tuple[str, str, int]]:
        if self.quarantine is None:
            self.quarantine = {}
            for cid, plan, replica, seq, vid in quarantined(session):
                self.quarantine[cid] = (plan, replica, seq)
                self.quarantined.add(vid)
        return self.quarantine


@dataclass
class Pending:
    """What the batch has accepted and not appended yet (see the module's docstring)."""

    groups: list[tuple[list[tuple[str, dict[str, Any]]], str]] = field(default_factory=list)
    # called with each group's Appended once it is appended, in the order the groups came
    done: list[Callable[[Appended], None]] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    counters: dict[tuple[str, str], int] = field(default_factory=dict)  # (plan, replica) -> seq
    values: dict[str, Any] = field(default_factory=dict)  # version id -> value
    versions: dict[str, set[Key]] = field(default_factory=dict)  # version id -> its fields
    plans: set[str] = field(default_factory=set)
    fields: dict[Key, str] = field(default_factory=dict)  # field -> its plan
    authors: dict[str, tuple[str, str]] = field(default_factory=dict)  # replica -> name, party
    signatures: list[dict[str, str]] = field(default_factory=list)  # rows of change_signatures
    # what the senders are known to hold: (replica, plan) -> version vector
    holdings: dict[tuple[str, str], dict[str, int]] = field(default_factory=dict)
    receipts: list[str] = field(default_factory=list)  # bundles that brought something new
    count: int = 0
    reads: StoreReads = field(default_factory=StoreReads)  # of the change log as it is now
    unchanged: Unchanged = field(default_factory=Unchanged)  # kept across flushes

    def add(self, changes: list[ReceivedChange], origin: str, done: Callable[[Appended], None],
            *, signed: list[ReceivedChange]) -> None:
        """Accept a file's changes (in order; none of them held): appended at the next
        :meth:`flush`, which then calls ``done`` with what appending them did. The signatures
        of ``signed`` (its new changes, those held in quarantine too) are kept then, and when
        there are any, that bundle ``origin`` was received now (the compilation dates proposals
        by receipt: :mod:`cmsdesk.models.receipts`)."""
        self.groups.append(([(c.cid, c.body) for c in changes], origin))
        if signed:
            self.receipts.append(origin)
        self.done.append(done)
        self.signatures += [{"change_id": c.cid, "signature": c.sig} for c in signed
                            if c.sig is not None]
        for c in changes:
            body = c.body
            self.ids.add(c.cid)
            at = (body["plan"], body["replica"])
            self.counters[at] = max(self.counters.get(at, 0), body["seq"])
            vid = version_id(body, c.cid)
            self.values[vid] = body["value"]
            self.versions.setdefault(vid, set()).add(key_of(body))
            self.plans.add(body["plan"])
            self.fields.setdefault(key_of(body), body["plan"])
            a = body["author"]
            self.authors.setdefault(body["replica"], (a["name"], a["party"]))
        self.count += len(changes)

    def holds(self, replica: str, plan_id: str, vector: dict[str, int]) -> None:
        """Note that ``replica`` holds at least ``vector`` of a plan (written at the flush)."""
        known = self.holdings.setdefault((replica, plan_id), {})
        for r, seq in vector.items():
            known[r] = max(known.get(r, 0), seq)

    def flush(self, session: Session) -> None:
        """Append everything accepted so far, as the files came, and forget it."""
        if not self.groups and not self.holdings:
            return
        record_receipts(session, self.receipts)
        for appended, done in zip(append_groups(session, self.groups), self.done, strict=True):
            done(appended)
        if self.signatures:
            session.execute(insert(ChangeSignature.__table__), self.signatures)
        if self.holdings:
            record_holdings(session, self.holdings)
        fresh = Pending(unchanged=self.unchanged)
        self.__dict__.update(fresh.__dict__)

    def flush_if_full(self, session: Session) -> None:
        if self.count >= FLUSH_AT:
            self.flush(session)
