"""Markdown as real Word formatting: bold and italic runs, bulleted and numbered lists in
Word's list styles, headings, tables in "Table Grid", quotes and code.

A user who restyles "List Bullet" or "Heading 4" in Word restyles every list or heading that
came from the plan's texts, because nothing here is direct paragraph formatting.
"""

from __future__ import annotations

from cmsdesk.export.docx_common import DocWriter, mark_header_row
from cmsdesk.export.markdown_blocks import Block, BlockKind, Run, parse_markdown

NUMBERED_STYLE = "List Number"  # a numbered paragraph of a document's body
# Paragraph style of each kind of block; list styles get their level ("List Bullet 2").
BLOCK_STYLES: dict[BlockKind, str] = {"paragraph": "Normal", "quote": "Quote",
                                      "code": "No Spacing", "continuation": "List Continue"}


def _list_style(kind: str, level: int) -> str:
    suffix = "" if level == 0 else f" {min(level + 1, 3)}"
    return f"{kind}{suffix}"


def _add_table(writer: DocWriter, block: Block) -> None:
    width = max(len(row) for row in block.rows)
    table = writer.doc.add_table(rows=len(block.rows), cols=width)
    table.style = writer.doc.styles["Table Grid"]
    for r, (row, cells) in enumerate(zip(table.rows, block.rows, strict=True)):
        if r < block.header_rows:
            mark_header_row(row)
        for cell, runs in zip(row.cells, cells, strict=False):
            if r < block.header_rows:
                runs = [Run(x.text, True, x.italic, x.code) for x in runs]
            writer.runs(cell.paragraphs[0], runs)


def add_markdown(writer: DocWriter, text: str, *, heading_level: int,
                 lead: list[Run] | None = None, numbered: int | None = None) -> None:
    """Append ``text`` (Markdown) to the document. Its headings go below ``heading_level``:
    under a Heading 2, a Markdown "# Title" becomes Heading 3.

    ``lead`` (a bold "Target 7:", say) opens the text's first paragraph, or stands alone in
    a paragraph of its own when the text does not start with one. ``numbered`` (a numbering
    instance of "List Number") numbers the text's plain paragraphs, continuing that count, as
    United Nations documents number the paragraphs of their body.
    """
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    lists: dict[int, int] = {}  # list id in this text -> Word numbering instance
    blocks = parse_markdown(text)
    if lead:
        if blocks and blocks[0].kind == "paragraph":
            blocks[0] = Block("paragraph", [*lead, *blocks[0].runs])
        else:
            writer.runs(writer.paragraph(), [r for r in lead if r.text.strip()])
    for block in blocks:
        if block.kind == "table":
            _add_table(writer, block)
            continue
        if block.kind == "rule":
            writer.paragraph(text="* * *").alignment = WD_ALIGN_PARAGRAPH.CENTER
            continue
        if block.kind == "heading":
            style = f"Heading {min(heading_level + block.level, 9)}"
        elif block.kind == "item":
            style = _list_style("List Number" if block.ordered else "List Bullet", block.level)
        elif block.kind == "continuation":
            style = _list_style("List Continue", block.level)
        elif block.kind == "paragraph" and numbered is not None:
            style = NUMBERED_STYLE
        else:
            style = BLOCK_STYLES[block.kind]
        paragraph = writer.paragraph(style)
        if style == NUMBERED_STYLE and numbered is not None:
            writer.number(paragraph, numbered)
        if block.kind == "item" and block.ordered:
            if block.list_id not in lists:
                lists[block.list_id] = writer.new_list(style, block.start)
            writer.number(paragraph, lists[block.list_id])
        writer.runs(paragraph, block.runs)
