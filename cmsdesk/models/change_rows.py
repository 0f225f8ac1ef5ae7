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

from sqlalchemy import (
    ColumnClause,
    bindparam,
    column,
    delete,
    func,
    insert,
    select,
    table,
)

# The columns of ``changes`` an append writes, in the order of the rows given here.
COLUMNS = ("id", "version_id", "plan_id", "replica", "seq", "op", "entity", "eid", "field",
           "value", "parents", "author_name", "author_party", "author_region", "author_role",
           "clock", "extra", "origin")
(_ID, _VERSION, _PLAN, _REPLICA, _SEQ, _OP, _ENTITY, _EID, _FIELD, _VALUE, _PARENTS, _NAME,
 _PARTY, _REGION, _ROLE, _CLOCK, _EXTRA, _ORIGIN) = range(len(COLUMNS))

_USUAL_EXTRA = '{"v":1}'  # kept as '' (migration 0015)

# The tables as SQLite holds them (migrations 0013 and 0015), with untyped columns: the rows
# come packed (models/packing.py), and untyped columns hand their values to the driver as they are.
_ROWS = table("change_rows", *(column(c) for c in (
    "arrival", "id", "own_version", "source", "seq", "op", "field_n", "value", "parents",
    "author", "clock", "extra", "origin", "signature")))
_VIEW = table("changes", column("arrival"), *(column(c) for c in COLUMNS))
_LOOSE = table("change_signatures_loose", column("change_id"), column("signature"))
_INTERNED = {
    "change_sources": table("change_sources", column("n"), column("plan_id"),
                            column("replica")),
    "change_fields": table("change_fields", column("n"), column("entity"), column("eid"),
                           column("field")),
    "change_authors": table("change_authors", column("n"), column("name"), column("party"),
                            column("region"), column("role")),
    "change_origins": table("change_origins", column("n"), column("origin")),
}
_IDS = bindparam("ids", expanding=True)
_BY_ID = select(_ROWS.c.id, _ROWS.c.arrival).where(_ROWS.c.own_version.is_(None),
                                                   _ROWS.c.id.in_(_IDS))
_BY_VERSION = (select(_ROWS.c.own_version, func.min(_ROWS.c.arrival))
               .where(_ROWS.c.own_version.in_(_IDS)).group_by(_ROWS.c.own_version))
_ANY_LOOSE = select(_LOOSE.c.change_id).limit(1)
_LOOSE_OF = select(_LOOSE.c.change_id, _LOOSE.c.signature).where(_LOOSE.c.change_id.in_(_IDS))
_LAST_ARRIVAL = select(func.coalesce(func.max(_ROWS.c.arrival), 0))
_TAKE_LOOSE = delete(_LOOSE).where(_LOOSE.c.change_id == bindparam("cid"))

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
    sources = _interned(connection, "change_sources", 1,
                        [(r[_PLAN], r[_REPLICA]) for r in rows])
    fields = _interned(connection, "change_fields", 1,
                       [(r[_ENTITY], r[_EID], r[_FIELD]) for r in rows])
    authors = _interned(connection, "change_authors", 0,
                        [(r[_NAME], r[_PARTY], r[_REGION], r[_ROLE]) for r in rows])
    origins = _interned(connection, "change_origins", 0, [(r[_ORIGIN],) for r in rows])
    singles = list({r[_PARENTS] for r in rows
                    if type(r[_PARENTS]) is bytes and len(r[_PARENTS]) == 32})
    by_id = dict(_select_in(connection, _BY_ID, singles))
    by_version = dict(_select_in(connection, _BY_VERSION, singles))
    signatures = {}
    if connection.execute(_ANY_LOOSE).first() is not None:
        signatures = dict(_select_in(connection, _LOOSE_OF, list({r[_ID] for r in rows})))
    arrival = connection.execute(_LAST_ARRIVAL).scalar()
    runs: list[tuple[bool, list[dict[str, Any]]]] = []  # (straight into change_rows, rows)
    taken = []
    for r in rows:
        arrival += 1
        own = None if r[_VERSION] == r[_ID] else r[_VERSION]
        clock = packed_clock(r[_CLOCK])
        if clock is None:
            row = dict(zip(_VIEW.c.keys(), (arrival, *r), strict=True))
        else:
            parents = r[_PARENTS]
            if type(parents) is bytes and len(parents) == 32:
                parents = by_id.get(parents) or by_version.get(parents) or parents
            row = {"arrival": arrival, "id": r[_ID], "own_version": own,
                   "source": sources[r[_PLAN], r[_REPLICA]], "seq": r[_SEQ], "op": r[_OP],
                   "field_n": fields[r[_ENTITY], r[_EID], r[_FIELD]], "value": r[_VALUE],
                   "parents": parents, "author": authors[r[_NAME], r[_PARTY], r[_REGION],
                                                          r[_ROLE]],
                   "clock": clock, "extra": "" if r[_EXTRA] == _USUAL_EXTRA else r[_EXTRA],
                   "origin": origins[r[_ORIGIN],], "signature": signatures.get(r[_ID])}
            if r[_ID] in signatures:
                taken.append({"cid": r[_ID]})
        if not runs or runs[-1][0] != (clock is not None):
            runs.append((clock is not None, []))
        runs[-1][1].append(row)
        if own is None:
            by_id.setdefault(r[_ID], arrival)
        else:
            by_version.setdefault(own, arrival)
    for straight, run in runs:
        connection.execute(insert(_ROWS if straight else _VIEW), run)
    if taken:
        connection.execute(_TAKE_LOOSE, taken)


def _interned(connection: Any, name: str, prefix: int, values: list[tuple[Any, ...]]
              ) -> dict[tuple[Any, ...], int]:
    """The number of each of ``values`` in table ``name`` (a table of what changes share),
    adding those it lacks in the order they come, as the trigger does row by row. They are
    looked up by the first ``prefix`` columns and a list of the next one: the start of the
    table's unique index."""
    shared = _INTERNED[name]
    columns: list[ColumnClause[Any]] = [c for c in shared.c if c.name != "n"]
    distinct = list(dict.fromkeys(values))
    connection.execute(insert(shared).prefix_with("OR IGNORE"),
                       [dict(zip((c.name for c in columns), v, strict=True)) for v in distinct])
    wanted = set(distinct)
    by_prefix: dict[tuple[Any, ...], set[Any]] = {}
    for value in distinct:
        by_prefix.setdefault(value[:prefix], set()).add(value[prefix])
    query = select(shared.c.n, *columns).where(
        *(c == bindparam(f"p{i}") for i, c in enumerate(columns[:prefix])),
        columns[prefix].in_(_IDS))
    out: dict[tuple[Any, ...], int] = {}
    for start, listed in by_prefix.items():
        fixed = {f"p{i}": v for i, v in enumerate(start)}
        for n, *value in _select_in(connection, query, list(listed), fixed):
            if tuple(value) in wanted:
                out[tuple(value)] = n
    return out


def _select_in(connection: Any, query: Any, items: list[Any],
               params: dict[str, Any] | None = None) -> list[Any]:
    """The rows of ``query`` for ``items`` as its list of ids, a few hundred at a time."""
    from cmsdesk.models.changelog import chunks  # which imports this module

    out = []
    for part in chunks(items):
        out += connection.execute(query, {**(params or {}), "ids": list(part)}).all()
    return out
