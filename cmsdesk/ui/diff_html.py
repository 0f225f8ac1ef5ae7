"""Word-level differences as HTML for the review, conflict, history and draft views.

The comparison itself is :func:`cmsdesk.export.wording.word_diff`, the one the compilation of
proposals prints in Word, so the window and the document mark the same words. Inserted words
are underlined on green, deleted ones struck through on red: colour and line both, so the
difference is visible without colour too. Text in [square brackets] (not agreed yet) is marked
as the editor marks it.
"""

from __future__ import annotations

import html

from cmsdesk.export.wording import word_diff
from cmsdesk.ui.rendering import mark_brackets_html
from cmsdesk.ui.theme import css, marked


def mark_style(op: str) -> str:
    """Inserted words underlined on a green tint, deleted ones struck through on a red tint,
    both from the current palette (read when the HTML is made)."""
    meaning = "insert" if op == "insert" else "delete"
    line = "underline" if op == "insert" else "line-through"
    back, fore = marked(meaning)
    return (f"background-color:{css(back)}; color:{css(fore)}; "
            f"text-decoration:{line};")


def _escaped(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def plain_html(text: str) -> str:
    """Text shown as typed (no Markdown), line breaks kept, [bracketed] text marked."""
    return mark_brackets_html(_escaped(text))


def diff_html(old: str, new: str) -> str:
    """``new`` with what changed from ``old`` marked word by word ([brackets] marked too)."""
    out = []
    for op, piece in word_diff(old, new):
        if op == "equal":
            out.append(_escaped(piece))
        else:
            style = mark_style(op)
            out.append(f'<span style="{style}">{_escaped(piece)}</span>')
    return mark_brackets_html("".join(out))


def legend_html(inserted: str, deleted: str) -> str:
    """A one-line key to the marks, with translated words."""
    return (f'<span style="{mark_style("insert")}">{html.escape(inserted)}</span> &nbsp; '
            f'<span style="{mark_style("delete")}">{html.escape(deleted)}</span>')


def gist(old: str, new: str, limit: int = 80) -> str:
    """The changed words only, for a list: "+and illegal killing…  −direct or indirect"."""
    changed = [(op, " ".join(piece.split())) for op, piece in word_diff(old, new)
               if op != "equal" and piece.strip()]
    # What was added says most about a proposal: it comes first.
    pieces = [f"+{p}" for op, p in changed if op == "insert"]
    pieces += [f"\u2212{p}" for op, p in changed if op == "delete"]
    text = "  ".join(pieces)
    return text if len(text) <= limit else text[:limit - 1] + "…"
