"""Named drafts: marking the plan as it stands, listing, finding, and reading any field's value
at a draft after later edits, merges and deletions."""

from __future__ import annotations

import json

import pytest
from conftest import open_store
from export_support import copy_changes, field, node
from sqlalchemy import select

from cmsdesk.models.changelog import Key
from cmsdesk.models.commands import CommandError, PlanEditor
from cmsdesk.models.drafts import (
    FIRST_VERSION,
    draft_values,
    find_draft,
    first_version,
    heads_at,
    list_drafts,
    mark_draft,
    parse_day,
)
from cmsdesk.models.queries import NotFoundError
from cmsdesk.models.schema import Change, Head
from cmsdesk.models.store import Store


def test_mark_list_and_find(plan_store: tuple[Store, str]) -> None:
    store, plan_id = plan_store
    first = mark_draft(store, plan_id, "  Consultation draft 1 ", "UNEP/CMS/X/1", "2014-02-01")
    PlanEditor(store, plan_id).set_field(node(store, plan_id, "T1"), "text", "Changed.")
    second = mark_draft(store, plan_id, "Consultation draft 2")
    assert first.name == "Consultation draft 1" and first.symbol == "UNEP/CMS/X/1"
    assert first.date == "2014-02-01" and len(second.date) == 10
    assert second.changes == first.changes + 1 and second.arrival > first.arrival
    assert [d.name for d in list_drafts(store, plan_id)] == ["Consultation draft 1",
                                                             "Consultation draft 2"]
    with store.session() as s:
        assert find_draft(s, plan_id, "consultation DRAFT 2").id == second.id
        assert find_draft(s, plan_id, first.id[:8]).id == first.id
        with pytest.raises(NotFoundError, match="'Consultation draft 1'; 'Consultation draft 2'"):
            find_draft(s, plan_id, "draft 3")


def test_bad_names_and_dates_are_refused_and_write_nothing(plan_store: tuple[Store, str]) -> None:
    store, plan_id = plan_store
    mark_draft(store, plan_id, "Draft A")
    with pytest.raises(CommandError, match="exists already"):
        mark_draft(store, plan_id, "draft a")
    with pytest.raises(CommandError, match="needs a name"):
        mark_draft(store, plan_id, "   ")
    for bad in ("2014-13-01", "25/07/2014", "20140725", "soon"):
        with pytest.raises(CommandError, match="YYYY-MM-DD"):
            mark_draft(store, plan_id, "Draft B", date=bad)
    with pytest.raises(NotFoundError):
        mark_draft(store, "no-such-plan", "Draft C")
    assert [d.name for d in list_drafts(store, plan_id)] == ["Draft A"]
    assert parse_day("2014-07-25").isoformat() == "2014-07-25"


def test_no_drafts_yet_says_how_to_mark_one(plan_store: tuple[Store, str]) -> None:
    store, plan_id = plan_store
    with store.session() as s, pytest.raises(NotFoundError, match="cmsdesk draft mark"):
        find_draft(s, plan_id, "anything")


def test_heads_at_the_latest_arrival_are_the_current_heads(plan_store: tuple[Store, str]) -> None:
    store, plan_id = plan_store
    PlanEditor(store, plan_id).set_field(node(store, plan_id, "T2"), "note", "Newer note.")
    with store.session() as s:
        last = max(s.scalars(select(Change.arrival)))
        derived = heads_at(s, plan_id, last)
        held: dict[Key, list[str]] = {}
        for h in s.scalars(select(Head).where(Head.plan_id == plan_id)):
            held.setdefault(Key(h.entity, h.eid, h.field), []).append(h.version_id)
    assert derived == {k: sorted(v) for k, v in held.items()}


def test_values_at_a_draft_survive_later_edits_deletes_and_additions(
        plan_store: tuple[Store, str]) -> None:
    store, plan_id = plan_store
    t1, t2, g1 = (node(store, plan_id, x) for x in ("T1", "T2", "G1"))
    before_t1 = field(store, plan_id, "T1", "text")
    draft = mark_draft(store, plan_id, "Before the meeting")
    editor = PlanEditor(store, plan_id)
    editor.set_field(t1, "text", "Rewritten after the draft.")
    editor.set_field(t1, "status", "proposed")
    editor.delete_node(t2)
    added = editor.add_node(g1, "target", "Late target", "Added after the draft.").created
    later = mark_draft(store, plan_id, "After the edits")
    with store.session() as s:
        values = draft_values(s, find_draft(s, plan_id, draft.name))
        after = draft_values(s, find_draft(s, plan_id, later.name))
    assert values[t1]["text"] == before_t1 and values[t1]["status"] == "agreed"
    assert values[t1]["kind"] == "target" and values[t1]["placement"]["parent"] == g1
    assert not values[t2].get("deleted") and after[t2]["deleted"] is True
    assert added not in values and after[added]["text"] == "Added after the draft."
    assert after[t1]["text"] == "Rewritten after the draft." and after[t1]["status"] == "proposed"
    assert field(store, plan_id, "T1", "text") == "Rewritten after the draft."


def test_a_conflict_at_the_draft_reads_in_the_bracketed_form(tmp_path, store: Store) -> None:
    from cmsdesk.models.commands import create_plan_from_template

    plan_id = create_plan_from_template(store).created or ""
    other = open_store(tmp_path / "kenya.db", "Jane Wambui", "Kenya", "Africa")
    try:
        copy_changes(store, other)
        t1 = node(store, plan_id, "T1")
        base = field(store, plan_id, "T1", "text")
        last = base.rsplit(". ", 1)[0]
        PlanEditor(store, plan_id).set_field(t1, "text", last + ". Spain's ending.")
        PlanEditor(other, plan_id).set_field(t1, "text", last + ". Kenya's ending.")
        copy_changes(other, store)
        shown = field(store, plan_id, "T1", "text")
        assert "[Option 1" in shown and "Kenya" in shown and "Spain" in shown
        draft = mark_draft(store, plan_id, "With the conflict")
        PlanEditor(store, plan_id).resolve(Key("node", t1, "text"), last + ". Agreed ending.")
        with store.session() as s:
            values = draft_values(s, find_draft(s, plan_id, draft.id))
        assert values[t1]["text"] == shown
        assert field(store, plan_id, "T1", "text").endswith("Agreed ending.")
    finally:
        other.close()


def test_first_version_is_the_plan_as_created(tmp_path, plan_store: tuple[Store, str]) -> None:
    store, plan_id = plan_store
    created_text = field(store, plan_id, "T3", "text")
    PlanEditor(store, plan_id).set_field(node(store, plan_id, "T3"), "text", "Edited later.")
    with store.session() as s:
        first = first_version(s, plan_id)
        values = draft_values(s, first)
        total = len(list(s.scalars(select(Change.arrival).where(Change.plan_id == plan_id))))
        created_run = [json.loads(p) for p in s.scalars(
            select(Change.parents).where(Change.arrival <= first.arrival))]
    assert first.name == FIRST_VERSION and first.arrival == total - 1
    assert all(p == [] for p in created_run)
    assert values[node(store, plan_id, "T3")]["text"] == created_text
    # A Party receiving the plan sees the same first version, however much more came with it.
    other = open_store(tmp_path / "ghana.db", "Kofi Mensah", "Ghana", "Africa")
    try:
        copy_changes(store, other)
        with other.session() as s:
            theirs = draft_values(s, first_version(s, plan_id))
        assert theirs[node(store, plan_id, "T3")]["text"] == created_text
    finally:
        other.close()
