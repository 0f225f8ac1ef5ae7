"""Released sentence rules and the merge give the same result forever: every site derives its
state from the change log, so two installations (or one before and after an upgrade that only
made the merge faster) must split and merge the same texts into the same bytes.

A seeded generator makes rounds of the kind an import merges (a base text, up to 25 heads each
with a few sentence-level edits, some heads alike, some sentences repeated) from the negotiation
sentences of tests/test_sentences.py and list items, bracketed options and unpunctuated lines,
in English, French and Spanish, with both rules versions; the digest of every split and of every
merge result (text, contested passages, options and their numbers, alternatives) was recorded
with the merge as it was before it was made faster (issue 19). A change here is a change of
released behaviour: make it a new rules version instead (models/sentences.py).
"""

from __future__ import annotations

import hashlib
import random
from difflib import SequenceMatcher

from hypothesis import given, settings
from hypothesis import strategies as st
from test_sentences import CASES

from cmsdesk.models import sentences
from cmsdesk.models.sentences import CURRENT_RULES, LEGACY_RULES, split_sentences
from cmsdesk.models.textmerge import Numbering, edits, merge_texts, option_id

_EXTRA = {
    "en": ["- monitor flyways", "1. Range States report.", "a) the first option;",
           "[Option 1 (Kenya): Parties must act.] [Option 2 (Spain): Parties should act.]",
           "Heading without a stop", "Wait... Then it ends.", "See para. 3 of Doc. 24.1 here.",
           "Parties shall act.", "Parties shall act."],
    "fr": ["- suivre les voies de migration", "2) Les États de l'aire de répartition.",
           "« Les Parties agissent. »", "Titre sans point", "M. Dupont a parlé. Il a conclu.",
           "[Option 3 (France) : Les Parties doivent agir.]", "Les Parties agissent."],
    "es": ["- vigilar las rutas", "3. Los Estados del área.", "¿Qué Partes informan?",
           "Título sin punto", "La Sra. Pérez habló.", "Las Partes actúan.",
           "[Opción 2 (Chile): Las Partes deben actuar.]"],
}
_POOLS = {lang: [s for case_lang, ss in CASES if case_lang == lang for s in ss] + extra
          for lang, extra in _EXTRA.items()}
_SEPARATORS = [" ", " ", " ", "\n", "\n\n", "  "]


def _text(pieces: list[str], rng: random.Random) -> str:
    return "".join(p + (rng.choice(_SEPARATORS) if i + 1 < len(pieces) else "")
                   for i, p in enumerate(pieces))


def _edited(base: list[str], pool: list[str], rng: random.Random) -> list[str]:
    pieces = list(base)
    for _ in range(rng.choice([1, 1, 2, 3])):
        op = rng.choice(["replace", "insert", "delete", "amend", "repeat"])
        i = rng.randrange(len(pieces) + (op == "insert")) if pieces or op == "insert" else 0
        if op == "insert" or not pieces:
            pieces.insert(i, rng.choice(pool))
        elif op == "replace":
            pieces[i] = rng.choice(pool)
        elif op == "delete":
            del pieces[i]
        elif op == "amend":
            pieces[i] = pieces[i][:-1] + " as agreed" + pieces[i][-1:]
        else:
            pieces.insert(i, pieces[i])
    return pieces


def _rounds(seed: int, count: int) -> list[tuple[str, str, int, list[tuple[str, list[str]]],
                                                  Numbering]]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        lang = rng.choice(["en", "fr", "es"])
        rules = rng.choice([CURRENT_RULES, CURRENT_RULES, LEGACY_RULES])
        pool = _POOLS[lang]
        base_pieces = [rng.choice(pool) for _ in range(rng.randint(0, 10))]
        base = _text(base_pieces, rng)
        heads: list[tuple[str, list[str]]] = []
        for _ in range(rng.choice([2, 2, 3, 4, rng.randint(5, 25)])):
            if heads and rng.random() < 0.15:
                text = rng.choice(heads)[0]  # a wording another delegate wrote too
            else:
                text = _text(_edited(base_pieces, pool, rng), rng)
            heads.append((text, sorted({f"Party {rng.randint(1, 40):03}"
                                        for _ in range(rng.randint(1, 2))})))
        numbering = Numbering()
        if rng.random() < 0.5:
            recorded = rng.choice(pool)
            numbering = Numbering({option_id(recorded): rng.randint(1, 9)},
                                  reserved={rng.randint(1, 9)})
        out.append((lang, base, rules, heads, numbering))
    return out


def _digest(items: list[str]) -> str:
    return hashlib.sha256("\n".join(items).encode("utf-8")).hexdigest()


ROUNDS = _rounds(seed=19, count=300)


def test_the_generated_rounds_hold_what_they_pin() -> None:
    results = [merge_texts(base, heads, lang, rules, numbering)
               for lang, base, rules, heads, numbering in ROUNDS]
    assert sum(not r.clean for r in results) > 150
    assert sum(r.clean for r in results) > 50
    assert any(len(r.hunks) > 2 for r in results)
    assert any(o.number > 9 for r in results for _b, opts in r.hunks for o in opts)


def test_sentence_splits_are_pinned() -> None:
    splits = [repr(split_sentences(text, lang, rules))
              for lang, base, rules, heads, _n in ROUNDS
              for text in [base, *(t for t, _p in heads)]]
    assert _digest(splits) == (
        "c0dc2c609f5723c37e54d5f67c5410f7"
        "904bd654fb45930d02a29f84b829ebee")


def test_merge_results_are_pinned() -> None:
    results = [repr(merge_texts(base, heads, lang, rules, numbering))
               for lang, base, rules, heads, numbering in ROUNDS]
    assert _digest(results) == (
        "daa00887e8f61352acc456de0bf2e67d"
        "ef3091d5c2e3a529000fd73c69106dfc")


# -- the quicker paths, against what they replace ---------------------------------------------

words = st.lists(st.sampled_from("ABCDEFG"), max_size=9)


@settings(max_examples=400, deadline=None)
@given(a=words, b=words, unique=st.booleans())
def test_edits_are_the_sequence_matchers_opcodes(a: list[str], b: list[str],
                                                 unique: bool) -> None:
    if unique:  # the usual case, a head's sentences each once: the matcher is mostly skipped
        a, b = list(dict.fromkeys(a)), list(dict.fromkeys(b))
    expected = [(i1, i2, j1, j2) for tag, i1, i2, j1, j2
                in SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if tag != "equal"]
    assert edits(a, b) == expected


@settings(max_examples=300, deadline=None)
@given(text=st.text(st.sampled_from("ab .!?\u2026\n\t»\"')]["), max_size=40))
def test_candidate_boundaries_are_those_finditer_gives(text: str) -> None:
    def spans(matches: object) -> list[tuple[tuple[int, int], ...]]:
        return [tuple(m.span(g) for g in (0, "stop", "ws", "nl")) for m in matches]

    assert spans(sentences._candidates(text)) == spans(sentences._CANDIDATE.finditer(text))
