"""Markdown as real Word formatting: bold and italic runs, bulleted and numbered lists in
Word's list styles, headings, tables in "Table Grid", quotes and code.

A user who restyles "List Bullet" or "Heading 4" in Word restyles every list or heading that
came from the plan's texts, because nothing here is direct paragraph formatting.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cmsdesk.export.docx_common import ListNumbering, add_runs, mark_header_row
from cmsdesk.export.markdown_blocks import Block, Run, parse_markdown

if TYPE_CHECKING:
    from docx.document import Document


def _list_style(kind: str, level: int) -> str:
    suffix = "" if level == 0 else f" {min(level + 1, 3)}"
    return f"{kind}{suffix}"


def _add_table(doc: Document, block: Block) -> None:
    width = max(len(row) for row in block.rows)
    table = doc.add_table(rows=len(block.rows), cols=width)
    table.style = doc.styles["Table Grid"]
    for r, (row, cells) in enumerate(zip(table.rows, block.rows, strict=True)):
        if r < block.header_rows:
            mark_header_row(row)
        for cell, runs in zip(row.cells, cells, strict=False):
            if r < block.header_rows:
                runs = [Run(x.text, True, x.italic, x.code) for x in runs]
            add_runs(cell.paragraphs[0], runs)


def add_markdown(doc: Document, text: str, *, heading_level: int,
                 numbering: ListNumbering) -> None:
    """Append ``text`` (Markdown) to ``doc``. Its headings go below ``heading_level``: under a
    Heading 2, a Markdown "# Title" becomes Heading 3."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    lists: dict[int, int] = {}  # list id in this text -> Word numbering instance
    for block in parse_markdown(text):
        if block.kind == "table":
            _add_table(doc, block)
            continue
        if block.kind == "rule":
            doc.add_paragraph("* * *").alignment = WD_ALIGN_PARAGRAPH.CENTER
            continue
        if block.kind == "heading":
            style = f"Heading {min(heading_level + block.level, 9)}"
        elif block.kind == "item":
            style = _list_style("List Number" if block.ordered else "List Bullet", block.level)
        elif block.kind == "continuation":
            style = _list_style("List Continue", block.level)
        elif block.kind == "quote":
            style = "Quote"
        elif block.kind == "code":
            style = "No Spacing"
        else:
            style = "Normal"
        paragraph = doc.add_paragraph(style=style)
        if block.kind == "item" and block.ordered:
            if block.list_id not in lists:
                lists[block.list_id] = numbering.new_list(style, block.start)
            numbering.apply(paragraph, lists[block.list_id])
        add_runs(paragraph, block.runs)
