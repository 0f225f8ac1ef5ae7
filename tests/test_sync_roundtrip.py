"""Export and import: full and delta bundles, prerequisites, peers, trust and reports."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import open_store
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pg_support import Locations
from sqlalchemy import create_engine, text
from sync_support import Replicas, change_set, seal, state, text_of, unpack

from cmsdesk.models.commands import PlanEditor, create_plan, create_plan_from_template
from cmsdesk.models.identity import Profile
from cmsdesk.models.store import Store
from cmsdesk.sync import format as fmt
from cmsdesk.sync.exporter import build_bundle, export_bundle, write_bundle
from cmsdesk.sync.importer import import_bundle, import_bundles
from cmsdesk.sync.peers import list_peers, pin, pin_key_file
from cmsdesk.sync.signing import own_public_key

Make = Callable[..., Store]
BASE = 15  # changes of the base plan: the plan (3 fields, its sentence rules), a chapter (2),
# three targets (3 each)

BOTH_BACKENDS = True  # the merge suite runs on SQLite and on PostgreSQL (conftest)


@pytest.fixture(scope="module")
def reps(tmp_path_factory: pytest.TempPathFactory, locations: Locations) -> Replicas:
    return Replicas(tmp_path_factory.mktemp("sync"), locations)


@pytest.fixture
def origin(reps: Replicas) -> Iterator[Store]:
    store = reps.origin_copy()
    yield store
    store.close()


def edit_first_sentence(store: Store, reps: Replicas, target: int, words: str) -> None:
    text = text_of(store, reps.targets[target])
    first, rest = text.split(". ", 1)
    PlanEditor(store, reps.plan_id).set_field(reps.targets[target], "text", f"{words}. {rest}")


def test_full_bundle_into_an_empty_store_gives_the_identical_change_set(
        reps: Replicas, make: Make, tmp_path: Path) -> None:
    a = make("a")
    edit_first_sentence(a, reps, 0, "Les Parties coopèrent étroitement")
    PlanEditor(a, reps.plan_id).add_comment(reps.targets[1], "Why stopovers?")
    built = export_bundle(a, reps.plan_id, tmp_path / "a.cmsb", full=True)
    assert built.full and built.changes == len(change_set(a, reps.plan_id))
    empty = make("empty", base=False)
    report = import_bundle(empty, tmp_path / "a.cmsb")
    assert report.new_plan and report.new_changes == built.changes and report.already_held == 0
    assert not report.verified and report.trust == "new key"
    assert change_set(empty, reps.plan_id) == change_set(a, reps.plan_id)
    assert state(empty, reps.plan_id) == state(a, reps.plan_id)
    assert report.sender.party == "a" and report.plan_title == "Plan for tests"
    assert "new plan" in report.summary() and "UNVERIFIED" in report.summary()


def test_importing_the_same_file_twice_changes_nothing(reps: Replicas, make: Make,
                                                      origin: Store, tmp_path: Path) -> None:
    a = make("a")
    edit_first_sentence(a, reps, 1, "Wetlands are protected")
    export_bundle(a, reps.plan_id, tmp_path / "a.cmsb", to_peer="UNEP/CMS")
    first = import_bundle(origin, tmp_path / "a.cmsb")
    before = (change_set(origin, reps.plan_id), state(origin, reps.plan_id),
              list_peers(origin))
    again = import_bundle(origin, tmp_path / "a.cmsb")
    assert first.new_changes == 1 and again.new_changes == 0 and again.already_held == 1
    assert again.verified and again.trust == "known key"
    assert (change_set(origin, reps.plan_id), state(origin, reps.plan_id),
            list_peers(origin)) == before


def test_a_one_sentence_delta_for_a_known_peer_is_about_a_kilobyte(
        reps: Replicas, make: Make, tmp_path: Path) -> None:
    a = make("a")
    edit_first_sentence(a, reps, 2, "Bycatch is halved by 2020")
    built = build_bundle(a, reps.plan_id, to_peer="UNEP/CMS")
    assert built.changes == 1 and not built.full
    assert built.manifest.requires == {reps.origin_replica: BASE}
    assert built.manifest.provides == {reps.origin_replica: BASE, a.replica_id: 1}
    assert built.size < 1500, built.size
    # nothing is written or recorded until the bundle is written
    assert list_peers(a)[0].holdings[reps.plan_id] == {reps.origin_replica: BASE}
    write_bundle(a, built, tmp_path / "delta.cmsb")
    assert (tmp_path / "delta.cmsb").read_bytes() == built.data
    assert list_peers(a)[0].holdings[reps.plan_id] == built.manifest.provides


def test_a_delta_gives_the_same_state_as_a_full_bundle(reps: Replicas, make: Make,
                                                       tmp_path: Path) -> None:
    a = make("a")
    edit_first_sentence(a, reps, 0, "Delta or full")
    PlanEditor(a, reps.plan_id).set_field(reps.targets[1], "status", "proposed")
    export_bundle(a, reps.plan_id, tmp_path / "delta.cmsb", to_peer="UNEP/CMS")
    export_bundle(a, reps.plan_id, tmp_path / "full.cmsb", full=True)
    via_delta, via_full = make("d"), make("f")
    assert import_bundle(via_delta, tmp_path / "delta.cmsb").new_changes == 2
    assert import_bundle(via_full, tmp_path / "full.cmsb").new_changes == 2
    assert state(via_delta, reps.plan_id) == state(via_full, reps.plan_id) == state(a, reps.plan_id)
    assert change_set(via_delta, reps.plan_id) == change_set(via_full, reps.plan_id)


def test_a_bundle_whose_prerequisites_are_missing_names_what_to_import_first(
        reps: Replicas, make: Make, origin: Store, tmp_path: Path) -> None:
    a = make("a", profile=Profile("Ama", "Ghana", "Africa", "delegate"))
    edit_first_sentence(a, reps, 0, "First round")
    export_bundle(a, reps.plan_id, tmp_path / "1.cmsb", to_peer="UNEP/CMS")
    edit_first_sentence(a, reps, 0, "Second round")
    export_bundle(a, reps.plan_id, tmp_path / "2.cmsb", to_peer="UNEP/CMS")
    before = change_set(origin, reps.plan_id)
    with pytest.raises(fmt.BundleError, match=r"1 change\(s\) by Ama \(Ghana\).*import the "
                       r"earlier bundle from Ama \(Ghana\) first"):
        import_bundle(origin, tmp_path / "2.cmsb")
    assert change_set(origin, reps.plan_id) == before and not list_peers(origin)
    assert import_bundle(origin, tmp_path / "1.cmsb").new_changes == 1
    assert import_bundle(origin, tmp_path / "2.cmsb").new_changes == 1
    assert text_of(origin, reps.targets[0]).startswith("Second round.")


def test_a_delta_for_a_plan_the_store_lacks_is_refused_and_a_full_bundle_adds_it(
        reps: Replicas, make: Make, tmp_path: Path) -> None:
    a = make("a")
    edit_first_sentence(a, reps, 0, "Only a delta")
    export_bundle(a, reps.plan_id, tmp_path / "delta.cmsb", to_peer="UNEP/CMS")
    empty = make("empty", base=False)
    with pytest.raises(fmt.BundleError, match="does not hold: import a full bundle"):
        import_bundle(empty, tmp_path / "delta.cmsb")
    assert change_set(empty, reps.plan_id) == {}
    report = import_bundle(empty, reps.base_bundle)
    assert report.new_plan and report.full
    assert import_bundle(empty, tmp_path / "delta.cmsb").new_changes == 1


def test_plan_option_refuses_a_bundle_of_another_plan(reps: Replicas, make: Make) -> None:
    b = make("b")
    other = create_plan(b, "Another plan").created or ""
    before = change_set(b, reps.plan_id)
    with pytest.raises(fmt.BundleError, match="another plan"):
        import_bundle(b, reps.base_bundle, plan=other)
    assert change_set(b, reps.plan_id) == before
    assert import_bundle(b, reps.base_bundle, plan=reps.plan_id).already_held == BASE


def test_peers_learn_what_each_other_holds(reps: Replicas, make: Make, origin: Store,
                                           tmp_path: Path) -> None:
    a = make("a", profile=Profile("Ana", "Spain", "Europe", "delegate"))
    edit_first_sentence(a, reps, 0, "Spain writes")
    export_bundle(a, reps.plan_id, tmp_path / "a.cmsb", to_peer="UNEP/CMS")
    import_bundle(origin, tmp_path / "a.cmsb")
    [peer] = list_peers(origin)
    assert (peer.party, peer.region, peer.replica) == ("Spain", "Europe", a.replica_id)
    assert peer.holdings == {reps.plan_id: {reps.origin_replica: BASE, a.replica_id: 1}}
    assert len(peer.fingerprint.split()) == 5 and not peer.pinned
    # the Secretariat's answer to Spain carries only what Spain lacks: nothing yet
    assert build_bundle(origin, reps.plan_id, to_peer="spain").changes == 0
    PlanEditor(origin, reps.plan_id).set_field(reps.targets[2], "title", "Bycatch")
    back = build_bundle(origin, reps.plan_id, to_peer=a.replica_id[:8])
    assert back.changes == 1 and back.recipient == a.replica_id


def test_unknown_peer_is_refused_with_the_known_ones(reps: Replicas, make: Make) -> None:
    from cmsdesk.models.queries import NotFoundError

    with pytest.raises(NotFoundError, match=r"no known peer 'Mars' \(known: UNEP/CMS\)"):
        build_bundle(make("a"), reps.plan_id, to_peer="Mars")


def _sender_bundle(a: Store, reps: Replicas, tmp_path: Path, name: str) -> Path:
    edit_first_sentence(a, reps, 0, f"Edit {name}")
    out = tmp_path / f"{name}.cmsb"
    export_bundle(a, reps.plan_id, out, to_peer="UNEP/CMS")
    return out


def _resigned(path: Path, signer: Ed25519PrivateKey, **sender: str) -> bytes:
    """The same bundle, its manifest claiming ``sender`` fields, signed by ``signer``."""
    manifest, items, comment = unpack(path.read_bytes())
    manifest["sender"].update(sender)
    return seal(manifest, items, signer, comment=comment)


def test_a_pinned_sender_with_another_key_is_refused(reps: Replicas, make: Make, origin: Store,
                                                     tmp_path: Path) -> None:
    a = make("a", profile=Profile("Ana", "Spain", "Europe", "delegate"))
    assert import_bundle(origin, _sender_bundle(a, reps, tmp_path, "one")).trust == "new key"
    assert pin(origin, "Spain").pinned
    assert import_bundle(origin, _sender_bundle(a, reps, tmp_path, "two")).trust == "pinned key"
    impostor = Ed25519PrivateKey.generate()
    forged = tmp_path / "forged.cmsb"
    forged.write_bytes(_resigned(_sender_bundle(a, reps, tmp_path, "three"), impostor,
                                 key=_b64_public(impostor)))
    before = change_set(origin, reps.plan_id)
    with pytest.raises(fmt.BundleError, match="key is pinned.*signed with another key.*refused"):
        import_bundle(origin, forged)
    assert change_set(origin, reps.plan_id) == before


def test_a_known_sender_with_another_key_is_refused(reps: Replicas, make: Make, origin: Store,
                                                    tmp_path: Path) -> None:
    a = make("a")
    import_bundle(origin, _sender_bundle(a, reps, tmp_path, "one"))
    other = Ed25519PrivateKey.generate()
    changed = tmp_path / "changed.cmsb"
    changed.write_bytes(_resigned(_sender_bundle(a, reps, tmp_path, "two"), other,
                                  key=_b64_public(other)))
    before = change_set(origin, reps.plan_id)
    with pytest.raises(fmt.BundleError, match="key is known.*signed with another key.*refused"):
        import_bundle(origin, changed)
    assert change_set(origin, reps.plan_id) == before


def test_a_bundle_claiming_to_be_from_this_installation_with_another_key_is_refused(
        reps: Replicas, make: Make, origin: Store, tmp_path: Path) -> None:
    a = make("a")
    impostor = Ed25519PrivateKey.generate()
    fake = tmp_path / "fake.cmsb"
    fake.write_bytes(_resigned(_sender_bundle(a, reps, tmp_path, "x"), impostor,
                               key=_b64_public(impostor), replica=reps.origin_replica))
    with pytest.raises(fmt.BundleError):
        import_bundle(origin, fake)
    own = tmp_path / "own.cmsb"
    export_bundle(origin, reps.plan_id, own, full=True)
    assert import_bundle(origin, own).trust == "this installation"


def test_a_key_file_pins_a_peer_before_any_bundle(reps: Replicas, make: Make, origin: Store,
                                                  tmp_path: Path) -> None:
    from cmsdesk.sync.peers import key_file_json
    from cmsdesk.sync.signing import signing_key

    a = make("a", profile=Profile("Ana", "Spain", "Europe", "delegate"))
    key_file = tmp_path / "spain.key"
    key_file.write_text(json.dumps(key_file_json(a, own_public_key(a) or
                                                 _b64_public(signing_key(a)))))
    info = pin_key_file(origin, key_file)
    assert info.pinned and info.party == "Spain"
    assert import_bundle(origin, _sender_bundle(a, reps, tmp_path, "one")).trust == "pinned key"
    key_file.write_text("{}")
    with pytest.raises(fmt.BundleError, match="not a cmsdesk key file"):
        pin_key_file(origin, key_file)


def test_import_bundles_reports_each_file_with_progress_and_cancel(
        reps: Replicas, make: Make, origin: Store, tmp_path: Path) -> None:
    a, b = make("a"), make("b")
    good_a = _sender_bundle(a, reps, tmp_path, "a")
    good_b = _sender_bundle(b, reps, tmp_path, "b")
    bad = tmp_path / "bad.cmsb"
    bad.write_bytes(b"not a zip")
    seen: list[tuple[int, int, str]] = []
    results = import_bundles(origin, [good_a, bad, good_b],
                             progress=lambda d, t, n: seen.append((d, t, n)))
    assert [r.ok for r in results] == [True, False, True]
    assert results[1].error is not None and "damaged or truncated" in results[1].error
    assert results[2].report is not None and results[2].report.conflicts_created == 1
    assert seen == [(0, 3, "a.cmsb"), (1, 3, "bad.cmsb"), (2, 3, "b.cmsb"), (3, 3, "")]
    calls = iter([False, True])
    assert len(import_bundles(origin, [good_a, good_b], cancelled=lambda: next(calls))) == 1


def _b64_public(key: Ed25519PrivateKey) -> str:
    from cmsdesk.sync.signing import public_key_of

    return public_key_of(key)


def test_an_import_first_backs_the_store_up(tmp_path: Path) -> None:
    source = open_store(tmp_path / "secretariat.db")
    plan_id = create_plan_from_template(source).created or ""
    bundle = export_bundle(source, plan_id, tmp_path / "draft.cmsb", full=True)
    source.close()
    target = open_store(tmp_path / "delegate.db")
    try:
        import_bundles(target, [tmp_path / "draft.cmsb"])
    finally:
        target.close()
    assert bundle.size > 0
    (backup,) = (tmp_path / "delegate-backups").glob("delegate.before-import-*.db")
    engine = create_engine(f"sqlite:///{backup}")
    with engine.connect() as conn:  # taken before the import: no plan in it yet
        assert conn.execute(text("SELECT count(*) FROM plans")).scalar() == 0
    engine.dispose()
