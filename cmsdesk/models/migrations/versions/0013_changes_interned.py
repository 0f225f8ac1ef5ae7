"""changes interned: what many changes share is stored once, the log is a view over it

Revision ID: 0013
Revises: 0012

In an SQLite store the tens of thousands of changes of a long history are made by a few dozen
replicas, authors and origins and touch a few hundred fields; their version id is their own id
except for a resolution. The rows of `change_rows` now hold small numbers into `change_sources`
(plan and replica), `change_fields` (entity, entity id, field), `change_authors` and
`change_origins`, and a version id only where it differs from the id. `changes` becomes a view
that joins them back into the very columns the table had; triggers turn an insert into
`changes` into rows of these tables (a clock reading packed into one integer where it reads back
exactly) and a delete into a delete of rows, so every query, and the append, stays as it was;
each stored value is copied byte for byte, so every change's canonical JSON, id and signature are
what they were. The indexes shrink with the rows: (source, seq) for the replica counters, the
field number for a field's history, the version id as an expression over (own version, id).
A store on PostgreSQL keeps its table: nothing changes there.
"""

from __future__ import annotations

from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None

# A clock reading ("2026-12-05T16:47:15.367Z", "...Z#3" for the fourth in the same millisecond)
# is kept as one integer of six bytes instead of 24 to 27 characters: the milliseconds since
# 1970 times 64, plus one more than the counter after "#" if there is one. A reading that does
# not come back exactly from that integer (another form, a counter above 62) is kept as text.
def _clock_text(packed: str) -> str:
    """SQL: the reading an integer made by :func:`_clock_packed` stands for."""
    return (f"(strftime('%Y-%m-%dT%H:%M:%S', {packed} / 64000, 'unixepoch') || "
            f"printf('.%03dZ', {packed} / 64 % 1000) || "
            f"CASE WHEN {packed} % 64 = 0 THEN '' ELSE '#' || ({packed} % 64 - 1) END)")


def _clock_packed(reading: str) -> str:
    """SQL: the integer a reading is stored as, or the reading itself."""
    number = (f"((CAST(strftime('%s', substr({reading}, 1, 19)) AS INTEGER) * 1000 + "
              f"CAST(substr({reading}, 21, 3) AS INTEGER)) * 64 + CASE WHEN length({reading}) "
              f"= 24 THEN 0 ELSE CAST(substr({reading}, 26) AS INTEGER) + 1 END)")
    return (f"CASE WHEN {reading} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T"
            f"[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z*' AND {_clock_text(number)} = "
            f"{reading} THEN {number} ELSE {reading} END")


_SQL = {"clock_packed_c": _clock_packed("c.clock"), "clock_packed_new": _clock_packed("NEW.clock"),
        "clock_text": f"CASE WHEN typeof(r.clock) = 'integer' THEN {_clock_text('r.clock')} "
                      "ELSE r.clock END"}

_UPGRADE = (
    """CREATE TABLE change_sources (n INTEGER PRIMARY KEY, plan_id BLOB NOT NULL,
       replica BLOB NOT NULL, UNIQUE (plan_id, replica))""",
    """CREATE TABLE change_fields (n INTEGER PRIMARY KEY, entity VARCHAR(16) NOT NULL,
       eid BLOB NOT NULL, field VARCHAR(32) NOT NULL, UNIQUE (entity, eid, field))""",
    """CREATE TABLE change_authors (n INTEGER PRIMARY KEY, name VARCHAR(200) NOT NULL,
       party VARCHAR(200) NOT NULL, region VARCHAR(100) NOT NULL, role VARCHAR(40) NOT NULL,
       UNIQUE (name, party, region, role))""",
    """CREATE TABLE change_origins (n INTEGER PRIMARY KEY, origin VARCHAR(64) NOT NULL UNIQUE)""",
    """CREATE TABLE change_rows (arrival INTEGER PRIMARY KEY, id BLOB NOT NULL UNIQUE,
       own_version BLOB, source INTEGER NOT NULL, seq INTEGER NOT NULL, op VARCHAR(24) NOT NULL,
       field_n INTEGER NOT NULL, value BLOB NOT NULL, parents BLOB NOT NULL,
       author INTEGER NOT NULL, clock NOT NULL, extra TEXT NOT NULL,
       origin INTEGER NOT NULL)""",
    """INSERT OR IGNORE INTO change_sources (plan_id, replica)
       SELECT plan_id, replica FROM changes ORDER BY arrival""",
    """INSERT OR IGNORE INTO change_fields (entity, eid, field)
       SELECT entity, eid, field FROM changes ORDER BY arrival""",
    """INSERT OR IGNORE INTO change_authors (name, party, region, role)
       SELECT author_name, author_party, author_region, author_role FROM changes
       ORDER BY arrival""",
    """INSERT OR IGNORE INTO change_origins (origin) SELECT origin FROM changes ORDER BY arrival""",
    """INSERT INTO change_rows
       SELECT c.arrival, c.id, nullif(c.version_id, c.id), s.n, c.seq, c.op, f.n, c.value,
              c.parents, a.n, {clock_packed_c}, c.extra, o.n
       FROM changes c
       JOIN change_sources s ON s.plan_id = c.plan_id AND s.replica = c.replica
       JOIN change_fields f ON f.entity = c.entity AND f.eid = c.eid AND f.field = c.field
       JOIN change_authors a ON a.name = c.author_name AND a.party = c.author_party
            AND a.region = c.author_region AND a.role = c.author_role
       JOIN change_origins o ON o.origin = c.origin
       ORDER BY c.arrival""",
    "DROP TABLE changes",
    "CREATE UNIQUE INDEX ix_change_rows_source_seq ON change_rows (source, seq)",
    "CREATE INDEX ix_change_rows_version ON change_rows (coalesce(own_version, id))",
    "CREATE INDEX ix_change_rows_field ON change_rows (field_n)",
    """CREATE VIEW changes AS
       SELECT r.arrival AS arrival, r.id AS id, coalesce(r.own_version, r.id) AS version_id,
              s.plan_id AS plan_id, s.replica AS replica, r.seq AS seq, r.op AS op,
              f.entity AS entity, f.eid AS eid, f.field AS field, r.value AS value,
              r.parents AS parents, a.name AS author_name, a.party AS author_party,
              a.region AS author_region, a.role AS author_role, {clock_text} AS clock,
              r.extra AS extra, o.origin AS origin
       FROM change_rows r
       JOIN change_sources s ON s.n = r.source
       JOIN change_fields f ON f.n = r.field_n
       JOIN change_authors a ON a.n = r.author
       JOIN change_origins o ON o.n = r.origin""",
    """CREATE TRIGGER changes_append INSTEAD OF INSERT ON changes BEGIN
         INSERT OR IGNORE INTO change_sources (plan_id, replica)
           VALUES (NEW.plan_id, NEW.replica);
         INSERT OR IGNORE INTO change_fields (entity, eid, field)
           VALUES (NEW.entity, NEW.eid, NEW.field);
         INSERT OR IGNORE INTO change_authors (name, party, region, role)
           VALUES (NEW.author_name, NEW.author_party, NEW.author_region, NEW.author_role);
         INSERT OR IGNORE INTO change_origins (origin) VALUES (NEW.origin);
         INSERT INTO change_rows (arrival, id, own_version, source, seq, op, field_n, value,
                                  parents, author, clock, extra, origin)
         VALUES (NEW.arrival, NEW.id, nullif(NEW.version_id, NEW.id),
           (SELECT n FROM change_sources WHERE plan_id = NEW.plan_id
              AND replica = NEW.replica),
           NEW.seq, NEW.op,
           (SELECT n FROM change_fields WHERE entity = NEW.entity AND eid = NEW.eid
              AND field = NEW.field),
           NEW.value, NEW.parents,
           (SELECT n FROM change_authors WHERE name = NEW.author_name
              AND party = NEW.author_party AND region = NEW.author_region
              AND role = NEW.author_role),
           {clock_packed_new}, NEW.extra,
           (SELECT n FROM change_origins WHERE origin = NEW.origin));
       END""",
    # the log is append-only; only a store being filled by `cmsdesk store copy` is emptied
    """CREATE TRIGGER changes_remove INSTEAD OF DELETE ON changes BEGIN
         DELETE FROM change_rows WHERE arrival = OLD.arrival;
       END""",
)

# The table as schema 0012 had it (the columns in the order migration 0011 made them).
_DOWNGRADE = (
    """CREATE TABLE changes_table (id BLOB NOT NULL, version_id BLOB NOT NULL,
       plan_id BLOB NOT NULL, replica BLOB NOT NULL, eid BLOB NOT NULL, value BLOB NOT NULL,
       parents BLOB NOT NULL, arrival INTEGER NOT NULL, seq INTEGER NOT NULL,
       op VARCHAR(24) NOT NULL, entity VARCHAR(16) NOT NULL, field VARCHAR(32) NOT NULL,
       author_name VARCHAR(200) NOT NULL, author_party VARCHAR(200) NOT NULL,
       author_region VARCHAR(100) NOT NULL, author_role VARCHAR(40) NOT NULL,
       clock VARCHAR(40) NOT NULL, origin VARCHAR(64) NOT NULL, extra TEXT NOT NULL,
       PRIMARY KEY (arrival), UNIQUE (id))""",
    """INSERT INTO changes_table (id, version_id, plan_id, replica, eid, value, parents,
       arrival, seq, op, entity, field, author_name, author_party, author_region, author_role,
       clock, origin, extra)
       SELECT id, version_id, plan_id, replica, eid, value, parents, arrival, seq, op, entity,
              field, author_name, author_party, author_region, author_role, clock, origin, extra
       FROM changes ORDER BY arrival""",
    "DROP TRIGGER changes_append",
    "DROP TRIGGER changes_remove",
    "DROP VIEW changes",
    "DROP TABLE change_rows",
    "DROP TABLE change_sources",
    "DROP TABLE change_fields",
    "DROP TABLE change_authors",
    "DROP TABLE change_origins",
    "ALTER TABLE changes_table RENAME TO changes",
    "CREATE INDEX ix_changes_key ON changes (entity, eid, field)",
    "CREATE UNIQUE INDEX ix_changes_plan_replica_seq ON changes (plan_id, replica, seq)",
    "CREATE INDEX ix_changes_version_id ON changes (version_id)",
)


def _run(statements: tuple[str, ...]) -> None:
    if op.get_bind().dialect.name != 'sqlite':
        return
    for statement in statements:
        op.execute(statement)


def upgrade() -> None:
    _run(tuple(statement.format(**_SQL) for statement in _UPGRADE))


def downgrade() -> None:
    _run(_DOWNGRADE)
