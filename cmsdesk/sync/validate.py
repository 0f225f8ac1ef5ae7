"""Every check a bundle must pass before an import writes anything.

:func:`read_bundle` checks the file on its own: the zip, the layout, the manifest's schema and
version and the signature (:mod:`cmsdesk.sync.container`), then every change's shape and id,
that every change belongs to the manifest's plan, and that the changes are exactly what the
manifest's version vectors say. :func:`check_against_store` then checks it against the store,
reading only: the sender's key against pinned keys, the prerequisites (what the bundle assumes
the receiver holds), and only then restores the values of patched changes
(:mod:`cmsdesk.sync.patch`), whose base versions the prerequisites guarantee, and checks their
ids. Every refusal is a :class:`~cmsdesk.sync.format.BundleError` whose message names the
problem.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from cmsdesk.models import rules
from cmsdesk.models.canonical import canonical_bytes, normalize
from cmsdesk.models.changelog import (
    ChangeFormatError,
    Key,
    check_body,
    chunks,
    key_of,
    key_params,
    of_keys,
    version_id,
)
from cmsdesk.models.endorsements import endorsement_problem, is_endorsement
from cmsdesk.models.held_reasons import HeldReason
from cmsdesk.models.languages import LANGUAGES, split_field
from cmsdesk.models.option_numbers import is_numbers, target_of
from cmsdesk.models.projection import TEXT_FIELDS as TEXT_TARGETS
from cmsdesk.models.schema import Change, Head
from cmsdesk.models.sentences import RULES_VERSIONS
from cmsdesk.models.store import Store
from cmsdesk.sync import format as fmt
from cmsdesk.sync.authorship import check_authors
from cmsdesk.sync.container import parse_json, read_container
from cmsdesk.sync.patch import Patch, PatchError, encoded, parse_patch
from cmsdesk.sync.peers import peer_of, remember_peers, trust_of
from cmsdesk.sync.pending import Pending
from cmsdesk.sync.quarantine import hold_back
from cmsdesk.sync.store_reads import Row
from cmsdesk.sync.structure import check_structure


@dataclass
class ReceivedChange:
    """A change as read from a bundle. While ``patch`` is set, ``body`` has no value yet: it is
    restored against the store (:func:`check_against_store`), and the id checked then."""

    cid: str  # "" for a signed change of a 3.0 bundle until its content is checked
    body: dict[str, Any]
    patch: Patch | None = None
    sig: str | None = None  # its signature by its replica's key (format 3.0), if signed

    @property
    def key(self) -> Key:
        return key_of(self.body)


@dataclass
class ParsedBundle:
    """A bundle whose content has passed every check that needs no store."""

    path: Path
    size: int
    manifest: fmt.Manifest
    changes: list[ReceivedChange]
    note: str
    by_replica: dict[str, set[int]] = field(default_factory=dict)  # counters carried per replica


# -- the file ---------------------------------------------------------------------------------


# What unforeseen content in a file can raise while it is read or checked: never a traceback,
# always a refusal of that file alone. Store faults (SQLAlchemy errors) are not among them.
CONTENT_ERRORS = (RecursionError, UnicodeError, ValueError, TypeError, KeyError, IndexError,
                  AttributeError, OverflowError, LookupError, MemoryError)


@contextmanager
def hostile_content() -> Iterator[None]:
    """Turn any error the content of a file causes into a :class:`BundleError` for that file."""
    try:
        yield
    except fmt.BundleError:
        raise
    except CONTENT_ERRORS as exc:
        raise fmt.BundleError(f"the file holds something cmsdesk cannot read "
                              f"({type(exc).__name__}): refused; ask the sender for it again") \
            from exc


@hostile_content()
def read_bundle(path: Path | str) -> ParsedBundle:
    """Read and check a bundle file without touching any store.

    Everything that needs no store is checked; a patched change's value, and with it its id,
    is restored and checked against the store (:func:`check_against_store`).
    """
    path = Path(path)
    box = read_container(path)
    changes = _changes(box.lines, box.manifest)
    parsed = ParsedBundle(path, box.size, box.manifest, changes, box.note)
    parsed.by_replica = _check_vectors(parsed)
    return parsed




# -- the changes --------------------------------------------------------------------------------


def _changes(lines: list[bytes], manifest: fmt.Manifest) -> list[ReceivedChange]:
    if len(lines) != manifest.count:
        raise fmt.BundleError(f"the bundle holds {len(lines)} changes but its manifest says "
                              f"{manifest.count}: refused")
    out = []
    signed_lines = manifest.version[0] >= 3
    for number, line in enumerate(lines, 1):
        item = parse_json(line, f"change {number}")
        tag = "sig" if signed_lines and isinstance(item, dict) and "sig" in item else "id"
        if (not isinstance(item, dict) or set(item) != {"change", tag}
                or not isinstance(item[tag], str)):
            raise fmt.BundleError(f"change {number} is not an object with its "
                                  f"{'signature' if signed_lines else 'id'} and content")
        try:
            change = _received(item["id"] if tag == "id" else "", item["change"])
        except (ChangeFormatError, PatchError, TypeError) as exc:
            raise fmt.BundleError(f"change {number} is malformed: {exc}") from exc
        if tag == "sig":
            change.sig = item["sig"]
        body = change.body
        if body["plan"] != manifest.plan_id or (body["entity"] == "plan"
                                                and body["eid"] != manifest.plan_id):
            raise fmt.BundleError(f"change {number} belongs to another plan than the bundle's "
                                  f"({manifest.plan_title}): refused")
        if change.patch is None:
            _check_content(number, change)
        out.append(change)
    return out


def _received(cid: str, raw: Any) -> ReceivedChange:
    """A change line's content: a whole change, or one whose value is a patch."""
    if not isinstance(raw, dict) or "patch" not in raw or "value" in raw:
        return ReceivedChange(cid, normalize(check_body(raw)))
    rest = {k: v for k, v in raw.items() if k != "patch"}
    check_body(rest | {"value": None})  # the value itself is checked once restored
    return ReceivedChange(cid, normalize(rest), parse_patch(raw["patch"], len(rest["parents"])))


def _check_content(number: int, change: ReceivedChange) -> None:
    """A whole change: its id is the hash of its content, and its value fits its field."""
    body = change.body  # in NFC already: normalized as it was read or restored
    digest = hashlib.sha256(encoded(body)).hexdigest()
    if change.sig is not None:  # its id is the hash; the signature is checked against it
        change.cid = digest
    if digest != change.cid:
        raise fmt.BundleError(f"change {number}'s content does not match its id: it was "
                              "altered: refused")
    problem = value_problem(body)
    if problem:
        raise fmt.BundleError(f"change {number} ({body['entity']} {body['field']}): "
                              f"{problem}: refused")


def _is_text(v: Any) -> bool:
    return isinstance(v, str)


def _is_bool(v: Any) -> bool:
    return isinstance(v, bool)


def _is_placement(v: Any) -> bool:
    return (isinstance(v, dict) and set(v) <= {"kind", "parent", "pos"}
            and {"parent", "pos"} <= set(v) and isinstance(v["pos"], str)
            and (v["parent"] is None or isinstance(v["parent"], str))
            and v.get("kind", "part") in rules.KINDS)


def _is_deletion(v: Any) -> bool:
    if not isinstance(v, dict) or not isinstance(v.get("deleted"), bool):
        return False
    seen = v.get("seen", [])
    return set(v) <= {"deleted", "seen"} and isinstance(seen, list) and all(
        isinstance(s, str) for s in seen)


def _is_comment(v: Any) -> bool:
    return (isinstance(v, dict) and {"node", "text"} <= set(v) <= {"node", "text", "lang"}
            and isinstance(v["node"], str) and isinstance(v["text"], str)
            and v.get("lang", "en") in LANGUAGES)


def _is_language(v: Any) -> bool:
    return v in LANGUAGES


def _is_rules_version(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and v > 0


_TEXT_OPS = ("set", "resolve")
# (entity, field) -> (ops that may write it, check of the value)
_FIELDS: dict[tuple[str, str], tuple[tuple[str, ...], Callable[[Any], bool]]] = {
    **{("plan", f): (_TEXT_OPS, _is_text) for f in rules.PLAN_FIELDS},
    ("plan", "language"): (_TEXT_OPS, _is_language),
    ("plan", rules.SENTENCE_RULES): (_TEXT_OPS, _is_rules_version),
    **{("node", f): (_TEXT_OPS, _is_text) for f in rules.COMMON_FIELDS + rules.TARGET_FIELDS},
    ("node", "placement"): (("create", "move", "resolve"), _is_placement),
    ("node", "deleted"): (("delete", "restore", "resolve"), _is_deletion),
    ("xref", "present"): (("xref_add", "xref_remove", "resolve"), _is_bool),
    ("xref", "relevance"): (_TEXT_OPS, _is_text),
    ("xref", "note"): (_TEXT_OPS, _is_text),
    ("comment", "body"): (("comment_add",), _is_comment),
    ("comment", "resolved"): (("comment_resolve", "resolve"), _is_bool),
    ("options", "numbers"): (("number",), is_numbers),
    ("endorsement", "option"): (("endorse",), is_endorsement),
}


def _target_problem(body: dict[str, Any]) -> str | None:
    """A numbering or an endorsement must name a text field that can be contested."""
    eid = body["eid"] if body["entity"] == "options" else body["eid"].partition("|")[2]
    try:
        target = target_of(eid)
    except ValueError:
        return "it names no field"
    base, lang = split_field(target.field)
    if (target.entity, base) not in TEXT_TARGETS or (lang is not None and lang not in LANGUAGES):
        return "it names no text field"
    if body["entity"] == "endorsement":
        return endorsement_problem(body["author"], body["eid"])
    return None


def value_problem(body: dict[str, Any]) -> str | None:
    """What is wrong with a change's field, operation or value, if anything."""
    spec = _FIELDS.get((body["entity"], body["field"]))
    if spec is None:
        return "no such field"
    ops, check = spec
    if "lang" in body and (body["entity"], body["field"]) not in rules.TRANSLATABLE_FIELDS:
        return "it has no language versions"
    if body["op"] not in ops:
        return f"operation {body['op']} cannot write it"
    if body["op"] == "create" and "kind" not in body["value"]:
        return "a new node has no kind"
    if body["entity"] == "xref" and body["eid"].count("|") != 2:
        return "a cross-reference id is malformed"
    if body["op"] == "resolve" and len(body["parents"]) < 1:
        return "a resolution names no versions"
    if not check(body["value"]):
        return "the value has the wrong form"
    if body["entity"] in ("options", "endorsement"):
        return _target_problem(body)
    if body["field"] == rules.SENTENCE_RULES and body["value"] not in RULES_VERSIONS:
        # merged with sentence rules this version does not have, its texts would differ here
        return (f"it merges with sentence rules version {body['value']}, which this cmsdesk "
                "does not know: update cmsdesk")
    return None


def _check_vectors(parsed: ParsedBundle) -> dict[str, set[int]]:
    """The changes must be exactly those above ``requires``, up to ``provides``, per replica."""
    m = parsed.manifest
    carried: dict[str, set[int]] = {}
    for ch in parsed.changes:
        seqs = carried.setdefault(ch.body["replica"], set())
        if ch.body["seq"] in seqs:
            raise fmt.BundleError("the bundle holds two changes with the same counter: refused")
        seqs.add(ch.body["seq"])
    for replica in set(m.requires) | set(m.provides) | set(carried):
        seqs = carried.get(replica, set())
        below = m.requires.get(replica, 0)
        top = max([below, *seqs])
        if m.provides.get(replica, 0) != top or len({s for s in seqs if s > below}) != top - below:
            raise fmt.BundleError("the bundle's changes do not match what its manifest says it "
                                  "brings: refused")
    return carried


# -- against the store --------------------------------------------------------------------------


@dataclass
class StoreCheck:
    """What checking a bundle against a store found (nothing has been written)."""

    trust: str
    new_plan: bool
    held: set[str]  # ids of the bundle's changes the store holds already
    authors: dict[str, str] = field(default_factory=dict)  # replica of new changes -> trust
    # quarantined: change id -> why (cmsdesk.models.held_reasons)
    held_back: dict[str, HeldReason] = field(default_factory=dict)


# Statements built once: SQLAlchemy spends more building a statement than SQLite running it.
_IDS = bindparam("ids", expanding=True)
_HELD_IDS = select(Change.id).where(Change.id.in_(_IDS))
_ANY_CHANGE = select(Change.arrival).where(Change.plan_id == bindparam("plan")).limit(1)
_COUNTERS = (select(Change.replica, func.max(Change.seq))
             .where(Change.plan_id == bindparam("plan"), Change.replica.in_(_IDS))
             .group_by(Change.replica))
_VERSIONS = select(Change.entity, Change.eid, Change.field, Change.version_id).where(
    Change.version_id.in_(_IDS))
_VALUES = select(Change.version_id, Change.value).where(Change.version_id.in_(_IDS))
_ITEM_PLANS = of_keys(select(Head.entity, Head.eid, Head.field, Head.plan_id).distinct(),
                     Head.entity, Head.eid, Head.field)
# A field every item has from its first change: the plan an item belongs to is read from it.
_ANCHOR = {"node": "placement", "xref": "present", "comment": "body"}


def _owner(session: Session, parsed: ParsedBundle, replica: str, pending: Pending) -> str:
    sender = parsed.manifest.sender
    if replica == sender.replica:
        return sender.label()
    peer = peer_of(session, replica)
    if peer is not None and (peer.name or peer.party):
        return f"{peer.name} ({peer.party})" if peer.party else peer.name
    author = session.execute(select(Change.author_name, Change.author_party)
                             .where(Change.replica == replica).limit(1)).first()
    if author is None:
        author = pending.authors.get(replica)
    if author is not None:
        return f"{author[0]} ({author[1]})" if author[1] else author[0]
    return f"replica {replica[:8]}"


# -- what the checks read of the change log, through Pending.reads (see sync/store_reads.py) --


def _plan_held(session: Session, pending: Pending, plan_id: str) -> bool:
    """Whether the store holds any change of the plan."""
    return bool(pending.reads.rows("plans", [plan_id], lambda plans: [
        (p,) for p in plans if session.execute(_ANY_CHANGE, {"plan": p}).first() is not None]))


def _stored_counters(session: Session, pending: Pending, plan_id: str, replicas: Iterable[str]
                     ) -> dict[str, int]:
    """The highest counter the store holds of each of ``replicas`` for the plan."""
    return {r: int(n) for r, n in pending.reads.rows(
        ("counters", plan_id), replicas,
        lambda part: session.execute(_COUNTERS, {"plan": plan_id, "ids": part}))}


def _stored_values(session: Session, pending: Pending, vids: Iterable[str]) -> dict[str, str]:
    """The value (canonical JSON) of each of the versions the store holds."""
    return dict(pending.reads.rows("values", vids,
                                   lambda part: session.execute(_VALUES, {"ids": part})))


def _stored_versions(session: Session, pending: Pending, vids: Iterable[str]
                     ) -> dict[str, set[Key]]:
    """The fields the store holds each of the versions of."""
    out: dict[str, set[Key]] = {}
    for e, i, f, v in pending.reads.rows("versions", vids, lambda part: session.execute(
            _VERSIONS, {"ids": part}), key=itemgetter(3)):
        out.setdefault(v, set()).add(Key(e, i, f))
    return out


def _stored_item_plans(session: Session, pending: Pending, items: Iterable[Key]) -> set[str]:
    """The plans the store's heads of the fields ``items`` belong to."""
    def fetch(part: list[Key]) -> Iterator[Row]:
        for params in key_params(part):
            yield from session.execute(_ITEM_PLANS, params)

    return {row[3] for row in pending.reads.rows("item plans", items, fetch,
                                                 key=lambda row: Key(*row[:3]))}


def read_ahead(session: Session, files: list[ParsedBundle], pending: Pending) -> None:
    """Ask the store at once, for all of ``files``, what their checks will ask of it file by
    file (:mod:`cmsdesk.sync.store_reads`): the checks get the same answers, and a batch
    makes a few statements a window of files instead of about ten a file. Only what a file
    holds without its patches being restored is known here; the rest is read when checked."""
    changes = [c for parsed in files for c in parsed.changes]
    for plan_id in sorted({parsed.manifest.plan_id for parsed in files}):
        _plan_held(session, pending, plan_id)
        _stored_counters(session, pending, plan_id, {
            r for parsed in files if parsed.manifest.plan_id == plan_id
            for r in (*parsed.manifest.provides, *parsed.by_replica)})
    _stored_values(session, pending, {c.body["parents"][c.patch.base]
                                      for c in changes if c.patch is not None})
    _stored_versions(session, pending, {v for c in changes for v in _named_versions(c.body)})
    items: set[Key] = set()
    for parsed in files:
        try:
            items |= _items(parsed.manifest.plan_id, [c for c in parsed.changes
                                                      if c.patch is None])
        except (fmt.BundleError, *CONTENT_ERRORS):
            continue  # refused when its turn comes, with the reason
    _stored_item_plans(session, pending, items)
    remember_peers(session, {parsed.manifest.sender.replica for parsed in files}
                   | {c.body["replica"] for c in changes})


def _held_counters(session: Session, plan_id: str, replicas: list[str], pending: Pending
                   ) -> dict[str, int]:
    """The highest counter held of each of ``replicas`` for the plan."""
    out = _stored_counters(session, pending, plan_id, replicas)
    for r in replicas:
        if (plan_id, r) in pending.counters:
            out[r] = max(out.get(r, 0), pending.counters[(plan_id, r)])
    return out


@hostile_content()
def check_against_store(session: Session, store: Store, parsed: ParsedBundle,
                        pending: Pending | None = None) -> StoreCheck:
    """Check trust and prerequisites; reads only, so a refusal leaves the store as it was.

    In a batch, ``pending`` holds the changes of the files accepted before, not yet appended:
    the bundle is checked against the store and them (:mod:`cmsdesk.sync.pending`).
    """
    m = parsed.manifest
    pending = pending or Pending()
    trust = trust_of(session, store, m.sender)
    new_plan = m.plan_id not in pending.plans and not _plan_held(session, pending, m.plan_id)
    if new_plan and m.requires:
        raise fmt.BundleError(
            f"this bundle updates the plan \"{m.plan_title}\", which this store does not hold: "
            f"import a full bundle of it first (ask {m.sender.label()} for one made with "
            "'cmsdesk bundle export --full')")
    replicas = sorted(set(m.provides) | set(parsed.by_replica))
    held = {} if new_plan else _held_counters(session, m.plan_id, replicas, pending)
    for replica, seq in pending.unchanged.held_counters(session, m.plan_id, replicas).items():
        held[replica] = max(held.get(replica, 0), seq)
    for replica in replicas:
        have = held.get(replica, 0)
        carried = parsed.by_replica.get(replica, set())
        lacking = m.provides.get(replica, 0) - have - len({s for s in carried if s > have})
        if lacking > 0:
            raise fmt.BundleError(
                f"this bundle builds on {lacking} change(s) by "
                f"{_owner(session, parsed, replica, pending)} "
                f"that this store does not hold: import the earlier bundle from "
                f"{m.sender.label()} first (or ask for a full bundle)")
    restore_values(session, parsed.changes, pending)
    held_ids = {c.cid for c in parsed.changes if c.cid in pending.ids}
    # The store holds a change only under a counter it holds of its replica (its id hashes
    # its plan, replica and counter): only those need looking up. In a round, none do.
    again = [c.cid for c in parsed.changes if c.body["seq"] <= held.get(c.body["replica"], 0)]
    if not new_plan:
        for part in chunks(again):
            held_ids.update(session.scalars(_HELD_IDS, {"ids": list(part)}))
    held_ids |= pending.unchanged.held_ids(session, [c.cid for c in parsed.changes])
    fresh = [c for c in parsed.changes if c.cid not in held_ids]
    for c in fresh:
        if c.body["seq"] <= held.get(c.body["replica"], 0):
            raise fmt.BundleError(
                f"the bundle holds a change by "
                f"{_owner(session, parsed, c.body['replica'], pending)} "
                "that differs from the one this store holds under the same counter (one store "
                "was copied and both were edited): refused")
    authors = check_authors(session, store, parsed, fresh,
                            pending.unchanged.recorded_replicas(session))
    held_back = hold_back(session, store, parsed, fresh,
                          registered=pending.unchanged.parties(session),
                          held=pending.unchanged.held(session))
    merged = [c for c in fresh if c.cid not in held_back]
    _check_items_belong_to_plan(session, m.plan_id, fresh, pending)
    _check_original_language(m.plan_id, merged, pending.unchanged.language(session, m.plan_id))
    _check_parents(session, merged, pending)
    numbers = {id(c): n for n, c in enumerate(parsed.changes, 1)}
    check_structure(session, m.plan_id, [(numbers[id(c)], c.body) for c in merged],
                    pending.unchanged.outline(session, m.plan_id))
    return StoreCheck(trust, new_plan, held_ids, authors, held_back)


def restore_values(session: Session, changes: list[ReceivedChange], pending: Pending
                    ) -> None:
    """Give every patched change its value, and check its id and value.

    A patch's base is a version the store holds or one an earlier line of the bundle made; the
    store's are read in one batch for the whole bundle. Called once the prerequisites are known
    to be held, so a base found nowhere means the bundle itself is wrong.
    """
    bases = {i: (c.patch, c.body["parents"][c.patch.base])
             for i, c in enumerate(changes) if c.patch is not None}
    if not bases:
        return
    stored = {base: canonical_bytes(pending.values[base]).decode("utf-8")
              for _, base in bases.values() if base in pending.values}
    stored.update(_stored_values(session, pending,
                                 {base for _, base in bases.values()} - set(stored)))
    made: dict[str, Any] = {}  # version id -> value, of the bundle's lines so far
    for i, c in enumerate(changes):
        if i in bases:
            patch, base = bases[i]
            _restore(i + 1, c, patch, canonical_bytes(made[base]).decode("utf-8")
                     if base in made else stored.get(base))
        made[version_id(c.body, c.cid)] = c.body["value"]


def _restore(number: int, change: ReceivedChange, patch: Patch, base_text: str | None) -> None:
    """Apply a change's patch to the text of its base, then check the whole change."""
    if base_text is None:
        raise fmt.BundleError(f"change {number} is a patch of a version that neither this store "
                              "nor the bundle holds: refused; ask for a full bundle")
    try:
        text = patch.apply(base_text)
    except PatchError as exc:
        raise fmt.BundleError(f"change {number}: {exc}: the file was altered: refused") from exc
    change.body["value"] = normalize(parse_json(text, f"change {number}'s patched value"))
    change.patch = None
    _check_content(number, change)


def _check_items_belong_to_plan(session: Session, plan_id: str, fresh: list[ReceivedChange],
                                pending: Pending) -> None:
    """No change may touch a node, link or comment (or name as a comment's node) an item this
    store holds in another plan."""
    items = _items(plan_id, fresh)
    other = any(pending.fields.get(k, plan_id) != plan_id for k in items)
    if other or _stored_item_plans(session, pending, items) - {plan_id}:
        raise fmt.BundleError("the bundle edits an item that belongs to another plan in "
                              "this store: refused")


def _items(plan_id: str, changes: list[ReceivedChange]) -> set[Key]:
    """The first field of each item (node, link, comment) the changes touch or name; refuses
    options numbered or endorsed of another plan."""
    items = set()
    for c in changes:
        b = c.body
        if b["entity"] in _ANCHOR:
            items.add(Key(b["entity"], b["eid"], _ANCHOR[b["entity"]]))
        if b["entity"] == "xref":
            items.add(Key("node", b["eid"].split("|", 1)[0], "placement"))
        if b["entity"] == "comment" and b["field"] == "body":
            items.add(Key("node", b["value"]["node"], "placement"))
        if b["entity"] in ("options", "endorsement"):
            target = target_of(b["eid"] if b["entity"] == "options"
                               else b["eid"].partition("|")[2])
            if target.entity == "plan" and target.eid != plan_id:
                raise fmt.BundleError("the bundle numbers or endorses options of another plan: "
                                      "refused")
            if target.entity in _ANCHOR:
                items.add(Key(target.entity, target.eid, _ANCHOR[target.entity]))
    return items


def _check_original_language(plan_id: str, fresh: list[ReceivedChange], stored: str) -> None:
    """A language version is never in the plan's original language: that text is the field
    (``stored``: the plan's language as the store holds it)."""
    stated = [c.body["value"] for c in fresh
              if c.body["entity"] == "plan" and c.body["field"] == "language"]
    original = stated[0] if stated else stored
    if any(c.body.get("lang") == original for c in fresh):
        raise fmt.BundleError(f"a change in the bundle is a {original!r} version of a plan "
                              f"whose original language is {original!r}: refused")


def _original(key: Key) -> Key:
    return key._replace(field=split_field(key.field)[0])


def _named_versions(body: dict[str, Any]) -> list[str]:
    """The versions a change names: its parents, the versions of the original it translates
    and the language version it takes over."""
    return [*body["parents"], *body.get("translates", []),
            *([body["carries"]] if "carries" in body else [])]


def _check_parents(session: Session, fresh: list[ReceivedChange], pending: Pending) -> None:
    """Every parent a new change names is held, or made by a change before it in the bundle,
    and is a version of the same field in the same language; so is every version of the
    original a translation names, and the language version an edit of the original takes over
    is one of the same text in another language."""
    made: dict[str, set[Key]] = {}  # version -> the fields it is a version of
    needs: list[tuple[str, Key, str]] = []  # (version, field, why) to find
    for c in fresh:
        key = c.key
        needs += [(p, key, "parent") for p in c.body["parents"] if key not in made.get(p, ())]
        needs += [(v, _original(key), "translates") for v in c.body.get("translates", [])
                  if _original(key) not in made.get(v, ())]
        if "carries" in c.body:
            needs.append((c.body["carries"], key, "carries"))
        made.setdefault(version_id(c.body, c.cid), set()).add(key)
    found: dict[str, set[Key]] = {v: set(ks) for v, ks in made.items()}
    for vid, _k, _w in needs:
        if vid in pending.versions:
            found.setdefault(vid, set()).update(pending.versions[vid])
    for vid, keys in _stored_versions(session, pending, {vid for vid, _k, _w in needs}).items():
        found.setdefault(vid, set()).update(keys)
    for vid, key, why in needs:
        holders = found.get(vid, set())
        if why == "carries":
            if not any(_original(o) == key and o != key for o in holders):
                raise fmt.BundleError("a change in the bundle takes over a language version "
                                      "that neither this store nor the bundle holds: refused")
        elif key not in holders:
            if any(_original(o) == _original(key) for o in holders):
                raise fmt.BundleError("a change in the bundle mixes languages: it builds on a "
                                      "version of the same text in another language: refused")
            if why == "translates":
                raise fmt.BundleError("a translation in the bundle names a version of the "
                                      "original that neither this store nor the bundle holds: "
                                      "refused")
            raise fmt.BundleError("a change in the bundle builds on a version this store does "
                                  "not hold (or the bundle is out of order): refused; ask for "
                                  "a full bundle")
