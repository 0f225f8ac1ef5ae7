"""Letters and e-mails: a submission that is not a consultation copy, split per target.

A Party writes "On Target 7, we propose: '...'" and "Goal 2: we are concerned that ...". The
text (a Word or text file, or e-mail text pasted in) is split into pieces, each naming the node
it is about: a paragraph that starts by naming a node (``Target 7``, ``T7``, ``Goal 2``,
``Objectif 3``, ``Meta 4``...) opens that node's section; in a section, a paragraph introduced
by "Proposed text:", "Replace with:", "New wording:" (or Texte proposé, Texto propuesto...) is a
proposal for the node's text (or for the field named in brackets: "Target 7 (explanatory
note)"), everything else a comment. What comes before the first section (greetings, general
remarks) is kept as a general piece, reported, and attachable to a node.

:func:`split_letter` only reads; the window's dialog shows the pieces for the officer to
correct (node, kind) before :func:`record_letter` writes them, attributed to the Party, as
changes of the letter's own submission replica (:mod:`cmsdesk.submissions.recording`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date as Date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from cmsdesk.models import queries, rules
from cmsdesk.models.changelog import Key, current_heads
from cmsdesk.models.drafts import draft_heads
from cmsdesk.models.identity import Profile
from cmsdesk.models.projection import project
from cmsdesk.models.schema import NamedDraft
from cmsdesk.models.store import Store
from cmsdesk.models.submissions import deadline_of, is_late, late_note, note_submission
from cmsdesk.submissions.recording import (
    Item,
    changes_for,
    comment_key,
    recorder_of,
    submission_replica,
)

MAX_LETTER_BYTES = 5 * 1024 * 1024
_NODE_WORDS = {"target": "T", "objectif": "T", "meta": "T", "t": "T",
               "goal": "G", "but": "G", "objetivo": "G", "g": "G",
               "indicator": "I", "indicateur": "I", "indicador": "I", "i": "I"}
_NODE = re.compile(
    r"^[\s#*>\-\u2022]*(?:(?:on|re|sur|sobre)\s*:?\s*)?(?P<word>target|objectif|meta|goal|but|"
    r"objetivo|indicator|indicateur|indicador|t|g|i)\s*(?P<n>\d{1,3})\b\s*"
    r"(?:\((?P<field>[^)]{1,40})\))?\s*[:.,\u2013\u2014-]?\s*(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL)
_PROPOSAL = re.compile(
    r"^[\s*_]*(?:we\s+)?(?:proposed?\s+(?:text|wording|new\s+text)|propose|proposal|"
    r"replace\s+(?:it\s+)?(?:with|by)|new\s+(?:text|wording)|amend\s+to\s+read|"
    r"texte\s+propos[ée]|nouveau\s+texte|remplacer\s+par|"
    r"texto\s+propuesto|nueva\s+redacci[óo]n|sustituir\s+por)[\s*_]*:\s*(?P<text>.*)$",
    re.IGNORECASE | re.DOTALL)
_FIELD_WORDS = {"text": "text", "title": "title", "explanatory note": "note", "note": "note",
                "indicators": "indicators", "milestones": "milestones", "actors": "actors"}
_CLOSING = re.compile(r"^(yours (sincerely|faithfully|truly)|sincerely|(best|kind) regards|"
                      r"regards|cordialement|veuillez agr[ée]er|atentamente|saludos|"
                      r"respectfully)\b", re.IGNORECASE)
_QUOTES = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb "


class LetterError(ValueError):
    """A letter that cannot be recorded; the message says why. Nothing was written."""


@dataclass(frozen=True)
class Piece:
    """One part of a letter: a proposal for a field, or a comment on a node (or general)."""

    kind: str  # "proposal" | "comment"
    node: str  # node id; "" for a general piece not yet attached to a node
    label: str  # "T7"; "" for a general piece
    field: str  # for a proposal: the field it proposes a text for
    text: str
    where: str  # "paragraph 4"


def read_letter_text(path: Path | str) -> str:
    """The text of a letter file: .docx (read as paragraphs) or UTF-8 text (.txt, .md, .eml
    bodies saved as text)."""
    p = Path(path)
    if p.suffix.lower() in (".docx", ".docm", ".doc"):
        from cmsdesk.submissions.wordfile import open_word
        from cmsdesk.submissions.wordtext import read_paragraphs

        return "\n\n".join(x.text.strip() for x in read_paragraphs(open_word(p)) if x.text.strip())
    try:
        if p.stat().st_size > MAX_LETTER_BYTES:
            raise LetterError(f"{p.name} is larger than {MAX_LETTER_BYTES // (1024 * 1024)} MB: "
                              "not a letter cmsdesk can split")
        return p.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise LetterError(f"cannot read {p}: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise LetterError(f"{p.name} is neither a Word .docx nor UTF-8 text: save it as one of "
                          "those, or paste its text") from exc


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if p.strip()]


def _field(name: str | None, kind: str) -> str:
    if not name:
        return "text"
    fld = _FIELD_WORDS.get(name.strip().lower())
    return fld if fld and fld in rules.fields_of(kind) else "text"


def split_letter(session: Session, plan_id: str, text: str) -> list[Piece]:
    """The pieces of a letter, in order (see the module's notes)."""
    labels = {e.label: e for e in queries.outline(session, plan_id)}
    pieces: list[Piece] = []
    current: tuple[str, str, str] | None = None  # node id, label, field
    for number, para in enumerate(_paragraphs(text), 1):
        where = f"paragraph {number}"
        m = _NODE.match(para)
        if m:
            label = f"{_NODE_WORDS[m.group('word').lower()]}{int(m.group('n'))}"
            entry = labels.get(label)
            if entry is not None:
                current = (entry.id, label, _field(m.group("field"), entry.kind))
                para = m.group("rest").strip()
                if not para:
                    continue
        if current is None or _CLOSING.match(para):
            pieces.append(Piece("comment", "", "", "", para, where))
            continue
        node, label, fld = current
        proposal = _PROPOSAL.match(para)
        if proposal and proposal.group("text").strip(_QUOTES):
            pieces.append(Piece("proposal", node, label, fld,
                                proposal.group("text").strip().strip(_QUOTES), where))
        else:
            pieces.append(Piece("comment", node, label, "", para, where))
    return pieces


@dataclass
class LetterReport:
    party: str
    received: str
    channel: str
    pieces: list[Piece]
    new_changes: int = 0
    already_held: int = 0
    conflicts_created: int = 0
    deadline: str = ""
    late: bool = False

    def lines(self) -> list[str]:
        proposals = [p for p in self.pieces if p.kind == "proposal" and p.node]
        comments = [p for p in self.pieces if p.kind == "comment" and p.node]
        general = [p for p in self.pieces if not p.node]
        out = [f"{self.channel} from {self.party} (received {self.received}): "
               f"{len(proposals)} proposal(s), {len(comments)} comment(s), {len(general)} "
               f"general paragraph(s); {self.new_changes} new change(s), {self.already_held} "
               f"already held, {self.conflicts_created} conflict(s) created"]
        if self.late:
            out.append(late_note(self.deadline))
        for p in self.pieces:
            what = (f"{p.label} {p.field} proposal" if p.kind == "proposal" else
                    f"comment on {p.label}" if p.node else
                    f"general, not recorded (attach it with --attach {p.where.split()[-1]}=NODE)")
            flat = " ".join(p.text.split())
            out.append(f"  {p.where}, {what}: {flat[:90]}")
        return out


def attach_general(session: Session, plan_id: str, pieces: list[Piece],
                   attach: dict[int, str]) -> list[Piece]:
    """Attach general paragraphs (by number) to nodes, as comments."""
    out = list(pieces)
    by_number = {int(p.where.split()[-1]): i for i, p in enumerate(pieces) if not p.node}
    for number, ref in sorted(attach.items()):
        if number not in by_number:
            raise LetterError(f"paragraph {number} is not a general paragraph of the letter "
                              "(see the report without --attach)")
        try:
            node = queries.resolve_node(session, plan_id, ref)
        except queries.NotFoundError as exc:
            raise LetterError(str(exc)) from exc
        label = next((e.label for e in queries.outline(session, plan_id) if e.id == node), ref)
        out[by_number[number]] = replace(out[by_number[number]], node=node, label=label)
    return out


def _parents(session: Session, draft: NamedDraft | None, key: Key) -> tuple[str, ...]:
    if draft is not None:
        heads = draft_heads(draft).get(key)
        if heads is not None:
            return tuple(sorted(heads))
    return tuple(sorted(current_heads(session, {key})[key]))


def record_letter(store: Store, plan_id: str, text: str, party: str, *,
                  received: Date | None = None, channel: str = "letter", region: str = "",
                  author: str = "", draft: str | None = None,
                  pieces: list[Piece] | None = None, filename: str = "",
                  original: bytes | None = None) -> LetterReport:
    """Record a letter's pieces (``pieces``, else :func:`split_letter` of ``text``) as the
    Party's proposals and comments, read from ``draft`` (a named draft's name or id; default
    the latest one, else the plan as it stands). The original (the file, else the text) is
    kept with the submission."""
    from cmsdesk.models.drafts import find_draft, list_drafts

    party = party.strip()
    if not party:
        raise LetterError("say which Party sent the letter (--party)")
    if not text.strip():
        raise LetterError("the letter is empty")
    day = (received or Date.today()).isoformat()
    drafts = list_drafts(store, plan_id)
    who = Profile(author, party, region, "delegate")
    with store.session() as s:
        base = (find_draft(s, plan_id, draft) if draft else
                find_draft(s, plan_id, drafts[-1].id) if drafts else None)
        chosen = pieces if pieces is not None else split_letter(s, plan_id, text)
        items: list[Item] = []
        for i, p in enumerate(chosen):
            if not p.node:
                continue
            if p.kind == "proposal":
                key = Key("node", p.node, p.field)
                items.append(Item("set", key, p.text, _parents(s, base, key), who))
            else:
                items.append(Item("comment_add", comment_key(plan_id, party, text, str(i), p.text),
                                  {"node": p.node, "text": p.text}, (), who))
        replica = submission_replica(s, plan=plan_id, party=party, letter=text)
        bodies, ids = changes_for(s, plan_id, replica, day, items,
                                  recorder_of(store.replica_id, "letter"))
        deadline = deadline_of(base)
    report = LetterReport(party, day, channel, chosen, already_held=len(ids) - len(bodies),
                          deadline=deadline, late=is_late(deadline, day))
    if not bodies:
        return report
    from cmsdesk.models.changelog import append_changes

    store.backup_before("import")
    origin = f"letter:{replica}"
    with store.session() as s:
        appended = append_changes(s, bodies, origin=origin)
        note_submission(s, origin=origin, plan_id=plan_id, kind="letter", party=party,
                        received=day, region=region, channel=channel,
                        draft_id=base.id if base is not None else "",
                        filename=filename or "pasted text",
                        content=original if original is not None else text.encode("utf-8"))
        proj = project(s, appended.fields)
    report.new_changes = len(appended.new)
    report.conflicts_created = len(proj.conflicts_opened)
    return report


def describe(report: LetterReport) -> dict[str, Any]:
    return {"party": report.party, "received": report.received, "channel": report.channel,
            "pieces": [{"kind": p.kind, "node": p.label, "field": p.field, "text": p.text,
                        "where": p.where} for p in report.pieces],
            "new_changes": report.new_changes, "already_held": report.already_held,
            "conflicts_created": report.conflicts_created, "deadline": report.deadline,
            "late": report.late}
