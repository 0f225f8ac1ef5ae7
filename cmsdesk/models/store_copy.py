"""Copying a whole store between SQLite and PostgreSQL (``cmsdesk store copy SRC DST``).

The Secretariat moves its master from a laptop's file to the office server (and IT may hand a
copy back as a file): every table is copied row for row, the change log with its exact canonical
bodies (so every change id and signature stays valid), the derived state, and the installation's
own bookkeeping (replica id, keys, peers, named drafts, review marks). The target must hold no
plan. The copy is then checked: the same change set (ids and bodies) and the same derived state
of every plan (:func:`cmsdesk.models.queries.snapshot`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sqlalchemy import Connection, delete, func, insert, select, text
from sqlalchemy import column as sql_column
from sqlalchemy import table as sql_table
from sqlalchemy.orm import Session

from cmsdesk.models import queries
from cmsdesk.models.changelog import BODY_COLUMNS, body_text
from cmsdesk.models.packing import HexText, SignatureText
from cmsdesk.models.schema import Change, ChangeSignature, Plan, metadata
from cmsdesk.models.store import Store, StoreError

_CHUNK = 2000


@dataclass
class CopyReport:
    tables: int
    rows: int
    changes: int
    plans: int

    def describe(self) -> str:
        return (f"copied {self.rows} rows of {self.tables} tables: {self.changes} changes of "
                f"{self.plans} plan(s); the change sets and the plans' states are identical")


def copy_store(source: Store, target: Store) -> CopyReport:
    """Copy everything ``source`` holds into ``target`` in one transaction, then verify it.

    Raises :class:`StoreError` when the target already holds a plan (nothing is written) or
    when the verification finds a difference (the copy is rolled back).
    """
    with target.session() as t:
        if t.scalar(select(func.count()).select_from(Plan)) or \
                t.scalar(select(func.count()).select_from(Change)):
            raise StoreError(f"the target {target.location} already holds a plan: copy into a "
                             "new, empty store; nothing was written.")
    rows = 0
    with source.engine.connect() as src, target.session() as t:
        for table in reversed(metadata.sorted_tables):
            t.execute(delete(table))
        for table in metadata.sorted_tables:
            result = src.execution_options(stream_results=True).execute(select(table))
            while batch := result.fetchmany(_CHUNK):
                t.execute(insert(table), [dict(r._mapping) for r in batch])
                rows += len(batch)
        if held := _held_signatures(src):
            t.execute(insert(ChangeSignature.__table__), held)  # type: ignore[attr-defined]
            rows += len(held)
        if t.get_bind().dialect.name == "postgresql":
            _advance_sequences(t)
        with source.session() as s:
            plans = list(s.scalars(select(Plan.id)))
            _verify(s, t, plans)
            changes = s.scalar(select(func.count()).select_from(Change)) or 0
    target.reload_identity()
    return CopyReport(len(metadata.sorted_tables), rows, changes, len(plans))


def _held_signatures(source: Connection) -> list[dict[str, str]]:
    """The signatures of changes held in quarantine (not in the change log): an SQLite store
    keeps them apart, where its view ``change_signatures`` does not show them (migration 0015,
    they join their change's row when it is accepted), so the copy of the tables misses them."""
    if source.dialect.name != "sqlite":
        return []
    loose = sql_table("change_signatures_loose", sql_column("change_id", HexText(64)),
                      sql_column("signature", SignatureText(88)))
    return [dict(r._mapping) for r in source.execute(select(loose))]


def _advance_sequences(session: Session) -> None:
    """Explicit ids were inserted: move each serial column's sequence past them."""
    for table in metadata.sorted_tables:
        column = table.autoincrement_column
        if column is not None:
            session.execute(text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', '{column.name}'), "
                f"COALESCE((SELECT MAX({column.name}) FROM {table.name}), 0) + 1, false)"))


def change_digest(session: Session) -> str:
    """A digest of the change set: every change id with its exact body."""
    digest = hashlib.sha256()
    for row in session.execute(select(Change.id, *BODY_COLUMNS).order_by(Change.id)):
        digest.update(f"{row.id}\n{body_text(row)}\n".encode())
    return digest.hexdigest()


def _verify(source: Session, target: Session, plans: list[str]) -> None:
    if change_digest(source) != change_digest(target):
        raise StoreError("the copy's change log differs from the source's: nothing was written.")
    for plan_id in plans:
        if queries.snapshot(source, plan_id) != queries.snapshot(target, plan_id):
            raise StoreError(f"the copy's plan {plan_id} differs from the source's: nothing was "
                             "written.")
