"""Keys registered for Parties: a change claiming a registered Party with another key is held
in quarantine, out of the plan, until the Secretariat accepts the key or rejects the changes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sync_support import Replicas, change_set, state, text_of

from cmsdesk.cli import main
from cmsdesk.models.commands import PlanEditor
from cmsdesk.models.held_reasons import UNREGISTERED_KEY, HeldReason, english
from cmsdesk.models.identity import Profile
from cmsdesk.models.parties import UnknownNameError
from cmsdesk.models.store import Store
from cmsdesk.sync import format as fmt
from cmsdesk.sync.exporter import export_bundle
from cmsdesk.sync.importer import import_bundle
from cmsdesk.sync.peers import key_file_json, list_peers, pin
from cmsdesk.sync.quarantine import accept, list_quarantine, reject
from cmsdesk.sync.rotation import apply_rotation, read_rotation, rotate_key
from cmsdesk.sync.signing import fingerprint, public_key_of, signing_key

Make = Callable[..., Store]
KENYA = Profile("Wanjiru", "Kenya", "Africa", "delegate")
SECRETARIAT = Profile("Amina", "CMS Secretariat", "", "secretariat")


@pytest.fixture(scope="module")
def reps(tmp_path_factory: pytest.TempPathFactory) -> Replicas:
    return Replicas(tmp_path_factory.mktemp("quarantine"))


def _key_file(store: Store, folder: Path) -> Path:
    path = folder / f"{store.replica_id}.key"
    doc = key_file_json(store, public_key_of(signing_key(store)))
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def _send(store: Store, reps: Replicas, folder: Path, words: str, target: int = 0) -> Path:
    rest = text_of(store, reps.targets[target]).split(". ", 1)[1]
    PlanEditor(store, reps.plan_id).set_field(reps.targets[target], "text", f"{words}. {rest}")
    out = folder / f"{store.replica_id}-{words[:6]}.cmsb"
    export_bundle(store, reps.plan_id, out)
    return out


@pytest.fixture
def secretariat(make: Make, tmp_path: Path) -> Store:
    """The Secretariat, with Kenya's key registered from the key file Kenya sent."""
    sec = make("sec", profile=SECRETARIAT)
    kenya = make("ke", profile=KENYA)
    main(["--db", str(sec.path), "keys", "pin", str(_key_file(kenya, tmp_path))])
    sec.kenya = kenya  # type: ignore[attr-defined]
    return sec


def test_an_impostor_claiming_a_registered_party_is_held_out_of_the_plan(
        reps: Replicas, make: Make, secretariat: Store, tmp_path: Path) -> None:
    impostor = make("fake", profile=Profile("Not Wanjiru", "Kenya", "Africa", "delegate"))
    bundle = _send(impostor, reps, tmp_path, "An impostor writes")
    before = state(secretariat, reps.plan_id)
    report = import_bundle(secretariat, bundle)
    [held] = report.quarantined
    assert report.new_changes == 1 and (held.who, held.count) == ("Not Wanjiru (Kenya)", 1)
    kenya_key = fingerprint(public_key_of(signing_key(secretariat.kenya)))  # type: ignore[attr-defined]
    assert held.reason == HeldReason(UNREGISTERED_KEY, party="Kenya", keys=(kenya_key,))
    assert report.quarantine_lines() == [
        f"  QUARANTINE: 1 change(s) by Not Wanjiru (Kenya) held out of the plan: it claims "
        f"Kenya, whose registered key is {kenya_key}, with a key that is not registered; see "
        "'cmsdesk keys' to accept or reject them"]
    assert "(1 held in quarantine)" in report.summary()
    assert state(secretariat, reps.plan_id) == before  # not merged: the plan is as it was
    [group] = list_quarantine(secretariat)
    assert (group.party, group.count, group.status) == ("Kenya", 1, "held")
    assert import_bundle(secretariat, bundle).new_changes == 0  # again: nothing new

    # Kenya's genuine bundle still imports and is merged as Kenya's
    genuine = import_bundle(secretariat, _send(secretariat.kenya, reps, tmp_path,  # type: ignore[attr-defined]
                                               "Kenya writes", target=1))
    assert genuine.quarantined == [] and genuine.authors == [("Wanjiru", "Kenya", "pinned key")]

    peer, count = reject(secretariat, impostor.replica_id)
    assert count == 1 and list_quarantine(secretariat)[0].status == "rejected"
    assert "An impostor" not in text_of(secretariat, reps.targets[0])


def test_a_new_key_of_a_party_is_merged_once_accepted(reps: Replicas, make: Make,
                                                      secretariat: Store, tmp_path: Path) -> None:
    second = make("ke2", profile=Profile("Otieno", "KE", "Africa", "delegate"))
    second.set_profile(Profile("Otieno", "Kenya", "Africa", "delegate"))
    first = _send(second, reps, tmp_path, "A second Kenyan delegate writes")
    _send(second, reps, tmp_path, "Then edits again")  # built on the held change
    assert import_bundle(secretariat, first).quarantined
    report = import_bundle(secretariat, tmp_path / f"{second.replica_id}-Then e.cmsb")
    assert report.quarantined[0].count == 1  # the change built on the held one is held too
    assert "Then edits again" not in text_of(secretariat, reps.targets[0])
    peer, count = accept(secretariat, second.replica_id)
    assert count == 2 and peer.pinned and peer.party == "Kenya"
    assert text_of(secretariat, reps.targets[0]).startswith("Then edits again.")
    assert list_quarantine(secretariat) == []
    assert {p.party for p in list_peers(secretariat) if p.pinned} == {"Kenya"}


def test_a_registered_key_cannot_speak_for_another_party(reps: Replicas, make: Make,
                                                         secretariat: Store,
                                                         tmp_path: Path) -> None:
    kenya: Store = secretariat.kenya  # type: ignore[attr-defined]
    kenya.set_profile(Profile("Wanjiru", "Brazil", "Central and South America and the "
                              "Caribbean", "delegate"))
    report = import_bundle(secretariat, _send(kenya, reps, tmp_path, "Brazil says"))
    why = english(report.quarantined[0].reason)
    assert "claims Brazil but its key" in why and "registered for Kenya" in why
    before = change_set(secretariat, reps.plan_id)
    with pytest.raises(fmt.BundleError, match="registered for Kenya: it cannot also speak for "
                                              "Brazil"):
        accept(secretariat, kenya.replica_id)
    assert change_set(secretariat, reps.plan_id) == before


def test_pinning_for_an_unknown_party_is_refused(make: Make, secretariat: Store) -> None:
    with pytest.raises(UnknownNameError, match="'Narnia' is not a CMS Party"):
        pin(secretariat, "Kenya", party="Narnia")
    assert pin(secretariat, "Kenya", party="KE").party == "Kenya"


def test_the_cli_shows_the_quarantine_and_accepts(reps: Replicas, make: Make,
                                                  secretariat: Store, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    impostor = make("fake", profile=Profile("Someone", "Kenya", "Africa", "delegate"))
    bundle = _send(impostor, reps, tmp_path, "Someone writes")
    db = str(secretariat.path)
    secretariat.close()
    capsys.readouterr()
    assert main(["--db", db, "bundle", "import", "--json", str(bundle)]) == 0
    [held] = json.loads(capsys.readouterr().out)[0]["report"]["quarantined"]
    assert (held["author"], held["changes"], held["why"]["code"], held["why"]["party"]) == (
        "Someone (Kenya)", 1, "unregistered_key", "Kenya")
    assert held["reason"].startswith("it claims Kenya, whose registered key is")
    assert main(["--db", db, "keys"]) == 0
    out = capsys.readouterr().out
    assert "QUARANTINE (held): 1 change(s) by Someone claiming Kenya" in out
    assert "with a key that is not registered" in out  # the reason, in English
    assert main(["--db", db, "keys", "--json"]) == 0
    held = {r["replica"]: r["held"] for r in json.loads(capsys.readouterr().out)}
    assert held[impostor.replica_id] == 1
    assert main(["--db", db, "keys", "accept", impostor.replica_id]) == 0
    assert "1 held change(s) merged" in capsys.readouterr().out
    assert main(["--db", db, "keys", "reject", "Kenya"]) == 1
    assert "several peers" in capsys.readouterr().err


def _rotate(store: Store, folder: Path) -> Path:
    path = folder / f"{store.replica_id}-rotation.json"
    rotate_key(store, lambda doc: path.write_text(json.dumps(doc), encoding="utf-8"))
    return path


def test_a_key_rotation_signed_by_the_old_key_carries_the_registration_over(
        reps: Replicas, make: Make, secretariat: Store, tmp_path: Path) -> None:
    kenya: Store = secretariat.kenya  # type: ignore[attr-defined]
    focal = make("fp", profile=Profile("Moussa", "Senegal", "Africa", "focal point"))
    import_bundle(focal, _send(kenya, reps, tmp_path, "Before the rotation"))
    export_bundle(focal, reps.plan_id, tmp_path / "fwd.cmsb")  # Kenya's change, old key
    old = public_key_of(signing_key(kenya))
    statement = _rotate(kenya, tmp_path)
    after = _send(kenya, reps, tmp_path, "After the rotation", target=1)
    with pytest.raises(fmt.BundleError, match="apply their rotation statement"):
        import_bundle(secretariat, after)  # not applied yet: the new key is refused
    info = apply_rotation(secretariat, read_rotation(statement))
    assert info.pinned and info.party == "Kenya" and info.public_key not in ("", old)
    # what the old key signed, forwarded by one who never saw the rotation, still verifies
    forwarded = import_bundle(secretariat, tmp_path / "fwd.cmsb")
    assert ("Wanjiru", "Kenya", "pinned key") in forwarded.authors
    report = import_bundle(secretariat, after)
    assert report.quarantined == [] and report.trust == "pinned key"
    assert text_of(secretariat, reps.targets[1]).startswith("After the rotation.")
    assert apply_rotation(secretariat, read_rotation(statement)).public_key == info.public_key


def test_bad_rotations_are_refused(reps: Replicas, make: Make, secretariat: Store,
                                   tmp_path: Path) -> None:
    kenya: Store = secretariat.kenya  # type: ignore[attr-defined]
    before = [(p.replica, p.public_key, p.party, p.pinned) for p in list_peers(secretariat)]
    plan_before = state(secretariat, reps.plan_id)
    kenya.set_profile(Profile("Wanjiru", "Brazil", "Central and South America and the "
                              "Caribbean", "delegate"))
    takeover = read_rotation(_rotate(kenya, tmp_path))  # signed by the registered key
    with pytest.raises(fmt.BundleError, match="move Wanjiru from Kenya to Brazil"):
        apply_rotation(secretariat, takeover)
    kenya.set_profile(KENYA)
    later = read_rotation(_rotate(kenya, tmp_path))  # replaces a key the Secretariat never saw
    with pytest.raises(fmt.BundleError, match="but the key known for Wanjiru"):
        apply_rotation(secretariat, later)
    with pytest.raises(fmt.BundleError, match="not signed by the old key"):
        apply_rotation(secretariat, dict(takeover, party="Kenya"))
    with pytest.raises(fmt.BundleError, match="not signed by the old key"):
        apply_rotation(secretariat, dict(takeover, signature=takeover["proof"]))
    with pytest.raises(fmt.BundleError, match="not a cmsdesk key rotation"):
        apply_rotation(secretariat, {"format": "cmsdesk-key-rotation"})
    assert [(p.replica, p.public_key, p.party, p.pinned)
            for p in list_peers(secretariat)] == before
    assert state(secretariat, reps.plan_id) == plan_before  # the plan is unchanged too
