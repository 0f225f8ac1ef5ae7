"""Appending changes keeps each field's heads right without reading them all (changelog.py):
concurrent edits become several heads, an edit naming them all leaves one, a chain appended at
once leaves only its last version, and a resolution made the same way at another site does not
come back as a head once something was written on top of it."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from cmsdesk.models import queries
from cmsdesk.models.changelog import (
    Appended,
    Key,
    append_changes,
    append_groups,
    change_id,
    heads,
    make_body,
)
from cmsdesk.models.identity import Profile
from cmsdesk.models.schema import Change
from cmsdesk.models.store import Store

KENYA = Profile("Kenya delegate", "Kenya", "Africa", "delegate")
SPAIN = Profile("Spain delegate", "Spain", "Europe", "delegate")


class _Writer:
    """Changes of one field by two sites, each with its own counter."""

    def __init__(self, store: Store, plan_id: str) -> None:
        self.store, self.plan_id = store, plan_id
        with store.session() as s:
            target = next(e for e in queries.outline(s, plan_id) if e.kind == "target")
        self.key = Key("node", target.id, "text")
        self.seq = {"kenya": 0, "spain": 0}

    def change(self, site: str, value: str, parents: list[str], op: str = "set"
               ) -> tuple[str, dict[str, Any]]:
        self.seq[site] += 1
        body = make_body(plan=self.plan_id, replica=site * 4, seq=self.seq[site],
                         author=KENYA if site == "kenya" else SPAIN,
                         clock=self.store.next_clock(), op=op, key=self.key, value=value,
                         parents=parents)
        return change_id(body), body

    def append(self, *changes: tuple[str, dict[str, Any]]) -> Appended:
        with self.store.session() as s:
            return append_changes(s, list(changes))

    def heads(self) -> list[str]:
        with self.store.session() as s:
            return heads(s, self.key)


def test_heads_follow_concurrent_edits_a_merge_and_a_chain(plan_store: tuple[Store, str]) -> None:
    w = _Writer(*plan_store)
    (base,) = w.heads()
    a, b = w.change("kenya", "Kenya's text.", [base]), w.change("spain", "Spain's text.", [base])
    appended = w.append(a, b)
    assert appended.fields == {w.key} and appended.concurrent == {w.key}
    assert w.heads() == sorted([a[0], b[0]])
    merged = w.change("kenya", "Both texts.", [a[0], b[0]])
    assert w.append(merged).concurrent == set()
    assert w.heads() == [merged[0]]
    first = w.change("spain", "One more.", [merged[0]])
    second = w.change("spain", "And another.", [first[0]])
    assert w.append(first, second).concurrent == set()
    assert w.heads() == [second[0]]
    assert w.append(first, second) == Appended([], set(), set())  # held already: nothing


def test_a_resolution_made_again_elsewhere_does_not_come_back(plan_store: tuple[Store, str]
                                                              ) -> None:
    w = _Writer(*plan_store)
    (base,) = w.heads()
    a, b = w.change("kenya", "Kenya's text.", [base]), w.change("spain", "Spain's text.", [base])
    w.append(a, b)
    here = w.change("kenya", "Kenya's text.", [a[0], b[0]], op="resolve")
    w.append(here)
    (resolved,) = w.heads()
    later = w.change("kenya", "Edited after the resolution.", [resolved])
    w.append(later)
    # Spain resolved the conflict the same way: another change, the same version.
    there = w.change("spain", "Kenya's text.", [a[0], b[0]], op="resolve")
    appended = w.append(there)
    assert appended.new == [there[0]] and appended.concurrent == set()
    assert w.heads() == [later[0]]


def test_groups_appended_together_report_what_each_would_have_done_alone(
        plan_store: tuple[Store, str]) -> None:
    """A batch import appends its files' changes in one call (``append_groups``): each group
    says what it added and which fields it left concurrent, as one call per group would."""
    w = _Writer(*plan_store)
    (base,) = w.heads()
    a = w.change("kenya", "Kenya's text.", [base])
    b = w.change("spain", "Spain's text.", [base])
    merged = w.change("kenya", "Both texts.", [a[0], b[0]])
    groups = [([a], "first"), ([b, a], "second"), ([merged], "third"), ([a, b], "fourth")]
    with w.store.session() as s:
        done = append_groups(s, [(list(changes), origin) for changes, origin in groups])
    assert done == [
        Appended([a[0]], {w.key}, set()),  # one head: a
        Appended([b[0]], {w.key}, {w.key}),  # a and b; a was held already
        Appended([merged[0]], {w.key}, set()),  # one head again
        Appended([], set(), set()),  # nothing new
    ]
    assert w.heads() == [merged[0]]
    with w.store.session() as s:
        origins = dict(s.execute(select(Change.id, Change.origin).where(
            Change.id.in_([a[0], b[0], merged[0]]))).all())
    assert origins == {a[0]: "first", b[0]: "second", merged[0]: "third"}
