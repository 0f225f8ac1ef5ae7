"""Search across the titles and texts of a plan."""

from __future__ import annotations

from cmsdesk.models import queries
from cmsdesk.models.commands import PlanEditor
from cmsdesk.models.search import fold, search
from cmsdesk.models.store import Store


def test_fold_ignores_case_and_accents_and_maps_back() -> None:
    folded, where = fold("Écosystème Ñandú")
    assert folded == "ecosysteme nandu"
    assert len(where) == len(folded) and where[-1] == len("Écosystème Ñandú") - 1


def test_search_finds_titles_and_texts_in_outline_order(plan_store: tuple[Store, str]) -> None:
    store, plan_id = plan_store
    editor = PlanEditor(store, plan_id)
    with store.session() as s:
        entries = queries.outline(s, plan_id)
    t1, t2 = [e for e in entries if e.kind == "target"][:2]
    editor.set_field(t2.id, "note", "Protéger les écosystèmes\nde l'Afrique")
    editor.set_field(t1.id, "title", "ECOSYSTEME côtier")
    with store.session() as s:
        found = search(s, plan_id, "ecosysteme")
    assert any(h.lang == "fr" for h in found)  # the starter plan's French texts, too
    hits = [h for h in found if h.lang is None]
    assert [(h.node_id, h.field) for h in hits][:2] == [(t1.id, "title"), (t2.id, "note")]
    note_hit = hits[1]
    assert note_hit.snippet[note_hit.start:note_hit.start + note_hit.length] == "écosystème"
    assert "\n" not in note_hit.snippet and note_hit.label == t2.label


def test_search_skips_the_trash_and_empty_queries(plan_store: tuple[Store, str]) -> None:
    store, plan_id = plan_store
    editor = PlanEditor(store, plan_id)
    with store.session() as s:
        target = next(e for e in queries.outline(s, plan_id) if e.kind == "target")
    editor.set_field(target.id, "text", "a unique ñandú sentence")
    with store.session() as s:
        assert [h.node_id for h in search(s, plan_id, "NANDU")] == [target.id]
        assert search(s, plan_id, "   ") == []
    editor.delete_node(target.id)
    with store.session() as s:
        assert search(s, plan_id, "nandu") == []
