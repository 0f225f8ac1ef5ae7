"""Appending changes straight into the rows of an SQLite store's change log (issue 19: the
speed of a batch import).

In a store that :class:`~cmsdesk.models.store.Store` opens, ``changes`` is a view over
``change_rows`` and the tables of what changes share, and an insert into the view is stored by
its trigger (migrations 0013 and 0015): it interns the row's source (plan and replica), field,
author and origin, keeps a single parent as the row number of a row of that version, packs the
clock reading into an integer where it reads back exactly, keeps '' for the usual ``extra``, and
takes the change's signature from those that came before it. Run for each row that cost about
30 µs a change, half of an import's inserts; :func:`append_rows` does the same for a whole batch
with a few statements and a plain insert, and stores exactly what the trigger would (a test
compares every table). A row whose clock reading is not in the clock's own form goes through
the view, so that SQLite's arithmetic decides how it is kept, as it always did.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any

# The columns of ``changes`` an append writes, in the order of the rows given here.
COLUMNS = ("id", "version_id", "plan_id", "replica", "seq", "op", "entity", "eid", "field",
           "value", "parents", "author_name", "author_party", "author_region", "author_role",
           "clock", "extra", "origin")
(_ID, _VERSION, _PLAN, _REPLICA, _SEQ, _OP, _ENTITY, _EID, _FIELD, _VALUE, _PARENTS, _NAME,
 _PARTY, _REGION, _ROLE, _CLOCK, _EXTRA, _ORIGIN) = range(len(COLUMNS))

_USUAL_EXTRA = '{"v":1}'  # kept as '' (migration 0015)
_IN_LIST = 300  # ids per IN (...) list, well below SQLite's limit on bound parameters

_READING = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})"
                      r"\.([0-9]{3})Z(?:#(0|[1-9][0-9]?))?")
_EPOCH = date(1970, 1, 1).toordinal()


def packed_clock(reading: str) -> int | None:
    """The integer migration 0013 keeps a clock reading as (the milliseconds since 1970 times
    64, plus one more than the counter after "#"), for a reading in the clock's own form, from
    1970 on, with a counter up to 62; None for any other, whose form is left to SQLite."""
    match = _READING.fullmatch(reading)
    if match is None:
        return None
    year, month, day, hour, minute, second, milli, counter = match.groups()
    if year < "1970" or hour > "23" or minute > "59" or second > "59" or (
            counter is not None and int(counter) > 62):
        return None
    try:
        days = date(int(year), int(month), int(day)).toordinal() - _EPOCH
    except ValueError:  # no such day
        return None
    seconds = days * 86400 + int(hour) * 3600 + int(minute) * 60 + int(second)
    return (seconds * 1000 + int(milli)) * 64 + (0 if counter is None else int(counter) + 1)


def append_rows(connection: Any, rows: Sequence[tuple[Any, ...]]) -> None:
    """Store ``rows`` (values of :data:`COLUMNS` as the column types pack them), in order,
    exactly as inserting them into the view ``changes`` would."""
    sources = _interned(connection, "change_sources", ("plan_id", "replica"), 1,
                        [(r[_PLAN], r[_REPLICA]) for r in rows])
    fields = _interned(connection, "change_fields", ("entity", "eid", "field"), 1,
                       [(r[_ENTITY], r[_EID], r[_FIELD]) for r in rows])
    authors = _interned(connection, "change_authors", ("name", "party", "region", "role"), 0,
                        [(r[_NAME], r[_PARTY], r[_REGION], r[_ROLE]) for r in rows])
    origins = _interned(connection, "change_origins", ("origin",), 0,
                        [(r[_ORIGIN],) for r in rows])
    singles = list({r[_PARENTS] for r in rows
                    if type(r[_PARENTS]) is bytes and len(r[_PARENTS]) == 32})
    by_id = dict(_select_in(connection, "SELECT id, arrival FROM change_rows WHERE "
                            "own_version IS NULL AND id IN ({})", singles))
    by_version = dict(_select_in(connection, "SELECT own_version, min(arrival) FROM change_rows"
                                 " WHERE own_version IN ({}) GROUP BY own_version", singles))
    signatures = {}
    if connection.exec_driver_sql("SELECT EXISTS (SELECT 1 FROM change_signatures_loose)"
                                  ).scalar():
        signatures = dict(_select_in(connection, "SELECT change_id, signature FROM "
                                     "change_signatures_loose WHERE change_id IN ({})",
                                     list({r[_ID] for r in rows})))
    arrival = connection.exec_driver_sql("SELECT coalesce(max(arrival), 0) FROM change_rows"
                                         ).scalar()
    runs: list[tuple[bool, list[tuple[Any, ...]]]] = []  # (straight into change_rows, rows)
    taken = []
    for r in rows:
        arrival += 1
        own = None if r[_VERSION] == r[_ID] else r[_VERSION]
        clock = packed_clock(r[_CLOCK])
        if clock is None:
            row = (arrival, *r)
        else:
            parents = r[_PARENTS]
            if type(parents) is bytes and len(parents) == 32:
                parents = by_id.get(parents) or by_version.get(parents) or parents
            row = (arrival, r[_ID], own, sources[r[_PLAN], r[_REPLICA]], r[_SEQ], r[_OP],
                   fields[r[_ENTITY], r[_EID], r[_FIELD]], r[_VALUE], parents,
                   authors[r[_NAME], r[_PARTY], r[_REGION], r[_ROLE]], clock,
                   "" if r[_EXTRA] == _USUAL_EXTRA else r[_EXTRA], origins[r[_ORIGIN],],
                   signatures.get(r[_ID]))
            if r[_ID] in signatures:
                taken.append((r[_ID],))
        if not runs or runs[-1][0] != (clock is not None):
            runs.append((clock is not None, []))
        runs[-1][1].append(row)
        if own is None:
            by_id.setdefault(r[_ID], arrival)
        else:
            by_version.setdefault(own, arrival)
    for straight, run in runs:
        connection.exec_driver_sql(_INSERT_ROWS if straight else _INSERT_VIEW, run)
    if taken:
        connection.exec_driver_sql("DELETE FROM change_signatures_loose WHERE change_id = ?",
                                   taken)


_INSERT_ROWS = ("INSERT INTO change_rows (arrival, id, own_version, source, seq, op, field_n, "
                "value, parents, author, clock, extra, origin, signature) "
                f"VALUES ({', '.join('?' * 14)})")
_INSERT_VIEW = (f"INSERT INTO changes (arrival, {', '.join(COLUMNS)}) "
                f"VALUES ({', '.join('?' * (len(COLUMNS) + 1))})")


def _interned(connection: Any, table: str, columns: tuple[str, ...], prefix: int,
              values: list[tuple[Any, ...]]) -> dict[tuple[Any, ...], int]:
    """The number of each of ``values`` in ``table`` (a table of what changes share), adding
    those it lacks in the order they come, as the trigger does row by row. They are looked up
    by the first ``prefix`` columns and a list of the next one: the start of the table's
    unique index."""
    distinct = list(dict.fromkeys(values))
    names = ", ".join(columns)
    connection.exec_driver_sql(f"INSERT OR IGNORE INTO {table} ({names}) "
                               f"VALUES ({', '.join('?' * len(columns))})", distinct)
    wanted = set(distinct)
    by_prefix: dict[tuple[Any, ...], set[Any]] = {}
    for value in distinct:
        by_prefix.setdefault(value[:prefix], set()).add(value[prefix])
    where = "".join(f"{name} = ? AND " for name in columns[:prefix])
    out: dict[tuple[Any, ...], int] = {}
    for start, listed in by_prefix.items():
        for n, *value in _select_in(connection, f"SELECT n, {names} FROM {table} WHERE {where}"
                                    f"{columns[prefix]} IN ({{}})", list(listed),
                                    start):
            if tuple(value) in wanted:
                out[tuple(value)] = n
    return out


def _select_in(connection: Any, sql: str, items: list[Any], before: tuple[Any, ...] = ()
               ) -> list[Any]:
    """The rows of ``sql`` whose ``{}`` is a list of ``items``' placeholders, a few hundred at a
    time, with the parameters ``before`` ahead of the list."""
    out = []
    for i in range(0, len(items), _IN_LIST):
        part = items[i : i + _IN_LIST]
        out += connection.exec_driver_sql(sql.format(", ".join("?" * len(part))),
                                          (*before, *part)).all()
    return out
