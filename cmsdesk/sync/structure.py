"""The outline's rules, checked on what a bundle would make of the plan before it is written.

Every change in a bundle is signed and well formed, yet a hostile or broken sender can still
ask for an outline that cannot be: a goal moved under one of its own targets (a cycle), a goal
under a target (the rules of :mod:`cmsdesk.models.rules` forbid it), a node placed under a node
that does not exist, or an edit of a node nobody ever created (it would appear as an empty
chapter). :func:`check_structure` applies the bundle's placements to the plan as this store
holds it and refuses the file, with a message naming the node, if any of these would follow.
It reads only.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cmsdesk.models import rules
from cmsdesk.models.schema import Node
from cmsdesk.printable import printable
from cmsdesk.sync.format import BundleError

REFUSED = "refused; ask the sender for a bundle made by cmsdesk"


def outline_rows(session: Session, plan_id: str) -> list[tuple[str, str, str | None, str]]:
    """(id, kind, parent, title) of every node of a plan, as :func:`check_structure` needs
    them (a batch import reads them once: the nodes change only when it projects, at its end)."""
    return [tuple(row) for row in session.execute(  # type: ignore[misc]
        select(Node.id, Node.kind, Node.parent_id, Node.title).where(Node.plan_id == plan_id))]


class _Outline:
    """Kind, parent and title of every node: the store's, then the bundle's placements."""

    def __init__(self, rows: list[tuple[str, str, str | None, str]]) -> None:
        self.kind: dict[str, str] = {}
        self.parent: dict[str, str | None] = {}
        self.title: dict[str, str] = {}
        for node_id, kind, parent, title in rows:
            self.kind[node_id], self.parent[node_id], self.title[node_id] = kind, parent, title

    def name(self, node_id: str | None) -> str:
        if node_id is None:
            return "the top of the outline"
        kind = rules.KIND_NAMES.get(self.kind.get(node_id, ""), "node")
        title = self.title.get(node_id) or node_id[:8]
        return f"{kind.lower()} \"{printable(title, 60)}\""

    def cycle_through(self, node_id: str) -> bool:
        """True when walking up from ``node_id`` comes back to it."""
        current = self.parent.get(node_id)
        for _hop in range(len(self.parent) + 1):
            if current is None:
                return False
            if current == node_id:
                return True
            current = self.parent.get(current)
        return True


def _nodes_named(body: dict[str, Any]) -> Iterable[str]:
    """The nodes a change is about or names (a link's node, a comment's node)."""
    if body["entity"] == "node":
        yield body["eid"]
    elif body["entity"] == "xref":
        yield body["eid"].split("|", 1)[0]
    elif body["entity"] == "comment" and body["field"] == "body":
        yield body["value"]["node"]


def check_structure(session: Session, plan_id: str, changes: list[tuple[int, dict[str, Any]]],
                    rows: list[tuple[str, str, str | None, str]] | None = None) -> None:
    """Refuse (``BundleError``) a bundle whose ``(line number, change)`` pairs, applied in
    order to the plan as stored (its nodes: ``rows`` of :func:`outline_rows`, else read),
    would break the outline's rules or name unknown nodes."""
    outline = _Outline(outline_rows(session, plan_id) if rows is None else rows)
    moved: dict[str, int] = {}
    for number, body in changes:
        if body["entity"] == "node" and body["field"] == "placement":
            value = body["value"]
            node_id = body["eid"]
            if body["op"] == "create":
                outline.kind.setdefault(node_id, value["kind"])
            outline.title.setdefault(node_id, "")
            outline.parent[node_id] = value["parent"]
            moved[node_id] = number
        for node_id in _nodes_named(body):
            if node_id not in outline.kind:
                raise BundleError(f"change {number} edits a node that was never created "
                                  f"({printable(node_id, 40)}): {REFUSED}")
    for node_id, number in moved.items():
        parent = outline.parent[node_id]
        if parent is not None and parent not in outline.kind:
            raise BundleError(f"change {number} puts {outline.name(node_id)} under a node that "
                              f"does not exist ({printable(parent, 40)}): {REFUSED}")
        parent_kind = outline.kind[parent] if parent is not None else None
        if not rules.may_hold(parent_kind, outline.kind[node_id]):
            raise BundleError(f"change {number} puts {outline.name(node_id)} under "
                              f"{outline.name(parent)}, which the outline's rules forbid: "
                              f"{REFUSED}")
        if outline.cycle_through(node_id):
            raise BundleError(f"change {number} puts {outline.name(node_id)} inside itself "
                              f"(under {outline.name(parent)}, which it holds): {REFUSED}")
