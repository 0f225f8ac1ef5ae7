"""Who made each change a bundle brings, provably: per-change signatures and replica keys.

From bundle format 3.0 every change is signed by the key of the replica (installation) that
made it, and the signature travels with the change wherever it is forwarded: a focal point's
regional bundle carries its delegates' changes with their own signatures, so the Secretariat
checks each change against its author's key, not against the focal point's.

A replica's key is learnt the first time a signed change of it arrives (from its own bundle or
forwarded), or pinned by the user, and from then on binds the replica: a change under that
replica must be signed with that key. So no bundle can place changes under another replica,
and none can use up its counters (which would make the genuine replica's bundles be refused).
A replica under which this installation recorded a Party's Word reply or letter is bound to this
installation's own key from the start (:func:`cmsdesk.models.submissions.recorded_submission`).
The author named inside a change (name, Party, region, role) is part of what its id hashes and
so of what is signed: changing it makes another change, which cannot reuse the counter.

Changes made before format 3.0 carry no signature. They are still imported and shown as
unverified (``unsigned``), unless their replica's key is known here: then an unsigned change
under it is refused, since its author would have signed it.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from cmsdesk.models.changelog import RECORDED_BY
from cmsdesk.models.parties import directory
from cmsdesk.models.schema import ChangeSignature, Peer, RetiredKey
from cmsdesk.models.store import Store
from cmsdesk.sync.format import BundleError
from cmsdesk.sync.peers import add_peer, peer_of
from cmsdesk.sync.signing import fingerprint, own_public_key, verify_change

if TYPE_CHECKING:
    from cmsdesk.sync.validate import ParsedBundle, ReceivedChange

# How far the author of a bundle's new changes is known (see cmsdesk.sync.peers for senders).
AUTHOR_OWN = "this installation"
AUTHOR_PINNED = "pinned key"
AUTHOR_KNOWN = "known key"
AUTHOR_NEW = "new key"
AUTHOR_UNSIGNED = "unsigned"
# a Party's Word reply or letter recorded, and signed, by a Secretariat installation vouched for
# here (cmsdesk.models.trust): verified as recorded, not as the Party's own key
AUTHOR_RECORDED = "recorded by the Secretariat"
AUTHOR_VERIFIED = (AUTHOR_OWN, AUTHOR_PINNED, AUTHOR_KNOWN, AUTHOR_RECORDED)


def retired_keys(session: Session, replica: str) -> set[str]:
    """The keys an installation replaced by rotations (:mod:`cmsdesk.sync.rotation`)."""
    return set(session.scalars(select(RetiredKey.key).where(RetiredKey.replica == replica)))


def _who(change: ReceivedChange) -> str:
    author = change.body["author"]
    name, party = author.get("name", ""), author.get("party", "")
    return f"{name} ({party})" if name and party else (name or party or "someone")


def _by_replica(fresh: list[ReceivedChange]) -> dict[str, list[ReceivedChange]]:
    out: dict[str, list[ReceivedChange]] = {}
    for change in fresh:
        out.setdefault(change.body["replica"], []).append(change)
    return out


def _recorded_by_vouched(session: Session, store: Store, changes: list[ReceivedChange],
                         key: str) -> bool:
    """Whether every change names as its recorder one Secretariat installation this store
    vouches for (itself, or pinned) whose key is ``key``, the one that signed them."""
    recorders = {(c.body.get(RECORDED_BY) or {}).get("replica") for c in changes}
    if len(recorders) != 1 or None in recorders:
        return False
    [by] = recorders
    if by == store.replica_id:
        return store.profile.role == "secretariat" and own_public_key(store) == key
    peer = peer_of(session, by)
    return (peer is not None and peer.pinned and peer.public_key == key
            and (peer.role == "secretariat" or directory().key(peer.party) == "CMS"))


def check_authors(session: Session, store: Store, parsed: ParsedBundle,
                  fresh: list[ReceivedChange], recorded: Collection[str]) -> dict[str, str]:
    """Check every new change's signature against its replica's key; reads only.

    ``recorded``: the replicas under which this installation recorded a Party's reply or
    letter (:func:`cmsdesk.models.submissions.recorded_replicas`).

    Returns how far each replica with new changes is known (``AUTHOR_*``). Refuses a bundle
    whose changes are signed with another key than the one known for their replica, unsigned
    under a replica whose key is known, or whose signature does not match.
    """
    m = parsed.manifest
    statuses: dict[str, str] = {}
    for replica, changes in _by_replica(fresh).items():
        who = _who(changes[-1])
        peer = None if replica == store.replica_id else peer_of(session, replica)
        # a Party's reply or letter recorded here is bound to this installation's key
        mine = replica == store.replica_id or replica in recorded
        known = own_public_key(store) if mine else (
            peer.public_key if peer is not None and peer.public_key else None)
        signed = [c for c in changes if c.sig is not None]
        if known and len(signed) < len(changes):
            raise BundleError(
                f"the bundle holds unsigned changes under the name of {who}, whose key this "
                f"store knows ({fingerprint(known)}): they were not made there: refused")
        key = m.key_of(replica)
        if signed and key is None:
            raise BundleError(f"the bundle holds changes by {who} signed with a key it does not "
                              "name: the file was altered: refused")
        # the keys that may have signed them: the one bound to the replica, and those it
        # replaced by a rotation (changes signed before it), or the bundle's for a new replica
        good = [key or ""] if not known else [known, *sorted(retired_keys(session, replica))]
        if signed and key not in good:
            raise BundleError(
                f"the bundle holds changes under the name of {who} signed with another key "
                f"({fingerprint(key or '')}) than the one this store knows for them "
                f"({fingerprint(known or '')}): refused; a bundle cannot place changes under "
                "another installation (if they rotated their key, apply their rotation "
                "statement with 'cmsdesk keys pin FILE' first)")
        order = [key or "", *(k for k in good if k != key)]
        for change in signed:
            if not any(verify_change(k, change.cid, change.sig or "") for k in order):
                raise BundleError(f"a change by {who} does not match its signature: it was "
                                  "altered or forged: refused")
        if replica == store.replica_id:
            statuses[replica] = AUTHOR_OWN
        elif signed and _recorded_by_vouched(session, store, changes, key or known or ""):
            statuses[replica] = AUTHOR_RECORDED
        elif not signed:
            statuses[replica] = AUTHOR_UNSIGNED
        elif known:
            statuses[replica] = AUTHOR_PINNED if peer is not None and peer.pinned \
                else AUTHOR_KNOWN
        else:
            statuses[replica] = AUTHOR_NEW
    return statuses


def remember_authors(session: Session, store: Store, parsed: ParsedBundle,
                     fresh: list[ReceivedChange], *, keep_signatures: bool = True) -> None:
    """Keep the signatures of the new changes (unless the caller does:
    ``keep_signatures=False``), and learn the key of each replica first seen (as its latest
    change names its author), so that its later changes are bound to it."""
    m = parsed.manifest
    if keep_signatures:
        session.add_all(ChangeSignature(change_id=c.cid, signature=c.sig)
                        for c in fresh if c.sig is not None)
    for replica, changes in _by_replica(fresh).items():
        if replica in (store.replica_id, m.sender.replica):
            continue  # the sender is remembered by cmsdesk.sync.peers.remember_sender
        key = m.key_of(replica) if any(c.sig is not None for c in changes) else None
        peer = peer_of(session, replica)
        if peer is None:
            author = changes[-1].body["author"]
            peer = Peer(replica=replica, name=author.get("name", ""),
                        party=author.get("party", ""), region=author.get("region", ""),
                        role=author.get("role", ""), public_key="", pinned=False, last_seen="")
            add_peer(session, peer)
        if key and not peer.public_key:
            peer.public_key = key
