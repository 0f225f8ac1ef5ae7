"""The compilation of comments and proposals as a Word document.

For each target (and any other node that received something): the baseline text, then each
Party's proposed wording with the differences marked against the baseline word by word
(insertions underlined, deletions struck through, in the character styles "Inserted text" and
"Deleted text"), then the comments received, every item attributed (Party, region, person).
"""

from __future__ import annotations

from datetime import date as Date
from pathlib import Path

from sqlalchemy.orm import Session

from cmsdesk.export.compilation import (
    Compilation,
    NodeCompilation,
    Proposal,
    gather_compilation,
)
from cmsdesk.export.content import CONVENTION
from cmsdesk.export.docx_common import (
    DELETED_STYLE,
    INSERTED_STYLE,
    DocWriter,
    new_document,
)
from cmsdesk.export.docx_plan import add_distribution_block
from cmsdesk.export.markdown_blocks import parse_markdown, plain_text
from cmsdesk.export.markdown_to_docx import add_markdown
from cmsdesk.export.wording import word_diff

DIFF_STYLES = {"equal": None, "insert": INSERTED_STYLE, "delete": DELETED_STYLE}


def _attribution(proposal: Proposal) -> str:
    where = f" ({proposal.region})" if proposal.region else ""
    by = f", by {proposal.author}" if proposal.author and proposal.author != proposal.party else ""
    return f"Proposed by {proposal.party}{where}{by}, {proposal.clock[:10]}"


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


def _add_node(writer: DocWriter, comp: Compilation, node: NodeCompilation,
              page_break: bool) -> None:
    level = min(node.depth + 1, 9)
    heading = writer.text(writer.paragraph(f"Heading {level}"), node.heading)
    heading.paragraph_format.page_break_before = page_break
    if node.created_by:
        writer.paragraph("Attribution",
                         f"Not in the baseline: added by {', '.join(node.created_by)}.")
    if node.deletion_by:
        writer.paragraph("Attribution", f"Deletion proposed by {', '.join(node.deletion_by)}.")
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
            writer.paragraph("Attribution", _attribution(proposal))
            add_diff(writer, fld.baseline, proposal.value)
    if node.comments:
        writer.paragraph("Field label", "Comments")
    for c in node.comments:
        where = ", ".join(x for x in (c.party, c.region) if x)
        paragraph = writer.paragraph("List Bullet")
        state = " (resolved)" if c.resolved else ""
        writer.run(paragraph, f"{c.author or c.party}" + (f" ({where})" if where else "")
                   + f", {c.clock[:10]}{state}: ").bold = True
        writer.text(paragraph, c.text)


def build_compilation_document(comp: Compilation, issued: Date) -> DocWriter:
    title = "Compilation of comments and proposals received"
    writer = new_document(f"{title}: {comp.title}", comp.symbol)
    add_distribution_block(writer, "", issued)
    writer.paragraph("Convention name", CONVENTION)
    writer.text(writer.paragraph("Title"), title)
    writer.text(writer.paragraph("Subtitle"), comp.title)
    symbol = f", {comp.baseline_symbol}" if comp.baseline_symbol else ""
    writer.paragraph(text=(
        f"Baseline: {comp.baseline}{symbol} ({comp.baseline_date}). Received since then: "
        f"{comp.proposal_count} proposed wording(s) and {comp.comment_count} comment(s) from "
        f"{len(comp.parties)} Party(ies) or author(s)"
        + (f": {', '.join(comp.parties)}." if comp.parties else ".")))
    _legend(writer)
    for i, node in enumerate(comp.nodes):
        _add_node(writer, comp, node, page_break=node.depth == 0 and i > 0)
    if comp.removed:
        writer.paragraph("Heading 1", "Deleted since the baseline")
        for what, who in comp.removed:
            writer.text(writer.paragraph("List Bullet"), f"{what}: deleted by {', '.join(who)}")
    return writer


def export_compilation_docx(session: Session, plan_id: str, path: Path | str, *,
                            since: str | None = None, issued: Date | None = None) -> Path:
    """Write the compilation since draft ``since`` (default: the first version) to ``path``."""
    comp = gather_compilation(session, plan_id, since)
    return build_compilation_document(comp, issued or Date.today()).save(path)
