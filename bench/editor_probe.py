"""A process that opens the real main window offscreen and times selecting targets.

``python -m bench.editor_probe STORE COUNT OUT.json``: builds the window the app builds
(``cmsdesk.ui.app.build_window``), shows it at 1280x800, then selects COUNT targets spread over
the outline, one after another, as a click in the outline does (the outline panel's ``select``),
and times each until the editor shows the target: its heading and title, the text of the visible
tab and its rendered preview. Two selections before the timed ones are not recorded. Run by
:mod:`bench.editor`; a process of its own keeps Qt out of the benchmark runner.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path


def run(db: Path, count: int) -> list[float]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from cmsdesk.models import queries
    from cmsdesk.models.store import Store
    from cmsdesk.ui.app import build_window, make_application

    make_application()
    with Store.open(db) as store, tempfile.TemporaryDirectory() as tmp:
        with store.session() as s:
            plan_id = queries.find_plan(s, None).id
            targets = [e.id for e in queries.outline(s, plan_id) if e.kind == "target"]
        picks = [targets[(i * 7919) % len(targets)] for i in range(count + 2)]
        with store.session() as s:
            expected = {t: queries.node_view(s, t).fields for t in set(picks)}
        settings = QSettings(str(Path(tmp) / "layout.ini"), QSettings.Format.IniFormat)
        window = build_window(store, plan_id, settings)
        window.resize(1280, 800)
        window.show()
        for _ in range(5):
            QApplication.processEvents()
        editor = window.editor
        samples = []
        previous = None
        for target in picks:
            if target == previous:
                continue
            previous = target
            start = time.perf_counter()
            window.outline.select(target)
            deadline = start + 10
            while True:
                page = editor.tabs.currentWidget()
                field = getattr(page, "field", None)
                filled = (editor.node_id == target
                          and editor.title.text() == expected[target]["title"]
                          and field is not None
                          and field.value() == expected[target][field.field]
                          and not (field.preview.isVisible() and field._preview_stale))
                if filled:
                    break
                if time.perf_counter() > deadline:
                    raise RuntimeError("the editor was not filled within 10 s")
                QApplication.processEvents()
            samples.append(time.perf_counter() - start)
        window.close()
    return samples[2:]


if __name__ == "__main__":
    db_arg, count_arg, out_arg = sys.argv[1:4]
    Path(out_arg).write_text(json.dumps(run(Path(db_arg), int(count_arg))))
