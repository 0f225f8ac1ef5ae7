"""Reading the current state: the outline with its derived numbers, nodes, history, conflicts.

Numbers are never stored: goals, targets and indicators are numbered from their place in the
outline (targets continuously across goals, as in the CMS plan), so moving a target renumbers
everything after it and two sites always agree on the numbers of the same outline.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cmsdesk.models import rules
from cmsdesk.models.changelog import Key
from cmsdesk.models.schema import (
    Change,
    Comment,
    Conflict,
    CrossReference,
    Node,
    Plan,
    Translation,
)


class NotFoundError(LookupError):
    """A plan, node or field named by the user does not exist; the message says which."""


@dataclass
class OutlineEntry:
    id: str
    kind: str
    label: str  # G2, T7 ...
    number: int
    depth: int
    title: str
    parent_id: str | None
    status: str
    conflicted: bool = False

    def heading(self) -> str:
        """'Target 7: title' style heading (parts and chapters have their title only)."""
        if self.kind in ("goal", "target", "indicator"):
            return f"{rules.KIND_NAMES[self.kind]} {self.number}: {self.title}"
        return self.title


def plans(session: Session) -> list[Plan]:
    return list(session.scalars(select(Plan).order_by(Plan.title, Plan.id)))


def find_plan(session: Session, ref: str | None) -> Plan:
    """The plan named by id or title; with no name, the only plan in the store."""
    all_plans = plans(session)
    if ref is None:
        if len(all_plans) == 1:
            return all_plans[0]
        if not all_plans:
            raise NotFoundError("the store holds no plan yet: run 'cmsdesk init' or import a "
                                "draft bundle with 'cmsdesk bundle import FILE'")
        names = "; ".join(f"{p.title} ({p.id[:8]})" for p in all_plans)
        raise NotFoundError(f"the store holds several plans, choose one with --plan: {names}")
    for p in all_plans:
        if p.id == ref or p.id.startswith(ref) and len(ref) >= 6:
            return p
    matches = [p for p in all_plans if p.title.casefold() == ref.casefold()]
    if len(matches) == 1:
        return matches[0]
    raise NotFoundError(f"no plan {ref!r} in this store")


# What the outline needs of each node: rows of these columns load about twice as fast as ORM
# objects with all the texts, and the outline is read after every edit.
_OUTLINE_COLUMNS = (Node.id, Node.kind, Node.parent_id, Node.position, Node.deleted, Node.title,
                    Node.status)


def _children_map(session: Session, plan_id: str) -> dict[str | None, list[Any]]:
    nodes = session.execute(select(*_OUTLINE_COLUMNS).where(Node.plan_id == plan_id)).all()
    ids = {n.id for n in nodes}
    kids: dict[str | None, list[Any]] = {}
    for n in nodes:
        parent = n.parent_id if n.parent_id in ids else None
        kids.setdefault(parent, []).append(n)
    for group in kids.values():
        group.sort(key=lambda n: (n.position, n.id))
    return kids


def outline(session: Session, plan_id: str) -> list[OutlineEntry]:
    """The live outline in order, each node with its derived label and number."""
    kids = _children_map(session, plan_id)
    conflicted = set(session.scalars(select(Conflict.node_id).where(Conflict.plan_id == plan_id)))
    counters: dict[str, int] = {}
    out: list[OutlineEntry] = []
    visited: set[str] = set()

    def emit(n: Any, depth: int) -> None:
        visited.add(n.id)
        counters[n.kind] = counters.get(n.kind, 0) + 1
        number = counters[n.kind]
        out.append(OutlineEntry(n.id, n.kind, f"{rules.LABEL_PREFIX[n.kind]}{number}", number,
                                depth, n.title, n.parent_id, n.status, n.id in conflicted))
        walk(n.id, depth + 1)

    def walk(parent: str | None, depth: int) -> None:
        for n in kids.get(parent, []):
            if not n.deleted and n.id not in visited:
                emit(n, depth)

    walk(None, 0)
    # Concurrent moves can make a cycle that no root reaches: never hide such nodes.
    by_id = {n.id: n for group in kids.values() for n in group}
    for n in sorted(by_id.values(), key=lambda n: n.id):
        if n.id not in visited and not _in_trash(by_id, n):
            emit(n, 0)
    return out


def _in_trash(by_id: dict[str, Any], node: Any) -> bool:
    current: Any = node
    for _hop in range(len(by_id) + 1):
        if current is None:
            return False
        if current.deleted:
            return True
        current = by_id.get(current.parent_id or "")
    return False


def trash(session: Session, plan_id: str) -> list[Node]:
    """Deleted nodes whose parent is not deleted too (what the Trash lists)."""
    # Only the deleted nodes are loaded: the Trash is read again after every import.
    deleted = {n.id: n for n in session.scalars(
        select(Node).where(Node.plan_id == plan_id, Node.deleted.is_(True)))}
    return [n for n in deleted.values() if n.parent_id not in deleted]


def resolve_node(session: Session, plan_id: str, ref: str) -> str:
    """A node id from an id, an id prefix, or an outline label such as G2 or T7."""
    ref = ref.strip()
    for entry in outline(session, plan_id):
        if entry.label.casefold() == ref.casefold():
            return entry.id
    node = session.get(Node, ref)
    if node is not None and node.plan_id == plan_id:
        return node.id
    if len(ref) >= 6:
        ids = list(session.scalars(select(Node.id).where(Node.plan_id == plan_id,
                                                         Node.id.startswith(ref))))
        if len(ids) == 1:
            return ids[0]
    raise NotFoundError(f"no node {ref!r} in this plan (use a label such as G2 or T7, or an id)")


@dataclass
class XrefView:
    framework: str
    target: str
    relevance: str
    note: str


@dataclass
class CommentView:
    id: str
    author: str
    party: str
    region: str
    clock: str
    text: str
    resolved: bool


@dataclass
class ConflictView:
    entity: str
    eid: str
    field: str
    node_id: str | None
    kind: str
    base: str
    alternatives: list[dict[str, Any]]
    hunks: list[dict[str, Any]]
    label: str = ""  # T7 ... filled in for node conflicts
    title: str = ""
    # the regions' positions (models/endorsements.endorsements, "verified" added): the listing
    endorsements: list[dict[str, Any]] = field(default_factory=list)

    @property
    def key(self) -> Key:
        return Key(self.entity, self.eid, self.field)


@dataclass
class NodeView:
    id: str
    plan_id: str
    kind: str
    label: str
    number: int
    parent_id: str | None
    deleted: bool
    fields: dict[str, str]
    xrefs: list[XrefView] = field(default_factory=list)
    comments: list[CommentView] = field(default_factory=list)
    conflicts: list[ConflictView] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _conflict_view(c: Conflict) -> ConflictView:
    doc = json.loads(c.alternatives)
    return ConflictView(c.entity, c.eid, c.field, c.node_id, c.kind, c.base,
                        doc["alternatives"], doc.get("hunks", []))


def node_view(session: Session, node_id: str, entry: OutlineEntry | None = None) -> NodeView:
    """Everything about one node. A caller that holds the node's current outline ``entry``
    (a window's outline model does) passes it, which saves deriving the whole outline again."""
    node = session.get(Node, node_id)
    if node is None:
        raise NotFoundError(f"no node {node_id}")
    if entry is None or entry.id != node_id:
        entry = next((e for e in outline(session, node.plan_id) if e.id == node_id), None)
    fields = {f: str(getattr(node, f) or "") for f in rules.fields_of(node.kind)}
    xrefs = [XrefView(x.framework, x.target, x.relevance, x.note) for x in session.scalars(
        select(CrossReference).where(CrossReference.node_id == node_id,
                                     CrossReference.present.is_(True))
        .order_by(CrossReference.framework, CrossReference.target))]
    xrefs.sort(key=lambda x: (x.framework, int(x.target) if x.target.isdigit() else 0, x.target))
    comments = [CommentView(c.id, c.author_name, c.author_party, c.author_region, c.clock,
                            c.text, c.resolved)
                for c in session.scalars(select(Comment).where(Comment.node_id == node_id)
                                         .order_by(Comment.clock, Comment.id))]
    conflicts = [_conflict_view(c) for c in session.scalars(
        select(Conflict).where(Conflict.node_id == node_id).order_by(Conflict.field))]
    return NodeView(node.id, node.plan_id, node.kind, entry.label if entry else "",
                    entry.number if entry else 0, node.parent_id, node.deleted, fields, xrefs,
                    comments, conflicts)


def conflicts(session: Session, plan_id: str) -> list[ConflictView]:
    entries = {e.id: e for e in outline(session, plan_id)}
    out = []
    for c in session.scalars(select(Conflict).where(Conflict.plan_id == plan_id)):
        view = _conflict_view(c)
        entry = entries.get(c.node_id or "")
        if entry:
            view.label, view.title = entry.label, entry.title
        out.append(view)
    order = {e: i for i, e in enumerate(entries)}
    out.sort(key=lambda v: (order.get(v.node_id or "", -1), v.entity, v.eid, v.field))
    return out


def conflict_count(session: Session, plan_id: str | None = None) -> int:
    from sqlalchemy import func

    stmt = select(func.count()).select_from(Conflict)
    if plan_id is not None:
        stmt = stmt.where(Conflict.plan_id == plan_id)
    return int(session.scalar(stmt) or 0)


@dataclass
class VersionView:
    version_id: str
    change_id: str
    op: str
    author: str
    party: str
    region: str
    clock: str
    value: Any
    parents: list[str]


def history(session: Session, key: Key) -> list[VersionView]:
    """Every version of a field, oldest first by the clock (for display only)."""
    rows = session.scalars(select(Change).where(
        Change.entity == key.entity, Change.eid == key.eid, Change.field == key.field)
        .order_by(Change.clock, Change.id))
    return [VersionView(r.version_id, r.id, r.op, r.author_name, r.author_party,
                        r.author_region, r.clock, json.loads(r.value), json.loads(r.parents))
            for r in rows]


def snapshot(session: Session, plan_id: str) -> dict[str, Any]:
    """Every piece of derived state of a plan as plain data (to compare two stores)."""
    plan = session.get(Plan, plan_id)
    nodes = session.scalars(select(Node).where(Node.plan_id == plan_id).order_by(Node.id))
    xrefs = session.scalars(select(CrossReference).where(CrossReference.plan_id == plan_id)
                            .order_by(CrossReference.node_id, CrossReference.framework,
                                      CrossReference.target))
    comments = session.scalars(select(Comment).where(Comment.plan_id == plan_id)
                               .order_by(Comment.id))
    confl = session.scalars(select(Conflict).where(Conflict.plan_id == plan_id)
                            .order_by(Conflict.entity, Conflict.eid, Conflict.field))
    cols = ("kind", "parent_id", "position", "deleted") + rules.COMMON_FIELDS + rules.TARGET_FIELDS
    translations = session.scalars(select(Translation).where(Translation.plan_id == plan_id)
                                   .order_by(Translation.entity, Translation.eid,
                                             Translation.field, Translation.lang))
    return {
        "plan": None if plan is None else [plan.title, plan.period, plan.symbol, plan.language],
        "nodes": {n.id: [getattr(n, c) for c in cols] for n in nodes},
        "xrefs": [[x.node_id, x.framework, x.target, x.present, x.relevance, x.note] for x in xrefs],
        "comments": [[c.id, c.node_id, c.author_name, c.text, c.resolved, c.lang]
                     for c in comments],
        "translations": [[t.entity, t.eid, t.field, t.lang, t.value, t.translates, t.proposal]
                         for t in translations],
        "conflicts": [[c.entity, c.eid, c.field, c.kind, c.base, c.alternatives] for c in confl],
    }
