"""The scripted round: 6 regions of 2 Parties each, national delegates sending to their regional
focal point, focal points forwarding to the Secretariat, one impostor, one key rotation.
Secretariat sites that registered the same keys import the bundles in every kind of order (as
made, reversed, rotated, and permutations drawn by hypothesis, Spain's key rotation learnt at
any point) and must end with the same plan, the same attributions (each forwarded change
credited to and verified as its national author), the same quarantine (who, how many, why) and
the same option numbers; so must a focal point receiving the delegates' bundles in any order.
The round's bundles are made once for the module; each order only imports into a fresh site.

Africa's focal point endorses one option as the region's position after reading Europe's
bundle, and a second impostor, posing as Africa's focal point, endorses another: every site shows
the genuine position, holds the forged one in quarantine, and numbers every option alike: each
"Option N" cited from the Word document Africa's focal point printed names the same wording
on every site.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from export_support import paragraphs, tree
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sync_support import Replicas, change_set, state, text_of

from cmsdesk.export.docx_plan import export_plan_docx
from cmsdesk.models import queries
from cmsdesk.models.changelog import Key
from cmsdesk.models.commands import PlanEditor
from cmsdesk.models.held_reasons import UNREGISTERED_KEY
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


@dataclass
class Round:
    """The round's bundles, made once for the module; each test imports them into fresh
    Secretariat sites."""

    reps: Replicas
    national: list[Path]  # what the delegates sent to their focal points
    bundles: list[Path]  # what reaches the Secretariat
    keys: list[Path]  # every genuine key, registered at each Secretariat site
    rotation: Path  # Spain's new key, signed by its old one
    kenya_option: int  # the option Africa endorsed
    cited: dict[int, str]  # the options of target 1 as Africa's focal point's Word export


def _cited_options(store: Store, reps: Replicas, path: Path) -> dict[int, str]:
    """Print the plan to Word as a focal point would, and read target 1's options from it."""
    PlanEditor(store, reps.plan_id).number_options()  # what exporting a document records
    with store.session() as s:
        export_plan_docx(s, reps.plan_id, path, companion=False)
    [text] = [t for _style, t in paragraphs(tree(path)) if "conserved along their routes" in t]
    return {int(n): words for n, _who, words in _OPTION.findall(text)}


@pytest.fixture(scope="module")
def round_(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Round]:
    tmp_path = tmp_path_factory.mktemp("round")
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
    national: list[Path] = []
    bundles: list[Path] = []
    for i, (region, parties) in enumerate(REGIONS.items()):
        for j, party in enumerate(parties):
            _edit(delegates[party], reps, (i + j) % 3, f"{party} proposes wording {i}{j}")
            national.append(tmp_path / f"{party}.cmsb")
            export_bundle(delegates[party], reps.plan_id, national[-1])
            import_bundle(focal[region], national[-1])
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
    # it prints the plan to Word (a delegate cites "Option N" from it), then the region
    # endorses Kenya's wording
    africa = focal["Africa"]
    import_bundle(africa, bundles[3])
    cited = _cited_options(africa, reps, tmp_path / "africa.docx")
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
    for s in [*delegates.values(), *focal.values(), impostor, poser]:
        s.close()
    yield Round(reps, national, bundles, keys, rotation, kenya_option, cited)


def _outcome(site: Store, reps: Replicas) -> dict[str, Any]:
    """What must be the same on every site: the plan, who is credited and verified for what,
    the conflicts, the quarantine (who, how many, why: its code) and the numbered options."""
    try:
        return {
            "changes": change_set(site, reps.plan_id),
            "state": state(site, reps.plan_id),
            "attributions": _attributions(site, reps),
            "verified": _verified(site, reps),
            "conflicts": [(c.eid, c.field, [a["proposers"] for a in c.alternatives])
                          for c in list_conflicts(site, reps.plan_id)],
            "quarantine": [(g.party, g.name, g.count, g.reason)
                           for g in list_quarantine(site)],
            "options": {t: _OPTION.findall(text_of(site, t)) for t in reps.targets},
        }
    finally:
        site.close()


def _secretariat(r: Round, order: list[int], cut: int) -> dict[str, Any]:
    """A Secretariat site that registered the genuine keys imports the round's bundles in
    ``order``, learning of Spain's key rotation after the first ``cut`` of them."""
    site = r.reps.origin_copy()  # the same installation as the other Secretariat sites
    for key in r.keys:
        pin_key_file(site, key)
    files = [r.bundles[i] for i in order]
    refused = _import_all(site, files[:cut])
    apply_rotation(site, read_rotation(r.rotation))
    assert _import_all(site, refused + files[cut:]) == []
    return _outcome(site, r.reps)


def _focal_point(r: Round, order: list[int]) -> dict[str, Any]:
    """A focal point that receives every delegate's bundle, in ``order``."""
    site = r.reps.new_store("fp", profile=Profile("Focal point", "Kenya", "Africa",
                                                  "focal point"))
    assert _import_all(site, [r.national[i] for i in order]) == []
    return _outcome(site, r.reps)


@pytest.fixture(scope="module")
def expected(round_: Round) -> dict[str, Any]:
    """The Secretariat site that imports the bundles in the order they were made."""
    n = len(round_.bundles)
    return _secretariat(round_, list(range(n)), n)


@pytest.fixture(scope="module")
def expected_at_focal_point(round_: Round) -> dict[str, Any]:
    return _focal_point(round_, list(range(len(round_.national))))


def test_a_round_through_focal_points_credits_verifies_and_holds_as_it_should(
        round_: Round, expected: dict[str, Any]) -> None:
    got, reps = expected, round_.reps
    # the impostor is held, the genuine Parties are merged and credited as national authors
    held = {n: c for _p, n, c, _r in got["quarantine"]}
    assert sorted(p for p, *_rest in got["quarantine"]) == ["Kenya", "Kenya"]
    assert held["Delegate of Kenya"] == 1 and held["Focal point of Africa"] >= 1
    assert {r.code for *_rest, r in got["quarantine"]} == {UNREGISTERED_KEY}
    # the options are numbered alike everywhere, as Africa's focal point's bundle showed them,
    # and the genuine regional position shows, the forged one does not
    options = {int(n): (who, words) for n, who, words in got["options"][reps.targets[0]]}
    assert options[round_.kenya_option] == ("Africa", "Kenya proposes wording 00.")
    assert all(who != "Africa" for n, (who, _w) in options.items() if n != round_.kenya_option)
    # each option cited from the Word export names the same wording at the Secretariat
    assert len(round_.cited) >= 2
    assert {n: words for n, (_who, words) in options.items() if n in round_.cited} == \
        round_.cited
    credited = {party for rows in got["attributions"].values() for party, _ in rows}
    assert {p for ps in REGIONS.values() for p in ps} <= credited
    # every national change, forwarded by a focal point, is verified as its author's own
    verified = dict(got["verified"])
    assert all(verified[p] for ps in REGIONS.values() for p in ps)
    assert "never wrote" not in json.dumps(got["state"])
    assert "Spain proposes a second wording" in json.dumps(got["state"])


def _rotated(n: int) -> list[int]:
    return [*range(n // 2, n), *range(n // 2)]


@pytest.mark.parametrize("arrange", [lambda n: list(reversed(range(n))), _rotated],
                         ids=["reversed", "rotated"])
def test_the_secretariat_ends_the_same_in_the_reversed_and_a_rotated_order(
        round_: Round, expected: dict[str, Any], arrange: Callable[[int], list[int]]) -> None:
    n = len(round_.bundles)
    for cut in (0, n):  # the rotation known before any bundle, or only after all
        assert _secretariat(round_, arrange(n), cut) == expected


@settings(max_examples=6, deadline=None, derandomize=True)
@given(data=st.data())
def test_the_secretariat_ends_the_same_in_any_order(round_: Round, expected: dict[str, Any],
                                                    data: st.DataObject) -> None:
    n = len(round_.bundles)
    order = data.draw(st.permutations(range(n)), label="order")
    cut = data.draw(st.integers(0, n), label="rotation known after")
    assert _secretariat(round_, order, cut) == expected


def test_a_focal_point_ends_the_same_in_the_reversed_and_a_rotated_order(
        round_: Round, expected_at_focal_point: dict[str, Any]) -> None:
    n = len(round_.national)
    for order in (list(reversed(range(n))), _rotated(n)):
        assert _focal_point(round_, order) == expected_at_focal_point


@settings(max_examples=4, deadline=None, derandomize=True)
@given(order=st.permutations(range(len(REGIONS) * 2)))
def test_a_focal_point_ends_the_same_in_any_order(
        round_: Round, expected_at_focal_point: dict[str, Any], order: list[int]) -> None:
    got = _focal_point(round_, order)
    assert got == expected_at_focal_point
    assert got["quarantine"] == []  # a focal point registered no key: nothing is held
