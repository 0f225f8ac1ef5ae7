"""Key rotation: an installation replaces its key with a statement signed by the old one.

A replica's key binds it (:mod:`cmsdesk.sync.authorship`), so a Party that must change its key
(a laptop lost, a key exposed) says so with a *rotation statement*: a small JSON file naming
the installation, its Party, the old and the new key, signed with the old key (which proves
the change comes from whoever held it) and with the new one (which proves the new key's holder
made it). ``cmsdesk keys rotate FILE`` makes a new key, writes the statement and signs this
installation's own changes again with the new key; the Secretariat (and any peer) applies it
with ``cmsdesk keys pin FILE``, after which the installation's bundles verify with the new key,
its registration for its Party carries over, and what the old key signed stays valid.

A statement not signed by the old key, naming an old key that is not the one known for that
installation, or moving the installation to another Party, is refused.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import bindparam, select, update

from cmsdesk.models.canonical import canonical_bytes
from cmsdesk.models.parties import directory
from cmsdesk.models.schema import Change, ChangeSignature, Peer, RetiredKey
from cmsdesk.models.store import Store
from cmsdesk.sync.format import BundleError
from cmsdesk.sync.peers import PeerInfo, _info
from cmsdesk.sync.signing import (
    PRIVATE_KEY_META,
    fingerprint,
    public_key_of,
    sign_change,
    signing_key,
    verify,
)

ROTATION_FORMAT = "cmsdesk-key-rotation"
_FIELDS = ("replica", "name", "party", "old", "new", "date")


def _signed_part(doc: dict[str, Any]) -> bytes:
    return canonical_bytes({k: doc[k] for k in ("format", *_FIELDS)})


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def rotate_key(store: Store, write: Callable[[dict[str, Any]], object]) -> dict[str, Any]:
    """Give this installation a new key; ``write`` saves the rotation statement to send to
    peers first (if it fails, nothing changed), and it is returned.

    This installation's own changes are signed again with the new key, so that the bundles it
    makes from now on verify with it alone.
    """
    old = signing_key(store)
    new = Ed25519PrivateKey.generate()
    profile = store.profile
    doc: dict[str, Any] = {"format": ROTATION_FORMAT, "replica": store.replica_id,
                           "name": profile.name, "party": profile.party,
                           "old": public_key_of(old), "new": public_key_of(new),
                           "date": store.next_clock()}
    signed = _signed_part(doc)
    doc |= {"signature": _b64(old.sign(signed)), "proof": _b64(new.sign(signed))}
    write(doc)
    with store.session() as s:
        s.add(RetiredKey(key=doc["old"], replica=store.replica_id))
        own = select(ChangeSignature.change_id).join(
            Change, Change.id == ChangeSignature.change_id).where(Change.replica == store.replica_id)
        # by statement, not through loaded rows: in an SQLite store the signatures are a view
        # over the change log (migration 0015), whose updates report no row counts to check
        resign = update(ChangeSignature.__table__).where(
            ChangeSignature.__table__.c.change_id == bindparam("cid"))
        signed = [{"cid": cid, "signature": sign_change(new, cid)} for cid in s.scalars(own)]
        if signed:
            s.execute(resign, signed)
    store.set_meta(PRIVATE_KEY_META, _b64(new.private_bytes_raw()))
    return doc


def _check(doc: Any) -> dict[str, str]:
    fields = ("format", *_FIELDS, "signature", "proof")
    if not isinstance(doc, dict) or doc.get("format") != ROTATION_FORMAT or not all(
            isinstance(doc.get(f), str) for f in fields):
        raise BundleError("this is not a cmsdesk key rotation statement (made by 'cmsdesk keys "
                          "rotate')")
    return {f: doc[f] for f in fields}


def _verifies(key: str, signature: str, data: bytes) -> bool:
    try:
        raw = base64.b64decode(signature, validate=True)
    except ValueError:
        return False
    return verify(key, raw, data)


def apply_rotation(store: Store, doc: Any) -> PeerInfo:
    """Replace a known installation's key by the one its rotation statement names."""
    doc = _check(doc)
    signed = _signed_part(doc)
    if doc["replica"] == store.replica_id:
        raise BundleError("this rotation statement is this installation's own: nothing to do")
    if not _verifies(doc["old"], doc["signature"], signed):
        raise BundleError("the key rotation is not signed by the old key it names: refused")
    if not _verifies(doc["new"], doc["proof"], signed):
        raise BundleError("the key rotation is not signed by the new key it names: refused")
    d = directory()
    with store.session() as s:
        peer = s.get(Peer, doc["replica"])
        if peer is None or not peer.public_key:
            raise BundleError(f"no known installation {doc['replica'][:8]} ({doc['party']}): "
                              "import one of its bundles or its key file first")
        if peer.public_key == doc["new"]:
            return _info(peer, {})  # applied already
        if peer.public_key != doc["old"]:
            raise BundleError(
                f"the rotation replaces the key {fingerprint(doc['old'])}, but the key known "
                f"for {peer.name or peer.replica[:8]} ({peer.party}) is "
                f"{fingerprint(peer.public_key)}: refused")
        if peer.party and doc["party"] and d.key(doc["party"]) != d.key(peer.party):
            raise BundleError(f"the rotation would move {peer.name} from {peer.party} to "
                              f"{doc['party']}: refused; a key speaks for one Party")
        taken = s.scalars(select(Peer).where(Peer.public_key == doc["new"])).first()
        if taken is not None:
            raise BundleError(f"the new key already speaks for {taken.name} ({taken.party}): "
                              "refused")
        s.add(RetiredKey(key=doc["old"], replica=peer.replica))
        peer.public_key = doc["new"]
        return _info(peer, {})


def read_rotation(path: Path) -> Any | None:
    """The statement in ``path``, or None when the file is not a rotation statement."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    return doc if isinstance(doc, dict) and doc.get("format") == ROTATION_FORMAT else None
