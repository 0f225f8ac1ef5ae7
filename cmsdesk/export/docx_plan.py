"""The draft plan as a Word document, laid out as a convention secretariat issues one.

First page: the document symbol with the distribution block (Distr.: General, date, Original:
English) at the top right, the Convention's name, the title, a note on bracketed text when
there is any, and a table of contents. Then the chapters in outline order with their derived
numbers ("Goal 1: ...", "Target 7: ..."), each target's explanatory note, indicators,
milestones and actors, optionally the Companion Volume, and one annex per reference framework
that maps every target of the Plan to that framework's targets.
"""

from __future__ import annotations

from datetime import date as Date
from pathlib import Path

from sqlalchemy.orm import Session

from cmsdesk.export.content import (
    BRACKETS_NOTE,
    CONVENTION,
    DEFAULT_FRAMEWORKS,
    RELEVANCE_NOTE,
    Annex,
    PlanContent,
    annex_title,
    format_date,
    plan_content,
)
from cmsdesk.export.docx_common import (
    DocWriter,
    add_bookmark,
    add_toc,
    mark_header_row,
    new_document,
)
from cmsdesk.export.markdown_to_docx import add_markdown


def add_distribution_block(writer: DocWriter, symbol: str, issued: Date) -> None:
    """Symbol, distribution, date and original language, at the top right of the first page."""
    if symbol:
        writer.text(writer.paragraph("Document symbol"), symbol)
    for line in ("Distr.: General", format_date(issued), "Original: English"):
        writer.paragraph("Distribution block", line)


def _heading_level(depth: int) -> int:
    return min(depth + 1, 9)


def _add_annex(writer: DocWriter, annex: Annex, title: str, bookmark: str, number: int) -> None:
    from docx.shared import Cm

    heading = writer.text(writer.paragraph("Heading 1"), title)
    heading.paragraph_format.page_break_before = True
    add_bookmark(heading, bookmark, number)
    writer.paragraph("Document note", RELEVANCE_NOTE)
    table = writer.doc.add_table(rows=1, cols=2)
    table.style = writer.doc.styles["Table Grid"]
    table.autofit = False
    widths = (Cm(6.5), Cm(9.5))
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    header = table.rows[0]
    mark_header_row(header)
    for cell, text, width in zip(header.cells, ("Target of this Plan", annex.title), widths,
                                 strict=True):
        cell.width = width
        writer.run(cell.paragraphs[0], text).bold = True
    for row in annex.rows:
        cells = table.add_row().cells
        cells[0].width, cells[1].width = widths
        writer.text(cells[0].paragraphs[0], row.heading)
        if not row.links:
            writer.run(cells[1].paragraphs[0], "\u2014 (no corresponding target)").italic = True
        for i, link in enumerate(row.links):
            paragraph = (cells[1].paragraphs[0] if i == 0
                         else writer.paragraph(container=cells[1]))
            writer.run(paragraph, f"{annex.short} {link.code}").bold = link.relevance == "primary"
            if link.title:
                writer.run(paragraph, f": {link.title}")
            writer.run(paragraph, f" ({link.relevance})").italic = True


def build_plan_document(content: PlanContent, issued: Date) -> DocWriter:
    """The document for ``content``, ready to save."""
    writer = new_document(content.title, content.symbol or "Draft strategic plan")
    bookmarks: list[str] = [f"_Toc{i + 1:04d}" for i in range(len(content.sections))]
    annex_titles = [annex_title(i, content.annexes) for i in range(len(content.annexes))]
    annex_marks = [f"_TocA{i + 1:03d}" for i in range(len(content.annexes))]

    add_distribution_block(writer, content.symbol, issued)
    writer.paragraph("Convention name", CONVENTION)
    writer.text(writer.paragraph("Title"), content.title)
    if content.has_brackets or content.conflicts:
        writer.text(writer.paragraph("Document note"), BRACKETS_NOTE)
    writer.paragraph("TOC Heading", "Contents")
    add_toc(writer, [(_heading_level(s.depth), s.heading, mark)
                     for s, mark in zip(content.sections, bookmarks, strict=True)]
            + [(1, title, mark) for title, mark in zip(annex_titles, annex_marks, strict=True)])

    for number, (section, mark) in enumerate(zip(content.sections, bookmarks, strict=True)):
        level = _heading_level(section.depth)
        heading = writer.text(writer.paragraph(f"Heading {level}"), section.heading)
        if section.depth == 0:
            heading.paragraph_format.page_break_before = True
        add_bookmark(heading, mark, number)
        add_markdown(writer, section.text, heading_level=level)
        for label, value in section.details:
            writer.paragraph("Field label", label)
            add_markdown(writer, value, heading_level=level + 1)
    for i, annex in enumerate(content.annexes):
        _add_annex(writer, annex, annex_titles[i], annex_marks[i], len(bookmarks) + i)
    return writer


def export_plan_docx(session: Session, plan_id: str, path: Path | str, *,
                     companion: bool = True,
                     frameworks: tuple[str, ...] | list[str] = DEFAULT_FRAMEWORKS,
                     issued: Date | None = None) -> Path:
    """Write the plan to ``path`` as a Word document, atomically (a WriteError says why not)."""
    content = plan_content(session, plan_id, companion=companion, frameworks=frameworks)
    return build_plan_document(content, issued or Date.today()).save(path)
