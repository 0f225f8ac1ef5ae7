"""The review of what arrived since a baseline, review marks, reverts and draft comparison,
on a real consultation round (four delegations sending bundles back to the Secretariat)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date as Date
from pathlib import Path
from typing import Any

import pytest
from export_support import field, node
from review_support import DRAFT, SECRETARIAT, T6_FIRST, Round, open_copy

from cmsdesk.models import queries
from cmsdesk.models.changelog import Key
from cmsdesk.models.commands import CommandError, PlanEditor
from cmsdesk.models.drafts import find_draft, mark_draft
from cmsdesk.models.review import (
    Review,
    ReviewFilter,
    agreed_text,
    baseline,
    compare_with_draft,
    revert_change,
    review,
    set_reviewed,
)
from cmsdesk.models.store import Store
from cmsdesk.sync.exporter import export_bundle
from cmsdesk.sync.importer import import_bundle


@pytest.fixture
def sec(consultation: Round, tmp_path: Path) -> Iterator[Store]:
    store = open_copy(consultation.secretariat, tmp_path)
    yield store
    store.close()


def queries_outline(store: Store, plan_id: str) -> list[queries.OutlineEntry]:
    with store.session() as s:
        return queries.outline(s, plan_id)


def text(store: Store, plan_id: str, label: str, fld: str = "text") -> str:
    return field(store, plan_id, label, fld)


def load(store: Store, plan_id: str, since: str | None = DRAFT, **flt: Any) -> Review:
    with store.session() as s:
        return review(s, plan_id, baseline(s, plan_id, since), own_replica=store.replica_id,
                      flt=ReviewFilter(**flt))


def test_everything_received_is_grouped_by_node_and_field(sec: Store,
                                                          consultation: Round) -> None:
    r = load(sec, consultation.plan_id)
    assert r.baseline == DRAFT and r.baseline_date == "2014-04-01"
    assert r.parties == ["Australia", "Brazil", "Germany", "Kenya"]
    assert r.regions == ["Africa", "Central and South America and the Caribbean", "Europe",
                         "Oceania"]
    layout = {n.label: [(f.field, [i.party for i in f.items]) for f in n.fields]
              for n in r.nodes}
    assert layout == {
        "T1": [("text", ["Kenya", "Germany"])],
        "T4": [("text", ["Brazil", "Germany"])],
        "T6": [("text", ["Kenya", "Brazil", "Germany", "Australia", "Australia"]),
               ("comments", ["Brazil", "Australia"])],
        "T10": [("text", ["Kenya", "Germany"])],
        "T11": [("status", ["Brazil", "Germany"])],
    }
    t6 = next(n for n in r.nodes if n.label == "T6")
    field = t6.fields[0]
    assert T6_FIRST in field.baseline  # the text as sent out in the draft
    assert field.current.startswith("[Option 1 (Germany):")  # contested now
    kenya = field.items[0]
    assert (kenya.author, kenya.region, kenya.role, kenya.action) == (
        "Wanjiru Mwangi", "Africa", "focal point", "edit")
    assert "illegal killing has been eliminated" in kenya.value and not kenya.reviewed
    t11 = next(n for n in r.nodes if n.label == "T11")
    assert t11.fields[0].baseline == "draft" and t11.fields[0].current in ("agreed", "proposed")
    assert [i.value for i in t6.fields[1].items][0].startswith("Brazil cannot accept")
    assert r.pending == len(r.items) == 15


def test_filters_by_region_party_node_and_review_state(sec: Store, consultation: Round) -> None:
    plan_id = consultation.plan_id
    europe = load(sec, plan_id, regions=frozenset({"Europe"}))
    assert {i.party for i in europe.items} == {"Germany"} and len(europe.items) == 5
    assert europe.parties == ["Australia", "Brazil", "Germany", "Kenya"]  # still all offered
    two = load(sec, plan_id, parties=frozenset({"Kenya", "Brazil"}))
    assert {i.party for i in two.items} == {"Kenya", "Brazil"}
    goal2 = node(sec, plan_id, "G2")  # T4 to T7: a node filter keeps what is under it
    assert [n.label for n in load(sec, plan_id, node=goal2).nodes] == ["T4", "T6"]
    t6 = load(sec, plan_id, node=node(sec, plan_id, "T6"))
    ids = [i.change_id for i in t6.items]
    assert set_reviewed(sec, ids[:3]) == 3
    assert set_reviewed(sec, ids[:3]) == 0  # already marked
    pending = load(sec, plan_id, pending_only=True)
    assert len(pending.items) == 12 and not set(ids[:3]) & {i.change_id for i in pending.items}
    assert set_reviewed(sec, ids[:1], reviewed=False) == 1
    assert len(load(sec, plan_id, pending_only=True).items) == 13
    assert [i.reviewed for i in load(sec, plan_id, node=node(sec, plan_id, "T6")).items][:3] \
        == [False, True, True]


def test_own_changes_are_left_out_unless_asked(sec: Store, consultation: Round) -> None:
    plan_id = consultation.plan_id
    PlanEditor(sec, plan_id).set_field(node(sec, plan_id, "T2"), "note", "A Secretariat note.")
    assert "T2" not in [n.label for n in load(sec, plan_id).nodes]
    mine = load(sec, plan_id, include_own=True)
    t2 = next(n for n in mine.nodes if n.label == "T2")
    assert t2.fields[0].items[0].own and t2.fields[0].items[0].party == SECRETARIAT.party


def test_baselines_a_draft_the_first_version_or_a_day(sec: Store, consultation: Round) -> None:
    plan_id = consultation.plan_id
    with sec.session() as s:
        assert baseline(s, plan_id, None).arrival == find_draft(s, plan_id, DRAFT).arrival
        early = baseline(s, plan_id, "2000-01-01")  # before anything: the empty plan
        assert early.arrival == 0
        later = baseline(s, plan_id, "2999-01-01")  # after everything: nothing received since
        assert review(s, plan_id, later).nodes == []
        with pytest.raises(queries.NotFoundError, match="YYYY-MM-DD"):
            baseline(s, plan_id, "draft 9")
    everything = load(sec, plan_id, "2000-01-01", include_own=True)
    assert len(everything.nodes) == 1 + len(queries_outline(sec, plan_id))  # all is new
    assert load(sec, plan_id, Date(2999, 1, 1).isoformat()).items == []


def test_revert_a_head_keeps_the_other_proposals(sec: Store, consultation: Round) -> None:
    """Germany's wording of T6 is withdrawn: the conflict is left to the others."""
    plan_id = consultation.plan_id
    t6 = load(sec, plan_id, node=node(sec, plan_id, "T6")).nodes[0].fields[0]
    germany = next(i for i in t6.items if i.party == "Germany")
    outcome = revert_change(sec, plan_id, germany.change_id[:10])
    assert len(outcome.changes) == 1
    with sec.session() as s:
        (conflict,) = [c for c in queries.conflicts(s, plan_id) if c.label == "T6"]
    assert sorted(a["proposers"] for a in conflict.alternatives) == [["Australia", "Kenya"],
                                                                      ["Brazil"]]
    assert "ecosystem-based management" not in text(sec, plan_id, "T6")
    # the revert travels: a delegation that imports it sees the same
    out = export_bundle(sec, plan_id, sec.path.parent / "next.cmsb")
    third = open_copy(consultation.delegate_stores["Kenya"], sec.path.parent, "third")
    import_bundle(third, sec.path.parent / "next.cmsb")
    assert text(third, plan_id, "T6") == text(sec, plan_id, "T6") and out.changes
    third.close()


def test_revert_under_later_edits_and_refusals(sec: Store, consultation: Round) -> None:
    plan_id = consultation.plan_id
    t10 = node(sec, plan_id, "T10")
    kenya = next(i for i in load(sec, plan_id, node=t10).items if i.party == "Kenya")
    before = text(sec, plan_id, "T10")
    assert "including stopover sites" in before and "maintain connectivity across" in before
    # Kenya's change is no longer a head (Germany's merged edit and ours build on it)
    PlanEditor(sec, plan_id).set_field(t10, "text", before + " Sites are monitored.")
    revert_change(sec, plan_id, kenya.change_id)
    after = text(sec, plan_id, "T10")
    assert "including stopover sites" not in after
    assert "maintain connectivity across" in after and after.endswith("Sites are monitored.")
    with pytest.raises(CommandError, match="nothing to revert"):
        revert_change(sec, plan_id, kenya.change_id)
    comment = next(i for i in load(sec, plan_id).items if i.action == "comment")
    with pytest.raises(CommandError, match="text or a status"):
        revert_change(sec, plan_id, comment.change_id)
    with pytest.raises(queries.NotFoundError, match="no change"):
        revert_change(sec, plan_id, "0123456789abcdef")
    status = next(i for i in load(sec, plan_id).items if i.party == "Brazil"
                  and i.value == "proposed")
    with pytest.raises(CommandError, match="status is contested"):
        revert_change(sec, plan_id, status.change_id)
    germany = next(i for i in load(sec, plan_id).items if i.value == "agreed")
    PlanEditor(sec, plan_id).resolve(Key("node", node(sec, plan_id, "T11"), "status"),
                                     "proposed")
    with pytest.raises(CommandError, match="later changes replaced"):
        revert_change(sec, plan_id, germany.change_id)


def test_compare_with_a_named_draft(sec: Store, consultation: Round) -> None:
    plan_id = consultation.plan_id
    editor = PlanEditor(sec, plan_id)
    g1 = node(sec, plan_id, "G1")
    editor.add_node(g1, "target", "Youth engagement", "Young people are involved.")
    editor.delete_node(node(sec, plan_id, "T3"))
    with sec.session() as s:
        diffs = compare_with_draft(s, plan_id, find_draft(s, plan_id, DRAFT))
    changed = {(d.label, d.field, d.what) for d in diffs}
    assert {("T1", "text", "changed"), ("T10", "text", "changed"),
            ("T11", "status", "changed")} <= changed
    assert ("T4", "title", "changed") not in changed
    added = [d for d in diffs if d.what == "added"]
    assert {d.field for d in added} == {"title", "text"}
    assert added[0].heading.endswith("Youth engagement")
    (removed,) = [d for d in diffs if d.what == "removed"]
    assert removed.heading == "Target: Governance affecting migratory species"
    t10 = next(d for d in diffs if d.label == "T10")
    assert "stopover" not in t10.draft and "stopover" in t10.current
    with sec.session() as s:
        only = compare_with_draft(s, plan_id, find_draft(s, plan_id, DRAFT),
                                  node(sec, plan_id, "T10"))
    assert [(d.label, d.field) for d in only] == [("T10", "text")]
    info = mark_draft(sec, plan_id, "Consultation draft 2", "UNEP/CMS/X", "2014-06-01")
    with sec.session() as s:
        assert compare_with_draft(s, plan_id, find_draft(s, plan_id, info.id)) == []


def test_agreed_text_holds_clean_merges_and_the_base_wording(sec: Store,
                                                             consultation: Round) -> None:
    with sec.session() as s:
        t6 = next(c for c in queries.conflicts(s, consultation.plan_id) if c.label == "T6")
        shown = queries.node_view(s, t6.eid).fields["text"]
    common = agreed_text(shown, t6.hunks, t6.base)
    assert T6_FIRST in common and "sustainable, monitored" in common  # Australia's clean edit
    assert "[Option" not in common
    # every alternative differs from it only in the contested first sentence
    for alternative in t6.alternatives:
        assert alternative["value"].split(". ", 1)[1] == common.split(". ", 1)[1]
    assert agreed_text("edited by hand", t6.hunks, t6.base) == t6.base

