"""The delegates of the synthetic round and the sentence-level edits they make.

Each delegate is a new installation (its own replica id, Party and one of the six CMS regions)
holding the Secretariat's full bundle, edits through :class:`PlanEditor` (one
``set_field`` per edit, as the editor window records them) and exports a delta bundle for the
Secretariat through the real exporter. Edits are drawn from a seeded generator: a delegate
rewrites a sentence, qualifies it, inserts a sentence after it or deletes it; about a third of
the edits are proposals shared by the delegate's region, so identical wordings from several
Parties occur as they do in a real round.

The full bundle is imported once, into a new installation that is then copied for every delegate
with a replica id of its own (:func:`received_base`): the import's result does not depend on the
receiver's replica id, and importing it anew for each of 1,040 delegates (the growth
measurement) took most of the time spent making the round.
"""

from __future__ import annotations

import random
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import event

from bench.plans import REGIONS, TAILS, is_list, list_item, sentence
from bench.sentences import SENTENCE_END, Token, join, split
from cmsdesk.models import queries
from cmsdesk.models.changelog import Key
from cmsdesk.models.commands import PlanEditor
from cmsdesk.models.identity import Profile
from cmsdesk.models.store import Store
from cmsdesk.sync.exporter import BuiltBundle, export_bundle
from cmsdesk.sync.importer import import_bundle

SHARED = 0.3  # share of edits taken from the region's common proposals
PROPOSALS_PER_REGION = 12


def profile(index: int) -> Profile:
    return Profile(f"Delegate {index + 1:03d}", f"Party {index + 1:03d}",
                   REGIONS[index % len(REGIONS)], "delegate")


def _not_durable(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.execute("PRAGMA synchronous=OFF")


def new_installation(empty: Path, path: Path, who: Profile) -> Store:
    """A new installation: a copy of a prepared empty store with its own replica id (making a
    store from nothing costs a migration; the copy is the same schema and frameworks).

    Its saves are not made durable (making the round is not timed, and a flush to the disk
    for each of a thousand delegates' edits was most of its time)."""
    shutil.copyfile(empty, path)
    store = Store.open(path)
    event.listen(store.engine, "connect", _not_durable)
    store.engine.dispose()  # connections made before take the setting too
    store.replica_id = uuid.uuid4().hex
    store.set_meta("replica_id", store.replica_id)
    store.set_profile(who)
    return store


def received_base(empty: Path, path: Path, base_bundle: Path) -> Path:
    """A new installation that has imported the Secretariat's full bundle, closed, for
    :func:`run_delegate` to copy (each copy gets its own replica id and profile)."""
    with new_installation(empty, path, profile(0)) as store:
        import_bundle(store, base_bundle)
    return path


def edited_fields(store: Store, plan_id: str, kinds: dict[str, tuple[str, ...]]) -> list[Key]:
    """The fields the round edits, in outline order (the same in every run)."""
    with store.session() as s:
        return [Key("node", e.id, f) for e in queries.outline(s, plan_id)
                for f in kinds.get(e.kind, ())]


def field_values(store: Store, keys: list[Key]) -> dict[Key, str]:
    with store.session() as s:
        views = {k.eid: queries.node_view(s, k.eid) for k in keys}
    return {k: views[k.eid].fields[k.field] for k in keys}


# -- the edits ------------------------------------------------------------------------------


def _fresh(tokens: list[Token], listy: bool, rng: random.Random) -> str:
    present = {t for t, _ in tokens}
    while True:
        text = list_item(rng) if listy else sentence(rng)
        if text not in present:
            return text


def _amended(old: str, tokens: list[Token], listy: bool, rng: random.Random) -> str:
    """A rewording of ``old``: a clause added at its end, or the sentence rewritten."""
    present = {t for t, _ in tokens}
    for _ in range(20):
        if rng.random() < 0.5:
            end = SENTENCE_END.search(old)
            cut = end.start() if end else len(old)
            text = f"{old[:cut]} {rng.choice(TAILS)}{old[cut:]}"
        else:
            text = _fresh(tokens, listy, rng)
        if text not in present:
            return text
    return _fresh(tokens, listy, rng)


@dataclass(frozen=True)
class Edit:
    """One sentence-level edit: ``op`` on the sentence ``anchor`` of a field."""

    key: Key
    op: str  # amend | insert | delete
    anchor: str
    text: str = ""

    def apply(self, tokens: list[Token], listy: bool) -> list[Token] | None:
        """The field's sentences after the edit, or None if the anchor is gone."""
        where = next((i for i, (t, _) in enumerate(tokens) if t == self.anchor), None)
        if where is None or (self.op == "delete" and len(tokens) < 3):
            return None
        if self.op != "delete" and any(t == self.text for t, _ in tokens):
            return None
        out = list(tokens)
        if self.op == "amend":
            out[where] = (self.text, out[where][1])
        elif self.op == "insert":
            sep = out[where][1] or ("\n" if listy else " ")
            out[where] = (out[where][0], sep)
            out.insert(where + 1, (self.text, sep))
        else:
            del out[where]
        return out


def draw_edit(key: Key, value: str, rng: random.Random) -> Edit:
    tokens = split(value)
    listy = is_list(value)
    anchor = tokens[rng.randrange(len(tokens))][0]
    roll = rng.random()
    if roll < 0.7:
        return Edit(key, "amend", anchor, _amended(anchor, tokens, listy, rng))
    if roll < 0.9 or len(tokens) < 3:
        return Edit(key, "insert", anchor, _fresh(tokens, listy, rng))
    return Edit(key, "delete", anchor)


class EditPlan:
    """Which fields get edited how often, and the proposals each region shares."""

    def __init__(self, keys: list[Key], base: dict[Key, str], seed: int) -> None:
        self.keys = keys
        self.base = base
        self.seed = seed
        order = list(range(len(keys)))
        random.Random(f"popularity:{seed}").shuffle(order)
        # some targets draw far more proposals than others
        self.weights = [1.0 / (1 + rank) ** 0.5 for rank in order]
        self.shared: dict[str, list[Edit]] = {}
        for region in REGIONS:
            rng = random.Random(f"region:{seed}:{region}")
            self.shared[region] = [self.draw(rng) for _ in range(PROPOSALS_PER_REGION)]

    def draw(self, rng: random.Random, values: dict[Key, str] | None = None) -> Edit:
        key = rng.choices(self.keys, self.weights)[0]
        return draw_edit(key, (values or self.base)[key], rng)

    def edits_of(self, index: int, count: int) -> list[tuple[Key, str]]:
        """The ``count`` successive (field, new value) a delegate writes."""
        rng = random.Random(f"delegate:{self.seed}:{index}")
        values = dict(self.base)
        region = REGIONS[index % len(REGIONS)]
        out: list[tuple[Key, str]] = []
        while len(out) < count:
            edit = rng.choice(self.shared[region]) if rng.random() < SHARED else None
            tokens = None
            if edit is not None:
                tokens = edit.apply(split(values[edit.key]), is_list(values[edit.key]))
            if tokens is None:
                edit = self.draw(rng, values)
                tokens = edit.apply(split(values[edit.key]), is_list(values[edit.key]))
            if tokens is None:
                continue
            values[edit.key] = join(tokens)
            out.append((edit.key, values[edit.key]))
        return out


@dataclass
class DelegateResult:
    bundle: Path
    size: int
    changes: int


def run_delegate(index: int, plan: EditPlan, plan_id: str, folder: Path, received: Path,
                 secretariat: str, edits: int) -> DelegateResult:
    """One delegate's part of the round: a new installation holding the base (a copy of
    ``received``, see :func:`received_base`) edits and exports the delta."""
    store = new_installation(received, folder / f"delegate-{index + 1:03d}.db", profile(index))
    try:
        editor = PlanEditor(store, plan_id)
        written = 0
        for key, value in plan.edits_of(index, edits):
            written += len(editor.set_field(key.eid, key.field, value).changes)
        path = folder / f"delegate-{index + 1:03d}.cmsb"
        built: BuiltBundle = export_bundle(store, plan_id, path, to_peer=secretariat)
        if built.full or built.changes != written:
            raise RuntimeError(f"delegate {index + 1}: expected a delta of {written} changes, "
                               f"got {'a full bundle' if built.full else built.changes}")
        return DelegateResult(path, built.size, built.changes)
    finally:
        store.close()
