"""Bad bundles are refused with a clear message, and the store file stays byte-for-byte the same.

Each defect is planted alone: forged bundles are re-signed and their member hashes recomputed,
so that the check under test is the only one that can catch it.
"""

from __future__ import annotations

import io
import json
import shutil
import struct
import uuid
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sync_support import Replicas, change_set, file_hash, forge, members, text_of

from cmsdesk.models.canonical import canonical_bytes, digest
from cmsdesk.models.commands import PlanEditor, create_plan
from cmsdesk.models.store import Store
from cmsdesk.sync import format as fmt
from cmsdesk.sync.exporter import export_bundle, pack
from cmsdesk.sync.importer import import_bundle
from cmsdesk.sync.signing import public_key_of


class Setup:
    """A store file holding the base plan (closed), and a good delta bundle for it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.reps = Replicas(folder / "replicas")
        sender = self.reps.new_store("sender")
        editor = PlanEditor(sender, self.reps.plan_id)
        editor.set_field(self.reps.targets[0], "text", "Changed by the sender. Range States act.")
        editor.set_field(self.reps.targets[1], "status", "proposed")
        self.good_path = folder / "good.cmsb"
        export_bundle(sender, self.reps.plan_id, self.good_path, to_peer="UNEP/CMS")
        sender.close()
        self.good = self.good_path.read_bytes()
        target = self.reps.new_store("target")
        self.target = target.path
        target.close()

    def fresh_target(self) -> Path:
        copy = self.folder / f"t-{uuid.uuid4().hex[:8]}.db"
        shutil.copyfile(self.target, copy)
        return copy

    def refuse(self, data: bytes, match: str, **kwargs: Any) -> str:
        """Import ``data``; it must be refused with ``match`` and leave the store file as it was."""
        bundle = self.folder / f"b-{uuid.uuid4().hex[:8]}.cmsb"
        bundle.write_bytes(data)
        db = self.fresh_target()
        before = file_hash(db)
        store = Store.open(db)
        try:
            with pytest.raises(fmt.BundleError, match=match) as info:
                import_bundle(store, bundle, **kwargs)
        finally:
            store.close()
        assert file_hash(db) == before
        return str(info.value)

    def accept(self, data: bytes) -> dict[str, str]:
        bundle = self.folder / f"b-{uuid.uuid4().hex[:8]}.cmsb"
        bundle.write_bytes(data)
        store = Store.open(self.fresh_target())
        try:
            import_bundle(store, bundle)
            return change_set(store, self.reps.plan_id)
        finally:
            store.close()


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Setup:
    return Setup(tmp_path_factory.mktemp("bad"))


def reforged(data: bytes, *, manifest: Callable[[dict[str, Any]], None] | None = None,
             change: Callable[[dict[str, Any]], None] | None = None, fix_ids: bool = True,
             signer: Ed25519PrivateKey | None = None) -> bytes:
    """The bundle with its manifest and/or every change edited, re-signed by a fresh key."""
    parts = members(data)
    doc = json.loads(parts[fmt.MANIFEST])
    items = [json.loads(line) for line in parts[fmt.CHANGES].splitlines()]
    for item in items:
        if change is not None:
            change(item["change"])
        if fix_ids:
            item["id"] = digest(item["change"])
    key = signer or Ed25519PrivateKey.generate()
    doc["sender"]["key"] = public_key_of(key)
    if manifest is not None:
        manifest(doc)
    body = b"".join(canonical_bytes(i) + b"\n" for i in items)
    return forge(doc, body, key, note=parts[fmt.NOTE])


def test_the_reference_bundle_is_accepted(env: Setup) -> None:
    assert len(env.accept(env.good)) == 16
    assert len(env.accept(reforged(env.good))) == 16  # re-signing alone breaks nothing


@pytest.mark.parametrize("cut", [0, 10, 200, 0.5, -30, -1])
def test_truncated_files_are_refused(env: Setup, cut: float) -> None:
    size = int(len(env.good) * cut) if isinstance(cut, float) else cut % len(env.good)
    env.refuse(env.good[:size], "damaged or truncated")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(position=st.integers(0, 10_000), bit=st.integers(0, 7))
def test_a_flipped_bit_is_refused_or_harmless(env: Setup, position: int, bit: int) -> None:
    data = bytearray(env.good)
    data[position % len(data)] ^= 1 << bit
    bundle = env.folder / f"flip-{uuid.uuid4().hex[:8]}.cmsb"
    bundle.write_bytes(bytes(data))
    db = env.fresh_target()
    before = file_hash(db)
    store = Store.open(db)
    try:
        import_bundle(store, bundle)
    except fmt.BundleError as exc:
        store.close()
        assert str(exc) and file_hash(db) == before
    else:  # only zip bookkeeping that no check depends on (a date, an attribute) was hit
        try:
            assert change_set(store, env.reps.plan_id) == env.accept(env.good)
        finally:
            store.close()


def _changes_as_read(bundle: bytes) -> bytes | None:
    """What a zip reader gets out of the changes member (None if it cannot read it).

    Judged by the reader itself, not by inflating the raw stream by hand: a flip can damage the
    stream past the point where the member's data ends, and then both readers disagree.
    """
    try:
        return zipfile.ZipFile(io.BytesIO(bundle)).read(fmt.CHANGES)
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError):
        return None


def test_flips_inside_the_compressed_changes_are_refused(env: Setup) -> None:
    info = zipfile.ZipFile(io.BytesIO(env.good)).getinfo(fmt.CHANGES)
    start = info.header_offset + 30 + len(info.filename)
    original = _changes_as_read(env.good)
    for offset in range(0, info.compress_size, max(1, info.compress_size // 12)):
        data = bytearray(env.good)
        data[start + offset] ^= 0x10
        if _changes_as_read(bytes(data)) == original:
            # a bit the content does not depend on (deflate padding): it is intact and signed
            assert env.accept(bytes(data)) == env.accept(env.good)
        else:
            env.refuse(bytes(data), "damaged|altered")


def test_swapped_members_are_refused(env: Setup) -> None:
    parts = members(env.good)
    swapped = dict(parts, **{fmt.CHANGES: parts[fmt.NOTE], fmt.NOTE: parts[fmt.CHANGES]})
    env.refuse(pack(swapped), "does not match the signed manifest")
    other = members(env.reps.base_bundle.read_bytes())
    env.refuse(pack(dict(parts, **{fmt.CHANGES: other[fmt.CHANGES]})),
               "does not match the signed manifest")
    env.refuse(pack(dict(other, **{fmt.MANIFEST: parts[fmt.MANIFEST]})), "signature")
    env.refuse(pack(dict(parts, **{fmt.SIGNATURE: other[fmt.SIGNATURE]})), "signature")


def test_zip_bombs_are_refused(env: Setup) -> None:
    parts = members(env.good)
    bomb = dict(parts, **{fmt.CHANGES: b"\n" * (24 * fmt.MiB)})
    env.refuse(pack(bomb), "zip bomb")
    env.refuse(pack(dict(parts, **{fmt.NOTE: b"x" * (fmt.MAX_MEMBER_SIZE[fmt.NOTE] + 1)})),
               "too large")
    many = dict(parts, **{f"x{i}": b"" for i in range(fmt.MAX_ENTRIES)})
    env.refuse(pack(many), "entries")


def test_a_member_that_lies_about_its_size_is_refused(env: Setup) -> None:
    data = bytearray(env.good)
    offset = zipfile.ZipFile(io.BytesIO(env.good)).start_dir
    while True:  # walk the central directory to the entry of changes.jsonl
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", data, offset + 28)
        if data[offset + 46 : offset + 46 + name_len] == fmt.CHANGES.encode():
            break
        offset += 46 + name_len + extra_len + comment_len
    struct.pack_into("<I", data, offset + 24, 40)  # its uncompressed size: 40 bytes
    env.refuse(bytes(data), "size|damaged")


@pytest.mark.parametrize("name", ["../changes.jsonl", "/etc/passwd", "sub/README.txt",
                                  "..\\evil", "C:evil.txt", "a\\b"])
def test_member_names_with_paths_are_refused(env: Setup, name: str) -> None:
    parts = members(env.good)
    env.refuse(pack(dict(parts, **{name: b"x"})), "path")


def test_unexpected_or_missing_members_are_refused(env: Setup) -> None:
    parts = members(env.good)
    env.refuse(pack(dict(parts, **{"extra.txt": b"x"})), "does not hold the members")
    env.refuse(pack({k: v for k, v in parts.items() if k != fmt.NOTE}),
               "does not hold the members")
    env.refuse(pack({k: v for k, v in parts.items() if k != fmt.MANIFEST}), "no manifest")
    env.refuse(b"plain text, not a zip", "damaged or truncated")


def test_a_newer_major_version_is_refused_and_a_newer_minor_is_read(env: Setup) -> None:
    def newer(major: int, minor: int) -> Callable[[dict[str, Any]], None]:
        def edit(doc: dict[str, Any]) -> None:
            doc["version"] = f"{major}.{minor}"
            doc["added_later"] = {"anything": [1, 2]}
        return edit

    message = env.refuse(reforged(env.good, manifest=newer(fmt.MAJOR + 1, 0)), "newer")
    assert message.endswith("made by a newer cmsdesk: update to import it")
    assert len(env.accept(reforged(env.good, manifest=newer(fmt.MAJOR, fmt.MINOR + 7)))) == 16
    env.refuse(reforged(env.good, manifest=lambda d: d.update(format="zip-of-cats")),
               "not a cmsdesk bundle")


def test_a_forged_signature_is_refused(env: Setup) -> None:
    parts = members(env.good)
    env.refuse(pack(dict(parts, **{fmt.SIGNATURE: bytes(64)})), "signature does not match")
    doc = json.loads(parts[fmt.MANIFEST])
    doc["sender"]["party"] = "Someone else"  # claims another sender, keeps the old signature
    env.refuse(forge(doc, parts[fmt.CHANGES], Ed25519PrivateKey.generate(),
                     note=parts[fmt.NOTE], signature=parts[fmt.SIGNATURE]),
               "signature does not match")
    # signed by a key other than the one the manifest names
    env.refuse(reforged(env.good, manifest=lambda d: d["sender"].update(
        key=public_key_of(Ed25519PrivateKey.generate()))), "signature does not match")


def test_a_change_whose_content_does_not_match_its_id_is_refused(env: Setup) -> None:
    def alter(body: dict[str, Any]) -> None:
        if body["field"] == "text":
            body["value"] = "Quietly altered in transit."

    env.refuse(reforged(env.good, change=alter, fix_ids=False), "does not match its id")


def test_malformed_changes_are_refused(env: Setup) -> None:
    env.refuse(reforged(env.good, change=lambda b: b.pop("clock")), "malformed")
    env.refuse(reforged(env.good, change=lambda b: b.update(op="explode")), "malformed")

    def bad_value(body: dict[str, Any]) -> None:
        if body["field"] == "status":
            body["value"] = {"not": "a status"}

    env.refuse(reforged(env.good, change=bad_value), "wrong form")
    env.refuse(reforged(env.good, manifest=lambda d: d.update(count=3)), "manifest says 3")
    env.refuse(reforged(env.good, manifest=lambda d: d["provides"].update(
        {d["sender"]["replica"]: 5})), "do not match what its manifest says")


def test_a_change_of_another_plan_is_refused(env: Setup) -> None:
    env.refuse(reforged(env.good, change=lambda b: b.update(plan=str(uuid.uuid4()))),
               "belongs to another plan")


def test_a_change_to_another_plans_title_is_refused(env: Setup) -> None:
    def retitle(body: dict[str, Any]) -> None:
        if body["field"] == "text":
            body.update(entity="plan", eid=str(uuid.uuid4()), field="title", parents=[])

    env.refuse(reforged(env.good, change=retitle), "belongs to another plan")


def test_a_bundle_of_another_plan_is_refused_when_a_plan_is_chosen(env: Setup) -> None:
    db = env.fresh_target()
    store = Store.open(db)
    other = create_plan(store, "Another plan").created
    store.close()
    before = file_hash(db)
    store = Store.open(db)
    with pytest.raises(fmt.BundleError, match="another plan"):
        import_bundle(store, env.good_path, plan=other)
    store.close()
    assert file_hash(db) == before


def test_a_change_building_on_an_unknown_version_is_refused(env: Setup) -> None:
    def orphan(body: dict[str, Any]) -> None:
        body["parents"] = ["0" * 64]

    env.refuse(reforged(env.good, change=orphan), "builds on a version this store does not hold")


def test_an_edit_of_an_item_of_another_plan_is_refused(env: Setup) -> None:
    parts = members(env.good)
    items = [json.loads(line) for line in parts[fmt.CHANGES].splitlines()]
    doc = json.loads(parts[fmt.MANIFEST])
    plan = str(uuid.uuid4())
    for item in items:  # the same node ids, claimed for another plan
        item["change"]["plan"] = plan
        item["change"]["parents"] = []
        item["id"] = digest(item["change"])
    replica = doc["sender"]["replica"]
    doc.update(plan={"id": plan, "title": "Trojan"}, requires={}, kind="full",
               provides={replica: doc["provides"][replica]})
    key = Ed25519PrivateKey.generate()
    doc["sender"]["key"] = public_key_of(key)
    body = b"".join(canonical_bytes(i) + b"\n" for i in items)
    env.refuse(forge(doc, body, key), "belongs to another plan in this store")


def test_oversized_and_unreadable_files_are_refused(env: Setup,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fmt, "MAX_FILE_SIZE", 100)
    env.refuse(env.good, "larger than")
    monkeypatch.undo()
    store = Store.open(env.fresh_target())
    try:
        with pytest.raises(fmt.BundleError, match="cannot read"):
            import_bundle(store, env.folder / "missing.cmsb")
    finally:
        store.close()


def test_a_refused_import_leaves_the_text_alone(env: Setup) -> None:
    db = env.fresh_target()
    store = Store.open(db)
    try:
        before = text_of(store, env.reps.targets[0])
        bundle = env.folder / "newer.cmsb"
        bundle.write_bytes(reforged(env.good, manifest=lambda d: d.update(version="9.0")))
        with pytest.raises(fmt.BundleError):
            import_bundle(store, bundle)
        assert text_of(store, env.reps.targets[0]) == before
    finally:
        store.close()


@pytest.fixture(autouse=True)
def _no_leftover_stores(env: Setup) -> Iterator[None]:
    yield
    leftovers = [p for p in env.folder.glob("*.db.lock")]
    assert not leftovers, "a test left a store open"
