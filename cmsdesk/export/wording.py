"""The negotiation conventions inside a text: [bracketed] passages, option labels, differences.

Text not yet agreed stands in square brackets, and competing wordings stand as
``[Option 1 (Spain; Kenya): ...] [Option 2 (Brazil): ...]``. Writers keep such text verbatim
but style it so that a reader sees at once what is still open. This module only says *which*
characters are what (plain, bracketed, an option's label); the writers decide how that looks.
It also holds the word-level comparison the compilation of proposals uses.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Literal

SpanKind = Literal["plain", "bracket", "option"]
DiffOp = Literal["equal", "insert", "delete"]

# "[Option 2 (Brazil; Kenya):" - the label the projection writes before each alternative.
_OPTION_LABEL = re.compile(r"\[Option \d+(?: \([^()\]]*\))?:")
_BRACKET = re.compile(r"[\[\]]")
_WORDS = re.compile(r"^\s+|\S+[^\S\n]*|\n[^\S\n]*")  # words with the spaces after them


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: SpanKind


def classify(text: str) -> list[Span]:
    """Cut ``text`` into maximal spans of plain text, bracketed text and option labels.

    Brackets nest; everything from an opening bracket to its matching closing bracket
    (brackets included) is bracketed. An opening bracket never closed brackets the rest of the
    text, so that an unfinished passage is still shown as open rather than as agreed. Only the
    brackets are visited (a plan of 1,000 nodes has a million characters).
    """
    spans: list[Span] = []

    def add(start: int, end: int, kind: SpanKind) -> None:
        if start == end:
            return
        if spans and spans[-1].kind == kind:
            spans[-1] = Span(spans[-1].start, end, kind)
        else:
            spans.append(Span(start, end, kind))

    depth = 0
    pos = 0
    for m in _BRACKET.finditer(text):
        i = m.start()
        add(pos, i, "bracket" if depth else "plain")
        pos = i + 1
        if text[i] == "[":
            depth += 1
            label = _OPTION_LABEL.match(text, i)
            if label:  # a label holds no other bracket
                add(i, label.end(), "option")
                pos = label.end()
            else:
                add(i, pos, "bracket")
        elif depth:
            add(i, pos, "bracket")
            depth -= 1
        else:
            add(i, pos, "plain")
    add(pos, len(text), "bracket" if depth else "plain")
    return spans


_PROPOSERS = re.compile(r"\(([^()\]]*)\):$")
UNVERIFIED_MARK = "\u2020"  # dagger: "[Option 2 (Kenya†):", explained in a note


RECORDED_MARK = "\u2021"  # double dagger: "[Option 2 (Kenya‡):", recorded by the Secretariat


def mark_unverified(label: str, unverified: frozenset[str],
                    mark: str = UNVERIFIED_MARK) -> tuple[str, int]:
    """An option label with ``mark`` after each proposer in ``unverified`` (by default those
    this installation cannot vouch for, models/trust.py), and how many it marked."""
    found = _PROPOSERS.search(label)
    if found is None or not unverified:
        return label, 0
    names = found.group(1).split("; ")
    marked = [n + mark if n in unverified else n for n in names]
    count = sum(1 for n in names if n in unverified)
    return label[:found.start(1)] + "; ".join(marked) + label[found.end(1):], count


def has_brackets(text: str) -> bool:
    return any(s.kind != "plain" for s in classify(text))


def word_diff(old: str, new: str) -> list[tuple[DiffOp, str]]:
    """The edits that turn ``old`` into ``new``, word by word.

    A word carries the spaces after it, and a line break is a word of its own, so the pieces
    joined give back ``new`` (equal and inserted pieces) or ``old`` (equal and deleted ones).
    Runs of equal words are merged, and a replaced passage comes out as its deletion followed
    by its insertion, the order in which a reader compares them.
    """
    a = _WORDS.findall(old)
    b = _WORDS.findall(new)
    out: list[tuple[DiffOp, str]] = []

    def emit(op: DiffOp, piece: str) -> None:
        if not piece:
            return
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + piece)
        else:
            out.append((op, piece))

    # Compare words without their trailing spaces: "Review" at the end of a line is the same
    # word as "Review " before another one.
    matcher = difflib.SequenceMatcher(None, [w.rstrip(" \t") or w for w in a],
                                      [w.rstrip(" \t") or w for w in b], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            emit("equal", "".join(b[j1:j2]))
        else:
            emit("delete", "".join(a[i1:i2]))
            emit("insert", "".join(b[j1:j2]))
    return out
