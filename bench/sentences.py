"""Sentences, and the check that merged text is made of clean sentences.

The benchmark splits text on its own (not with :mod:`cmsdesk.models.textmerge`), so that the
check does not trust the code it checks. The rule, which docs/benchmarks.md states, is the one a
reader applies: a sentence ends at a run of whitespace that holds a line break (a Markdown list
item, a paragraph) or that follows ``.``, ``!`` or ``?`` (optionally followed by closing quotes or
brackets).

A displayed text is *clean* when every sentence of it occurs in some version of that field (the
base or a delegate's), where a bracketed options group ``[Option 1 (A; B): text] [Option 2 (C):
text]`` counts as its options' texts, each checked the same way (``(delete)`` stands for a
proposal to delete the passage). An option's text runs to its matching closing bracket, so
negotiation brackets inside a sentence (``[Where feasible,]``) stay part of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_WHITESPACE = re.compile(r"\s+")
SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*$")
_OPTION = re.compile(r"\[Option \d+ \(([^()]*)\): ")
DELETED_OPTION = "(delete)"

Token = tuple[str, str]  # a sentence and the whitespace after it ("" for the last)


def split(text: str) -> list[Token]:
    tokens: list[Token] = []
    pos = 0
    for m in _WHITESPACE.finditer(text):
        if m.start() == pos:
            continue
        if "\n" in m.group(0) or SENTENCE_END.search(text[pos : m.start()]):
            tokens.append((text[pos : m.start()], m.group(0)))
            pos = m.end()
    if pos < len(text):
        tokens.append((text[pos:], ""))
    if tokens:
        tokens[-1] = (tokens[-1][0], "")
    return tokens


def join(tokens: list[Token]) -> str:
    return "".join(t + (s if i + 1 < len(tokens) else "") for i, (t, s) in enumerate(tokens))


def sentences(text: str) -> list[str]:
    return [t for t, _ in split(text)]


class MarkupError(ValueError):
    """A bracketed options group that does not close."""


def passages(text: str) -> list[str]:
    """The plain passages of a displayed text and the texts of its options, in order."""
    out: list[str] = []
    pos = 0
    while True:
        m = _OPTION.search(text, pos)
        if m is None:
            out.append(text[pos:])
            return [p for p in out if p.strip()]
        out.append(text[pos : m.start()])
        depth = 0
        end = m.end()
        while True:
            if end >= len(text):
                raise MarkupError("an option group does not close")
            ch = text[end]
            if ch == "[":
                depth += 1
            elif ch == "]":
                if depth == 0:
                    break
                depth -= 1
            end += 1
        option = text[m.end() : end]
        if option != DELETED_OPTION:
            out.append(option)
        pos = end + 1


def unclean_sentences(displayed: str, sources: Iterable[str]) -> list[str]:
    """Sentences of ``displayed`` found in none of ``sources`` (or the markup problem)."""
    allowed = {s for text in sources for s in sentences(text)}
    try:
        parts = passages(displayed)
    except MarkupError as exc:
        return [str(exc)]
    return [s for part in parts for s in sentences(part.strip()) if s not in allowed]
