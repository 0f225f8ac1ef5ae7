"""Importing a Party's Word reply: its edits become proposals, its comments node comments.

A reply is a consultation copy (:mod:`cmsdesk.export.for_comments`) that a Party edited in
Word or LibreOffice. Its manifest says which plan, draft and field versions each paragraph was
printed from; its hidden bookmarks say which paragraphs belong to which field. For each field,
the text with every tracked change accepted (and any edit made without Track Changes) is
compared with the text as printed; a difference is carried onto the field's Markdown
(:mod:`cmsdesk.submissions.textmap`) and recorded as a change whose parents are the versions the
copy was printed from. So a reply merges exactly like a bundle: where nobody else edited the
field since, the proposal applies; where someone did, the sentence merge keeps both, as
attributed options where they overlap.

The changes belong to a *submission replica*: an id derived from the plan, the Party, the copy
and the proposals, counting from 1. The same reply imported again gives the same changes, which
are held already, so nothing changes. The changes are attributed to the Party, with the names of
the tracked changes' authors (or the document's last author) as the author's name: provenance.

Paragraphs that belong to no field and are not the copy's own furniture (text typed between two
targets, a new heading...) are reported with their number and text, never dropped, and can be
attached to a node as comments (``attach``). Word comments become comments on the node of the
paragraph they are anchored in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date as Date
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from sqlalchemy import select

from cmsdesk.export.for_comments import BOOKMARK_PREFIX, NS, read_manifest, text_hash
from cmsdesk.models import queries
from cmsdesk.models.changelog import Key, append_changes
from cmsdesk.models.identity import Profile
from cmsdesk.models.languages import LANGUAGES, split_field
from cmsdesk.models.projection import project, value_of
from cmsdesk.models.rules import TRANSLATABLE_FIELDS
from cmsdesk.models.schema import Change, NamedDraft, Plan
from cmsdesk.models.store import Store
from cmsdesk.models.submissions import deadline_of, is_late, late_note, note_submission
from cmsdesk.submissions.recording import (
    Item,
    changes_for,
    comment_key,
    recorder_of,
    submission_replica,
)
from cmsdesk.submissions.textmap import carry_edit, edit_within
from cmsdesk.submissions.wordfile import open_word
from cmsdesk.submissions.wordtext import (
    Para,
    WordComment,
    block_markdown,
    heading_level,
    read_comments,
    read_paragraphs,
)

_MARK = re.compile(re.escape(BOOKMARK_PREFIX) + r"(\d{5})p(\d{3})$")
_LABEL_PREFIX = re.compile(r"^\w+ \d+:\s*")
ORIGIN = "word-reply"


class ReplyError(ValueError):
    """A reply that cannot be imported; the message says why and what to do. Nothing was
    written."""


@dataclass
class ManifestField:
    number: int
    key: Key
    versions: list[str]
    printed: str  # the field's Markdown as the copy printed it
    heading: str  # for a title: the heading as printed ("Target 7: ...")
    lead: str = ""  # printed before the text in its first paragraph (bold "Target 7:")


@dataclass
class Manifest:
    copy_id: str
    plan_id: str
    plan_title: str
    draft_id: str
    draft_name: str
    fields: dict[int, ManifestField]
    furniture: set[str]


@dataclass
class FieldProposal:
    """What the reply proposes for one field."""

    key: Key
    label: str  # "T7 text"
    before: str
    after: str
    authors: list[str]  # names of the tracked changes' authors, in order of appearance
    tracked: bool  # False: edited without Track Changes
    change: str = ""
    parents: tuple[str, ...] = ()  # the versions it amends (one option of a contested field)


@dataclass
class Unmapped:
    """A paragraph of the reply that belongs to no field."""

    paragraph: int
    text: str
    field_before: int  # the number of the field before it (0: none)
    after: str = ""  # where it stands: "after T7 text", "at the start"
    attached_to: str = ""


@dataclass
class ReplyComment:
    node_label: str
    author: str
    text: str
    change: str = ""


@dataclass
class ReplyReport:
    path: Path
    party: str
    received: str
    plan_title: str
    draft_name: str
    copy_id: str
    proposals: list[FieldProposal] = field(default_factory=list)
    comments: list[ReplyComment] = field(default_factory=list)
    unmapped: list[Unmapped] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # fields whose paragraphs are gone
    unanchored_comments: list[WordComment] = field(default_factory=list)
    new_changes: int = 0
    already_held: int = 0
    merged_clean: int = 0
    conflicts_created: int = 0
    deadline: str = ""  # the draft's comment deadline, if it has one
    late: bool = False  # received after it (recorded all the same)

    def lines(self) -> list[str]:
        """The report a user reads: a summary, then per field what was proposed."""
        draft = f"draft \"{self.draft_name}\"" if self.draft_name else "the plan as exported"
        out = [f"{self.path.name}: reply from {self.party} (received {self.received}) to "
               f"{draft} of \"{self.plan_title}\": {len(self.proposals)} field proposal(s), "
               f"{len(self.comments)} comment(s), {len(self.unmapped)} unmapped paragraph(s); "
               f"{self.new_changes} new change(s), {self.already_held} already held, "
               f"{self.merged_clean} field(s) merged cleanly, "
               f"{self.conflicts_created} conflict(s) created"]
        if self.late:
            out.append(late_note(self.deadline))
        for p in self.proposals:
            how = (f"tracked changes by {', '.join(p.authors)}" if p.tracked and p.authors
                   else "tracked changes" if p.tracked else "edited without Track Changes")
            out.append(f"  {p.label} ({how}): {_short(p.after)}")
        for c in self.comments:
            out.append(f"  comment on {c.node_label} by {c.author or 'someone'}: {_short(c.text)}")
        for u in self.unmapped:
            where = f"attached to {u.attached_to} as a comment" if u.attached_to else \
                "not mapped (attach it with --attach " + f"{u.paragraph}=NODE)"
            out.append(f"  paragraph {u.paragraph} ({u.after}), {where}: {_short(u.text)}")
        for c in self.unanchored_comments:
            out.append(f"  comment by {c.author or 'someone'} anchored in no field, not "
                       f"imported: {_short(c.text)}")
        for m in self.missing:
            out.append(f"  {m}: its paragraphs are gone from the reply (deleted without Track "
                       "Changes?): nothing proposed for it")
        return out


def _short(text: str, width: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "\u2026"


# -- reading -------------------------------------------------------------------------------


def read_reply_manifest(doc: Any, name: str) -> Manifest:
    root = read_manifest(doc.part.package.iter_parts())
    if root is None:
        raise ReplyError(f"{name} is not a consultation copy made by cmsdesk (it carries no "
                         "record of where its texts come from): record it as a letter instead "
                         "with 'cmsdesk submission letter FILE --party PARTY'")
    if root.get("version") != "1":
        raise ReplyError(f"{name} is a consultation copy of a newer kind (version "
                         f"{root.get('version')}): update cmsdesk to read it")
    fields: dict[int, ManifestField] = {}
    try:
        for el in root.iter(f"{{{NS}}}field"):
            n = int(el.get("n"))
            key = Key("node", el.get("node"), el.get("field"))
            printed = el.text or ""
            if n in fields or text_hash(printed) != el.get("sha256") \
                    or not _traceable(key.field):
                raise ValueError(n)
            fields[n] = ManifestField(n, key, (el.get("versions") or "").split(), printed,
                                      el.get("heading", ""), el.get("lead", ""))
        furniture = {el.get("sha256", "") for el in root.iter(f"{{{NS}}}furniture")}
        return Manifest(root.get("copy", ""), root.get("plan", ""), root.get("planTitle", ""),
                        root.get("draft", ""), root.get("draftName", ""), fields, furniture)
    except (TypeError, ValueError) as exc:
        raise ReplyError(f"{name}: the record of where its texts come from is damaged "
                         f"(field {exc}): export a new consultation copy") from exc


def _traceable(key_field: str) -> bool:
    """Whether a copy may carry a field under this name: a text of a node, in the original
    language or a working language of the Convention (a copy that names another field, such
    as ``deleted`` or ``placement``, was altered)."""
    name, lang = split_field(key_field)
    return ("node", name) in TRANSLATABLE_FIELDS and (lang is None or lang in LANGUAGES)


def _assign(paras: list[Para], manifest: Manifest, name: str) -> dict[int, int]:
    """Paragraph index -> field number, checking the anchors are neither duplicated nor
    shuffled."""
    marked: dict[int, tuple[int, int]] = {}
    seen: set[tuple[int, int]] = set()
    for i, p in enumerate(paras):
        anchors = []
        for b in p.bookmarks:
            m = _MARK.match(b)
            if m:
                anchors.append((int(m.group(1)), int(m.group(2))))
        for a in anchors:
            if a in seen:
                raise ReplyError(f"{name}: the hidden anchor of field {a[0]} (paragraph "
                                 f"{p.number}) appears twice: the copy was edited outside Word "
                                 "or its paragraphs duplicated; export a new consultation copy")
            if a[0] not in manifest.fields:
                raise ReplyError(f"{name}: paragraph {p.number} carries an anchor the copy's "
                                 "record does not list: the file was altered")
            seen.add(a)
        if anchors:
            marked[i] = min(anchors)
    order = [marked[i] for i in sorted(marked)]
    if order != sorted(order):
        bad = next(i for i in sorted(marked) if marked[i] != sorted(order)[sorted(marked).index(i)])
        raise ReplyError(f"{name}: the hidden anchors are out of order from paragraph "
                         f"{paras[bad].number} on (text moved between targets?): cmsdesk cannot "
                         "tell which field it belongs to; ask for the reply with the text "
                         "edited in place, or record it as a letter")
    out = {i: m[0] for i, m in marked.items()}
    indices = sorted(marked)
    for before, after in zip(indices, indices[1:], strict=False):
        if marked[before][0] == marked[after][0]:
            for i in range(before + 1, after):
                out[i] = marked[before][0]  # a paragraph added inside a field's text
    return out


def _authors(paras: list[Para]) -> list[str]:
    return list(dict.fromkeys(e.author for p in paras for e in p.edits if e.author))


def _without_lead(p: Para, lead: str) -> Para:
    """The paragraph without the bold label the copy printed before the field's text."""
    from dataclasses import replace

    md, text = p.markdown, p.text
    for form in (f"**{lead}**", lead):
        if md.startswith(form):
            md = md[len(form):].lstrip()
            break
    if text.startswith(lead):
        text = text[len(lead):].lstrip()
    return replace(p, markdown=md, text=text)


def _title_of(text: str, mf: ManifestField) -> str:
    printed_prefix = mf.heading[: len(mf.heading) - len(mf.printed)] \
        if mf.heading.endswith(mf.printed) else ""
    text = text.strip()
    if printed_prefix and text.startswith(printed_prefix.strip()):
        return text[len(printed_prefix.strip()):].strip()
    return _LABEL_PREFIX.sub("", text, count=1) if printed_prefix else text


@dataclass
class _Read:
    manifest: Manifest
    proposals: list[FieldProposal]
    comments: list[tuple[str, WordComment]]  # (node id, comment)
    unmapped: list[Unmapped]
    missing: list[Key]
    unanchored: list[WordComment]
    paragraphs: list[Para]
    last_author: str


def _heading_base(paras: list[Para], owner: dict[int, int], manifest: Manifest,
                  first: int) -> int:
    """The heading level of the node a field belongs to, from its title's paragraph."""
    node = manifest.fields[owner[first]].key.eid
    for i in range(first, -1, -1):
        n = owner.get(i)
        key = manifest.fields[n].key if n is not None else None
        if key is not None and key.eid == node and split_field(key.field)[0] == "title":
            level = heading_level(paras[i].style)
            return level or 0
    return 0


def _field_value(paras: list[Para], owner: dict[int, int], manifest: Manifest,
                 mf: ManifestField, indices: list[int]) -> str:
    """The field's text in the reply (tracked changes accepted), as Markdown carried onto
    the field's own Markdown."""
    mine = [paras[i] for i in indices if not paras[i].emptied]
    if mf.lead and mine:
        mine[0] = _without_lead(mine[0], mf.lead)
    name = split_field(mf.key.field)[0]
    if name == "title":
        return _title_of(" ".join(p.text for p in mine), mf)
    base = _heading_base(paras, owner, manifest, indices[0])
    if name != "text":
        base += 1
    returned = block_markdown(mine, base)
    # printed with the body's paragraphs numbered (a negotiation text's chapters) or not:
    # the rendering closer to what came back is the one the copy had
    printed = max((_printed_markdown(mf.printed, base, numbered) for numbered in (False, True)),
                  key=lambda text: SequenceMatcher(None, text, returned, autojunk=False).ratio())
    return carry_edit(mf.printed, printed, returned)


def _proposals(paras: list[Para], owner: dict[int, int],
               manifest: Manifest) -> tuple[list[FieldProposal], list[Key]]:
    """What differs from the copy, per field; and the fields whose paragraphs are all gone."""
    by_field: dict[int, list[int]] = {}
    for i, n in sorted(owner.items()):
        by_field.setdefault(n, []).append(i)
    proposals: list[FieldProposal] = []
    missing: list[Key] = []
    for n, mf in sorted(manifest.fields.items()):
        indices = by_field.get(n)
        if not indices:
            if mf.printed.strip():
                missing.append(mf.key)
            continue
        value = _field_value(paras, owner, manifest, mf, indices)
        if value.strip() != mf.printed.strip():
            chosen = [paras[i] for i in indices]
            proposals.append(FieldProposal(mf.key, "", mf.printed, value, _authors(chosen),
                                           any(p.edits for p in chosen)))
    return proposals, missing


def _unmapped(paras: list[Para], owner: dict[int, int], manifest: Manifest) -> list[Unmapped]:
    """Paragraphs outside every field that are not the copy's own furniture."""
    out: list[Unmapped] = []
    last_field = 0
    for i, p in enumerate(paras):
        if i in owner:
            last_field = owner[i]
        elif p.text.strip() and text_hash(p.text.strip()) not in manifest.furniture:
            out.append(Unmapped(p.number, p.text.strip(), last_field))
    return out


def _comments(doc: Any, paras: list[Para], owner: dict[int, int], manifest: Manifest
              ) -> tuple[list[tuple[str, WordComment]], list[WordComment]]:
    """Word comments by the node they are anchored in; and those anchored in no field."""
    comments: list[tuple[str, WordComment]] = []
    unanchored: list[WordComment] = []
    word_comments = read_comments(doc)
    placed: set[str] = set()
    for i, p in enumerate(paras):
        for cid in p.comments:
            c = word_comments.get(cid)
            if c is None or cid in placed or not c.text:
                continue
            placed.add(cid)
            node = _node_near(owner, manifest, i)
            if node is None:
                unanchored.append(c)
            else:
                comments.append((node, c))
    unanchored += [c for cid, c in sorted(word_comments.items())
                   if cid not in placed and c.text]
    return comments, unanchored


def read_reply(path: Path) -> _Read:
    """Everything a reply says, checked against its own record but not yet against a store."""
    doc = open_word(path)
    manifest = read_reply_manifest(doc, path.name)
    paras = read_paragraphs(doc)
    owner = _assign(paras, manifest, path.name)
    proposals, missing = _proposals(paras, owner, manifest)
    comments, unanchored = _comments(doc, paras, owner, manifest)
    last = doc.core_properties.last_modified_by or ""
    return _Read(manifest, proposals, comments, _unmapped(paras, owner, manifest), missing,
                 unanchored, paras, "" if last == "cmsdesk" else last)  # ours: nobody saved it


def _node_near(owner: dict[int, int], manifest: Manifest, index: int) -> str | None:
    """The node of the field a paragraph is in, else of the nearest field before it."""
    for i in range(index, -1, -1):
        if i in owner:
            return manifest.fields[owner[i]].key.eid
    return None


_PRINTED: dict[tuple[str, int, bool], str] = {}


def _printed_markdown(markdown: str, heading_base: int, numbered: bool) -> str:
    """The Markdown as it reads back from the document cmsdesk printed: rendered with the
    exporter's own writer into a scratch document (its plain paragraphs numbered, if
    ``numbered``) and read again."""
    cached = _PRINTED.get((markdown, heading_base, numbered))
    if cached is not None:
        return cached
    from cmsdesk.export.docx_common import new_document
    from cmsdesk.export.markdown_to_docx import NUMBERED_STYLE, add_markdown

    writer = new_document("", "")
    add_markdown(writer, markdown, heading_level=heading_base,
                 numbered=writer.new_list(NUMBERED_STYLE) if numbered else None)
    out = block_markdown(read_paragraphs(writer.doc), heading_base)
    _PRINTED[(markdown, heading_base, numbered)] = out
    return out


def _check_store(session: Any, manifest: Manifest, name: str, plan: str | None) -> None:
    if plan is not None and manifest.plan_id != plan:
        raise ReplyError(f"{name} is a copy of another plan (\"{manifest.plan_title}\"), not of "
                         "the one chosen with --plan: refused")
    if session.get(Plan, manifest.plan_id) is None:
        raise ReplyError(f"{name} is a copy of a plan this store does not hold "
                         f"(\"{manifest.plan_title}\"): import that plan's bundle first, or "
                         "check that this is the right store")
    if manifest.draft_id and session.get(NamedDraft, manifest.draft_id) is None:
        raise ReplyError(f"{name} is a copy of the draft \"{manifest.draft_name}\", which this "
                         "store does not hold: import the reply where that draft was exported")
    wanted = sorted({v for f in manifest.fields.values() for v in f.versions})
    held: set[str] = set()
    for i in range(0, len(wanted), 300):
        held.update(session.scalars(select(Change.version_id).where(
            Change.version_id.in_(wanted[i:i + 300]), Change.plan_id == manifest.plan_id)))
    if set(wanted) - held:
        raise ReplyError(f"{name} was printed from versions of the plan this store does not "
                         "hold: import the bundle that brought them first")


def _aim_at_option(session: Any, prop: FieldProposal, mf: ManifestField) -> None:
    """The versions a proposal amends: those the copy was printed from, or, in a field printed
    as bracketed options, the one version whose option holds every edit, so that amending one
    option keeps the others (and the conflict) as they were."""
    prop.parents = tuple(sorted(mf.versions))
    if len(mf.versions) < 2:
        return
    aimed = []
    for vid in sorted(mf.versions):
        value = value_of(session, mf.key, [vid])
        amended = edit_within(mf.printed, prop.after, value) if isinstance(value, str) else None
        if amended is not None:
            aimed.append((vid, amended))
    if len(aimed) == 1:
        prop.parents = (aimed[0][0],)
        prop.after = aimed[0][1]


def _labels(session: Any, plan_id: str) -> dict[str, str]:
    return {e.id: e.label for e in queries.outline(session, plan_id)} | {
        e.id: e.label for e in queries.trash(session, plan_id)}


def import_reply(store: Store, path: Path | str, party: str, *, received: Date | None = None,
                 region: str = "", attach: dict[int, str] | None = None,
                 plan: str | None = None) -> ReplyReport:
    """Read a reply, check it against the store, record its proposals and comments.

    ``attach`` maps numbers of unmapped paragraphs to node labels or ids: those paragraphs
    become comments of the Party on those nodes. Raises :class:`ReplyError` (or
    :class:`WordFileError`), with the store untouched, for anything it cannot use.
    """
    p = Path(path)
    party = party.strip()
    if not party:
        raise ReplyError("say which Party sent the reply (--party)")
    day = (received or Date.today()).isoformat()
    read = read_reply(p)
    manifest = read.manifest
    report = ReplyReport(p, party, day, manifest.plan_title, manifest.draft_name,
                         manifest.copy_id, unmapped=read.unmapped,
                         unanchored_comments=read.unanchored)
    with store.session() as s:
        _check_store(s, manifest, p.name, plan)
        report.deadline = deadline_of(s.get(NamedDraft, manifest.draft_id)
                                      if manifest.draft_id else None)
        report.late = is_late(report.deadline, day)
        labels = _labels(s, manifest.plan_id)
        for prop in read.proposals:
            prop.label = f"{labels.get(prop.key.eid, prop.key.eid[:8])} {prop.key.field}"
            _aim_at_option(s, prop, next(f for f in manifest.fields.values()
                                         if f.key == prop.key))
        report.missing = [f"{labels.get(k.eid, k.eid[:8])} {k.field}" for k in read.missing]
        for u in read.unmapped:
            before = manifest.fields.get(u.field_before)
            u.after = (f"after {labels.get(before.key.eid, before.key.eid[:8])} "
                       f"{before.key.field}" if before else "before the first field")
        unmapped_by_number = {u.paragraph: u for u in read.unmapped}
        attached: list[tuple[str, Unmapped]] = []
        for number, ref in sorted((attach or {}).items()):
            u = unmapped_by_number.get(number)
            if u is None:
                raise ReplyError(f"paragraph {number} is not one of the reply's unmapped "
                                 "paragraphs (see the report without --attach)")
            try:
                node = queries.resolve_node(s, manifest.plan_id, ref)
            except queries.NotFoundError as exc:
                raise ReplyError(str(exc)) from exc
            u.attached_to = labels.get(node, ref)
            attached.append((node, u))
        replica = submission_replica(s, plan=manifest.plan_id, kind=ORIGIN,
                                     copy=manifest.copy_id, party=party)
        origin = f"{ORIGIN}:{replica}"
        bodies, item_ids = changes_for(s, manifest.plan_id, replica, day,
                                       _items(manifest, party, region, read, attached),
                                       recorder_of(store.replica_id, "Word reply"))
    for prop, cid in zip(read.proposals, item_ids, strict=False):
        prop.change = cid
    report.proposals = read.proposals
    report.comments = [ReplyComment(labels.get(node, node[:8]), c.author, c.text)
                       for node, c in read.comments] + [
        ReplyComment(u.attached_to, party, u.text) for _n, u in attached]
    report.already_held = len(item_ids) - len(bodies)
    if not bodies:
        return report
    store.backup_before("import")
    with store.session() as s:
        appended = append_changes(s, bodies, origin=origin)
        note_submission(s, origin=origin, plan_id=manifest.plan_id, kind=ORIGIN, party=party,
                        received=day, region=region, channel="Word reply",
                        draft_id=manifest.draft_id, filename=p.name, content=p.read_bytes())
        proj = project(s, appended.fields)
    report.new_changes = len(appended.new)
    report.merged_clean = len(appended.concurrent & proj.merged_clean)
    report.conflicts_created = len(proj.conflicts_opened)
    return report


def _items(manifest: Manifest, party: str, region: str, read: _Read,
           attached: list[tuple[str, Unmapped]]) -> list[Item]:
    """The reply's proposals and comments, in a fixed order."""
    items: list[Item] = []
    for prop in read.proposals:
        name = ", ".join(prop.authors) or read.last_author
        items.append(Item("set", prop.key, prop.after, prop.parents,
                          Profile(name, party, region, "delegate")))
    for node, c in read.comments:
        items.append(Item("comment_add",
                          comment_key(manifest.copy_id, party, f"c{c.id}", c.text),
                          {"node": node, "text": c.text}, (),
                          Profile(c.author, party, region, "delegate")))
    for node, u in attached:
        items.append(Item("comment_add",
                          comment_key(manifest.copy_id, party, f"p{u.paragraph}", u.text),
                          {"node": node, "text": u.text}, (),
                          Profile(read.last_author, party, region, "delegate")))
    return items


def describe(report: ReplyReport) -> dict[str, Any]:
    """The report as plain data, for ``--json``."""
    return {
        "file": str(report.path), "party": report.party, "received": report.received,
        "plan": report.plan_title, "draft": report.draft_name, "copy": report.copy_id,
        "proposals": [{"field": p.label, "before": p.before, "after": p.after,
                       "authors": p.authors, "tracked": p.tracked, "change": p.change}
                      for p in report.proposals],
        "comments": [{"node": c.node_label, "author": c.author, "text": c.text}
                     for c in report.comments],
        "unmapped": [{"paragraph": u.paragraph, "where": u.after, "text": u.text,
                      "attached_to": u.attached_to} for u in report.unmapped],
        "missing": report.missing, "new_changes": report.new_changes,
        "already_held": report.already_held, "merged_clean": report.merged_clean,
        "conflicts_created": report.conflicts_created, "deadline": report.deadline,
        "late": report.late,
    }

