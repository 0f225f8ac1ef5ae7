"""Every check a bundle must pass before an import writes anything.

:func:`read_bundle` checks the file on its own: size, zip structure and compression ratio (zip
bombs), member names (no paths), the manifest's schema and version, the signature over the
manifest, every member's size and hash, every change's shape and id, that every change belongs
to the manifest's plan, and that the changes are exactly what the manifest's version vectors
say. :func:`check_against_store` then checks it against the store, reading only: the sender's
key against pinned keys, and the prerequisites (what the bundle assumes the receiver holds).
Every refusal is a :class:`~cmsdesk.sync.format.BundleError` whose message names the problem.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from cmsdesk.models import rules
from cmsdesk.models.canonical import digest, normalize
from cmsdesk.models.changelog import (
    ChangeFormatError,
    Key,
    check_body,
    chunks,
    key_of,
    key_params,
    of_keys,
    version_id,
)
from cmsdesk.models.schema import Change, Head, Peer
from cmsdesk.models.store import Store
from cmsdesk.sync import format as fmt
from cmsdesk.sync.peers import trust_of
from cmsdesk.sync.signing import verify

_DAMAGED = "the file is damaged or truncated (not a readable zip): ask the sender for it again"


@dataclass
class ReceivedChange:
    cid: str
    body: dict[str, Any]

    @property
    def key(self) -> Key:
        return key_of(self.body)


@dataclass
class ParsedBundle:
    """A bundle whose content has passed every check that needs no store."""

    path: Path
    size: int
    manifest: fmt.Manifest
    changes: list[ReceivedChange]
    note: str
    by_replica: dict[str, set[int]] = field(default_factory=dict)  # counters carried per replica


# -- the file ---------------------------------------------------------------------------------


def _safe_name(name: str) -> bool:
    if not name or "\x00" in name or "/" in name or "\\" in name or ":" in name:
        return False
    return ".." not in name and not PurePosixPath(name).is_absolute() and \
        not PureWindowsPath(name).is_absolute()


def _read_file(path: Path) -> bytes:
    """The file's bytes, read with a bounded read. The bound is the file's size (capped):
    ``read(n)`` allocates n bytes first, and 64 MiB per file made a batch import's memory
    peak look like that much."""
    try:
        with path.open("rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            data = fh.read(min(size, fmt.MAX_FILE_SIZE) + 1)
    except OSError as exc:
        raise fmt.BundleError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if len(data) > fmt.MAX_FILE_SIZE:
        raise fmt.BundleError(f"the file is larger than {fmt.MAX_FILE_SIZE // fmt.MiB} MiB: "
                              "not a bundle cmsdesk would make")
    return data


def _entries(zf: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    infos = zf.infolist()
    if len(infos) > fmt.MAX_ENTRIES:
        raise fmt.BundleError(f"the file has {len(infos)} entries; a bundle has {len(fmt.MEMBERS)}")
    out: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        if not _safe_name(info.filename):
            raise fmt.BundleError(f"the file holds an entry with a path ({info.filename!r}): "
                                  "refused, a bundle holds plain member names only")
        if info.filename in out:
            raise fmt.BundleError(f"the file holds {info.filename} twice: refused")
        out[info.filename] = info
    return out


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """Read one member with a bounded read, after the size and compression ratio checks."""
    limit = fmt.MAX_MEMBER_SIZE[info.filename]
    if info.flag_bits & 0x1:
        raise fmt.BundleError(f"{info.filename} is encrypted: not a cmsdesk bundle")
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise fmt.BundleError(f"{info.filename} uses an unsupported compression method")
    if info.file_size > limit:
        raise fmt.BundleError(f"{info.filename} is too large ({info.file_size} bytes): refused")
    if (info.file_size > fmt.RATIO_FLOOR
            and info.file_size > fmt.MAX_RATIO * max(info.compress_size, 1)):
        raise fmt.BundleError(f"{info.filename} expands more than {fmt.MAX_RATIO} times: "
                              "refused as a possible zip bomb")
    try:
        with zf.open(info) as fh:
            data = fh.read(limit + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError,
            NotImplementedError) as exc:
        raise fmt.BundleError(f"{info.filename}: {_DAMAGED}") from exc
    if len(data) > limit or len(data) != info.file_size:
        raise fmt.BundleError(f"{info.filename} is not the size its zip entry says: {_DAMAGED}")
    return data


def _json(data: bytes, what: str) -> Any:
    def no_constants(name: str) -> Any:
        raise ValueError(f"{name} is not allowed")

    try:
        return json.loads(data.decode("utf-8"), parse_constant=no_constants)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise fmt.BundleError(f"{what} is not valid UTF-8 JSON: the file is damaged") from exc


def read_bundle(path: Path | str) -> ParsedBundle:
    """Read and check a bundle file without touching any store."""
    path = Path(path)
    data = _read_file(path)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        entries = _entries(zf)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, KeyError,
            NotImplementedError) as exc:
        raise fmt.BundleError(_DAMAGED) from exc
    with zf:
        if fmt.MANIFEST not in entries:
            raise fmt.BundleError("the file has no manifest: not a cmsdesk bundle")
        manifest_bytes = _read_member(zf, entries[fmt.MANIFEST])
        manifest = fmt.parse_manifest(_json(manifest_bytes, "the manifest"))
        unexpected = sorted(set(entries) - set(fmt.MEMBERS))
        missing = sorted(set(fmt.MEMBERS) - set(entries))
        if unexpected or missing:
            raise fmt.BundleError("the file does not hold the members of a bundle "
                                  f"(unexpected: {unexpected or 'none'}; missing: "
                                  f"{missing or 'none'})")
        total = sum(i.file_size for i in entries.values())
        if total > fmt.MAX_TOTAL_SIZE:
            raise fmt.BundleError(f"the file expands to {total} bytes: refused")
        signature = _read_member(zf, entries[fmt.SIGNATURE])
        if not verify(manifest.sender.key, signature, manifest_bytes):
            raise fmt.BundleError("the signature does not match the manifest; the "
                                  "file was altered or forged: refused")
        members = {name: _read_member(zf, entries[name]) for name in fmt.HASHED_MEMBERS}
    for name, content in members.items():
        size, sha = manifest.members[name]
        if len(content) != size or hashlib.sha256(content).hexdigest() != sha:
            raise fmt.BundleError(f"{name} does not match the signed manifest; the "
                                  "file was altered or damaged: refused")
    try:
        note = members[fmt.NOTE].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise fmt.BundleError("the note is not UTF-8 text") from exc
    changes = _changes(members[fmt.CHANGES], manifest)
    parsed = ParsedBundle(path, len(data), manifest, changes, note)
    parsed.by_replica = _check_vectors(parsed)
    return parsed


# -- the changes --------------------------------------------------------------------------------


def _changes(raw: bytes, manifest: fmt.Manifest) -> list[ReceivedChange]:
    lines = raw.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    if len(lines) != manifest.count:
        raise fmt.BundleError(f"the bundle holds {len(lines)} changes but its manifest says "
                              f"{manifest.count}: refused")
    out = []
    for number, line in enumerate(lines, 1):
        item = _json(line, f"change {number}")
        if not isinstance(item, dict) or set(item) != {"change", "id"}:
            raise fmt.BundleError(f"change {number} is not an object with its id and content")
        try:
            body = normalize(check_body(item["change"]))
        except (ChangeFormatError, TypeError) as exc:
            raise fmt.BundleError(f"change {number} is malformed: {exc}") from exc
        if digest(body) != item["id"]:
            raise fmt.BundleError(f"change {number}'s content does not match its id: it was "
                                  "altered: refused")
        if body["plan"] != manifest.plan_id or (body["entity"] == "plan"
                                                and body["eid"] != manifest.plan_id):
            raise fmt.BundleError(f"change {number} belongs to another plan than the bundle's "
                                  f"({manifest.plan_title}): refused")
        problem = value_problem(body)
        if problem:
            raise fmt.BundleError(f"change {number} ({body['entity']} {body['field']}): "
                                  f"{problem}: refused")
        out.append(ReceivedChange(item["id"], body))
    return out


def _is_text(v: Any) -> bool:
    return isinstance(v, str)


def _is_bool(v: Any) -> bool:
    return isinstance(v, bool)


def _is_placement(v: Any) -> bool:
    return (isinstance(v, dict) and set(v) <= {"kind", "parent", "pos"}
            and {"parent", "pos"} <= set(v) and isinstance(v["pos"], str)
            and (v["parent"] is None or isinstance(v["parent"], str))
            and v.get("kind", "part") in rules.KINDS)


def _is_deletion(v: Any) -> bool:
    if not isinstance(v, dict) or not isinstance(v.get("deleted"), bool):
        return False
    seen = v.get("seen", [])
    return set(v) <= {"deleted", "seen"} and isinstance(seen, list) and all(
        isinstance(s, str) for s in seen)


def _is_comment(v: Any) -> bool:
    return (isinstance(v, dict) and set(v) == {"node", "text"} and isinstance(v["node"], str)
            and isinstance(v["text"], str))


_TEXT_OPS = ("set", "resolve")
# (entity, field) -> (ops that may write it, check of the value)
_FIELDS: dict[tuple[str, str], tuple[tuple[str, ...], Callable[[Any], bool]]] = {
    **{("plan", f): (_TEXT_OPS, _is_text) for f in rules.PLAN_FIELDS},
    **{("node", f): (_TEXT_OPS, _is_text) for f in rules.COMMON_FIELDS + rules.TARGET_FIELDS},
    ("node", "placement"): (("create", "move", "resolve"), _is_placement),
    ("node", "deleted"): (("delete", "restore", "resolve"), _is_deletion),
    ("xref", "present"): (("xref_add", "xref_remove", "resolve"), _is_bool),
    ("xref", "relevance"): (_TEXT_OPS, _is_text),
    ("xref", "note"): (_TEXT_OPS, _is_text),
    ("comment", "body"): (("comment_add",), _is_comment),
    ("comment", "resolved"): (("comment_resolve", "resolve"), _is_bool),
}


def value_problem(body: dict[str, Any]) -> str | None:
    """What is wrong with a change's field, operation or value, if anything."""
    spec = _FIELDS.get((body["entity"], body["field"]))
    if spec is None:
        return "no such field"
    ops, check = spec
    if body["op"] not in ops:
        return f"operation {body['op']} cannot write it"
    if body["op"] == "create" and "kind" not in body["value"]:
        return "a new node has no kind"
    if body["entity"] == "xref" and body["eid"].count("|") != 2:
        return "a cross-reference id is malformed"
    if body["op"] == "resolve" and len(body["parents"]) < 1:
        return "a resolution names no versions"
    return None if check(body["value"]) else "the value has the wrong form"


def _check_vectors(parsed: ParsedBundle) -> dict[str, set[int]]:
    """The changes must be exactly those above ``requires``, up to ``provides``, per replica."""
    m = parsed.manifest
    carried: dict[str, set[int]] = {}
    for ch in parsed.changes:
        seqs = carried.setdefault(ch.body["replica"], set())
        if ch.body["seq"] in seqs:
            raise fmt.BundleError("the bundle holds two changes with the same counter: refused")
        seqs.add(ch.body["seq"])
    for replica in set(m.requires) | set(m.provides) | set(carried):
        seqs = carried.get(replica, set())
        below = m.requires.get(replica, 0)
        top = max([below, *seqs])
        if m.provides.get(replica, 0) != top or len({s for s in seqs if s > below}) != top - below:
            raise fmt.BundleError("the bundle's changes do not match what its manifest says it "
                                  "brings: refused")
    return carried


# -- against the store --------------------------------------------------------------------------


@dataclass
class StoreCheck:
    """What checking a bundle against a store found (nothing has been written)."""

    trust: str
    new_plan: bool
    held: set[str]  # ids of the bundle's changes the store holds already


# Statements built once: SQLAlchemy spends more building a statement than SQLite running it.
_IDS = bindparam("ids", expanding=True)
_HELD_IDS = select(Change.id).where(Change.id.in_(_IDS))
_ANY_CHANGE = select(Change.arrival).where(Change.plan_id == bindparam("plan")).limit(1)
_COUNTERS = (select(Change.replica, func.max(Change.seq))
             .where(Change.plan_id == bindparam("plan"), Change.replica.in_(_IDS))
             .group_by(Change.replica))
_VERSIONS = select(Change.entity, Change.eid, Change.field, Change.version_id).where(
    Change.version_id.in_(_IDS))
_OTHER_PLAN = of_keys(select(Head.plan_id), Head.entity, Head.eid, Head.field).where(
    Head.plan_id != bindparam("plan")).limit(1)
# A field every item has from its first change: the plan an item belongs to is read from it.
_ANCHOR = {"node": "placement", "xref": "present", "comment": "body"}


def _owner(session: Session, parsed: ParsedBundle, replica: str) -> str:
    sender = parsed.manifest.sender
    if replica == sender.replica:
        return sender.label()
    peer = session.get(Peer, replica)
    if peer is not None and (peer.name or peer.party):
        return f"{peer.name} ({peer.party})" if peer.party else peer.name
    author = session.execute(select(Change.author_name, Change.author_party)
                             .where(Change.replica == replica).limit(1)).first()
    if author is not None:
        return f"{author[0]} ({author[1]})" if author[1] else author[0]
    return f"replica {replica[:8]}"


def _held_counters(session: Session, plan_id: str, replicas: list[str]) -> dict[str, int]:
    """The highest counter held of each of ``replicas`` for the plan."""
    out: dict[str, int] = {}
    for part in chunks(replicas):
        out.update((r, int(n)) for r, n in session.execute(
            _COUNTERS, {"plan": plan_id, "ids": list(part)}))
    return out


def check_against_store(session: Session, store: Store, parsed: ParsedBundle) -> StoreCheck:
    """Check trust and prerequisites; reads only, so a refusal leaves the store as it was."""
    m = parsed.manifest
    trust = trust_of(session, store, m.sender)
    new_plan = session.execute(_ANY_CHANGE, {"plan": m.plan_id}).first() is None
    if new_plan and m.requires:
        raise fmt.BundleError(
            f"this bundle updates the plan \"{m.plan_title}\", which this store does not hold: "
            f"import a full bundle of it first (ask {m.sender.label()} for one made with "
            "'cmsdesk bundle export --full')")
    replicas = sorted(set(m.provides) | set(parsed.by_replica))
    held = {} if new_plan else _held_counters(session, m.plan_id, replicas)
    for replica in replicas:
        have = held.get(replica, 0)
        carried = parsed.by_replica.get(replica, set())
        lacking = m.provides.get(replica, 0) - have - len({s for s in carried if s > have})
        if lacking > 0:
            raise fmt.BundleError(
                f"this bundle builds on {lacking} change(s) by {_owner(session, parsed, replica)} "
                f"that this store does not hold: import the earlier bundle from "
                f"{m.sender.label()} first (or ask for a full bundle)")
    held_ids: set[str] = set()
    if not new_plan:
        for part in chunks([c.cid for c in parsed.changes]):
            held_ids.update(session.scalars(_HELD_IDS, {"ids": list(part)}))
    fresh = [c for c in parsed.changes if c.cid not in held_ids]
    for c in fresh:
        if c.body["seq"] <= held.get(c.body["replica"], 0):
            raise fmt.BundleError(
                f"the bundle holds a change by {_owner(session, parsed, c.body['replica'])} "
                "that differs from the one this store holds under the same counter (one store "
                "was copied and both were edited): refused")
    _check_items_belong_to_plan(session, m.plan_id, fresh)
    _check_parents(session, fresh)
    return StoreCheck(trust, new_plan, held_ids)


def _check_items_belong_to_plan(session: Session, plan_id: str,
                                fresh: list[ReceivedChange]) -> None:
    """No change may touch a node, link or comment (or name as a comment's node) an item this
    store holds in another plan."""
    items = set()
    for c in fresh:
        b = c.body
        if b["entity"] in _ANCHOR:
            items.add(Key(b["entity"], b["eid"], _ANCHOR[b["entity"]]))
        if b["entity"] == "xref":
            items.add(Key("node", b["eid"].split("|", 1)[0], "placement"))
        if b["entity"] == "comment" and b["field"] == "body":
            items.add(Key("node", b["value"]["node"], "placement"))
    for params in key_params(items):
        if session.execute(_OTHER_PLAN, params | {"plan": plan_id}).first() is not None:
            raise fmt.BundleError("the bundle edits an item that belongs to another plan in "
                                  "this store: refused")


def _check_parents(session: Session, fresh: list[ReceivedChange]) -> None:
    """Every parent a new change names is held, or made by a change before it in the bundle."""
    made: set[tuple[Key, str]] = set()
    wanted: dict[str, set[Key]] = {}
    for c in fresh:
        key = c.key
        for p in c.body["parents"]:
            if (key, p) not in made:
                wanted.setdefault(p, set()).add(key)
        made.add((key, version_id(c.body, c.cid)))
    found: set[tuple[Key, str]] = set()
    for part in chunks(sorted(wanted)):
        rows = session.execute(_VERSIONS, {"ids": list(part)})
        found.update((Key(e, i, f), v) for e, i, f, v in rows)
    for vid, keys in wanted.items():
        if any((k, vid) not in found for k in keys):
            raise fmt.BundleError("a change in the bundle builds on a version this store does "
                                  "not hold (or the bundle is out of order): refused; ask for "
                                  "a full bundle")
