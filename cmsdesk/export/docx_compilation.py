"""The compilation of comments and proposals as a Word document.

For each target (and any other node that received something): the baseline text, then each
Party's proposed wording with the differences marked against the baseline word by word
(insertions underlined, deletions struck through, in the character styles "Inserted text" and
"Deleted text"), then the comments received, every item attributed (Party, region, person).
"""

from __future__ import annotations

from datetime import date as Date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from cmsdesk.export.compilation import Compilation, Proposal, gather_compilation
from cmsdesk.export.content import CONVENTION
from cmsdesk.export.docx_common import (
    DELETED_STYLE,
    INSERTED_STYLE,
    ListNumbering,
    add_text,
    new_document,
    save_docx,
)
from cmsdesk.export.docx_plan import add_distribution_block
from cmsdesk.export.markdown_blocks import parse_markdown, plain_text
from cmsdesk.export.markdown_to_docx import add_markdown
from cmsdesk.export.wording import word_diff

if TYPE_CHECKING:
    from docx.document import Document

DIFF_STYLES = {"equal": None, "insert": INSERTED_STYLE, "delete": DELETED_STYLE}


def _attribution(proposal: Proposal) -> str:
    where = f" ({proposal.region})" if proposal.region else ""
    by = f", by {proposal.author}" if proposal.author and proposal.author != proposal.party else ""
    return f"Proposed by {proposal.party}{where}{by}, {proposal.clock[:10]}"


def add_diff(doc: Document, old: str, new: str) -> None:
    """``new`` with its differences from ``old`` marked, one paragraph per line of text."""
    before = plain_text(parse_markdown(old))
    after = plain_text(parse_markdown(new))
    if before == after:
        doc.add_paragraph("(the same wording; only its formatting differs)",
                          style="Document note")
        return
    paragraph = doc.add_paragraph(style="Proposal")
    last = ""
    for op, piece in word_diff(before, after):
        if op == "delete":
            piece = piece.replace("\n", " ")  # a removed line break joins lines: no new line
        for i, line in enumerate(piece.split("\n")):
            if i:
                paragraph, last = doc.add_paragraph(style="Proposal"), ""
            if not line:
                continue
            if last and not last[-1].isspace() and not line[0].isspace():
                paragraph.add_run(" ")  # keep a struck word apart from the one replacing it
            paragraph.add_run(line, DIFF_STYLES[op])
            last = line


def _legend(doc: Document) -> None:
    paragraph = doc.add_paragraph(style="Document note")
    paragraph.add_run("Differences from the baseline are marked: ")
    paragraph.add_run("inserted words", INSERTED_STYLE)
    paragraph.add_run(" and ")
    paragraph.add_run("deleted words", DELETED_STYLE)
    paragraph.add_run(". Each proposal is the latest wording received from that Party.")


def build_compilation_document(comp: Compilation, issued: Date) -> Document:
    title = "Compilation of comments and proposals received"
    doc = new_document(f"{title}: {comp.title}", comp.symbol)
    numbering = ListNumbering(doc)
    add_distribution_block(doc, "", issued)
    doc.add_paragraph(CONVENTION, style="Convention name")
    add_text(doc.add_paragraph(style="Title"), title)
    add_text(doc.add_paragraph(style="Subtitle"), comp.title)
    symbol = f", {comp.baseline_symbol}" if comp.baseline_symbol else ""
    doc.add_paragraph(
        f"Baseline: {comp.baseline}{symbol} ({comp.baseline_date}). Received since then: "
        f"{comp.proposal_count} proposed wording(s) and {comp.comment_count} comment(s) from "
        f"{len(comp.parties)} Party(ies) or author(s)"
        + (f": {', '.join(comp.parties)}." if comp.parties else "."))
    _legend(doc)

    first = True
    for node in comp.nodes:
        level = min(node.depth + 1, 9)
        heading = doc.add_paragraph(style=f"Heading {level}")
        if node.depth == 0 and not first:
            heading.paragraph_format.page_break_before = True
        first = False
        add_text(heading, node.heading)
        if node.created_by:
            doc.add_paragraph(f"Not in the baseline: added by {', '.join(node.created_by)}.",
                              style="Attribution")
        if node.deletion_by:
            doc.add_paragraph(f"Deletion proposed by {', '.join(node.deletion_by)}.",
                              style="Attribution")
        for fld in node.fields:
            doc.add_paragraph(fld.label, style="Field label")
            doc.add_paragraph(f"Baseline ({comp.baseline})", style="Attribution")
            if fld.baseline.strip():
                add_markdown(doc, fld.baseline, heading_level=level + 1, numbering=numbering)
            else:
                doc.add_paragraph("(no text in the baseline)", style="Document note")
            if node.kind == "target" and not fld.proposals:
                doc.add_paragraph("No proposals received.", style="Document note")
            for proposal in fld.proposals:
                doc.add_paragraph(_attribution(proposal), style="Attribution")
                add_diff(doc, fld.baseline, proposal.value)
        if node.comments:
            doc.add_paragraph("Comments", style="Field label")
        for c in node.comments:
            who = ", ".join(x for x in (c.party, c.region) if x)
            paragraph = doc.add_paragraph(style="List Bullet")
            state = " (resolved)" if c.resolved else ""
            paragraph.add_run(f"{c.author or c.party}" + (f" ({who})" if who else "")
                              + f", {c.clock[:10]}{state}: ").bold = True
            add_text(paragraph, c.text)
    if comp.removed:
        doc.add_paragraph("Deleted since the baseline", style="Heading 1")
        for what, who in comp.removed:
            add_text(doc.add_paragraph(style="List Bullet"),
                     f"{what}: deleted by {', '.join(who)}")
    return doc


def export_compilation_docx(session: Session, plan_id: str, path: Path | str, *,
                            since: str | None = None, issued: Date | None = None) -> Path:
    """Write the compilation since draft ``since`` (default: the first version) to ``path``."""
    comp = gather_compilation(session, plan_id, since)
    return save_docx(build_compilation_document(comp, issued or Date.today()), path)
