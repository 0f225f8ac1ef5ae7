"""Making a bundle: the changes a recipient lacks, as patches where shorter, signed, in one zip.

For a known peer the bundle holds only the changes above what that peer is known to hold (per
replica, since counters run per replica and plan); otherwise, or with ``full``, every change of the
plan. Changes go in local arrival order, which is causal: a change's parents always arrived before
it. A change edited from a version the recipient holds or receives on an earlier line carries a
patch of that version's value when that is shorter (:mod:`cmsdesk.sync.patch`): a one-sentence
edit then costs about the sentence, not the whole text. Building and writing are separate so a
window can show the size before saving.
"""

from __future__ import annotations

import base64
import dataclasses
import io
import json
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Row, and_, bindparam, or_, select
from sqlalchemy.orm import Session

from cmsdesk.atomic import write_bytes_atomic
from cmsdesk.models.canonical import canonical_bytes, normalize
from cmsdesk.models.changelog import BODY_COLUMNS, body_text, chunks, version_vector
from cmsdesk.models.commands import PlanEditor
from cmsdesk.models.queries import NotFoundError
from cmsdesk.models.schema import Change, ChangeSignature, Peer, Plan
from cmsdesk.models.store import Store
from cmsdesk.models.trust import recorded_here
from cmsdesk.sync import format as fmt
from cmsdesk.sync.draft_travel import outgoing, remember_held
from cmsdesk.sync.patch import encoded, shortest_patch
from cmsdesk.sync.peers import find_peer, holding, record_holding
from cmsdesk.sync.signing import public_key_of, sign, sign_change, signing_key

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

# Zip entries carry a date; a fixed one keeps the bytes independent of the time of day.
_ZIP_DATE = (2015, 1, 1, 0, 0, 0)
_VALUES = select(Change.version_id, Change.value).where(
    Change.version_id.in_(bindparam("ids", expanding=True)))


@dataclass
class BuiltBundle:
    """A bundle in memory, ready to be written."""

    data: bytes
    manifest: fmt.Manifest
    changes: int
    recipient: str | None  # replica of the peer it was made for
    recipient_label: str

    @property
    def size(self) -> int:
        return len(self.data)

    @property
    def full(self) -> bool:
        return self.manifest.full


def change_line(cid: str, body_json: str, sig: str | None = None) -> bytes:
    """One change line, as canonical JSON: the change and its signature by its author's key
    (format 3.0), or its id where it has none (a change made before 3.0)."""
    tail = b',"id":"' + cid.encode("ascii") if sig is None else b',"sig":"' + sig.encode("ascii")
    return b'{"change":' + body_json.encode("utf-8") + tail + b'"}'


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def note_text(manifest: fmt.Manifest) -> bytes:
    """The archive comment: what the file is and how to open it, short (it is in every bundle,
    and a one-sentence delta must stay under a kilobyte) and at most ``NOTE_LIMIT`` bytes."""
    count = f"{manifest.count} change" + ("" if manifest.count == 1 else "s")
    note = (f"cmsdesk draft bundle from {_shorten(manifest.sender.label(), 40)}: {count} to "
            f"\"{_shorten(manifest.plan_title, 20)}\". Open with cmsdesk.")
    # cut to the limit on a character boundary (names in some scripts take 3 bytes a letter)
    return note.encode("utf-8")[:fmt.NOTE_LIMIT].decode("utf-8", "ignore").encode("utf-8")


def pack(members: dict[str, bytes], comment: bytes = b"") -> bytes:
    """Zip the members, deflated, in the given order, with ``comment`` as the archive comment."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, _ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data, compresslevel=9)
        zf.comment = comment
    return buf.getvalue()


def signature_line(signature: bytes) -> bytes:
    """The last line of ``bundle.jsonl``: the signature of every line before it."""
    line = json.dumps({"signature": base64.b64encode(signature).decode("ascii")},
                      separators=(",", ":"))
    return line.encode("ascii") + b"\n"


def _base_values(session: Session, rows: Sequence[Row[Any]]) -> dict[str, str]:
    """The values (canonical JSON text) of every version the rows name as parent: those the
    bundle carries, and the others in one batch of queries."""
    values = {row.version_id: row.value for row in rows}
    wanted = sorted({p for row in rows for p in json.loads(row.parents)} - set(values))
    for part in chunks(wanted):
        values.update(session.execute(_VALUES, {"ids": list(part)}).all())
    return values


def _lines(rows: Sequence[Row[Any]], values: dict[str, str], sigs: dict[str, str]) -> bytes:
    """The change lines, each with a patch of one of its parents' values where shorter."""
    out = []
    for row in rows:
        cid, body = row.id, body_text(row)
        patch = shortest_patch(row.value, [values.get(p) for p in json.loads(row.parents)])
        sig = sigs.get(cid)
        if patch is None:
            out.append(change_line(cid, body, sig))
        else:
            doc = json.loads(body)
            del doc["value"]
            tail = {"id": cid} if sig is None else {"sig": sig}
            out.append(encoded({"change": doc | {"patch": patch.to_json()}} | tail))
    return b"".join(line + b"\n" for line in out)


def _signatures(session: Session, store: Store, private: Ed25519PrivateKey,
                rows: Sequence[Row[Any]]) -> tuple[dict[str, str], dict[str, str]]:
    """The signature of every change the bundle carries, and the key of every other replica
    whose signed changes it carries. This installation's changes not yet signed (made before
    format 3.0, or since the last bundle), and those it recorded from a Party's Word reply or
    letter (their submission replica is bound to this installation's key), are signed now, and
    the signatures kept."""
    sigs = {row.id: row.signature for row in rows if row.signature is not None}
    recorded = {row.replica for row in rows if recorded_here(row.extra, store.replica_id)}
    own = [row.id for row in rows if row.signature is None
           and (row.replica == store.replica_id or row.replica in recorded)]
    for cid in own:
        sigs[cid] = sign_change(private, cid)
    session.add_all(ChangeSignature(change_id=cid, signature=sigs[cid]) for cid in own)
    others = sorted({row.replica for row in rows
                     if row.id in sigs and row.replica != store.replica_id} - recorded)
    keys = {p.replica: p.public_key for p in session.scalars(
        select(Peer).where(Peer.replica.in_(others))) if p.public_key} if others else {}
    keys |= dict.fromkeys(recorded, public_key_of(private))
    # a signature whose key this store does not hold could not be checked: sent unsigned
    sendable = {row.id: sigs[row.id] for row in rows
                if row.id in sigs and (row.replica == store.replica_id or row.replica in keys)}
    return sendable, keys


def build_bundle(store: Store, plan_id: str, *, to_peer: str | None = None,
                 full: bool = False) -> BuiltBundle:
    """Make a signed bundle of a plan: for ``to_peer`` what it lacks, else the whole plan."""
    private = signing_key(store)
    profile = store.profile
    with store.session() as s:  # refusals first: a refused export writes nothing
        if s.get(Plan, plan_id) is None:
            raise NotFoundError(f"no plan {plan_id} in this store")
        if to_peer:
            find_peer(s, to_peer)
    PlanEditor(store, plan_id).number_options()  # the bundle shows them: their numbers hold
    with store.session() as s:
        plan = s.get(Plan, plan_id)
        assert plan is not None
        ours = version_vector(s, plan_id)
        peer = find_peer(s, to_peer) if to_peer else None
        known = {} if full or peer is None else (holding(s, peer.replica, plan_id) or {})
        requires = {r: min(known[r], seq) for r, seq in ours.items() if known.get(r, 0) > 0}
        stmt = (select(Change.id, Change.version_id, *BODY_COLUMNS, ChangeSignature.signature)
                .outerjoin(ChangeSignature, ChangeSignature.change_id == Change.id)
                .where(Change.plan_id == plan_id))
        if requires:
            stmt = stmt.where(or_(Change.replica.not_in(requires), *(
                and_(Change.replica == r, Change.seq > n) for r, n in requires.items())))
        rows = s.execute(stmt.order_by(Change.arrival)).all()
        sigs, keys = _signatures(s, store, private, rows)
        drafts = outgoing(s, plan_id, peer.replica if peer else None)
        changes = _lines(rows, _base_values(s, rows), sigs)
        title = plan.title
    sender = fmt.Sender(store.replica_id, profile.name, profile.party, profile.region,
                        profile.role, public_key_of(private))
    manifest = fmt.Manifest(
        bundle_id="", created=store.next_clock(), plan_id=plan_id,  # the id names the signed bytes
        plan_title=title, sender=sender, kind="delta" if requires else "full",
        recipient=peer.replica if peer else None, requires=requires, provides=ours,
        count=len(rows), version=(fmt.MAJOR, fmt.MINOR), keys=keys, drafts=drafts)
    signed = canonical_bytes(normalize(manifest.to_json())) + b"\n" + changes
    manifest = dataclasses.replace(manifest, bundle_id=fmt.bundle_id(signed))
    data = pack({fmt.DATA: signed + signature_line(sign(private, signed))}, note_text(manifest))
    return BuiltBundle(data, manifest, len(rows), peer.replica if peer else None,
                       (peer.party or peer.name or peer.replica[:8]) if peer else "")


def write_bundle(store: Store, built: BuiltBundle, out_path: Path | str) -> Path:
    """Write a built bundle atomically; then count its recipient as holding what it carries."""
    path = write_bytes_atomic(out_path, built.data)
    if built.recipient is not None:
        with store.session() as s:
            record_holding(s, built.recipient, built.manifest.plan_id, built.manifest.provides)
            remember_held(s, built.recipient, [d["id"] for d in built.manifest.drafts])
    return path


def export_bundle(store: Store, plan_id: str, out_path: Path | str, *,
                  to_peer: str | None = None, full: bool = False) -> BuiltBundle:
    built = build_bundle(store, plan_id, to_peer=to_peer, full=full)
    write_bundle(store, built, out_path)
    return built
