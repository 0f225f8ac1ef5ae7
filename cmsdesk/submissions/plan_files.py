"""Reading a plan that exists as a file: a JSON outline, a Markdown outline or a Word draft.

All three become the plain outline data :mod:`cmsdesk.models.plan_import` checks and records
(docs/plan-files.md describes the formats). Markdown and Word are read the same way, as a
sequence of headings, field labels, text blocks and annex tables:

* a heading "Goal 1: ...", "Target 7: ...", "Indicator 2: ...", "Part ...", "Chapter ..."
  (or But/Objectif/Meta/Objetivo/Indicateur/Indicador/Partie/Parte/Chapitre/Capítulo) is a node
  of that kind, nested by heading level; a heading with no such word is a chapter, or a part at
  the top when chapters sit under it; under a goal or a target, where no chapter can be, it is a
  heading inside the text;
* a lone top-level heading before all others (or a Word "Title") is the plan's title;
* "Explanatory note", "Indicators", "Milestones", "Actors" as a bold line or a "Field label"
  paragraph start that field of the target; "Cross-references: Aichi 1; Aichi 11
  (supporting)" names cross-references;
* an annex "Correspondence with the <framework>" table, as cmsdesk's own exports print it,
  gives the cross-references of each target;
* the furniture of cmsdesk's own exports (symbol, distribution lines, table of contents, notes
  on brackets and relevance) is recognised and not taken as text.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cmsdesk.models import rules

MAX_TEXT_BYTES = 20 * 1024 * 1024

KIND_WORDS = {
    "part": "part", "partie": "part", "parte": "part",
    "chapter": "chapter", "chapitre": "chapter", "capítulo": "chapter", "capitulo": "chapter",
    "goal": "goal", "but": "goal", "objetivo": "goal",
    "target": "target", "objectif": "target", "meta": "target",
    "indicator": "indicator", "indicateur": "indicator", "indicador": "indicator",
    "annex": "annex", "annexe": "annex", "anexo": "annex",
}
_KIND_HEADING = re.compile(
    r"^(?P<word>" + "|".join(sorted(KIND_WORDS, key=len, reverse=True)) + r")"
    r"(?:\s+(?P<number>[\w.]+))?\s*[:.\u2013\u2014-]\s*(?P<title>.+)$", re.IGNORECASE)
LABELS = {"explanatory note": "note", "note": "note", "indicators": "indicators",
          "milestones": "milestones", "actors": "actors",
          "cross-references": "xrefs", "cross references": "xrefs",
          "note explicative": "note", "nota explicativa": "note", "indicateurs": "indicators",
          "indicadores": "indicators", "jalons": "milestones", "étapes": "milestones",
          "hitos": "milestones", "acteurs": "actors", "actores": "actors"}
_LABEL = re.compile(r"^\*\*(?P<label>[^*]+?)\*\*:?$|^(?P<plain>[^:]+?):?$")
_XREF_LINE = re.compile(r"^\**cross[- ]references\**\s*:\s*(?P<items>.+)$", re.IGNORECASE)
_XREF_ITEM = re.compile(r"(?P<fw>[A-Za-z][\w-]*)\s+(?:target\s+)?(?P<code>[0-9][\w.]*)"
                        r"(?:\s*:[^;(]*)?\s*(?:\((?P<rel>primary|supporting)\))?", re.IGNORECASE)
_ANNEX = re.compile(r"^annex(?:\s+[A-Z0-9]{1,3})?\s*:\s*correspondence with the (?P<fw>.+)$",
                    re.IGNORECASE)
_NUMBERED = re.compile(r"^(?:[IVXLCDM]+|\d+(?:\.\d+)*|[A-Z])\.\s+(?=\S)")
_PERIOD = re.compile(r"\b((?:19|20)\d\d)\s*[-\u2013]\s*((?:19|20)\d\d)\b")
FURNITURE = re.compile(
    r"^(distr\.: general|original: \w+|contents|convention on migratory species|"
    r"text in \[square brackets\] is not yet agreed.*|primary: the target of this plan.*|"
    r"\d{1,2} \w+ \d{4})$", re.IGNORECASE)


class PlanFileError(ValueError):
    """A file that cannot become a plan; the message says where and why."""


@dataclass
class _Node:
    kind: str
    title: str
    level: int
    where: str
    fields: dict[str, list[str]] = field(default_factory=dict)
    xrefs: list[dict[str, str]] = field(default_factory=list)
    children: list[_Node] = field(default_factory=list)
    current: str = "text"

    def add(self, block: str) -> None:
        self.fields.setdefault(self.current, []).append(block)

    def data(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "title": self.title}
        for name, blocks in self.fields.items():
            out[name] = "\n\n".join(b for b in blocks if b.strip()).strip()
        if self.xrefs:
            out["xrefs"] = self.xrefs
        out["children"] = [c.data() for c in self.children]
        return out


@dataclass
class Token:
    """One piece of a Markdown or Word file, in order."""

    kind: str  # heading | title | symbol | label | text | row
    text: str
    where: str  # "line 12" / "paragraph 7"
    level: int = 0
    cells: list[str] = field(default_factory=list)


def _kind_of(heading: str) -> tuple[str | None, str]:
    """The kind a heading names and the title; a chapter's printed number ("II. ", "3. ")
    is not part of its title."""
    m = _KIND_HEADING.match(heading.strip())
    if m:
        return KIND_WORDS[m.group("word").lower()], m.group("title").strip()
    return None, _NUMBERED.sub("", heading.strip(), count=1)


def _label(text: str) -> str | None:
    m = _LABEL.match(text.strip())
    if not m:
        return None
    return LABELS.get((m.group("label") or m.group("plain") or "").strip().lower())


def _xrefs(items: str) -> list[dict[str, str]]:
    out = []
    for part in re.split(r"[;\n]", items.replace("*", "")):
        m = _XREF_ITEM.search(part)
        if m:
            out.append({"framework": m.group("fw"), "target": m.group("code"),
                        "relevance": (m.group("rel") or "primary").lower()})
    return out


class _Builder:
    """Turns tokens into the outline data of :mod:`cmsdesk.models.plan_import`."""

    def __init__(self, tokens: list[Token], origin: str) -> None:
        self.tokens = tokens
        self.origin = origin
        self.plan: dict[str, str] = {}
        self.roots: list[_Node] = []
        self.targets: list[_Node] = []
        self.stack: list[_Node] = []
        self.annex: str | None = None  # the framework named by the annex being read

    def _title_heading(self) -> int | None:
        """The index of a lone first top-level heading that names the whole plan."""
        headings = [(i, t) for i, t in enumerate(self.tokens) if t.kind == "heading"]
        if not headings or any(t.kind == "title" for t in self.tokens):
            return None
        top = min(t.level for _i, t in headings)
        first_index, first = headings[0]
        tops = [t for _i, t in headings if t.level == top]
        if first.level == top and len(tops) == 1 and len(headings) > 1 \
                and _kind_of(first.text)[0] is None:
            return first_index
        return None

    def _kinds(self, skip: int | None) -> dict[int, str]:
        """The kind of each heading token but the plan's title (``skip``)."""
        headings = [(i, t) for i, t in enumerate(self.tokens)
                    if t.kind == "heading" and not _ANNEX.match(t.text) and i != skip]
        kinds: dict[int, str] = {}
        for n, (i, t) in enumerate(headings):
            kind, _title = _kind_of(t.text)
            if kind is None:
                below = []
                for _j, u in headings[n + 1:]:
                    if u.level <= t.level:
                        break
                    below.append(u)
                has_chapter = any(_kind_of(u.text)[0] in (None, "chapter") for u in below)
                kind = "part" if has_chapter and t.level == min(
                    (h.level for _k, h in headings), default=t.level) else "chapter"
            kinds[i] = kind
        return kinds

    def build(self, title: str | None) -> dict[str, Any]:
        skip = self._title_heading()
        kinds = self._kinds(skip)
        for i, tok in enumerate(self.tokens):
            if i == skip or tok.kind == "title":
                self.plan.setdefault("title", tok.text.strip())
            elif tok.kind == "symbol":
                self.plan.setdefault("symbol", tok.text.strip())
            elif tok.kind == "heading":
                self._heading(tok, kinds.get(i))
            elif tok.kind == "row":
                self._row(tok)
            elif tok.kind == "label":
                self._field_label(tok)
            else:
                self._text(tok)
        if title:
            self.plan["title"] = title
        period = _PERIOD.search(self.plan.get("title", ""))
        if period and "period" not in self.plan:
            self.plan["period"] = f"{period.group(1)}-{period.group(2)}"
        return {"plan": self.plan, "outline": [n.data() for n in self.roots]}

    def _heading(self, tok: Token, kind: str | None) -> None:
        annex = _ANNEX.match(tok.text.strip())
        if annex:
            self.annex = annex.group("fw").strip()
            self.stack = []
            return
        self.annex = None
        while self.stack and self.stack[-1].level >= tok.level:
            self.stack.pop()
        parent = self.stack[-1] if self.stack else None
        assert kind is not None
        _word, title = _kind_of(tok.text)
        if kind == "chapter" and _kind_of(tok.text)[0] is None and parent is not None \
                and not rules.may_hold(parent.kind, "chapter"):
            parent.add("#" * max(1, tok.level - parent.level) + " " + title)
            return
        if not rules.may_hold(parent.kind if parent else None, kind):
            place = f"a {parent.kind} ({parent.where})" if parent else "the top of the outline"
            hint = (" (put goals under a chapter heading one level up)"
                    if kind == "goal" and parent is None else "")
            raise PlanFileError(f"{self.origin}, {tok.where}: {tok.text.strip()!r} is a {kind}, "
                                f"which cannot be placed under {place}{hint}")
        node = _Node(kind, title, tok.level, tok.where)
        (parent.children if parent else self.roots).append(node)
        if kind == "target":
            self.targets.append(node)
        self.stack.append(node)

    def _field_label(self, tok: Token) -> None:
        node = self.stack[-1] if self.stack else None
        name = _label(tok.text)
        if node is None or node.kind != "target" or name is None:
            self._text(Token("text", f"**{tok.text.strip()}**", tok.where))
            return
        node.current = name

    def _text(self, tok: Token) -> None:
        if self.annex is not None:
            return
        text = tok.text.strip()
        if not text or FURNITURE.match(text.strip("*_ ")):
            return
        node = self.stack[-1] if self.stack else None
        xref = _XREF_LINE.match(text)
        if node is not None and node.kind == "target" and (xref or node.current == "xrefs"):
            node.xrefs += _xrefs(xref.group("items") if xref else text)
            return
        if node is None:
            if not self.roots:
                return  # text before the first heading: the document's front matter
            raise PlanFileError(f"{self.origin}, {tok.where}: text outside any heading")
        node.add(text)

    def _row(self, tok: Token) -> None:
        if self.annex is None:
            self._text(Token("text", "| " + " | ".join(tok.cells) + " |", tok.where))
            return
        if len(tok.cells) < 2:
            return
        kind, title = _kind_of(tok.cells[0].replace("*", ""))
        if kind != "target":
            return
        target = next((t for t in self.targets if t.title == title), None)
        if target is None:
            raise PlanFileError(f"{self.origin}, {tok.where}: the annex names "
                                f"{tok.cells[0].strip()!r}, which is not a target of the outline")
        target.xrefs += _xrefs(tok.cells[1])


# -- Markdown -------------------------------------------------------------------------------

_ATX = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


def markdown_tokens(text: str) -> list[Token]:
    tokens: list[Token] = []
    block: list[str] = []
    start = 0
    fenced = False

    def flush() -> None:
        if block and any(line.strip() for line in block):
            tokens.append(Token("text", "\n".join(block).strip("\n"), f"line {start}"))
        block.clear()

    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip()
        if _FENCE.match(line):
            fenced = not fenced
        heading = None if fenced else _ATX.match(line)
        stripped = line.strip()
        if heading:
            flush()
            tokens.append(Token("heading", heading.group(2), f"line {number}",
                                len(heading.group(1))))
        elif not fenced and stripped.startswith("|") and stripped.endswith("|"):
            if re.fullmatch(r"\|(\s*:?-+:?\s*\|)+", stripped):
                continue
            flush()
            cells = [c.strip().replace("\\|", "|")
                     for c in re.split(r"(?<!\\)\|", stripped[1:-1])]
            tokens.append(Token("row", stripped, f"line {number}", cells=cells))
        elif not fenced and re.fullmatch(r"\*\*[^*]+\*\*:?", stripped) and _label(stripped):
            flush()
            tokens.append(Token("label", stripped.strip("*:"), f"line {number}"))
        elif not stripped and not fenced:
            flush()
        else:
            if not block:
                start = number
            block.append(line)
    flush()
    # cmsdesk's own Markdown export begins with the symbol in bold
    if tokens and tokens[0].kind == "text" and re.fullmatch(r"\*\*[^*\n]+/[^*\n]+\*\*\s*",
                                                            tokens[0].text.splitlines()[0]):
        first = tokens[0].text.splitlines()
        tokens[0:1] = [Token("symbol", first[0].strip().strip("*"), tokens[0].where),
                       Token("text", "\n".join(first[1:]), tokens[0].where)]
    return tokens


# -- Word -------------------------------------------------------------------------------------

_SKIP_STYLES = {"toc heading", "distribution block", "convention name", "document note",
                "header", "footer"}


def word_tokens(path: Path) -> list[Token]:
    from cmsdesk.submissions.wordfile import open_word
    from cmsdesk.submissions.wordtext import block_markdown, heading_level, read_paragraphs

    doc = open_word(path)
    tokens: list[Token] = []
    props = doc.core_properties
    if props.subject and "/" in props.subject:  # cmsdesk writes the symbol there
        tokens.append(Token("symbol", props.subject, "document properties"))
    for p in read_paragraphs(doc):
        style = p.style.strip().lower()
        where = f"paragraph {p.number}"
        level = heading_level(p.style)
        if not p.text.strip() or style in _SKIP_STYLES or style.startswith("toc "):
            continue
        if p.table is not None and p.cell is not None:
            if tokens and tokens[-1].kind == "row" and tokens[-1].level == p.table * 10000 + p.cell[0]:
                row = tokens[-1]
                while len(row.cells) <= p.cell[1]:
                    row.cells.append("")
                row.cells[p.cell[1]] = (row.cells[p.cell[1]] + "; " + p.text).strip("; ")
            else:
                cells = [""] * p.cell[1] + [p.text]
                tokens.append(Token("row", p.text, where, p.table * 10000 + p.cell[0], cells))
            continue
        if style == "title":
            title = p.text
            if title.isupper() and (props.title or "").upper() == title:
                title = props.title  # printed in capitals; the properties keep its case
            tokens.append(Token("title", title, where))
        elif style == "document symbol":
            tokens.append(Token("symbol", p.text, where))
        elif level is not None:
            tokens.append(Token("heading", p.text, where, level))
        elif style == "field label" or (p.markdown.strip().startswith("**")
                                        and p.markdown.strip().endswith("**")
                                        and _label(p.text)):
            tokens.append(Token("label", p.text, where))
        else:
            md = block_markdown([p])
            if tokens and tokens[-1].kind == "text" and _is_item(p.style) \
                    and _is_item(tokens[-1].cells[0] if tokens[-1].cells else ""):
                tokens[-1].text += "\n" + md
            else:
                tokens.append(Token("text", md, where, cells=[p.style]))
    # table rows were keyed by table and row number; a plain level for the builder
    for t in tokens:
        if t.kind == "row":
            t.level = 0
    return tokens


def _is_item(style: str) -> bool:
    return style.lower().startswith(("list bullet", "list number", "list continue"))


# -- any file ---------------------------------------------------------------------------------


def read_plan_file(path: Path | str, title: str | None = None) -> dict[str, Any]:
    """The outline data of a .json, .md/.markdown/.txt or .docx file (not yet checked against
    the store: see :func:`cmsdesk.models.plan_import.check_outline`)."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in (".docx", ".docm", ".doc"):
        return _Builder(word_tokens(p), p.name).build(title)
    if suffix not in (".json", ".md", ".markdown", ".txt"):
        raise PlanFileError(f"{p.name}: cmsdesk makes a plan from a .md, .json or .docx file, "
                            f"not a {suffix or 'file without extension'}")
    try:
        if p.stat().st_size > MAX_TEXT_BYTES:
            raise PlanFileError(f"{p.name} is larger than {MAX_TEXT_BYTES // (1024 * 1024)} MB: "
                                "not a plan outline")
        raw = p.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise PlanFileError(f"cannot read {p}: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise PlanFileError(f"{p.name} is not UTF-8 text") from exc
    if suffix == ".json":
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise PlanFileError(f"{p.name} is not valid JSON (line {exc.lineno}, column "
                                f"{exc.colno}: {exc.msg})") from exc
        if title and isinstance(data, dict):
            data.setdefault("plan", {})
            if isinstance(data["plan"], dict):
                data["plan"]["title"] = title
        return data if isinstance(data, dict) else {"outline": None}
    return _Builder(markdown_tokens(raw), p.name).build(title)
