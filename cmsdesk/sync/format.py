"""The bundle file format: its layout, the manifest schema, the version policy and the limits.

A bundle (``.cmsb``) is a zip that standard tools open. From format 2.0 it holds one deflated
member, ``bundle.jsonl``:

* line 1, the manifest: who sent what for which plan, as version vectors;
* then one change per line, in an order where parents come first; where it is shorter, a
  change carries a patch of the value it was edited from instead of its whole value
  (:mod:`cmsdesk.sync.patch`);
* a last line ``{"signature": ...}``: the Ed25519 signature of the exact bytes of every line
  before it, so one signature covers the manifest and every change.

From format 3.0 each change line also carries the signature of the change by the key of the
replica that made it (``{"change": ..., "sig": ...}``; its id is the hash of the change, so it is
not written), and the manifest's ``keys`` names the key of every replica whose changes the
bundle carries besides the sender's: a change forwarded by a focal point stays verifiable as its
author's, and no bundle can place changes under a replica whose key the receiver knows. A change
made before 3.0 that its author never signed travels as before (``{"change": ..., "id": ...}``),
and is shown unverified.

The zip's archive comment is a short note saying what the file is and how to open it (``unzip
-l`` prints it). It is not signed: the app shows the signed sender, never the note.

Format 1.0 (four members: ``manifest.json``, ``changes.jsonl``, ``signature``, ``README.txt``)
is still read; see :mod:`cmsdesk.sync.container`.

Version policy: ``version`` is ``"MAJOR.MINOR"``. A newer minor version only adds manifest
fields, which an older reader ignores; a newer major version is refused with a message asking
the user to update. See docs/bundle-format.md.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

FORMAT_NAME = "cmsdesk-bundle"
MAJOR = 3
MINOR = 0
VERSION = f"{MAJOR}.{MINOR}"
OLDEST_MAJOR = 1  # the oldest format this cmsdesk still reads
EXTENSION = ".cmsb"

DATA = "bundle.jsonl"  # the one member of a bundle from format 2.0 on
NOTE_LIMIT = 150  # bytes of the archive comment a bundle is written with

# Format 1.0, still read: its four members.
MANIFEST = "manifest.json"
CHANGES = "changes.jsonl"
SIGNATURE = "signature"
NOTE = "README.txt"
MEMBERS_1 = (MANIFEST, CHANGES, SIGNATURE, NOTE)
HASHED_MEMBERS_1 = (CHANGES, NOTE)  # listed with size and hash in a 1.0 manifest

KINDS = ("full", "delta")

MiB = 1024 * 1024
# Limits on what an import will read; a real bundle of a whole negotiation stays far below them.
MAX_FILE_SIZE = 64 * MiB
MAX_ENTRIES = 8
MAX_MEMBER_SIZE = {DATA: 513 * MiB, MANIFEST: 1 * MiB, CHANGES: 512 * MiB, SIGNATURE: 64,
                   NOTE: 64 * 1024}  # counted while decompressing: the zip's headers may lie
READ_CHUNK = 1 * MiB  # members are decompressed this much at a time
MAX_MANIFEST_SIZE = 1 * MiB  # the manifest line of a 2.0 bundle
MAX_TOTAL_SIZE = 520 * MiB
MAX_CHANGES = 2_000_000
MAX_DEPTH = 24  # nesting of a JSON line; a change nests 3 levels, a patch 4

NEWER_MAJOR = "made by a newer cmsdesk: update to import it"

_VERSION = re.compile(r"^(\d{1,4})\.(\d{1,4})$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


class BundleError(Exception):
    """A bundle was refused; the message tells the user what is wrong and what to do.

    Whenever this is raised by an import, the store has not been changed.
    """


@dataclass(frozen=True)
class Sender:
    """Who made a bundle, as the manifest says (the signature proves only the key)."""

    replica: str
    name: str
    party: str
    region: str
    role: str
    key: str  # Ed25519 public key, base64 of the 32 raw bytes

    def to_json(self) -> dict[str, str]:
        return {"replica": self.replica, "name": self.name, "party": self.party,
                "region": self.region, "role": self.role, "key": self.key}

    def label(self) -> str:
        """How the sender is named in messages: the person and the Party, on one line with any
        control character escaped (the names are the sender's to choose)."""
        from cmsdesk.printable import printable

        who = printable(self.name or "someone", 200)
        return f"{who} ({printable(self.party, 200)})" if self.party else who


@dataclass(frozen=True)
class Manifest:
    """The checked content of a manifest.

    ``bundle_id`` (recorded as the ``origin`` of the changes a bundle brought) is a field of a
    1.0 manifest; from 2.0 it is derived from the signed bytes (:func:`bundle_id`), so it is
    not written.
    """

    bundle_id: str
    created: str
    plan_id: str
    plan_title: str
    sender: Sender
    kind: str  # full | delta
    recipient: str | None  # replica the bundle was made for, if any
    requires: dict[str, int]
    provides: dict[str, int]
    count: int
    version: tuple[int, int]
    keys: dict[str, str] = field(default_factory=dict)  # replica -> key, besides the sender
    # named drafts it carries (cmsdesk.sync.draft_travel): id, name, symbol, date, meta, vector
    drafts: list[dict[str, Any]] = field(default_factory=list)

    @property
    def full(self) -> bool:
        return self.kind == "full"

    def key_of(self, replica: str) -> str | None:
        """The key the bundle names for a replica's changes (the sender's own, or ``keys``)."""
        return self.sender.key if replica == self.sender.replica else self.keys.get(replica)

    def to_json(self) -> dict[str, Any]:
        """The manifest line of a bundle of the current format."""
        return {
            "format": FORMAT_NAME, "version": VERSION, "created": self.created,
            "plan": {"id": self.plan_id, "title": self.plan_title},
            "sender": self.sender.to_json(), "kind": self.kind, "to": self.recipient,
            "requires": self.requires, "provides": self.provides, "count": self.count,
        } | ({"keys": self.keys} if self.keys else {}) | (
            {"drafts": self.drafts} if self.drafts else {})


def bundle_id(signed: bytes) -> str:
    """The id of a bundle from 2.0 on: it names exactly what was signed, so it needs no field."""
    return hashlib.sha256(signed).hexdigest()[:32]


def parse_version(raw: Any) -> tuple[int, int]:
    """Read ``"MAJOR.MINOR"``, refusing a newer major version before anything else is trusted."""
    m = _VERSION.match(raw) if isinstance(raw, str) else None
    if m is None:
        raise BundleError(f"the bundle's format version {raw!r} is not of the form MAJOR.MINOR")
    major, minor = int(m.group(1)), int(m.group(2))
    if major > MAJOR:
        raise BundleError(f"the bundle is format {major}.{minor}, {NEWER_MAJOR}")
    if major < OLDEST_MAJOR:
        raise BundleError(f"the bundle is format {major}.{minor}, which no cmsdesk ever wrote")
    return major, minor


def _str(obj: dict[str, Any], name: str, where: str, *, limit: int = 200,
         optional: bool = False) -> Any:
    value = obj.get(name)
    if optional and value is None:
        return None
    if not isinstance(value, str) or len(value) > limit:
        raise BundleError(f"the manifest's {where}{name} is missing or not a short text")
    return value


def _vector(raw: Any, name: str) -> dict[str, int]:
    if not isinstance(raw, dict) or len(raw) > 100_000:
        raise BundleError(f"the manifest's {name} is not a version vector")
    for replica, seq in raw.items():
        if (not isinstance(replica, str) or not 0 < len(replica) <= 32 or not isinstance(seq, int)
                or isinstance(seq, bool) or seq < 1):
            raise BundleError(f"the manifest's {name} has a bad entry {replica!r}: {seq!r}")
    return dict(raw)


def _keys(raw: Any) -> dict[str, str]:
    """A 3.0 manifest's ``keys``: replica id -> Ed25519 public key (base64, 44 characters)."""
    if raw is None:
        return {}
    if not isinstance(raw, dict) or len(raw) > 100_000:
        raise BundleError("the manifest's keys are not a map of replica ids to keys")
    for replica, key in raw.items():
        if (not isinstance(replica, str) or not 0 < len(replica) <= 32
                or not isinstance(key, str) or len(key) != 44):
            raise BundleError(f"the manifest's keys have a bad entry {replica!r}")
    return dict(raw)


def _drafts(raw: Any) -> list[dict[str, Any]]:
    """A 3.0 manifest's ``drafts``: the named drafts the bundle carries."""
    if raw is None:
        return []
    if not isinstance(raw, list) or len(raw) > 1000:
        raise BundleError("the manifest's drafts are not a list of named drafts")
    out = []
    for d in raw:
        if not isinstance(d, dict) or not isinstance(d.get("meta"), dict):
            raise BundleError("the manifest names a draft without its metadata")
        item = {f: _str(d, f, "draft ", limit=limit)
                for f, limit in (("id", 36), ("name", 200), ("symbol", 200), ("date", 10))}
        item["meta"] = d["meta"]
        item["vector"] = _vector(d.get("vector"), "draft's vector")
        out.append(item)
    return out


def check_format(doc: Any) -> tuple[int, int]:
    """The format version a manifest claims: checked first, so that a file of a newer major
    version is refused with the message asking to update before anything else is read."""
    if not isinstance(doc, dict):
        raise BundleError("the manifest is not a JSON object")
    if doc.get("format") != FORMAT_NAME:
        raise BundleError("this file is not a cmsdesk bundle (its manifest names another format)")
    return parse_version(doc.get("version"))


def parse_manifest(doc: Any, signed: bytes) -> Manifest:
    """Check the manifest's schema; unknown fields (a newer minor version) are ignored.

    ``signed`` is what the signature covers: a 2.0 bundle's id is derived from it, while a 1.0
    manifest names its id.
    """
    version = check_format(doc)
    plan = doc.get("plan")
    sender = doc.get("sender")
    if not isinstance(plan, dict) or not isinstance(sender, dict):
        raise BundleError("the manifest's plan or sender is missing")
    kind = doc.get("kind")
    if kind not in KINDS:
        raise BundleError(f"the manifest's kind must be one of {', '.join(KINDS)}")
    count = doc.get("count")
    if not isinstance(count, int) or isinstance(count, bool) or not 0 <= count <= MAX_CHANGES:
        raise BundleError("the manifest's change count is missing or out of range")
    requires = _vector(doc.get("requires"), "requires")
    if (kind == "full") != (not requires):
        raise BundleError("the manifest says full or delta but its requirements say otherwise")
    return Manifest(
        bundle_id=_str(doc, "id", "", limit=64) if version[0] == 1 else bundle_id(signed),
        created=_created(doc),
        plan_id=_str(plan, "id", "plan ", limit=36), plan_title=_str(plan, "title", "plan ",
                                                                    limit=10_000),
        sender=Sender(*(_str(sender, f, "sender ", limit=200)
                        for f in ("replica", "name", "party", "region", "role", "key"))),
        kind=kind, recipient=_str(doc, "to", "", limit=32, optional=True), requires=requires,
        provides=_vector(doc.get("provides"), "provides"), count=count, version=version,
        keys=_keys(doc.get("keys")) if version[0] >= 3 else {},
        drafts=_drafts(doc.get("drafts")) if version[0] >= 3 else [],
    )


_CREATED = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z(#\d{1,9})?$")


def _created(doc: dict[str, Any]) -> str:
    """The manifest's date: a UTC time as cmsdesk writes it (``2026-11-24T07:28:46.253Z``,
    perhaps with a ``#N`` counter), which must be a real date."""
    created = _str(doc, "created", "", limit=40)
    try:
        valid = bool(_CREATED.match(created)) and datetime.fromisoformat(
            created.split("#")[0].replace("Z", "+00:00")) is not None
    except ValueError:
        valid = False
    if not valid:
        raise BundleError("the manifest's date is not a date and time (such as "
                          "2026-11-24T07:28:46Z): refused")
    return created


def parse_members_1(doc: dict[str, Any]) -> dict[str, tuple[int, str]]:
    """The size and SHA-256 a 1.0 manifest pins for each hashed member."""
    members = doc.get("members")
    if not isinstance(members, dict) or set(members) != set(HASHED_MEMBERS_1):
        raise BundleError("the manifest must list exactly the members "
                          f"{', '.join(HASHED_MEMBERS_1)}")
    sizes: dict[str, tuple[int, str]] = {}
    for name, entry in members.items():
        size = entry.get("size") if isinstance(entry, dict) else None
        sha = entry.get("sha256") if isinstance(entry, dict) else None
        if (not isinstance(size, int) or isinstance(size, bool) or size < 0
                or not isinstance(sha, str) or not _HEX64.match(sha)):
            raise BundleError(f"the manifest's entry for {name} needs a size and a SHA-256")
        sizes[name] = (size, sha)
    return sizes
