"""Deriving the current state (plans, nodes, cross-references, comments, conflicts) from the log.

Each field is projected from its heads: one head gives the value; several heads are merged
against their common ancestor (text fields with the sentence merge, other values by agreement)
and, where they cannot be merged, a conflict row lists the attributed alternatives while the
field shows them in the bracketed options form. Nothing here looks at wall-clock time or arrival
order, so the same set of changes gives the same state at every site, and :func:`rebuild` can
throw the state away and derive it again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, delete, insert, select, type_coerce
from sqlalchemy.orm import Session

from cmsdesk.models import rules
from cmsdesk.models.canonical import canonical_bytes
from cmsdesk.models.changelog import Author, Key, chunks, key_params, of_keys
from cmsdesk.models.endorsements import (
    ENDORSEMENT,
    endorsed_options,
    endorsed_options_of,
    proposer_region,
)
from cmsdesk.models.languages import split_field
from cmsdesk.models.option_numbers import (
    NUMBERING,
    recorded_numbers,
    recorded_numbers_of,
    target_of,
)
from cmsdesk.models.packing import IdList
from cmsdesk.models.schema import (
    Change,
    Comment,
    Conflict,
    CrossReference,
    Head,
    Node,
    Plan,
    Translation,
)
from cmsdesk.models.sentences import LEGACY_RULES
from cmsdesk.models.textmerge import Numbering, merge_texts

PLAN_FIELDS = ("title", "period", "symbol")
NODE_TEXT_FIELDS = ("title", "text", "note", "indicators", "milestones", "actors")
TEXT_FIELDS = {("plan", f) for f in PLAN_FIELDS} | {("node", f) for f in NODE_TEXT_FIELDS} | {
    ("xref", "note")}
ANY_TRUE_FIELDS = {("xref", "present"), ("comment", "resolved")}
# Concurrent values of these settle on the highest, without a conflict to resolve.
HIGHEST_FIELDS = {("plan", rules.SENTENCE_RULES)}


@dataclass
class Projection:
    """What a projection touched: the UI and import reports are built from this."""

    plans: set[str] = field(default_factory=set)
    nodes: set[str] = field(default_factory=set)
    structure: bool = False  # a node was created, moved, deleted or restored
    merged_clean: set[Key] = field(default_factory=set)  # several heads, merged without conflict
    conflicts_opened: set[Key] = field(default_factory=set)
    conflicts_closed: set[Key] = field(default_factory=set)

    def absorb(self, other: Projection) -> None:
        self.plans |= other.plans
        self.nodes |= other.nodes
        self.structure |= other.structure
        self.merged_clean |= other.merged_clean
        self.conflicts_opened |= other.conflicts_opened
        self.conflicts_closed |= other.conflicts_closed


@dataclass
class _Version:
    vid: str
    parents: list[str]
    raw_value: str
    authors: list[Author]
    op: str

    @property
    def value(self) -> Any:
        """Decoded on demand: a merge reads the values of its heads and base only."""
        return json.loads(self.raw_value)


_VERSION_COLUMNS = (Change.entity, Change.eid, Change.field, Change.version_id,
                   type_coerce(Change.parents, IdList()).label("parents"), Change.value,
                   Change.op, Change.author_name, Change.author_party, Change.author_region,
                   Change.author_role)


# Statements for the fields of a projection (see changelog.of_keys), built once.
_HEADS_OF = of_keys(select(Head.entity, Head.eid, Head.field, Head.version_id, Head.plan_id),
                    Head.entity, Head.eid, Head.field)
_VERSIONS_OF = of_keys(select(*_VERSION_COLUMNS), Change.entity, Change.eid,
                       Change.field).order_by(Change.version_id)
_CONFLICTS_OF = of_keys(select(Conflict), Conflict.entity, Conflict.eid, Conflict.field)


def _deletions_above_statement() -> Any:
    """Of some nodes and all their ancestors (a recursive CTE), those with a head of their
    ``deleted`` field; built once, as the statements above, so a save does not compile it."""
    nodes = Node.__table__
    up = select(nodes.c.id).where(nodes.c.id.in_(bindparam("ids", expanding=True))) \
        .cte("up", recursive=True)
    up = up.union(select(nodes.c.parent_id).join(up, nodes.c.id == up.c.id)
                  .where(nodes.c.parent_id.is_not(None)))
    return select(Head.eid).where(Head.entity == "node", Head.field == "deleted",
                                  Head.eid.in_(select(up.c.id)))


_DELETIONS_ABOVE = _deletions_above_statement()


def _collect_versions(rows: Iterable[Any]) -> dict[Key, dict[str, _Version]]:
    """Group change rows into the version DAG of each field; a version made at several sites
    (a resolution) names all their authors."""
    out: dict[Key, dict[str, _Version]] = {}
    for entity, eid, fld, vid, parents, value, op, name, party, region, role in rows:
        versions = out.setdefault(Key(entity, eid, fld), {})
        author = Author(name, party, region, role)
        if vid in versions:
            if author not in versions[vid].authors:
                versions[vid].authors.append(author)
        else:
            versions[vid] = _Version(vid, parents, value, [author], op)
    return out


def _versions(session: Session, key: Key) -> dict[str, _Version]:
    rows = session.execute(select(*_VERSION_COLUMNS).where(
        Change.entity == key.entity, Change.eid == key.eid, Change.field == key.field)
        .order_by(Change.version_id))
    return _collect_versions(rows).get(key, {})


def _ancestors_or_self(versions: dict[str, _Version], start: str) -> set[str]:
    seen = {start}
    stack = [start]
    while stack:
        vid = stack.pop()
        for p in versions[vid].parents:
            if p in versions and p not in seen:
                seen.add(p)
                stack.append(p)
    return seen


def common_ancestor(versions: dict[str, _Version], heads: list[str]) -> str | None:
    """The best common ancestor of ``heads``: deterministic even for criss-cross histories."""
    closures = [_ancestors_or_self(versions, h) for h in heads]
    common = set.intersection(*closures)
    if not common:
        return None
    best = {c for c in common if not any(c != o and c in _ancestors_or_self(versions, o)
                                          for o in common)}
    return max(best, key=lambda c: (len(_ancestors_or_self(versions, c)), c))


def _proposers(authors: list[Author]) -> list[dict[str, str]]:
    return sorted((a.to_json() for a in authors), key=lambda a: (a["party"], a["name"]))


def _labels(authors: list[Author]) -> list[str]:
    return sorted({a.label() for a in authors})


def _value_key(value: Any) -> bytes:
    return canonical_bytes(value)


@dataclass
class _Outcome:
    value: Any
    conflict: dict[str, Any] | None  # kind, base, alternatives ...
    merged: bool  # several heads, combined


def sentence_rules(session: Session, plan_id: str) -> int:
    """The version of the sentence rules a plan's texts are merged with: the one recorded in
    the plan (models/sentences.py), or the first rules for plans made before it was recorded."""
    key = Key("plan", plan_id, rules.SENTENCE_RULES)
    recorded = [_single_value(session, key, vid) for vid in heads_of(session, key)]
    return max(recorded, default=LEGACY_RULES)


def text_language(key: Key, original: str | None) -> str:
    """The language a field's text is written in, whose sentence rules split it: a language
    version's own (``text@fr``), else the plan's original language."""
    return split_field(key.field)[1] or original or "en"


def _resolve_heads(session: Session, key: Key, head_ids: list[str],
                   versions: dict[str, _Version] | None = None,
                   rules_version: int = LEGACY_RULES, lang: str = "en",
                   options: tuple[dict[str, int], dict[str, tuple[str, ...]]] | None = None
                   ) -> _Outcome:
    """The value of a field with several heads, and its conflict if they do not merge.
    ``options``: the field's recorded option numbers and endorsed options, when read already
    (:meth:`_Cache.options_of`)."""
    if versions is None:
        versions = _versions(session, key)
    heads = [versions[h] for h in head_ids]
    kind = (key.entity, split_field(key.field)[0])  # each language merges as the original does
    if kind in ANY_TRUE_FIELDS:
        return _Outcome(any(bool(h.value) for h in heads), None, True)
    if kind in HIGHEST_FIELDS:
        return _Outcome(max(h.value for h in heads), None, True)
    if kind in TEXT_FIELDS:
        base_id = common_ancestor(versions, head_ids)
        base = versions[base_id].value if base_id else ""
        authors_by_label: dict[str, list[Author]] = {}
        for h in heads:
            for a in h.authors:
                authors_by_label.setdefault(a.label(), []).append(a)
        numbers, endorsed = options or (recorded_numbers(session, key),
                                        endorsed_options(session, key))
        numbering = Numbering(numbers, endorsed=endorsed, region_of=proposer_region)
        result = merge_texts(base, [(h.value, _labels(h.authors)) for h in heads], lang,
                             rules_version, numbering)
        if result.clean:
            return _Outcome(result.text, None, True)
        regions = {o.number: numbering.endorsed.get(o.oid, ()) for _b, opts in result.hunks
                   for o in opts}
        alternatives = [
            {"value": opt.text, "proposers": list(opt.proposers), "options": list(opt.options),
             "authors": _proposers([a for p in opt.proposers for a in authors_by_label[p]])}
            | ({"number": opt.options[0]} if len(result.hunks) == 1 else {})
            | _endorsed_by(sorted({r for n in opt.options for r in regions.get(n, ())}))
            for opt in result.alternatives
        ]
        hunks = [{"base": b, "options": [
            {"text": o.text, "proposers": list(o.proposers), "number": o.number, "id": o.oid,
             "recorded": o.oid in numbers}
            | ({"shown_by": list(o.shown_by)} if o.shown_by else {})
            | _endorsed_by(list(regions[o.number]))
            for o in opts]} for b, opts in result.hunks]
        return _Outcome(result.text, {"kind": "text", "base": base, "alternatives": alternatives,
                                      "hunks": hunks, "heads": head_ids}, True)
    # value registers: agreement, else a conflict showing a deterministic choice
    by_value: dict[bytes, list[_Version]] = {}
    for h in heads:
        by_value.setdefault(_value_key(h.value), []).append(h)
    if len(by_value) == 1:
        return _Outcome(heads[0].value, None, True)
    alternatives = [
        {"value": vs[0].value, "proposers": _labels([a for v in vs for a in v.authors]),
         "authors": _proposers([a for v in vs for a in v.authors])}
        for _k, vs in sorted(by_value.items())
    ]
    base_id = common_ancestor(versions, head_ids)
    return _Outcome(alternatives[0]["value"], {
        "kind": "value", "base": versions[base_id].value if base_id else None,
        "alternatives": alternatives, "hunks": [], "heads": head_ids}, True)


def _endorsed_by(regions: list[str]) -> dict[str, list[str]]:
    """The regions whose position an option is (models/endorsements.py), when there are."""
    return {"endorsed_by": regions} if regions else {}


def _single_value(session: Session, key: Key, vid: str) -> Any:
    raw = session.scalar(select(Change.value).where(
        Change.version_id == vid, Change.entity == key.entity, Change.eid == key.eid,
        Change.field == key.field).limit(1))
    return json.loads(raw) if raw is not None else None


VERSION_BATCH = 16  # contested fields whose version graphs are read together


class _Cache:
    """Everything :func:`project` needs about a batch of fields, fetched in a few queries.

    An import projects thousands of fields at once; asking the database field by field made
    that take seconds. Rows created during the projection are kept here too, so nothing needs
    a flush to be found again.
    """

    def __init__(self, session: Session, keys: list[Key]) -> None:
        self.session = session
        wanted = set(keys)
        self.heads: dict[Key, list[str]] = {}
        self.plan_of: dict[Key, str] = {}
        for params in key_params(wanted):
            for entity, eid, fld, vid, plan_id in session.execute(_HEADS_OF, params):
                key = Key(entity, eid, fld)
                if key in wanted:
                    self.heads.setdefault(key, []).append(vid)
                    self.plan_of[key] = plan_id
        for vids in self.heads.values():
            vids.sort()
        single = sorted({v[0] for v in self.heads.values() if len(v) == 1})
        self.values: dict[tuple[Key, str], Any] = {}
        for part in chunks(single):
            for entity, eid, fld, vid, raw in session.execute(
                    select(Change.entity, Change.eid, Change.field, Change.version_id,
                           Change.value).where(Change.version_id.in_(part))):
                self.values[(Key(entity, eid, fld), vid)] = raw
        # The version graphs of the contested fields are read a few fields at a time, in the
        # order they are merged (:meth:`versions_of`): all at once, they were a third of an
        # import's peak memory.
        self._unread = [k for k in keys if len(self.heads.get(k, ())) > 1]
        self._next = 0
        self._options: dict[Key, tuple[dict[str, int], dict[str, tuple[str, ...]]]] | None = None
        self.versions: dict[Key, dict[str, _Version]] = {}
        node_ids = {k.eid for k in keys if k.entity == "node"}
        node_ids |= {k.eid.split("|", 1)[0] for k in keys if k.entity == "xref"}
        self.nodes = {n.id: n for part in chunks(sorted(node_ids))
                      for n in session.scalars(select(Node).where(Node.id.in_(part)))}
        self.kinds: dict[str, str] = {}
        for part in chunks(sorted(node_ids - self.nodes.keys())):
            for eid, raw in session.execute(select(Change.eid, Change.value).where(
                    Change.entity == "node", Change.op == "create", Change.eid.in_(part))):
                self.kinds[eid] = json.loads(raw)["kind"]
        plan_ids = set(self.plan_of.values())
        self.plans = {p.id: p for p in session.scalars(select(Plan).where(Plan.id.in_(plan_ids)))}
        xref_nodes = sorted({k.eid.split("|", 1)[0] for k in keys if k.entity == "xref"})
        self.xrefs = {(x.node_id, x.framework, x.target): x for part in chunks(xref_nodes)
                      for x in session.scalars(select(CrossReference)
                                               .where(CrossReference.node_id.in_(part)))}
        comment_ids = sorted({k.eid for k in keys if k.entity == "comment"})
        self.comments = {c.id: c for part in chunks(comment_ids)
                         for c in session.scalars(select(Comment).where(Comment.id.in_(part)))}
        self.conflicts = {Key(c.entity, c.eid, c.field): c for params in key_params(wanted)
                          for c in session.scalars(_CONFLICTS_OF, params)}
        self.rules: dict[str, int] = {}

    def options_of(self, key: Key) -> tuple[dict[str, int], dict[str, tuple[str, ...]]] | None:
        """The recorded option numbers and the endorsed options of a contested text field,
        read for all of them together the first time (None for another field)."""
        if self._options is None:
            texts = [k for k in self._unread
                     if (k.entity, split_field(k.field)[0]) in TEXT_FIELDS]
            numbers = recorded_numbers_of(self.session, texts)
            endorsed = endorsed_options_of(self.session, texts)
            self._options = {k: (numbers[k], endorsed[k]) for k in texts}
        return self._options.get(key)

    def versions_of(self, key: Key) -> dict[str, _Version] | None:
        """The version graph of a contested field (None for another), read with the next
        :data:`VERSION_BATCH` contested fields when it is not read yet.

        Read on the session's connection, as changelog.current_heads reads: the change log is
        written with plain statements only, so there is nothing of the projection's for the ORM
        to flush first (it did, before each batch), nor objects to build from the rows."""
        while key not in self.versions and self._next < len(self._unread):
            batch = self._unread[self._next : self._next + VERSION_BATCH]
            self._next += len(batch)
            connection = self.session.connection()
            for params in key_params(batch):
                self.versions.update(_collect_versions(connection.execute(_VERSIONS_OF, params)))
        return self.versions.get(key)

    def sentence_rules(self, plan_id: str) -> int:
        if plan_id not in self.rules:
            self.rules[plan_id] = sentence_rules(self.session, plan_id)
        return self.rules[plan_id]

    def single_value(self, key: Key, vid: str) -> Any:
        raw = self.values.get((key, vid))
        return json.loads(raw) if raw is not None else _single_value(self.session, key, vid)

    def plan(self, plan_id: str) -> Plan:
        plan = self.plans.get(plan_id)
        if plan is None:
            plan = self.session.get(Plan, plan_id) or Plan(id=plan_id, title="", period="",
                                                           symbol="", language="en")
            self.session.add(plan)
            self.session.flush()  # nodes refer to it
            self.plans[plan_id] = plan
        return plan

    def node(self, node_id: str, plan_id: str) -> Node:
        node = self.nodes.get(node_id)
        if node is None:
            node = self.session.get(Node, node_id)
        if node is None:
            self.plan(plan_id)
            kind = self.kinds.get(node_id) or _node_kind(self.session, node_id)
            node = Node(id=node_id, plan_id=plan_id, kind=kind, parent_id=None, position="",
                        deleted=False, title="", text="", note="", indicators="",
                        milestones="", actors="", status="draft")
            self.session.add(node)
        self.nodes[node_id] = node
        return node

    def xref(self, eid: str, plan_id: str) -> CrossReference:
        node_id, framework, target = eid.split("|", 2)
        row = self.xrefs.get((node_id, framework, target))
        if row is None:
            row = CrossReference(node_id=node_id, framework=framework, target=target,
                                 plan_id=plan_id, present=False, relevance="primary", note="")
            self.session.add(row)
            self.xrefs[(node_id, framework, target)] = row
        return row

    def set_conflict(self, key: Key, plan_id: str, node_id: str | None,
                     conflict: dict[str, Any] | None, proj: Projection) -> None:
        existing = self.conflicts.get(key)
        if conflict is None:
            if existing is not None:
                self.session.delete(existing)
                del self.conflicts[key]
                proj.conflicts_closed.add(key)
            return
        doc = json.dumps({k: conflict[k] for k in ("alternatives", "hunks", "heads")},
                         ensure_ascii=False, check_circular=False)  # a tree: nothing to check
        base = conflict["base"]
        base_text = base if isinstance(base, str) else json.dumps(base, ensure_ascii=False)
        if existing is None:
            self.conflicts[key] = Conflict(entity=key.entity, eid=key.eid, field=key.field,
                                           plan_id=plan_id, node_id=node_id,
                                           kind=conflict["kind"], base=base_text, alternatives=doc)
            self.session.add(self.conflicts[key])
            proj.conflicts_opened.add(key)
        else:
            existing.kind, existing.base, existing.alternatives = conflict["kind"], base_text, doc


def _node_kind(session: Session, node_id: str) -> str:
    raw = session.scalar(select(Change.value).where(
        Change.entity == "node", Change.eid == node_id, Change.op == "create").limit(1))
    return json.loads(raw)["kind"] if raw else "chapter"


def _write(cache: _Cache, key: Key, plan_id: str, value: Any, proj: Projection) -> str | None:
    """Store a projected value; returns the node the field belongs to, if any."""
    if split_field(key.field)[1] is not None:
        return _write_translation(cache, key, plan_id, value, proj)
    if key.entity == "plan":
        if key.field != rules.SENTENCE_RULES:  # a setting read when merging, not a column
            setattr(cache.plan(plan_id), key.field, value or ("en" if key.field == "language"
                                                              else ""))
        proj.plans.add(plan_id)
        return None
    if key.entity == "node":
        node = cache.node(key.eid, plan_id)
        if key.field == "placement":
            node.parent_id = value.get("parent")
            node.position = value.get("pos", "")
            proj.structure = True
        elif key.field == "status":
            node.status = value or "draft"
        else:
            setattr(node, key.field, value or "")
        proj.nodes.add(key.eid)
        return key.eid
    if key.entity == "xref":
        row = cache.xref(key.eid, plan_id)
        setattr(row, key.field, value if key.field == "present" else (value or ""))
        proj.nodes.add(row.node_id)
        return row.node_id
    comment = cache.comments.get(key.eid)
    if key.field == "body":
        if comment is None:
            creator = cache.session.scalars(select(Change).where(
                Change.entity == "comment", Change.eid == key.eid, Change.field == "body")
                .order_by(Change.id).limit(1)).one()
            comment = Comment(id=key.eid, plan_id=plan_id, node_id=value["node"],
                              author_name=creator.author_name, author_party=creator.author_party,
                              author_region=creator.author_region, clock=creator.clock,
                              text=value["text"], resolved=False, lang=value.get("lang"))
            cache.session.add(comment)
            cache.comments[key.eid] = comment
        proj.nodes.add(comment.node_id)
        return comment.node_id
    if comment is not None:
        comment.resolved = bool(value)
        proj.nodes.add(comment.node_id)
        return comment.node_id
    return None


def _write_translation(cache: _Cache, key: Key, plan_id: str, value: Any,
                       proj: Projection) -> str | None:
    """Store a language version: its text, the original versions its heads translate, and
    whether one of them is a proposal made in that language rather than a translation."""
    fld, lang = split_field(key.field)
    assert lang is not None
    node_id = (key.eid if key.entity == "node" else
               key.eid.split("|", 1)[0] if key.entity == "xref" else None)
    translates: set[str] = set()
    proposal = False
    for raw in cache.session.scalars(select(Change.extra).where(
            Change.entity == key.entity, Change.eid == key.eid, Change.field == key.field,
            Change.version_id.in_(cache.heads[key]))):
        body = json.loads(raw)
        if "translates" in body:
            translates.update(body["translates"])
        else:
            proposal = True
    row = cache.session.get(Translation, (key.entity, key.eid, fld, lang))
    if row is None:
        if key.entity == "plan":
            cache.plan(plan_id)
        row = Translation(entity=key.entity, eid=key.eid, field=fld, lang=lang,
                          plan_id=plan_id, node_id=node_id)
        cache.session.add(row)
    row.value = value or ""
    row.translates = json.dumps(sorted(translates))
    row.proposal = proposal
    if node_id is None:
        proj.plans.add(plan_id)
    else:
        proj.nodes.add(node_id)
    return node_id


def _project_key(cache: _Cache, key: Key, proj: Projection) -> str | None:
    head_ids = cache.heads.get(key, [])
    if not head_ids:
        return None
    plan_id = cache.plan_of[key]
    if key.field == "deleted" and key.entity == "node":
        return _project_deleted(cache, key.eid, plan_id, proj)
    if len(head_ids) == 1:
        outcome = _Outcome(cache.single_value(key, head_ids[0]), None, False)
    else:
        outcome = _resolve_heads(cache.session, key, head_ids, cache.versions_of(key),
                                 cache.sentence_rules(plan_id),
                                 text_language(key, cache.plan(plan_id).language),
                                 cache.options_of(key))
        if outcome.conflict is None:
            proj.merged_clean.add(key)
    node_id = _write(cache, key, plan_id, outcome.value, proj)
    cache.set_conflict(key, plan_id, node_id, outcome.conflict, proj)
    return node_id


# --- deletion ------------------------------------------------------------------------------


def _subtree(session: Session, node_id: str) -> list[str]:
    out = [node_id]
    frontier = [node_id]
    while frontier:
        children = list(session.scalars(select(Node.id).where(Node.parent_id.in_(frontier))))
        children = [c for c in children if c not in out]
        out.extend(children)
        frontier = children
    return out


def _racing_edits(session: Session, node_id: str, seen: set[str]) -> list[Author]:
    """Authors of versions in the node's subtree that the deleter had not seen."""
    racers: list[Author] = []
    for nid in _subtree(session, node_id):
        keys = session.execute(select(Head.field, Head.version_id).where(
            Head.entity == "node", Head.eid == nid, Head.field != "deleted"))
        by_field: dict[str, list[str]] = {}
        for fld, vid in keys:
            by_field.setdefault(fld, []).append(vid)
        for fld, head_ids in by_field.items():
            unseen = [h for h in head_ids if h not in seen]
            if not unseen:
                continue
            versions = _versions(session, Key("node", nid, fld))
            covered: set[str] = set()
            for s in seen & versions.keys():
                covered |= _ancestors_or_self(versions, s)
            for h in unseen:
                if h not in covered:
                    racers.extend(versions[h].authors)
    return racers


def _project_deleted(cache: _Cache, node_id: str, plan_id: str, proj: Projection) -> str:
    session = cache.session
    key = Key("node", node_id, "deleted")
    versions = _versions(session, key)
    head_ids = cache.heads[key]
    heads = [versions[h] for h in head_ids]
    node = cache.node(node_id, plan_id)
    deleters = [h for h in heads if h.value.get("deleted")]
    keepers = [h for h in heads if not h.value.get("deleted")]
    conflict = None
    deleted = bool(deleters) and not keepers
    if deleters:
        seen = {s for h in deleters for s in h.value.get("seen", [])}
        racers = _racing_edits(session, node_id, seen)
        keep_authors = [a for h in keepers for a in h.authors] + racers
        if keep_authors:
            deleted = False  # a contested deletion stays visible until someone resolves it
            delete_authors = [a for h in deleters for a in h.authors]
            conflict = {"kind": "delete", "base": None, "hunks": [], "heads": head_ids,
                        "alternatives": [
                            {"value": "delete", "proposers": _labels(delete_authors),
                             "authors": _proposers(delete_authors)},
                            {"value": "keep", "proposers": _labels(keep_authors),
                             "authors": _proposers(keep_authors)}]}
    if node.deleted != deleted:
        node.deleted = deleted
        proj.structure = True
    proj.nodes.add(node_id)
    cache.set_conflict(key, plan_id, node_id, conflict, proj)
    return node_id


def heads_of(session: Session, key: Key) -> list[str]:
    return sorted(session.scalars(select(Head.version_id).where(
        Head.entity == key.entity, Head.eid == key.eid, Head.field == key.field)))


def value_of(session: Session, key: Key, head_ids: list[str]) -> Any:
    """The value a field shows when ``head_ids`` are its heads, merged as :func:`project` does.

    Named drafts keep the heads every field had when they were marked; this gives a field's
    value at such a draft (text conflicts in the bracketed options form, as shown then).
    The ``deleted`` field is not a plain value: read its heads' values instead.
    """
    if len(head_ids) == 1:
        return _single_value(session, key, head_ids[0])
    plan_id = session.scalar(select(Change.plan_id).where(
        Change.entity == key.entity, Change.eid == key.eid, Change.field == key.field).limit(1))
    plan = session.get(Plan, plan_id)
    return _resolve_heads(session, key, sorted(head_ids),
                          rules_version=sentence_rules(session, plan_id),
                          lang=text_language(key, plan.language if plan else None)).value


# --- entry points ----------------------------------------------------------------------------

_ORDER = {"plan": 0, "node": 1, "xref": 3, "comment": 4}


def _sort_key(key: Key) -> tuple[int, int, str, str]:
    field_rank = 0 if key.field == "placement" else (2 if key.field == "deleted" else 1)
    return (_ORDER[key.entity], field_rank, key.eid, key.field)


def _fields_of(keys: Iterable[Key]) -> set[Key]:
    """The fields to derive for ``keys``: a numbering or an endorsement stands for the
    contested field it concerns (models/option_numbers.py, models/endorsements.py)."""
    out = set()
    for key in keys:
        if key.entity == NUMBERING:
            out.add(target_of(key.eid))
        elif key.entity == ENDORSEMENT:
            out.add(target_of(key.eid.split("|", 1)[1]))
        else:
            out.add(key)
    return out


def project(session: Session, keys: Iterable[Key]) -> Projection:
    """Re-derive the state of ``keys`` (and of deletions their edits may now race with)."""
    proj = Projection()
    ordered = sorted(_fields_of(keys), key=_sort_key)
    cache = _Cache(session, ordered)
    touched_nodes: set[str] = set()
    for key in ordered:
        node_id = _project_key(cache, key, proj)
        cache.versions.pop(key, None)  # its merge is done: the import's peak memory drops
        if node_id and key.entity == "node":
            touched_nodes.add(node_id)
    session.flush()
    # An edit inside a deleted subtree may race the deletion: look again at deleted ancestors.
    if touched_nodes:
        done = set(ordered)
        again = [k for k in (Key("node", n, "deleted") for n in _deletions_above(
            session, touched_nodes)) if k not in done]
        if again:
            second = _Cache(session, again)
            for key in again:
                if key in second.heads:
                    _project_key(second, key, proj)
            session.flush()
    _merge_again_with_new_rules(session, ordered, proj)
    return proj


def _deletions_above(session: Session, node_ids: set[str]) -> list[str]:
    """The touched nodes and their ancestors that have a deletion to weigh (a head of their
    ``deleted`` field): only those can be raced by an edit below them. One query per thousand
    nodes, so that a save reads a handful of rows, not the whole outline; usually it finds
    none."""
    return sorted({eid for part in chunks(sorted(node_ids))
                   for eid in session.scalars(_DELETIONS_ABOVE, {"ids": part})})


def _merge_again_with_new_rules(session: Session, projected: list[Key],
                                proj: Projection) -> None:
    """A plan's sentence rules changed: merge its other contested texts again with them."""
    plans = {k.eid for k in projected if k.entity == "plan" and k.field == rules.SENTENCE_RULES}
    if not plans:
        return
    done = set(projected)
    counts: dict[Key, int] = {}
    for entity, eid, fld in session.execute(select(Head.entity, Head.eid, Head.field)
                                            .where(Head.plan_id.in_(plans))):
        key = Key(entity, eid, fld)
        counts[key] = counts.get(key, 0) + 1
    again = sorted((k for k, n in counts.items() if n > 1 and k not in done
                    and (k.entity, split_field(k.field)[0]) in TEXT_FIELDS), key=_sort_key)
    if again:
        cache = _Cache(session, again)
        for key in again:
            _project_key(cache, key, proj)
        session.flush()


def rebuild(session: Session, plan_id: str) -> Projection:
    """Throw away the derived state of a plan and derive it again from its changes alone."""
    for table in (Conflict, Translation, Comment, CrossReference, Node, Head):
        session.execute(delete(table).where(table.plan_id == plan_id))
    session.execute(delete(Plan).where(Plan.id == plan_id))
    rows = session.execute(select(Change.entity, Change.eid, Change.field, Change.version_id,
                                  Change.parents).where(Change.plan_id == plan_id))
    versions: dict[Key, set[str]] = {}
    parents: dict[Key, set[str]] = {}
    for entity, eid, fld, vid, raw_parents in rows:
        key = Key(entity, eid, fld)
        versions.setdefault(key, set()).add(vid)
        parents.setdefault(key, set()).update(json.loads(raw_parents))
    head_rows = [
        {"entity": k.entity, "eid": k.eid, "field": k.field, "version_id": v, "plan_id": plan_id}
        for k, vs in versions.items() for v in sorted(vs - parents[k])
    ]
    if head_rows:
        session.execute(insert(Head), head_rows)
    session.flush()
    return project(session, versions.keys())
