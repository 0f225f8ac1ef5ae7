"""Fractional position keys for ordering siblings.

A node's place among its siblings is a string key; inserting between two siblings makes a key
that sorts between theirs, so a move writes one change for the moved node only, and two sites
inserting concurrently never renumber each other. Equal keys (two sites inserting at the same
place) are ordered by node id, which every site knows.
"""

from __future__ import annotations

DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_BASE = len(DIGITS)


def key_between(lower: str | None, upper: str | None) -> str:
    """A key strictly between ``lower`` and ``upper`` (None: unbounded). Keys never end in '0'."""
    a = lower or ""
    b = upper
    if b is not None and a >= b:
        raise ValueError(f"no key between {lower!r} and {upper!r}")
    if b is None:
        return _after(a)
    if not a:
        return _before(b)
    out = []
    i = 0
    while True:
        da = DIGITS.index(a[i]) if i < len(a) else 0
        db = DIGITS.index(b[i]) if b is not None and i < len(b) else _BASE
        if da == db:
            out.append(DIGITS[da])
        else:
            mid = (da + db) // 2
            if mid > da:
                out.append(DIGITS[mid])
                return "".join(out)
            out.append(DIGITS[da])
            b = None  # we are now strictly below upper; only lower still constrains
        i += 1


def _after(a: str) -> str:
    """The shortest key above ``a`` that steps by one digit: appending sibling after sibling
    (the usual way a list grows) lengthens keys by one character per ~60 appends, where
    halving the gap each time lengthened them by one per ~6."""
    for i, ch in enumerate(a):
        if ch != DIGITS[-1]:
            return a[:i] + DIGITS[DIGITS.index(ch) + 1]
    return a + DIGITS[_BASE // 2]


def _before(b: str) -> str:
    """The key below ``b`` that steps down by one digit (prepending, as :func:`_after`)."""
    for i, ch in enumerate(b):
        d = DIGITS.index(ch)
        if d > 1:
            return b[:i] + DIGITS[d - 1]
        if d == 1:
            return b[:i] + "0" + DIGITS[_BASE // 2]
    raise ValueError(f"no key below {b!r}")  # only zeros: not a key


def keys_for(count: int) -> list[str]:
    """``count`` increasing keys, evenly spread (for building a plan from a template)."""
    keys: list[str] = []
    prev: str | None = None
    for _ in range(count):
        prev = key_between(prev, None)
        keys.append(prev)
    return keys
