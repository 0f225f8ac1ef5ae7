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

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select
from sync_support import Replicas, restored, seal, unpack, version_values

from cmsdesk.models import rules
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
        # as unsigned lines (changes made before format 3.0): a case edits a change and fixes
        # its id, which a per-change signature by the sender would otherwise reject first
        self.items = [{"change": i["change"], "id": digest(i["change"])}
                      for i in restored(items, version_values(sender))]
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
               fix_ids: bool = True, renumber: bool = True) -> bytes:
        """A signed delta of ``items`` (by default the good one's), counters (unless not
        ``renumber``) and ids made consistent, after ``manifest`` edited the manifest."""
        items = copy.deepcopy(items if items is not None else self.items)
        doc = copy.deepcopy(self.manifest)
        for seq, item in enumerate(items, 1):
            if renumber:
                item["change"]["seq"] = seq
            if fix_ids:
                try:
                    item["id"] = digest(item["change"])
                except (TypeError, ValueError, UnicodeError, RecursionError):
                    item["id"] = "0" * 64
        doc["count"] = len(items)
        doc["provides"][self.replica] = len(items)
        if manifest is not None:
            manifest(doc)
        try:
            return seal(doc, items, self.key, comment=self.comment)
        except (TypeError, ValueError, UnicodeError, RecursionError):
            # content the canonical writer refuses (a float, a lone surrogate, deep nesting):
            # written as plain JSON and signed all the same, so the reader's checks meet it
            signed = json_line(doc) + b"\n" + b"".join(json_line(i) + b"\n" for i in items)
            return pack({fmt.DATA: signed + signature_line(self.key.sign(signed))},
                        self.comment)

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


# -- the generated suite -------------------------------------------------------------------------

# Addresses a Markdown image or link in a received text may point at (see test_hostile_rendering).
ADDRESSES = ["file:///dev/zero", "file:///etc/passwd", "/etc/passwd", "../../etc/passwd",
             "rel/picture.png", "javascript:alert(1)", "data:text/html,<b>x</b>",
             "qrc:/x.png", ":/x.png", "\\\\server\\share\\x.png", "vbscript:x",
             "https://example.org/x.png", "http://", "smb://server/share"]
# Characters that must never reach a terminal raw, or that upset a one-line report.
TEXT_HAZARDS = {"newline": "a\n  verified (pinned key)", "carriage return": "a\rforged",
                "escape": "\x1b]0;title\x07\x1b[2J\x1b[32mgreen", "c1 control": "\x9b31m",
                "bidi override": "\u202eevil\u202c", "nul": "a\x00b", "bell": "\x07",
                "line separator": "a\u2028b", "zero width": "a\u200bb", "html": "<b>x</b>",
                "image html": '<img src="file:///dev/zero">', "long": "x" * 190}
BAD_DATES = ["not-a-date", "2026-13-45T00:00:00Z", "9999", "", "2026-11-24 07:28:46",
             "2026-11-24T07:28:46+02:00", "2026-02-30T00:00:00Z", "2026-11-24T25:00:00Z",
             "2026-11-24T07:28:46.1234567Z", "\u0662\u0660\u0662\u0666-11-24T07:28:46Z"]
WRONG_TYPES: list[Any] = [None, 1, -1, 1.5, True, [], {}, ["x"], {"a": 1}]


def _manifest_cases(world: World) -> Iterator[tuple[str, Callable[[dict[str, Any]], None], str]]:
    """(name, edit of the manifest, expectation)."""
    def setter(*path: str, value: Any) -> Callable[[dict[str, Any]], None]:
        def edit(doc: dict[str, Any]) -> None:
            target = doc
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = value
        return edit

    def dropper(*path: str) -> Callable[[dict[str, Any]], None]:
        def edit(doc: dict[str, Any]) -> None:
            target = doc
            for key in path[:-1]:
                target = target[key]
            target.pop(path[-1], None)
        return edit

    strings = [("format",), ("version",), ("created",), ("plan", "id"), ("plan", "title"),
               ("sender", "replica"), ("sender", "name"), ("sender", "party"),
               ("sender", "region"), ("sender", "role"), ("sender", "key"), ("kind",)]
    for path in strings:
        for value in WRONG_TYPES:
            if value is None and path == ("to",):
                continue
            yield f"{'.'.join(path)} = {value!r}", setter(*path, value=value), "refused"
        yield f"{'.'.join(path)} missing", dropper(*path), "refused"
    for path, limit in ((("plan", "title"), 10_000), (("sender", "name"), 200),
                        (("sender", "party"), 200), (("plan", "id"), 36)):
        yield f"{'.'.join(path)} too long", setter(*path, value="x" * (limit + 1)), "refused"
    for date in BAD_DATES:
        yield f"created = {date!r}", setter("created", value=date), "refused"
    for value in ("1.0", "4.0", "2", "2.0.0", "x.y", "99999.0", " 2.0"):
        yield f"version = {value!r}", setter("version", value=value), "refused"
    yield "format of another program", setter("format", value="zip"), "refused"
    yield "kind = partial", setter("kind", value="partial"), "refused"
    yield "kind full with requirements", setter("kind", value="full"), "refused"
    for count in (-1, 0, 2, 2_000_001, "1", True, None):
        yield f"count = {count!r}", setter("count", value=count), "refused"
    for name in ("requires", "provides"):
        for value in (None, [], "x", {"r": 0}, {"r": -1}, {"r": "1"}, {"r": True},
                      {"x" * 33: 1}, {"": 1}):
            yield f"{name} = {value!r}", setter(name, value=value), "refused"
    yield "requires more than held", lambda d: d["requires"].update(
        {k: v + 5 for k, v in d["requires"].items()}), "refused"
    yield "provides one change more", lambda d: d["provides"].update(
        {world.replica: 2}), "refused"
    yield "recipient = 1", setter("to", value=1), "refused"
    for hazard, text in TEXT_HAZARDS.items():
        if hazard == "nul":
            continue
        for path in (("sender", "name"), ("sender", "party"), ("sender", "region"),
                     ("plan", "title")):
            yield f"{'.'.join(path)} with {hazard}", setter(*path, value=text), "imported"


def _change_cases(world: World) -> Iterator[tuple[str, Callable[[dict[str, Any]], None], str]]:
    """(name, edit of the good change's body, expectation): ids are recomputed after."""
    def setter(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
        return lambda body: body.__setitem__(key, value)

    valid = {("v", 1), ("seq", 1), ("parents", ())}  # the good change's own, or as good
    for key in ("v", "plan", "replica", "seq", "author", "clock", "op", "entity", "eid",
                "field", "parents"):
        for value in WRONG_TYPES:
            as_key = tuple(value) if isinstance(value, list) else value
            if not isinstance(value, (bool, dict)) and (key, as_key) in valid:
                continue
            yield f"change {key} = {value!r}", setter(key, value), "refused"
        yield f"change without {key}", lambda body, k=key: body.pop(k), "refused"
    for value in (None, 1, True, [], {}, ["a"]):
        yield f"text value = {value!r}", setter("value", value), "refused"
    for key in ("plan", "replica", "clock", "eid", "field"):
        yield f"change {key} too long", setter(key, "x" * 121), "refused"
    for op in ("create", "move", "delete", "xref_add", "comment_add", "drop_table"):
        yield f"text written by {op}", setter("op", op), "refused"
    for field in ("secret", "placement", "deleted", "body", ""):
        yield f"node field {field!r}", setter("field", field), "refused"
    yield "another plan", setter("plan", "00000000-0000-4000-8000-000000000000"), "refused"
    yield "author without a name", lambda b: b["author"].pop("name"), "refused"
    yield "extra field", setter("extra", 1), "refused"
    yield "parent never held", setter("parents", ["0" * 64]), "refused"
    for depth in (25, 30, 60, 200, 450):  # deeper ones: raw lines below
        yield f"value nested {depth} deep", setter("value", nested(depth)), "refused"
        yield f"author nested {depth} deep", lambda b, d=depth: b["author"].__setitem__(
            "name", nested(d)), "refused"
    for hazard, text in TEXT_HAZARDS.items():
        yield f"text with {hazard}", setter("value", f"Text {text} end."), "imported"
        yield f"author name with {hazard}", lambda b, t=text: b["author"].__setitem__(
            "name", t), "imported"
    for address in ADDRESSES:
        yield f"text with image {address}", setter("value", f"See ![map]({address})."), \
            "imported"
        yield f"text with link {address}", setter("value", f"See [here]({address})."), \
            "imported"
    for depth in (20, 300, 1000):
        yield f"text with a list {depth} deep", setter("value", "".join(
            "    " * i + "- level\n" for i in range(depth))), "imported"
    yield "text of 2 MB", setter("value", "The Parties cooperate. " * 90_000), "imported"


def _raw_line_cases(world: World) -> Iterator[tuple[str, bytes, str]]:
    """(name, change line bytes, expectation): lines no JSON writer would produce."""
    good = json_line(world.items[0])
    yield "not JSON", b"not json", "refused"
    yield "empty line", b"", "refused"
    yield "NaN", good.replace(b'"seq":1', b'"seq":NaN'), "refused"
    yield "Infinity", good.replace(b'"seq":1', b'"seq":Infinity'), "refused"
    yield "trailing garbage", good + b" x", "refused"
    yield "byte order mark", b"\xef\xbb\xbf" + good, "refused"
    for bad in (b"\xff", b"\xc0\xaf", b"\xed\xa0\x80", b"\x80", b"\xf8\x88\x80\x80\x80"):
        yield f"invalid UTF-8 {bad!r}", good.replace(b'"value":"', b'"value":"' + bad, 1), \
            "refused"
    for escape in (b"\\ud800", b"\\udfff", b"\\udbff x", b"\\ud800\\ud800"):
        for key in (b'"value":"', b'"name":"', b'"clock":"'):
            yield f"lone surrogate {escape!r} in {key.decode()}", good.replace(
                key, key + escape, 1), "refused"
    for depth in (100, 10_000, 100_000):
        yield f"raw nesting {depth}", b"[" * depth + b"]" * depth, "refused"
        yield f"unclosed nesting {depth}", b"{\"a\":" * depth, "refused"
    yield "array line", b"[]", "refused"
    yield "id missing", json_line({"change": world.items[0]["change"]}), "refused"
    yield "id of other content", json_line({**world.items[0], "id": "0" * 64}), "refused"
    yield "id not hex", json_line({**world.items[0], "id": "z" * 64}), "refused"


def _zip_cases(world: World) -> Iterator[tuple[str, bytes, str]]:
    good = world.good
    data = member(good)
    name = fmt.DATA.encode()
    for i in range(40):
        cut = len(good) * i // 40
        yield f"truncated at {cut}", good[:cut], "refused"
    for i in range(40):
        spot = (len(good) * i // 40 + 7) % len(good)
        flipped = bytearray(good)
        flipped[spot] ^= 1 << (i % 8)
        yield f"bit {i % 8} flipped at {spot}", bytes(flipped), "either"
    for i, size in enumerate((1, 3, 22, 100, 1000, 65_536)):
        yield f"random bytes {size}", bytes((j * 31 + i) % 256 for j in range(size)), "refused"
    yield "a PNG", b"\x89PNG\r\n\x1a\n" + bytes(100), "refused"
    yield "a text file", b"Draft text, not a bundle.\n", "refused"
    yield "a Word document", raw_zip([(b"[Content_Types].xml", b"<xml/>"),
                                      (b"word/document.xml", b"<xml/>")]), "refused"
    for bad_name in (b"bundle.jsonl\x00evil", b"bundle.jsonl\x00", b"../bundle.jsonl",
                     b"/bundle.jsonl", b"sub/bundle.jsonl", b"C:bundle.jsonl",
                     b"bundle.jsonl ", b"BUNDLE.JSONL", b"bundle.jsonl\\x",
                     "bundle.jsonl\u200b".encode(), b"bundle.jsonl/", b"", b"."):
        yield f"member named {bad_name!r}", raw_zip([(bad_name, data)]), "refused"
    yield "member twice", raw_zip([(name, data), (name, data)]), "refused"
    yield "extra member", raw_zip([(name, data), (b"extra.txt", b"x")]), "refused"
    yield "nine members", raw_zip([(name, data)] + [(f"x{i}".encode(), b"") for i in
                                                     range(8)]), "refused"
    for csize, usize in ((10, 10), (1, len(data)), (len(data), 1), (len(data), 2**31),
                         (0, 0)):
        yield f"sizes lie ({csize}, {usize})", raw_zip([(name, data)], sizes=(csize, usize)), \
            "refused"
    # a compressed size past the end changes nothing: the stream ends where it ends, intact
    yield "compressed size lies high", raw_zip([(name, data)], sizes=(2**31, len(data))), \
        "either"
    yield "zip bomb (64 MiB of zeros, sizes lie)", raw_zip(
        [(name, bytes(64 * fmt.MiB))], sizes=(1000, 1000)), "refused"
    yield "64 MiB of zeros, sizes honest", raw_zip([(name, bytes(64 * fmt.MiB))]), "refused"
    yield "manifest not first", raw_zip([(name, b"\n" + data)]), "refused"
    yield "comment cut short", good[:-2], "refused"
    stored = io.BytesIO()
    with zipfile.ZipFile(stored, "w", zipfile.ZIP_BZIP2) as zf:
        zf.writestr(fmt.DATA, data)
    yield "bzip2 compression", stored.getvalue(), "refused"
    encrypted = bytearray(raw_zip([(name, data)]))
    encrypted[6] |= 1
    cd = encrypted.rfind(b"PK\x01\x02")
    encrypted[cd + 8] |= 1
    yield "encrypted flag", bytes(encrypted), "refused"


def _signature_cases(world: World) -> Iterator[tuple[str, bytes, str]]:
    data = member(world.good)
    body, sig_line, _end = data.rsplit(b"\n", 2)
    signed = body + b"\n"
    other = Ed25519PrivateKey.generate()
    for name, line in (("no signature line", b""), ("signature not base64", b'{"signature":"***"}'),
                       ("signature too short", b'{"signature":"AAAA"}'),
                       ("signature of another key", signature_line(other.sign(signed))),
                       ("signature of other bytes", signature_line(world.key.sign(b"x"))),
                       ("signature with extra key", sig_line[:-1] + b',"x":1}'),
                       ("signature as a list", b'["x"]'),
                       ("signature line twice", sig_line + b"\n" + sig_line)):
        yield name, pack({fmt.DATA: signed + line + b"\n"}, world.comment), "refused"
    yield "no final newline", pack({fmt.DATA: signed + sig_line}, world.comment), "refused"


def _structure_cases(world: World) -> Iterator[tuple[str, list[dict[str, Any]], str]]:
    chapter, targets = world.reps.chapter, world.reps.targets
    c = world.change
    made: dict[str, str] = {}

    def new(kind: str, parent: str | None) -> tuple[str, dict[str, Any]]:
        node = str(uuid.uuid5(uuid.NAMESPACE_URL, f"{kind}-{parent}-{len(made)}"))
        made[node] = kind
        return node, c("node", node, "placement", "create",
                       {"kind": kind, "parent": parent, "pos": "m"}, [])

    homes = {"part": None, "chapter": chapter, "goal": None, "target": None, "indicator": None}
    for kind in rules.KINDS:
        for parent_kind in (None, *rules.KINDS):
            # a parent of that kind, under a place the rules allow, then the node under it
            changes: list[dict[str, Any]] = []
            parent: str | None = None
            if parent_kind is not None:
                home = homes.get(parent_kind)
                if parent_kind == "goal":
                    goal_part, made_part = new("part", None)
                    changes.append(made_part)
                    home = goal_part
                elif parent_kind in ("target", "indicator"):
                    home = chapter
                parent, created = new(parent_kind, home)
                changes.append(created)
            node, created = new(kind, parent)
            changes.append(created)
            allowed = rules.may_hold(parent_kind, kind)
            yield (f"{kind} created under {parent_kind or 'the top'}", changes,
                   "imported" if allowed else "refused")
            if kind != "part":
                moved = c("node", targets[1], "placement", "move", {"parent": parent,
                                                                    "pos": "n"})
                yield (f"a target moved under {parent_kind or 'the top'}",
                       [*changes[:-1], moved],
                       "imported" if rules.may_hold(parent_kind, "target") else "refused")
    ghost = "44444444-4444-4444-8444-444444444444"
    for field in ("title", "text", "note", "status"):
        yield f"{field} of a node never created", [c("node", ghost, field, "set",
                                                     "draft" if field == "status" else "x",
                                                     [])], "refused"
    yield "deletion of a node never created", [c("node", ghost, "deleted", "delete",
                                                 {"deleted": True, "seen": []}, [])], "refused"
    yield "link of a node never created", [c("xref", f"{ghost}|aichi|11", "present",
                                             "xref_add", True, [])], "refused"
    yield "chapter into itself", [c("node", chapter, "placement", "move",
                                    {"parent": chapter, "pos": "m"})], "refused"
    inner, created = new("chapter", chapter)
    yield "chapter into its own child", [created, c("node", chapter, "placement", "move",
                                                    {"parent": inner, "pos": "m"})], "refused"
    yield "under a parent that does not exist", [c("node", targets[0], "placement", "move",
                                                   {"parent": ghost, "pos": "m"})], "refused"


def generate(world: World) -> Iterator[Case]:
    """Every case of the generated hostile-input suite (well over 500), deterministically."""
    for name, edit, expect in _manifest_cases(world):
        yield Case("manifest", name, world.bundle(manifest=edit), expect)
    for name, edit, expect in _change_cases(world):
        items = copy.deepcopy(world.items)
        edit(items[0]["change"])
        yield Case("change", name, world.bundle(items, renumber=False), expect)
    for name, line, expect in _raw_line_cases(world):
        yield Case("change line", name, world.raw_bundle([line], count=1), expect)
    for name, data, expect in _zip_cases(world):
        yield Case("zip", name, data, expect)
    for name, data, expect in _signature_cases(world):
        yield Case("signature", name, data, expect)
    for name, changes, expect in _structure_cases(world):
        yield Case("structure", name, world.bundle(changes), expect)
