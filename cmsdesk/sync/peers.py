"""Known peers: who sent us bundles, with which key, and what each is known to hold.

Trust is "trust on first use" with pinning. The first bundle from a replica (or the first
change of it forwarded by another, :mod:`cmsdesk.sync.authorship`) teaches us its key (the report
says the sender is unverified); later bundles must carry the same key, and one claiming that
sender with another key is refused: a replica's key binds it. The Secretariat can *pin* a focal
point's key (from a bundle already received, or from a key file the focal point exported) after
checking its fingerprint with them, which makes the sender verified.

What a peer holds of a plan is a version vector: from the ``provides`` of every bundle it sent
us, and, optimistically, from what we sent it. Over-estimating is harmless (a delta it cannot
import is refused, naming the earlier bundle it lacks, and a full bundle always works).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from cmsdesk.models.queries import NotFoundError
from cmsdesk.models.schema import Peer, PeerHolding
from cmsdesk.models.store import Store
from cmsdesk.sync.format import BundleError, Sender
from cmsdesk.sync.signing import decode_public_key, fingerprint, own_public_key

KEY_FILE_FORMAT = "cmsdesk-key"

# How far the sender of a bundle is known (the signature itself is always valid by then).
NEW_KEY = "new key"  # never seen this replica: key remembered, sender unverified
KNOWN_KEY = "known key"  # the key seen in earlier bundles of this replica
PINNED_KEY = "pinned key"  # the key pinned by the user
OWN_KEY = "this installation"  # a bundle this store made itself
VERIFIED = (KNOWN_KEY, PINNED_KEY, OWN_KEY)


@dataclass
class PeerInfo:
    replica: str
    name: str
    party: str
    region: str
    role: str
    public_key: str
    pinned: bool
    last_seen: str
    holdings: dict[str, dict[str, int]] = field(default_factory=dict)  # plan -> vector

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key) if self.public_key else ""

    def label(self) -> str:
        from cmsdesk.printable import printable

        who = printable(self.name or self.replica[:8], 200)
        return f"{who} ({printable(self.party, 200)})" if self.party else who


def list_peers(store: Store) -> list[PeerInfo]:
    """Every known peer, by Party then name, with what each holds of each plan."""
    with store.session() as s:
        holdings: dict[str, dict[str, dict[str, int]]] = {}
        for h in s.scalars(select(PeerHolding)):
            holdings.setdefault(h.replica, {})[h.plan_id] = json.loads(h.vector)
        peers = [_info(p, holdings.get(p.replica, {})) for p in s.scalars(select(Peer))]
    return sorted(peers, key=lambda p: (p.party.casefold(), p.name.casefold(), p.replica))


def _info(p: Peer, holdings: dict[str, dict[str, int]]) -> PeerInfo:
    return PeerInfo(p.replica, p.name, p.party, p.region, p.role, p.public_key, p.pinned,
                    p.last_seen, holdings)


def find_peer(session: Session, ref: str) -> Peer:
    """A peer named by replica id (or a prefix of 6+ characters), Party (its code or a name in
    any language, :mod:`cmsdesk.models.parties`) or person."""
    from cmsdesk.models.parties import directory

    peers = list(session.scalars(select(Peer)))
    wanted = ref.strip().casefold()
    party = directory().key(ref)
    for matcher in (lambda p: p.replica == ref,
                    lambda p: len(wanted) >= 6 and p.replica.startswith(wanted),
                    lambda p: bool(p.party) and directory().key(p.party) == party,
                    lambda p: p.name.casefold() == wanted):
        found = [p for p in peers if matcher(p)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            names = "; ".join(f"{p.name} ({p.replica[:8]})" for p in found)
            raise NotFoundError(f"{ref!r} names several peers ({names}): use the replica id")
    known = ", ".join(sorted(p.party or p.name or p.replica[:8] for p in peers)) or "none yet"
    raise NotFoundError(f"no known peer {ref!r} (known: {known}); without --to the bundle "
                        "holds the whole plan")


# Session.info key of the peers a batch import has looked up (see remembering_peers)
_PEERS = "cmsdesk.sync.peers"


@contextmanager
def remembering_peers(session: Session) -> Iterator[None]:
    """Within a batch import, :func:`peer_of` asks the store once per peer instead of at every
    check of every file (a new sender was looked up four times a file, each a query)."""
    session.info[_PEERS] = {}
    try:
        yield
    finally:
        session.info.pop(_PEERS, None)


def forget_peers(session: Session) -> None:
    """After a file's savepoint was rolled back: the peers it added are gone."""
    if _PEERS in session.info:
        session.info[_PEERS] = {}


def peer_of(session: Session, replica: str) -> Peer | None:
    """The known peer of a replica (``session.get``, remembered in a batch import)."""
    known = session.info.get(_PEERS)
    if known is None:
        return session.get(Peer, replica)
    if replica not in known:
        known[replica] = session.get(Peer, replica)
    return known[replica]


def remember_peers(session: Session, replicas: set[str]) -> None:
    """Within a batch import, look up the peers of several replicas at once (those of a window
    of files: see :func:`cmsdesk.sync.validate.read_ahead`); elsewhere, nothing."""
    known = session.info.get(_PEERS)
    if known is None:
        return
    missing = sorted(replicas - set(known))
    for start in range(0, len(missing), 300):
        part = missing[start:start + 300]
        found = {p.replica: p for p in session.scalars(select(Peer).where(
            Peer.replica.in_(part)))}
        known.update((r, found.get(r)) for r in part)


def add_peer(session: Session, peer: Peer) -> None:
    session.add(peer)
    known = session.info.get(_PEERS)
    if known is not None:
        known[peer.replica] = peer


def trust_of(session: Session, store: Store, sender: Sender) -> str:
    """How far the sender is known. Refuses a known sender with another key. Never writes."""
    if sender.replica == store.replica_id:
        if sender.key != own_public_key(store):
            raise BundleError("the bundle claims to come from this installation but is signed "
                              "with another key: it was forged or made by a copy of this store")
        return OWN_KEY
    peer = peer_of(session, sender.replica)
    if peer is None or not peer.public_key:
        return NEW_KEY
    if peer.public_key == sender.key:
        return PINNED_KEY if peer.pinned else KNOWN_KEY
    raise BundleError(
        f"the bundle claims to come from {peer.name or sender.name} ({peer.party}), whose "
        f"key is {'pinned' if peer.pinned else 'known'} ({fingerprint(peer.public_key)}), but "
        f"it is signed with another key ({fingerprint(sender.key)}): refused. Ask the sender "
        "how they made it; if they rotated their key, apply their rotation statement with "
        "'cmsdesk keys pin FILE' first.")


def remember_sender(session: Session, store: Store, sender: Sender, seen: str) -> Peer | None:
    """Remember a sender's identity and key (unless pinned) and when we last heard from it."""
    if sender.replica == store.replica_id:
        return None
    peer = peer_of(session, sender.replica)
    if peer is None:
        peer = Peer(replica=sender.replica, pinned=False, last_seen="")
        add_peer(session, peer)
    peer.name, peer.region, peer.role = sender.name, sender.region, sender.role
    if not peer.pinned:  # a pinned key keeps the Party it is registered for
        peer.party = sender.party
        peer.public_key = sender.key
    peer.last_seen = max(peer.last_seen or "", seen)
    return peer


def holding(session: Session, replica: str, plan_id: str) -> dict[str, int] | None:
    row = session.get(PeerHolding, (replica, plan_id))
    return None if row is None else json.loads(row.vector)


def record_holding(session: Session, replica: str, plan_id: str, vector: dict[str, int]) -> None:
    """Raise what ``replica`` is known to hold of a plan to at least ``vector``."""
    record_holdings(session, {(replica, plan_id): vector})


def record_holdings(session: Session, vectors: dict[tuple[str, str], dict[str, int]]) -> None:
    """:func:`record_holding` for several (replica, plan) pairs, reading their rows at once."""
    rows: dict[tuple[str, str], PeerHolding] = {}
    replicas = sorted({replica for replica, _ in vectors})
    for start in range(0, len(replicas), 300):
        for row in session.scalars(select(PeerHolding).where(
                PeerHolding.replica.in_(replicas[start:start + 300]))):
            rows[(row.replica, row.plan_id)] = row
    for (replica, plan_id), vector in vectors.items():
        row = rows.get((replica, plan_id))
        known: dict[str, int] = {} if row is None else json.loads(row.vector)
        merged = dict(known)
        for r, seq in vector.items():
            merged[r] = max(merged.get(r, 0), seq)
        if row is None:
            session.add(PeerHolding(replica=replica, plan_id=plan_id,
                                    vector=json.dumps(merged, sort_keys=True)))
        elif merged != known:
            row.vector = json.dumps(merged, sort_keys=True)


# -- keys: pinning and key files -----------------------------------------------------------


def _speaks_for(party: str | None, claimed: str) -> str:
    """The Party a pinned key is registered for: ``party`` (resolved in the list of Parties),
    else the one the peer names."""
    from cmsdesk.models.parties import directory

    if party is None:
        return claimed
    return directory().resolve(party).name


def pin(store: Store, ref: str, *, pinned: bool = True, party: str | None = None) -> PeerInfo:
    """Pin (or unpin) the key we hold for a peer, after checking its fingerprint with them;
    a pinned key is registered for the peer's Party (or ``party``): see
    :mod:`cmsdesk.sync.quarantine`."""
    with store.session() as s:
        peer = find_peer(s, ref)
        if not peer.public_key:
            raise NotFoundError(f"no key known for {peer.name or peer.replica}: import a bundle "
                                "or a key file from them first")
        peer.party = _speaks_for(party, peer.party) if pinned else peer.party
        peer.pinned = pinned
        return _info(peer, {})


def key_file_json(store: Store, public_key: str) -> dict[str, str]:
    """What ``cmsdesk keys export`` writes: this installation's identity and public key."""
    profile = store.profile
    return {"format": KEY_FILE_FORMAT, "replica": store.replica_id, "name": profile.name,
            "party": profile.party, "region": profile.region, "role": profile.role,
            "key": public_key}


def pin_key_file(store: Store, path: Path, *, party: str | None = None) -> PeerInfo:
    """Pin the key in a file another installation exported, creating the peer if new."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise BundleError(f"cannot read the key file {path}: {exc}") from exc
    fields = ("replica", "name", "party", "region", "role", "key")
    if (not isinstance(doc, dict) or doc.get("format") != KEY_FILE_FORMAT
            or not all(isinstance(doc.get(f), str) for f in fields)
            or not 0 < len(doc["replica"]) <= 32 or decode_public_key(doc["key"]) is None):
        raise BundleError(f"{path} is not a cmsdesk key file (made by 'cmsdesk keys export')")
    if doc["replica"] == store.replica_id:
        raise BundleError(f"{path} holds this installation's own key; nothing to pin")
    sender = Sender(*(doc[f] for f in fields))
    speaks_for = _speaks_for(party, sender.party)
    with store.session() as s:
        peer = s.get(Peer, sender.replica)
        if peer is not None and peer.pinned and peer.public_key != sender.key:
            raise BundleError(f"{peer.name or peer.replica} is pinned to another key "
                              f"({fingerprint(peer.public_key)}): unpin it first")
        if peer is not None:
            peer.pinned = False  # let remember_sender take the key from the file
        peer = remember_sender(s, store, sender, "")
        assert peer is not None  # not our own replica, checked above
        peer.pinned = True
        peer.party = speaks_for
        return _info(peer, {})
