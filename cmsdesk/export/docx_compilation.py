"""The compilation of comments and proposals as a Word document: an addendum to the draft.

The compilation is issued as an addendum of the draft it compiles comments on: the draft's
symbol with "/Add.N", the draft's meeting block, and the title "Compilation of comments and
proposals received". For each target (and any other node that received something): the
baseline text, then each Party's or observer's proposed wording with the differences marked
against the baseline word by word (insertions underlined, deletions struck through, in the
character styles "Inserted text" and "Deleted text"), then the comments received, every item
attributed (Party, region, person), dated, in the language it was written in, and marked when it
came after the draft's deadline. On request the same proposals are ordered by Party instead.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date as Date
from pathlib import Path

from sqlalchemy.orm import Session

from cmsdesk.export.compilation import (
    Compilation,
    NodeCompilation,
    Proposal,
    gather_compilation,
)
from cmsdesk.export.docx_common import (
    DELETED_STYLE,
    INSERTED_STYLE,
    DocWriter,
    new_document,
)
from cmsdesk.export.markdown_blocks import parse_markdown, plain_text
from cmsdesk.export.markdown_to_docx import add_markdown
from cmsdesk.export.meeting import DocumentInfo, add_first_page, add_page_frame
from cmsdesk.export.meeting_terms import MeetingTerms
from cmsdesk.export.wording import word_diff
from cmsdesk.models.commands import CommandError
from cmsdesk.models.languages import DEFAULT_ORIGINAL

DIFF_STYLES = {"equal": None, "insert": INSERTED_STYLE, "delete": DELETED_STYLE}
ORDERS = ("target", "party")


def _attribution(proposal: Proposal, words: MeetingTerms, deadline: str) -> str:
    where = f" ({proposal.region})" if proposal.region else ""
    by = f", by {proposal.author}" if proposal.author and proposal.author != proposal.party else ""
    lang = f", in {words.terms.language(proposal.lang)}" \
        if proposal.lang != DEFAULT_ORIGINAL else ""
    late = f" \u2014 {words('late', deadline=words.date(deadline))}" if proposal.late else ""
    got = f", {words('received', date=proposal.received)}" if proposal.received else ""
    unverified = "" if proposal.verified else " \u2014 author not verified"
    return (f"Proposed by {proposal.party}{where}{by}, {proposal.clock[:10]}{got}{unverified}"
            f"{lang}{late}")


def add_diff(writer: DocWriter, old: str, new: str) -> None:
    """``new`` with its differences from ``old`` marked, one paragraph per line of text."""
    before = plain_text(parse_markdown(old))
    after = plain_text(parse_markdown(new))
    if before == after:
        writer.paragraph("Document note", "(the same wording; only its formatting differs)")
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


def _legend(writer: DocWriter) -> None:
    paragraph = writer.paragraph("Document note", "Differences from the baseline are marked: ")
    writer.run(paragraph, "inserted words", INSERTED_STYLE)
    writer.run(paragraph, " and ")
    writer.run(paragraph, "deleted words", DELETED_STYLE)
    writer.run(paragraph, ". Each proposal is the latest wording received from that Party.")


class _CompilationWriter:
    def __init__(self, comp: Compilation, words: MeetingTerms) -> None:
        self.comp, self.words = comp, words
        self.writer: DocWriter

    def proposal(self, baseline: str, proposal: Proposal, level: int) -> None:
        writer = self.writer
        writer.paragraph("Attribution", _attribution(proposal, self.words,
                                                     self.comp.meta.deadline))
        if proposal.lang == DEFAULT_ORIGINAL:
            add_diff(writer, baseline, proposal.value)
        else:  # another language: its own words, not a comparison with the original's
            add_markdown(writer, proposal.value, heading_level=level + 1)

    def node(self, node: NodeCompilation, page_break: bool) -> None:
        writer, comp = self.writer, self.comp
        level = min(node.depth + 1, 9)
        heading = writer.text(writer.paragraph(f"Heading {level}"), node.heading)
        heading.paragraph_format.page_break_before = page_break
        if node.created_by:
            writer.paragraph("Attribution",
                             f"Not in the baseline: added by {', '.join(node.created_by)}.")
        if node.deletion_by:
            writer.paragraph("Attribution",
                             f"Deletion proposed by {', '.join(node.deletion_by)}.")
        for fld in node.fields:
            writer.paragraph("Field label", fld.label)
            if node.in_baseline:
                writer.paragraph("Attribution", f"Baseline ({comp.baseline})")
                if fld.baseline.strip():
                    add_markdown(writer, fld.baseline, heading_level=level + 1)
                else:
                    writer.paragraph("Document note", "(no text in the baseline)")
            if not fld.proposals:
                writer.paragraph("Document note", "No proposals received.")
            for proposal in fld.proposals:
                self.proposal(fld.baseline, proposal, level)
        if node.comments:
            writer.paragraph("Field label", "Comments")
        for c in node.comments:
            where = ", ".join(x for x in (c.party, c.region) if x)
            paragraph = writer.paragraph("List Bullet")
            state = " (resolved)" if c.resolved else ""
            day = comp.comment_received.get(c.id, "")
            got = f", {self.words('received', date=day)}" if day else ""
            late = " \u2014 " + self.words("late", deadline=self.words.date(comp.meta.deadline)) \
                if comp.is_late(day or c.clock[:10]) else ""
            writer.run(paragraph, f"{c.author or c.party}" + (f" ({where})" if where else "")
                       + f", {c.clock[:10]}{got}{state}{late}: ").bold = True
            writer.text(paragraph, c.text)

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
                    self.proposal(fld.baseline, proposal, 2)

    def write(self, info: DocumentInfo, order: str) -> DocWriter:
        comp, words = self.comp, self.words
        self.writer = writer = new_document(info.title, info.symbol)
        add_page_frame(writer, info.symbol, words)
        add_first_page(writer, info, words, subtitle=f"{words('addendum')}: {comp.title}"
                       if info.symbol else comp.title)
        symbol = f", {comp.baseline_symbol}" if comp.baseline_symbol else ""
        writer.paragraph(text=(
            f"Baseline: {comp.baseline}{symbol} ({comp.baseline_date}). Received since then: "
            f"{comp.proposal_count} proposed wording(s) and {comp.comment_count} comment(s) from "
            f"{len(comp.parties)} Party(ies) or observer(s)"
            + (f": {', '.join(comp.parties)}." if comp.parties else ".")))
        _legend(writer)
        if order == "party":
            self.by_party()
        else:
            for i, node in enumerate(comp.nodes):
                self.node(node, page_break=node.depth == 0 and i > 0)
        if comp.removed:
            writer.paragraph("Heading 1", "Deleted since the baseline")
            for what, who in comp.removed:
                writer.text(writer.paragraph("List Bullet"),
                            f"{what}: deleted by {', '.join(who)}")
        return writer


def build_compilation_document(comp: Compilation, issued: Date, *, addendum: int = 1,
                               order: str = "target", lang: str = "en") -> DocWriter:
    """The compilation as addendum ``addendum`` to the baseline draft's document."""
    if addendum < 1:
        raise CommandError(f"an addendum is numbered from 1 (Add.1), not {addendum}")
    words = MeetingTerms(lang)
    # The meeting and the draft's own blocks, without the draft's call for comments.
    base = DocumentInfo(replace(comp.meta, deadline="", comments_to="", languages=()),
                        comp.baseline_symbol or comp.symbol, issued, comp.title, comp.baseline)
    info = base.addendum(addendum, words.terms("compilation_title"))
    return _CompilationWriter(comp, words).write(info, order)


def export_compilation_docx(session: Session, plan_id: str, path: Path | str, *,
                            since: str | None = None, issued: Date | None = None,
                            addendum: int = 1, order: str = "target",
                            lang: str = "en") -> Path:
    """Write the compilation since draft ``since`` (default: the first version) to ``path``,
    as addendum ``addendum`` to that draft, ordered by target or by Party, its furniture in
    ``lang`` (each proposal stays in the language it was made in)."""
    comp = gather_compilation(session, plan_id, since)
    return build_compilation_document(comp, issued or Date.today(), addendum=addendum,
                                      order=order, lang=lang).save(path)
