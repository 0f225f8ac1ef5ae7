"""Sentence boundaries in negotiation text, by language and by rules version.

The merge works sentence by sentence, so these rules decide what counts as "the same passage":
a boundary too many lets two delegates' edits of the two halves of one sentence merge into a
sentence neither wrote; a boundary too few makes edits of two sentences conflict.

Rules version 2 (the current one) starts from the candidates of version 1 (a whitespace run
after ``. ! ?``, or holding a line break) and drops those that are not sentence ends in English,
French or Spanish negotiation text: after an abbreviation from the language's table (``e.g.``,
``p. ex.``, ``Sra.``), after a reference abbreviation before its number (``para. 3``,
``Res. 12.22``), between initials (``J. R. Smith``), after a list-item number at the start of a
line, before a lower-case word, inside a [square-bracketed] passage and between adjacent ones
(a group of bracketed options is one passage). It adds the ellipsis (``…`` and ``...``) before a capital. A line break always
ends a sentence (list items, paragraphs). docs/architecture.md says why a table on the regular
expression was chosen over ICU, sentencex and pysbd, measured on tests/test_sentences.py.

Rules are versioned because the merged state is derived from the change log at every site: two
installations must split the same text the same way. A plan records the rules version it is
merged with (the plan field ``sentence_rules``, which travels in bundles like any change); a
released version is never edited, and a change of rules is a new version.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

LEGACY_RULES = 1  # plans made before rules were recorded: the first splitter, unchanged
CURRENT_RULES = 2
RULES_VERSIONS = (LEGACY_RULES, CURRENT_RULES)
LANGUAGES = ("en", "fr", "es")
DEFAULT_LANGUAGE = "en"  # the plan's original language


@dataclass(frozen=True)
class Token:
    """A sentence and the whitespace that followed it; sentences are compared without it."""

    text: str
    sep: str


def split_sentences(value: str, lang: str = DEFAULT_LANGUAGE,
                    rules: int = CURRENT_RULES) -> list[Token]:
    """The sentences of ``value`` as the given rules version splits text in ``lang``."""
    return list(split_cached(value, lang, rules))


@lru_cache(maxsize=512)
def split_cached(value: str, lang: str = DEFAULT_LANGUAGE,
                 rules: int = CURRENT_RULES) -> tuple[Token, ...]:
    """Split once per distinct text: a merge splits the same texts many times (a few hundred
    are kept, not every text an import of a whole round merged)."""
    if rules == LEGACY_RULES:
        return _split_v1(value)
    if rules == 2:
        return _split_v2(value, _TABLES.get(lang, _TABLES[DEFAULT_LANGUAGE]))
    raise ValueError(f"unknown sentence rules version {rules}")


# -- version 1 -----------------------------------------------------------------------------------

# A whitespace run that ends a sentence: after a sentence end (group 1), or holding a line
# break (group 2, matched from the run's first character).
_V1_BOUNDARY = re.compile(r"[.!?][\"'\u201d\u2019)\]]*(\s+)|([^\S\n]*\n\s*)")


def _split_v1(value: str) -> tuple[Token, ...]:
    tokens: list[Token] = []
    pos = 0
    for m in _V1_BOUNDARY.finditer(value):
        group = 1 if m.start(1) >= 0 else 2
        start = m.start(group)
        if start == pos:
            continue
        tokens.append(Token(value[pos:start], m.group(group)))
        pos = m.end()
    if pos < len(value):
        tokens.append(Token(value[pos:], ""))
    return tuple(tokens)


# -- version 2 -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Table:
    """Abbreviations of one language, lower-cased, each with its final period."""

    never_end: frozenset[str]  # never the end of a sentence: e.g., Mr., p. ex.
    before_number: frozenset[str]  # not an end before a number: para. 3, Res. 12.22
    titles: frozenset[str] = frozenset()  # case-sensitive forms that are titles: M. Dupont


_COMMON_NEVER = ("e.g.", "i.e.", "cf.", "viz.", "vs.", "approx.", "ca.", "incl.", "u.n.", "u.s.",
                 "u.k.", "e.u.", "dr.", "prof.")
_COMMON_NUMBERED = ("no.", "nos.", "para.", "paras.", "art.", "arts.", "res.", "rec.", "doc.",
                    "docs.", "inf.", "vol.", "vols.", "p.", "pp.", "ch.", "chap.", "sect.", "sec.",
                    "fig.", "figs.", "rev.", "add.", "corr.", "dec.")
_TABLES = {
    "en": _Table(frozenset(_COMMON_NEVER + ("mr.", "ms.", "mrs.", "esp.", "resp.")),
                 frozenset(_COMMON_NUMBERED)),
    "fr": _Table(frozenset(_COMMON_NEVER + ("ex.", "c.-à-d.", "env.", "mme.", "mlle.", "me.",
                                            "resp.", "éd.")),
                 frozenset(_COMMON_NUMBERED + ("paragr.", "al.", "réf.", "rés.")),
                 frozenset({"M.", "MM."})),
    "es": _Table(frozenset(_COMMON_NEVER + ("ej.", "sr.", "sra.", "srta.", "sres.", "sras.",
                                            "dra.", "ud.", "uds.", "aprox.", "ee.")),
                 frozenset(_COMMON_NUMBERED + ("núm.", "núms.", "pág.", "págs.", "párr.",
                                               "párrs.", "cap.", "apdo.", "res."))),
}

_CLOSERS = "\"'\u201d\u2019)\\]\u00bb"
# A candidate boundary: the whitespace after a stop (an ellipsis, . ! or ?) and its closing
# quotes and brackets (French: a space before the closing guillemet), or a line break. The
# whitespace run is matched whole, so the scan is linear in the length of the text.
_CANDIDATE = re.compile(
    r"(?P<stop>\.\.\.|[.!?\u2026])[" + _CLOSERS + r"]*(?:[ \u00a0\u202f]\u00bb)?(?P<ws>\s+)"
    r"|(?P<nl>\n\s*)")
# What a candidate starts with. Looking for these first, then matching the whole candidate
# there, finds the same matches as ``_CANDIDATE.finditer`` several times quicker: the
# expression's alternatives give the engine no first character to skip ahead to, so finditer
# tries it at every character of the text (issue 19: half of splitting an import's texts).
_CANDIDATE_START = re.compile(r"[.!?\u2026\n]")
_OPENERS = "\"'\u201c\u2018\u00ab([\u00bf\u00a1 \u00a0\u202f"
_LEADING = "\"'\u201c\u2018\u00ab(["
# What comes before the abbreviation itself: an elided article (French l'art.) or the rest of a
# document symbol (UNEP/CMS/COP14/Doc.).
_PREFIX = re.compile(r"^(?:[^\W\d_]{1,2}['\u2019](?=\w)|\S*/)")
_INITIAL = re.compile(r"[^\W\d_]\.", re.UNICODE)
_LIST_MARKER = re.compile(r"(?:\d{1,9}|[a-zA-Z]|[ivxlcIVXLC]{1,6})[.)]")
_NUMBER_START = re.compile(r"\d|[IVXLC]+\b")
# Abbreviations are short: the word before a stop is looked for within this many characters.
_WORD_REACH = 40
# A word: up to the next whitespace (``\s`` is what str.isspace says, character for character).
_WORD = re.compile(r"\S*")
_UP_TO_SPACE = re.compile(r".*\s", re.DOTALL)  # up to the last whitespace (none: no match)


def _candidates(value: str) -> list[re.Match[str]]:
    """The matches of :data:`_CANDIDATE` in ``value``, as its finditer gives them."""
    find, match = _CANDIDATE_START.search, _CANDIDATE.match
    out = []
    pos = 0
    while (start := find(value, pos)) is not None:
        m = match(value, start.start())
        if m is None:
            pos = start.end()
        else:
            out.append(m)
            pos = m.end()
    return out


def _bracketed(value: str) -> list[tuple[int, int]]:
    """Outermost [square-bracketed] spans that close within their paragraph."""
    spans: list[tuple[int, int]] = []
    if "[" not in value:
        return spans
    opened: list[int] = []
    for m in re.finditer(r"[\[\]\n]", value):
        ch = m.group()
        if ch == "[":
            opened.append(m.start())
        elif ch == "]" and opened:
            start = opened.pop()
            if not opened:
                spans.append((start, m.end()))
        elif ch == "\n":
            opened.clear()
    return spans


def _word_before(value: str, end: int) -> tuple[str, int]:
    """The word that ends at ``end`` (exclusive), without opening quotes or brackets or an
    elided article (French ``l'art.``), and where it starts."""
    floor = max(0, end - _WORD_REACH)
    last_space = _UP_TO_SPACE.match(value, floor, end)
    start = last_space.end() if last_space else floor
    word = value[start:end].lstrip(_LEADING)
    if "'" in word or "\u2019" in word or "/" in word:  # what _PREFIX needs to match
        word = _PREFIX.sub("", word)
    return word, start


def _next_word(value: str, pos: int) -> str:
    """The word that starts at ``pos``, without opening quotes or brackets."""
    word = _WORD.match(value, pos, pos + _WORD_REACH)  # always a match, if an empty one
    return word.group().lstrip(_OPENERS) if word else ""


def _is_initial(word: str) -> bool:
    return bool(_INITIAL.fullmatch(word)) and word[0].isupper()


def _ends_sentence(value: str, m: re.Match[str], table: _Table) -> bool:
    """Whether the stop matched by ``m`` (followed by a space, not a line break) ends a
    sentence."""
    follower = _next_word(value, m.end())
    if follower[:1].islower():
        return False  # a lower-case word continues the sentence
    if value[m.start("ws") - 1] == "]" and value[m.end():m.end() + 1] == "[":
        return False  # adjacent bracketed alternatives are one passage
    stop = m.group("stop")
    if stop != ".":
        return True  # ! ? and the ellipsis before a capital, a digit, a quote
    word, start = _word_before(value, m.start() + 1)
    lower = word.lower()
    if lower in table.never_end or word in table.titles:
        return False
    if lower in table.before_number and _NUMBER_START.match(follower):
        return False
    if _LIST_MARKER.fullmatch(word) and (start == 0 or value[:start].endswith("\n")
                                         or value[:start].rstrip(" \t").endswith("\n")):
        return False
    if _is_initial(word):
        previous, _ = _word_before(value, start - 1) if start > 0 else ("", 0)
        if (_is_initial(follower.rstrip(",;:")) or _is_initial(previous)
                or previous.lower() in table.never_end or previous in table.titles):
            return False
    return True


def _split_v2(value: str, table: _Table) -> tuple[Token, ...]:
    spans = _bracketed(value)
    span = 0
    tokens: list[Token] = []
    pos = 0
    for m in _candidates(value):
        if m.group("nl") is not None:
            start = len(value[pos:m.start()].rstrip(" \t\u00a0\u202f")) + pos
            sep_start = start
        else:
            sep_start = m.start("ws")
            while span < len(spans) and spans[span][1] <= sep_start:
                span += 1
            inside = span < len(spans) and spans[span][0] < sep_start
            if "\n" not in m.group("ws") and (inside or not _ends_sentence(value, m, table)):
                continue
        if sep_start == pos:
            continue
        tokens.append(Token(value[pos:sep_start], value[sep_start:m.end()]))
        pos = m.end()
    rest = value[pos:]
    if rest.strip():  # whitespace that ends the text follows its last sentence
        last = rest.rstrip()
        tokens.append(Token(last, rest[len(last):]))
    return tuple(tokens)
