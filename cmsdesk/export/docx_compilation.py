"""The compilation of comments and proposals as a Word document: an addendum to the draft.

The compilation is issued as an addendum of the draft it compiles comments on: the draft's
symbol with "/Add.N", the draft's meeting block, and the title "Compilation of comments and
proposals received". For each target (and any other node that received something): the
baseline text, then each Party's or observer's proposed wording with the differences marked
against the baseline word by word (insertions underlined, deletions struck through, in the
character styles "Inserted text" and "Deleted text"), then the comments received, every item
attributed (Party, region, person), dated, in the language it was written in, and marked when it
came after the draft's deadline. On request the same proposals are ordered by Party instead.

Every sentence the document adds around what was received ("Proposed by ...", "Baseline (...)",
"No proposals received.", the legend, the summary) comes from the terms of the document's
language (:mod:`cmsdesk.export.terms`, :mod:`cmsdesk.export.meeting_terms`), so that a French
compilation is French throughout except the names and the proposals' own words.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date as Date
from pathlib import Path

from sqlalchemy.orm import Session

from cmsdesk.export.compilation import (
    Compilation,
    FieldProposals,
    NodeCompilation,
    Position,
    Proposal,
    gather_compilation,
)
from cmsdesk.export.docx_common import (
    DELETED_STYLE,
    INSERTED_STYLE,
    DocWriter,
    new_document,
)
from cmsdesk.export.localized import Fallbacks
from cmsdesk.export.markdown_blocks import parse_markdown, plain_text
from cmsdesk.export.markdown_to_docx import add_markdown
from cmsdesk.export.meeting import DocumentInfo, add_first_page, add_page_frame
from cmsdesk.export.meeting_terms import MeetingTerms
from cmsdesk.export.terms import Terms
from cmsdesk.export.wording import word_diff
from cmsdesk.models.commands import CommandError, plan_language
from cmsdesk.models.drafts import FIRST_VERSION
from cmsdesk.models.parties import directory
from cmsdesk.models.textmerge import DELETED_OPTION

DIFF_STYLES = {"equal": None, "insert": INSERTED_STYLE, "delete": DELETED_STYLE}
ORDERS = ("target", "party")


def _day(words: MeetingTerms, iso: str) -> str:
    """A day as the document's language prints it; anything not a date stays as written."""
    try:
        return words.date(iso)
    except ValueError:
        return iso


def _attribution(proposal: Proposal, words: MeetingTerms, deadline: str, lang: str) -> str:
    terms = words.terms
    where = f" ({proposal.region})" if proposal.region else ""
    by = terms("by_author", author=proposal.author) \
        if proposal.author and proposal.author != proposal.party else ""
    language = terms("in_language", language=terms.language(proposal.lang)) \
        if proposal.lang != lang else ""
    late = f" \u2014 {words('late', deadline=words.date(deadline))}" if proposal.late else ""
    got = f", {words('received', date=_day(words, proposal.received))}" \
        if proposal.received else ""
    unverified = ("" if proposal.verified else f" \u2014 {terms('unverified')}") + (
        f" \u2014 {terms('recorded_' + proposal.recorded_from)}" if proposal.recorded_from else "")
    return (f"{terms('proposed_by', party=proposal.party)}{where}{by}, "
            f"{_day(words, proposal.clock[:10])}{got}{unverified}{language}{late}")


def add_diff(writer: DocWriter, old: str, new: str, words: MeetingTerms) -> None:
    """``new`` with its differences from ``old`` marked, one paragraph per line of text."""
    before = plain_text(parse_markdown(old))
    after = plain_text(parse_markdown(new))
    if before == after:
        writer.paragraph("Document note", words.terms("same_wording"))
        return
    paragraph = writer.paragraph("Proposal")
    last = ""
    for op, piece in word_diff(before, after):
        if op == "delete":
            piece = piece.replace("\n", " ")  # a removed line break joins lines: no new line
        for i, line in enumerate(piece.split("\n")):
            if i:
                paragraph, last = writer.paragraph("Proposal"), ""
            if not line:
                continue
            if last and not last[-1].isspace() and not line[0].isspace():
                writer.run(paragraph, " ")  # keep a struck word apart from the one replacing it
            writer.run(paragraph, line, DIFF_STYLES[op])
            last = line


def _legend(writer: DocWriter, terms: Terms) -> None:
    paragraph = writer.paragraph("Document note", terms("legend_intro"))
    writer.run(paragraph, terms("legend_inserted"), INSERTED_STYLE)
    writer.run(paragraph, terms("legend_and"))
    writer.run(paragraph, terms("legend_deleted"), DELETED_STYLE)
    writer.run(paragraph, terms("legend_end"))


class _CompilationWriter:
    def __init__(self, comp: Compilation, words: MeetingTerms) -> None:
        self.comp, self.words = comp, words
        self.writer: DocWriter

    def proposal(self, fld: FieldProposals, proposal: Proposal, level: int) -> None:
        writer = self.writer
        writer.paragraph("Attribution", _attribution(proposal, self.words,
                                                     self.comp.meta.deadline, self.comp.lang))
        if proposal.lang == fld.baseline_lang:
            add_diff(writer, fld.baseline, proposal.value, self.words)
        else:  # another language: its own words, not a comparison with the baseline shown
            add_markdown(writer, proposal.value, heading_level=level + 1)

    def position(self, position: Position) -> None:
        """A region's position: the option it endorsed, the Parties behind it, who endorsed."""
        terms = self.words.terms
        found = directory().find_region(position.region)
        region = found.names.get(terms.lang, found.name) if found else position.region
        line = terms("position", region=region, number=position.number,
                     parties="; ".join(position.parties), endorser=position.endorser)
        if position.meeting:
            line += terms("for_meeting", meeting=position.meeting)
        if not position.verified:
            line += f" \u2014 {terms('endorser_unverified')}"
        self.writer.paragraph("Attribution", line)
        self.writer.paragraph("Proposal", position.text or DELETED_OPTION)

    def node(self, node: NodeCompilation, page_break: bool) -> None:
        writer, comp, terms = self.writer, self.comp, self.words.terms
        level = min(node.depth + 1, 9)
        heading = writer.text(writer.paragraph(f"Heading {level}"), node.heading)
        heading.paragraph_format.page_break_before = page_break
        if node.created_by:
            writer.paragraph("Attribution", terms("added_by", who=", ".join(node.created_by)))
        if node.deletion_by:
            writer.paragraph("Attribution",
                             terms("deletion_by", who=", ".join(node.deletion_by)))
        for fld in node.fields:
            writer.paragraph("Field label", fld.label)
            if node.in_baseline:
                writer.paragraph("Attribution", terms("baseline", name=self.baseline_name))
                if fld.fallback:
                    writer.paragraph("Document note", terms(
                        "fallback", language=terms.language(fld.baseline_lang)))
                if fld.baseline.strip():
                    add_markdown(writer, fld.baseline, heading_level=level + 1)
                else:
                    writer.paragraph("Document note", terms("no_baseline_text"))
            if not fld.proposals and not fld.positions:
                writer.paragraph("Document note", terms("no_proposals"))
            for proposal in fld.proposals:
                self.proposal(fld, proposal, level)
            for position in fld.positions:
                self.position(position)
        if node.comments:
            writer.paragraph("Field label", terms("comments"))
        for c in node.comments:
            where = ", ".join(x for x in (c.party, c.region) if x)
            paragraph = writer.paragraph("List Bullet")
            state = f" ({terms('resolved')})" if c.resolved else ""
            day = comp.comment_received.get(c.id, "")
            got = f", {self.words('received', date=_day(self.words, day))}" if day else ""
            late = " \u2014 " + self.words("late", deadline=self.words.date(comp.meta.deadline)) \
                if comp.is_late(day or c.clock[:10]) else ""
            writer.run(paragraph, f"{c.author or c.party}" + (f" ({where})" if where else "")
                       + f", {_day(self.words, c.clock[:10])}{got}{state}{late}{terms.colon}").bold = True
            writer.text(paragraph, c.text)

    @property
    def baseline_name(self) -> str:
        """The baseline draft's name; the plan's first version is named in the language."""
        name = self.comp.baseline
        return self.words.terms("first_version") if name == FIRST_VERSION else name

    def by_party(self) -> None:
        """Each Party's proposals together, in outline order under the Party's heading."""
        writer = self.writer
        for party in self.comp.parties:
            writer.text(writer.paragraph("Heading 1"), party)
            for node in self.comp.nodes:
                mine = [(f, p) for f in node.fields for p in f.proposals if p.party == party]
                if not mine:
                    continue
                writer.text(writer.paragraph("Heading 2"), node.heading)
                for fld, proposal in mine:
                    writer.paragraph("Field label", fld.label)
                    self.proposal(fld, proposal, 2)

    def write(self, info: DocumentInfo, order: str) -> DocWriter:
        comp, words = self.comp, self.words
        self.writer = writer = new_document(info.title, info.symbol)
        add_page_frame(writer, info.symbol, words)
        add_first_page(writer, info, words,
                       subtitle=f"{words('addendum')}{words.terms.colon}{comp.title}"
                       if info.symbol else comp.title)
        terms = words.terms
        symbol = f", {terms.symbol(comp.baseline_symbol)}" if comp.baseline_symbol else ""
        writer.paragraph(text=terms(
            "summary", baseline=self.baseline_name, symbol=symbol,
            date=_day(words, comp.baseline_date), proposals=comp.proposal_count,
            comments=comp.comment_count, parties=len(comp.parties))
            + (f"{terms.colon}{', '.join(comp.parties)}." if comp.parties else "."))
        _legend(writer, terms)
        if order == "party":
            self.by_party()
        else:
            for i, node in enumerate(comp.nodes):
                self.node(node, page_break=node.depth == 0 and i > 0)
        if comp.removed:
            writer.paragraph("Heading 1", terms("deleted_section"))
            for what, who in comp.removed:
                writer.text(writer.paragraph("List Bullet"),
                            terms("deleted_by", what=what, who=", ".join(who)))
        return writer


def build_compilation_document(comp: Compilation, issued: Date, *, addendum: int = 1,
                               order: str = "target", lang: str = "en") -> DocWriter:
    """The compilation as addendum ``addendum`` to the baseline draft's document."""
    if addendum < 1:
        raise CommandError(f"an addendum is numbered from 1 (Add.1), not {addendum}")
    words = MeetingTerms(lang)
    # The meeting and the draft's own blocks, without the draft's call for comments.
    base = DocumentInfo(replace(comp.meta.in_language(lang), deadline="", comments_to="",
                                languages=()),
                        comp.baseline_symbol or comp.symbol, issued, comp.title, comp.baseline)
    info = base.addendum(addendum, words.terms("compilation_title"))
    return _CompilationWriter(comp, words).write(info, order)


def export_compilation_docx(session: Session, plan_id: str, path: Path | str, *,
                            since: str | None = None, issued: Date | None = None,
                            addendum: int = 1, order: str = "target",
                            lang: str = "en", fallbacks: Fallbacks | None = None) -> Path:
    """Write the compilation since draft ``since`` (default: the first version) to ``path``,
    as addendum ``addendum`` to that draft, ordered by target or by Party, its furniture in
    ``lang`` (each proposal stays in the language it was made in); ``fallbacks``, if given,
    learns how many baseline texts stood in the original for want of a translation."""
    comp = gather_compilation(session, plan_id, since, lang)
    if fallbacks is not None:
        fallbacks.note(comp.lang, plan_language(session, plan_id), comp.fallbacks)
    return build_compilation_document(comp, issued or Date.today(), addendum=addendum,
                                      order=order, lang=lang).save(path)
