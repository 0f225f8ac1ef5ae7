"""Commands edit the plan through the change log, enforce the outline's rules, and say what
they changed; numbers are derived from the outline."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from cmsdesk.models import queries
from cmsdesk.models.changelog import Key, bodies, heads
from cmsdesk.models.commands import CommandError, PlanEditor, create_plan
from cmsdesk.models.schema import Change
from cmsdesk.models.store import Store

BOTH_BACKENDS = True  # the command suite runs on SQLite and on PostgreSQL (conftest)


def _outline(store: Store, plan_id: str) -> list[queries.OutlineEntry]:
    with store.session() as s:
        return queries.outline(s, plan_id)


def _node(store: Store, plan_id: str, label: str) -> str:
    with store.session() as s:
        return queries.resolve_node(s, plan_id, label)


def test_starter_plan_follows_the_twin_track_structure(plan_store: tuple[Store, str]) -> None:
    store, plan_id = plan_store
    entries = _outline(store, plan_id)
    parts = [e.title for e in entries if e.kind == "part"]
    assert len(parts) == 2 and "Companion Volume" in parts[1]
    assert [e.label for e in entries if e.kind == "goal"] == [f"G{i}" for i in range(1, 6)]
    assert [e.label for e in entries if e.kind == "target"] == [f"T{i}" for i in range(1, 17)]
    with store.session() as s:
        t1 = queries.node_view(s, _node(store, plan_id, "T1"))
    assert t1.xrefs and all(x.framework == "aichi" for x in t1.xrefs)
    assert t1.fields["text"] and t1.fields["indicators"]


def test_targets_are_numbered_continuously_and_renumber_on_move(
        plan_store: tuple[Store, str]) -> None:
    store, plan_id = plan_store
    editor = PlanEditor(store, plan_id)
    t16 = _node(store, plan_id, "T16")
    g1 = _node(store, plan_id, "G1")
    outcome = editor.move_node(t16, g1, 0)
    assert outcome.projection.structure and outcome.changed
    entries = _outline(store, plan_id)
    moved = next(e for e in entries if e.id == t16)
    assert moved.label == "T1" and moved.parent_id == g1
    assert [e.label for e in entries if e.kind == "target"] == [f"T{i}" for i in range(1, 17)]


def test_rules_refuse_a_goal_under_a_target_and_write_nothing(
        plan_store: tuple[Store, str]) -> None:
    store, plan_id = plan_store
    editor = PlanEditor(store, plan_id)
    with store.session() as s:
        before = s.scalar(select(func.count()).select_from(Change))
    with pytest.raises(CommandError, match="cannot be placed under a target"):
        editor.move_node(_node(store, plan_id, "G2"), _node(store, plan_id, "T1"))
    with pytest.raises(CommandError, match="under itself"):
        editor.move_node(_node(store, plan_id, "C4"), _node(store, plan_id, "C4"))
    with pytest.raises(CommandError, match="has no field 'note'"):
        editor.set_field(_node(store, plan_id, "G1"), "note", "x")
    with pytest.raises(CommandError, match="status must be one of"):
        editor.set_field(_node(store, plan_id, "T1"), "status", "final")
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Change)) == before


def test_delete_goes_to_trash_and_restore_brings_it_back(plan_store: tuple[Store, str]) -> None:
    store, plan_id = plan_store
    editor = PlanEditor(store, plan_id)
    g2 = _node(store, plan_id, "G2")
    editor.delete_node(g2)
    entries = _outline(store, plan_id)
    assert g2 not in {e.id for e in entries}
    assert len([e for e in entries if e.kind == "target"]) == 12  # G2 held four targets
    with store.session() as s:
        assert [n.id for n in queries.trash(s, plan_id)] == [g2]
    with pytest.raises(CommandError, match="in the Trash"):
        editor.set_field(g2, "title", "x")
    editor.restore_node(g2)
    assert len([e for e in _outline(store, plan_id) if e.kind == "target"]) == 16


def test_set_field_records_a_version_with_parents_and_author(
        plan_store: tuple[Store, str]) -> None:
    store, plan_id = plan_store
    editor = PlanEditor(store, plan_id)
    t7 = _node(store, plan_id, "T7")
    key = Key("node", t7, "text")
    with store.session() as s:
        (old_head,) = heads(s, key)
    outcome = editor.set_field(t7, "text", "Les Parties agissent. Ñandú protegido.")
    assert outcome.projection.nodes == {t7}
    assert editor.set_field(t7, "text", "Les Parties agissent. Ñandú protegido.").changes == []
    with store.session() as s:
        versions = queries.history(s, key)
        assert versions[-1].parents == [old_head]
        assert versions[-1].author == "Ana Pérez" and versions[-1].party == "Spain"
        assert queries.node_view(s, t7).fields["text"] == "Les Parties agissent. Ñandú protegido."


def test_cross_references_and_comments(plan_store: tuple[Store, str]) -> None:
    store, plan_id = plan_store
    editor = PlanEditor(store, plan_id)
    t3 = _node(store, plan_id, "T3")
    editor.add_xref(t3, "kmgbf", "22", "supporting", "participation")
    with pytest.raises(CommandError, match="unknown framework target"):
        editor.add_xref(t3, "aichi", "21")
    with pytest.raises(CommandError, match="only targets"):
        editor.add_xref(_node(store, plan_id, "G1"), "aichi", "1")
    comment = editor.add_comment(t3, "Needs a baseline year.").created
    editor.resolve_comment(comment or "")
    with store.session() as s:
        view = queries.node_view(s, t3)
    assert any(x.framework == "kmgbf" and x.relevance == "supporting" for x in view.xrefs)
    assert view.comments[0].text == "Needs a baseline year." and view.comments[0].resolved
    editor.remove_xref(t3, "kmgbf", "22")
    with store.session() as s:
        assert not any(x.framework == "kmgbf" for x in queries.node_view(s, t3).xrefs)


def test_a_store_holds_several_plans(store: Store) -> None:
    create_plan(store, "Plan A", "2015-2023", "DOC/A")
    create_plan(store, "Plan B")
    with store.session() as s:
        assert [p.title for p in queries.plans(s)] == ["Plan A", "Plan B"]
        assert queries.find_plan(s, "plan b").title == "Plan B"
        with pytest.raises(queries.NotFoundError, match="several plans"):
            queries.find_plan(s, None)


def test_change_ids_are_the_hash_of_the_canonical_body(plan_store: tuple[Store, str]) -> None:
    import hashlib

    store, _plan_id = plan_store
    with store.session() as s:
        for cid, body in list(bodies(s, _plan_id).items())[:50]:
            assert hashlib.sha256(body.encode("utf-8")).hexdigest() == cid
