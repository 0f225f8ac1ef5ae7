"""The coverage matrix behind the cross-reference panel's whole-plan view."""

from __future__ import annotations

from cmsdesk.models import queries
from cmsdesk.models.commands import PlanEditor
from cmsdesk.models.coverage import coverage
from cmsdesk.models.store import Store


def test_coverage_lists_links_gaps_and_unlinked_targets(plan_store: tuple[Store, str]) -> None:
    store, plan_id = plan_store
    editor = PlanEditor(store, plan_id)
    with store.session() as s:
        targets = [e for e in queries.outline(s, plan_id) if e.kind == "target"]
        before = coverage(s, plan_id, "aichi")
    assert [r.label for r in before.rows] == [t.label for t in targets]
    assert len(before.columns) == 20 and [g for g, _ in before.goals] == list("ABCDE")
    linked_before = {c for r in before.rows for c in r.links}
    assert {c.code for c in before.unaddressed} == {c.code for c in before.columns} - linked_before

    goal = next(e.id for e in queries_outline(store, plan_id) if e.kind == "goal")
    lonely = editor.add_node(goal, "target", "Lonely target").created or ""
    free = before.columns[0].code
    for row in before.addressed_by(free):
        editor.remove_xref(row.node_id, "aichi", free)
    with store.session() as s:
        assert free in {c.code for c in coverage(s, plan_id, "aichi").unaddressed}
    editor.add_xref(targets[0].id, "aichi", free, "supporting")
    with store.session() as s:
        after = coverage(s, plan_id, "aichi")
    first = next(r for r in after.rows if r.node_id == targets[0].id)
    assert first.links[free] == "supporting"
    assert free not in {c.code for c in after.unaddressed}
    assert [r.node_id for r in after.addressed_by(free)] == [targets[0].id]
    assert lonely in {r.node_id for r in after.unlinked}

    editor.remove_xref(targets[0].id, "aichi", free)
    editor.delete_node(lonely)
    with store.session() as s:
        again = coverage(s, plan_id, "aichi")
    assert free in {c.code for c in again.unaddressed}
    assert lonely not in {r.node_id for r in again.rows}


def test_coverage_works_for_any_framework(plan_store: tuple[Store, str]) -> None:
    store, plan_id = plan_store
    with store.session() as s:
        target = next(e for e in queries.outline(s, plan_id) if e.kind == "target")
    PlanEditor(store, plan_id).add_xref(target.id, "kmgbf", "23")
    with store.session() as s:
        cov = coverage(s, plan_id, "kmgbf")
    assert cov.columns[-1].code == "23"
    assert next(r for r in cov.rows if r.node_id == target.id).links == {"23": "primary"}


def queries_outline(store: Store, plan_id: str) -> list[queries.OutlineEntry]:
    with store.session() as s:
        return queries.outline(s, plan_id)
