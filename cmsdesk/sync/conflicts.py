"""Listing contested fields and settling them.

A resolution is an ordinary new version whose parents are all the field's heads
(:meth:`PlanEditor.resolve`, op ``resolve``). Its version id depends only on the field, the
value and those parents, so two sites that settle a conflict the same way make the same version
and their resolutions do not conflict with each other when they meet.

Three ways to settle a field: choose one of the listed alternatives, write a new text, or (for
text) keep the options: the agreed text with the bracketed ``[Option 1 (proposers): ...]`` form
where it differs, which is what negotiators do when no agreement is reached yet. A contested
deletion is settled by choosing "delete" (the node goes to the Trash, with every version in it
counted as seen) or "keep".
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from cmsdesk.models import rules
from cmsdesk.models.changelog import Key
from cmsdesk.models.commands import CommandError, Outcome, PlanEditor, seen_in_subtree
from cmsdesk.models.endorsements import endorsements
from cmsdesk.models.languages import split_field
from cmsdesk.models.queries import ConflictView, conflicts
from cmsdesk.models.schema import Conflict, CrossReference, Node, Plan, Translation
from cmsdesk.models.store import Store
from cmsdesk.models.textmerge import Option, options_form
from cmsdesk.models.trust import verified_replicas

DELETE, KEEP = "delete", "keep"
# values a field that is not text may take, where a typed value makes sense
_CHOICES = {("node", "status"): rules.STATUSES, ("xref", "relevance"): rules.RELEVANCES}


def list_conflicts(store: Store, plan_id: str) -> list[ConflictView]:
    """The plan's contested fields in outline order, each with its attributed alternatives."""
    with store.session() as s:
        views = conflicts(s, plan_id)
        verified = verified_replicas(s)
        for view in views:
            if view.kind == "text":
                view.endorsements = [e | {"verified": e["replica"] in verified}
                                     for e in endorsements(s, view.key)]
        return views


def _displayed(session: Session, key: Key) -> Any:
    """What the field shows now: for contested text, the bracketed options form."""
    fld, lang = split_field(key.field)
    if lang is not None:
        translation = session.get(Translation, (key.entity, key.eid, fld, lang))
        return translation.value if translation is not None else ""
    if key.entity == "plan":
        row: Any = session.get(Plan, key.eid)
    elif key.entity == "node":
        row = session.get(Node, key.eid)
    else:
        row = session.get(CrossReference, tuple(key.eid.split("|", 2)))
    return getattr(row, key.field)


def _pick(alternatives: list[dict[str, Any]], choose: int) -> Any:
    """The alternative numbered ``choose`` where its number is the option's (a field with one
    contested passage) or the only number it has (a field that is not text: by place)."""
    numbered = {a["number"]: a for a in alternatives if "number" in a}
    if numbered and len(numbered) == len(alternatives):
        if choose not in numbered:
            raise CommandError(f"no option {choose}: choose one of the options "
                               f"{', '.join(str(n) for n in sorted(numbered))}")
        return numbered[choose]["value"]
    if not 1 <= choose <= len(alternatives):
        raise CommandError(f"choose an alternative between 1 and {len(alternatives)}")
    return alternatives[choose - 1]["value"]


def _options_listed(hunks: list[dict[str, Any]]) -> str:
    return "; ".join(f"passage {i}: {', '.join(str(o['number']) for o in h['options'])}"
                     for i, h in enumerate(hunks, 1))


def _pick_options(shown: str, conflict: dict[str, Any], choose: list[int]) -> str:
    """A field with several contested passages settled by option numbers, as the text prints
    them ("Option 3"), one at most per passage: each chosen option's wording replaces its
    passage's bracketed options; a passage with no option chosen keeps its options in the
    bracketed form (as --keep-options writes them)."""
    hunks = conflict["hunks"]
    where = {o["number"]: (i, o) for i, h in enumerate(hunks) for o in h["options"]}
    unknown = [n for n in choose if n not in where]
    if unknown:
        raise CommandError(f"no option {unknown[0]} in this field: its options are "
                           f"{_options_listed(hunks)}")
    passages = [where[n][0] for n in choose]
    if len(set(passages)) < len(passages):
        twice = next(p for p in passages if passages.count(p) > 1)
        raise CommandError(f"options {' and '.join(str(n) for n in choose if where[n][0] == twice)}"
                           f" are wordings of the same passage: choose one of them")
    picked = dict(where[n] for n in choose)  # passage -> its chosen option
    whole = [a for a in conflict["alternatives"]
             if {n for n in a.get("options", []) if n} == set(choose) and 0 not in a["options"]]
    if whole:  # exactly one side's text: take it as written
        return str(whole[0]["value"])
    text = shown
    for i, h in enumerate(hunks):
        chosen = picked.get(i)
        if chosen is None:
            continue
        form = options_form([Option(o["text"], tuple(o["proposers"]), o["number"],
                                    tuple(o.get("shown_by", ()))) for o in h["options"]])
        if form not in text:
            raise CommandError("the field's text no longer shows its options as the conflict "
                               "lists them: settle it with --text")
        if not chosen["text"]:  # the passage deleted: the space beside it goes too
            form = next((f for f in (form + " ", " " + form) if f in text), form)
        text = text.replace(form, chosen["text"], 1)
    return text


def _value(session: Session, row: Conflict, key: Key, choose: list[int], text: str | None,
           keep_options: bool) -> Any:
    conflict = json.loads(row.alternatives)
    alternatives = conflict["alternatives"]
    if row.kind == "text":
        if keep_options:
            return _displayed(session, key)
        if text is not None:
            return text
        if len(conflict.get("hunks", [])) > 1:
            return _pick_options(str(_displayed(session, key)), conflict, choose)
    if len(choose) > 1:
        raise CommandError(f"choose one alternative: {key.field} has one contested passage")
    if row.kind == "text":
        return _pick(alternatives, choose[0])
    if keep_options:
        raise CommandError(f"--keep-options is for text; {key.field} takes one value: choose one "
                           f"of the {len(alternatives)} alternatives with --choose N")
    if row.kind == "delete":
        decision = _pick(alternatives, choose[0]) if choose else (text or "").strip().lower()
        if decision not in (DELETE, KEEP):
            raise CommandError("a contested deletion is settled with 'delete' or 'keep'")
        if decision == KEEP:
            return {"deleted": False}
        return {"deleted": True, "seen": seen_in_subtree(session, key.eid)}
    if choose:
        return _pick(alternatives, choose[0])
    allowed = _CHOICES.get((key.entity, key.field))
    if allowed is None:
        raise CommandError(f"{key.field} cannot be typed in: choose one of the "
                           f"{len(alternatives)} alternatives with --choose N")
    if text not in allowed:
        raise CommandError(f"{key.field} must be one of {', '.join(allowed)}")
    return text


def resolve_conflict(store: Store, plan_id: str, key: Key, *,
                     choose: int | Sequence[int] | None = None, text: str | None = None,
                     keep_options: bool = False) -> Outcome:
    """Settle a contested field with a resolution whose parents are all its heads.

    ``choose`` names options by their numbers as the text prints them ("Option 2"); a field
    with several contested passages takes one number per passage it settles (the others keep
    their options bracketed). A field that is not text numbers its alternatives by place."""
    chosen = [choose] if isinstance(choose, int) else list(choose or [])
    if bool(chosen) + (text is not None) + keep_options != 1:
        raise CommandError("settle a conflict one way: choose an alternative, give a text, or "
                           "keep the options")
    with store.session() as s:
        row = s.get(Conflict, tuple(key))
        if row is None or row.plan_id != plan_id:
            raise CommandError(f"the {key.field} of that {key.entity} is not in conflict")
        value = _value(s, row, key, chosen, text, keep_options)
        # The versions the alternatives were made of: a proposal that arrives before the
        # resolution is written (another officer's import) stays a head, so a new conflict.
        seen = json.loads(row.alternatives).get("heads") or None
    return PlanEditor(store, plan_id).resolve(key, value, seen)
