"""Position keys: a key between two siblings sorts strictly between them, and keys stay short
however a list grows."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cmsdesk.models.positions import DIGITS, key_between, keys_for

keys = st.text(alphabet=DIGITS, min_size=1, max_size=12).filter(
    lambda k: not k.endswith("0"))


def valid(key: str) -> bool:
    return bool(key) and set(key) <= set(DIGITS) and not key.endswith("0")


@settings(max_examples=500, deadline=None)
@given(keys, keys)
def test_a_key_between_two_keys_sorts_strictly_between_them(a: str, b: str) -> None:
    if a == b:
        return
    lower, upper = sorted((a, b))
    key = key_between(lower, upper)
    assert lower < key < upper and valid(key)


@settings(max_examples=300, deadline=None)
@given(keys)
def test_a_key_after_or_before_a_key_sorts_beyond_it(a: str) -> None:
    after, before = key_between(a, None), key_between(None, a)
    assert before < a < after and valid(after) and valid(before)


@given(keys, keys)
def test_no_key_between_a_key_and_a_lower_one(a: str, b: str) -> None:
    lower, upper = sorted((a, b))
    with pytest.raises(ValueError, match="no key between"):
        key_between(upper, lower)


def test_a_first_key_exists() -> None:
    assert valid(key_between(None, None))


def grow(steps: int, where: str, seed: int = 20150101) -> list[str]:
    """The keys of a sibling list after ``steps`` insertions at its end, its start, in one
    place (always right after the first sibling) or anywhere."""
    rng = random.Random(seed)
    order: list[str] = []
    for _ in range(steps):
        at = {"end": len(order), "start": 0, "one place": min(1, len(order)),
              "anywhere": rng.randint(0, len(order))}[where]
        lower = order[at - 1] if at > 0 else None
        upper = order[at] if at < len(order) else None
        order.insert(at, key_between(lower, upper))
    assert order == sorted(order) and len(set(order)) == len(order)
    return order


@pytest.mark.parametrize(("where", "longest"), [("end", 20), ("start", 20), ("anywhere", 6),
                                                ("one place", 130)])
def test_long_insertion_sequences_stay_short(where: str, longest: int) -> None:
    """600 insertions: adding at the end or the start (how outlines grow) adds a character per
    ~60 siblings, anywhere at random stays a few characters; even always into the same gap,
    the worst case, a character per ~5 insertions."""
    assert max(len(k) for k in grow(600, where)) <= longest


def test_template_keys_are_short_and_increasing() -> None:
    made = keys_for(100)
    assert made == sorted(made) and max(len(k) for k in made) <= 4
