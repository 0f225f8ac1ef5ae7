"""Value patches: a change edited from a version can carry only what it changed of that value.

A delegate who changes one sentence of a 750-character text makes a change whose value is the
whole new text; in a bundle most of it repeats the version it was edited from, which the
receiver holds (or which comes on an earlier line). From format 2.0 such a change may replace
its ``value`` by ``"patch": {"base": B, "keep": [HEAD, TAIL], "text": MIDDLE}``: take the
canonical JSON text of the value of the version ``parents[B]``, keep its first HEAD and last
TAIL characters (code points) and put MIDDLE between them; that is the canonical JSON text of
the change's value. Working on the JSON text makes one patch form serve every value type, and
trimming the common prefix and suffix is all a one-sentence edit needs.

The receiver restores the value, then checks the change's id against the whole restored
content as for any change, so a wrong base or an altered patch is refused by the id check.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any


class PatchError(ValueError):
    """A patch that is malformed or does not fit the value it names as base."""


@dataclass(frozen=True)
class Patch:
    base: int  # index in the change's parents of the version it patches
    head: int  # characters kept from the start of the base text
    tail: int  # characters kept from its end
    text: str  # what goes between them

    def to_json(self) -> dict[str, Any]:
        return {"base": self.base, "keep": [self.head, self.tail], "text": self.text}

    def apply(self, base_text: str) -> str:
        """The patched text, from the canonical JSON text of the base version's value."""
        if self.head + self.tail > len(base_text):
            raise PatchError("the patch keeps more than the version it patches holds")
        return base_text[:self.head] + self.text + base_text[len(base_text) - self.tail:]


def _count(raw: Any) -> bool:
    return isinstance(raw, int) and not isinstance(raw, bool) and raw >= 0


def parse_patch(raw: Any, parents: int) -> Patch:
    """Check a patch's form; ``parents`` is the number of versions the change names."""
    if not isinstance(raw, dict) or set(raw) != {"base", "keep", "text"}:
        raise PatchError("the patch is not an object with base, keep and text")
    base, keep, text = raw["base"], raw["keep"], raw["text"]
    if not _count(base) or base >= parents:
        raise PatchError("the patch's base is not one of the change's parents")
    if not isinstance(keep, list) or len(keep) != 2 or not all(_count(k) for k in keep):
        raise PatchError("the patch's keep is not two counts of characters")
    if not isinstance(text, str):
        raise PatchError("the patch's text is not a text")
    return Patch(base, keep[0], keep[1], text)


def _common_prefix(a: str, b: str) -> int:
    """Length of the common prefix, by bisection: slices compare in C, a loop per character
    would cost a full export of a long history seconds."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        mid = (low + high + 1) // 2
        if a[:mid] == b[:mid]:
            low = mid
        else:
            high = mid - 1
    return low


def make_patch(base: int, base_text: str, new_text: str) -> Patch:
    """The patch turning ``base_text`` into ``new_text``: both minus their common ends."""
    head = _common_prefix(base_text, new_text)
    room = min(len(base_text), len(new_text)) - head
    tail = _common_prefix(base_text[::-1][:room], new_text[::-1][:room])
    return Patch(base, head, tail, new_text[head:len(new_text) - tail])


def encoded(obj: Any) -> bytes:
    """Canonical JSON without the NFC normalization of
    :func:`cmsdesk.models.canonical.canonical_bytes`: for a line that holds a patch (its text is
    a slice of NFC text, which must travel exactly as sliced), and for hashing a change that is
    in NFC already (normalizing it again cost an import of 2,600 changes about 50 ms).
    """
    return json.dumps(obj, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False).encode("utf-8")


def shortest_patch(value_text: str, bases: list[str | None]) -> Patch | None:
    """The patch against one of ``bases`` (the base texts by parent index, None where unknown)
    that is shorter than the value itself, if any."""
    best: tuple[int, Patch] | None = None
    for index, base_text in enumerate(bases):
        if base_text is None:
            continue
        patch = make_patch(index, base_text, value_text)
        size = len(encoded(patch.to_json()))
        if best is None or size < best[0]:
            best = (size, patch)
    if best is None or best[0] >= len(value_text.encode("utf-8")):
        return None
    return best[1]
