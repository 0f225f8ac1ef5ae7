"""The compilation of comments and proposals received since a baseline draft (read side).

The Secretariat otherwise assembles this by hand: for each target, the text of the baseline
(a named draft, or the plan as first created), then every Party's proposed wording received
since, then the comments. Proposals come from the change log: each change that arrived after
the baseline and sets a text field is a version proposed by its author, and the latest version
per Party (or per person, for authors without a Party) and field is that Party's proposal.
Nodes that hold nothing new still appear when they are targets (the baseline is the reference
text of the meeting) or when something below them does (for context).

What the compilation lists is what Parties and observers sent: the Secretariat's own edits and
every resolution of a conflict (the Secretariat's work on the text, not a proposal) are left
out. Each proposal keeps the language it was written in (a French version of a text is a
proposal in French) and the day its bundle was received here (:mod:`cmsdesk.models.receipts`;
its own date when no receipt is recorded); one received after the baseline draft's deadline is
marked late. A region's position on a contested text (an endorsed option) is listed with the
Parties behind it.

A compilation in another language than the plan's original (``lang``) names the nodes with their
titles and the Convention's terms in that language, and shows each baseline text in that
language's version at the baseline (the original standing in, marked, where there was none);
a proposal made in the document's language is compared with that baseline, one in another
language is printed in its own words.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from cmsdesk.export.content import DETAIL_FIELDS
from cmsdesk.export.localized import LanguageTexts, PlaceNames
from cmsdesk.models import queries, rules
from cmsdesk.models.changelog import Key
from cmsdesk.models.draft_meta import DocumentMeta
from cmsdesk.models.drafts import document_meta, draft_values, find_draft, first_version
from cmsdesk.models.endorsements import endorsements
from cmsdesk.models.languages import DEFAULT_ORIGINAL, field_key, split_field
from cmsdesk.models.queries import CommentView
from cmsdesk.models.receipts import receipts
from cmsdesk.models.schema import Change, Comment, Conflict, Node
from cmsdesk.models.trust import recordings, verified_replicas

# The text fields, in the order a reader expects.
COMPILED_FIELDS = ("title", "text") + tuple(name for name, _label in DETAIL_FIELDS)


@dataclass
class Proposal:
    party: str  # the Party, or the person when the author named no Party
    region: str
    author: str
    clock: str
    value: str
    lang: str = DEFAULT_ORIGINAL  # the language it was written in
    received: str = ""  # YYYY-MM-DD its bundle was received here ("" if not recorded)
    late: bool = False  # received (or, unrecorded, dated) after the draft's deadline
    verified: bool = True  # made here or under a pinned key (cmsdesk.models.trust)
    recorded_from: str = ""  # recorded at the Secretariat from the Party's "Word reply"/"letter"

    @property
    def day(self) -> str:
        """The day that counts for the deadline: received, else written."""
        return self.received or self.clock[:10]


@dataclass
class Position:
    """A region's position on a contested field: the option it endorsed and the Parties
    behind it (models/endorsements.py)."""

    region: str
    number: int
    text: str
    parties: list[str]  # the option's proposers
    endorser: str  # "Awa (Senegal, focal point)"
    meeting: str = ""
    verified: bool = True  # the endorser's key is this installation's or pinned


@dataclass
class FieldProposals:
    field: str
    label: str
    baseline: str  # in the document's language (the original, marked, where it had none)
    proposals: list[Proposal]
    baseline_lang: str = DEFAULT_ORIGINAL  # the language ``baseline`` is written in
    fallback: bool = False  # the original stands in: the document's language had no version
    positions: list[Position] = field(default_factory=list)


@dataclass
class NodeCompilation:
    heading: str  # "Target 7: ..."
    kind: str
    depth: int
    in_baseline: bool
    created_by: list[str] = field(default_factory=list)  # who added a node new since then
    deletion_by: list[str] = field(default_factory=list)  # who proposed deleting it
    fields: list[FieldProposals] = field(default_factory=list)
    comments: list[CommentView] = field(default_factory=list)

    @property
    def received(self) -> bool:
        """Whether anything arrived for this node itself since the baseline."""
        return bool(self.created_by or self.deletion_by or self.comments
                    or any(f.proposals for f in self.fields))


@dataclass
class Compilation:
    title: str
    symbol: str
    baseline: str  # the baseline draft's name
    baseline_date: str
    baseline_symbol: str
    nodes: list[NodeCompilation]
    removed: list[tuple[str, list[str]]]  # (kind and title, who deleted it) of deleted nodes
    meta: DocumentMeta = field(default_factory=DocumentMeta)  # the baseline draft's metadata
    comment_received: dict[str, str] = field(default_factory=dict)  # comment id -> day received
    lang: str = DEFAULT_ORIGINAL  # the document's language
    fallbacks: int = 0  # texts shown in the original for want of a version in ``lang``

    def is_late(self, day: str) -> bool:
        return bool(self.meta.deadline) and day > self.meta.deadline

    @property
    def parties(self) -> list[str]:
        names = {p.party for n in self.nodes for f in n.fields for p in f.proposals}
        names |= {c.party or c.author for n in self.nodes for c in n.comments}
        return sorted(names, key=str.casefold)

    @property
    def proposal_count(self) -> int:
        return sum(len(f.proposals) for n in self.nodes for f in n.fields)

    @property
    def comment_count(self) -> int:
        return sum(len(n.comments) for n in self.nodes)


def _who(row: Change, names: PlaceNames) -> str:
    label = names.party(row.author_party) or row.author_name or "unknown"
    region = names.region(row.author_region)
    return f"{label} ({region})" if region else label


@dataclass
class _Received:
    """What the change log holds since the baseline, indexed for the compilation."""

    # (node, field, language, party) -> the latest proposal
    latest: dict[tuple[str, str, str, str], Change] = field(default_factory=dict)
    created: dict[str, list[str]] = field(default_factory=dict)
    deleted: dict[str, list[str]] = field(default_factory=dict)
    comments: dict[str, str] = field(default_factory=dict)  # comment id -> origin


def _received(session: Session, plan_id: str, arrival: int, original: str,
              names: PlaceNames) -> _Received:
    got = _Received()
    rows = session.scalars(select(Change).where(Change.plan_id == plan_id,
                                                Change.arrival > arrival)
                           .order_by(Change.arrival))
    for row in rows:
        name, lang = split_field(row.field)
        if row.author_role == "secretariat" or row.op == "resolve":
            continue  # the Secretariat's own work on the text, not something sent to it
        if row.entity == "comment" and row.op == "comment_add":
            got.comments[row.eid] = row.origin
        elif row.entity != "node":
            continue
        elif row.op == "set" and name in COMPILED_FIELDS:
            party = row.author_party or row.author_name or "unknown"
            got.latest[(row.eid, name, lang or original, party)] = row
        elif row.op == "create":
            got.created.setdefault(row.eid, []).append(_who(row, names))
        elif row.op == "delete" and json.loads(row.value).get("deleted"):
            who = _who(row, names)
            if who not in got.deleted.setdefault(row.eid, []):
                got.deleted[row.eid].append(who)
    return got


def gather_compilation(session: Session, plan_id: str, since: str | None = None,
                       lang: str | None = None) -> Compilation:
    """Everything received since the draft named ``since`` (default: the plan's first version),
    named and shown in ``lang`` (default: the plan's original language).

    An unknown draft raises :class:`~cmsdesk.models.queries.NotFoundError` naming the drafts.
    """
    plan = queries.find_plan(session, plan_id)
    baseline = find_draft(session, plan_id, since) if since else first_version(session, plan_id)
    meta = document_meta(baseline)
    before = draft_values(session, baseline)
    texts = LanguageTexts(session, plan_id, lang)
    terms = texts.terms
    names = PlaceNames(texts.lang)
    got = _received(session, plan_id, baseline.arrival, texts.original, names)
    received = receipts(session, {r.origin for r in got.latest.values()}
                        | set(got.comments.values()))
    recorded = recordings(session)
    verified = verified_replicas(session, recorded)
    by_field: dict[tuple[str, str], list[Proposal]] = {}
    for (node_id, fld, lang, _party), row in got.latest.items():
        proposal = Proposal(names.party(row.author_party) or row.author_name or "unknown",
                            names.region(row.author_region), row.author_name, row.clock,
                            str(json.loads(row.value) or ""), lang, received.get(row.origin, ""))
        proposal.late = bool(meta.deadline) and proposal.day > meta.deadline
        proposal.verified = row.replica in verified
        if row.replica in recorded:
            proposal.recorded_from = recorded[row.replica].channel
        by_field.setdefault((node_id, fld), []).append(proposal)
    comments: dict[str, list[CommentView]] = {}
    for c in session.scalars(select(Comment).where(Comment.plan_id == plan_id)
                             .order_by(Comment.clock, Comment.id)):
        if c.id in got.comments:
            comments.setdefault(c.node_id, []).append(CommentView(
                c.id, c.author_name, names.party(c.author_party),
                names.region(c.author_region), c.clock, c.text,
                c.resolved))

    positions = _positions(session, plan_id, verified)
    entries = queries.outline(session, plan_id)
    nodes: list[NodeCompilation] = []
    for entry in entries:
        old = before.get(entry.id)
        title = texts.title("node", entry.id, "title", entry.title)
        item = NodeCompilation(terms.heading(entry.kind, entry.number, title), entry.kind,
                               entry.depth, old is not None,
                               got.created.get(entry.id, []) if old is None else [],
                               got.deleted.get(entry.id, []), comments=comments.get(entry.id, []))
        for fld in COMPILED_FIELDS:
            if fld not in rules.fields_of(entry.kind):
                continue
            def base(language: str, fld: str = fld, old: dict | None = old) -> str:
                name = field_key(fld, None if language == texts.original else language)
                return str((old or {}).get(name) or "")

            proposals = sorted((p for p in by_field.get((entry.id, fld), [])
                                if p.value != base(p.lang)),
                               key=lambda p: (p.party.casefold(), p.lang))
            held = positions.get((entry.id, fld), [])
            if proposals or held or (fld == "text" and entry.kind == "target"):
                shown, shown_lang = base(texts.lang), texts.lang
                fallback = not shown.strip() and bool(base(texts.original).strip())
                if fallback:
                    texts.fallbacks += 1
                    shown, shown_lang = base(texts.original), texts.original
                item.fields.append(FieldProposals(fld, terms.field(fld), shown, proposals,
                                                  shown_lang, fallback, held))
        nodes.append(item)
    removed = _removed(session, plan_id, before, got, texts)
    title = texts.title("plan", plan_id, "title", plan.title)
    return Compilation(title, plan.symbol, baseline.name, baseline.date, baseline.symbol,
                       _with_context(entries, nodes), removed, meta,
                       {cid: received[origin] for cid, origin in got.comments.items()
                        if origin in received}, texts.lang, texts.fallbacks)


def _positions(session: Session, plan_id: str,
               verified: frozenset[str]) -> dict[tuple[str, str], list[Position]]:
    """(node, field) -> the regions' positions on its contested text (original language)."""
    out: dict[tuple[str, str], list[Position]] = {}
    for row in session.scalars(select(Conflict).where(
            Conflict.plan_id == plan_id, Conflict.kind == "text", Conflict.entity == "node")):
        if split_field(row.field)[1] is not None:
            continue
        options = {o.get("id"): o for h in json.loads(row.alternatives).get("hunks", [])
                   for o in h["options"]}
        for e in endorsements(session, Key(row.entity, row.eid, row.field)):
            option = options.get(e["option"])
            if option is None:
                continue  # the endorsed wording is no longer an option
            endorser = f"{e['name']} ({', '.join(x for x in (e['party'], e['role']) if x)})"
            out.setdefault((row.eid, row.field), []).append(Position(
                e["region"], option["number"], option["text"], list(option["proposers"]),
                endorser, e["meeting"], e["replica"] in verified))
    return out


def _with_context(entries: list[queries.OutlineEntry],
                  nodes: list[NodeCompilation]) -> list[NodeCompilation]:
    """Targets, nodes that received something, and the nodes above those (as headings)."""
    keep: set[str] = set()
    parent = {e.id: e.parent_id for e in entries}
    for entry, item in zip(entries, nodes, strict=True):
        if item.kind == "target" or item.received:
            current: str | None = entry.id
            while current is not None and current not in keep:
                keep.add(current)
                current = parent.get(current)
    return [item for entry, item in zip(entries, nodes, strict=True) if entry.id in keep]


def _removed(session: Session, plan_id: str, before: dict[str, dict[str, object]],
             got: _Received, texts: LanguageTexts) -> list[tuple[str, list[str]]]:
    """Nodes of the baseline that are now in the Trash, with who deleted them."""
    out = []
    for node in session.scalars(select(Node).where(Node.plan_id == plan_id,
                                                   Node.deleted.is_(True))
                                .order_by(Node.kind, Node.title)):
        if node.id in before and node.id in got.deleted:
            title = texts.title("node", node.id, "title", node.title)
            out.append((texts.terms.labelled(node.kind, title), got.deleted[node.id]))
    return out
