"""The change log is the truth: random command sequences, then the state derived again from the
log alone equals the live state."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from pathlib import Path
from typing import TypeVar

from conftest import open_store
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cmsdesk.models import queries, rules
from cmsdesk.models.commands import CommandError, PlanEditor, create_plan
from cmsdesk.models.projection import rebuild
from cmsdesk.models.schema import CrossReference
from cmsdesk.models.store import Store

WORDS = ["Parties act.", "Migratory birds fly.", "Sharks swim far.", "Élan vital.", "Año nuevo.",
         "[Option] text."]

step = st.tuples(
    st.sampled_from(["add", "add", "set", "set", "move", "move", "delete", "restore", "xref_add",
                     "xref_remove", "comment", "resolve_comment", "plan"]),
    st.integers(0, 1000), st.integers(0, 1000), st.integers(0, 1000),
)

_stores: dict[str, Store] = {}
T = TypeVar("T")


def _shared_store(tmp_path_factory: object) -> Store:
    if "s" not in _stores:
        path = Path(tmp_path_factory.mktemp("rebuild")) / "store.db"  # type: ignore[attr-defined]
        _stores["s"] = open_store(path)
    return _stores["s"]


def pick(seq: Sequence[T], i: int) -> T | None:
    return seq[i % len(seq)] if seq else None


def _apply(editor: PlanEditor, store: Store, op: str, a: int, b: int, c: int) -> None:
    with store.session() as s:
        live = queries.outline(s, editor.plan_id)
        trashed = queries.trash(s, editor.plan_id)
        comments = [cm for e in live for cm in queries.node_view(s, e.id).comments]
    node = pick(live, a)
    if op == "add":
        parent = node if node is not None and b % 3 else None
        kinds = rules.ALLOWED_CHILDREN[parent.kind if parent else None]
        if kinds:
            editor.add_node(parent.id if parent else None, kinds[c % len(kinds)], WORDS[b % 6],
                            WORDS[c % 6], index=c % 3)
    elif op == "set" and node is not None:
        fld = pick(rules.fields_of(node.kind), b)
        value = rules.STATUSES[c % 3] if fld == "status" else " ".join(WORDS[: 1 + c % 6])
        editor.set_field(node.id, fld, value)
    elif op == "move" and node is not None:
        target = pick(live, b) if b % 4 else None
        editor.move_node(node.id, target.id if target else None, c % 4)
    elif op == "delete" and node is not None:
        editor.delete_node(node.id)
    elif op == "restore" and trashed:
        editor.restore_node(pick(trashed, a).id)
    elif op in ("xref_add", "xref_remove"):
        targets = [e for e in live if e.kind == "target"]
        if targets:
            t = pick(targets, a)
            code = str(1 + b % 20)
            if op == "xref_add":
                editor.add_xref(t.id, "aichi", code, rules.RELEVANCES[c % 2], WORDS[c % 6])
            else:
                with store.session() as s:
                    row = s.get(CrossReference, (t.id, "aichi", code))
                    present = row is not None and row.present
                if present:
                    editor.remove_xref(t.id, "aichi", code)
    elif op == "comment" and node is not None:
        editor.add_comment(node.id, WORDS[b % 6])
    elif op == "resolve_comment" and comments:
        editor.resolve_comment(pick(comments, a).id)
    elif op == "plan":
        editor.set_plan_field(rules.PLAN_FIELDS[a % 3], WORDS[b % 6])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(step, min_size=1, max_size=25))
def test_rebuilt_state_equals_live_state(tmp_path_factory: object,
                                         steps: list[tuple[str, int, int, int]]) -> None:
    store = _shared_store(tmp_path_factory)
    plan_id = create_plan(store, "Random plan").created or ""
    editor = PlanEditor(store, plan_id)
    part = editor.add_node(None, "part", "Plan").created
    goal = editor.add_node(part, "goal", "Goal").created
    for title in ("Target one", "Target two"):
        editor.add_node(goal, "target", title, "Parties act. Birds fly.")
    editor.add_node(part, "chapter", "Chapter")
    for op, a, b, c in steps:
        # a refused command writes nothing; the property still has to hold
        with contextlib.suppress(CommandError):
            _apply(editor, store, op, a, b, c)
    with store.session() as s:
        live = queries.snapshot(s, plan_id)
        outline_before = [(e.label, e.title) for e in queries.outline(s, plan_id)]
    with store.session() as s:
        rebuild(s, plan_id)
    with store.session() as s:
        assert queries.snapshot(s, plan_id) == live
        assert [(e.label, e.title) for e in queries.outline(s, plan_id)] == outline_before
        assert queries.conflict_count(s, plan_id) == 0  # one site alone never conflicts
