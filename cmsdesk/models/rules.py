"""The structure of a plan: which kinds of node may hold which, and which fields each has."""

from __future__ import annotations

KINDS = ("part", "chapter", "goal", "target", "indicator", "annex", "correspondence")
# Annexes stand at the top level, lettered in outline order (Annex A, B...) when printed: an
# "annex" holds its own text (and chapters); a "correspondence" annex is the table of the
# targets' correspondence with the reference frameworks, placed where the Secretariat puts it.
ANNEX_KINDS = ("annex", "correspondence")

# None is the top of the outline.
ALLOWED_CHILDREN: dict[str | None, tuple[str, ...]] = {
    None: ("part", "chapter", "annex", "correspondence"),
    "part": ("chapter", "goal"),
    "chapter": ("chapter", "goal", "target", "indicator"),
    "goal": ("target",),
    "target": ("indicator",),
    "indicator": (),
    "annex": ("chapter",),
    "correspondence": (),
}

COMMON_FIELDS = ("title", "text")
TARGET_FIELDS = ("note", "indicators", "milestones", "actors", "status")
STATUSES = ("draft", "proposed", "agreed")
RELEVANCES = ("primary", "supporting")
PLAN_FIELDS = ("title", "period", "symbol")
# Texts that exist in each language (models/languages.py); the others (status, period,
# symbol, placement...) are the same whatever the language.
TRANSLATABLE_FIELDS = frozenset({("plan", "title"), ("xref", "note")} | {
    ("node", f) for f in ("title", "text", "note", "indicators", "milestones", "actors")})
# A plan setting recorded when the plan is made, never shown: the version of the sentence rules
# its texts are merged with (models/sentences.py), so every site splits them alike.
SENTENCE_RULES = "sentence_rules"

# Labels the outline prints (G2, T7...) and how people name the kinds.
LABEL_PREFIX = {"part": "P", "chapter": "C", "goal": "G", "target": "T", "indicator": "I",
                "annex": "A", "correspondence": "X"}
KIND_NAMES = {"part": "Part", "chapter": "Chapter", "goal": "Goal", "target": "Target",
              "indicator": "Indicator", "annex": "Annex",
              "correspondence": "Correspondence annex"}


def fields_of(kind: str) -> tuple[str, ...]:
    return COMMON_FIELDS + TARGET_FIELDS if kind == "target" else COMMON_FIELDS


def may_hold(parent_kind: str | None, child_kind: str) -> bool:
    return child_kind in ALLOWED_CHILDREN.get(parent_kind, ())
