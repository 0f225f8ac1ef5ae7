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
from typing import TYPE_CHECKING

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
    ListNumbering,
    add_bookmark,
    add_text,
    add_toc,
    mark_header_row,
    new_document,
    save_docx,
)
from cmsdesk.export.markdown_to_docx import add_markdown

if TYPE_CHECKING:
    from docx.document import Document

def add_distribution_block(doc: Document, symbol: str, issued: Date) -> None:
    """Symbol, distribution, date and original language, at the top right of the first page."""
    if symbol:
        add_text(doc.add_paragraph(style="Document symbol"), symbol)
    doc.add_paragraph("Distr.: General", style="Distribution block")
    doc.add_paragraph(format_date(issued), style="Distribution block")
    doc.add_paragraph("Original: English", style="Distribution block")


def _heading_level(depth: int) -> int:
    return min(depth + 1, 9)


def _add_annex(doc: Document, annex: Annex, title: str, bookmark: str, number: int) -> None:
    from docx.shared import Cm

    heading = doc.add_paragraph(style="Heading 1")
    heading.paragraph_format.page_break_before = True
    add_text(heading, title)
    add_bookmark(heading, bookmark, number)
    doc.add_paragraph(RELEVANCE_NOTE, style="Document note")
    table = doc.add_table(rows=1, cols=2)
    table.style = doc.styles["Table Grid"]
    table.autofit = False
    widths = (Cm(6.5), Cm(9.5))
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    header = table.rows[0]
    mark_header_row(header)
    for cell, text, width in zip(header.cells, ("Target of this Plan", annex.title), widths,
                                 strict=True):
        cell.width = width
        cell.paragraphs[0].add_run(text).bold = True
    for row in annex.rows:
        cells = table.add_row().cells
        cells[0].width, cells[1].width = widths
        add_text(cells[0].paragraphs[0], row.heading)
        if not row.links:
            cells[1].paragraphs[0].add_run("\u2014 (no corresponding target)").italic = True
        for i, link in enumerate(row.links):
            paragraph = cells[1].paragraphs[0] if i == 0 else cells[1].add_paragraph()
            paragraph.add_run(f"{annex.short} {link.code}").bold = link.relevance == "primary"
            if link.title:
                paragraph.add_run(f": {link.title}")
            paragraph.add_run(f" ({link.relevance})").italic = True


def build_plan_document(content: PlanContent, issued: Date) -> Document:
    """The python-docx document for ``content`` (not yet saved)."""
    doc = new_document(content.title, content.symbol or "Draft strategic plan")
    numbering = ListNumbering(doc)
    bookmarks: list[str] = [f"_Toc{i + 1:04d}" for i in range(len(content.sections))]
    annex_titles = [annex_title(i, content.annexes) for i in range(len(content.annexes))]
    annex_marks = [f"_TocA{i + 1:03d}" for i in range(len(content.annexes))]

    add_distribution_block(doc, content.symbol, issued)
    doc.add_paragraph(CONVENTION, style="Convention name")
    add_text(doc.add_paragraph(style="Title"), content.title)
    if content.has_brackets or content.conflicts:
        add_text(doc.add_paragraph(style="Document note"), BRACKETS_NOTE)
    doc.add_paragraph("Contents", style="TOC Heading")
    add_toc(doc, [(_heading_level(s.depth), s.heading, mark)
                  for s, mark in zip(content.sections, bookmarks, strict=True)]
            + [(1, title, mark) for title, mark in zip(annex_titles, annex_marks, strict=True)])

    for number, (section, mark) in enumerate(zip(content.sections, bookmarks, strict=True)):
        level = _heading_level(section.depth)
        heading = doc.add_paragraph(style=f"Heading {level}")
        if section.depth == 0:
            heading.paragraph_format.page_break_before = True
        add_text(heading, section.heading)
        add_bookmark(heading, mark, number)
        add_markdown(doc, section.text, heading_level=level, numbering=numbering)
        for label, value in section.details:
            doc.add_paragraph(label, style="Field label")
            add_markdown(doc, value, heading_level=level + 1, numbering=numbering)
    for i, annex in enumerate(content.annexes):
        _add_annex(doc, annex, annex_titles[i], annex_marks[i], len(bookmarks) + i)
    return doc


def export_plan_docx(session: Session, plan_id: str, path: Path | str, *,
                     companion: bool = True,
                     frameworks: tuple[str, ...] | list[str] = DEFAULT_FRAMEWORKS,
                     issued: Date | None = None) -> Path:
    """Write the plan to ``path`` as a Word document, atomically (a WriteError says why not)."""
    content = plan_content(session, plan_id, companion=companion, frameworks=frameworks)
    doc = build_plan_document(content, issued or Date.today())
    return save_docx(doc, path)
