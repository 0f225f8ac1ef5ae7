"""Stable option numbers: "Option 2" names the same wording on every site, for good.

The merge lists the wordings of a contested passage as options. Their numbers are fixed the first
time they are shown outside this installation (a Word document or a bundle): the installation
then records a *numbering* change (entity ``options``, eid ``ENTITY|EID|FIELD`` of the contested
field, field ``numbers``, op ``number``, value ``{option id: number}`` for the options not
numbered yet). It travels and merges like any change, so every site derives the same numbers
from the same changes (:func:`fold_numbers`):

* the numbering versions of a field are read parents first; of two made concurrently the one
  by the Secretariat comes first, then the lower version id (a fixed order every site knows);
* a version's options take the numbers it gives them, unless the option has one already (it
  keeps it) or the number went meanwhile to another option (the option then takes the next
  number after every number given so far).

So an option keeps its number once recorded, whatever arrives later; only two sites numbering
the same field concurrently, before either has the other's numbering, can give one number to
two wordings, and then the Secretariat's numbering (else the lower version id) keeps it.
Options not numbered yet are shown with the next free numbers (never a number an option of the
field had, nor one its texts write as "[Option N"), which is what the numbering then records.
What an installation printed that the rule moved is listed by :func:`moved_numbers` (``cmsdesk
conflicts`` and the import report tell the delegate).
"""

from __future__ import annotations

import heapq
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cmsdesk.models.changelog import Key
from cmsdesk.models.schema import Change, Conflict

NUMBERING = "options"  # the entity of numbering changes
NUMBERS_FIELD = "numbers"
NUMBER_OP = "number"


def target_eid(key: Key) -> str:
    """The eid a numbering or endorsement of the field ``key`` names it by."""
    return f"{key.entity}|{key.eid}|{key.field}"


def target_of(eid: str) -> Key:
    entity, rest = eid.split("|", 1)
    inner, fld = rest.rsplit("|", 1)
    return Key(entity, inner, fld)


def numbering_key(key: Key) -> Key:
    return Key(NUMBERING, target_eid(key), NUMBERS_FIELD)


def is_numbers(value: Any) -> bool:
    """The form of a numbering's value: option ids (16 hex digits) to positive numbers."""
    return (isinstance(value, dict) and 0 < len(value) <= 10_000
            and all(isinstance(k, str) and len(k) == 16
                    and all(c in "0123456789abcdef" for c in k) for k in value)
            and all(isinstance(n, int) and not isinstance(n, bool) and 0 < n < 1_000_000
                    for n in value.values()))


def fold_numbers(versions: Iterable[tuple[str, list[str], dict[str, int], str]]) -> dict[str, int]:
    """The numbers of a field's options from its numbering versions (version id, parents,
    value, author's role), in the order the module docstring gives."""
    table = {vid: (parents, value, role) for vid, parents, value, role in versions}
    children: dict[str, list[str]] = {}
    waiting: dict[str, int] = {}
    for vid, (parents, _value, _role) in table.items():
        held = [p for p in parents if p in table]
        waiting[vid] = len(held)
        for p in held:
            children.setdefault(p, []).append(vid)

    def rank(vid: str) -> tuple[int, str]:
        return (0 if table[vid][2] == "secretariat" else 1, vid)

    ready = [rank(v) for v, n in waiting.items() if n == 0]
    heapq.heapify(ready)
    numbers: dict[str, int] = {}
    given: set[int] = set()
    while ready:
        _r, vid = heapq.heappop(ready)
        for oid, number in sorted(table[vid][1].items(), key=lambda kv: (kv[1], kv[0])):
            if oid in numbers:
                continue
            if number in given:
                number = max(given) + 1
            numbers[oid] = number
            given.add(number)
        for child in children.get(vid, []):
            waiting[child] -= 1
            if waiting[child] == 0:
                heapq.heappush(ready, rank(child))
    return numbers


def recorded_numbers(session: Session, key: Key) -> dict[str, int]:
    """The numbers recorded for the options of the field ``key``."""
    return recorded_numbers_of(session, [key])[key]


def recorded_numbers_of(session: Session, keys: list[Key]) -> dict[Key, dict[str, int]]:
    """:func:`recorded_numbers` of several fields, read together (a projection's)."""
    eids = {target_eid(k): k for k in keys}
    rows: dict[str, list[tuple[str, list[str], Any, str]]] = {eid: [] for eid in eids}
    names = sorted(eids)
    for start in range(0, len(names), 300):
        for eid, vid, parents, value, role in session.execute(select(
                Change.eid, Change.version_id, Change.parents, Change.value, Change.author_role)
                .where(Change.entity == NUMBERING, Change.field == NUMBERS_FIELD,
                       Change.eid.in_(names[start:start + 300]))):
            rows[eid].append((vid, json.loads(parents), json.loads(value), role))
    return {eids[eid]: fold_numbers(found) for eid, found in rows.items()}


def unnumbered(session: Session, plan_id: str) -> list[Key]:
    """Contested text fields derived before options had numbers (a store older than them):
    they are derived again before their numbers are recorded."""
    out = []
    for row in session.scalars(select(Conflict).where(Conflict.plan_id == plan_id,
                                                      Conflict.kind == "text")):
        hunks = json.loads(row.alternatives).get("hunks", [])
        if any("id" not in o for h in hunks for o in h["options"]):
            out.append(Key(row.entity, row.eid, row.field))
    return sorted(out)


def unrecorded(session: Session, plan_id: str) -> dict[Key, dict[str, int]]:
    """Per contested field of the plan, the options shown with a number not recorded yet."""
    out: dict[Key, dict[str, int]] = {}
    for row in session.scalars(select(Conflict).where(Conflict.plan_id == plan_id,
                                                      Conflict.kind == "text")):
        hunks = json.loads(row.alternatives).get("hunks", [])
        missing = {o["id"]: o["number"] for h in hunks for o in h["options"]
                   if o.get("id") and not o.get("recorded")}
        if missing:
            out[Key(row.entity, row.eid, row.field)] = missing
    return out


@dataclass(frozen=True)
class MovedNumber:
    """An option this installation printed with one number that now has another: another
    installation numbered the same conflict at the same time and its numbering kept the number."""

    key: Key  # the contested field
    printed: int
    now: int
    text: str  # the option's wording ("" when the field is no longer contested)


def moved_numbers(session: Session, replica: str,
                  plan_id: str | None = None) -> list[MovedNumber]:
    """The options whose number, as ``replica`` recorded it when it printed them, the field's
    numbering now gives to another option (see the module docstring), by field and number;
    of one plan, or of every plan."""
    out: list[MovedNumber] = []
    stmt = select(Change.eid, Change.value).where(
        Change.replica == replica, Change.entity == NUMBERING, Change.field == NUMBERS_FIELD)
    rows = session.execute(stmt if plan_id is None else stmt.where(Change.plan_id == plan_id))
    for eid, value in rows:
        key = target_of(eid)
        now = recorded_numbers(session, key)
        row = session.get(Conflict, tuple(key))
        texts = ({o.get("id"): o["text"] for h in json.loads(row.alternatives).get("hunks", [])
                  for o in h["options"]} if row is not None else {})
        out.extend(MovedNumber(key, printed, now[oid], texts.get(oid, ""))
                   for oid, printed in json.loads(value).items()
                   if now.get(oid, printed) != printed)
    return sorted(set(out), key=lambda m: (m.key, m.printed))
