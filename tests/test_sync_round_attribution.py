"""The scripted round: 6 regions of 2 Parties each, national delegates sending to their regional
focal point, focal points forwarding to the Secretariat, one impostor, one key rotation. Three
Secretariat sites that registered the same keys import the bundles in different orders and must
end with the same plan, the same attributions (each forwarded change credited to and verified
as its national author) and the same quarantine.

Africa's focal point endorses one option as the region's position after reading Europe's
bundle, and a second impostor, posing as Africa's focal point, endorses another: every site shows
the genuine position, holds the forged one in quarantine, and numbers every option alike.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest
from sqlalchemy import select
from sync_support import Replicas, change_set, state, text_of

from cmsdesk.models import queries
from cmsdesk.models.changelog import Key
from cmsdesk.models.commands import PlanEditor
from cmsdesk.models.identity import Profile
from cmsdesk.models.schema import Change
from cmsdesk.models.store import Store
from cmsdesk.models.trust import verified_replicas
from cmsdesk.sync.conflicts import list_conflicts
from cmsdesk.sync.exporter import export_bundle
from cmsdesk.sync.format import BundleError
from cmsdesk.sync.importer import import_bundle
from cmsdesk.sync.peers import key_file_json, pin_key_file
from cmsdesk.sync.quarantine import list_quarantine
from cmsdesk.sync.rotation import apply_rotation, read_rotation, rotate_key
from cmsdesk.sync.signing import public_key_of, signing_key

REGIONS = {
    "Africa": ("Kenya", "Senegal"),
    "Asia": ("India", "Pakistan"),
    "Central and South America and the Caribbean": ("Peru", "Chile"),
    "Europe": ("Spain", "Germany"),
    "North America": ("Canada", "Mexico"),  # observer States: the region has no Party yet
    "Oceania": ("Australia", "New Zealand"),
}


def _key_file(store: Store, folder: Path) -> Path:
    path = folder / f"{store.replica_id}.key"
    path.write_text(json.dumps(key_file_json(store, public_key_of(signing_key(store)))),
                    encoding="utf-8")
    return path


def _edit(store: Store, reps: Replicas, target: int, words: str) -> None:
    sentences = text_of(store, reps.targets[target]).split(". ")
    sentences[1] = words  # everyone rewrites the second sentence: concurrent proposals
    PlanEditor(store, reps.plan_id).set_field(reps.targets[target], "text", ". ".join(sentences))


def _import_all(site: Store, files: list[Path]) -> list[Path]:
    """Import in the given order; a file that builds on one not yet imported waits its turn.
    The files still refused in the end (signed with a key whose rotation is not applied yet)
    are returned."""
    todo = list(files)
    while todo:
        waiting = []
        for path in todo:
            try:
                import_bundle(site, path)
            except BundleError as exc:
                assert "import the earlier bundle" in str(exc) or "rotat" in str(exc), exc
                waiting.append(path)
        if len(waiting) == len(todo):
            return waiting
        todo = waiting
    return []


_OPTION = re.compile(r"\[Option (\d+) \(([^()]*)\): ([^\]]*)\]")


def _option_of(store: Store, reps: Replicas, words: str) -> int:
    """The number of the option of target 1's text that starts with ``words``."""
    return next(int(n) for n, _who, text in _OPTION.findall(text_of(store, reps.targets[0]))
                if text.startswith(words))


def _verified(site: Store, reps: Replicas) -> list[tuple[str, bool]]:
    """Each Party with changes in the plan, and whether all of them are verified here."""
    with site.session() as s:
        good = verified_replicas(s)
        rows = s.execute(select(Change.author_party, Change.replica)
                         .where(Change.plan_id == reps.plan_id)).all()
    out: dict[str, bool] = {}
    for party, replica in rows:
        out[party] = out.get(party, True) and replica in good
    return sorted(out.items())


def _attributions(site: Store, reps: Replicas) -> dict[str, list[tuple[str, str]]]:
    with site.session() as s:
        return {t: sorted((v.party, v.author) for v in queries.history(
            s, Key("node", t, "text"))) for t in reps.targets}


@pytest.mark.slow
def test_a_round_through_focal_points_is_the_same_on_every_site_in_every_order(
        tmp_path: Path) -> None:
    reps = Replicas(tmp_path / "stores")
    registry = tmp_path / "keys"
    registry.mkdir()
    delegates: dict[str, Store] = {}
    focal: dict[str, Store] = {}
    for region, parties in REGIONS.items():
        for party in parties:
            delegates[party] = reps.new_store(party, profile=Profile(
                f"Delegate of {party}", party, region, "delegate"))
        focal[region] = reps.new_store(f"fp-{region[:4]}", profile=Profile(
            f"Focal point of {region}", parties[0], region, "focal point"))
    keys = [_key_file(s, registry) for s in [*delegates.values(), *focal.values()]]

    # the national delegates write and send to their focal point, who forwards the region's
    bundles: list[Path] = []
    for i, (region, parties) in enumerate(REGIONS.items()):
        for j, party in enumerate(parties):
            _edit(delegates[party], reps, (i + j) % 3, f"{party} proposes wording {i}{j}")
            export_bundle(delegates[party], reps.plan_id, tmp_path / f"{party}.cmsb")
            import_bundle(focal[region], tmp_path / f"{party}.cmsb")
        bundles.append(tmp_path / f"region-{i}.cmsb")
        export_bundle(focal[region], reps.plan_id, bundles[-1])
    # Spain rotates its key and sends again, directly
    rotation = tmp_path / "spain-rotation.json"
    rotate_key(delegates["Spain"], lambda d: rotation.write_text(json.dumps(d), "utf-8"))
    _edit(delegates["Spain"], reps, 2, "Spain proposes a second wording")
    bundles.append(tmp_path / "spain-2.cmsb")
    export_bundle(delegates["Spain"], reps.plan_id, bundles[-1])
    # an impostor calls itself Kenya
    impostor = reps.new_store("impostor", profile=Profile("Delegate of Kenya", "Kenya",
                                                          "Africa", "delegate"))
    _edit(impostor, reps, 0, "Kenya never wrote this")
    bundles.append(tmp_path / "impostor.cmsb")
    export_bundle(impostor, reps.plan_id, bundles[-1])
    # Africa's focal point reads Europe's bundle: Spain and Kenya contest target 1's sentence;
    # the region endorses Kenya's wording (its bundle fixes the options' numbers too)
    africa = focal["Africa"]
    import_bundle(africa, bundles[3])
    target = Key("node", reps.targets[0], "text")
    kenya_option = _option_of(africa, reps, "Kenya proposes")
    PlanEditor(africa, reps.plan_id).endorse(target, kenya_option)
    bundles.append(tmp_path / "africa-position.cmsb")
    export_bundle(africa, reps.plan_id, bundles[-1])
    # a second impostor poses as Africa's focal point and endorses Spain's wording instead
    poser = reps.new_store("poser", profile=Profile("Focal point of Africa", "Kenya", "Africa",
                                                    "focal point"))
    import_bundle(poser, bundles[-1])
    PlanEditor(poser, reps.plan_id).endorse(target, _option_of(poser, reps, "Spain proposes"))
    bundles.append(tmp_path / "poser.cmsb")
    export_bundle(poser, reps.plan_id, bundles[-1])

    results = []
    for seed in range(3):
        site = reps.origin_copy()  # a Secretariat site: the same keys registered everywhere
        for key in keys:
            pin_key_file(site, key)
        order = list(bundles)
        random.Random(seed).shuffle(order)
        cut = random.Random(seed).randrange(len(order) + 1)  # the rotation arrives somewhere
        refused = _import_all(site, order[:cut])
        apply_rotation(site, read_rotation(rotation))
        assert _import_all(site, refused + order[cut:]) == []
        results.append({
            "changes": change_set(site, reps.plan_id),
            "state": state(site, reps.plan_id),
            "attributions": _attributions(site, reps),
            "verified": _verified(site, reps),
            "conflicts": [(c.eid, c.field, [a["proposers"] for a in c.alternatives])
                          for c in list_conflicts(site, reps.plan_id)],
            "quarantine": [(g.party, g.name, g.count, g.reason)
                           for g in list_quarantine(site)],
            "options": {t: _OPTION.findall(text_of(site, t)) for t in reps.targets},
        })
        site.close()
    assert results[0] == results[1] == results[2]
    got = results[0]
    # the impostor is held, the genuine Parties are merged and credited as national authors
    held = {n: c for _p, n, c, _r in got["quarantine"]}
    assert sorted(p for p, *_rest in got["quarantine"]) == ["Kenya", "Kenya"]
    assert held["Delegate of Kenya"] == 1 and held["Focal point of Africa"] >= 1
    # the options are numbered alike everywhere, as Africa's focal point's bundle showed them,
    # and the genuine regional position shows, the forged one does not
    options = {int(n): (who, words) for n, who, words in got["options"][reps.targets[0]]}
    assert options[kenya_option] == ("Africa", "Kenya proposes wording 00.")
    assert all(who != "Africa" for n, (who, _w) in options.items() if n != kenya_option)
    credited = {party for rows in got["attributions"].values() for party, _ in rows}
    assert {p for ps in REGIONS.values() for p in ps} <= credited
    # every national change, forwarded by a focal point, is verified as its author's own
    verified = dict(got["verified"])
    assert all(verified[p] for ps in REGIONS.values() for p in ps)
    assert not any("never wrote" in json.dumps(got["state"]) for _ in [0])
    assert any("Spain proposes a second wording" in json.dumps(got["state"]) for _ in [0])
    for s in [*delegates.values(), *focal.values(), impostor, poser]:
        s.close()
