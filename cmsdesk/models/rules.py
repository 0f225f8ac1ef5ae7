"""The structure of a plan: which kinds of node may hold which, and which fields each has."""

from __future__ import annotations

KINDS = ("part", "chapter", "goal", "target", "indicator")

# None is the top of the outline.
ALLOWED_CHILDREN: dict[str | None, tuple[str, ...]] = {
    None: ("part", "chapter"),
    "part": ("chapter", "goal"),
    "chapter": ("chapter", "goal", "target", "indicator"),
    "goal": ("target",),
    "target": ("indicator",),
    "indicator": (),
}

COMMON_FIELDS = ("title", "text")
TARGET_FIELDS = ("note", "indicators", "milestones", "actors", "status")
STATUSES = ("draft", "proposed", "agreed")
RELEVANCES = ("primary", "supporting")
PLAN_FIELDS = ("title", "period", "symbol")

# Labels the outline prints (G2, T7...) and how people name the kinds.
LABEL_PREFIX = {"part": "P", "chapter": "C", "goal": "G", "target": "T", "indicator": "I"}
KIND_NAMES = {"part": "Part", "chapter": "Chapter", "goal": "Goal", "target": "Target",
              "indicator": "Indicator"}


def fields_of(kind: str) -> tuple[str, ...]:
    return COMMON_FIELDS + TARGET_FIELDS if kind == "target" else COMMON_FIELDS


def may_hold(parent_kind: str | None, child_kind: str) -> bool:
    return child_kind in ALLOWED_CHILDREN.get(parent_kind, ())
