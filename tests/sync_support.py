"""Helpers for the sync tests: quick stores with distinct replicas, a small base plan, forging
bundles (of format 2.0, and of 1.0 for the tests of the 1.0 reader).

A new store costs a migration and the framework install (about 0.2 s); the property tests need
dozens, so :class:`Replicas` copies one prepared store file and gives each copy its own replica
id. The base plan is small on purpose (a goal with three targets of four sentences each).
"""

from __future__ import annotations

import hashlib
import io
import json
import uuid
import zipfile
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pg_support import Locations
from sqlalchemy import select

from cmsdesk.models import queries
from cmsdesk.models.canonical import canonical_bytes
from cmsdesk.models.changelog import bodies, version_id
from cmsdesk.models.commands import PlanEditor, create_plan
from cmsdesk.models.identity import Profile
from cmsdesk.models.schema import Change
from cmsdesk.models.store import Store
from cmsdesk.sync import format as fmt
from cmsdesk.sync.exporter import pack, signature_line
from cmsdesk.sync.importer import import_bundle
from cmsdesk.sync.patch import encoded, parse_patch, shortest_patch

BASE_TEXTS = [
    "Migratory species are conserved along their routes. Range States cooperate. "
    "Threats are reduced. Progress is reported.",
    "Habitats are protected. Stopover sites are managed. Barriers are removed. "
    "Connectivity is restored.",
    "Bycatch is reduced. Illegal killing ends. Poisoning stops. Monitoring improves.",
]


def profile_for(i: int) -> Profile:
    regions = ("Africa", "Europe", "Oceania")
    return Profile(f"Delegate {i}", f"Party {i}", regions[i % 3], "delegate")


class Replicas:
    """Makes stores from one prepared store: each a distinct installation holding the base plan.

    The stores are files in ``folder``, or databases on the tests' PostgreSQL server when
    ``locations`` says so (the merge suite runs on both).
    """

    def __init__(self, folder: Path, locations: Locations | None = None) -> None:
        self.folder = folder
        self.locations = locations or Locations(folder)
        folder.mkdir(parents=True, exist_ok=True)
        self.origin = self.locations.new("origin")
        origin = Store.open(self.origin)
        origin.set_profile(Profile("Secretariat", "UNEP/CMS", "", "secretariat"))
        self.plan_id = create_plan(origin, "Plan for tests", "2015-2023").created or ""
        editor = PlanEditor(origin, self.plan_id)
        self.chapter = editor.add_node(None, "chapter", "Goals").created or ""
        self.targets = [editor.add_node(self.chapter, "target", f"Target {i + 1}", text).created
                        or ""
                        for i, text in enumerate(BASE_TEXTS)]
        self.base_bundle = folder / "base.cmsb"
        from cmsdesk.sync.exporter import export_bundle

        export_bundle(origin, self.plan_id, self.base_bundle)
        self.origin_replica = origin.replica_id
        origin.close()
        self.empty = self.locations.new("empty")
        Store.open(self.empty).close()
        holder = self._clone(self.empty, "proto", Profile("x", "x", "", "delegate"))
        self.proto = holder.path or holder.location
        import_bundle(holder, self.base_bundle)
        holder.close()

    def origin_copy(self) -> Store:
        """A copy of the store that made the base plan: the same installation (replica, key)."""
        return Store.open(self.locations.clone(self.origin, "origin"))

    def _clone(self, source: Path | str, name: str, profile: Profile) -> Store:
        store = Store.open(self.locations.clone(source, name))
        store.replica_id = uuid.uuid4().hex
        store.set_meta("replica_id", store.replica_id)
        store.set_profile(profile)
        return store

    def new_store(self, name: str, *, base: bool = True, profile: Profile | None = None) -> Store:
        """A new installation named after ``name``, holding the base plan or nothing."""
        return self._clone(self.proto if base else self.empty, name,
                           profile or Profile(name, name, "", "delegate"))


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def change_set(store: Store, plan_id: str) -> dict[str, str]:
    with store.session() as s:
        return bodies(s, plan_id)


def state(store: Store, plan_id: str) -> dict[str, Any]:
    with store.session() as s:
        return queries.snapshot(s, plan_id)


def text_of(store: Store, node_id: str, field: str = "text") -> str:
    with store.session() as s:
        return queries.node_view(s, node_id).fields[field]


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def unpack(data: bytes) -> tuple[dict[str, Any], list[dict[str, Any]], bytes]:
    """A bundle's manifest, change lines (as objects) and archive comment (format 2.0 on)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        first, *rest, _signature, _end = zf.read(fmt.DATA).split(b"\n")
        return json.loads(first), [json.loads(line) for line in rest], zf.comment


def seal(manifest: dict[str, Any], items: list[dict[str, Any]], key: Ed25519PrivateKey, *,
         signature: bytes | None = None, comment: bytes = b"note",
         extra: dict[str, bytes] | None = None) -> bytes:
    """A bundle made by hand from its manifest and change lines, signed with ``key``
    (unless ``signature`` is given), so that only the defect a test plants is wrong."""
    signed = canonical_bytes(manifest) + b"\n" + b"".join(encoded(i) + b"\n" for i in items)
    line = signature_line(signature if signature is not None else key.sign(signed))
    return pack({fmt.DATA: signed + line, **(extra or {})}, comment)


def version_values(store: Store) -> dict[str, str]:
    """Every version's value (canonical JSON text) a store holds: the bases of patches."""
    with store.session() as s:
        return dict(s.execute(select(Change.version_id, Change.value)).all())


def restored(items: list[dict[str, Any]], bases: dict[str, str]) -> list[dict[str, Any]]:
    """The change lines with every patch replaced by the whole value."""
    out = []
    for item in items:
        body = dict(item["change"])
        if "patch" in body:
            patch = parse_patch(body.pop("patch"), len(body["parents"]))
            body["value"] = json.loads(patch.apply(bases[body["parents"][patch.base]]))
        out.append({k: v for k, v in item.items() if k != "change"} | {"change": body})
    return out


def patched(items: list[dict[str, Any]], bases: dict[str, str]) -> list[dict[str, Any]]:
    """Whole change lines as the exporter writes them: a patch instead of the value where
    shorter (the bases: ``bases`` and the values of earlier lines)."""
    known = dict(bases)
    out = []
    for item in items:
        body = item["change"]
        value = canonical_bytes(body["value"]).decode("utf-8")
        patch = shortest_patch(value, [known.get(p) for p in body["parents"]])
        cid = item.get("id") or hashlib.sha256(encoded(body)).hexdigest()
        known[version_id(body, cid)] = value
        if patch is None:
            out.append(item)
        else:
            rest = {k: v for k, v in body.items() if k != "value"}
            tail = {k: v for k, v in item.items() if k != "change"}
            out.append({"change": rest | {"patch": patch.to_json()}} | tail)
    return out


def resign_changes(items: list[dict[str, Any]], bases: dict[str, str],
                   key: Ed25519PrivateKey) -> None:
    """Sign every signed change line (format 3.0) again with ``key``, as its author would."""
    from cmsdesk.sync.signing import sign_change

    for item, whole in zip(items, restored(items, bases), strict=True):
        if "sig" in item:
            item["sig"] = sign_change(key, hashlib.sha256(encoded(whole["change"])).hexdigest())


def forge_1(manifest: dict[str, Any], changes: bytes, key: Ed25519PrivateKey, *,
            note: bytes = b"note\n", signature: bytes | None = None,
            extra: dict[str, bytes] | None = None) -> bytes:
    """A bundle of format 1.0 made by hand: the member hashes are computed, the manifest signed
    with ``key`` (unless ``signature`` is given), so that only the defect a test plants is wrong."""
    doc = json.loads(json.dumps(manifest))
    doc["members"] = {fmt.CHANGES: {"size": len(changes),
                                    "sha256": hashlib.sha256(changes).hexdigest()},
                      fmt.NOTE: {"size": len(note), "sha256": hashlib.sha256(note).hexdigest()}}
    raw = canonical_bytes(doc)
    return pack({fmt.MANIFEST: raw, fmt.CHANGES: changes,
                 fmt.SIGNATURE: signature if signature is not None else key.sign(raw),
                 fmt.NOTE: note, **(extra or {})})


def check_fixture_plan(store: Store, plan_id: str, t1_id: str,
                       t2_id: str) -> tuple[queries.NodeView, queries.NodeView]:
    """What every format's pair of fixture bundles holds once both are imported: the
    Secretariat's plan (a part, a goal, two targets, a cross-reference, a status, a comment) and
    Perú's rewrite of a sentence of T1 the Secretariat also rewrote, kept as a conflict. The
    views of T1 and T2, for the checks particular to a format."""
    from cmsdesk.sync.conflicts import list_conflicts

    with store.session() as s:
        plan = queries.find_plan(s, None)
        assert (plan.title, plan.symbol) == ("Strategic Plan for Migratory Species 2015-2023",
                                             "UNEP/CMS/COP11/Doc.15.2")
        assert [e.label for e in queries.outline(s, plan_id)] == ["P1", "G1", "T1", "T2"]
        t1, t2 = queries.node_view(s, t1_id), queries.node_view(s, t2_id)
    assert [(x.framework, x.target) for x in t1.xrefs] == [("aichi", "1")]
    assert t2.fields["status"] == "proposed"
    assert t2.comments[0].text == "Should this name fisheries subsidies?"
    assert "el ñandú está protegido" in t1.fields["text"]
    [conflict] = list_conflicts(store, plan_id)
    assert [a["proposers"] for a in conflict.alternatives] == [["UNEP/CMS Secretariat"],
                                                              ["Perú"]]
    assert t1.fields["text"].startswith("[Option 1 (UNEP/CMS Secretariat): By 2020, people")
    return t1, t2
