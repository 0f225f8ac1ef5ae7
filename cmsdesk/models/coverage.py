"""Which plan targets address which targets of a reference framework: the coverage matrix.

The cross-reference panel's whole-plan view reads this: plan targets against framework targets,
the framework targets no plan target addresses, and the plan targets linked to none. It is
derived from the current state only (live targets, present cross-references), so it always
agrees with the outline and the target editor.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from cmsdesk.models.frameworks import framework_tree
from cmsdesk.models.queries import outline
from cmsdesk.models.schema import CrossReference


@dataclass(frozen=True)
class FrameworkColumn:
    code: str
    goal_code: str
    title: str


@dataclass
class CoverageRow:
    node_id: str
    label: str  # T7
    title: str
    links: dict[str, str] = field(default_factory=dict)  # framework target code -> relevance


@dataclass
class Coverage:
    framework: str
    goals: list[tuple[str, str]]  # (code, title), in framework order
    columns: list[FrameworkColumn]
    rows: list[CoverageRow]

    def addressed_by(self, code: str) -> list[CoverageRow]:
        return [r for r in self.rows if code in r.links]

    @property
    def unaddressed(self) -> list[FrameworkColumn]:
        """Framework targets that no plan target is linked to."""
        linked = {code for r in self.rows for code in r.links}
        return [c for c in self.columns if c.code not in linked]

    @property
    def unlinked(self) -> list[CoverageRow]:
        """Plan targets with no cross-reference to this framework."""
        return [r for r in self.rows if not r.links]


def coverage(session: Session, plan_id: str, framework: str) -> Coverage:
    tree = framework_tree(session, framework)
    columns = [FrameworkColumn(t.code, g.code, t.title) for g, targets in tree for t in targets]
    rows = [CoverageRow(e.id, e.label, e.title) for e in outline(session, plan_id)
            if e.kind == "target"]
    by_node = {r.node_id: r for r in rows}
    known = {c.code for c in columns}
    links = session.execute(select(CrossReference.node_id, CrossReference.target,
                                   CrossReference.relevance).where(
        CrossReference.plan_id == plan_id, CrossReference.framework == framework,
        CrossReference.present.is_(True)))
    for node_id, target, relevance in links:
        row = by_node.get(node_id)
        if row is not None and target in known:
            row.links[target] = relevance
    return Coverage(framework, [(g.code, g.title) for g, _t in tree], columns, rows)
