"""Start the export child of cmsdesk.export.child the way a frozen program's window does, with
the frozen program as the child: ``python tests/frozen_child.py PROGRAM STORE OUT.docx``.

A frozen window starts its child by running its own program with ``--multiprocessing-fork``;
``multiprocessing.freeze_support()`` in ``cmsdesk/__main__.py`` must hand it to multiprocessing.
This script (run by tests/test_installers_build.py with the source tree's Python) takes the
window's part: it says it is frozen, names the program as the interpreter to start, and
leaves out its own module path, so that the child runs only the frozen program's code.
"""

from __future__ import annotations

import multiprocessing
import sys
from multiprocessing import resource_tracker, spawn
from pathlib import Path

from cmsdesk.export.child import DOCX, ChildExport, ExportJob
from cmsdesk.models.queries import find_plan
from cmsdesk.models.store import Store


def main(program: str, store_path: str, out: str) -> None:
    with Store.open(store_path, write=False) as store, store.session() as s:
        plan_id = find_plan(s, None).id
    resource_tracker.ensure_running()  # started by this Python, as in a frozen parent
    prepared = spawn.get_preparation_data

    def frozen_preparation(name: str) -> dict[str, object]:
        data = prepared(name)
        for key in ("sys_path", "main_path", "init_main_from_path", "init_main_from_name"):
            data.pop(key, None)
        return data

    spawn.get_preparation_data = frozen_preparation
    sys.frozen = True  # type: ignore[attr-defined]
    multiprocessing.set_executable(program)
    result = ChildExport(ExportJob(store_path, DOCX, plan_id, Path(out))).run()
    print(result)


if __name__ == "__main__":
    main(*sys.argv[1:4])
