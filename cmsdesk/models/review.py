"""Reviewing what arrived since a baseline, marking it reviewed, reverting a change.

The Secretariat's question after a round of bundles is "what did each Party propose since the
draft we sent out?". The answer comes from the change log: every change that arrived after the
baseline (a named draft, the plan before a given day, or the plan's first version), grouped by
node and field, each attributed to its author, Party and region, next to the field's text at the
baseline so that a reader sees the difference. Review marks are local bookkeeping
(:class:`~cmsdesk.models.schema.ReviewMark`); a revert is an ordinary new version, so it
travels in the next bundle like any other edit.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from datetime import date as Date
from typing import Any, Literal

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from cmsdesk.models import queries, rules
from cmsdesk.models.changelog import Key, heads
from cmsdesk.models.commands import CommandError, Outcome, Transaction, run
from cmsdesk.models.drafts import (
    draft_heads,
    draft_values,
    find_draft,
    first_version,
    parse_day,
    unsaved_draft,
)
from cmsdesk.models.endorsements import ENDORSEMENT
from cmsdesk.models.languages import split_field
from cmsdesk.models.option_numbers import NUMBERING, target_of
from cmsdesk.models.parties import NameFilter, directory, party_filter, region_filter
from cmsdesk.models.projection import sentence_rules, text_language, value_of
from cmsdesk.models.receipts import receipts
from cmsdesk.models.schema import Change, Comment, Conflict, NamedDraft, Node, Plan, ReviewMark
from cmsdesk.models.store import Store
from cmsdesk.models.submissions import deadline_of, is_late
from cmsdesk.models.textmerge import Option, merge_texts, options_form
from cmsdesk.models.trust import recordings, verified_replicas

TEXT_FIELDS = ("title", "text", "note", "indicators", "milestones", "actors")
# Groups of a node's review, in the order a reader expects: its texts, then what happened to it.
GROUP_ORDER = TEXT_FIELDS + ("status", "placement", "deleted", "links", "comments")
PLAN_NODE = ""  # the node id under which the plan's own fields (title, period...) are listed
_REVERTIBLE = {"node": TEXT_FIELDS + ("status",), "plan": rules.PLAN_FIELDS}

Action = Literal["edit", "resolve", "add", "move", "delete", "restore", "link", "unlink",
                 "link_edit", "comment", "comment_resolve", "endorse"]


@dataclass(frozen=True)
class ReviewItem:
    """One received change, as a reviewer reads it."""

    change_id: str
    action: Action
    author: str
    party: str  # the Party, or the person for an author who named none
    region: str
    role: str
    clock: str
    value: str  # the text or value it set; for links "framework:target"; a comment's text
    reviewed: bool
    own: bool  # made at this installation
    late: bool = False  # received after the baseline draft's comment deadline
    verified: bool = True  # made here or under a pinned key (cmsdesk.models.trust)
    recorded: str = ""  # "recorded by the CMS Secretariat from Kenya's Word reply", or ""

    @property
    def revertible(self) -> bool:
        return self.action in ("edit", "resolve")


@dataclass
class FieldReview:
    """The changes to one field (or one group: links, comments) of a node since the baseline."""

    node_id: str
    field: str
    baseline: str  # the text at the baseline ("" for a node new since then, and for groups)
    current: str
    items: list[ReviewItem] = field(default_factory=list)

    @property
    def is_text(self) -> bool:
        return self.field in TEXT_FIELDS or self.field in rules.PLAN_FIELDS

    @property
    def pending(self) -> int:
        return sum(not i.reviewed for i in self.items)


@dataclass
class NodeReview:
    node_id: str  # PLAN_NODE for the plan's own fields
    kind: str  # a node kind, or "plan"
    label: str  # T7 ... ("" for the plan and for nodes in the Trash)
    heading: str  # "Target 7: ..."
    in_trash: bool
    fields: list[FieldReview] = field(default_factory=list)

    @property
    def items(self) -> list[ReviewItem]:
        return [i for f in self.fields for i in f.items]


@dataclass(frozen=True)
class ReviewFilter:
    """What to show. Empty sets mean "any"; ``node`` keeps that node and everything under it.

    Parties and regions may be named by code or by name in English, French or Spanish
    (:mod:`cmsdesk.models.parties`): "Perú", "perou" and "PE" all keep Peru's changes.
    """

    regions: frozenset[str] = frozenset()
    parties: frozenset[str] = frozenset()
    node: str | None = None
    pending_only: bool = False
    include_own: bool = False


@dataclass
class Review:
    baseline: str  # the baseline's name
    baseline_date: str
    nodes: list[NodeReview]
    parties: list[str]  # every Party (and region) that sent something, before filtering
    regions: list[str]

    @property
    def items(self) -> list[ReviewItem]:
        return [i for n in self.nodes for i in n.items]

    @property
    def pending(self) -> int:
        return sum(not i.reviewed for i in self.items)


# -- baselines ------------------------------------------------------------------------------


def plan_before(session: Session, plan_id: str, day: Date) -> NamedDraft:
    """The plan as it stood when the first change dated ``day`` or later arrived.

    Clocks are the authors' and only shown, so this baseline is an arrival prefix (which always
    holds a change's parents): everything that arrived from the first change dated that day on
    counts as received since, even a late bundle written earlier.
    """
    iso = day.isoformat()
    first_after = session.scalar(select(func.min(Change.arrival)).where(
        Change.plan_id == plan_id, Change.clock >= iso))
    bound = select(func.max(Change.arrival)).where(Change.plan_id == plan_id)
    if first_after is not None:
        bound = bound.where(Change.arrival < first_after)
    return unsaved_draft(session, plan_id, int(session.scalar(bound) or 0), f"before {iso}", iso)


def baseline(session: Session, plan_id: str, since: str | None = None) -> NamedDraft:
    """A named draft (by name or id), the plan before a day written YYYY-MM-DD, or with
    nothing given the plan's first version. Unknown names raise ``NotFoundError``."""
    if not since:
        return first_version(session, plan_id)
    try:
        return find_draft(session, plan_id, since)
    except queries.NotFoundError as missing:
        try:
            day = parse_day(since)
        except CommandError:
            raise queries.NotFoundError(f"{missing} (or give a day as YYYY-MM-DD)") from None
        return plan_before(session, plan_id, day)


# -- the review -----------------------------------------------------------------------------


def field_text(values: dict[str, Any], fld: str) -> str:
    """A node field from :func:`draft_values`; a status never set is the default, draft."""
    return str(values.get(fld) or (rules.STATUSES[0] if fld == "status" else ""))


def party_of(row: Change) -> str:
    return row.author_party or row.author_name or "unknown"


def _action(row: Change) -> Action:
    if row.entity == "comment":
        return "comment" if row.op == "comment_add" else "comment_resolve"
    if row.entity == "xref":
        if row.op in ("xref_add", "xref_remove"):
            return "link" if row.op == "xref_add" else "unlink"
        return "link_edit"
    if row.field == "placement":
        return "add" if row.op == "create" else "move"
    if row.field == "deleted":
        return "delete" if json.loads(row.value).get("deleted") else "restore"
    if row.entity == ENDORSEMENT:
        return "endorse"
    return "resolve" if row.op == "resolve" else "edit"


def _shown(row: Change, action: Action, comment_text: dict[str, str],
           positions: dict[str, str]) -> str:
    value = json.loads(row.value)
    if action == "endorse":
        region = row.eid.split("|", 1)[0]
        return positions.get(f"{row.eid}|{value.get('option')}", "") or region
    if row.entity == "xref":
        _node, framework, target = row.eid.split("|", 2)
        where = f"{framework}:{target}"
        return where if action in ("link", "unlink") else f"{where} {row.field}: {value}"
    if row.entity == "comment":
        return str(value.get("text", "")) if action == "comment" else comment_text.get(row.eid, "")
    return str(value) if isinstance(value, str) else ""


def _place(row: Change, comment_node: dict[str, str]) -> tuple[str, str]:
    """(node id, group) under which a change is listed; an endorsement under the field it
    concerns."""
    if row.entity == ENDORSEMENT:
        target = target_of(row.eid.partition("|")[2])
        fld = split_field(target.field)[0]
        if target.entity == "plan":
            return PLAN_NODE, fld
        return target.eid.split("|", 1)[0], "links" if target.entity == "xref" else fld
    if row.entity == "plan":
        return PLAN_NODE, row.field
    if row.entity == "xref":
        return row.eid.split("|", 1)[0], "links"
    if row.entity == "comment":
        if row.op == "comment_add":
            return str(json.loads(row.value).get("node", "")), "comments"
        return comment_node.get(row.eid, ""), "comments"
    return row.eid, row.field


def _positions(session: Session, rows: list[Change]) -> dict[str, str]:
    """What each endorsement in ``rows`` says, keyed "EID|OPTION ID": "Africa: option 2,
    proposed by Kenya: the wording", or that it withdrew the region's position."""
    out: dict[str, str] = {}
    for row in rows:
        code, _sep, target_eid = row.eid.partition("|")
        found = directory().find_region(code)
        region = found.name if found else code
        option = json.loads(row.value).get("option")
        if option is None:
            out[f"{row.eid}|None"] = f"{region}: position withdrawn"
            continue
        conflict = session.get(Conflict, tuple(target_of(target_eid)))
        options = {o.get("id"): o for h in (json.loads(conflict.alternatives).get("hunks", [])
                                            if conflict is not None else []) for o in h["options"]}
        chosen = options.get(option)
        out[f"{row.eid}|{option}"] = (
            f"{region}: option {chosen['number']}, proposed by {'; '.join(chosen['proposers'])}: "
            f"{chosen['text']}" if chosen else f"{region}: an option no longer contested")
    return out


def _subtree(parents: dict[str, str | None], root: str) -> set[str]:
    kids: dict[str | None, list[str]] = {}
    for nid, parent in parents.items():
        kids.setdefault(parent, []).append(nid)
    out, frontier = {root}, [root]
    while frontier:
        nxt = [k for n in frontier for k in kids.get(n, []) if k not in out]
        out.update(nxt)
        frontier = nxt
    return out


def _keep(row: Change, reviewed: bool, own: bool, flt: ReviewFilter, parties: NameFilter,
          regions: NameFilter) -> bool:
    return ((flt.include_own or not own)
            and (not flt.pending_only or not reviewed)
            and parties.matches(party_of(row))
            and regions.matches(row.author_region))


def review(session: Session, plan_id: str, base: NamedDraft, *, own_replica: str = "",
           flt: ReviewFilter | None = None) -> Review:
    """Every change of the plan that arrived after ``base``, grouped by node and field.

    Changes made at ``own_replica`` (this installation) are left out unless the filter asks for
    them: a review is of what was received. The Party and region lists are of everything
    received, before the filter, so that a window can offer them as choices.
    """
    flt = flt or ReviewFilter()
    parties_wanted, regions_wanted = party_filter(flt.parties), region_filter(flt.regions)
    recorded = recordings(session)
    verified = verified_replicas(session, recorded)
    rows = list(session.scalars(select(Change).where(
        Change.plan_id == plan_id, Change.arrival > base.arrival).order_by(Change.arrival)))
    marks = set(session.scalars(select(ReviewMark.change_id)))
    comments = {c.id: (c.node_id, c.text) for c in session.scalars(
        select(Comment).where(Comment.plan_id == plan_id))}
    comment_node = {cid: node for cid, (node, _t) in comments.items()}
    comment_text = {cid: text for cid, (_n, text) in comments.items()}
    nodes = {n.id: n for n in session.scalars(select(Node).where(Node.plan_id == plan_id))}
    wanted = (_subtree({i: n.parent_id for i, n in nodes.items()}, flt.node)
              if flt.node else None)

    received = [r for r in rows if flt.include_own or r.replica != own_replica]
    parties = sorted({party_of(r) for r in received}, key=str.casefold)
    regions = sorted({r.author_region for r in received if r.author_region}, key=str.casefold)
    groups: dict[tuple[str, str], list[ReviewItem]] = {}
    deadline = deadline_of(base)
    received_on = receipts(session, {r.origin for r in rows}) if deadline else {}
    positions = _positions(session, [r for r in rows if r.entity == ENDORSEMENT])
    for row in rows:
        own = row.replica == own_replica
        done = row.id in marks
        if row.entity == NUMBERING:
            continue  # bookkeeping of the options' numbers, not something proposed
        node_id, group = _place(row, comment_node)
        if (row.entity == "node" and row.field not in GROUP_ORDER
                or not _keep(row, done, own, flt, parties_wanted, regions_wanted)
                or wanted is not None and node_id not in wanted):
            continue
        action = _action(row)
        groups.setdefault((node_id, group), []).append(ReviewItem(
            row.id, action, row.author_name, party_of(row), row.author_region, row.author_role,
            row.clock, _shown(row, action, comment_text, positions), done, own,
            is_late(deadline, received_on.get(row.origin) or row.clock), row.replica in verified,
            recorded[row.replica].describe(party_of(row)) if row.replica in recorded else ""))

    before = draft_values(session, base)
    plan = session.get(Plan, plan_id)
    before_plan = _plan_values(session, base)
    entries = queries.outline(session, plan_id)
    order = [(e.id, e.kind, e.label, e.heading(), False) for e in entries]
    live = {e.id for e in entries}
    order += sorted(((n.id, n.kind, "", f"{rules.KIND_NAMES[n.kind]}: {n.title}", True)
                     for n in nodes.values() if n.id not in live),
                    key=lambda t: (t[3].casefold(), t[0]))
    out: list[NodeReview] = []
    if any(node == PLAN_NODE for node, _g in groups) and plan is not None:
        out.append(NodeReview(PLAN_NODE, "plan", "", plan.title, False, [
            FieldReview(PLAN_NODE, g, str(before_plan.get(g, "")), str(getattr(plan, g)),
                        groups[(PLAN_NODE, g)])
            for g in rules.PLAN_FIELDS if (PLAN_NODE, g) in groups]))
    for node_id, kind, label, heading, in_trash in order:
        present = [g for g in GROUP_ORDER if (node_id, g) in groups]
        if not present:
            continue
        old = before.get(node_id, {})
        node = nodes[node_id]
        out.append(NodeReview(node_id, kind, label, heading, in_trash, [
            FieldReview(node_id, g,
                        field_text(old, g) if g in _REVERTIBLE["node"] and old else "",
                        str(getattr(node, g) or "") if g in _REVERTIBLE["node"] else "",
                        groups[(node_id, g)])
            for g in present]))
    return Review(base.name, base.date, out, parties, regions)


def _plan_values(session: Session, base: NamedDraft) -> dict[str, Any]:
    """The plan's own fields (title, period, symbol) at the baseline."""
    return {key.field: value_of(session, key, vids)
            for key, vids in draft_heads(base).items() if key.entity == "plan" and vids}


# -- review marks -----------------------------------------------------------------------------


def set_reviewed(store: Store, change_ids: Iterable[str], reviewed: bool = True) -> int:
    """Mark changes as reviewed (or not) at this installation; returns how many changed."""
    ids = sorted(set(change_ids))
    if not ids:
        return 0
    with store.session() as s:
        marked = set(s.scalars(select(ReviewMark.change_id).where(ReviewMark.change_id.in_(ids))))
        if not reviewed:
            s.execute(delete(ReviewMark).where(ReviewMark.change_id.in_(marked)))
            return len(marked)
        known = set(s.scalars(select(Change.id).where(Change.id.in_(ids))))
        now = datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
        fresh = [cid for cid in ids if cid in known and cid not in marked]
        s.add_all(ReviewMark(change_id=cid, reviewed_at=now) for cid in fresh)
        return len(fresh)


# -- reverting a change ------------------------------------------------------------------------


def find_change(session: Session, plan_id: str, ref: str) -> Change:
    """A change of the plan by id or by a unique prefix of at least eight characters."""
    wanted = ref.strip().lower()
    row = session.scalar(select(Change).where(Change.id == wanted))
    if row is None and len(wanted) >= 8 and all(c in "0123456789abcdef" for c in wanted[:64]):
        # a range of whole ids rather than LIKE: an SQLite store holds ids as bytes
        found = list(session.scalars(select(Change).where(
            Change.plan_id == plan_id, Change.id >= wanted[:64].ljust(64, "0"),
            Change.id <= wanted[:64].ljust(64, "f")).limit(2)))
        if len(found) > 1:
            raise queries.NotFoundError(f"{ref!r} names several changes: give more of the id")
        row = found[0] if found else None
    if row is None or row.plan_id != plan_id:
        raise queries.NotFoundError(f"no change {ref!r} in this plan (see 'cmsdesk review' for "
                                    "the ids of the changes received)")
    return row


def value_before(session: Session, row: Change) -> Any:
    """What the field showed just before ``row`` was written: its parents' (merged) value."""
    parents = json.loads(row.parents)
    if parents:
        return value_of(session, Key(row.entity, row.eid, row.field), parents)
    return rules.STATUSES[0] if row.field == "status" else ""


def _revert(tx: Transaction, row: Change) -> None:
    key = Key(row.entity, row.eid, row.field)
    if row.op not in ("set", "resolve") or row.field not in _REVERTIBLE.get(row.entity, ()):
        raise CommandError("only a change to a text or a status can be reverted; a node added, "
                           "moved or deleted is undone from the outline or the Trash")
    if row.entity == "node":
        node = tx.session.get(Node, row.eid)
        if node is None or node.deleted:
            raise CommandError("that change is to a node in the Trash: restore the node first")
    before = value_before(tx.session, row)
    current = heads(tx.session, key)
    if row.version_id in current:
        if len(current) > 1 and row.field == "status":
            # A value is not merged against its ancestor: the old value would only stand as
            # one more proposal beside the others.
            raise CommandError("the status is contested: settle it under Conflicts instead")
        if len(current) == 1 and before == json.loads(row.value):
            raise CommandError("that change did not alter the field: nothing to revert")
        # Build on the reverted version alone: a concurrent proposal by someone else stays.
        tx.record("set", key, before, [row.version_id])
        return
    if len(current) > 1:
        raise CommandError("the field is contested now: settle it under Conflicts first, then "
                           "revert")
    now = value_of(tx.session, key, current)
    if not isinstance(before, str) or row.field == "status":
        raise CommandError("later changes replaced this value: set the one you want, or "
                           "restore it from the field's History")
    plan = tx.session.get(Plan, row.plan_id)
    merged = merge_texts(json.loads(row.value), [(now, ["now"]), (before, ["revert"])],
                         text_language(key, plan.language if plan else None),
                         sentence_rules(tx.session, row.plan_id))
    if not merged.clean:
        raise CommandError("later edits changed the same sentences: restore the text you want "
                           "from the field's History instead")
    if merged.text == now:
        raise CommandError("nothing to revert: the text no longer holds what that change wrote")
    tx.record("set", key, merged.text, current)


def revert_change(store: Store, plan_id: str, ref: str) -> Outcome:
    """Undo one change by a new version that restores what the field showed before it.

    If the change is still a head of its field, the new version builds on it alone, so a
    concurrent proposal by another Party is kept. If later edits built on it, its edit is taken
    out of the current text by a sentence merge; where later edits touched the same sentences
    the revert is refused (the History can restore any version).
    """
    def work(tx: Transaction) -> None:
        _revert(tx, find_change(tx.session, plan_id, ref))

    return run(store, plan_id, "Revert change", work)


# -- comparing with a named draft -------------------------------------------------------------

Difference = Literal["changed", "added", "removed"]


@dataclass(frozen=True)
class DraftDifference:
    node_id: str
    label: str
    heading: str
    field: str
    draft: str  # the value at the draft
    current: str
    what: Difference


def compare_with_draft(session: Session, plan_id: str, draft: NamedDraft,
                       node_id: str | None = None) -> list[DraftDifference]:
    """Where the plan now differs from ``draft``: fields changed, nodes added or removed.

    With ``node_id`` only that node (and what is under it) is compared.
    """
    before = draft_values(session, draft)
    entries = queries.outline(session, plan_id)
    wanted = (_subtree({e.id: e.parent_id for e in entries}, node_id) if node_id else None)
    nodes = {n.id: n for n in session.scalars(select(Node).where(Node.plan_id == plan_id))}
    out: list[DraftDifference] = []
    live: set[str] = set()
    for entry in entries:
        live.add(entry.id)
        if wanted is not None and entry.id not in wanted:
            continue
        node = nodes[entry.id]
        old = before.get(entry.id)
        was_live = old is not None and not old.get("deleted")
        for fld in rules.fields_of(entry.kind):
            now = str(getattr(node, fld) or "")
            then = field_text(old, fld) if was_live and old else ""
            if not was_live and (fld in ("title", "text") or now != field_text({}, fld)):
                out.append(DraftDifference(entry.id, entry.label, entry.heading(), fld, "",
                                           now, "added"))
            elif was_live and then != now:
                out.append(DraftDifference(entry.id, entry.label, entry.heading(), fld, then,
                                           now, "changed"))
    if wanted is None:
        for nid, old in before.items():
            if nid not in live and not old.get("deleted") and "kind" in old:
                title = str(old.get("title") or "")
                out.append(DraftDifference(nid, "", f"{rules.KIND_NAMES[old['kind']]}: {title}",
                                           "text", str(old.get("text") or ""), "", "removed"))
    return out


# -- the text a conflict's alternatives share ----------------------------------------------------


def agreed_text(shown: str, hunks: list[dict[str, Any]], base: str) -> str:
    """The text every alternative of a contested field shares: the field as shown (edits that
    merged cleanly applied) with each contested passage back in its common-ancestor wording.

    Compared with it, an alternative shows only where it differs from the others, not the
    clean edits all of them carry. Falls back to ``base`` if ``shown`` no longer holds the
    options the conflict lists (someone edited the bracketed text by hand).
    """
    out, pos = [], 0
    for hunk in hunks:
        form = options_form([Option(o["text"], tuple(o["proposers"]), o.get("number", 0),
                                    tuple(o.get("shown_by", ()))) for o in hunk["options"]])
        at = shown.find(form, pos)
        if at < 0:
            return base
        out += [shown[pos:at], hunk["base"]]
        pos = at + len(form)
    return "".join(out) + shown[pos:] if hunks else base
