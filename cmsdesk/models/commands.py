"""Commands: the only way the plan is edited, by the CLI, the window and batch jobs alike.

Each command is one transaction that appends changes to the log and re-derives the state they
touch, and returns an :class:`Outcome` saying what changed, from which a window refreshes. A
command checks the rules first (a goal cannot go under a target, a field must belong to the
node's kind...) and raises :class:`CommandError` with a message for the user if one is broken,
in which case nothing is written.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cmsdesk.models import rules
from cmsdesk.models.changelog import Key, append, heads, make_body
from cmsdesk.models.endorsements import (
    ENDORSE_OP,
    endorsement_key,
    endorsement_problem,
    endorsements,
    proposer_region,
)
from cmsdesk.models.frameworks import framework_target_exists
from cmsdesk.models.languages import DEFAULT_ORIGINAL, LanguageError, check_language, field_key
from cmsdesk.models.option_numbers import NUMBER_OP, numbering_key, unnumbered, unrecorded
from cmsdesk.models.parties import directory
from cmsdesk.models.positions import key_between
from cmsdesk.models.projection import Projection, project
from cmsdesk.models.schema import (
    Change,
    Comment,
    Conflict,
    CrossReference,
    Head,
    Node,
    Plan,
    Translation,
)
from cmsdesk.models.sentences import CURRENT_RULES
from cmsdesk.models.store import Store


class CommandError(Exception):
    """A command was refused; the message says why, and nothing was written."""


def check_command_language(code: str) -> str:
    try:
        return check_language(code)
    except LanguageError as exc:
        raise CommandError(str(exc)) from exc


def plan_language(session: Session, plan_id: str) -> str:
    """The plan's original language: its texts are the plain fields."""
    return session.scalar(select(Plan.language).where(Plan.id == plan_id)) or DEFAULT_ORIGINAL


def language_of(lang: str | None, original: str) -> str | None:
    """The language version an edit in ``lang`` writes: None for the original language."""
    if lang is None or check_command_language(lang) == original:
        return None
    return lang


def translates_of_heads(session: Session, key: Key, head_ids: list[str]) -> list[str] | None:
    """What a version made on all of ``head_ids`` translates: None for the original language
    or if a head is a proposal in its language, else every original version they translate."""
    if "@" not in key.field:
        return None
    out: set[str] = set()
    for raw in session.scalars(select(Change.extra).where(
            Change.entity == key.entity, Change.eid == key.eid, Change.field == key.field,
            Change.version_id.in_(head_ids))):
        translates = json.loads(raw).get("translates")
        if translates is None:
            return None
        out.update(translates)
    return sorted(out)


def record_language_version(tx: Transaction, key: Key, lang: str, value: str,
                            translation: bool, translates: list[str] | None = None) -> None:
    """Record ``value`` as the ``lang`` version of the original field ``key``: a translation
    of the original's current versions (or of ``translates``, which must be versions of it),
    or, if not a ``translation``, a proposal made in that language."""
    if (key.entity, key.field) not in rules.TRANSLATABLE_FIELDS:
        raise CommandError(f"{key.field} is the same in every language: edit it without a "
                           "language")
    if translates is not None:
        held = set(tx.session.scalars(select(Change.version_id).where(
            Change.entity == key.entity, Change.eid == key.eid, Change.field == key.field,
            Change.version_id.in_(translates))))
        missing = sorted(set(translates) - held)
        if missing:
            raise CommandError(f"no version {missing[0][:12]} of the original {key.field}: a "
                               "translation must name a version of the original it renders "
                               "(see 'cmsdesk history')")
    elif translation:
        translates = heads(tx.session, key)
        if not translates:
            raise CommandError(f"the original {key.field} is empty: there is nothing to "
                               "translate yet")
    lkey = key._replace(field=field_key(key.field, lang))
    current = tx.session.get(Translation, (key.entity, key.eid, key.field, lang))
    unchanged = (current is not None and current.value == value
                 and len(heads(tx.session, lkey)) == 1
                 and (translates is None) == current.proposal
                 and json.loads(current.translates) == sorted(translates or []))
    if not unchanged:
        tx.record("set", lkey, value, translates=translates)


@dataclass
class Outcome:
    """What a command did: the changes it appended and the state they touched."""

    description: str
    changes: list[str] = field(default_factory=list)
    projection: Projection = field(default_factory=Projection)
    created: str | None = None  # id of the node, comment or plan the command created

    @property
    def changed(self) -> bool:
        return bool(self.changes)


class Transaction:
    """Appends this installation's changes to one plan within one database transaction."""

    def __init__(self, store: Store, session: Session, plan_id: str) -> None:
        self.store = store
        self.session = session
        self.plan_id = plan_id
        self.author = store.profile
        last = session.scalar(select(func.max(Change.seq)).where(
            Change.plan_id == plan_id, Change.replica == store.replica_id))
        self.seq = (last or 0) + 1
        self.keys: set[Key] = set()
        self.ids: list[str] = []

    def record(self, op: str, key: Key, value: Any, parents: list[str] | None = None, *,
               translates: list[str] | None = None, carries: str | None = None) -> str:
        """Append one change; a language version's ``translates`` names the versions of the
        original it renders (None: a proposal in that language), and an edit of the original
        that takes over a language version names it in ``carries``."""
        body = make_body(plan=self.plan_id, replica=self.store.replica_id, seq=self.seq,
                         author=self.author, clock=self.store.next_clock(), op=op, key=key,
                         value=value, parents=heads(self.session, key) if parents is None else parents,
                         translates=translates, carries=carries)
        cid, new = append(self.session, body)
        if new:
            self.seq += 1
            self.ids.append(cid)
            self.keys.add(key)
        return cid

    def record_new_plan(self, fields: dict[str, str]) -> None:
        """The first changes of a new plan: its fields, and the sentence rules it merges with."""
        for fld in rules.PLAN_FIELDS:
            self.record("set", Key("plan", self.plan_id, fld), fields.get(fld, ""), [])
        self.record("set", Key("plan", self.plan_id, rules.SENTENCE_RULES), CURRENT_RULES, [])


def run(store: Store, plan_id: str, description: str,
        work: Callable[[Transaction], str | None]) -> Outcome:
    """Run ``work`` in one transaction and project what it recorded (again from the start when
    a shared server store asks for it: see :meth:`Store.write`)."""

    def attempt(session: Session) -> Outcome:
        tx = Transaction(store, session, plan_id)
        created = work(tx)
        return Outcome(description, tx.ids, project(session, tx.keys), created)

    return store.write(attempt)


class PlanEditor:
    """The editing commands of one plan."""

    def __init__(self, store: Store, plan_id: str) -> None:
        self.store = store
        self.plan_id = plan_id

    # -- lookups shared by the commands ---------------------------------------------------

    def _node(self, session: Session, node_id: str, *, live: bool = True) -> Node:
        node = session.get(Node, node_id)
        if node is None or node.plan_id != self.plan_id:
            raise CommandError(f"no node {node_id} in this plan")
        if live and node.deleted:
            raise CommandError(f"{node.kind} {node.title!r} is in the Trash: restore it first")
        return node

    def _children(self, session: Session, parent_id: str | None, exclude: str = "") -> list[Node]:
        rows = session.scalars(select(Node).where(
            Node.plan_id == self.plan_id, Node.parent_id.is_(None) if parent_id is None
            else Node.parent_id == parent_id, Node.deleted.is_(False), Node.id != exclude))
        return sorted(rows, key=lambda n: (n.position, n.id))

    def _position(self, session: Session, parent_id: str | None, index: int | None,
                  exclude: str = "") -> str:
        siblings = self._children(session, parent_id, exclude)
        if index is None or index >= len(siblings):
            index = len(siblings)
        index = max(index, 0)
        lower = siblings[index - 1].position if index > 0 else None
        upper = siblings[index].position if index < len(siblings) else None
        if lower is not None and upper is not None and lower >= upper:
            upper = None  # siblings inserted concurrently share a key; go just after them
        return key_between(lower, upper)

    def _check_parent(self, session: Session, parent_id: str | None, kind: str,
                      moving: str = "") -> None:
        """The outline's rules: what kind may hold what, and no node inside itself."""
        parent_kind = None if parent_id is None else self._node(session, parent_id).kind
        if not rules.may_hold(parent_kind, kind):
            where = f"a {parent_kind}" if parent_kind else "the top of the outline"
            raise CommandError(f"a {kind} cannot be placed under {where}")
        ancestor = parent_id
        while ancestor is not None:
            if ancestor == moving:
                raise CommandError("a node cannot be moved under itself or its own content")
            ancestor = session.scalar(select(Node.parent_id).where(Node.id == ancestor))

    # -- nodes ----------------------------------------------------------------------------

    def add_node(self, parent_id: str | None, kind: str, title: str, text: str = "",
                 index: int | None = None, node_id: str | None = None) -> Outcome:
        if kind not in rules.KINDS:
            raise CommandError(f"unknown kind {kind!r}; use one of {', '.join(rules.KINDS)}")
        new_id = node_id or str(uuid.uuid4())

        def work(tx: Transaction) -> str:
            self._check_parent(tx.session, parent_id, kind)
            pos = self._position(tx.session, parent_id, index)
            tx.record("create", Key("node", new_id, "placement"),
                      {"kind": kind, "parent": parent_id, "pos": pos}, [])
            tx.record("set", Key("node", new_id, "title"), title)
            if text:
                tx.record("set", Key("node", new_id, "text"), text)
            return new_id

        return run(self.store, self.plan_id, f"Add {kind} {title!r}", work)

    def move_node(self, node_id: str, parent_id: str | None, index: int | None = None) -> Outcome:
        def work(tx: Transaction) -> None:
            node = self._node(tx.session, node_id)
            self._check_parent(tx.session, parent_id, node.kind, moving=node_id)
            pos = self._position(tx.session, parent_id, index, exclude=node_id)
            if node.parent_id != parent_id or node.position != pos:
                tx.record("move", Key("node", node_id, "placement"),
                          {"parent": parent_id, "pos": pos})

        return run(self.store, self.plan_id, "Move node", work)

    def delete_node(self, node_id: str) -> Outcome:
        """Move a node (with its content) to the Trash. The change names every version the
        user saw, so an edit made elsewhere meanwhile shows as a conflict, not a silent loss."""

        def work(tx: Transaction) -> None:
            self._node(tx.session, node_id)
            tx.record("delete", Key("node", node_id, "deleted"),
                      {"deleted": True, "seen": seen_in_subtree(tx.session, node_id)})

        return run(self.store, self.plan_id, "Delete node", work)

    def restore_node(self, node_id: str) -> Outcome:
        """Bring a node back from the Trash, with any deleted ancestors it needs."""

        def work(tx: Transaction) -> None:
            current: str | None = node_id
            node = self._node(tx.session, node_id, live=False)
            if not node.deleted and len(heads(tx.session, Key("node", node_id, "deleted"))) < 2:
                raise CommandError(f"{node.kind} {node.title!r} is not in the Trash")
            while current is not None:
                node = self._node(tx.session, current, live=False)
                if node.deleted or len(heads(tx.session, Key("node", current, "deleted"))) > 1:
                    tx.record("restore", Key("node", current, "deleted"), {"deleted": False})
                current = node.parent_id

        return run(self.store, self.plan_id, "Restore node", work)

    def set_field(self, node_id: str, fld: str, value: str, lang: str | None = None, *,
                  translation: bool = False, translates: list[str] | None = None) -> Outcome:
        return self.set_fields([(node_id, fld, value)], lang, translation=translation,
                               translates=translates)

    def set_fields(self, edits: list[tuple[str, str, str]] | list[tuple[str, str, str, str]],
                   lang: str | None = None, *, translation: bool = False,
                   translates: list[str] | None = None) -> Outcome:
        """Set several node fields in one transaction (all or nothing).

        ``lang`` (or a fourth item per edit) names the language version edited; None or the
        plan's original language edits the original. A language version is recorded as a
        ``translation`` of the original as it stands now, or else as a proposal made in that
        language (see :mod:`cmsdesk.models.translations`); ``translates`` names the versions
        of the original it renders instead of the current ones.
        """

        def work(tx: Transaction) -> None:
            original = plan_language(tx.session, self.plan_id)
            for edit in edits:
                node_id, fld, value = edit[:3]
                version = language_of(edit[3] if len(edit) > 3 else lang, original)
                node = self._node(tx.session, node_id)
                if fld not in rules.fields_of(node.kind):
                    allowed = ", ".join(rules.fields_of(node.kind))
                    raise CommandError(f"a {node.kind} has no field {fld!r} (fields: {allowed})")
                if fld == "status" and value not in rules.STATUSES:
                    raise CommandError(f"status must be one of {', '.join(rules.STATUSES)}")
                if version is not None:
                    record_language_version(tx, Key("node", node_id, fld), version, value,
                                            translation, translates)
                    continue
                key = Key("node", node_id, fld)
                current = heads(tx.session, key)
                if len(current) > 1 or str(getattr(node, fld) or "") != value:
                    tx.record("set", key, value, current)

        what = f"Edit {edits[0][1]}" if len(edits) == 1 else f"Edit {len(edits)} fields"
        return run(self.store, self.plan_id, what, work)

    def upgrade_sentence_rules(self) -> Outcome:
        """Merge this plan with the current sentence rules from now on, at every site that
        receives the change (models/sentences.py); contested texts are merged again."""
        from cmsdesk.models.projection import sentence_rules

        def work(tx: Transaction) -> None:
            if sentence_rules(tx.session, self.plan_id) < CURRENT_RULES:
                tx.record("set", Key("plan", self.plan_id, rules.SENTENCE_RULES), CURRENT_RULES)

        return run(self.store, self.plan_id, f"Sentence rules version {CURRENT_RULES}", work)

    def set_plan_field(self, fld: str, value: str, lang: str | None = None, *,
                       translation: bool = False) -> Outcome:
        if fld not in rules.PLAN_FIELDS:
            raise CommandError(f"a plan has no field {fld!r} (fields: {', '.join(rules.PLAN_FIELDS)})")

        def work(tx: Transaction) -> None:
            version = language_of(lang, plan_language(tx.session, self.plan_id))
            if version is not None:
                record_language_version(tx, Key("plan", self.plan_id, fld), version, value,
                                        translation)
                return
            plan = tx.session.get(Plan, self.plan_id)
            if plan is None or getattr(plan, fld) != value:
                tx.record("set", Key("plan", self.plan_id, fld), value)

        return run(self.store, self.plan_id, f"Edit plan {fld}", work)

    def resolve(self, key: Key, value: Any, seen: list[str] | None = None) -> Outcome:
        """Settle a contested field: a new version whose parents are all its heads, or the
        heads ``seen`` when the person chose among the alternatives made of them (so that a
        version that arrived meanwhile is not silently dropped but contests the resolution)."""

        def work(tx: Transaction) -> None:
            current = heads(tx.session, key)
            # one head can be contested too: a deletion racing an edit inside the node
            if len(current) < 2 and tx.session.get(Conflict, tuple(key)) is None:
                raise CommandError("that field is not in conflict")
            parents = sorted(seen) if seen else current
            tx.record("resolve", key, value, parents,
                      translates=translates_of_heads(tx.session, key, parents))

        return run(self.store, self.plan_id, f"Resolve {key.field}", work)

    def number_options(self) -> Outcome:
        """Record the numbers the plan's options are shown with and have not recorded yet
        (models/option_numbers.py): called before a document or a bundle shows them."""

        with self.store.session() as s:
            if not unrecorded(s, self.plan_id) and not unnumbered(s, self.plan_id):
                return Outcome("Number the options")  # nothing to write: a reader may call it

        def work(tx: Transaction) -> None:
            stale = unnumbered(tx.session, self.plan_id)
            if stale:
                project(tx.session, stale)
            for key, numbers in sorted(unrecorded(tx.session, self.plan_id).items()):
                tx.record(NUMBER_OP, numbering_key(key), numbers)

        return run(self.store, self.plan_id, "Number the options", work)

    def endorse(self, key: Key, number: int | None, *, region: str | None = None,
                meeting: str = "") -> Outcome:
        """Endorse option ``number`` of a contested text field as the position of a region
        (None: revoke the region's position): the region of this installation's Party, or
        ``region`` for the Secretariat recording a regional meeting. Refused unless this
        installation is a focal point of a Party of that region, or the Secretariat."""
        profile = self.store.profile
        named = region or proposer_region(profile.party) or profile.region
        found = directory().find_region(named) if named else None
        if found is None:
            raise CommandError(f"{named!r} is not a CMS region: name the region to endorse for"
                               if named else "name the region to endorse for (--region)")
        problem = endorsement_problem(profile.to_json(), endorsement_key(found.code, key).eid)
        if problem is not None:
            raise CommandError("cannot endorse: " + problem.replace("it is signed by", "you are"))
        if number is not None:
            self.number_options()  # what is endorsed keeps the number it is shown with

        def work(tx: Transaction) -> None:
            row = tx.session.get(Conflict, tuple(key))
            if row is None or row.kind != "text":
                raise CommandError(f"the {key.field} is not contested text: there is no option "
                                   "to endorse")
            options = {o["number"]: o for h in json.loads(row.alternatives)["hunks"]
                       for o in h["options"]}
            if number is not None and number not in options:
                raise CommandError(f"no option {number} in that field (its options: "
                                   f"{', '.join(str(n) for n in sorted(options))})")
            if number is None and found.name not in {
                    e["region"] for e in endorsements(tx.session, key)}:
                raise CommandError(f"{found.name} has no position on that field to revoke")
            value: dict[str, Any] = {"option": options[number]["id"] if number else None}
            if meeting:
                value["meeting"] = meeting
            tx.record(ENDORSE_OP, endorsement_key(found.code, key), value)

        what = f"Endorse option {number}" if number else "Revoke the position"
        return run(self.store, self.plan_id, f"{what} of {found.name}", work)

    # -- cross-references -----------------------------------------------------------------

    def _xref_key(self, session: Session, node_id: str, framework: str, target: str,
                  fld: str) -> Key:
        node = self._node(session, node_id)
        if node.kind != "target":
            raise CommandError("only targets carry cross-references")
        if not framework_target_exists(session, framework, target):
            raise CommandError(f"unknown framework target {framework}:{target}")
        return Key("xref", f"{node_id}|{framework}|{target}", fld)

    def add_xref(self, node_id: str, framework: str, target: str, relevance: str = "primary",
                 note: str = "") -> Outcome:
        if relevance not in rules.RELEVANCES:
            raise CommandError(f"relevance must be one of {', '.join(rules.RELEVANCES)}")

        def work(tx: Transaction) -> None:
            key = self._xref_key(tx.session, node_id, framework, target, "present")
            row = tx.session.get(CrossReference, (node_id, framework, target))
            if row is None or not row.present:
                tx.record("xref_add", key, True)
            if row is None or row.relevance != relevance:
                tx.record("set", key._replace(field="relevance"), relevance)
            if note and (row is None or row.note != note):
                tx.record("set", key._replace(field="note"), note)

        return run(self.store, self.plan_id, f"Link to {framework}:{target}", work)

    def update_xref(self, node_id: str, framework: str, target: str, *,
                    relevance: str | None = None, note: str | None = None,
                    lang: str | None = None) -> Outcome:
        """Change a link's relevance or note; ``lang`` names the language version of the note
        edited (None or the original language: the original's), a proposal in that language."""
        if relevance is not None and relevance not in rules.RELEVANCES:
            raise CommandError(f"relevance must be one of {', '.join(rules.RELEVANCES)}")

        def work(tx: Transaction) -> None:
            key = self._xref_key(tx.session, node_id, framework, target, "present")
            row = tx.session.get(CrossReference, (node_id, framework, target))
            if row is None or not row.present:
                raise CommandError(f"no cross-reference to {framework}:{target}")
            if relevance is not None and row.relevance != relevance:
                tx.record("set", key._replace(field="relevance"), relevance)
            version = language_of(lang, plan_language(tx.session, self.plan_id))
            if note is not None and version is not None:
                record_language_version(tx, key._replace(field="note"), version, note, False)
            elif note is not None and row.note != note:
                tx.record("set", key._replace(field="note"), note)

        return run(self.store, self.plan_id, f"Edit link to {framework}:{target}", work)

    def remove_xref(self, node_id: str, framework: str, target: str) -> Outcome:
        def work(tx: Transaction) -> None:
            key = self._xref_key(tx.session, node_id, framework, target, "present")
            row = tx.session.get(CrossReference, (node_id, framework, target))
            if row is None or not row.present:
                raise CommandError(f"no cross-reference to {framework}:{target}")
            tx.record("xref_remove", key, False)

        return run(self.store, self.plan_id, f"Unlink {framework}:{target}", work)

    # -- comments -------------------------------------------------------------------------

    def add_comment(self, node_id: str, text: str, lang: str | None = None) -> Outcome:
        """A comment on a node, in the language it is written in (default: the original)."""
        if not text.strip():
            raise CommandError("a comment needs some text")
        comment_id = str(uuid.uuid4())

        def work(tx: Transaction) -> str:
            self._node(tx.session, node_id, live=False)
            version = language_of(lang, plan_language(tx.session, self.plan_id))
            body = {"node": node_id, "text": text} | ({"lang": version} if version else {})
            tx.record("comment_add", Key("comment", comment_id, "body"), body, [])
            return comment_id

        return run(self.store, self.plan_id, "Add comment", work)

    def resolve_comment(self, comment_id: str) -> Outcome:
        def work(tx: Transaction) -> None:
            comment = tx.session.get(Comment, comment_id)
            if comment is None or comment.plan_id != self.plan_id:
                raise CommandError(f"no comment {comment_id}")
            if not comment.resolved:
                tx.record("comment_resolve", Key("comment", comment_id, "resolved"), True)

        return run(self.store, self.plan_id, "Resolve comment", work)


def seen_in_subtree(session: Session, node_id: str) -> list[str]:
    """The head versions of every field in a node's subtree (but its deletion state): what a
    user deleting the node has seen, so that an edit made elsewhere meanwhile races it."""
    subtree = [node_id]
    frontier = [node_id]
    while frontier:
        kids = list(session.scalars(select(Node.id).where(Node.parent_id.in_(frontier))))
        subtree += kids
        frontier = kids
    return sorted(session.scalars(select(Head.version_id).where(
        Head.entity == "node", Head.eid.in_(subtree), Head.field != "deleted")))


def create_plan(store: Store, title: str, period: str = "", symbol: str = "",
                language: str = DEFAULT_ORIGINAL) -> Outcome:
    """A new plan whose original language is ``language`` (English unless chosen)."""
    plan_id = str(uuid.uuid4())
    check_command_language(language)

    def work(tx: Transaction) -> str:
        tx.record_new_plan({"title": title, "period": period, "symbol": symbol})
        if language != DEFAULT_ORIGINAL:
            tx.record("set", Key("plan", plan_id, "language"), language, [])
        return plan_id

    return run(store, plan_id, f"Create plan {title!r}", work)


def create_plan_from_template(store: Store, template: dict[str, Any] | None = None) -> Outcome:
    """Create a plan from the bundled starter template (or ``template``) in one transaction."""
    from cmsdesk.models.template import load_starter_template, record_template

    data = template or load_starter_template()
    plan_id = str(uuid.uuid4())

    def work(tx: Transaction) -> str:
        record_template(tx, plan_id, data)
        return plan_id

    return run(store, plan_id, f"Create plan {data['plan']['title']!r}", work)
