"""Measurement 4, long history: ``cmsdesk --db S outline`` on a store of 50,000 changes.

The store holds the starter plan and then tens of thousands of edits of its text fields by
forty delegates (each a replica with its own counter), every edit a sentence replaced, inserted
or deleted on top of the field's current version. They are appended with the change log's own
``append_many`` in batches and projected after each batch, as an import of many bundles would
(50,000 single commands would take most of an hour). Each delegate has its own Ed25519 key and
every change keeps its signature in ``change_signatures``, as an import of signed bundles
stores it: a Secretariat's store is made of received changes. The command then runs in new processes,
alternating with ``cmsdesk outline --help``: the start-up (the interpreter, the imports of the
command line and of the model layer it reads through, argument parsing), without the store. The
store is opened once before (the warm-up), as cmsdesk would after the file changed outside it:
the whole file is checked then (timed, one run), and the timed opens find it unchanged
(:mod:`cmsdesk.models.open_checks`).
(``cmsdesk --version`` no longer serves: it answers before loading anything of the program.)
"""

from __future__ import annotations

import hashlib
import random
import subprocess
import sys
import time
import uuid
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select

from bench.delegates import edited_fields, field_values, profile
from bench.plans import is_list, list_item, sentence
from bench.report import Figure, Measurement, median
from bench.sentences import join, split
from cmsdesk.models import open_checks
from cmsdesk.models.changelog import (
    Key,
    append_many,
    change_id,
    heads,
    key_of,
    make_body,
    version_vector,
)
from cmsdesk.models.commands import create_plan_from_template
from cmsdesk.models.identity import Profile
from cmsdesk.models.projection import project
from cmsdesk.models.schema import Change, ChangeSignature, Plan
from cmsdesk.models.store import Store
from cmsdesk.sync.signing import sign_change

GOAL_BEYOND_START_S = 0.2
GOAL_STORE_MIB = 20e6 / 2**20  # issue 19: the 50,000-edit history in at most 20 MB (19.07 MiB)
BATCH = 2500
AUTHORS = 40
EDITED = {"chapter": ("text",), "part": ("text",), "goal": ("text",), "indicator": ("text",),
          "target": ("text", "note", "indicators", "milestones", "actors")}


def _edited(value: str, rng: random.Random) -> str:
    """A sentence replaced (mostly), inserted or deleted; the text stays 200-900 characters."""
    tokens = split(value)
    listy = is_list(value)
    fresh = list_item(rng) if listy else sentence(rng)
    i = rng.randrange(len(tokens)) if tokens else 0
    roll = rng.random()
    if not tokens or (roll < 0.15 and len(value) < 800) or len(value) < 200:
        sep = "\n" if listy else " "
        if tokens:
            tokens[i] = (tokens[i][0], tokens[i][1] or sep)
        tokens.insert(i + 1, (fresh, sep))
    elif (roll < 0.3 or len(value) > 900) and len(tokens) > 2:
        del tokens[i]
    else:
        tokens[i] = (fresh, tokens[i][1])
    return join(tokens)


def make_store(path: Path, changes: int, seed: int) -> tuple[str, int]:
    """A store of the starter plan and edits up to ``changes`` changes; (plan id, count).

    A store made here before is taken further (the growth measurement makes its 50,000,
    200,000 and 500,000-change stores one after the other in the same file): the same authors
    go on with their own counters, and the edits are drawn from a generator seeded with the
    count reached.
    """
    rng = random.Random(f"history:{seed}")
    with Store.open(path) as store:
        with store.session() as s:
            plan_id = s.scalar(select(Plan.id).limit(1))
        if plan_id is None:
            store.set_profile(Profile("Secretariat", "UNEP/CMS", "", "secretariat"))
            plan_id = create_plan_from_template(store).created or ""
        keys = edited_fields(store, plan_id, EDITED)
        values = field_values(store, keys)
        authors = [(uuid.UUID(int=rng.getrandbits(128)).hex, profile(i)) for i in range(AUTHORS)]
        keys_of = [Ed25519PrivateKey.from_private_bytes(hashlib.sha256(replica.encode()).digest())
                   for replica, _who in authors]  # not drawn from rng: the edits stay the same
        with store.session() as s:
            head = {k: heads(s, k)[0] for k in keys}
            held = int(s.scalar(select(func.count()).select_from(Change)) or 0)
            counters = version_vector(s, plan_id)
        seq = [counters.get(replica, 0) for replica, _who in authors]
        if any(seq):
            rng = random.Random(f"history:{seed}:{held}")
        while held < changes:
            batch, signatures = [], []
            for _ in range(min(BATCH, changes - held)):
                key: Key = rng.choice(keys)
                who = rng.randrange(AUTHORS)
                seq[who] += 1
                values[key] = _edited(values[key], rng)
                body = make_body(plan=plan_id, replica=authors[who][0], seq=seq[who],
                                 author=authors[who][1], clock=store.next_clock(), op="set",
                                 key=key, value=values[key], parents=[head[key]])
                head[key] = change_id(body)
                batch.append((head[key], body))
                signatures.append(ChangeSignature(change_id=head[key],
                                                  signature=sign_change(keys_of[who], head[key])))
            with store.session() as s:
                append_many(s, batch, origin="bench-history")
                s.add_all(signatures)
                project(s, {key_of(b) for _, b in batch})
            held += len(batch)
    return plan_id, held


def cli(*args: str) -> list[str]:
    script = Path(sys.executable).with_name("cmsdesk")
    return [str(script), *args] if script.exists() else [sys.executable, "-m", "cmsdesk", *args]


def run_seconds(args: list[str]) -> tuple[float, str]:
    start = time.perf_counter()
    out = subprocess.run(args, capture_output=True, text=True, timeout=300)
    seconds = time.perf_counter() - start
    if out.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed: {out.stderr.strip()[-500:]}")
    return seconds, out.stdout


def measure(folder: Path, changes: int, runs: int, seed: int, warm_up: bool = True) -> Measurement:
    m = Measurement("long_history", "Long history")
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "history.db"
    started = time.perf_counter()
    _plan, held = make_store(db, changes, seed)
    making = time.perf_counter() - started
    version, outline = cli("outline", "--help"), cli("--db", str(db), "outline")
    first: float | None = None
    if warm_up:
        run_seconds(version)
        open_checks.forget(db.resolve())  # as after a copy, or a day: the whole file is read
        first = run_seconds(outline)[0] - run_seconds(version)[0]
    versions: list[float] = []
    outlines: list[float] = []
    text = ""
    for _ in range(runs):
        versions.append(run_seconds(version)[0])
        seconds, text = run_seconds(outline)
        outlines.append(seconds)
    beyond = median([o - v for o, v in zip(outlines, versions, strict=True)])
    size_mib = db.stat().st_size / 2**20
    m.samples = {"outline_s": outlines, "version_s": versions}
    m.details = {"changes": held, "making_the_store_s": round(making, 1),
                 "store_mib": round(size_mib, 1),
                 "outline_lines": len(text.splitlines())}
    m.add(Figure(f"cmsdesk --db S outline, {held:,} changes", median(outlines), "s",
                 median(versions), "cmsdesk outline --help"),
          Figure("outline beyond start-up (median of paired differences)", beyond, "s",
                 goal=f"≤ {GOAL_BEYOND_START_S * 1000:.0f} ms",
                 met=beyond <= GOAL_BEYOND_START_S),
          Figure(f"store size, {held:,} changes", size_mib, "MiB",
                 goal=f"≤ 20 MB ({GOAL_STORE_MIB:.2f} MiB)", met=size_mib <= GOAL_STORE_MIB,
                 note=f"{db.stat().st_size / held:,.0f} bytes per change"))
    if first is not None:
        m.add(Figure("outline beyond start-up when the file changed outside cmsdesk (checked "
                     "whole; one run)", first, "s"))
    return m
