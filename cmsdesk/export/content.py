"""What an export of the plan holds, read from the store once and shared by every writer.

The Word and the Markdown writers render the same :class:`PlanContent`: the sections in outline
order with their derived numbers ("Goal 1", "Target 7"; chapters I, II... at the top, A, B...
within them, then 1, 2...; annexes lettered A, B... in outline order), each target's explanatory note,
indicators, milestones and actors, and one :class:`Annex` per reference framework that maps
every plan target to that framework's targets. The correspondence annex is a node of the outline
(kind "correspondence") that the Secretariat places; a plan without one gets it at the end.
Reading it in a handful of queries (not one per node) keeps exporting a large plan fast.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from cmsdesk.export.localized import LanguageTexts
from cmsdesk.export.wording import has_brackets
from cmsdesk.models import queries, rules
from cmsdesk.models.frameworks import framework_words, list_frameworks
from cmsdesk.models.queries import NotFoundError, OutlineEntry
from cmsdesk.models.schema import CrossReference, Framework, Node

DETAIL_FIELDS = (("note", "Explanatory note"), ("indicators", "Indicators"),
                 ("milestones", "Milestones"), ("actors", "Actors"))
DEFAULT_FRAMEWORKS = ("aichi",)

_ROMAN = (("M", 1000), ("CM", 900), ("D", 500), ("CD", 400), ("C", 100), ("XC", 90),
          ("L", 50), ("XL", 40), ("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1))


def roman(number: int) -> str:
    """I, II, III, IV... as United Nations documents number their chapters."""
    out = ""
    for letters, value in _ROMAN:
        while number >= value:
            out += letters
            number -= value
    return out


def letter(index: int) -> str:
    """A, B, ... Z, AA, AB...: the letter of the annex at ``index`` (0-based)."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(ord("A") + rest) + out
    return out


@dataclass
class Section:
    """One node of the exported outline."""

    entry: OutlineEntry
    depth: int  # 0 for a top-level part or chapter
    text: str
    details: list[tuple[str, str]] = field(default_factory=list)  # (label, Markdown) of a target
    number: str = ""  # "II" for a chapter, "B" for an annex; empty for goals and targets
    detail_fields: list[tuple[str, str]] = field(default_factory=list)  # (field name, Markdown)

    @property
    def heading(self) -> str:
        return self.entry.heading()

    @property
    def is_annex(self) -> bool:
        return self.entry.kind in rules.ANNEX_KINDS


@dataclass
class AnnexLink:
    code: str
    title: str
    relevance: str  # primary | supporting
    note: str


@dataclass
class AnnexRow:
    heading: str  # "Target 1: Awareness of ..."
    links: list[AnnexLink]
    number: int = 0  # the target's number


@dataclass
class Annex:
    framework: str
    title: str  # "Aichi Biodiversity Targets"
    short: str
    rows: list[AnnexRow]


@dataclass
class PlanContent:
    title: str
    period: str
    symbol: str
    sections: list[Section]
    annexes: list[Annex]
    conflicts: int
    lang: str = "en"  # the document's language
    original: str = "en"  # the plan's original language
    fallbacks: int = 0  # texts printed in the original for want of a translation
    # the proposers this installation cannot vouch for (models/trust.py): marked in option labels
    unverified: frozenset[str] = frozenset()
    # the proposers whose wording the Secretariat recorded from their Word reply or letter
    recorded: frozenset[str] = frozenset()

    @property
    def placed_correspondence(self) -> bool:
        """Whether the outline places the correspondence annex (else it comes last)."""
        return any(s.entry.kind == "correspondence" for s in self.sections)

    @property
    def annex_count(self) -> int:
        """How many lettered annexes the document has."""
        placed = sum(1 for s in self.sections if s.is_annex and s.depth == 0)
        return placed + (0 if self.placed_correspondence or not self.annexes else 1)

    @property
    def has_brackets(self) -> bool:
        return any(has_brackets(s.text) or has_brackets(s.heading)
                   or any(has_brackets(v) for _l, v in s.details) for s in self.sections)


def _exported_entries(entries: list[OutlineEntry], companion: bool) -> list[OutlineEntry]:
    """The outline, without the Companion Volume (the second top-level part) if not wanted."""
    if companion:
        return entries
    parts = [e for e in entries if e.depth == 0 and e.kind == "part"]
    if len(parts) < 2:
        return entries
    skipped = parts[1].id
    out: list[OutlineEntry] = []
    skipping = False
    for e in entries:
        if e.depth == 0:
            skipping = e.id == skipped
        if not skipping:
            out.append(e)
    return out


def _annex(session: Session, plan_id: str, framework_id: str,
           targets: list[Section], texts: LanguageTexts) -> Annex:
    fw = session.get(Framework, framework_id)
    if fw is None:
        known = ", ".join(f.id for f in list_frameworks(session)) or "none"
        raise NotFoundError(f"no framework {framework_id!r} in this store (it holds: {known}; "
                            "see 'cmsdesk framework list')")
    words = framework_words(session, framework_id, texts.lang)
    order = {code: (i, title) for i, (code, (title, _summary)) in enumerate(words.targets.items())}
    links: dict[str, list[AnnexLink]] = {}
    rows = session.scalars(select(CrossReference).where(
        CrossReference.plan_id == plan_id, CrossReference.framework == framework_id,
        CrossReference.present.is_(True)))
    for x in rows:
        title = order.get(x.target, (0, ""))[1]
        note = texts.title("xref", f"{x.node_id}|{framework_id}|{x.target}", "note", x.note)
        links.setdefault(x.node_id, []).append(AnnexLink(x.target, title, x.relevance, note))
    unknown = len(order)
    for group in links.values():
        group.sort(key=lambda link: (order.get(link.code, (unknown, ""))[0], link.code))
    heading = texts.terms.heading
    return Annex(fw.id, words.title, words.short,
                 [AnnexRow(heading(s.entry.kind, s.entry.number, s.entry.title),
                           links.get(s.entry.id, []), s.entry.number) for s in targets])


class _Numbering:
    """Chapter numbers as United Nations documents have them (I, II... at the top, A, B...
    within them, then 1, 2...: the body's paragraphs are numbered 1, 2... too) and annex letters,
    in outline order; goals, targets and indicators carry their own numbers."""

    def __init__(self) -> None:
        self.chapters: dict[str | None, int] = {}
        self.annexes = 0

    def next(self, entry: OutlineEntry) -> str:
        if entry.kind in rules.ANNEX_KINDS:
            self.annexes += 1
            return letter(self.annexes - 1)
        if entry.kind not in ("part", "chapter"):
            return ""
        count = self.chapters[entry.parent_id] = self.chapters.get(entry.parent_id, 0) + 1
        if entry.depth == 0:
            return roman(count)
        return letter(count - 1) if entry.depth == 1 else str(count)


def plan_content(session: Session, plan_id: str, *, companion: bool = True,
                 frameworks: tuple[str, ...] | list[str] = DEFAULT_FRAMEWORKS,
                 correspondence: bool = True, lang: str | None = None) -> PlanContent:
    """Everything a writer needs to render the plan; unknown plan or framework: NotFoundError.

    Without ``correspondence`` the correspondence annex is left out (and the annexes after it
    are lettered as if it had never been there). ``lang`` (default: the plan's original) is
    the document's language: every text in that language version, the original standing in,
    marked, where there is none (see :mod:`cmsdesk.export.localized`).
    """
    plan = queries.find_plan(session, plan_id)
    texts = LanguageTexts(session, plan_id, lang)
    nodes = {n.id: n for n in session.scalars(select(Node).where(Node.plan_id == plan_id))}
    sections: list[Section] = []
    numbers = _Numbering()
    for entry in _exported_entries(queries.outline(session, plan_id), companion):
        if entry.kind == "correspondence" and not correspondence:
            continue
        node = nodes[entry.id]
        entry = replace(entry, title=texts.title("node", node.id, "title", entry.title))
        present = [(name, texts.terms.field(name), texts.text("node", node.id, name,
                                                              getattr(node, name)))
                   for name, _label in DETAIL_FIELDS
                   if entry.kind == "target" and getattr(node, name).strip()]
        sections.append(Section(entry, entry.depth, texts.text("node", node.id, "text",
                                                               node.text),
                                [(label, value) for _n, label, value in present],
                                numbers.next(entry),
                                [(name, value) for name, _l, value in present]))
    targets = [s for s in sections if s.entry.kind == "target"]
    annexes = [_annex(session, plan_id, fw, targets, texts)
               for fw in dict.fromkeys(frameworks)] if correspondence else []
    title = texts.title("plan", plan.id, "title", plan.title)
    return PlanContent(title, plan.period, plan.symbol, sections, annexes,
                       queries.conflict_count(session, plan_id), texts.lang, texts.original,
                       texts.fallbacks)
