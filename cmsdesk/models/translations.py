"""Language versions of the plan's texts: what they hold, which need work, and the two actions
of the Secretariat on them.

A language version (``text@fr``, see :mod:`cmsdesk.models.languages`) is either a
*translation*, which records the versions of the original it renders, or a *proposal* made in
that language by a delegate who works in it. Its state is derived, never typed in:

* ``missing``: the original has text, the language version has none;
* ``stale``: a translation of versions the original has moved on from;
* ``proposed``: a proposal in that language the original has not taken over yet;
* ``current``: a translation of the original as it stands.

:func:`carry_over` takes a proposal made in another language into the original (the new
version of the original names the proposal it carries, so it stays attributed: "proposed by
Côte d'Ivoire, in French") and makes that proposal a translation of the new original;
:func:`mark_current` declares a language version a translation of the original as it stands.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from cmsdesk.models import rules
from cmsdesk.models.changelog import Key, heads
from cmsdesk.models.commands import (
    CommandError,
    Outcome,
    Transaction,
    language_of,
    plan_language,
    run,
)
from cmsdesk.models.languages import NAMES, field_key, split_field
from cmsdesk.models.queries import NodeView, outline
from cmsdesk.models.schema import Change, Head, Node, Plan, Translation
from cmsdesk.models.store import Store

STATES = ("missing", "stale", "proposed", "current")


@dataclass
class LanguageState:
    """One text field in one language: where it stands against the original."""

    entity: str  # plan | node
    eid: str
    field: str
    lang: str
    label: str  # "T7", or "plan"
    state: str  # one of STATES
    value: str  # the language version's text ("" when missing)
    original: str  # the original's text


def _original_heads(session: Session, plan_id: str) -> dict[Key, set[str]]:
    out: dict[Key, set[str]] = {}
    for entity, eid, fld, vid in session.execute(select(
            Head.entity, Head.eid, Head.field, Head.version_id).where(
            Head.plan_id == plan_id, Head.field.not_like("%@%"))):
        out.setdefault(Key(entity, eid, fld), set()).add(vid)
    return out


def state_of(row: Translation | None, original_heads: set[str]) -> str:
    """The state of a language version (``row``) of a field whose original has these heads."""
    if row is None or not row.value.strip():
        return "missing"
    if row.proposal:
        return "proposed"
    return "current" if set(json.loads(row.translates)) == original_heads else "stale"


def translation_status(session: Session, plan_id: str, lang: str,
                       states: tuple[str, ...] = STATES) -> list[LanguageState]:
    """Every text of the plan (its title, then the outline's nodes in order) in ``lang``
    whose state is one of ``states``; an empty original has nothing to translate."""
    if language_of(lang, plan_language(session, plan_id)) is None:
        raise CommandError(f"{NAMES[lang]} is the original language of this plan: it has no "
                           "translation to check")
    originals = _original_heads(session, plan_id)
    rows = {(t.entity, t.eid, t.field): t for t in session.scalars(select(Translation).where(
        Translation.plan_id == plan_id, Translation.lang == lang))}
    plan = session.get(Plan, plan_id)
    assert plan is not None
    items: list[tuple[str, str, str, str, str]] = [("plan", plan_id, "title", "plan", plan.title)]
    nodes = {n.id: n for n in session.scalars(select(Node).where(Node.plan_id == plan_id))}
    for entry in outline(session, plan_id):
        node = nodes[entry.id]
        for fld in rules.fields_of(node.kind):
            if ("node", fld) in rules.TRANSLATABLE_FIELDS:
                items.append(("node", node.id, fld, entry.label, getattr(node, fld)))
    out = []
    for entity, eid, fld, label, text in items:
        if not text.strip():
            continue
        row = rows.get((entity, eid, fld))
        state = state_of(row, originals.get(Key(entity, eid, fld), set()))
        if state in states:
            out.append(LanguageState(entity, eid, fld, lang, label, state,
                                     row.value if row else "", text))
    return out


@dataclass
class OutlineMark:
    """A text of a node that needs a translator in a language, for the outline's mark."""

    field: str
    state: str  # missing | stale
    since: str  # clock of the original's latest version (when it changed, or got its text)


def outline_marks(session: Session, plan_id: str, lang: str | None) -> dict[str, list[OutlineMark]]:
    """Per node id, its texts whose ``lang`` version is missing or stale, with when the
    original last changed; nothing for the original language (``lang`` None or the plan's)."""
    if lang is None or language_of(lang, plan_language(session, plan_id)) is None:
        return {}
    wanted = [x for x in translation_status(session, plan_id, lang, ("missing", "stale"))
              if x.entity == "node"]
    originals = _original_heads(session, plan_id)
    # The heads' clocks, read by version id (the change log's ids may be stored packed, so
    # they are matched through query parameters, never joined with the heads' text column).
    of_version: dict[str, tuple[str, str]] = {}
    for item in wanted:
        for vid in originals.get(Key("node", item.eid, item.field), ()):
            of_version[vid] = (item.eid, item.field)
    clocks: dict[tuple[str, str], str] = {}
    ids = sorted(of_version)
    for start in range(0, len(ids), 500):
        for vid, clock in session.execute(select(Change.version_id, Change.clock).where(
                Change.plan_id == plan_id, Change.version_id.in_(ids[start:start + 500]))):
            where = of_version[vid]
            clocks[where] = max(clocks.get(where, ""), clock)
    out: dict[str, list[OutlineMark]] = {}
    for item in wanted:
        out.setdefault(item.eid, []).append(OutlineMark(
            item.field, item.state, clocks.get((item.eid, item.field), "")))
    return out


def language_titles(session: Session, plan_id: str, lang: str | None) -> dict[str, str]:
    """Per node id, its title in ``lang`` where it has one (the outline shows those while that
    language is edited, the original's elsewhere); nothing for the original language."""
    if lang is None or language_of(lang, plan_language(session, plan_id)) is None:
        return {}
    return {eid: value for eid, value in session.execute(select(
        Translation.eid, Translation.value).where(
        Translation.plan_id == plan_id, Translation.lang == lang,
        Translation.entity == "node", Translation.field == "title")) if value.strip()}


def xref_notes(session: Session, node_id: str, lang: str | None) -> dict[str, str]:
    """The ``lang`` versions of a target's cross-reference notes, by the link's
    ``framework|target``; nothing for the original language."""
    plan_id = session.scalar(select(Node.plan_id).where(Node.id == node_id))
    if lang is None or plan_id is None or language_of(
            lang, plan_language(session, plan_id)) is None:
        return {}
    return {eid.split("|", 1)[1]: value for eid, value in session.execute(select(
        Translation.eid, Translation.value).where(
        Translation.entity == "xref", Translation.eid.like(f"{node_id}|%"),
        Translation.field == "note", Translation.lang == lang)) if value.strip()}


def language_text(session: Session, key: Key, lang: str | None) -> tuple[str, bool]:
    """The text of field ``key`` in ``lang`` (None: the original) and whether it is the
    original standing in for a missing translation (a fallback)."""
    plan_id = (key.eid if key.entity == "plan" else
               session.scalar(select(Node.plan_id).where(Node.id == key.eid)))
    original = _original_value(session, key)
    if plan_id is None or language_of(lang, plan_language(session, plan_id)) is None:
        return original, False
    row = session.get(Translation, (key.entity, key.eid, key.field, lang))
    if row is None or not row.value.strip():
        return original, bool(original.strip())
    return row.value, False


def _original_value(session: Session, key: Key) -> str:
    if key.entity == "plan":
        plan = session.get(Plan, key.eid)
        return str(getattr(plan, key.field, "") or "") if plan else ""
    node = session.get(Node, key.eid)
    return str(getattr(node, key.field, "") or "") if node else ""


@dataclass
class CarriedFrom:
    """Where a version of the original came from when it took over a language version."""

    lang: str
    party: str
    author: str

    def label(self) -> str:
        """ "proposed by Côte d'Ivoire, in French" """
        return f"proposed by {self.party or self.author}, in {NAMES[self.lang]}"


def carried_from(session: Session, change_body: dict[str, object]) -> CarriedFrom | None:
    """The proposal a change of the original took over, with its author, if it did."""
    carried = change_body.get("carries")
    if not isinstance(carried, str):
        return None
    row = session.scalars(select(Change).where(Change.version_id == carried).limit(1)).first()
    if row is None:
        return None
    lang = row.field.partition("@")[2]
    return CarriedFrom(lang, row.author_party, row.author_name)


def proposed_by(session: Session, key: Key, lang: str) -> CarriedFrom | None:
    """Who made the ``lang`` version of ``key`` a proposal (its latest head's author), for the
    window to say whose proposal it carries; None when that version is no proposal."""
    row = session.get(Translation, (key.entity, key.eid, key.field, lang))
    if row is None or not row.proposal:
        return None
    current = heads(session, key._replace(field=field_key(key.field, lang)))
    change = session.scalars(select(Change).where(Change.version_id.in_(current))
                             .order_by(Change.clock.desc()).limit(1)).first()
    return None if change is None else CarriedFrom(lang, change.author_party,
                                                   change.author_name)


def _language_heads(tx: Transaction, key: Key, lang: str) -> tuple[Key, list[str]]:
    lkey = key._replace(field=field_key(key.field, lang))
    current = heads(tx.session, lkey)
    if not current:
        raise CommandError(f"{key.field} has no {NAMES[lang]} version")
    if len(current) > 1:
        raise CommandError(f"the {NAMES[lang]} {key.field} is in conflict: resolve it first "
                           f"('cmsdesk conflicts --lang {lang}')")
    return lkey, current


def _check_key(tx: Transaction, plan_id: str, key: Key, lang: str) -> None:
    if (key.entity, key.field) not in rules.TRANSLATABLE_FIELDS:
        raise CommandError(f"{key.field} is the same in every language")
    if language_of(lang, plan_language(tx.session, plan_id)) is None:
        raise CommandError(f"{NAMES[lang]} is the original language of this plan")


def carry_over(store: Store, plan_id: str, key: Key, lang: str, text: str) -> Outcome:
    """Take the ``lang`` version of ``key`` into the original as ``text`` (its wording in the
    original language), keeping the link to the proposal; the proposal becomes a translation
    of the new original, and the other languages are stale until updated."""

    def work(tx: Transaction) -> None:
        _check_key(tx, plan_id, key, lang)
        lkey, current = _language_heads(tx, key, lang)
        row = tx.session.get(Translation, (key.entity, key.eid, key.field, lang))
        assert row is not None
        if not row.proposal:
            raise CommandError(f"the {NAMES[lang]} {key.field} is a translation of the "
                               "original, not a proposal: there is nothing to carry over")
        if not text.strip():
            raise CommandError("give the wording in the original language (--text or --file)")
        new = tx.record("set", key, text, carries=current[0])
        vid = tx.session.scalar(select(Change.version_id).where(Change.id == new))
        assert vid is not None
        tx.record("set", lkey, row.value, current, translates=[vid])

    return run(store, plan_id, f"Carry the {NAMES[lang]} {key.field} into the original", work)


def mark_current(store: Store, plan_id: str, key: Key, lang: str) -> Outcome:
    """Declare the ``lang`` version of ``key`` a translation of the original as it stands
    (after checking it, or after a change of the original that needs no new wording)."""

    def work(tx: Transaction) -> None:
        _check_key(tx, plan_id, key, lang)
        lkey, current = _language_heads(tx, key, lang)
        row = tx.session.get(Translation, (key.entity, key.eid, key.field, lang))
        assert row is not None
        originals = heads(tx.session, key)
        if state_of(row, set(originals)) == "current":
            return
        tx.record("set", lkey, row.value, current, translates=originals)

    return run(store, plan_id, f"Mark the {NAMES[lang]} {key.field} as up to date", work)


def language_view(session: Session, view: NodeView, lang: str | None) -> dict[str, str]:
    """Turn ``view`` (of the original) into its ``lang`` version: each text in that language,
    the original standing in where there is none; only that language's conflicts. Returns
    each text's state (see :data:`STATES`; nothing for the original language)."""
    view.conflicts = [c for c in view.conflicts
                      if split_field(c.field)[1] == lang]
    for c in view.conflicts:
        c.field = split_field(c.field)[0]
    if lang is None:
        return {}
    originals = _original_heads(session, view.plan_id)
    states = {}
    for fld, text in view.fields.items():
        if ("node", fld) not in rules.TRANSLATABLE_FIELDS or not text.strip():
            continue
        row = session.get(Translation, ("node", view.id, fld, lang))
        states[fld] = state_of(row, originals.get(Key("node", view.id, fld), set()))
        if row is not None and row.value.strip():
            view.fields[fld] = row.value
    return states


def carried_versions(session: Session, change_ids: list[str]) -> dict[str, CarriedFrom]:
    """Of these changes of the original, those that took over a proposal made in another
    language, with where it came from (for the window's history)."""
    out = {}
    for cid, raw in session.execute(select(Change.id, Change.extra).where(
            Change.id.in_(change_ids))):
        carried = carried_from(session, json.loads(raw))
        if carried is not None:
            out[cid] = carried
    return out


def version_notes(session: Session, change_ids: list[str]) -> dict[str, str]:
    """What a history shows beside a version about languages: "proposed by Côte d'Ivoire, in
    French" for an original that took over a proposal, "translates 3f2a9c..." for a
    translation, "a proposal in French" for a language version that translates nothing."""
    out = {}
    for cid, raw in session.execute(select(Change.id, Change.extra).where(
            Change.id.in_(change_ids))):
        body = json.loads(raw)
        carried = carried_from(session, body)
        if carried is not None:
            out[cid] = carried.label()
        elif "translates" in body:
            out[cid] = "translates " + ", ".join(v[:12] for v in body["translates"])
        elif "lang" in body:
            out[cid] = f"a proposal in {NAMES[body['lang']]}"
    return out


def original_beside(session: Session, node_id: str, fld: str, lang: str) -> tuple[str, str]:
    """The original of a node's field as the ``lang`` version translated it, and as it is now,
    for a translator to see what changed since (both the same when nothing did, or when the
    version translates nothing)."""
    from cmsdesk.models.projection import value_of

    key = Key("node", node_id, fld)
    now = _original_value(session, key)
    row = session.get(Translation, ("node", node_id, fld, lang))
    translates = json.loads(row.translates) if row is not None else []
    if not translates:
        return now, now
    then = value_of(session, key, translates)
    return (then if isinstance(then, str) else now), now


def has_language_texts(session: Session, plan_id: str, lang: str) -> bool:
    """Whether any text of the plan has a ``lang`` version."""
    return session.scalar(select(Translation.eid).where(
        Translation.plan_id == plan_id, Translation.lang == lang).limit(1)) is not None
