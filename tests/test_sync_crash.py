"""An import killed at any moment leaves the bundle wholly applied or not at all.

A child process imports a large bundle and is killed with SIGKILL at random points; the store
is then opened (taking over the dead process's lock) and must be consistent: the change log holds
the base or the base and the whole bundle, the derived state equals a rebuild from the log, and
importing the bundle again completes it.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sync_support import Replicas, change_set, state

from cmsdesk.models.commands import PlanEditor
from cmsdesk.models.projection import rebuild
from cmsdesk.models.store import Store
from cmsdesk.sync.exporter import export_bundle
from cmsdesk.sync.importer import import_bundle
from cmsdesk.sync.peers import list_peers

CHILD = """
import sys
from cmsdesk.models.store import Store
from cmsdesk.sync.importer import import_bundles
store = Store.open(sys.argv[1])
print("start", flush=True)
[result] = import_bundles(store, [sys.argv[2]])  # as 'cmsdesk bundle import' does
assert result.ok, result.error
print("done", flush=True)
"""


class Big:
    """A store holding the base plan, and a bundle of a few thousand edits for it."""

    def __init__(self, folder: Path) -> None:
        reps = Replicas(folder / "replicas")
        author = reps.new_store("author")
        editor = PlanEditor(author, reps.plan_id)
        for round_ in range(25):
            editor.set_fields([(node, fld, f"Round {round_} of {fld} {i}. Another sentence.")
                               for i, node in enumerate(reps.targets)
                               for fld in ("title", "text", "note", "indicators", "actors")])
            editor.add_node(reps.chapter, "target", f"New target {round_}", "Text. More.")
        self.bundle = folder / "big.cmsb"
        self.size = export_bundle(author, reps.plan_id, self.bundle, to_peer="UNEP/CMS").changes
        author.close()
        target = reps.new_store("target")
        self.base = len(change_set(target, reps.plan_id))
        target.close()
        self.target = target.path
        self.plan_id = reps.plan_id
        self.reps = reps


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Big:
    return Big(tmp_path_factory.mktemp("crash"))


def _child(db: Path, bundle: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", CHILD, str(db), str(bundle)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _consistent(db: Path, big: Big) -> bool:
    """Check the store after a crash; returns whether the bundle was applied."""
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    store = Store.open(db, take_over_lock=True)
    try:
        held = len(change_set(store, big.plan_id))
        assert held in (big.base, big.base + big.size), held
        applied = held == big.base + big.size
        derived = state(store, big.plan_id)
        with store.session() as s:
            rebuild(s, big.plan_id)
        assert state(store, big.plan_id) == derived  # derived state matches the log
        senders = {p.party for p in list_peers(store)}
        assert ("author" in senders) == applied  # the sender is remembered with the changes
        report = import_bundle(store, big.bundle)
        assert report.new_changes == (0 if applied else big.size)
        assert len(change_set(store, big.plan_id)) == big.base + big.size
    finally:
        store.close()
    return applied


@pytest.mark.slow
def test_an_import_killed_at_random_points_is_all_or_nothing(big: Big, tmp_path: Path) -> None:
    # how long an undisturbed import takes, from the child's "start"
    db = tmp_path / "timing.db"
    shutil.copyfile(big.target, db)
    child = _child(db, big.bundle)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "start"
    began = time.monotonic()
    child.wait(timeout=120)
    duration = time.monotonic() - began
    assert child.returncode == 0, child.stderr.read() if child.stderr else ""
    assert _consistent(db, big)

    rng = random.Random(20150101)
    outcomes = []
    for attempt in range(8):
        db = tmp_path / f"kill{attempt}.db"
        shutil.copyfile(big.target, db)
        child = _child(db, big.bundle)
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "start"
        time.sleep(rng.uniform(0.0, duration * 1.1))
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=60)
        outcomes.append(_consistent(db, big))
    assert False in outcomes  # at least one kill landed before the commit
