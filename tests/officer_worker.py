"""One Secretariat officer working on a shared store for a while (tests/test_server_concurrency).

Run as a separate process: ``python officer_worker.py URL BUNDLE_FOLDER SEED SECONDS``. It
imports random handfuls of the delegates' bundles, settles random conflicts, edits notes and
comments until the time is up, then prints what it did as JSON.
"""

from __future__ import annotations

import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

from cmsdesk.models import queries
from cmsdesk.models.commands import CommandError, PlanEditor
from cmsdesk.models.identity import Profile
from cmsdesk.models.store import Store
from cmsdesk.sync.conflicts import list_conflicts, resolve_conflict
from cmsdesk.sync.importer import import_bundles


def work(url: str, folder: Path, seed: int, seconds: float) -> Counter[str]:
    rng = random.Random(seed)
    store = Store.open(url)
    store.set_profile(Profile(f"Officer {seed}", "UNEP/CMS", "", "secretariat"))
    bundles = sorted(folder.glob("*.cmsb"))
    with store.session() as s:
        plan_id = queries.plans(s)[0].id
        targets = [e.id for e in queries.outline(s, plan_id) if e.kind == "target"]
    editor = PlanEditor(store, plan_id)
    done: Counter[str] = Counter()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        action = rng.choice(("import", "import", "resolve", "edit", "comment"))
        if action == "import":
            for result in import_bundles(store, rng.sample(bundles, rng.randint(1, 3))):
                done["refused" if result.error else "imported"] += 1
        elif action == "resolve":
            contested = list_conflicts(store, plan_id)
            if contested:
                conflict = rng.choice(contested)
                # the first option of each contested passage, by the numbers the text prints
                choose = [h["options"][0]["number"] for h in conflict.hunks] or [1]
                try:
                    resolve_conflict(store, plan_id, conflict.key, choose=choose)
                    done["resolved"] += 1
                except CommandError:  # another officer settled it a moment ago
                    done["already settled"] += 1
        elif action == "edit":
            editor.set_field(rng.choice(targets), "note",
                             f"Officer {seed}: checked on pass {done['edit'] + 1}.")
            done["edit"] += 1
        else:
            editor.add_comment(rng.choice(targets), f"Officer {seed} comment {done['comment']}")
            done["comment"] += 1
    done["retried transactions"] = store.retries
    store.close()
    return done


if __name__ == "__main__":
    url, folder, seed, seconds = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
    print(json.dumps(work(url, folder, seed, seconds)))
