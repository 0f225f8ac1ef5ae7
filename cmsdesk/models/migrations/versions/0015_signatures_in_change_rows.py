"""signatures in change rows: each change's signature kept with it, a parent by its row number

Revision ID: 0015
Revises: 0014

A store made of received changes (the Secretariat's) keeps each change's 64-byte Ed25519
signature. In a table of its own it also kept the 32-byte change id again and an index of it:
149 bytes a change, a third of a signed store. In an SQLite store the signature is now a column
of `change_rows`, and `change_signatures` a view over it; its triggers store an insert or an
update into the change's row. A signature whose change is not in the log (a change held in
quarantine, :mod:`cmsdesk.sync.quarantine`) waits in `change_signatures_loose` and joins its
change's row when the change is appended.

Two more of the change log's 32-byte digests go, and the most common `extra`: a change's single
parent is kept as the row number (`arrival`) of a row of that version, where one is held (the
view gives back the version id from it), and the index of version ids is replaced by one of the
few rows whose version id differs from their id (resolutions); a lookup by version id searches
the index of ids for the others (`models/packing.py`, `VersionIdText`). A change whose `extra`
is only the format's version (`{"v":1}`, nearly all) keeps ''. Every column reads back through
the view byte for byte as before, so every change's canonical JSON, id and signature are what
they were; the downgrade gives back 0013's rows. A store on PostgreSQL keeps its tables:
nothing changes there.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from alembic import op

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def _previous() -> ModuleType:
    """Migration 0013: its clock packing, view and triggers (the downgrade's too)."""
    path = Path(__file__).with_name("0013_changes_interned.py")
    spec = importlib.util.spec_from_file_location("cmsdesk_migration_0013", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _parents_packed(parents: str) -> str:
    """SQL: a single parent (32 bytes) as the row number of a row of that version, or the
    parents as they are when there are several, none, or no such row."""
    return (f"CASE WHEN typeof({parents}) = 'blob' AND length({parents}) = 32 THEN coalesce("
            f"(SELECT p.arrival FROM change_rows p WHERE p.id = {parents} "
            f"AND p.own_version IS NULL), "
            f"(SELECT min(p.arrival) FROM change_rows p WHERE p.own_version = {parents}), "
            f"{parents}) ELSE {parents} END")


_PARENTS_TEXT = ("CASE WHEN typeof(r.parents) = 'integer' THEN (SELECT coalesce(p.own_version, "
                 "p.id) FROM change_rows p WHERE p.arrival = r.parents) ELSE r.parents END")

# What no column of a change holds is in `extra`; for all but a few changes (language versions,
# recorded replies) that is only the format's version: such a row keeps ''.
_USUAL_EXTRA = '{"v":1}'

_VIEW = """CREATE VIEW changes AS
       SELECT r.arrival AS arrival, r.id AS id, coalesce(r.own_version, r.id) AS version_id,
              r.own_version AS own_version,
              s.plan_id AS plan_id, s.replica AS replica, r.seq AS seq, r.op AS op,
              f.entity AS entity, f.eid AS eid, f.field AS field, r.value AS value,
              {parents_text} AS parents, a.name AS author_name, a.party AS author_party,
              a.region AS author_region, a.role AS author_role, {clock_text} AS clock,
              CASE r.extra WHEN '' THEN '{usual_extra}' ELSE r.extra END AS extra,
              o.origin AS origin
       FROM change_rows r
       JOIN change_sources s ON s.n = r.source
       JOIN change_fields f ON f.n = r.field_n
       JOIN change_authors a ON a.n = r.author
       JOIN change_origins o ON o.n = r.origin"""

_APPEND = """CREATE TRIGGER changes_append INSTEAD OF INSERT ON changes BEGIN
         INSERT OR IGNORE INTO change_sources (plan_id, replica)
           VALUES (NEW.plan_id, NEW.replica);
         INSERT OR IGNORE INTO change_fields (entity, eid, field)
           VALUES (NEW.entity, NEW.eid, NEW.field);
         INSERT OR IGNORE INTO change_authors (name, party, region, role)
           VALUES (NEW.author_name, NEW.author_party, NEW.author_region, NEW.author_role);
         INSERT OR IGNORE INTO change_origins (origin) VALUES (NEW.origin);
         INSERT INTO change_rows (arrival, id, own_version, source, seq, op, field_n, value,
                                  parents, author, clock, extra, origin, signature)
         VALUES (NEW.arrival, NEW.id, nullif(NEW.version_id, NEW.id),
           (SELECT n FROM change_sources WHERE plan_id = NEW.plan_id
              AND replica = NEW.replica),
           NEW.seq, NEW.op,
           (SELECT n FROM change_fields WHERE entity = NEW.entity AND eid = NEW.eid
              AND field = NEW.field),
           NEW.value, {parents_packed_new},
           (SELECT n FROM change_authors WHERE name = NEW.author_name
              AND party = NEW.author_party AND region = NEW.author_region
              AND role = NEW.author_role),
           {clock_packed_new}, CASE NEW.extra WHEN '{usual_extra}' THEN '' ELSE NEW.extra END,
           (SELECT n FROM change_origins WHERE origin = NEW.origin),
           (SELECT signature FROM change_signatures_loose WHERE change_id = NEW.id));
         DELETE FROM change_signatures_loose WHERE change_id = NEW.id;
       END"""

_UPGRADE = (
    "DROP VIEW changes",  # and its triggers
    "ALTER TABLE change_rows ADD COLUMN signature BLOB",
    """UPDATE change_rows SET signature = (SELECT s.signature FROM change_signatures s
       WHERE s.change_id = change_rows.id)""",
    """CREATE TABLE change_signatures_loose (change_id BLOB NOT NULL PRIMARY KEY,
       signature BLOB NOT NULL)""",
    """INSERT INTO change_signatures_loose (change_id, signature)
       SELECT change_id, signature FROM change_signatures
       WHERE change_id NOT IN (SELECT id FROM change_rows)""",
    "DROP TABLE change_signatures",
    "CREATE INDEX ix_change_rows_own_version ON change_rows (own_version) "
    "WHERE own_version IS NOT NULL",
    "DROP INDEX ix_change_rows_version",
    """UPDATE change_rows SET parents = {parents_packed_rows},
       extra = CASE extra WHEN '{usual_extra}' THEN '' ELSE extra END""",
    _VIEW,
    _APPEND,
    """CREATE VIEW change_signatures AS
       SELECT id AS change_id, signature FROM change_rows WHERE signature IS NOT NULL""",
    """CREATE TRIGGER change_signatures_add INSTEAD OF INSERT ON change_signatures BEGIN
         UPDATE change_rows SET signature = NEW.signature WHERE id = NEW.change_id;
         INSERT OR REPLACE INTO change_signatures_loose (change_id, signature)
           SELECT NEW.change_id, NEW.signature
           WHERE NOT EXISTS (SELECT 1 FROM change_rows WHERE id = NEW.change_id);
       END""",
    """CREATE TRIGGER change_signatures_replace INSTEAD OF UPDATE ON change_signatures BEGIN
         UPDATE change_rows SET signature = NEW.signature WHERE id = OLD.change_id;
       END""",
    """CREATE TRIGGER change_signatures_remove INSTEAD OF DELETE ON change_signatures BEGIN
         UPDATE change_rows SET signature = NULL WHERE id = OLD.change_id;
       END""",
)

_DOWNGRADE_FIRST = (
    "DROP TRIGGER change_signatures_add",
    "DROP TRIGGER change_signatures_replace",
    "DROP TRIGGER change_signatures_remove",
    "DROP VIEW change_signatures",
    """CREATE TABLE change_signatures (change_id BLOB NOT NULL, signature BLOB NOT NULL,
       PRIMARY KEY (change_id))""",
    """INSERT INTO change_signatures (change_id, signature)
       SELECT id, signature FROM change_rows WHERE signature IS NOT NULL
       UNION ALL SELECT change_id, signature FROM change_signatures_loose""",
    "DROP TABLE change_signatures_loose",
    "DROP VIEW changes",  # and its triggers
    """UPDATE change_rows SET parents = (SELECT coalesce(p.own_version, p.id)
       FROM change_rows p WHERE p.arrival = change_rows.parents)
       WHERE typeof(parents) = 'integer'""",
    f"UPDATE change_rows SET extra = '{_USUAL_EXTRA}' WHERE extra = ''",
    "ALTER TABLE change_rows DROP COLUMN signature",
    "DROP INDEX ix_change_rows_own_version",
)


def _run(statements: tuple[str, ...]) -> None:
    bind = op.get_bind()
    if bind.dialect.name != 'sqlite':
        return
    for statement in statements:  # as written: '{"v":1}' holds no bound parameter
        bind.exec_driver_sql(statement)


def _of_previous(previous: ModuleType, *starts: str) -> tuple[str, ...]:
    """Migration 0013's statements that begin so, in its order."""
    return tuple(statement.format(**previous._SQL) for statement in previous._UPGRADE
                 if statement.lstrip().startswith(starts))


def upgrade() -> None:
    previous = _previous()
    sql = previous._SQL | {"parents_text": _PARENTS_TEXT,
                           "parents_packed_new": _parents_packed("NEW.parents"),
                           "parents_packed_rows": _parents_packed("change_rows.parents"),
                           "usual_extra": _USUAL_EXTRA}
    _run(tuple(statement.format(**sql) for statement in _UPGRADE)
         + _of_previous(previous, "CREATE TRIGGER changes_remove"))


def downgrade() -> None:
    previous = _previous()
    _run(_DOWNGRADE_FIRST + _of_previous(previous, "CREATE INDEX ix_change_rows_version",
                                         "CREATE VIEW changes", "CREATE TRIGGER changes_"))
