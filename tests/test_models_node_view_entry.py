"""node_view with the caller's outline entry gives the same view without re-deriving the
outline (the window passes the entry its outline model holds)."""

from __future__ import annotations

from cmsdesk.models import queries
from cmsdesk.models.store import Store


def test_node_view_with_an_entry_equals_node_view_without(plan_store: tuple[Store, str]) -> None:
    store, plan_id = plan_store
    with store.session() as s:
        entries = queries.outline(s, plan_id)
        for entry in entries[::5]:
            assert queries.node_view(s, entry.id, entry) == queries.node_view(s, entry.id)
        wrong = entries[1]  # an entry of another node is ignored
        assert queries.node_view(s, entries[0].id, wrong).label == entries[0].label
