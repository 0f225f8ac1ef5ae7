"""Names and texts from bundles, made safe to print on one line.

A sender's name, a Party label, a file name or an error detail may come from a hostile bundle.
Printed raw, a newline in it forges a line of the import report ("verified (pinned key)"), an
ANSI escape retitles or clears the terminal, and a bidirectional override reorders what the
reader sees. :func:`printable` escapes every such character the way Python writes it in a
string literal (``\\n``, ``\\x1b``, ``\\u202e``), so what is shown is exactly what was
received, on one line, and nothing else.
"""

from __future__ import annotations

import unicodedata
from typing import Any

# Characters that are not "Other" in Unicode but still move text around or break lines.
_LAYOUT = frozenset("\u2028\u2029\u200e\u200f\u061c") | frozenset(
    chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))


def _escape(ch: str) -> str:
    code = ord(ch)
    if ch == "\n":
        return "\\n"
    if ch == "\r":
        return "\\r"
    if ch == "\t":
        return "\\t"
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


_JOINERS = frozenset("\u200c\u200d")  # needed by Persian, Indic scripts and emoji


def unsafe(ch: str) -> bool:
    """True for a control, format, surrogate, unassigned or line-breaking character."""
    if ch in _JOINERS:
        return False
    return ch in _LAYOUT or unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl",
                                                         "Zp")


def printable(text: object, limit: int | None = None) -> str:
    """``text`` on one line with every unsafe character escaped, shortened to ``limit``."""
    value = str(text)
    # ASCII that prints holds no control character: most names take this quick way.
    out = value if value.isascii() and value.isprintable() else "".join(
        _escape(ch) if unsafe(ch) else ch for ch in value)
    if limit is not None and len(out) > limit:
        out = out[:max(limit - 1, 0)] + "\u2026"
    return out


def terminal_safe(text: str) -> str:
    """``text`` with line breaks and tabs kept and every other unsafe character written as a
    JSON-style ``\\uXXXX`` escape (so that JSON output stays valid JSON)."""
    if text.isascii() and text.replace("\n", "").replace("\t", "").isprintable():
        return text
    return "".join(_json_escape(ch) if ch not in "\n\t" and unsafe(ch) else ch for ch in text)


def _json_escape(ch: str) -> str:
    code = ord(ch)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


class SafeStream:
    """A text stream (standard output or error) that escapes, as it writes, every character
    that could drive the terminal (ANSI escapes, C1 controls, bidirectional overrides): what a
    command prints of a bundle's names and texts can never retitle, clear or recolour it."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(terminal_safe(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)
