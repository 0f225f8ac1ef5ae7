"""The CMS Parties, observers and regions as data, and finding one from what a user types.

The list ships as ``resources/parties.json`` (made by ``tools/make_parties.py``; its header names
the source and date). Each entry has an ISO 3166 code (``EU`` for the European Union; a short
code for an organisation), a kind (``party``, ``observer state``, ``organisation``), its CMS
region and its names in English, French and Spanish, plus other names people type ("Ivory
Coast", "Tanzania"). Attributions keep the English name as the label (what changes carry);
every filter and every identity accepts a code or a name in any of the three languages, ignoring
case, accents and punctuation, so "Perú", "perou" and "PE" all find Peru.

A label that is not in the list (an organisation typed freely, or data from before the list)
is still matched by its folded text, so a filter never loses what it found before.
"""

from __future__ import annotations

import difflib
import json
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from cmsdesk.models.queries import NotFoundError
from cmsdesk.paths import resource

LANGS = ("en", "fr", "es")
PARTY = "party"
OBSERVER_STATE = "observer state"
ORGANISATION = "organisation"


class UnknownNameError(NotFoundError):
    """A name that is in none of the lists; the message suggests the closest ones."""


@lru_cache(maxsize=4096)  # an import asks for the Party of every change it checks
def fold(text: str) -> str:
    """``text`` compared loosely: no accents, no case, punctuation and runs of spaces as one."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    words = "".join(c if c.isalnum() else " " for c in bare.casefold())
    return " ".join(words.split())


@dataclass(frozen=True)
class Region:
    code: str
    names: dict[str, str]
    aliases: tuple[str, ...] = ()  # other spellings ("South & Central America & The Caribbean")

    @property
    def name(self) -> str:
        return self.names["en"]


@dataclass(frozen=True)
class Entry:
    """A Party, an observer State or an organisation."""

    code: str
    kind: str
    region: str  # a region code, "" for organisations
    names: dict[str, str]
    aliases: tuple[str, ...]

    @property
    def name(self) -> str:
        """The label attributions carry: the English name."""
        return self.names["en"]

    @property
    def is_party(self) -> bool:
        return self.kind == PARTY

    def spellings(self) -> list[str]:
        return [self.code, *self.names.values(), *self.aliases]


@dataclass
class Directory:
    """Everything in ``parties.json``, with look-ups by code or any name."""

    source: str
    as_of: str
    regions: tuple[Region, ...]
    entries: tuple[Entry, ...]

    def __post_init__(self) -> None:
        self._index: dict[str, Entry] = {}
        for entry in self.entries:
            for spelling in entry.spellings():
                self._index.setdefault(fold(spelling), entry)

    @property
    def parties(self) -> list[Entry]:
        return [e for e in self.entries if e.is_party]

    @property
    def observers(self) -> list[Entry]:
        return [e for e in self.entries if not e.is_party]

    def find(self, text: str) -> Entry | None:
        """The entry named by a code or any of its names, or None."""
        return self._index.get(fold(text))

    def find_region(self, text: str) -> Region | None:
        wanted = fold(text)
        for region in self.regions:
            if wanted in {fold(s) for s in (region.code, *region.names.values(),
                                            *region.aliases)}:
                return region
        return None

    def region(self, code: str) -> Region:
        return next(r for r in self.regions if r.code == code)

    def region_of(self, entry: Entry) -> str:
        """The English name of an entry's region, or "" (organisations)."""
        return self.region(entry.region).name if entry.region else ""

    def resolve(self, text: str) -> Entry:
        """The entry ``text`` names; unknown: :class:`UnknownNameError` with suggestions."""
        found = self.find(text)
        if found is None:
            raise UnknownNameError(f"{text!r} is not a CMS Party, observer State or "
                                   f"organisation in the list{self.suggest(text)} (see "
                                   "'cmsdesk parties'; an organisation not listed: --other)")
        return found

    def resolve_region(self, text: str) -> Region:
        found = self.find_region(text)
        if found is None:
            names = "; ".join(r.name for r in self.regions)
            raise UnknownNameError(f"{text!r} is not a CMS region (the regions: {names})")
        return found

    def suggest(self, text: str) -> str:
        """", did you mean X or Y?" for the closest names, or "" when nothing is close."""
        folded = {fold(s): e for e in self.entries for s in (*e.names.values(), *e.aliases)}
        close = difflib.get_close_matches(fold(text), list(folded), n=6, cutoff=0.75)
        names = list(dict.fromkeys(folded[c].name for c in close))[:3]
        return f", did you mean {' or '.join(names)}?" if names else ""

    def key(self, label: str) -> str:
        """What a Party label is compared by: its entry's code, else the folded label."""
        found = self.find(label)
        return found.code if found is not None else fold(label)

    def region_key(self, label: str) -> str:
        found = self.find_region(label)
        return found.code if found is not None else fold(label)


@cache
def directory() -> Directory:
    """The list shipped with cmsdesk (read once)."""
    doc = json.loads(resource("parties.json").read_text(encoding="utf-8"))
    regions = tuple(Region(r["code"], dict(r["names"]), tuple(r.get("aliases", ())))
                    for r in doc["regions"])
    entries = tuple(Entry(e["code"], e["kind"], e["region"], dict(e["names"]),
                          tuple(e["aliases"])) for e in doc["parties"] + doc["observers"])
    return Directory(doc["source"], doc["as_of"], regions, entries)


@dataclass(frozen=True)
class NameFilter:
    """Parties or regions as a user named them; ``matches`` compares labels by their key
    (:meth:`Directory.key` or :meth:`Directory.region_key`). Empty: everything matches."""

    keys: frozenset[str]
    warnings: tuple[str, ...] = ()
    regions: bool = False

    def matches(self, label: str) -> bool:
        if not self.keys:
            return True
        d = directory()
        return (d.region_key(label) if self.regions else d.key(label)) in self.keys


def party_filter(names: Iterable[str], known: Iterable[str] = ()) -> NameFilter:
    """Match Parties named by code or any name; warn for a name neither in the list nor among
    the ``known`` labels (those of the data at hand, which may hold organisations typed
    freely)."""
    d = directory()
    known_keys = {d.key(k) for k in known}
    names = list(names)
    warnings = tuple(f"no Party or organisation {n!r} in the list{d.suggest(n)}"
                     for n in names if d.find(n) is None and d.key(n) not in known_keys)
    return NameFilter(frozenset(d.key(n) for n in names), warnings)


def region_filter(names: Iterable[str], known: Iterable[str] = ()) -> NameFilter:
    """Match regions named by code or name in any language; warn for an unknown one."""
    d = directory()
    known_keys = {d.region_key(k) for k in known}
    regions = "; ".join(r.name for r in d.regions)
    names = list(names)
    warnings = tuple(f"no CMS region {n!r} (the regions: {regions})"
                     for n in names if d.find_region(n) is None
                     and d.region_key(n) not in known_keys)
    return NameFilter(frozenset(d.region_key(n) for n in names), warnings, regions=True)


def identity_fields(party: str | None, region: str | None, *,
                    other: bool = False) -> dict[str, str]:
    """The Party and region a profile records for what a user typed (codes or names in any
    language): the English names from the list, the region following the Party unless given.

    ``other`` records an organisation that is not in the list, as typed (it is shown as an
    observer). Raises :class:`UnknownNameError` for a name not in the list, or a region that
    is not the listed Party's.
    """
    d = directory()
    out: dict[str, str] = {}
    chosen = d.resolve_region(region) if region else None
    if chosen is not None:
        out["region"] = chosen.name
    if party is None:
        return out
    if other:
        if d.find(party) is not None:
            raise UnknownNameError(f"{party!r} is in the list ({d.resolve(party).name}): "
                                   "give it without --other")
        return {"region": ""} | out | {"party": " ".join(party.split())}
    entry = d.resolve(party)
    out["party"] = entry.name
    if not entry.region:
        out.setdefault("region", "")
    else:
        if chosen is not None and chosen.code != entry.region:
            raise UnknownNameError(f"{entry.name} belongs to the CMS region "
                                   f"{d.region_of(entry)}, not {chosen.name}")
        out["region"] = d.region_of(entry)
    return out


def kind_of(label: str) -> str:
    """``party``, ``observer state`` or ``organisation`` (also for a label not in the list)."""
    found = directory().find(label)
    return found.kind if found is not None else ORGANISATION
