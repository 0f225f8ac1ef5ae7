"""The change log: building, identifying and appending immutable changes.

A change is a canonical JSON object. Its id is the SHA-256 of that JSON, so the same change has
the same id at every site and importing it twice does nothing. Each change touches one *field*
(an entity, its id and a field name, together a :class:`Key`) and names as ``parents`` the
versions of that field it was edited from; the versions of a field form a small DAG whose heads
(versions nobody names as parent) are kept in the ``heads`` table.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple, TypeVar

from sqlalchemy import Select, bindparam, column, delete, func, insert, select, table
from sqlalchemy.orm import Session

from cmsdesk.models.canonical import canonical_bytes, digest, normalize
from cmsdesk.models.change_rows import COLUMNS, append_rows
from cmsdesk.models.identity import Profile
from cmsdesk.models.languages import LANGUAGES, field_key, split_field
from cmsdesk.models.packing import has_change_view, packed_rows
from cmsdesk.models.schema import Change, Head

FORMAT_VERSION = 1

# "options" and "endorsement" concern a contested field's options: their numbers
# (models/option_numbers.py) and the regions' positions (models/endorsements.py).
ENTITIES = ("plan", "node", "xref", "comment", "options", "endorsement")
OPS = (
    "set",  # a field's new value
    "create",  # a node comes into being (field "placement": kind, parent, position)
    "move",  # field "placement": parent, position
    "delete",  # field "deleted": {"deleted": true, "seen": [versions the deleter had seen]}
    "restore",  # field "deleted": {"deleted": false}
    "xref_add",  # field "present": true
    "xref_remove",  # field "present": false
    "comment_add",  # field "body": {"node", "text"}
    "comment_resolve",  # field "resolved": true
    "resolve",  # any field: the value chosen for a conflict; parents are all its heads
    "number",  # entity options, field "numbers": {option id: number} fixed when first shown
    "endorse",  # entity endorsement, field "option": {"option": option id or null}
)


class Key(NamedTuple):
    entity: str
    eid: str
    field: str


# The author of a change is the profile of whoever made it, as it was then.
Author = Profile


# A change recorded at the Secretariat from what a Party sent without cmsdesk names the
# recorder's replica and the channel: {"replica": ..., "from": "Word reply" | "letter"}.
RECORDED_BY = "recorded_by"
RECORDED_FROM = ("Word reply", "letter")
# Keys a change carries only when it concerns languages (see models/languages.py). A change
# without them is in the plan's original language, as every change written before was.
LANGUAGE_KEYS = (
    "lang",  # the language version it edits, when not the original: "fr"
    "translates",  # versions of the original field this translation renders
    "carries",  # the version of a language version an edit of the original takes over
)


def make_body(*, plan: str, replica: str, seq: int, author: Author, clock: str, op: str,
              key: Key, value: Any, parents: list[str], translates: list[str] | None = None,
              carries: str | None = None,
              recorded_by: dict[str, str] | None = None) -> dict[str, Any]:
    """A change's body; the language of a ``text@fr`` key becomes its ``lang``; a submission
    recorded for a Party names its recorder (``recorded_by``, :mod:`cmsdesk.submissions`)."""
    fld, lang = split_field(key.field)
    extra: dict[str, Any] = {}
    if recorded_by is not None:
        extra[RECORDED_BY] = recorded_by
    if lang is not None:
        extra["lang"] = lang
    if translates is not None:
        extra["translates"] = sorted(translates)
    if carries is not None:
        extra["carries"] = carries
    return normalize({
        "v": FORMAT_VERSION, "plan": plan, "replica": replica, "seq": seq,
        "author": author.to_json(), "clock": clock, "op": op,
        "entity": key.entity, "eid": key.eid, "field": fld,
        "value": value, "parents": sorted(parents),
    } | extra)


def change_id(body: dict[str, Any]) -> str:
    return digest(body)


def version_id(body: dict[str, Any], cid: str) -> str:
    """The id of the version a change creates in its field's DAG.

    A resolution's version is named by its content (field, value, parents) only, so two sites
    that resolve a conflict the same way make the same version, whoever made it and when.
    """
    if body["op"] != "resolve":
        return cid
    return digest({k: body[k] for k in ("plan", "entity", "eid", "field", "value", "parents",
                                        "lang") if k in body} | {"op": "resolve"})


class ChangeFormatError(ValueError):
    pass


def check_body(body: Any) -> dict[str, Any]:
    """Validate the shape of a change received from elsewhere; the error says what is wrong."""
    if not isinstance(body, dict):
        raise ChangeFormatError("a change is not a JSON object")
    expected = {"v", "plan", "replica", "seq", "author", "clock", "op", "entity", "eid",
                "field", "value", "parents"}
    optional = {*LANGUAGE_KEYS, RECORDED_BY}
    if set(body) - optional != expected:
        wrong = (set(body) - optional) ^ expected
        raise ChangeFormatError(f"a change has fields {sorted(wrong)} wrong")
    _check_language_keys(body)
    recorder = body.get(RECORDED_BY)
    if RECORDED_BY in body and not (
            isinstance(recorder, dict) and set(recorder) == {"replica", "from"}
            and isinstance(recorder["replica"], str) and 0 < len(recorder["replica"]) <= 64
            and recorder["from"] in RECORDED_FROM):
        raise ChangeFormatError("a change's recorder is malformed")
    if type(body["v"]) is not int or body["v"] != FORMAT_VERSION:
        raise ChangeFormatError(f"unknown change format version {body['v']!r}")
    if body["op"] not in OPS or body["entity"] not in ENTITIES:
        raise ChangeFormatError(f"unknown change kind {body['op']}/{body['entity']}")
    if not isinstance(body["seq"], int) or isinstance(body["seq"], bool) or body["seq"] < 1:
        raise ChangeFormatError("a change's counter is not a positive integer")
    if not isinstance(body["parents"], list) or not all(isinstance(p, str) for p in body["parents"]):
        raise ChangeFormatError("a change's parents are not a list of ids")
    for name in ("plan", "replica", "clock", "eid", "field"):
        if not isinstance(body[name], str) or len(body[name]) > 120:
            raise ChangeFormatError(f"a change's {name} is not a short string")
    author = body["author"]
    if not isinstance(author, dict) or not all(isinstance(author.get(k), str)
                                               for k in ("name", "party", "region", "role")):
        raise ChangeFormatError("a change's author is malformed")
    return body


def _check_language_keys(body: dict[str, Any]) -> None:
    """A change is in one language: its ``lang`` (if any) is a known one, only a language
    version translates the original, and only the original takes over a language version."""
    lang = body.get("lang")
    if "lang" in body and lang not in LANGUAGES:
        raise ChangeFormatError(f"a change is in an unknown language {lang!r}")
    translates = body.get("translates")
    if translates is not None:
        if lang is None:
            raise ChangeFormatError("a change of the original language claims to translate")
        if not isinstance(translates, list) or not all(isinstance(v, str) for v in translates):
            raise ChangeFormatError("a translation's original versions are not a list of ids")
    if "carries" in body and (lang is not None or not isinstance(body["carries"], str)):
        raise ChangeFormatError("a change mixes languages: only an edit of the original "
                                "can take over a language version")


# The fields of a change held in columns of their own; ``extra`` holds the others. The author
# has columns too, as long as it has exactly the four fields of a profile.
IN_COLUMNS = frozenset({"plan", "replica", "seq", "clock", "op", "entity", "eid", "field",
                        "value", "parents"})
AUTHOR_FIELDS = frozenset({"name", "party", "region", "role"})
# What :func:`body_text` reads; select these (and the id) to rebuild changes.
BODY_COLUMNS = (Change.extra, Change.plan_id, Change.replica, Change.seq, Change.clock,
                Change.op, Change.entity, Change.eid, Change.field, Change.value,
                Change.parents, Change.author_name, Change.author_party, Change.author_region,
                Change.author_role)


# The keys of a change that holds nothing beyond its columns but its format's version.
_USUAL_KEYS = IN_COLUMNS | {"author", "v"}
_FORMAT_ONLY_TEXT = canonical_bytes({"v": FORMAT_VERSION}).decode("utf-8")


def extra_of(body: dict[str, Any]) -> str:
    """The canonical JSON of what a change holds beyond its columns (its format version, and
    whatever a later format adds)."""
    usual_author = body["author"].keys() == AUTHOR_FIELDS
    if (usual_author and body.keys() == _USUAL_KEYS and type(body["v"]) is int
            and body["v"] == FORMAT_VERSION):  # nearly every change: written once
        return _FORMAT_ONLY_TEXT
    rest = {k: v for k, v in body.items() if k not in IN_COLUMNS and k != "author"}
    if not usual_author:
        rest["author"] = body["author"]
    return canonical_bytes(rest).decode("utf-8")


def body_text(row: Any) -> str:
    """The exact canonical JSON of a stored change (whose SHA-256 is its id), rebuilt from a
    row holding :data:`BODY_COLUMNS`.

    The value is stored as canonical JSON already and is the last key (keys are sorted), so it
    is appended as it is rather than parsed and written again.
    """
    body = json.loads(row.extra)
    body.setdefault("author", {"name": row.author_name, "party": row.author_party,
                               "region": row.author_region, "role": row.author_role})
    body.update(plan=row.plan_id, replica=row.replica, seq=row.seq, clock=row.clock, op=row.op,
                entity=row.entity, eid=row.eid, field=split_field(row.field)[0],
                parents=json.loads(row.parents))
    if max(body) < "value":
        head = canonical_bytes(body).decode("utf-8")
        return f'{head[:-1]},"value":{row.value}}}'
    body["value"] = json.loads(row.value)
    return canonical_bytes(body).decode("utf-8")


_BODIES = select(Change.id, *BODY_COLUMNS).where(
    Change.plan_id == bindparam("plan")).order_by(Change.arrival)


def bodies(session: Session, plan_id: str) -> dict[str, str]:
    """Every change of a plan as stored: id -> canonical JSON, in arrival order."""
    return {row.id: body_text(row) for row in session.execute(_BODIES, {"plan": plan_id})}


def author_of(row: Change) -> Author:
    return Author(row.author_name, row.author_party, row.author_region, row.author_role)


def key_of(body: dict[str, Any]) -> Key:
    """The field a change edits; a language version's field carries its language (text@fr)."""
    return Key(body["entity"], body["eid"], field_key(body["field"], body.get("lang")))


def is_held(session: Session, cid: str) -> bool:
    return session.scalar(select(Change.arrival).where(Change.id == cid)) is not None


CHUNK = 300  # items per IN (...) list, well below SQLite's limit on bound parameters
T = TypeVar("T")


def chunks(items: Sequence[T]) -> list[Sequence[T]]:
    return [items[i : i + CHUNK] for i in range(0, len(items), CHUNK)]


def of_keys(stmt: Select[Any], entity: Any, eid: Any, fld: Any) -> Select[Any]:
    """``stmt`` narrowed to the rows of some fields of one entity and field name, whose
    values :func:`key_params` gives.

    Build it once per query shape (at module level): SQLite searches the table's (entity, eid,
    field) index id by id. A row-value ``(entity, eid, field) IN (...)`` list made it scan the
    whole table instead, and statements built anew for each call cost more in SQLAlchemy than
    the search in SQLite.
    """
    return stmt.where(entity == bindparam("entity"), fld == bindparam("field"),
                      eid.in_(bindparam("eids", expanding=True)))


def key_params(keys: Iterable[Key]) -> list[dict[str, Any]]:
    """Parameters of an :func:`of_keys` statement for exactly ``keys``: one dict per entity,
    field name and chunk of ids."""
    eids: dict[tuple[str, str], set[str]] = {}
    for k in keys:
        eids.setdefault((k.entity, k.field), set()).add(k.eid)
    return [{"entity": entity, "field": fld, "eids": list(part)}
            for (entity, fld), ids in sorted(eids.items()) for part in chunks(sorted(ids))]


_HEADS = of_keys(select(Head.entity, Head.eid, Head.field, Head.version_id),
                 Head.entity, Head.eid, Head.field)


def current_heads(session: Session, keys: set[Key]) -> dict[Key, set[str]]:
    """The heads of each of ``keys`` (an empty set for a field nobody wrote).

    It runs on the session's connection, as does the check of held ids below: the change log
    and the heads are written with plain statements only (nothing for the ORM to flush first),
    and the ORM's handling of each result cost more than the query in an import.
    """
    out: dict[Key, set[str]] = {k: set() for k in keys}
    connection = session.connection()
    for params in key_params(out):
        for entity, eid, fld, vid in connection.execute(_HEADS, params):
            out[Key(entity, eid, fld)].add(vid)
    return out


class Appended(NamedTuple):
    """What :func:`append_changes` did: the ids that were new, the fields they write, and those
    of these fields that it left with several heads (concurrent versions to merge)."""

    new: list[str]
    fields: set[Key]
    concurrent: set[Key]


def append_many(session: Session, bodies: list[tuple[str, dict[str, Any]]],
                origin: str = "local") -> list[str]:
    """Append changes (id, body) in the given (causal) order, skipping those already held, and
    advance the heads of their fields. Returns the ids that were new. See :func:`append_changes`.
    """
    return append_changes(session, bodies, origin).new


_HELD = select(Change.id).where(Change.id.in_(bindparam("ids", expanding=True)))
_DELETE_HEAD = delete(Head.__table__).where(
    Head.__table__.c.entity == bindparam("e"), Head.__table__.c.eid == bindparam("i"),
    Head.__table__.c.field == bindparam("f"), Head.__table__.c.version_id == bindparam("v"))


# Per field of some entity and field name: how many heads it has, and which of some versions
# are among them (see of_keys). Counting is left to SQLite: a field edited concurrently by a
# thousand delegates has hundreds of heads, and reading them all for each file of an import
# made the import of a round grow with the square of its size.
_HEAD_COUNTS = of_keys(select(Head.entity, Head.eid, Head.field, func.count()),
                       Head.entity, Head.eid, Head.field).group_by(
    Head.entity, Head.eid, Head.field)
_HEADS_AMONG = of_keys(select(Head.entity, Head.eid, Head.field, Head.version_id),
                       Head.entity, Head.eid, Head.field).where(
    Head.version_id.in_(bindparam("vids", expanding=True)))


def _head_counts(connection: Any, keys: set[Key]) -> dict[Key, int]:
    out = {k: 0 for k in keys}
    for params in key_params(keys):
        for entity, eid, fld, n in connection.execute(_HEAD_COUNTS, params):
            out[Key(entity, eid, fld)] = int(n)
    return out


def _heads_among(connection: Any, versions: dict[Key, set[str]]) -> set[tuple[Key, str]]:
    """Which of ``versions`` (per field) are heads of their field now.

    Each statement names only the versions of its own fields: SQLite looks up every pair of
    an id and a version it lists.
    """
    found: set[tuple[Key, str]] = set()
    for params in key_params(k for k, vs in versions.items() if vs):
        entity, fld = params["entity"], params["field"]
        vids = sorted({v for eid in params["eids"] for v in versions[Key(entity, eid, fld)]})
        for part in chunks(vids):
            for row in connection.execute(_HEADS_AMONG, params | {"vids": list(part)}):
                key = Key(row.entity, row.eid, row.field)
                if row.version_id in versions[key]:
                    found.add((key, row.version_id))
    return found


def append_changes(session: Session, bodies: list[tuple[str, dict[str, Any]]],
                   origin: str = "local") -> Appended:
    """:func:`append_many`, also saying which fields it wrote and left concurrent."""
    return append_groups(session, [(bodies, origin)])[0]


def append_groups(session: Session, groups: list[tuple[list[tuple[str, dict[str, Any]]], str]]
                  ) -> list[Appended]:
    """Append several groups of changes (``(bodies, origin)``: a batch import's files) one
    after the other, in one set of statements: each group's :class:`Appended` says what
    appending it after the groups before it did, as separate calls of :func:`append_changes`
    would have.

    The caller has checked that every parent is held or comes earlier. It takes a handful of
    statements whatever the number of changes and groups, because an import brings thousands,
    and reads of each field's heads only the versions its changes name as parents (and how
    many heads it has), not all of them.
    """
    held: set[str] = set()
    connection = session.connection()
    for part in chunks([cid for bodies, _ in groups for cid, _ in bodies]):
        held.update(connection.scalars(_HELD, {"ids": list(part)}))
    fresh: list[list[tuple[str, dict[str, Any]]]] = []
    for bodies, _origin in groups:
        fresh.append([])
        for cid, body in bodies:
            if cid not in held:
                held.add(cid)
                fresh[-1].append((cid, body))
    if not any(fresh):
        return [Appended([], set(), set()) for _ in groups]
    keys = {key_of(body) for group in fresh for _, body in group}
    # A resolution's version may exist already (made the same way at another site); it must not
    # become a head again if something was written on top of it since.
    known: set[tuple[Key, str]] = set()
    resolutions = [version_id(b, c) for group in fresh for c, b in group if b["op"] == "resolve"]
    for part in chunks(resolutions):
        for entity, eid, fld, vid in session.execute(
                select(Change.entity, Change.eid, Change.field, Change.version_id)
                .where(Change.version_id.in_(part))):
            known.add((Key(entity, eid, fld), vid))
    named: dict[Key, set[str]] = {k: set() for k in keys}
    for group in fresh:
        for _, body in group:
            named[key_of(body)].update(body["parents"])
    heads_before = _heads_among(connection, named)  # the parents that are heads now
    count = _head_counts(connection, keys)
    added: dict[Key, set[str]] = {k: set() for k in keys}
    gone: set[tuple[Key, str]] = set()
    rows = []
    out = []
    for group, (_, origin) in zip(fresh, groups, strict=True):
        touched: set[Key] = set()
        for cid, body in group:
            key = key_of(body)
            touched.add(key)
            vid = version_id(body, cid)
            if (key, vid) not in known:
                known.add((key, vid))
                for parent in body["parents"]:
                    if parent in added[key]:
                        added[key].discard(parent)
                    elif (key, parent) in heads_before and (key, parent) not in gone:
                        gone.add((key, parent))
                        count[key] -= 1
                added[key].add(vid)
            rows.append(_row(cid, vid, key, body, origin))
        # heads after this group: those before less the ones it and earlier groups replaced,
        # plus the versions the batch added that are still heads
        out.append(Appended([cid for cid, _ in group], touched,
                            {k for k in touched if count[k] + len(added[k]) > 1}))
    _insert_rows(connection, rows)
    plan_of = {key_of(b): b["plan"] for group in fresh for _, b in group}
    if gone:
        session.execute(_DELETE_HEAD, [{"e": k.entity, "i": k.eid, "f": k.field, "v": v}
                                       for k, v in sorted(gone)])
    new_heads = [{"entity": k.entity, "eid": k.eid, "field": k.field, "version_id": v,
                  "plan_id": plan_of[k]} for k in keys for v in sorted(added[k])]
    if new_heads:
        session.execute(insert(Head.__table__), new_heads)
    if connection.dialect.name == "postgresql":
        from cmsdesk.models.server import notify

        for plan in sorted(set(plan_of.values())):
            notify(connection, plan, session.info.get("sender", ""))
    return out


# The change log with untyped columns: packed rows go to the driver as they are.
_PACKED = table(Change.__table__.name, *(column(c) for c in COLUMNS))


def _row(cid: str, vid: str, key: Key, body: dict[str, Any], origin: str) -> tuple[Any, ...]:
    """The row of a change as :func:`append_groups` inserts it
    (:data:`~cmsdesk.models.change_rows.COLUMNS`)."""
    author = body["author"]
    return (cid, vid, body["plan"], body["replica"], body["seq"], body["op"], key.entity,
            key.eid, key.field, canonical_bytes(body["value"]).decode("utf-8"),
            json.dumps(body["parents"]), author["name"], author["party"], author["region"],
            author["role"], body["clock"], extra_of(body), origin)


def _insert_rows(connection: Any, rows: list[tuple[Any, ...]]) -> None:
    """Insert rows made by :func:`_row`. In an SQLite store they are packed here
    (:func:`~cmsdesk.models.packing.packed_rows`) and handed to the driver as they are, into
    the change log's own rows where it is a view (:mod:`cmsdesk.models.change_rows`)."""
    if connection.dialect.name != "sqlite":
        connection.execute(insert(Change.__table__),
                           [dict(zip(COLUMNS, row, strict=True)) for row in rows])
        return
    packed = packed_rows(Change.__table__, COLUMNS, rows)
    if has_change_view(connection.dialect):
        append_rows(connection, packed)
    else:
        connection.execute(insert(_PACKED), [dict(zip(COLUMNS, row, strict=True))
                                             for row in packed])


def append(session: Session, body: dict[str, Any], cid: str | None = None,
           origin: str = "local") -> tuple[str, bool]:
    """Append one change unless it is held already. Returns (change id, whether it was new)."""
    cid = cid or change_id(body)
    return cid, bool(append_many(session, [(cid, body)], origin))


def heads(session: Session, key: Key) -> list[str]:
    return sorted(session.scalars(select(Head.version_id).where(
        Head.entity == key.entity, Head.eid == key.eid, Head.field == key.field)))


def version_vector(session: Session, plan_id: str) -> dict[str, int]:
    """Highest counter held per replica for a plan.

    Counters run per replica and plan, and a bundle always carries every change the receiver
    lacks below what it brings, so what a site holds of a plan is exactly this vector.
    """
    stmt = (select(Change.replica, func.max(Change.seq)).where(Change.plan_id == plan_id)
            .group_by(Change.replica))
    return {r: int(s) for r, s in session.execute(stmt)}
