"""The bundle file format: member names, the manifest schema, the version policy and the limits.

A bundle (``.cmsb``) is a zip that standard tools open. It holds exactly these members:

* ``manifest.json``: who sent what for which plan, as version vectors, with the size and SHA-256
  of every other member except the signature;
* ``changes.jsonl``: one canonical change per line, in an order where parents come first;
* ``signature``: the 64-byte Ed25519 signature of the exact manifest bytes (the manifest pins
  the hashes of the other members, so the signature covers them all);
* ``README.txt``: a short note saying what the file is and how to open it.

Version policy: ``version`` is ``"MAJOR.MINOR"``. A newer minor version only adds manifest
fields, which an older reader ignores; a newer major version is refused with a message asking
the user to update. See docs/bundle-format.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

FORMAT_NAME = "cmsdesk-bundle"
MAJOR = 1
MINOR = 0
VERSION = f"{MAJOR}.{MINOR}"
EXTENSION = ".cmsb"

MANIFEST = "manifest.json"
CHANGES = "changes.jsonl"
SIGNATURE = "signature"
NOTE = "README.txt"
MEMBERS = (MANIFEST, CHANGES, SIGNATURE, NOTE)
HASHED_MEMBERS = (CHANGES, NOTE)  # listed with size and hash in the manifest

KINDS = ("full", "delta")

MiB = 1024 * 1024
# Limits on what an import will read; a real bundle of a whole negotiation stays far below them.
MAX_FILE_SIZE = 64 * MiB
MAX_ENTRIES = 8
MAX_MEMBER_SIZE = {MANIFEST: 1 * MiB, CHANGES: 512 * MiB, SIGNATURE: 64, NOTE: 64 * 1024}
MAX_TOTAL_SIZE = 520 * MiB
MAX_RATIO = 100  # uncompressed / compressed, for members above RATIO_FLOOR bytes
RATIO_FLOOR = 1 * MiB
MAX_CHANGES = 2_000_000

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
        """How the sender is named in messages: the person and the Party."""
        who = self.name or "someone"
        return f"{who} ({self.party})" if self.party else who


@dataclass(frozen=True)
class Manifest:
    """The checked content of ``manifest.json``."""

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
    members: dict[str, tuple[int, str]]  # name -> (size, sha256 hex)
    version: tuple[int, int]

    @property
    def full(self) -> bool:
        return self.kind == "full"

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT_NAME, "version": f"{self.version[0]}.{self.version[1]}",
            "id": self.bundle_id, "created": self.created,
            "plan": {"id": self.plan_id, "title": self.plan_title},
            "sender": self.sender.to_json(), "kind": self.kind, "to": self.recipient,
            "requires": self.requires, "provides": self.provides, "count": self.count,
            "members": {n: {"size": s, "sha256": h} for n, (s, h) in self.members.items()},
        }


def parse_version(raw: Any) -> tuple[int, int]:
    """Read ``"MAJOR.MINOR"``, refusing a newer major version before anything else is trusted."""
    m = _VERSION.match(raw) if isinstance(raw, str) else None
    if m is None:
        raise BundleError(f"the bundle's format version {raw!r} is not of the form MAJOR.MINOR")
    major, minor = int(m.group(1)), int(m.group(2))
    if major > MAJOR:
        raise BundleError(f"the bundle is format {major}.{minor}, {NEWER_MAJOR}")
    if major < MAJOR:
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


def parse_manifest(doc: Any) -> Manifest:
    """Check the manifest's schema; unknown fields (a newer minor version) are ignored."""
    if not isinstance(doc, dict):
        raise BundleError("the manifest is not a JSON object")
    if doc.get("format") != FORMAT_NAME:
        raise BundleError("this file is not a cmsdesk bundle (its manifest names another format)")
    version = parse_version(doc.get("version"))
    plan = doc.get("plan")
    sender = doc.get("sender")
    if not isinstance(plan, dict) or not isinstance(sender, dict):
        raise BundleError("the manifest's plan or sender is missing")
    members = doc.get("members")
    if not isinstance(members, dict) or set(members) != set(HASHED_MEMBERS):
        raise BundleError(f"the manifest must list exactly the members {', '.join(HASHED_MEMBERS)}")
    sizes: dict[str, tuple[int, str]] = {}
    for name, entry in members.items():
        size = entry.get("size") if isinstance(entry, dict) else None
        sha = entry.get("sha256") if isinstance(entry, dict) else None
        if (not isinstance(size, int) or isinstance(size, bool) or size < 0
                or not isinstance(sha, str) or not _HEX64.match(sha)):
            raise BundleError(f"the manifest's entry for {name} needs a size and a SHA-256")
        sizes[name] = (size, sha)
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
        bundle_id=_str(doc, "id", "", limit=64), created=_str(doc, "created", "", limit=40),
        plan_id=_str(plan, "id", "plan ", limit=36), plan_title=_str(plan, "title", "plan ",
                                                                    limit=10_000),
        sender=Sender(*(_str(sender, f, "sender ", limit=200)
                        for f in ("replica", "name", "party", "region", "role", "key"))),
        kind=kind, recipient=_str(doc, "to", "", limit=32, optional=True), requires=requires,
        provides=_vector(doc.get("provides"), "provides"), count=count, members=sizes,
        version=version,
    )
