"""Language versions of the plan's texts: their own merge, staleness, carry-over, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sync_support import Replicas, profile_for

from cmsdesk.models.changelog import Key, body_text, heads
from cmsdesk.models.commands import CommandError, PlanEditor, create_plan
from cmsdesk.models.identity import Profile
from cmsdesk.models.projection import rebuild
from cmsdesk.models.queries import snapshot
from cmsdesk.models.schema import Change, Comment, Node, Translation
from cmsdesk.models.store import Store
from cmsdesk.models.translations import (
    carried_from,
    carry_over,
    language_text,
    mark_current,
    translation_status,
)
from cmsdesk.sync.exporter import export_bundle
from cmsdesk.sync.importer import import_bundle


def _translation(store: Store, node_id: str, lang: str, fld: str = "text") -> Translation | None:
    with store.session() as s:
        row = s.get(Translation, ("node", node_id, fld, lang))
        if row is not None:
            s.expunge(row)
        return row


def _states(store: Store, plan_id: str, lang: str) -> dict[tuple[str, str], str]:
    with store.session() as s:
        return {(x.eid, x.field): x.state for x in translation_status(s, plan_id, lang)}


def _change_count(store: Store) -> int:
    with store.session() as s:
        return int(s.scalar(select(func.count()).select_from(Change)) or 0)


@pytest.fixture
def replicas(tmp_path: Path) -> Replicas:
    return Replicas(tmp_path / "replicas")


def test_a_french_and_an_english_edit_of_one_target_are_both_kept_unmixed(
        replicas: Replicas, tmp_path: Path) -> None:
    secretariat = replicas.origin_copy()
    target = replicas.targets[0]
    PlanEditor(secretariat, replicas.plan_id).set_field(
        target, "text", "Les espèces migratrices sont conservées.", "fr", translation=True)
    export_bundle(secretariat, replicas.plan_id, tmp_path / "fr-base.cmsb")
    france = replicas.new_store("france", profile=Profile("Amélie", "France", "Europe",
                                                          "delegate"))
    kenya = replicas.new_store("kenya", profile=profile_for(1))
    for site in (france, kenya):
        import_bundle(site, tmp_path / "fr-base.cmsb")
    PlanEditor(france, replicas.plan_id).set_field(
        target, "text", "Les espèces migratrices sont conservées le long de leurs routes.", "fr")
    english = ("Migratory species are conserved along their whole routes. Range States "
               "cooperate. Threats are reduced. Progress is reported.")
    PlanEditor(kenya, replicas.plan_id).set_field(target, "text", english)
    export_bundle(france, replicas.plan_id, tmp_path / "france.cmsb")
    export_bundle(kenya, replicas.plan_id, tmp_path / "kenya.cmsb")
    for bundle in ("france.cmsb", "kenya.cmsb"):
        import_bundle(secretariat, tmp_path / bundle)
    with secretariat.session() as s:
        node_text = s.get(Node, target).text
    assert node_text == english  # the French edit did not merge into the English text
    french = _translation(secretariat, target, "fr")
    assert french is not None
    assert french.value == "Les espèces migratrices sont conservées le long de leurs routes."
    assert french.proposal  # made in French, not a translation of the English
    with secretariat.session() as s:
        assert s.scalars(select(Change).where(Change.field == "text@fr",
                                                  Change.eid == target)).first() is not None
        assert len(heads(s, Key("node", target, "text"))) == 1
        assert len(heads(s, Key("node", target, "text@fr"))) == 1


def test_concurrent_french_edits_merge_as_the_original_does(replicas: Replicas,
                                                             tmp_path: Path) -> None:
    secretariat = replicas.origin_copy()
    target = replicas.targets[1]
    PlanEditor(secretariat, replicas.plan_id).set_field(
        target, "text", "Les habitats sont protégés. Les haltes sont gérées.", "fr",
        translation=True)
    export_bundle(secretariat, replicas.plan_id, tmp_path / "base-fr.cmsb")
    a, b = replicas.new_store("a"), replicas.new_store("b")
    for site in (a, b):
        import_bundle(site, tmp_path / "base-fr.cmsb")
    PlanEditor(a, replicas.plan_id).set_field(
        target, "text", "Les habitats sont strictement protégés. Les haltes sont gérées.", "fr")
    PlanEditor(b, replicas.plan_id).set_field(
        target, "text", "Les habitats sont protégés. Les haltes sont bien gérées.", "fr")
    export_bundle(b, replicas.plan_id, tmp_path / "b.cmsb")
    import_bundle(a, tmp_path / "b.cmsb")
    french = _translation(a, target, "fr")
    assert french is not None
    assert french.value == "Les habitats sont strictement protégés. Les haltes sont bien gérées."
    with a.session() as s:
        assert s.get(Node, target).text == (
            "Habitats are protected. Stopover sites are managed. Barriers are removed. "
            "Connectivity is restored.")


def test_a_translation_goes_stale_when_the_original_changes_and_is_marked_current(
        store: Store) -> None:
    plan = create_plan(store, "Plan", "2015-2023").created or ""
    editor = PlanEditor(store, plan)
    goal = editor.add_node(None, "chapter", "Goals", "Species are conserved.").created or ""
    assert _states(store, plan, "fr")[(goal, "text")] == "missing"
    editor.set_field(goal, "text", "Les espèces sont conservées.", "fr", translation=True)
    editor.set_field(goal, "title", "Objectifs", "fr", translation=True)
    assert _states(store, plan, "fr")[(goal, "text")] == "current"
    editor.set_field(goal, "text", "Species are conserved and restored.")
    assert _states(store, plan, "fr")[(goal, "text")] == "stale"
    assert _states(store, plan, "fr")[(goal, "title")] == "current"
    assert _states(store, plan, "es")[(goal, "text")] == "missing"
    mark_current(store, plan, Key("node", goal, "text"), "fr")
    assert _states(store, plan, "fr")[(goal, "text")] == "current"
    with store.session() as s:
        assert language_text(s, Key("node", goal, "text"), "fr") == (
            "Les espèces sont conservées.", False)
        assert language_text(s, Key("node", goal, "text"), "es") == (
            "Species are conserved and restored.", True)
        before = snapshot(s, plan)
        rebuild(s, plan)
    with store.session() as s:
        assert snapshot(s, plan) == before
    assert _translation(store, goal, "fr") is not None


def test_the_secretariat_carries_a_french_proposal_into_the_original(store: Store,
                                                                      tmp_path: Path) -> None:
    plan = create_plan(store, "Plan").created or ""
    editor = PlanEditor(store, plan)
    target = editor.add_node(None, "chapter", "Habitats", "Habitats are protected.").created
    assert target is not None
    editor.set_field(target, "text", "Les habitats sont protégés.", "fr", translation=True)
    editor.set_field(target, "text", "Los hábitats están protegidos.", "es", translation=True)
    export_bundle(store, plan, tmp_path / "base.cmsb")
    ivory = open_store_as(tmp_path / "ci.db", Profile("Awa", "Côte d'Ivoire", "Africa",
                                                       "delegate"))
    import_bundle(ivory, tmp_path / "base.cmsb")
    PlanEditor(ivory, plan).set_field(
        target, "text", "Les habitats sont protégés et restaurés.", "fr")
    export_bundle(ivory, plan, tmp_path / "ci.cmsb")
    import_bundle(store, tmp_path / "ci.cmsb")
    assert _states(store, plan, "fr")[(target, "text")] == "proposed"
    carry_over(store, plan, Key("node", target, "text"), "fr",
               "Habitats are protected and restored.")
    with store.session() as s:
        row = s.scalars(select(Change).where(Change.eid == target, Change.field == "text")
                        .order_by(Change.arrival.desc()).limit(1)).one()
        origin = carried_from(s, json.loads(body_text(row)))
        assert origin is not None
        assert origin.label() == "proposed by Côte d'Ivoire, in French"
        assert s.get(Node, target).text == "Habitats are protected and restored."
    assert _states(store, plan, "fr")[(target, "text")] == "current"
    assert _states(store, plan, "es")[(target, "text")] == "stale"
    fr = _translation(store, target, "fr")
    assert fr is not None and fr.value == "Les habitats sont protégés et restaurés."
    with pytest.raises(CommandError, match="not a proposal"):
        carry_over(store, plan, Key("node", target, "text"), "fr", "Anything.")


def open_store_as(path: Path, profile: Profile) -> Store:
    s = Store.open(path)
    s.set_profile(profile)
    return s


def test_a_plan_whose_original_is_french(store: Store) -> None:
    plan = create_plan(store, "Plan stratégique", language="fr").created or ""
    editor = PlanEditor(store, plan)
    node = editor.add_node(None, "chapter", "Vision", "Les espèces prospèrent.").created or ""
    editor.set_field(node, "text", "Species thrive.", "en", translation=True)
    editor.set_field(node, "text", "Les espèces migratrices prospèrent.", "fr")  # the original
    with store.session() as s:
        assert s.get(Node, node).text == "Les espèces migratrices prospèrent."
        assert s.get(Translation, ("node", node, "text", "fr")) is None
    assert _states(store, plan, "en")[(node, "text")] == "stale"
    with pytest.raises(CommandError, match="original language"), store.session() as s:
        translation_status(s, plan, "fr")


def test_comments_keep_their_language(store: Store) -> None:
    plan = create_plan(store, "Plan").created or ""
    editor = PlanEditor(store, plan)
    node = editor.add_node(None, "chapter", "Vision").created or ""
    editor.add_comment(node, "Il faut préciser.", "fr")
    editor.add_comment(node, "Needs work.")
    with store.session() as s:
        langs = sorted((c.text, c.lang or "") for c in s.scalars(select(Comment)))
    assert langs == [("Il faut préciser.", "fr"), ("Needs work.", "")]


@pytest.mark.parametrize(("call", "message"), [
    (lambda e, n: e.set_field(n, "text", "Texte", "de"), "unknown language 'de'"),
    (lambda e, n: e.set_plan_field("period", "2015-2023", "fr"), "same in every language"),
    (lambda e, n: e.set_field(n, "text", "Texte", "fr", translates=["0" * 64]),
     "a translation must name a version of the original"),
    (lambda e, n: e.add_comment(n, "Kommentar", "de"), "unknown language 'de'"),
])
def test_bad_language_input_is_refused_and_writes_nothing(store: Store, call, message) -> None:
    plan = create_plan(store, "Plan").created or ""
    editor = PlanEditor(store, plan)
    node = editor.add_node(None, "chapter", "Vision", "Text.").created or ""
    before = _change_count(store)
    with pytest.raises(CommandError, match=message):
        call(editor, node)
    assert _change_count(store) == before


def test_a_translation_cannot_claim_a_version_of_another_field(store: Store) -> None:
    plan = create_plan(store, "Plan").created or ""
    editor = PlanEditor(store, plan)
    node = editor.add_node(None, "chapter", "Vision", "Text.").created or ""
    with store.session() as s:
        title_version = heads(s, Key("node", node, "title"))
    with pytest.raises(CommandError, match="no version"):
        editor.set_field(node, "text", "Texte.", "fr", translates=title_version)


def test_search_finds_text_in_every_language(store: Store) -> None:
    from cmsdesk.models.search import search

    plan = create_plan(store, "Plan").created or ""
    editor = PlanEditor(store, plan)
    node = editor.add_node(None, "chapter", "Wetlands", "Wetlands are protected.").created or ""
    editor.set_field(node, "text", "Les zones humides sont protégées.", "fr", translation=True)
    editor.set_field(node, "text", "Los humedales están protegidos.", "es", translation=True)
    with store.session() as s:
        assert [(h.field, h.lang) for h in search(s, plan, "zones humides")] == [("text", "fr")]
        assert [(h.field, h.lang) for h in search(s, plan, "humedales")] == [("text", "es")]
        assert [(h.field, h.lang) for h in search(s, plan, "protect")] == [("text", None)]


def test_the_starter_plan_ships_every_text_in_three_languages(
        plan_store: tuple[Store, str]) -> None:
    store, plan = plan_store
    with store.session() as s:
        for lang in ("fr", "es"):
            states = translation_status(s, plan, lang)
            assert {x.state for x in states} == {"current"}, lang
            assert {x.field for x in states} == {"title", "text", "note", "indicators",
                                                 "milestones", "actors"}
        assert language_text(s, Key("plan", plan, "title"), "es") == (
            "Plan Estratégico para las Especies Migratorias 2015-2023", False)
