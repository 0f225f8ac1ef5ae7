"""Languages in bundles: refusals of changes that mix or invent languages, old bundles read as
the original language, and a three-language round on three sites converging in any order."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
from sync_support import Replicas, state
from test_sync_badinput import Setup

from cmsdesk.models.commands import PlanEditor
from cmsdesk.models.identity import Profile
from cmsdesk.models.schema import Translation
from cmsdesk.sync.exporter import export_bundle
from cmsdesk.sync.importer import import_bundle


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Setup:
    return Setup(tmp_path_factory.mktemp("lang"))


def _on_first_text(env: Setup, edit: dict[str, Any]) -> Any:
    def change(body: dict[str, Any]) -> None:
        if body["field"] == "text" and body["eid"] == env.reps.targets[0]:
            body.update(edit)

    return change


def test_a_change_in_an_unknown_language_is_refused(env: Setup) -> None:
    env.refuse(env.reforged(change=_on_first_text(env, {"lang": "de"})),
               "malformed: a change is in an unknown language 'de'")


def test_a_change_mixing_languages_is_refused(env: Setup) -> None:
    # a French version built on the English text's versions
    env.refuse(env.reforged(change=_on_first_text(env, {"lang": "fr"})), "mixes languages")
    # a translation claimed by a change of the original
    env.refuse(env.reforged(change=_on_first_text(env, {"translates": []})),
               "original language claims to translate")

    def status_in_french(body: dict[str, Any]) -> None:
        if body["field"] == "status":
            body["lang"] = "fr"

    env.refuse(env.reforged(change=status_in_french), "has no language versions")


def test_a_translation_of_a_version_that_does_not_exist_is_refused(env: Setup) -> None:
    env.refuse(env.reforged(change=_on_first_text(
        env, {"lang": "fr", "parents": [], "translates": ["0" * 64]})),
        "names a version of the original that neither this store nor the bundle holds")


def test_a_version_in_the_original_language_is_refused(env: Setup) -> None:
    env.refuse(env.reforged(change=_on_first_text(env, {"lang": "en", "parents": []})),
               "original language is 'en'")


def _translations(store: Any, plan_id: str) -> dict[tuple[str, str, str], str]:
    with store.session() as s:
        return {(t.eid, t.field, t.lang): t.value
                for t in s.query(Translation).filter(Translation.plan_id == plan_id)}


def test_a_store_without_french_receives_french(tmp_path: Path) -> None:
    reps = Replicas(tmp_path / "r")
    sender = reps.new_store("sender")
    PlanEditor(sender, reps.plan_id).set_field(reps.targets[0], "title", "Objectif un", "fr",
                                               translation=True)
    export_bundle(sender, reps.plan_id, tmp_path / "fr.cmsb")
    receiver = reps.new_store("receiver")
    assert _translations(receiver, reps.plan_id) == {}
    import_bundle(receiver, tmp_path / "fr.cmsb")
    assert _translations(receiver, reps.plan_id) == {
        (reps.targets[0], "title", "fr"): "Objectif un"}


def test_a_three_language_round_on_three_sites_converges_in_any_order(tmp_path: Path) -> None:
    reps = Replicas(tmp_path / "r")
    t0, t1 = reps.targets[0], reps.targets[1]
    sites = {
        "uk": reps.new_store("uk", profile=Profile("Tom", "United Kingdom", "Europe", "delegate")),
        "fr": reps.new_store("fr", profile=Profile("Awa", "Senegal", "Africa", "delegate")),
        "es": reps.new_store("es", profile=Profile("Ana", "Chile", "South America", "delegate")),
    }
    PlanEditor(sites["uk"], reps.plan_id).set_field(
        t0, "text", "Migratory species are conserved along their routes. Range States "
        "cooperate closely. Threats are reduced. Progress is reported.")
    PlanEditor(sites["fr"], reps.plan_id).set_fields([
        (t0, "text", "Les espèces migratrices sont conservées.", "fr"),
        (t1, "title", "Habitats", "fr")], translation=True)
    PlanEditor(sites["es"], reps.plan_id).set_fields([
        (t0, "text", "Las especies migratorias se conservan.", "es"),
        (t1, "title", "Hábitats", "es")])
    bundles = {}
    for name, site in sites.items():
        bundles[name] = tmp_path / f"{name}.cmsb"
        export_bundle(site, reps.plan_id, bundles[name])
    states = []
    for order in itertools.permutations(sites):
        receiver = reps.new_store("receiver-" + "".join(order))
        for name in order:
            import_bundle(receiver, bundles[name])
        states.append(state(receiver, reps.plan_id))
        assert _translations(receiver, reps.plan_id) == {
            (t0, "text", "fr"): "Les espèces migratrices sont conservées.",
            (t1, "title", "fr"): "Habitats",
            (t0, "text", "es"): "Las especies migratorias se conservan.",
            (t1, "title", "es"): "Hábitats"}
    assert all(s == states[0] for s in states)
    for name, site in sites.items():  # every site, receiving the others' bundles, agrees
        for other in sites:
            if other != name:
                import_bundle(site, bundles[other])
        assert state(site, reps.plan_id) == states[0]


@pytest.mark.parametrize("version", ["v1.0", "v2.0"])
def test_old_bundles_read_as_the_original_language(tmp_path: Path, version: str) -> None:
    from conftest import open_store

    from cmsdesk.models.schema import Plan

    fixtures = Path(__file__).with_name("fixtures")
    store = open_store(tmp_path / "old.db")
    report = import_bundle(store, fixtures / f"{version}-full.cmsb")
    import_bundle(store, fixtures / f"{version}-delta.cmsb")
    with store.session() as s:
        assert s.get(Plan, report.plan_id).language == "en"
    assert _translations(store, report.plan_id) == {}
    PlanEditor(store, report.plan_id).set_plan_field("title", "Plan stratégique", "fr")
    assert _translations(store, report.plan_id) == {
        (report.plan_id, "title", "fr"): "Plan stratégique"}
    store.close()
