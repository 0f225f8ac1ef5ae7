"""Per-change signatures (bundle format 3.0): changes stay their authors' through forwarding,
and no bundle can place changes under another installation or use up its counters."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select
from sync_support import (
    Replicas,
    change_set,
    resign_changes,
    restored,
    seal,
    text_of,
    unpack,
    version_values,
)

from cmsdesk.models import queries
from cmsdesk.models.canonical import digest
from cmsdesk.models.changelog import Key
from cmsdesk.models.commands import PlanEditor
from cmsdesk.models.identity import Profile
from cmsdesk.models.schema import Change, ChangeSignature
from cmsdesk.models.store import Store
from cmsdesk.sync import format as fmt
from cmsdesk.sync.exporter import export_bundle
from cmsdesk.sync.importer import import_bundle
from cmsdesk.sync.peers import key_file_json, pin_key_file
from cmsdesk.sync.signing import public_key_of, signing_key
from cmsdesk.sync.validate import read_bundle

Make = Callable[..., Store]
KENYA = Profile("Wanjiru", "Kenya", "Africa", "delegate")
FOCAL = Profile("Moussa", "Senegal", "Africa", "focal point")
SECRETARIAT = Profile("Amina", "CMS Secretariat", "", "secretariat")


@pytest.fixture(scope="module")
def reps(tmp_path_factory: pytest.TempPathFactory) -> Replicas:
    return Replicas(tmp_path_factory.mktemp("authors"))


def _edit(store: Store, reps: Replicas, words: str, target: int = 0) -> None:
    rest = text_of(store, reps.targets[target]).split(". ", 1)[1]
    PlanEditor(store, reps.plan_id).set_field(reps.targets[target], "text", f"{words}. {rest}")


def _pin(store: Store, other: Store, tmp_path: Path) -> None:
    """``store`` pins ``other``'s key from the key file ``other`` exported."""
    import json

    path = tmp_path / f"{other.replica_id}.json"
    key = public_key_of(signing_key(other))
    path.write_text(json.dumps(key_file_json(other, key)), encoding="utf-8")
    pin_key_file(store, path)


def _history_parties(store: Store, reps: Replicas) -> list[str]:
    with store.session() as s:
        return [v.party for v in queries.history(s, Key("node", reps.targets[0], "text"))]


def test_a_forwarded_change_stays_verifiable_as_its_authors(reps: Replicas, make: Make,
                                                             tmp_path: Path) -> None:
    kenya, focal, sec = make("ke", profile=KENYA), make("fp", profile=FOCAL), \
        make("sec", profile=SECRETARIAT)
    _pin(sec, kenya, tmp_path)
    _edit(kenya, reps, "Kenya proposes this")
    export_bundle(kenya, reps.plan_id, tmp_path / "ke.cmsb")
    import_bundle(focal, tmp_path / "ke.cmsb")
    _edit(focal, reps, "The region proposes this", target=1)
    export_bundle(focal, reps.plan_id, tmp_path / "africa.cmsb")

    parsed = read_bundle(tmp_path / "africa.cmsb")
    assert parsed.manifest.version == (3, 0)
    assert parsed.manifest.keys[kenya.replica_id] == public_key_of(signing_key(kenya))
    assert all(c.sig for c in parsed.changes if c.body["replica"] in (kenya.replica_id,
                                                                      focal.replica_id))
    report = import_bundle(sec, tmp_path / "africa.cmsb")
    assert report.trust == "new key" and not report.verified  # the focal point: not pinned
    assert report.authors == [("Moussa", "Senegal", "new key"), ("Wanjiru", "Kenya", "pinned key")]
    assert "  Wanjiru (Kenya): verified (pinned key)" in report.author_lines()
    assert _history_parties(sec, reps)[-1] == "Kenya"
    with sec.session() as s:  # kept, so that the Secretariat can forward it again
        signed = set(s.scalars(select(Change.replica).join(
            ChangeSignature, ChangeSignature.change_id == Change.id)))
    assert {kenya.replica_id, focal.replica_id} <= signed


def _forged(reps: Replicas, genuine: Path, victim: Store, forger: Ed25519PrivateKey,
            edit: Callable[[dict[str, Any]], None] | None = None) -> bytes:
    """``genuine`` (a bundle of the victim's) re-signed by another key, the victim's changes
    signed with it too, as a forger who names itself the victim's key would."""
    doc, items, comment = unpack(genuine.read_bytes())
    items = restored(items, version_values(victim))
    for item in items:
        if edit is not None:
            edit(item["change"])
    resign_changes(items, {}, forger)
    doc["sender"]["key"] = public_key_of(forger)
    doc["keys"] = {victim.replica_id: public_key_of(forger)}
    return seal(doc, items, forger, comment=comment)


def test_no_bundle_can_place_changes_under_a_known_replica(reps: Replicas, make: Make,
                                                         tmp_path: Path) -> None:
    kenya, sec = make("ke", profile=KENYA), make("sec", profile=SECRETARIAT)
    _edit(kenya, reps, "Kenya's first words")
    export_bundle(kenya, reps.plan_id, tmp_path / "one.cmsb", to_peer="UNEP/CMS")
    assert import_bundle(sec, tmp_path / "one.cmsb").new_changes == 1
    _edit(kenya, reps, "Kenya's second words")
    genuine = tmp_path / "two.cmsb"
    export_bundle(kenya, reps.plan_id, genuine, to_peer="UNEP/CMS")

    impostor = Ed25519PrivateKey.generate()
    before = change_set(sec, reps.plan_id)
    for edit in (None, lambda b: b["author"].update(party="Brazil", name="Someone")):
        forged = tmp_path / "forged.cmsb"
        forged.write_bytes(_forged(reps, genuine, kenya, impostor, edit))
        with pytest.raises(fmt.BundleError, match="signed with another key"):
            import_bundle(sec, forged)
        assert change_set(sec, reps.plan_id) == before
    # the counters were not used up: Kenya's own bundle still imports
    assert import_bundle(sec, genuine).new_changes == 1
    assert _history_parties(sec, reps)[-2:] == ["Kenya", "Kenya"]


def test_a_forged_signature_or_an_unsigned_change_of_a_known_replica_is_refused(
        reps: Replicas, make: Make, tmp_path: Path) -> None:
    kenya, sec = make("ke", profile=KENYA), make("sec", profile=SECRETARIAT)
    _pin(sec, kenya, tmp_path)
    _edit(kenya, reps, "Kenya's words")
    genuine = tmp_path / "ke.cmsb"
    export_bundle(kenya, reps.plan_id, genuine, to_peer="UNEP/CMS")
    doc, items, comment = unpack(genuine.read_bytes())
    key = signing_key(kenya)
    before = change_set(sec, reps.plan_id)

    tampered = [dict(i, sig=items[0]["sig"][:-4] + "AAA=") for i in items]
    (tmp_path / "bad.cmsb").write_bytes(seal(doc, tampered, key, comment=comment))
    with pytest.raises(fmt.BundleError, match="does not match its signature"):
        import_bundle(sec, tmp_path / "bad.cmsb")
    whole = restored(items, version_values(kenya))
    unsigned = [{"change": i["change"], "id": digest(i["change"])} for i in whole]
    (tmp_path / "unsigned.cmsb").write_bytes(seal(doc, unsigned, key, comment=comment))
    with pytest.raises(fmt.BundleError, match="unsigned changes under the name of Wanjiru"):
        import_bundle(sec, tmp_path / "unsigned.cmsb")
    assert change_set(sec, reps.plan_id) == before
    assert import_bundle(sec, genuine).authors == [("Wanjiru", "Kenya", "pinned key")]


def test_changes_under_this_installation_signed_by_another_key_are_refused(
        reps: Replicas, make: Make, tmp_path: Path) -> None:
    kenya = make("ke", profile=KENYA)
    _edit(kenya, reps, "Kenya's words")
    export_bundle(kenya, reps.plan_id, tmp_path / "ke.cmsb")
    forged = tmp_path / "forged.cmsb"
    forged.write_bytes(_forged(reps, tmp_path / "ke.cmsb", kenya, Ed25519PrivateKey.generate()))
    with pytest.raises(fmt.BundleError, match="this installation"):
        import_bundle(kenya, forged)
