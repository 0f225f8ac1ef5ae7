"""Forging hostile bundles, for the hostile-input tests and the generated suite.

:class:`World` holds a target store (the base plan of :class:`sync_support.Replicas`) and a
sender installation with its own key whose good delta bundle the forgeries start from. Every
forged bundle is signed correctly with the sender's key and its change ids are recomputed, so
that the hazard planted is the only thing wrong with it, and it reaches the check it is meant
for. :func:`generate` yields the whole generated suite (see docs/hostile-input.md).
"""

from __future__ import annotations

import copy
import io
import json
import shutil
import struct
import uuid
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sync_support import Replicas, restored, seal, unpack, version_values

from cmsdesk.models.canonical import canonical_bytes, digest
from cmsdesk.models.commands import PlanEditor
from cmsdesk.models.schema import Head
from cmsdesk.models.store import Store
from cmsdesk.sync import format as fmt
from cmsdesk.sync.exporter import export_bundle, pack, signature_line
from cmsdesk.sync.signing import signing_key


class World:
    """A target store file holding the base plan, and a sender whose bundles build on it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.reps = Replicas(folder / "replicas")
        sender = self.reps.new_store("sender")
        self.key = signing_key(sender)
        editor = PlanEditor(sender, self.reps.plan_id)
        editor.set_field(self.reps.targets[0], "text", "Changed by the sender. Range States act.")
        good = folder / "good.cmsb"
        export_bundle(sender, self.reps.plan_id, good, to_peer="UNEP/CMS")
        self.good = good.read_bytes()
        self.manifest, items, self.comment = unpack(self.good)
        self.items = restored(items, version_values(sender))
        self.replica = sender.replica_id
        sender.close()
        target = self.reps.new_store("target")
        self.target = target.path
        with target.session() as s:
            self.heads = {(e, i, f): v for e, i, f, v in s.execute(
                select(Head.entity, Head.eid, Head.field, Head.version_id))}
        target.close()

    # -- stores ---------------------------------------------------------------------------

    def fresh_target(self) -> Path:
        copy_path = self.folder / f"t-{uuid.uuid4().hex[:8]}.db"
        shutil.copyfile(self.target, copy_path)
        return copy_path

    def open_target(self) -> Store:
        return Store.open(self.fresh_target())

    # -- forging --------------------------------------------------------------------------

    def head(self, entity: str, eid: str, field: str) -> list[str]:
        found = self.heads.get((entity, eid, field))
        return [found] if found else []

    def change(self, entity: str, eid: str, field: str, op: str, value: Any,
               parents: list[str] | None = None) -> dict[str, Any]:
        """A whole change by the sender (its counter set by :meth:`bundle`)."""
        base = self.items[0]["change"]
        body = {**copy.deepcopy(base), "entity": entity, "eid": eid, "field": field, "op": op,
                "value": value, "parents": sorted(parents if parents is not None
                                                  else self.head(entity, eid, field))}
        return {"change": body, "id": ""}

    def bundle(self, items: list[dict[str, Any]] | None = None, *,
               manifest: Callable[[dict[str, Any]], None] | None = None,
               fix_ids: bool = True) -> bytes:
        """A signed delta of ``items`` (by default the good one's), counters and ids made
        consistent, after ``manifest`` edited the manifest."""
        items = copy.deepcopy(items if items is not None else self.items)
        doc = copy.deepcopy(self.manifest)
        for seq, item in enumerate(items, 1):
            item["change"]["seq"] = seq
            if fix_ids:
                item["id"] = digest(item["change"])
        doc["count"] = len(items)
        doc["provides"][self.replica] = len(items)
        if manifest is not None:
            manifest(doc)
        return seal(doc, items, self.key, comment=self.comment)

    def raw_bundle(self, lines: list[bytes], *, count: int | None = None) -> bytes:
        """A signed bundle whose change lines are the given bytes, as they are."""
        doc = copy.deepcopy(self.manifest)
        doc["count"] = len(lines) if count is None else count
        signed = canonical_bytes(doc) + b"\n" + b"".join(line + b"\n" for line in lines)
        return pack({fmt.DATA: signed + signature_line(self.key.sign(signed))}, self.comment)


def raw_zip(members: list[tuple[bytes, bytes]], comment: bytes = b"",
            sizes: tuple[int, int] | None = None) -> bytes:
    """A zip written byte by byte, so that member names may hold anything (a NUL, a path) and
    the sizes in the headers may lie (``sizes``: compressed, uncompressed, for every member)."""
    local, central = bytearray(), bytearray()
    for name, data in members:
        packer = zlib.compressobj(9, zlib.DEFLATED, -15)
        body = packer.compress(data) + packer.flush()
        crc = zlib.crc32(data)
        csize, usize = sizes or (len(body), len(data))
        offset = len(local)
        local += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, csize, usize,
                             len(name), 0) + name + body
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc,
                               csize, usize, len(name), 0, 0, 0, 0, 0, offset) + name
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central),
                      len(local), len(comment)) + comment
    return bytes(local + central + end)


def member(data: bytes) -> bytes:
    """The one member of a 2.0 bundle."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.read(fmt.DATA)


def nested(depth: int, leaf: Any = "x") -> Any:
    value = leaf
    for _ in range(depth):
        value = [value]
    return value


@dataclass
class Case:
    """One generated hostile input: what it is, its bytes, and what cmsdesk must do with it:
    ``refused`` (one line, store untouched) or ``imported`` (and shown safely)."""

    kind: str
    name: str
    data: bytes
    expect: str


def json_line(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8",
                                                                               "surrogatepass")


def generate(world: World) -> Iterator[Case]:  # pragma: no cover - filled in below
    yield from ()
