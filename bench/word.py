"""Measurement 5, Word export: the starter plan and a plan of 1,000 nodes.

``export_plan_docx`` is called as ``cmsdesk export docx`` calls it (companion volume, the Aichi
annex), in this process, after one unrecorded export that imports python-docx. The baseline of
each is python-docx's own floor for the same words: a heading per node and a plain paragraph
per text field, no styles, no annex, saved.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from bench.report import Figure, Measurement, median, timed
from cmsdesk.models import queries, rules
from cmsdesk.models.schema import Node
from cmsdesk.models.store import Store

ISSUED = date(2015, 11, 4)


def raw_docx(session: Session, plan_id: str, out: Path) -> None:
    """The python-docx floor: the plan's words as headings and plain paragraphs."""
    from docx import Document

    nodes = {n.id: n for n in session.scalars(select(Node).where(Node.plan_id == plan_id))}
    doc = Document()
    for entry in queries.outline(session, plan_id):
        node = nodes[entry.id]
        doc.add_heading(entry.heading(), level=min(entry.depth + 1, 9))
        for fld in rules.fields_of(node.kind):
            if fld not in ("title", "status") and getattr(node, fld):
                doc.add_paragraph(getattr(node, fld))
    doc.save(str(out))


def _exports(db: Path, folder: Path, name: str, runs: int,
             warm_up: bool) -> tuple[list[float], list[float]]:
    from cmsdesk.export.docx_plan import export_plan_docx

    out = folder / f"{name}.docx"
    with Store.open(db, write=False) as store, store.session() as s:
        plan_id = queries.find_plan(s, None).id

        def export() -> None:
            export_plan_docx(s, plan_id, out, companion=True, frameworks=["aichi"],
                             issued=ISSUED)

        def floor() -> None:
            raw_docx(s, plan_id, folder / f"{name}-floor.docx")

        if warm_up:
            export()
            floor()
        real: list[float] = []
        bare: list[float] = []
        for _ in range(runs):
            real.append(timed(export))
            bare.append(timed(floor))
    return real, bare


def measure(folder: Path, starter_db: Path, large_db: Path, nodes: int, runs: int,
            warm_up: bool = True) -> Measurement:
    m = Measurement("word_export", "Word export")
    folder.mkdir(parents=True, exist_ok=True)
    for name, db, label in (("starter", starter_db, "starter plan"),
                            ("large", large_db, f"plan of {nodes:,} nodes")):
        real, bare = _exports(db, folder, name, runs, warm_up)
        m.samples[f"{name}_s"] = real
        m.samples[f"{name}_floor_s"] = bare
        m.details[f"{name}_docx_bytes"] = (folder / f"{name}.docx").stat().st_size
        m.add(Figure(f"export_plan_docx, {label}", median(real), "s", median(bare),
                     "python-docx, same words, no styles"))
    return m
