"""The body of a Word document as cmsdesk reads it back: paragraphs in order, as Markdown.

Each paragraph is read as if every tracked change were accepted (insertions kept, deletions
dropped, a deleted paragraph mark joining the paragraph to the next), because a tracked change
is a proposal and the text with it accepted is what was proposed. Who made the tracked changes
and the bookmarks and comments anchored in the paragraph are kept beside the text. Direct bold,
italic and code-font runs become Markdown, and the list, heading and quote styles cmsdesk's
exporter uses become Markdown blocks again, so that a text read back from a document cmsdesk
wrote compares equal to the Markdown it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from docx.document import Document

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_OFF = ("0", "false", "off", "none")
CODE_FONTS = ("courier new", "courier", "consolas")


@dataclass
class TrackedEdit:
    """One tracked insertion or deletion: who, when, what."""

    kind: str  # "insertion" | "deletion"
    author: str
    date: str
    text: str


@dataclass
class Para:
    """One paragraph of the body (or of a table cell) with tracked changes accepted."""

    number: int  # 1-based, in reading order, for messages ("paragraph 42")
    style: str  # the style's name, e.g. "Heading 2", "List Bullet", "Normal"
    text: str  # plain text
    markdown: str  # the same with bold, italic and code as Markdown (no block prefix)
    bookmarks: list[str] = field(default_factory=list)  # names of bookmarks starting here
    comments: list[str] = field(default_factory=list)  # ids of comments anchored here
    edits: list[TrackedEdit] = field(default_factory=list)
    table: int | None = None  # index of the table it is in, if any
    cell: tuple[int, int] | None = None  # (row, column) within that table
    emptied: bool = False  # every character and the paragraph mark deleted as a tracked change


@dataclass
class WordComment:
    id: str
    author: str
    date: str
    text: str


def _on(el: Any) -> bool:
    return el is not None and el.get(f"{W}val", "true").lower() not in _OFF


def _run_format(run: Any) -> tuple[bool, bool, bool]:
    rpr = run.find(f"{W}rPr")
    if rpr is None:
        return False, False, False
    fonts = rpr.find(f"{W}rFonts")
    code = fonts is not None and (fonts.get(f"{W}ascii") or "").lower() in CODE_FONTS
    return _on(rpr.find(f"{W}b")), _on(rpr.find(f"{W}i")), code


def _wrap(text: str, bold: bool, italic: bool, code: bool) -> str:
    if not text.strip():
        return text
    core = text.strip()
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    if code:
        core = f"`{core}`"
    if italic:
        core = f"*{core}*"
    if bold:
        core = f"**{core}**"
    return f"{lead}{core}{trail}"


def _run_text(run: Any) -> str:
    out = []
    for child in run:
        tag = child.tag
        if tag == f"{W}t":
            out.append(child.text or "")
        elif tag == f"{W}tab":
            out.append("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            out.append("\n")
        elif tag == f"{W}noBreakHyphen":
            out.append("\u2011")
    return "".join(out)


def _deleted_text(el: Any) -> str:
    return "".join(t.text or "" for t in el.iter(f"{W}delText"))


class _ParagraphReader:
    """Walks one ``w:p`` in document order."""

    def __init__(self) -> None:
        self.segments: list[tuple[str, bool, bool, bool]] = []
        self.bookmarks: list[str] = []
        self.comments: list[str] = []
        self.edits: list[TrackedEdit] = []

    def walk(self, el: Any, dropped: bool = False) -> None:
        for child in el:
            tag = child.tag
            if tag == f"{W}r":
                if not dropped:
                    text = _run_text(child)
                    if text:
                        self.segments.append((text, *_run_format(child)))
                for ref in child.iter(f"{W}commentReference"):
                    self._comment(ref)
            elif tag in (f"{W}ins", f"{W}moveTo"):
                self.edits.append(TrackedEdit("insertion", child.get(f"{W}author", ""),
                                              child.get(f"{W}date", ""),
                                              "".join(_run_text(r) for r in child.iter(f"{W}r"))))
                self.walk(child, dropped)
            elif tag in (f"{W}del", f"{W}moveFrom"):
                self.edits.append(TrackedEdit("deletion", child.get(f"{W}author", ""),
                                              child.get(f"{W}date", ""), _deleted_text(child)))
                self.walk(child, True)
            elif tag == f"{W}bookmarkStart":
                self.bookmarks.append(child.get(f"{W}name", ""))
            elif tag == f"{W}commentRangeStart":
                self._comment(child)
            elif tag in (f"{W}hyperlink", f"{W}smartTag", f"{W}sdt", f"{W}sdtContent",
                         f"{W}fldSimple", f"{W}customXml"):
                self.walk(child, dropped)

    def _comment(self, el: Any) -> None:
        cid = el.get(f"{W}id", "")
        if cid and cid not in self.comments:
            self.comments.append(cid)

    def markdown(self) -> str:
        merged: list[list[Any]] = []
        for text, *fmt in self.segments:
            if merged and merged[-1][1:] == fmt:
                merged[-1][0] += text
            else:
                merged.append([text, *fmt])
        return "".join(_wrap(t, b, i, c) for t, b, i, c in merged)

    def text(self) -> str:
        return "".join(s[0] for s in self.segments)


def _mark_change(p: Any, kind: str) -> bool:
    ppr = p.find(f"{W}pPr")
    rpr = ppr.find(f"{W}rPr") if ppr is not None else None
    return rpr is not None and rpr.find(f"{W}{kind}") is not None


def style_names(doc: Document) -> dict[str, str]:
    """Style id -> style name, for the paragraph styles of ``doc``."""
    return {s.style_id: s.name for s in doc.styles if s.style_id and s.name}


def read_paragraphs(doc: Document) -> list[Para]:
    """Every paragraph of the body in reading order, table cells included, changes accepted.

    A paragraph whose mark was deleted as a tracked change is joined to the next one, as
    accepting the change would; one emptied entirely is kept, marked ``emptied``, so that the
    fields it belonged to still see it go.
    """
    names = style_names(doc)
    out: list[Para] = []
    pending: Para | None = None
    tables = 0

    def take(p: Any, table: int | None, cell: tuple[int, int] | None) -> None:
        nonlocal pending
        reader = _ParagraphReader()
        reader.walk(p)
        ppr = p.find(f"{W}pPr")
        sid = ppr.find(f"{W}pStyle") if ppr is not None else None
        style = names.get(sid.get(f"{W}val"), sid.get(f"{W}val")) if sid is not None else "Normal"
        para = Para(len(out) + 1, style or "Normal", reader.text(), reader.markdown(),
                    reader.bookmarks, reader.comments, reader.edits, table, cell)
        if pending is not None:
            para = Para(pending.number, pending.style, pending.text + para.text,
                        pending.markdown + para.markdown, pending.bookmarks + para.bookmarks,
                        pending.comments + para.comments, pending.edits + para.edits, table, cell)
            out.pop()
            pending = None
        out.append(para)
        if _mark_change(p, "del"):
            if not para.text:
                para.emptied = True
            else:
                pending = para

    for block in doc.element.body:
        if block.tag == f"{W}p":
            take(block, None, None)
        elif block.tag == f"{W}tbl":
            for r, row in enumerate(block.iter(f"{W}tr")):
                for c, tc in enumerate(row.iter(f"{W}tc")):
                    for p in tc.iter(f"{W}p"):
                        take(p, tables, (r, c))
            tables += 1
        elif block.tag == f"{W}sdt":
            for p in block.iter(f"{W}p"):
                take(p, None, None)
    return out


def read_comments(doc: Document) -> dict[str, WordComment]:
    """The document's comments by id (none if it has no comments part)."""
    out: dict[str, WordComment] = {}
    for rel in doc.part.rels.values():
        if not rel.reltype.endswith("/comments") or rel.is_external:
            continue
        from lxml import etree

        root = etree.fromstring(rel.target_part.blob)
        for c in root.iter(f"{W}comment"):
            paragraphs = ["".join(_run_text(r) for r in p.iter(f"{W}r")) for p in c.iter(f"{W}p")]
            out[c.get(f"{W}id", "")] = WordComment(
                c.get(f"{W}id", ""), c.get(f"{W}author", ""), c.get(f"{W}date", ""),
                "\n\n".join(t for t in paragraphs if t.strip()).strip())
    return out


_HEADING = re.compile(r"heading (\d)", re.IGNORECASE)
_LIST = re.compile(r"list (bullet|number|continue)(?: (\d))?$", re.IGNORECASE)


def heading_level(style: str) -> int | None:
    m = _HEADING.fullmatch(style.strip())
    return int(m.group(1)) if m else None


def block_markdown(paras: list[Para], heading_base: int = 0) -> str:
    """Paragraphs of one text as Markdown: list styles as list items (consecutive items in one
    list), headings below ``heading_base`` as ``#`` headings, quotes, code; empty paragraphs
    dropped. Table cells are written as a Markdown table."""
    blocks: list[str] = []
    previous_list = False
    rows: dict[tuple[int, int], dict[int, str]] = {}
    for p in paras:
        if p.table is not None and p.cell is not None:
            row = rows.setdefault((p.table, p.cell[0]), {})
            row[p.cell[1]] = (row.get(p.cell[1], "") + " " + p.markdown).strip()
            continue
        if rows:
            blocks.append(_table(rows))
            rows = {}
            previous_list = False
        if not p.markdown.strip():
            continue
        level = heading_level(p.style)
        m = _LIST.fullmatch(p.style.strip())
        if level is not None:
            line = "#" * max(1, min(level - heading_base, 6)) + " " + p.markdown.strip()
        elif m:
            indent = "  " * (int(m.group(2)) - 1 if m.group(2) else 0)
            marker = {"bullet": "- ", "number": "1. ", "continue": "  "}[m.group(1).lower()]
            line = indent + marker + p.markdown.strip()
            if previous_list:
                blocks[-1] += "\n" + line
                continue
            blocks.append(line)
            previous_list = True
            continue
        elif p.style.strip().lower() == "quote":
            line = "> " + p.markdown.strip()
        elif p.style.strip().lower() == "no spacing":
            line = "    " + p.text
        else:
            line = p.markdown.strip()
        blocks.append(line)
        previous_list = False
    if rows:
        blocks.append(_table(rows))
    return "\n\n".join(blocks)


def _table(rows: dict[tuple[int, int], dict[int, str]]) -> str:
    lines = []
    for i, (_key, cells) in enumerate(sorted(rows.items())):
        width = max(cells) + 1
        lines.append("| " + " | ".join(cells.get(c, "").replace("|", "\\|")
                                       for c in range(width)) + " |")
        if i == 0:
            lines.append("|" + " --- |" * width)
    return "\n".join(lines)
