"""Keys bound to Parties, and the quarantine of changes that claim a Party with another key.

The Secretariat registers which keys speak for which Party by pinning them (``cmsdesk keys pin
PEER [--party P]``): a pinned peer's Party is the one its key speaks for. A Party with at least
one pinned key is *registered*. Then a change received:

* under a replica whose key is pinned, claiming another Party than the one that key speaks for
  (Kenya's key signing as Brazil), or
* claiming a registered Party, under a replica whose key is not pinned (a second installation
  calling itself Kenya), or
* built on a change held in quarantine, or
* claiming to be a Party's Word reply or letter recorded at the Secretariat (``recorded_by``)
  but signed with another key than its recorder's, or by a key registered for a Party
  (a recording signed by a Secretariat installation pinned here is not held for the Party it
  claims: it is verified as recorded, :mod:`cmsdesk.models.trust`),

is not merged into the plan: it is held in the ``quarantine`` table, with the reason (a code and
its arguments, :mod:`cmsdesk.models.held_reasons`, told in each reader's language), until the
Secretariat accepts the key (``keys accept PEER``: the key is pinned for the Party it claims and
the changes join the plan as if they had just arrived) or rejects it (``keys reject PEER``: the
changes stay recorded, marked rejected, and out of the plan). Nothing is lost either way.

Quarantined changes count as held for what a bundle builds on (their counters), so later
bundles of the same sender are still read, and a bundle bringing them again adds nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from cmsdesk.models.changelog import RECORDED_BY, append_changes, version_id
from cmsdesk.models.held_reasons import (
    BUILDS_ON_HELD,
    KEY_OF_OTHER_PARTY,
    RECORDING_BY_PARTY_KEY,
    RECORDING_OTHER_KEY,
    SECRETARIAT,
    THIS_INSTALLATION,
    UNREGISTERED_KEY,
    HeldReason,
)
from cmsdesk.models.parties import directory
from cmsdesk.models.projection import project
from cmsdesk.models.queries import NotFoundError
from cmsdesk.models.schema import Peer, QuarantinedChange
from cmsdesk.models.store import Store
from cmsdesk.sync.format import BundleError
from cmsdesk.sync.peers import peer_of
from cmsdesk.sync.signing import fingerprint, own_public_key

if TYPE_CHECKING:
    from cmsdesk.sync.validate import ParsedBundle, ReceivedChange

HELD = "held"
REJECTED = "rejected"


def registered_parties(session: Session) -> dict[str, list[Peer]]:
    """Party key (:meth:`Directory.key`) -> the pinned peers whose keys speak for it."""
    out: dict[str, list[Peer]] = {}
    for peer in session.scalars(select(Peer).where(Peer.pinned.is_(True))):
        if peer.party:
            out.setdefault(directory().key(peer.party), []).append(peer)
    return out


def quarantined(session: Session) -> list[tuple[str, str, str, int, str]]:
    """(change id, plan, replica, counter, version) of every change held in quarantine (a
    batch import reads them once: :class:`cmsdesk.sync.pending.Unchanged`)."""
    return [tuple(row) for row in session.execute(select(  # type: ignore[misc]
        QuarantinedChange.change_id, QuarantinedChange.plan_id, QuarantinedChange.replica,
        QuarantinedChange.seq, QuarantinedChange.version_id))]


def _recording_reason(session: Session, store: Store, change: ReceivedChange,
                      signer: str | None, registered: dict[str, list[Peer]]
                      ) -> HeldReason | Literal[False] | None:
    """Why a change claiming to be recorded at the Secretariat from a Party's Word reply or
    letter is held: signed with another key than its recorder's, or by a key registered for a
    Party (only the Secretariat records for Parties); False when the recorder is a Secretariat
    installation this store vouches for and its key signed it (then it is not held for the
    Party it claims); None when it cannot be told here (the Party rules below apply)."""
    recorder = change.body[RECORDED_BY]
    by = recorder["replica"]
    recorded = {"party": change.body["author"].get("party", ""), "channel": recorder["from"]}
    if not signer or change.sig is None:
        return None
    d = directory()
    for peers in registered.values():
        for p in peers:
            if p.public_key == signer and p.party and d.key(p.party) != "CMS":
                return HeldReason(RECORDING_BY_PARTY_KEY, key=fingerprint(signer),
                                  registered_for=p.party, **recorded)
    if by == store.replica_id:
        recorder_key, secretariat = own_public_key(store) or "", store.profile.role == "secretariat"
        pinned = True
    else:
        peer = peer_of(session, by)
        recorder_key = peer.public_key if peer is not None else ""
        secretariat = peer is not None and (peer.role == "secretariat" or (
            bool(peer.party) and d.key(peer.party) == "CMS"))
        pinned = peer is not None and peer.pinned
    if recorder_key and signer != recorder_key:
        return HeldReason(
            RECORDING_OTHER_KEY, key=fingerprint(signer), recorder_key=fingerprint(recorder_key),
            recorder=THIS_INSTALLATION if by == store.replica_id else SECRETARIAT, **recorded)
    if recorder_key and pinned and secretariat:
        return False
    return None


def _reason(change: ReceivedChange, peer: Peer | None,
            registered: dict[str, list[Peer]]) -> HeldReason | None:
    d = directory()
    claimed = change.body["author"].get("party", "")
    if peer is not None and peer.pinned and peer.party:
        if claimed and d.key(claimed) != d.key(peer.party):
            return HeldReason(KEY_OF_OTHER_PARTY, party=claimed,
                              key=fingerprint(peer.public_key), registered_for=peer.party)
        return None
    speakers = registered.get(d.key(claimed)) if claimed else None
    if speakers:
        return HeldReason(UNREGISTERED_KEY, party=claimed,
                          keys=tuple(fingerprint(p.public_key) for p in speakers))
    return None


def hold_back(session: Session, store: Store, parsed: ParsedBundle,
              fresh: list[ReceivedChange], *, registered: dict[str, list[Peer]] | None = None,
              held: set[str] | None = None) -> dict[str, HeldReason]:
    """The new changes to hold in quarantine, with the reason of each; reads only.

    ``registered`` (:func:`registered_parties`) and ``held`` (the versions held in
    quarantine) are read here unless given (a batch import reads them once)."""
    registered = registered_parties(session) if registered is None else registered
    held_versions = set(session.scalars(select(QuarantinedChange.version_id))
                        if held is None else held)
    out: dict[str, HeldReason] = {}
    peers: dict[str, Peer | None] = {}
    for change in fresh:
        replica = change.body["replica"]
        if replica == store.replica_id:
            continue
        if replica not in peers:
            peers[replica] = peer_of(session, replica)
        recording = (_recording_reason(session, store, change,
                                       parsed.manifest.key_of(replica), registered)
                     if RECORDED_BY in change.body else None)
        # False: recorded by a Secretariat vouched for here, not held for its Party
        reason = (_reason(change, peers[replica], registered) if recording is None
                  else recording or None)
        if reason is None and any(p in held_versions for p in change.body["parents"]):
            reason = HeldReason(BUILDS_ON_HELD)
        if reason is not None:
            out[change.cid] = reason
            held_versions.add(version_id(change.body, change.cid))
    return out


def hold(session: Session, parsed: ParsedBundle, fresh: list[ReceivedChange],
         reasons: dict[str, HeldReason]) -> None:
    """Record the held changes (whole, with their signatures)."""
    from cmsdesk.models.canonical import canonical_bytes

    session.add_all(QuarantinedChange(
        change_id=c.cid, plan_id=c.body["plan"], replica=c.body["replica"], seq=c.body["seq"],
        version_id=version_id(c.body, c.cid),
        body=canonical_bytes(c.body).decode("utf-8"), signature=c.sig or "",
        party=c.body["author"].get("party", ""), reason=reasons[c.cid].code,
        reason_args=reasons[c.cid].args_json(), origin=parsed.manifest.bundle_id, status=HELD)
        for c in fresh if c.cid in reasons)


class HeldCount(NamedTuple):
    """How many of one author's changes a bundle brought are held, and why (the import
    report's lines)."""

    name: str  # the author's name, or the start of the replica id
    party: str  # as the changes claim it
    count: int
    reason: HeldReason

    @property
    def who(self) -> str:
        return f"{self.name} ({self.party})"


@dataclass
class HeldGroup:
    """What the quarantine holds of one replica: for `cmsdesk keys` and the review panel."""

    replica: str
    name: str
    party: str  # as the changes claim it
    fingerprint: str
    status: str
    count: int
    reason: HeldReason


def list_quarantine(store: Store, plan_id: str | None = None) -> list[HeldGroup]:
    with store.session() as s:
        stmt = select(QuarantinedChange).order_by(QuarantinedChange.replica,
                                                  QuarantinedChange.seq)
        if plan_id is not None:
            stmt = stmt.where(QuarantinedChange.plan_id == plan_id)
        groups: dict[tuple[str, str], HeldGroup] = {}
        for row in s.scalars(stmt):
            group = groups.get((row.replica, row.status))
            if group is None:
                peer = s.get(Peer, row.replica)
                name = json.loads(row.body)["author"].get("name", "")
                key = peer.public_key if peer is not None else ""
                group = groups[(row.replica, row.status)] = HeldGroup(
                    row.replica, name, row.party, fingerprint(key) if key else "", row.status,
                    0, HeldReason.stored(row.reason, row.reason_args))
            group.count += 1
    return list(groups.values())


def _peer_with_held(session: Session, ref: str) -> Peer:
    from cmsdesk.sync.peers import find_peer

    peer = find_peer(session, ref)
    if session.scalars(select(QuarantinedChange.change_id).where(
            QuarantinedChange.replica == peer.replica).limit(1)).first() is None:
        raise NotFoundError(f"nothing from {peer.name or peer.replica[:8]} ({peer.party}) is "
                            "held in quarantine")
    return peer


def accept(store: Store, ref: str) -> tuple[Peer, int]:
    """Register the peer's key for the Party its held changes claim, and merge them."""
    with store.session() as s:
        peer = _peer_with_held(s, ref)
        rows = list(s.scalars(select(QuarantinedChange).where(
            QuarantinedChange.replica == peer.replica).order_by(QuarantinedChange.seq)))
        parties = {r.party for r in rows}
        d = directory()
        if len(parties) > 1:
            raise BundleError(f"the held changes of {peer.name} claim several Parties "
                              f"({', '.join(sorted(parties))}): reject them")
        if peer.pinned and peer.party and d.key(rows[0].party) != d.key(peer.party):
            raise BundleError(f"the key of {peer.name} is registered for {peer.party}: it "
                              f"cannot also speak for {rows[0].party}; reject these changes")
        peer.party = rows[0].party or peer.party
        peer.pinned = True
        bodies: list[tuple[str, dict[str, Any]]] = [(r.change_id, json.loads(r.body))
                                                    for r in rows]
        for r in rows:
            s.delete(r)
        s.flush()
        appended = append_changes(s, bodies, origin=rows[0].origin)
        project(s, appended.fields)
        _release_dependants(s)
        s.expunge(peer)
    return peer, len(rows)


def _release_dependants(session: Session) -> None:
    """Held changes whose only reason was to build on a change now accepted join the plan."""
    while True:
        rows = list(session.scalars(select(QuarantinedChange).where(
            QuarantinedChange.status == HELD,
            QuarantinedChange.reason == BUILDS_ON_HELD)))
        held_versions = set(session.scalars(select(QuarantinedChange.version_id)))
        free = [r for r in rows if not held_versions & set(json.loads(r.body)["parents"])]
        if not free:
            return
        for r in free:
            session.delete(r)
        session.flush()
        appended = append_changes(session, [(r.change_id, json.loads(r.body)) for r in free],
                                  origin=free[0].origin)
        project(session, appended.fields)


def reject(store: Store, ref: str) -> tuple[Peer, int]:
    """Mark the peer's held changes rejected: kept, never merged."""
    with store.session() as s:
        peer = _peer_with_held(s, ref)
        rows = list(s.scalars(select(QuarantinedChange).where(
            QuarantinedChange.replica == peer.replica, QuarantinedChange.status == HELD)))
        for r in rows:
            r.status = REJECTED
        s.flush()
        s.expunge(peer)
    return peer, len(rows)
