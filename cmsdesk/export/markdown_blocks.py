"""Markdown in a plan's texts, read into a small block model that any writer can render.

Fields are written in Markdown (bold, italic, lists, headings, tables). The ``markdown``
package turns a field into HTML, and a stdlib :class:`html.parser.HTMLParser` walks that HTML
into :class:`Block` objects (paragraphs, headings, list items, tables) made of :class:`Run`
objects (text with bold/italic/code). The Word writer renders blocks with Word's own styles;
the compilation flattens them to plain text to compare wordings.

Texts come from other Parties' bundles, so they are hostile input: nesting (lists and quotes)
is capped at :data:`MAX_NESTING` levels before the ``markdown`` package sees the text (it
recurses once per level), and a text that still exhausts the recursion limit is rendered as
plain paragraphs rather than raising.

Square brackets are negotiation marks here, never links: the link and reference syntaxes are
switched off, so "[Where feasible,]" or "[Option 1 (Spain): ...] [Option 2 (Brazil): ...]"
always come through verbatim, and a line such as "[Note]: text" is not swallowed as a link
definition.
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    import markdown

BlockKind = Literal["paragraph", "heading", "item", "continuation", "quote", "code", "table",
                    "rule"]

_SPACES = re.compile(r"\s+")
MAX_NESTING = 12  # list and quote levels kept; deeper lines are shown at this depth
_LEAD = re.compile(r"^[ \t>]*")
_LINK_SYNTAX = ("reference", "link", "image_link", "image_reference", "short_reference",
                "short_image_ref")


@dataclass
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False


@dataclass
class Block:
    kind: BlockKind
    runs: list[Run] = field(default_factory=list)
    level: int = 0  # heading level (1-6), or list depth (0 = top level)
    ordered: bool = False  # an item of a numbered list
    list_id: int = 0  # items of one list share it (numbering restarts for each list)
    start: int = 1  # the number of a numbered list's first item
    rows: list[list[list[Run]]] = field(default_factory=list)  # table cells
    header_rows: int = 0

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@functools.cache
def _converter() -> markdown.Markdown:
    import markdown

    md = markdown.Markdown(extensions=["tables", "sane_lists"], output_format="html")
    for name in _LINK_SYNTAX:
        if name in md.inlinePatterns:
            md.inlinePatterns.deregister(name)
    md.parser.blockprocessors.deregister("reference")
    return md


def limit_nesting(text: str, depth: int = MAX_NESTING) -> str:
    """``text`` with list indentation and quote markers capped at ``depth`` levels.

    A line's leading run of spaces, tabs and ``>`` is rewritten with at most ``depth`` quote
    markers and ``4 * depth`` columns of indentation, so no input can make the Markdown parser
    recurse deeper than a plan text ever needs. Lines within the limit are left as they are.
    """
    limit = 4 * depth

    def cap(match: re.Match[str]) -> str:
        lead = match.group(0)
        quotes = lead.count(">")
        columns = len(lead.replace(">", "").expandtabs(4))
        if quotes <= depth and columns <= limit:
            return lead
        if quotes:
            return "> " * min(quotes, depth) + " " * min(columns, limit)
        return " " * min(columns, limit)

    return "\n".join(_LEAD.sub(cap, line, count=1) for line in text.split("\n"))


def _paragraphs_html(text: str) -> str:
    """``text`` as escaped paragraphs: the rendering of last resort, which cannot fail."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)


def convert_safely(md: markdown.Markdown, text: str) -> str:
    """``md.convert(text)`` with nesting capped, or plain paragraphs if the parser still
    runs out of stack (hostile emphasis or bracket runs)."""
    md.reset()
    try:
        return md.convert(limit_nesting(text))
    except RecursionError:
        md.reset()
        return _paragraphs_html(text)


def markdown_to_html(text: str) -> str:
    """HTML for ``text``, brackets kept verbatim (also what a preview pane can show)."""
    return convert_safely(_converter(), text)


class _Walker(HTMLParser):
    """Builds blocks from the HTML the markdown package writes (and tolerates any other tag)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.current: Block | None = None
        self.lists: list[tuple[bool, int, int]] = []  # (ordered, list id, start) of open lists
        self.items: list[bool] = []  # per open <li>: has its first block been started?
        self.list_count = 0
        self.bold = self.italic = self.code = 0
        self.heading = 0
        self.quote = 0
        self.pre = False
        self.table: list[list[list[Run]]] | None = None
        self.header_rows = 0
        self.in_head = False
        self.cell: list[Run] | None = None

    # -- blocks ---------------------------------------------------------------------------

    def close_block(self) -> None:
        block, self.current = self.current, None
        if block is None:
            return
        block.runs = _trim(block.runs, keep_spaces=block.kind == "code")
        if block.runs:
            self.blocks.append(block)

    def open_block(self) -> Block:
        if self.current is not None:
            return self.current
        if self.pre:
            block = Block("code")
        elif self.heading:
            block = Block("heading", level=self.heading)
        elif self.items:
            ordered, list_id, start = self.lists[-1] if self.lists else (False, 0, 1)
            kind: BlockKind = "continuation" if self.items[-1] else "item"
            self.items[-1] = True
            block = Block(kind, level=len(self.lists) - 1, ordered=ordered, list_id=list_id,
                          start=start)
        elif self.quote:
            block = Block("quote")
        else:
            block = Block("paragraph")
        self.current = block
        return block

    # -- parser callbacks -----------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("p", "div", "li", "ul", "ol", "pre", "blockquote", "table", "hr") or (
                len(tag) == 2 and tag[0] == "h" and tag[1].isdigit()):
            self.close_block()
        if tag in ("ul", "ol"):
            self.list_count += 1
            start = dict(attrs).get("start") or "1"
            self.lists.append((tag == "ol", self.list_count, int(start) if start.isdigit() else 1))
        elif tag == "li":
            self.items.append(False)
        elif tag in ("strong", "b"):
            self.bold += 1
        elif tag in ("em", "i"):
            self.italic += 1
        elif tag == "code":
            self.code += 1
        elif tag == "pre":
            self.pre = True
        elif tag == "blockquote":
            self.quote += 1
        elif len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            self.heading = int(tag[1])
        elif tag == "table":
            self.table, self.header_rows = [], 0
        elif tag == "thead":
            self.in_head = True
        elif tag == "tr" and self.table is not None:
            self.table.append([])
            self.header_rows += self.in_head
        elif tag in ("td", "th"):
            self.cell = []
        elif tag == "br":
            self.add_text("\n", raw=True)
        elif tag == "hr":
            self.blocks.append(Block("rule"))
        elif tag == "img":
            alt = dict(attrs).get("alt") or ""
            if alt:
                self.add_text(alt)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("p", "div", "li", "pre", "blockquote") or (
                len(tag) == 2 and tag[0] == "h" and tag[1].isdigit()):
            self.close_block()
        if tag in ("ul", "ol") and self.lists:
            self.close_block()
            self.lists.pop()
        elif tag == "li" and self.items:
            self.items.pop()
        elif tag in ("strong", "b"):
            self.bold = max(self.bold - 1, 0)
        elif tag in ("em", "i"):
            self.italic = max(self.italic - 1, 0)
        elif tag == "code":
            self.code = max(self.code - 1, 0)
        elif tag == "pre":
            self.pre = False
        elif tag == "blockquote":
            self.quote = max(self.quote - 1, 0)
        elif len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            self.heading = 0
        elif tag == "thead":
            self.in_head = False
        elif tag in ("td", "th") and self.cell is not None and self.table:
            self.table[-1].append(_trim(self.cell, keep_spaces=False))
            self.cell = None
        elif tag == "table" and self.table is not None:
            self.blocks.append(Block("table", rows=self.table, header_rows=self.header_rows))
            self.table = None

    def handle_data(self, data: str) -> None:
        self.add_text(data)

    def add_text(self, data: str, raw: bool = False) -> None:
        if not (raw or self.pre):
            data = _SPACES.sub(" ", data)
        if self.table is not None:
            if self.cell is not None:
                _append(self.cell, Run(data, bool(self.bold), bool(self.italic), bool(self.code)))
            return
        if self.current is None and not data.strip():
            return  # the whitespace between block tags
        block = self.open_block()
        _append(block.runs, Run(data, bool(self.bold), bool(self.italic),
                                bool(self.code) or self.pre))


def _append(runs: list[Run], run: Run) -> None:
    """Add a run, merging it into the last one when it looks the same."""
    if runs and runs[-1].text.endswith((" ", "\n")) and run.text.startswith(" "):
        run = Run(run.text.lstrip(" "), run.bold, run.italic, run.code)
    if not run.text:
        return
    last = runs[-1] if runs else None
    if last and (last.bold, last.italic, last.code) == (run.bold, run.italic, run.code):
        last.text += run.text
    else:
        runs.append(run)


def _trim(runs: list[Run], keep_spaces: bool) -> list[Run]:
    """Drop the spaces at both ends of a block (a code block only loses its final newline)."""
    runs = [Run(r.text, r.bold, r.italic, r.code) for r in runs if r.text]
    if keep_spaces:
        if runs:
            runs[-1].text = runs[-1].text.rstrip("\n")
    else:
        while runs and not runs[0].text.strip(" \n"):
            runs.pop(0)
        while runs and not runs[-1].text.strip(" \n"):
            runs.pop()
        if runs:
            runs[0].text = runs[0].text.lstrip(" \n")
            runs[-1].text = runs[-1].text.rstrip(" \n")
    return [r for r in runs if r.text]


def parse_markdown(text: str) -> list[Block]:
    """The blocks of a Markdown text, in order."""
    if not text.strip():
        return []
    walker = _Walker()
    walker.feed(markdown_to_html(text))
    walker.close()
    walker.close_block()
    return walker.blocks


def plain_text(blocks: list[Block]) -> str:
    """The blocks as plain text, one line per block: list items keep a bullet or their number,
    table rows their cells separated by " | ". Used to compare two wordings word by word."""
    lines: list[str] = []
    counters: dict[int, int] = {}
    for block in blocks:
        indent = "  " * block.level if block.kind in ("item", "continuation") else ""
        if block.kind == "item":
            if block.ordered:
                counters[block.list_id] = counters.get(block.list_id, block.start - 1) + 1
                lines.append(f"{indent}{counters[block.list_id]}. {block.text}")
            else:
                lines.append(f"{indent}\u2022 {block.text}")
        elif block.kind == "table":
            lines.extend(" | ".join("".join(r.text for r in cell) for cell in row)
                         for row in block.rows)
        elif block.kind == "rule":
            lines.append("* * *")
        else:
            lines.append(f"{indent}{block.text}")
    return "\n".join(lines)
