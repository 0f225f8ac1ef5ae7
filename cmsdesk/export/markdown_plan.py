"""The draft plan as one Markdown file (for a web page, a wiki, or a diff between drafts).

Same content as the Word document: the symbol and distribution lines, the title, the chapters
in outline order with their derived numbers, each target's fields under bold labels, and the
annex tables. The texts are Markdown already; their own headings are moved below the heading
of the node they belong to, so a "# Background" inside a target does not break the outline.
Bracketed text is kept verbatim.
"""

from __future__ import annotations

import re
from datetime import date as Date
from pathlib import Path

from sqlalchemy.orm import Session

from cmsdesk.atomic import write_bytes_atomic
from cmsdesk.export.content import DEFAULT_FRAMEWORKS, Annex, PlanContent, letter, plan_content
from cmsdesk.export.localized import Fallbacks
from cmsdesk.export.meeting_terms import (
    MeetingTerms,
    annex_heading,
    correspondence_title,
    section_heading,
)
from cmsdesk.export.terms import Terms

_ATX_HEADING = re.compile(r"^(#{1,6})(?=\s|$)", re.MULTILINE)


def shift_headings(text: str, below: int) -> str:
    """Move the ATX headings of ``text`` (``# Title``) down to start below level ``below``."""
    return _ATX_HEADING.sub(lambda m: "#" * min(len(m.group(1)) + below, 6), text)


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _annex_table(annex: Annex, t: Terms) -> list[str]:
    lines = [f"| {t('annex_plan_target')} | {_cell(annex.title)} |", "| --- | --- |"]
    none = t("annex_no_target").removeprefix("\u2014 ")
    for row in annex.rows:
        links = "; ".join(
            (f"**{annex.short} {link.code}**" if link.relevance == "primary"
             else f"{annex.short} {link.code}")
            + (f": {link.title}" if link.title else "") + f" *({t.relevance(link.relevance)})*"
            for link in row.links) or f"\u2014 *{none}*"
        lines.append(f"| {_cell(row.heading)} | {_cell(links)} |")
    return lines


def plan_markdown(content: PlanContent, issued: Date) -> str:
    """The whole plan as Markdown text, every word around the texts in its language."""
    words = MeetingTerms(content.lang)
    t = words.terms
    out: list[str] = []
    if content.symbol:
        out.append(f"**{t.symbol(content.symbol)}**  ")
    out += [f"{line}  " for line in t.distribution(issued, content.original)]
    out[-1] = out[-1].rstrip()
    out += ["", t("convention").upper(), "", f"# {content.title}", ""]
    if content.fallbacks:
        note = t("fallback_note", count=content.fallbacks, language=t.language(content.lang),
                 original=t.language(content.original))
        out += [f"*{note}*", ""]
    if content.has_brackets or content.conflicts:
        out += [f"*{t('brackets_note')}*", ""]
    relevance = t("relevance_note")
    tables: list[str] = []
    for annex in content.annexes:
        if len(content.annexes) > 1:
            tables += [f"### {annex.title}", ""]
        tables += _annex_table(annex, t) + [""]
    for section in content.sections:
        level = min(section.depth + 2, 6)
        out += [f"{'#' * level} {section_heading(section, words, content.annexes)}", ""]
        if section.text.strip():
            out += [shift_headings(section.text.strip(), level), ""]
        for label, value in section.details:
            out += [f"**{label}**", "", shift_headings(value.strip(), level + 1), ""]
        if section.entry.kind == "correspondence":
            out += [f"*{relevance}*", ""] + tables
    if content.annexes and not content.placed_correspondence:
        title = correspondence_title(words, content.annexes)
        out += [f"## {annex_heading(words, letter(content.annex_count - 1), title)}", "",
                f"*{relevance}*", ""] + tables
    return "\n".join(out)


def export_plan_markdown(session: Session, plan_id: str, path: Path | str, *,
                         companion: bool = True,
                         frameworks: tuple[str, ...] | list[str] = DEFAULT_FRAMEWORKS,
                         issued: Date | None = None, lang: str | None = None,
                         fallbacks: Fallbacks | None = None) -> Path:
    """Write the plan to ``path`` as UTF-8 Markdown, atomically, in ``lang`` (default: the
    plan's original language; ``fallbacks`` learns how many texts stood in the original)."""
    content = plan_content(session, plan_id, companion=companion, frameworks=frameworks,
                           lang=lang)
    if fallbacks is not None:
        fallbacks.note(content.lang, content.original, content.fallbacks)
    return write_bytes_atomic(path, plan_markdown(content, issued or Date.today())
                              .encode("utf-8"))
