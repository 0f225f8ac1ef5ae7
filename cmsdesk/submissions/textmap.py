"""Carrying a Party's edit of the printed text back onto the Markdown it was printed from.

A field is Markdown; Word shows it formatted, and reading the copy back gives Markdown again,
but not always the same characters (``__bold__`` comes back as ``**bold**``, ``*`` bullets
as ``-``). Taking the read-back text as the proposal would then change sentences the Party
never touched, and the sentence merge would see edits (and conflicts) where there are none.
So the words the Party changed (the difference between the text as printed and as returned)
are applied to the original Markdown, at the places the printed text aligns with it.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

MIN_SHARED = 12  # characters: shorter common runs are chance, not the same passage
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _offsets(tokens: list[str]) -> list[int]:
    out = [0]
    for t in tokens:
        out.append(out[-1] + len(t))
    return out


class _Alignment:
    """Positions in the printed text -> positions in the original Markdown."""

    def __init__(self, printed: str, original: str) -> None:
        self.blocks = SequenceMatcher(None, printed, original, autojunk=False).get_matching_blocks()
        self.end = (len(printed), len(original))

    def start(self, pos: int) -> int:
        """Where an edit starting at ``pos`` starts in the original: inside a matching block
        exactly; in markup between blocks, just after the previous block."""
        previous_end = 0
        for a, b, size in self.blocks:
            if a <= pos < a + size:
                return b + (pos - a)
            if a >= pos:
                return previous_end if a > pos else b
            previous_end = b + size
        return self.end[1]

    def stop(self, pos: int) -> int:
        """Where an edit ending at ``pos`` ends in the original."""
        for a, b, size in self.blocks:
            if a < pos <= a + size:
                return b + (pos - a)
            if a >= pos:
                return b
        return self.end[1]


def carry_edit(original: str, printed: str, returned: str) -> str:
    """``original`` (Markdown) with the edits that turned ``printed`` into ``returned``."""
    if printed == returned:
        return original
    if printed == original:
        return returned
    a, b = _tokens(printed), _tokens(returned)
    pa, pb = _offsets(a), _offsets(b)
    align = _Alignment(printed, original)
    edits = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        start = align.start(pa[i1])
        stop = align.stop(pa[i2]) if i2 > i1 else start
        edits.append((start, max(start, stop), returned[pb[j1]:pb[j2]]))
    out = original
    for start, stop, text in reversed(edits):
        out = out[:start] + text + out[stop:]
    return out


def edit_within(printed: str, returned: str, version: str) -> str | None:
    """``version`` with the edits that turned ``printed`` into ``returned``, if every edit
    falls strictly inside text that ``printed`` shares with ``version``; else None.

    A contested field is printed as bracketed options, one per version ("[Option 2 (Brazil):
    ...]"). An edit made inside one option is an amendment of that version, not of the whole
    bracketed text: this finds whether the edit belongs to ``version``.
    """
    a, b = _tokens(printed), _tokens(returned)
    pa = _offsets(a)
    blocks = [blk for blk in SequenceMatcher(None, printed, version,
                                             autojunk=False).get_matching_blocks() if blk.size]

    def inside(start: int, stop: int) -> bool:
        for blk in blocks:
            if blk.size < MIN_SHARED:
                continue
            if start == stop and blk.a < start < blk.a + blk.size:
                return True  # an insertion between two shared characters
            if start < stop and blk.a <= start and stop <= blk.a + blk.size:
                return True
        return False

    for op, i1, i2, _j1, _j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op != "equal" and not inside(pa[i1], pa[i2]):
            return None
    return carry_edit(version, printed, returned)
