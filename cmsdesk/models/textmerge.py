"""Order-independent k-way three-way merge of text at sentence granularity.

Several heads of one field were written concurrently from a common ancestor (the base). Each
head's edits are diffed against the base sentence by sentence (difflib). Edits of different
heads that touch different sentences all apply; edits that touch the same sentences (or insert at
the same place) form a conflict hunk listing every distinct wording with who proposed it. Only
whole sentences are ever spliced, so merged text is never garbled, and since heads are deduplicated
and sorted, the result does not depend on the order the heads arrived in. Options are numbered
by the field's recorded numbering (:class:`Numbering`, models/option_numbers.py), new ones after
every number the field has had.

This is part of deriving the current state from the change log, which is why it lives in
``models`` (below ``sync``) even though only imports create concurrent heads.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from cmsdesk.models.sentences import (
    CURRENT_RULES,
    DEFAULT_LANGUAGE,
    Token,
    split_cached,
    split_sentences,
)

DELETED_OPTION = "(delete)"

# A Markdown list item (or numbered item) starts a line of its own.
_LIST_ITEM = re.compile(r"(?:[-*+]|\d{1,9}[.)])\s")


def _gap(before: str, after: str, lang: str, rules: int) -> str:
    """The whitespace after a sentence that was last in its version and now has a follower: a
    space where the two still split apart there, else a line break (a list item, a sentence
    with no final stop, one ending in an abbreviation), so that the merged text splits into the
    same sentences again."""
    if _LIST_ITEM.match(after):
        return "\n"
    joined = split_cached(f"{before} {after}", lang, rules)
    return " " if len(joined) == (len(split_cached(before, lang, rules))
                                  + len(split_cached(after, lang, rules))) else "\n"


def join_tokens(tokens: list[Token], lang: str = DEFAULT_LANGUAGE,
                rules: int = CURRENT_RULES) -> str:
    """Rebuild text; a sentence that was last in its version gets a :func:`_gap` before a
    follower."""
    out: list[str] = []
    for i, tok in enumerate(tokens):
        out.append(tok.text)
        if i + 1 < len(tokens):
            out.append(tok.sep or _gap(tok.text, tokens[i + 1].text, lang, rules))
    return "".join(out)


@dataclass(frozen=True)
class Option:
    """One distinct wording of a contested passage, the proposers who wrote it, its number
    (0: numbered by its place) and who it is shown as proposed by (``shown_by``: empty means
    its proposers; a region that endorsed it stands for that region's proposers)."""

    text: str
    proposers: tuple[str, ...]
    number: int = 0
    shown_by: tuple[str, ...] = ()
    oid: str = ""  # the option's identity in the field's numbering (see option_id)


# "[Option 12 (" or "[Option 3:" written in a text: a label the field already holds.
_LITERAL_LABEL = re.compile(r"\[Option (\d{1,6})\b")


def option_id(text: str, occurrence: int = 1) -> str:
    """The identity of an option in its field's numbering: a digest of its wording (and, for
    the same wording contested again in a later passage of the field, its occurrence)."""
    data = text if occurrence == 1 else f"{text}\x00#{occurrence}"
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]


def literal_labels(texts: list[str]) -> set[int]:
    """The option numbers written in ``texts`` (options kept as bracketed text earlier), which
    new options must not take."""
    return {int(m) for t in texts for m in _LITERAL_LABEL.findall(t)}


@dataclass
class Numbering:
    """What fixes the options' numbers of one field: the numbers recorded for its options
    (option id -> number, models/option_numbers.py), the numbers its texts already write, and
    the regional endorsements (option id -> regions; ``region_of`` gives a proposer's region)."""

    numbers: Mapping[str, int] = field(default_factory=dict)
    reserved: set[int] = field(default_factory=set)
    endorsed: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    region_of: Callable[[str], str | None] = lambda _label: None

    def shown_by(self, oid: str, proposers: tuple[str, ...]) -> tuple[str, ...]:
        regions = self.endorsed.get(oid, ())
        if not regions:
            return ()
        return tuple(regions) + tuple(p for p in proposers if self.region_of(p) not in regions)


@dataclass
class MergeResult:
    clean: bool
    text: str  # the merged text; contested passages in the bracketed options form
    hunks: list[tuple[str, list[Option]]] = field(default_factory=list)  # (base passage, options)
    alternatives: list[AlternativeView] = field(default_factory=list)  # whole-field views


@dataclass(frozen=True)
class AlternativeView:
    """One side's view of the whole contested field: its text, proposers, and the number of the
    option it takes in each contested passage (0 where it keeps the common wording)."""

    text: str
    proposers: tuple[str, ...]
    options: tuple[int, ...]


@dataclass
class _Hunk:
    lo: int
    hi: int
    tokens: list[Token]
    head: int


def _hunks(base: str, head: str, index: int, lang: str, rules: int) -> list[_Hunk]:
    return [_Hunk(i1, i2, list(tokens), index)
            for i1, i2, tokens in _diff(base, head, lang, rules)]


@lru_cache(maxsize=512)
def _diff(base: str, head: str, lang: str,
          rules: int) -> tuple[tuple[int, int, tuple[Token, ...]], ...]:
    """Sentence-level edits from ``base`` to ``head`` (cached: the same pairs recur while a
    field is merged, and while bundles touching one field are imported one after another; a
    few hundred pairs, so that an import of a whole round does not keep every text it merged).
    """
    old, new = split_cached(base, lang, rules), split_cached(head, lang, rules)
    return tuple((i1, i2, new[j1:j2]) for i1, i2, j1, j2 in
                 edits([t.text for t in old], [t.text for t in new]))


def edits(a: list[str], b: list[str]) -> list[tuple[int, int, int, int]]:
    """The ranges ``a[i1:i2]`` that ``b[j1:j2]`` replace: SequenceMatcher's opcodes (without
    junk heuristics) other than "equal", exactly.

    A head usually changes a sentence or two of its base. When no sentence occurs twice in
    either list, the matcher's longest-block-first search keeps their common beginning and end
    whole (a match reaching into them would need a repeated sentence), so only the middle
    needs the matcher, and none at all when the middles share no sentence: an import merging
    two thousand heads spent a fifth of its merge in the matcher (issue 19).
    """
    if len(set(a)) < len(a) or len(set(b)) < len(b):
        return _opcodes(a, b, 0)
    lo = 0
    top = min(len(a), len(b))
    while lo < top and a[lo] == b[lo]:
        lo += 1
    ahi, bhi = len(a), len(b)
    while ahi > lo and bhi > lo and a[ahi - 1] == b[bhi - 1]:
        ahi -= 1
        bhi -= 1
    if lo == ahi and lo == bhi:
        return []
    if lo in (ahi, bhi) or set(a[lo:ahi]).isdisjoint(b[lo:bhi]):
        return [(lo, ahi, lo, bhi)]
    return _opcodes(a[lo:ahi], b[lo:bhi], lo)


def _opcodes(a: list[str], b: list[str], offset: int) -> list[tuple[int, int, int, int]]:
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return [(i1 + offset, i2 + offset, j1 + offset, j2 + offset)
            for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def _group(hunks: list[_Hunk]) -> list[list[_Hunk]]:
    """Group hunks whose base ranges overlap; an insertion touching a range overlaps it."""
    groups: list[list[_Hunk]] = []
    hi = -1
    for h in sorted(hunks, key=lambda h: (h.lo, h.hi, h.head)):
        touches = h.lo == hi and (h.lo == h.hi or any(g.lo == g.hi == hi for g in groups[-1]))
        if groups and (h.lo < hi or touches):
            groups[-1].append(h)
            hi = max(hi, h.hi)
        else:
            groups.append([h])
            hi = h.hi
    return groups


def _apply(base: list[Token], lo: int, hi: int, hunks: list[_Hunk]) -> list[Token]:
    out: list[Token] = []
    pos = lo
    for h in sorted(hunks, key=lambda h: (h.lo, h.hi)):
        out.extend(base[pos : h.lo])
        out.extend(h.tokens)
        pos = h.hi
    out.extend(base[pos:hi])
    return out


def _key(tokens: list[Token]) -> tuple[str, ...]:
    return tuple(t.text for t in tokens)


def options_form(options: list[Option]) -> str:
    """The negotiation form: ``[Option 1 (A; B): text] [Option 2 (C): text]``."""
    parts = []
    for i, opt in enumerate(options, 1):
        who = "; ".join(opt.shown_by or opt.proposers)
        parts.append(f"[Option {opt.number or i} ({who}): {opt.text or DELETED_OPTION}]")
    return " ".join(parts)


def merge_texts(base: str, heads: list[tuple[str, list[str]]], lang: str = DEFAULT_LANGUAGE,
                rules: int = CURRENT_RULES, numbering: Numbering | None = None) -> MergeResult:
    """Merge ``heads`` (text, proposer labels) against ``base``, split into sentences in
    ``lang`` by the sentence rules version ``rules`` (the plan's: see models/sentences.py).

    Identical head texts are one side naming all their proposers. The result is the same for any
    order of ``heads``. Options are numbered by ``numbering`` (:func:`number_options`).
    """
    sides: dict[str, set[str]] = {}
    for text, proposers in heads:
        sides.setdefault(text, set()).update(proposers)
    ordered = sorted(sides)
    if len(ordered) == 1:
        return MergeResult(True, ordered[0])
    base_tokens = split_sentences(base, lang, rules)
    all_hunks = [h for i, text in enumerate(ordered) for h in _hunks(base, text, i, lang, rules)]

    def join(tokens: list[Token]) -> str:
        return join_tokens(tokens, lang, rules)


    merged: list[Token] = []
    # per side, the tokens of its own view of the whole field
    views: list[list[Token]] = [[] for _ in ordered]
    stake = [False] * len(ordered)
    hunks_out: list[tuple[str, list[Option]]] = []
    chosen: list[dict[int, str]] = []  # per contested passage: side -> the wording it takes
    # agreed text as sentences (adjacent agreed passages are one list, so that the sentences
    # on either side of their boundary are separated as join_tokens separates them), and the
    # contested passages (by their index in hunks_out), rendered once numbered
    display: list[list[Token] | int] = []
    pos = 0

    def emit_common(tokens: list[Token]) -> None:
        merged.extend(tokens)
        for v in views:
            v.extend(tokens)
        if tokens:
            if display and isinstance(display[-1], list):
                display[-1].extend(tokens)
            else:
                display.append(list(tokens))

    for group in _group(all_hunks):
        lo = min(h.lo for h in group)
        hi = max(h.hi for h in group)
        emit_common(base_tokens[pos:lo])
        pos = hi
        by_side: dict[int, list[Token]] = {}
        for side in sorted({h.head for h in group}):
            by_side[side] = _apply(base_tokens, lo, hi, [h for h in group if h.head == side])
        wordings: dict[tuple[str, ...], list[int]] = {}
        for side, toks in by_side.items():
            wordings.setdefault(_key(toks), []).append(side)
        if len(wordings) == 1:
            emit_common(next(iter(by_side.values())))
            continue
        options = []
        picks: dict[int, str] = {}
        for sides_of in wordings.values():
            names = sorted({p for s in sides_of for p in sides[ordered[s]]})
            toks = by_side[sides_of[0]]
            options.append(Option(join(toks).strip(), tuple(names)))
            for s in sides_of:
                stake[s] = True
                picks[s] = options[-1].text
        options.sort(key=lambda o: (o.text, o.proposers))
        display.append(len(hunks_out))
        hunks_out.append((join(base_tokens[lo:hi]), options))
        chosen.append(picks)
        for i, v in enumerate(views):
            v.extend(by_side.get(i, base_tokens[lo:hi]))
    emit_common(base_tokens[pos:])

    if not hunks_out:
        return MergeResult(True, join(merged))
    hunks_out = number_options(hunks_out, numbering or Numbering(), [base, *ordered])
    alternatives: dict[str, tuple[set[str], tuple[int, ...]]] = {}
    for i, v in enumerate(views):
        if stake[i]:
            numbers = tuple(next((o.number for o in opts if o.text == pick[i]), 0)
                            if i in pick else 0
                            for (_b, opts), pick in zip(hunks_out, chosen, strict=True))
            who, _n = alternatives.setdefault(join(v), (set(), numbers))
            who.update(sides[ordered[i]])
    alts = [AlternativeView(text, tuple(sorted(who)), numbers)
            for text, (who, numbers) in sorted(alternatives.items(),
                                               key=lambda kv: (kv[1][1], kv[0]))]
    pieces = [options_form(hunks_out[p][1]) if isinstance(p, int) else join(p) for p in display]
    return MergeResult(False, _join_display(pieces), hunks_out, alts)


def number_options(hunks: list[tuple[str, list[Option]]], numbering: Numbering,
                   texts: list[str]) -> list[tuple[str, list[Option]]]:
    """Give every option of a field its number: the one recorded for it, else the next number
    no option of the field has had and no text of it writes, in the order the passages come
    and, within one, by wording. Each passage lists its options by number."""
    taken = set(numbering.numbers.values()) | literal_labels(texts) | set(numbering.reserved)
    seen: dict[str, int] = {}
    used: set[int] = set()
    out: list[tuple[str, list[Option]]] = []
    for passage, options in hunks:
        numbered = []
        for opt in options:
            seen[opt.text] = seen.get(opt.text, 0) + 1
            oid = option_id(opt.text, seen[opt.text])
            number = numbering.numbers.get(oid)
            if number is None or number in used:
                number = max(taken | used, default=0) + 1
            used.add(number)
            numbered.append(Option(opt.text, opt.proposers, number,
                                   numbering.shown_by(oid, opt.proposers), oid))
        out.append((passage, sorted(numbered, key=lambda o: o.number)))
    return out


def _join_display(pieces: list[str]) -> str:
    out = ""
    for piece in pieces:
        if out and not out[-1].isspace():
            out += " "
        out += piece
    return out
