"""Named drafts: "Consultation draft 2" as a fixed point of the plan to compare against later.

A named draft is local bookkeeping, not a change: it records the arrival number of the last
change it includes and the heads every field had then. Since a change's parents always arrive
before it, the changes up to that arrival are exactly the history the draft saw, so the text of
any field at the draft can be derived again at any time (:func:`draft_values`), and everything
that arrived later (:class:`~cmsdesk.models.schema.Change` rows with a greater ``arrival``) is
what was received since. The compilation of comments and the review window build on this.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import asdict, dataclass, field
from datetime import date as Date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cmsdesk.models.changelog import Key
from cmsdesk.models.commands import CommandError, PlanEditor
from cmsdesk.models.draft_meta import DocumentMeta, check_symbol
from cmsdesk.models.projection import value_of
from cmsdesk.models.queries import NotFoundError
from cmsdesk.models.schema import Change, NamedDraft, Plan
from cmsdesk.models.store import Store

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
FIRST_VERSION = "first version of the plan"


@dataclass(frozen=True)
class DraftInfo:
    """What lists and reports show of a named draft (plain data, safe outside a session)."""

    id: str
    plan_id: str
    name: str
    symbol: str
    date: str
    arrival: int
    changes: int  # changes of the plan the draft includes
    meta: dict[str, Any] = field(default_factory=dict)  # DocumentMeta.to_json()
    options: dict[str, Any] = field(default_factory=dict)  # the export options last used

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def document(self) -> DocumentMeta:
        return DocumentMeta.from_json(self.meta)


HeadMap = dict[Key, list[str]]


def heads_at(session: Session, plan_id: str, arrival: int) -> HeadMap:
    """The heads every field of a plan had once the change numbered ``arrival`` was in."""
    versions: dict[Key, set[str]] = {}
    named_as_parent: dict[Key, set[str]] = {}
    rows = session.execute(
        select(Change.entity, Change.eid, Change.field, Change.version_id, Change.parents)
        .where(Change.plan_id == plan_id, Change.arrival <= arrival))
    for entity, eid, fld, vid, parents in rows:
        key = Key(entity, eid, fld)
        versions.setdefault(key, set()).add(vid)
        named_as_parent.setdefault(key, set()).update(json.loads(parents))
    return {k: sorted(vs - named_as_parent[k]) for k, vs in versions.items()}


def _encode_heads(heads: HeadMap) -> str:
    nested: dict[str, dict[str, dict[str, list[str]]]] = {}
    for key, vids in heads.items():
        nested.setdefault(key.entity, {}).setdefault(key.eid, {})[key.field] = vids
    return json.dumps(nested, sort_keys=True, separators=(",", ":"))


def _decode_heads(raw: str) -> HeadMap:
    nested = json.loads(raw or "{}")
    return {Key(entity, eid, fld): vids for entity, by_eid in nested.items()
            for eid, by_field in by_eid.items() for fld, vids in by_field.items()}


def parse_day(text: str) -> Date:
    """A date written YYYY-MM-DD; anything else raises :class:`CommandError` saying so."""
    value = text.strip()
    try:
        if not _ISO_DATE.fullmatch(value):
            raise ValueError
        return Date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"{text!r} is not a date: write it as YYYY-MM-DD, for example "
                           "2014-07-25") from None


def _day_text(value: Date | str | None) -> str:
    if value is None:
        return Date.today().isoformat()
    return (value if isinstance(value, Date) else parse_day(value)).isoformat()


def _count_changes(session: Session, plan_id: str, arrival: int) -> int:
    return int(session.scalar(select(func.count()).select_from(Change).where(
        Change.plan_id == plan_id, Change.arrival <= arrival)) or 0)


def _info(session: Session, row: NamedDraft) -> DraftInfo:
    return DraftInfo(row.id, row.plan_id, row.name, row.symbol, row.date, row.arrival,
                     _count_changes(session, row.plan_id, row.arrival),
                     json.loads(row.meta or "{}"), json.loads(row.options or "{}"))


def document_meta(draft: NamedDraft) -> DocumentMeta:
    """The metadata of the document a draft prints (defaults for an unsaved baseline)."""
    return DocumentMeta.from_json(json.loads(draft.meta or "{}"))


def _check_name(session: Session, plan_id: str, name: str, keep: str = "") -> str:
    name = name.strip()
    if not name:
        raise CommandError("a draft needs a name, for example \"Consultation draft 2\"")
    for other in session.scalars(select(NamedDraft).where(NamedDraft.plan_id == plan_id)):
        if other.id != keep and other.name.casefold() == name.casefold():
            raise CommandError(f"a draft named {other.name!r} exists already (marked "
                               f"{other.date}); choose another name")
    return name


def mark_draft(store: Store, plan_id: str, name: str, symbol: str = "",
               date: Date | str | None = None, meta: DocumentMeta | None = None) -> DraftInfo:
    """Name the plan as it stands now (for example before sending it out for consultation),
    with the metadata of the document that will print it.

    Raises :class:`CommandError` for an empty or already used name, a malformed date or
    symbol, and :class:`NotFoundError` for an unknown plan; nothing is written then.
    """
    when = _day_text(date)
    symbol = check_symbol(symbol)
    with store.session() as s:
        if s.get(Plan, plan_id) is None:
            raise NotFoundError(f"no plan {plan_id} in this store")
        _check_name(s, plan_id, name)
    # The draft will be printed and cited: its options' numbers are recorded first, so that
    # the draft holds them (models/option_numbers.py).
    PlanEditor(store, plan_id).number_options()
    with store.session() as s:
        name = _check_name(s, plan_id, name)
        arrival = int(s.scalar(select(func.max(Change.arrival))
                               .where(Change.plan_id == plan_id)) or 0)
        row = NamedDraft(id=str(uuid.uuid4()), plan_id=plan_id, name=name,
                         symbol=symbol, date=when, arrival=arrival,
                         heads=_encode_heads(heads_at(s, plan_id, arrival)),
                         meta=_encode_meta(meta or DocumentMeta()), options="{}")
        s.add(row)
        s.flush()
        return _info(s, row)


def _encode_meta(meta: DocumentMeta) -> str:
    return json.dumps(meta.to_json(), sort_keys=True, ensure_ascii=False)


def edit_draft(store: Store, plan_id: str, ref: str, *, name: str | None = None,
               symbol: str | None = None, date: Date | str | None = None,
               **meta: Any) -> DraftInfo:
    """Change a named draft's name, symbol, date or document metadata (``meta``: fields of
    :class:`DocumentMeta`; None keeps a value). What the draft holds of the plan never changes.

    Every value is checked before anything is written: a bad one raises
    :class:`CommandError`, an unknown draft :class:`NotFoundError`.
    """
    with store.session() as s:
        row = find_draft(s, plan_id, ref)
        new_name = row.name if name is None else _check_name(s, plan_id, name, keep=row.id)
        new_symbol = row.symbol if symbol is None else check_symbol(symbol)
        new_date = row.date if date is None else _day_text(date)
        new_meta = document_meta(row).updated(**meta)
        row.name, row.symbol, row.date = new_name, new_symbol, new_date
        row.meta = _encode_meta(new_meta)
        s.flush()
        return _info(s, row)


def remember_options(store: Store, plan_id: str, ref: str, options: dict[str, Any]) -> None:
    """Keep ``options`` (plain JSON) as the export options of the draft ``ref``."""
    with store.session() as s:
        row = find_draft(s, plan_id, ref)
        row.options = json.dumps(options, sort_keys=True)


def _ordered(session: Session, plan_id: str) -> list[NamedDraft]:
    rows = session.scalars(select(NamedDraft).where(NamedDraft.plan_id == plan_id))
    return sorted(rows, key=lambda d: (d.arrival, d.date, d.name.casefold(), d.id))


def list_drafts(store: Store, plan_id: str) -> list[DraftInfo]:
    """The plan's named drafts, oldest first."""
    with store.session() as s:
        return [_info(s, row) for row in _ordered(s, plan_id)]


def find_draft(session: Session, plan_id: str, ref: str) -> NamedDraft:
    """A named draft by name (any case), id or id prefix of six characters or more."""
    rows = _ordered(session, plan_id)
    wanted = ref.strip()
    for row in rows:
        if row.id == wanted or row.name.casefold() == wanted.casefold():
            return row
    if len(wanted) >= 6:
        by_prefix = [r for r in rows if r.id.startswith(wanted)]
        if len(by_prefix) == 1:
            return by_prefix[0]
    if not rows:
        raise NotFoundError(f"no draft {ref!r}: this plan has no named drafts yet; mark one "
                            "with 'cmsdesk draft mark NAME'")
    names = "; ".join(repr(r.name) for r in rows)
    raise NotFoundError(f"no draft {ref!r} in this plan; its drafts are {names}")


def first_version(session: Session, plan_id: str) -> NamedDraft:
    """The plan as it was created, as an unsaved draft: the baseline when none was named.

    The creation is the opening run of changes in arrival order that come from the creating
    installation and edit nothing earlier (the template, or the plan a first bundle brought):
    the first later edit, or the first change from anyone else, is no longer part of it.
    """
    first = session.execute(select(Change.arrival, Change.replica, Change.clock)
                            .where(Change.plan_id == plan_id)
                            .order_by(Change.arrival).limit(1)).first()
    if first is None:
        raise NotFoundError(f"no plan {plan_id} in this store")
    creator = first.replica
    stop = session.scalar(select(func.min(Change.arrival)).where(
        Change.plan_id == plan_id, (Change.replica != creator) | (Change.parents != "[]")))
    bound = select(func.max(Change.arrival)).where(Change.plan_id == plan_id)
    if stop is not None:
        bound = bound.where(Change.arrival < stop)
    arrival = int(session.scalar(bound) or first.arrival)
    return unsaved_draft(session, plan_id, arrival, FIRST_VERSION, first.clock[:10])


def unsaved_draft(session: Session, plan_id: str, arrival: int, name: str,
                  date: str) -> NamedDraft:
    """The plan as it stood once the change numbered ``arrival`` was in, as a draft that is
    not stored: a baseline such as the first version, or the plan before a given day."""
    return NamedDraft(id="", plan_id=plan_id, name=name, symbol="", date=date, arrival=arrival,
                      heads=_encode_heads(heads_at(session, plan_id, arrival)), meta="{}",
                      options="{}")


def draft_heads(draft: NamedDraft) -> HeadMap:
    return _decode_heads(draft.heads)


def draft_values(session: Session, draft: NamedDraft) -> dict[str, dict[str, Any]]:
    """The value of every node field at ``draft``: ``{node id: {field: value}}``.

    Text fields are strings (merged and bracketed as the plan showed them then), ``placement``
    is ``{"parent", "pos", ...}`` as recorded, ``deleted`` is a bool, and ``kind`` is the kind
    the node was created with. A node created after the draft is absent.
    """
    node_heads = {k: v for k, v in draft_heads(draft).items() if k.entity == "node"}
    wanted = {(k.eid, k.field, vid) for k, vids in node_heads.items() for vid in vids}
    head_values: dict[tuple[str, str, str], Any] = {}
    out: dict[str, dict[str, Any]] = {}
    rows = session.execute(select(Change.eid, Change.field, Change.version_id, Change.value,
                                  Change.op)
                           .where(Change.plan_id == draft.plan_id, Change.entity == "node",
                                  Change.arrival <= draft.arrival))
    for eid, fld, vid, raw, op in rows:
        if (eid, fld, vid) in wanted:
            head_values[(eid, fld, vid)] = json.loads(raw)
        if op == "create":
            out.setdefault(eid, {})["kind"] = json.loads(raw)["kind"]
    for key, vids in node_heads.items():
        values = [head_values[(key.eid, key.field, vid)] for vid in vids]
        if key.field == "deleted":
            value: Any = all(bool(v.get("deleted")) for v in values)
        elif len(values) == 1:
            value = values[0]
        else:
            value = value_of(session, key, vids)
        out.setdefault(key.eid, {})[key.field] = value
    return out
