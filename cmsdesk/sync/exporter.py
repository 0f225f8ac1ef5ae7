"""Making a bundle: the changes a recipient lacks, a signed manifest, and a note, in one zip.

For a known peer the bundle holds only the changes above what that peer is known to hold (per
replica, since counters run per replica and plan); otherwise, or with ``full``, every change of the
plan. Changes go in local arrival order, which is causal: a change's parents always arrived before
it. Building and writing are separate so a window can show the size before saving.
"""

from __future__ import annotations

import hashlib
import io
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import and_, or_, select

from cmsdesk.atomic import write_bytes_atomic
from cmsdesk.models.canonical import canonical_bytes, normalize
from cmsdesk.models.changelog import version_vector
from cmsdesk.models.queries import NotFoundError
from cmsdesk.models.schema import Change, Plan
from cmsdesk.models.store import Store
from cmsdesk.sync import format as fmt
from cmsdesk.sync.peers import find_peer, holding, record_holding
from cmsdesk.sync.signing import public_key_of, sign, signing_key

# Zip entries carry a date; a fixed one keeps the bytes independent of the time of day.
_ZIP_DATE = (2015, 1, 1, 0, 0, 0)


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


def change_line(cid: str, body_json: str) -> bytes:
    """One line of ``changes.jsonl``: the change and its id, as canonical JSON."""
    return b'{"change":' + body_json.encode("utf-8") + b',"id":"' + cid.encode("ascii") + b'"}'


def note_text(manifest: fmt.Manifest) -> str:
    """The plain-language note: what the file is and how to open it (short: it is in every
    bundle, and a one-sentence delta should stay near a kilobyte)."""
    return (f"cmsdesk draft bundle from {manifest.sender.label()}: {manifest.count} change(s) "
            f"to \"{manifest.plan_title}\".\nOpen it with cmsdesk: double-click it, or run "
            "cmsdesk bundle import FILE\n")


def pack(members: dict[str, bytes]) -> bytes:
    """Zip the members in the given order (the signature stored, the rest deflated)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, _ZIP_DATE)
            info.compress_type = zipfile.ZIP_STORED if name == fmt.SIGNATURE else zipfile.ZIP_DEFLATED
            zf.writestr(info, data, compresslevel=9)
    return buf.getvalue()


def build_bundle(store: Store, plan_id: str, *, to_peer: str | None = None,
                 full: bool = False) -> BuiltBundle:
    """Make a signed bundle of a plan: for ``to_peer`` what it lacks, else the whole plan."""
    private = signing_key(store)
    profile = store.profile
    with store.session() as s:
        plan = s.get(Plan, plan_id)
        if plan is None:
            raise NotFoundError(f"no plan {plan_id} in this store")
        ours = version_vector(s, plan_id)
        peer = find_peer(s, to_peer) if to_peer else None
        known = {} if full or peer is None else (holding(s, peer.replica, plan_id) or {})
        requires = {r: min(known[r], seq) for r, seq in ours.items() if known.get(r, 0) > 0}
        stmt = select(Change.id, Change.body).where(Change.plan_id == plan_id)
        if requires:
            stmt = stmt.where(or_(Change.replica.not_in(requires), *(
                and_(Change.replica == r, Change.seq > n) for r, n in requires.items())))
        rows = s.execute(stmt.order_by(Change.arrival)).all()
        title = plan.title
    sender = fmt.Sender(store.replica_id, profile.name, profile.party, profile.region,
                        profile.role, public_key_of(private))
    changes = b"".join(change_line(cid, body) + b"\n" for cid, body in rows)
    manifest = fmt.Manifest(
        bundle_id=uuid.uuid4().hex, created=store.next_clock(), plan_id=plan_id,
        plan_title=title, sender=sender, kind="delta" if requires else "full",
        recipient=peer.replica if peer else None, requires=requires, provides=ours,
        count=len(rows), members={}, version=(fmt.MAJOR, fmt.MINOR))
    note = note_text(manifest).encode("utf-8")
    manifest.members.update({fmt.CHANGES: _member(changes), fmt.NOTE: _member(note)})
    manifest_bytes = canonical_bytes(normalize(manifest.to_json()))
    data = pack({fmt.MANIFEST: manifest_bytes, fmt.CHANGES: changes,
                 fmt.SIGNATURE: sign(private, manifest_bytes), fmt.NOTE: note})
    return BuiltBundle(data, manifest, len(rows), peer.replica if peer else None,
                       (peer.party or peer.name or peer.replica[:8]) if peer else "")


def _member(data: bytes) -> tuple[int, str]:
    return len(data), hashlib.sha256(data).hexdigest()


def write_bundle(store: Store, built: BuiltBundle, out_path: Path | str) -> Path:
    """Write a built bundle atomically; then count its recipient as holding what it carries."""
    path = write_bytes_atomic(out_path, built.data)
    if built.recipient is not None:
        with store.session() as s:
            record_holding(s, built.recipient, built.manifest.plan_id, built.manifest.provides)
    return path


def export_bundle(store: Store, plan_id: str, out_path: Path | str, *,
                  to_peer: str | None = None, full: bool = False) -> BuiltBundle:
    built = build_bundle(store, plan_id, to_peer=to_peer, full=full)
    write_bundle(store, built, out_path)
    return built
