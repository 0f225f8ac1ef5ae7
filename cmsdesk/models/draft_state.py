"""The whole derived state of a plan as it stood at a named draft, for printing that draft.

A named draft records the arrival number of the last change it includes, and the current state
is a function of the set of changes (``projection.rebuild``). So the plan as it stood then is
rebuilt, exactly, from the changes up to that arrival in a private in-memory database: the
outline with its numbering, every text with the conflicts bracketed as they were, the
cross-references, the plan's title. Every reader of the current state (the Word and Markdown
exports above all) then works unchanged on the past draft, and nothing in the store is touched.

Tables are copied generically: the change log up to the draft, every table of reference or
storage data whole (frameworks, and whatever else the changes rely on), nothing derived.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Table, create_engine, insert, select
from sqlalchemy.orm import Session

from cmsdesk.models.projection import rebuild
from cmsdesk.models.schema import (
    Change,
    Comment,
    Conflict,
    CrossReference,
    Head,
    Meta,
    NamedDraft,
    Node,
    Plan,
    ReviewMark,
    Submission,
    metadata,
)

# Rebuilt from the changes, or of no use to a past draft's state (the meta table holds this
# installation's keys: never copied).
_NOT_COPIED = {cls.__table__.name for cls in (  # type: ignore[attr-defined]
    Conflict, Comment, CrossReference, Node, Head, Plan, NamedDraft, ReviewMark, Meta,
    Submission)}
_BATCH = 2000


def _copy(source: Session, target: Session, table: Table, query: object) -> None:
    batch: list[dict[str, object]] = []
    for row in source.execute(query):  # type: ignore[call-overload]
        batch.append(dict(row._mapping))
        if len(batch) >= _BATCH:
            target.execute(insert(table), batch)
            batch = []
    if batch:
        target.execute(insert(table), batch)


@contextmanager
def state_at(session: Session, draft: NamedDraft) -> Iterator[Session]:
    """A session over a private database holding the draft's plan as it stood when marked."""
    engine = create_engine("sqlite://")
    try:
        metadata.create_all(engine)
        with Session(engine) as past, past.begin():
            changes: Table = Change.__table__  # type: ignore[attr-defined]
            for table in metadata.sorted_tables:
                if table is changes:
                    _copy(session, past, table, select(table).where(
                        Change.plan_id == draft.plan_id, Change.arrival <= draft.arrival))
                elif table.name not in _NOT_COPIED:
                    _copy(session, past, table, select(table))
            past.flush()
            rebuild(past, draft.plan_id)
            yield past
    finally:
        engine.dispose()
