"""How a plan document is presented: the negotiation text or the working copy, and each switch.

A *negotiation text* is what delegates negotiate in the room: the chapters' paragraphs numbered
as in any United Nations document, goals as headings, each target a single paragraph opening
with its bold label ("Target 7:"), no short titles, no explanatory fields, a compact
correspondence table, no table of contents and no page break per chapter
(a consultation draft printed the old way ran to twice the pages). A *working copy* is the full
layout: short titles, notes, indicators, milestones, actors, the full correspondence table, a
table of contents and each chapter on a new page.

Each switch can be set on its own over either preset, and the choice is remembered per named
draft (``NamedDraft.options``, through :meth:`ExportOptions.to_json`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from cmsdesk.models.commands import CommandError

PRESENTATIONS = ("negotiation", "working")
DETAIL_FIELDS = ("note", "indicators", "milestones", "actors")
DEFAULT_FRAMEWORKS = ("aichi",)


@dataclass(frozen=True)
class ExportOptions:
    presentation: str = "working"
    toc: bool = True  # a table of contents after the first-page blocks
    page_breaks: bool = True  # each top-level chapter starts a new page
    short_titles: bool = True  # a target's short title in its heading
    fields: tuple[str, ...] = DETAIL_FIELDS  # the target fields printed under each target
    annexes: bool = True  # the correspondence annexes
    numbered_paragraphs: bool = False  # the chapters' paragraphs numbered 1, 2, 3...
    companion: bool = True  # the Companion Volume (the second top-level part)
    frameworks: tuple[str, ...] = DEFAULT_FRAMEWORKS  # the correspondence annexes' frameworks

    @property
    def negotiation(self) -> bool:
        return self.presentation == "negotiation"

    @classmethod
    def preset(cls, presentation: str) -> ExportOptions:
        """The switches of a presentation; an unknown name raises :class:`CommandError`."""
        if presentation not in PRESENTATIONS:
            raise CommandError(f"presentation {presentation!r} is not one of "
                               f"{', '.join(PRESENTATIONS)}")
        if presentation == "negotiation":
            return cls(presentation, toc=False, page_breaks=False, short_titles=False,
                       fields=(), numbered_paragraphs=True)
        return cls()

    def updated(self, **changes: Any) -> ExportOptions:
        """A copy with ``changes`` (None: keep); field names are checked."""
        clean = {k: v for k, v in changes.items() if v is not None}
        if "presentation" in clean:
            self.preset(clean["presentation"])  # checks the name
        if "fields" in clean:
            clean["fields"] = parse_fields(clean["fields"])
        if "frameworks" in clean:
            clean["frameworks"] = tuple(dict.fromkeys(clean["frameworks"])) or DEFAULT_FRAMEWORKS
        return replace(self, **clean)

    def to_json(self) -> dict[str, Any]:
        return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items()}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ExportOptions:
        """Remembered options; unknown keys (from a newer cmsdesk) are ignored."""
        names = {f.name for f in fields(cls)}
        known = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items()
                 if k in names}
        base = cls.preset(known.get("presentation", "working")) \
            if known.get("presentation") in PRESENTATIONS else cls()
        return replace(base, **{k: v for k, v in known.items() if k != "presentation"
                                or v in PRESENTATIONS})


def parse_fields(value: str | tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """``note,indicators`` (or ``none``, or ``all``) as the fields to print, in reading order."""
    items = value.replace(",", " ").split() if isinstance(value, str) else list(value)
    if items in (["none"], []):
        return ()
    if items == ["all"]:
        return DETAIL_FIELDS
    unknown = [i for i in items if i not in DETAIL_FIELDS]
    if unknown:
        raise CommandError(f"no target field {unknown[0]!r} to print; choose among "
                           f"{', '.join(DETAIL_FIELDS)} (or all, none)")
    return tuple(f for f in DETAIL_FIELDS if f in items)
