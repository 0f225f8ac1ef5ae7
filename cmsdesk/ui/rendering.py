"""Showing draft text: Markdown to HTML for the preview, and [square-bracketed] text marked.

In negotiation, text in square brackets is not agreed yet, and competing wordings stand as
bracketed options. Both the editing field (a syntax highlighter) and the preview (a span around
the bracketed run) mark it so it cannot be overlooked. Markdown is imported on first use: it is
not needed to start the window.
"""

from __future__ import annotations

import functools
import re
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QSyntaxHighlighter, QTextCharFormat, QTextDocument

from cmsdesk.ui.theme import css, marked

if TYPE_CHECKING:
    import markdown

_TAG = re.compile(r"(<[^>]*>)")


def mark_brackets_html(markup: str) -> str:
    """Wrap bracketed runs of an HTML fragment's text (not its tags) in a marked span.

    A bracket that spans tags (a paragraph break inside an option) is closed before each tag and
    reopened after it, so the result stays well-formed.
    """
    depth = 0
    out: list[str] = []
    back, fore = marked("bracket")
    open_span = f'<span style="background:{css(back)};color:{css(fore)}">'
    for piece in _TAG.split(markup):
        if piece.startswith("<"):
            out.append(piece)
            continue
        chunk: list[str] = [open_span] if depth and piece else []
        for ch in piece:
            if ch == "[":
                if depth == 0:
                    chunk.append(open_span)
                depth += 1
                chunk.append(ch)
            elif ch == "]" and depth:
                chunk.append(ch)
                depth -= 1
                if depth == 0:
                    chunk.append("</span>")
            else:
                chunk.append(ch)
        if depth and piece:
            chunk.append("</span>")
        out.append("".join(chunk))
    return "".join(out)


def markdown_loaded() -> bool:
    return "markdown" in sys.modules


@functools.cache
def _preview_converter() -> markdown.Markdown:
    import markdown  # lazily: only the preview needs it

    from cmsdesk.export.safe_links import SafeLinks

    image = QCoreApplication.translate("rendering", "(image: {alt})")
    return markdown.Markdown(extensions=["sane_lists", SafeLinks(image)], output_format="html")


def render_markdown(text: str) -> str:
    """HTML for a QTextBrowser: Markdown rendered, raw HTML shown as typed, brackets marked.

    Images are shown as their alt text and only web links stay links (``SafeLinks``); nesting
    is capped so that no text can exhaust the parser's stack.
    """
    from cmsdesk.export.markdown_blocks import convert_safely

    body = convert_safely(_preview_converter(), text.replace("<", "&lt;"))
    return mark_brackets_html(body)


class BracketHighlighter(QSyntaxHighlighter):
    """Marks [bracketed] text in an editing field, across lines and nested brackets."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.format = QTextCharFormat()
        back, fore = marked("bracket")
        self.format.setBackground(back)
        self.format.setForeground(fore)

    def highlightBlock(self, text: str) -> None:
        depth = max(self.previousBlockState(), 0)
        start = 0 if depth else -1
        for i, ch in enumerate(text):
            if ch == "[":
                if depth == 0:
                    start = i
                depth += 1
            elif ch == "]" and depth:
                depth -= 1
                if depth == 0:
                    self.setFormat(start, i - start + 1, self.format)
                    start = -1
        if depth and start >= 0:
            self.setFormat(start, len(text) - start, self.format)
        self.setCurrentBlockState(depth)
