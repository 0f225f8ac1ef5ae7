"""Bad bundles are refused with a clear message, and the store file stays byte-for-byte the same.

Each defect is planted alone: forged bundles are re-signed (and, for format 1.0, their member
hashes recomputed), so that the check under test is the only one that can catch it. Most cases
are bundles of format 2.0 (the one cmsdesk writes); the last ones test the reader of 1.0 files.
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
from sync_support import (
    Replicas,
    change_set,
    file_hash,
    forge_1,
    members,
    patched,
    resign_changes,
    restored,
    seal,
    text_of,
    unpack,
    version_values,
)

from cmsdesk.models.canonical import canonical_bytes, digest
from cmsdesk.models.commands import PlanEditor, create_plan
from cmsdesk.models.store import Store
from cmsdesk.sync import format as fmt
from cmsdesk.sync.exporter import export_bundle, pack, signature_line
from cmsdesk.sync.importer import import_bundle
from cmsdesk.sync.signing import public_key_of

FIXTURES = Path(__file__).with_name("fixtures")
EDITED = "Bycatch is reduced. Illegal killing ends everywhere by 2030. Poisoning stops. " \
         "Monitoring improves."


class Setup:
    """A store file holding the base plan (closed), and a good delta bundle for it: a text
    rewritten, a status set, and a sentence changed (a patch)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.reps = Replicas(folder / "replicas")
        sender = self.reps.new_store("sender")
        editor = PlanEditor(sender, self.reps.plan_id)
        editor.set_field(self.reps.targets[0], "text", "Changed by the sender. Range States act.")
        editor.set_field(self.reps.targets[1], "status", "proposed")
        editor.set_field(self.reps.targets[2], "text", EDITED)
        self.good_path = folder / "good.cmsb"
        export_bundle(sender, self.reps.plan_id, self.good_path, to_peer="UNEP/CMS")
        self.bases = version_values(sender)
        self.sender = sender.path
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

    def accept(self, data: bytes, plan_id: str | None = None) -> dict[str, str]:
        bundle = self.folder / f"b-{uuid.uuid4().hex[:8]}.cmsb"
        bundle.write_bytes(data)
        store = Store.open(self.fresh_target())
        try:
            import_bundle(store, bundle)
            return change_set(store, plan_id or self.reps.plan_id)
        finally:
            store.close()

    def reforged(self, data: bytes | None = None, *,
                 manifest: Callable[[dict[str, Any]], None] | None = None,
                 change: Callable[[dict[str, Any]], None] | None = None,
                 line: Callable[[dict[str, Any]], None] | None = None,
                 fix_ids: bool = True, signer: Ed25519PrivateKey | None = None) -> bytes:
        """The bundle (by default the good one) re-signed by a fresh key after edits: of the
        manifest, of every whole change (``change``, then patched again as the exporter would),
        or of every change line as written (``line``, patches included)."""
        doc, items, comment = unpack(data or self.good)
        key = signer or Ed25519PrivateKey.generate()
        if change is not None:
            items = restored(items, self.bases)
            for item in items:
                change(item["change"])
                if fix_ids and "id" in item:
                    item["id"] = digest(item["change"])
        if fix_ids:  # the sender's own changes are signed with its key (format 3.0)
            resign_changes(items, self.bases, key)
        if change is not None:
            items = patched(items, self.bases)
        for item in items:
            if line is not None:
                line(item)
        doc["sender"]["key"] = public_key_of(key)
        if manifest is not None:
            manifest(doc)
        return seal(doc, items, key, comment=comment)


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Setup:
    return Setup(tmp_path_factory.mktemp("bad"))


def _patch_of(item: dict[str, Any]) -> dict[str, Any] | None:
    patch: dict[str, Any] | None = item["change"].get("patch")
    return patch


def test_the_reference_bundle_is_accepted(env: Setup) -> None:
    held = 18  # the plan (title, period, symbol, sentence rules), its chapter, targets, edit
    assert len(env.accept(env.good)) == held
    assert len(env.accept(env.reforged())) == held  # re-signing alone breaks nothing
    assert len(env.accept(env.reforged(change=lambda b: None))) == held  # nor patching again
    _, items, comment = unpack(env.good)
    assert [bool(_patch_of(i)) for i in items] == [False, False, True]
    assert comment.startswith(b"cmsdesk draft bundle from sender (sender): 3 changes to")
    assert set(members(env.good)) == {fmt.DATA}


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
    else:  # only what no check depends on was hit: zip bookkeeping, or the unsigned note
        try:
            assert change_set(store, env.reps.plan_id) == env.accept(env.good)
        finally:
            store.close()


def _data_as_read(bundle: bytes) -> bytes | None:
    """What a zip reader gets out of the bundle's member (None if it cannot read it).

    Judged by the reader itself, not by inflating the raw stream by hand: a flip can damage the
    stream past the point where the member's data ends, and then both readers disagree.
    """
    try:
        return zipfile.ZipFile(io.BytesIO(bundle)).read(fmt.DATA)
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError):
        return None


def test_flips_inside_the_compressed_member_are_refused(env: Setup) -> None:
    info = zipfile.ZipFile(io.BytesIO(env.good)).getinfo(fmt.DATA)
    start = info.header_offset + 30 + len(info.filename)
    original = _data_as_read(env.good)
    for offset in range(0, info.compress_size, max(1, info.compress_size // 12)):
        data = bytearray(env.good)
        data[start + offset] ^= 0x10
        if _data_as_read(bytes(data)) == original:
            # a bit the content does not depend on (deflate padding): it is intact and signed
            assert env.accept(bytes(data)) == env.accept(env.good)
        else:
            env.refuse(bytes(data), "damaged|altered")


def test_zip_bombs_and_oversized_members_are_refused(env: Setup,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(fmt.MAX_MEMBER_SIZE, fmt.DATA, 2 * fmt.MiB)
    env.refuse(pack({fmt.DATA: b"\n" * (3 * fmt.MiB)}), "zip bomb")
    monkeypatch.undo()
    many = dict(members(env.good), **{f"x{i}": b"" for i in range(fmt.MAX_ENTRIES)})
    env.refuse(pack(many), "entries")
    monkeypatch.setitem(fmt.MAX_MEMBER_SIZE, fmt.DATA, 100)
    env.refuse(env.good, "too large")


def test_a_member_that_lies_about_its_size_is_refused(env: Setup) -> None:
    data = bytearray(env.good)
    offset = zipfile.ZipFile(io.BytesIO(env.good)).start_dir
    name_len = struct.unpack_from("<H", data, offset + 28)[0]
    assert data[offset + 46 : offset + 46 + name_len] == fmt.DATA.encode()
    struct.pack_into("<I", data, offset + 24, 40)  # its uncompressed size: 40 bytes
    env.refuse(bytes(data), "size|damaged")


@pytest.mark.parametrize("name", ["../bundle.jsonl", "/etc/passwd", "sub/README.txt",
                                  "..\\evil", "C:evil.txt", "a\\b"])
def test_member_names_with_paths_are_refused(env: Setup, name: str) -> None:
    env.refuse(pack(dict(members(env.good), **{name: b"x"})), "path")


def test_unexpected_or_missing_members_are_refused(env: Setup) -> None:
    parts = members(env.good)
    env.refuse(pack(dict(parts, **{"extra.txt": b"x"})), "does not hold the members")
    env.refuse(pack(dict(parts, **{fmt.MANIFEST: b"{}"})), "does not hold the members")
    env.refuse(pack({}), "no manifest")
    env.refuse(pack({"README.txt": b"hello"}), "no manifest")
    env.refuse(b"plain text, not a zip", "damaged or truncated")


def test_a_newer_major_version_is_refused_and_a_newer_minor_is_read(env: Setup) -> None:
    def newer(major: int, minor: int) -> Callable[[dict[str, Any]], None]:
        def edit(doc: dict[str, Any]) -> None:
            doc["version"] = f"{major}.{minor}"
            doc["added_later"] = {"anything": [1, 2]}
        return edit

    message = env.refuse(env.reforged(manifest=newer(fmt.MAJOR + 1, 0)), "newer")
    assert message.endswith("made by a newer cmsdesk: update to import it")
    later = members(env.reforged(manifest=newer(fmt.MAJOR + 1, 0)))
    env.refuse(pack(later | {"added-later.bin": b"x"}), "newer")  # whatever else it holds
    assert len(env.accept(env.reforged(manifest=newer(fmt.MAJOR, fmt.MINOR + 7)))) == 18
    env.refuse(env.reforged(manifest=newer(1, 0)), "laid out as format 2")
    env.refuse(env.reforged(manifest=newer(0, 9)), "no cmsdesk ever wrote")
    env.refuse(env.reforged(manifest=lambda d: d.update(format="zip-of-cats")),
               "not a cmsdesk bundle")


def _data(bundle: bytes) -> bytes:
    return members(bundle)[fmt.DATA]


def _with_data(raw: bytes) -> bytes:
    return pack({fmt.DATA: raw}, b"note")


def test_a_forged_or_missing_signature_is_refused(env: Setup) -> None:
    raw = _data(env.good)
    signed, last = raw[:raw.rindex(b"\n", 0, len(raw) - 1) + 1], raw[raw.rindex(
        b"\n", 0, len(raw) - 1) + 1:]
    assert last.startswith(b'{"signature":')
    env.refuse(_with_data(signed + signature_line(bytes(64))), "signature does not match")
    env.refuse(_with_data(signed), "does not end with its signature")
    env.refuse(_with_data(signed + last.rstrip(b"\n")), "does not end with its signature")
    env.refuse(_with_data(signed + b'{"signature":"not base64!"}\n'), "not base64")
    env.refuse(_with_data(signed + signature_line(bytes(63))), "wrong size")
    env.refuse(_with_data(signed + last + b'{"change":{},"id":"x"}\n'),
               "does not end with its signature")
    doc, items, _ = unpack(env.good)
    doc["sender"]["party"] = "Someone else"  # claims another sender, keeps the old signature
    env.refuse(seal(doc, items, Ed25519PrivateKey.generate(),
                    signature=json_signature(last)), "signature does not match")
    # signed by a key other than the one the manifest names
    env.refuse(env.reforged(manifest=lambda d: d["sender"].update(
        key=public_key_of(Ed25519PrivateKey.generate()))), "signature does not match")


def json_signature(line: bytes) -> bytes:
    import base64

    return base64.b64decode(json.loads(line)["signature"])


def test_a_change_added_or_dropped_after_signing_is_refused(env: Setup) -> None:
    raw = _data(env.good)
    first, *changes, last, end = raw.split(b"\n")
    extra = changes[0].replace(b'"proposed"', b'"adopted"')
    for lines in ([first, *changes, extra], [first, *changes[1:]]):
        env.refuse(_with_data(b"\n".join([*lines, last, end])), "signature does not match")


def test_a_count_that_lies_is_refused(env: Setup) -> None:
    env.refuse(env.reforged(manifest=lambda d: d.update(count=4)), "manifest says 4")
    env.refuse(env.reforged(manifest=lambda d: d.update(count=2)), "manifest says 2")


def test_a_change_whose_content_does_not_match_its_id_is_refused(env: Setup) -> None:
    def alter(target: int) -> Callable[[dict[str, Any]], None]:
        def edit(body: dict[str, Any]) -> None:
            if body["eid"] == env.reps.targets[target] and body["field"] == "text":
                body["value"] = body["value"].replace(".", "!", 1)
        return edit

    # a whole change, and one that travels as a patch: signed (3.0), the signature fails
    env.refuse(env.reforged(change=alter(0), fix_ids=False), "does not match its signature")
    env.refuse(env.reforged(change=alter(2), fix_ids=False), "does not match its signature")

    def wrong_id(item: dict[str, Any]) -> None:  # an unsigned line (made before 3.0)
        del item["sig"]
        item["id"] = "0" * 64

    env.refuse(env.reforged(line=wrong_id), "change 1's content does not match")


def test_a_tampered_patch_is_refused(env: Setup) -> None:
    def tamper(edit: Callable[[dict[str, Any]], None]) -> Callable[[dict[str, Any]], None]:
        def on_line(item: dict[str, Any]) -> None:
            patch = _patch_of(item)
            if patch is not None:
                edit(patch)
        return on_line

    env.refuse(env.reforged(line=tamper(lambda p: p.update(text=p["text"].upper()))),
               "does not match its signature")
    env.refuse(env.reforged(line=tamper(lambda p: p.update(keep=[p["keep"][0] - 1,
                                                                 p["keep"][1]]))),
               "does not match its signature|not valid")
    env.refuse(env.reforged(line=tamper(lambda p: p.update(keep=[10**6, 0]))),
               "keeps more than the version it patches holds")
    env.refuse(env.reforged(line=tamper(lambda p: p.update(base=1))), "malformed.*base")
    env.refuse(env.reforged(line=tamper(lambda p: p.update(keep=[1]))), "malformed.*keep")
    env.refuse(env.reforged(line=tamper(lambda p: p.update(text=None))), "malformed.*text")
    env.refuse(env.reforged(line=tamper(lambda p: p.update(extra=1))), "malformed")
    env.refuse(env.reforged(line=lambda i: i["change"].update(value="x")
                            if _patch_of(i) else None), "malformed")


def test_a_patch_whose_base_the_receiver_does_not_hold_is_refused(env: Setup) -> None:
    unknown = "0" * 64

    def line(item: dict[str, Any]) -> None:
        if _patch_of(item):
            item["change"]["parents"] = [unknown]

    env.refuse(env.reforged(line=line),
               "change 3 is a patch of a version that neither this store nor the bundle holds")


def test_a_patched_bundle_whose_prerequisites_are_missing_names_what_to_import_first(
        env: Setup) -> None:
    sender = Store.open(env.sender)
    try:
        PlanEditor(sender, env.reps.plan_id).set_field(
            env.reps.targets[2], "text", EDITED.replace("Poisoning stops", "Poisoning ends"))
        later = env.folder / "later.cmsb"
        export_bundle(sender, env.reps.plan_id, later, to_peer="UNEP/CMS")
    finally:
        sender.close()
    doc, [item], _ = unpack(later.read_bytes())
    assert _patch_of(item) and doc["requires"][doc["sender"]["replica"]] == 3
    env.refuse(later.read_bytes(), r"builds on 3 change\(s\) by sender \(sender\).*import the "
               r"earlier bundle from sender \(sender\) first")


def test_malformed_changes_are_refused(env: Setup) -> None:
    env.refuse(env.reforged(change=lambda b: b.pop("clock")), "malformed")
    env.refuse(env.reforged(change=lambda b: b.update(op="explode")), "malformed")
    env.refuse(env.reforged(line=lambda i: i["change"].pop("clock")), "malformed")

    def bad_value(body: dict[str, Any]) -> None:
        if body["field"] == "status":
            body["value"] = {"not": "a status"}

    env.refuse(env.reforged(change=bad_value), "wrong form")
    env.refuse(env.reforged(manifest=lambda d: d["provides"].update(
        {d["sender"]["replica"]: 5})), "do not match what its manifest says")
    env.refuse(env.reforged(line=lambda i: i.update(id=7)), "not an object with its signature")
    env.refuse(env.reforged(line=lambda i: i.update(sig=7)), "not an object with its signature")


def test_a_change_of_another_plan_is_refused(env: Setup) -> None:
    env.refuse(env.reforged(change=lambda b: b.update(plan=str(uuid.uuid4()))),
               "belongs to another plan")


def test_a_change_to_another_plans_title_is_refused(env: Setup) -> None:
    def retitle(body: dict[str, Any]) -> None:
        if body["field"] == "text" and body["eid"] == env.reps.targets[0]:
            body.update(entity="plan", eid=str(uuid.uuid4()), field="title", parents=[])

    env.refuse(env.reforged(change=retitle), "belongs to another plan")


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

    env.refuse(env.reforged(change=orphan), "builds on a version this store does not hold")


def test_an_edit_of_an_item_of_another_plan_is_refused(env: Setup) -> None:
    doc, items, _ = unpack(env.good)
    items = restored(items, env.bases)
    plan = str(uuid.uuid4())
    for item in items:  # the same node ids, claimed for another plan
        item["change"]["plan"] = plan
        item["change"]["parents"] = []
        item.pop("sig")  # sent as a change made before 3.0, unsigned: no key to forge
        item["id"] = digest(item["change"])
    replica = doc["sender"]["replica"]
    doc.update(plan={"id": plan, "title": "Trojan"}, requires={}, kind="full",
               provides={replica: doc["provides"][replica]})
    key = Ed25519PrivateKey.generate()
    doc["sender"]["key"] = public_key_of(key)
    env.refuse(seal(doc, items, key), "belongs to another plan in this store")


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
        bundle.write_bytes(env.reforged(manifest=lambda d: d.update(version="9.0")))
        with pytest.raises(fmt.BundleError):
            import_bundle(store, bundle)
        assert text_of(store, env.reps.targets[0]) == before
    finally:
        store.close()


# -- the reader of format 1.0 -------------------------------------------------------------------

V1 = FIXTURES / "v1.0-full.cmsb"
V1_PLAN = "0cd8341d-dbaf-453a-a8d2-97feb48a43b7"


def reforged_1(*, manifest: Callable[[dict[str, Any]], None] | None = None,
               change: Callable[[dict[str, Any]], None] | None = None) -> bytes:
    """The 1.0 fixture with its manifest or changes edited, hashes recomputed, re-signed."""
    parts = members(V1.read_bytes())
    doc = json.loads(parts[fmt.MANIFEST])
    items = [json.loads(line) for line in parts[fmt.CHANGES].splitlines()]
    for item in items:
        if change is not None:
            change(item["change"])
    key = Ed25519PrivateKey.generate()
    doc["sender"]["key"] = public_key_of(key)
    if manifest is not None:
        manifest(doc)
    body = b"".join(canonical_bytes(i) + b"\n" for i in items)
    return forge_1(doc, body, key, note=parts[fmt.NOTE])


def test_a_format_1_0_bundle_is_read_and_reforged_ones_too(env: Setup) -> None:
    assert len(env.accept(V1.read_bytes(), V1_PLAN)) == 19
    assert len(env.accept(reforged_1(), V1_PLAN)) == 19


def test_format_1_0_swapped_or_missing_members_are_refused(env: Setup) -> None:
    parts = members(V1.read_bytes())
    other = members((FIXTURES / "v1.0-delta.cmsb").read_bytes())
    swapped = dict(parts, **{fmt.CHANGES: parts[fmt.NOTE], fmt.NOTE: parts[fmt.CHANGES]})
    env.refuse(pack(swapped), "does not match the signed manifest")
    env.refuse(pack(dict(parts, **{fmt.CHANGES: other[fmt.CHANGES]})),
               "does not match the signed manifest")
    env.refuse(pack(dict(other, **{fmt.MANIFEST: parts[fmt.MANIFEST]})), "signature")
    env.refuse(pack(dict(parts, **{fmt.SIGNATURE: other[fmt.SIGNATURE]})), "signature")
    env.refuse(pack(dict(parts, **{fmt.SIGNATURE: bytes(64)})), "signature does not match")
    env.refuse(pack(dict(parts, **{"extra.txt": b"x"})), "does not hold the members")
    env.refuse(pack({k: v for k, v in parts.items() if k != fmt.NOTE}),
               "does not hold the members")
    env.refuse(pack(dict(parts, **{fmt.NOTE: b"x" * (fmt.MAX_MEMBER_SIZE[fmt.NOTE] + 1)})),
               "too large")


def test_format_1_0_versions_and_altered_changes_are_refused(env: Setup) -> None:
    message = env.refuse(reforged_1(manifest=lambda d: d.update(version="4.0")), "newer")
    assert message.endswith("made by a newer cmsdesk: update to import it")
    env.refuse(reforged_1(manifest=lambda d: d.update(version="2.0")), "laid out as format 1")

    def alter(body: dict[str, Any]) -> None:
        if body["field"] == "text":
            body["value"] = "Quietly altered in transit."

    env.refuse(reforged_1(change=alter), "does not match its id")


@pytest.fixture(autouse=True)
def _no_leftover_stores(env: Setup) -> Iterator[None]:
    yield
    leftovers = [p for p in env.folder.glob("*.db.lock")]
    assert not leftovers, "a test left a store open"
