"""A process that runs the window through a scripted session and measures its event loop.

``python -m bench.stalls_probe STORE BUNDLES.json OUT.json``: the window the app builds (with
the review panels, as after its first frame), shown at 1280x800 offscreen; a 5 ms precise timer
records when the event loop turns. The script: type a filter word letter by letter (150 ms
apart, as a person types), clear it, open the coverage matrix, export the plan to Word, import
the bundles listed in BUNDLES.json, select 50 targets (300 ms apart). Dialogs that would wait
for a person (options, file names, the import report) answer at once. Writes the longest gap
between ticks, the 99th percentile, the longest gap of each step and the number of ticks; and,
per step, the most processor time the GUI thread itself spent between two ticks
(``time.thread_time``): its own work, which, unlike the gaps, does not grow when other
processes share the processor (the gaps also hold waits for the interpreter lock held by a
worker, and the time the thread was ready but not running).
Run by :mod:`bench.stalls`.
"""

from __future__ import annotations

import gc
import json
import sys
import tempfile
import time
from pathlib import Path

FILTER_WORD = "stopover"
KEY_GAP_MS = 150
SELECT_GAP_MS = 300
SELECTIONS = 50
TICK_MS = 5


def run(db: Path, bundles: list[Path]) -> dict[str, object]:
    gc.disable()  # as the app's start does (cmsdesk.cli.main); finish_start resumes it
    from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QDialog, QFileDialog

    from cmsdesk.models import queries
    from cmsdesk.models.store import Store
    from cmsdesk.ui import export_dialogs, import_flow
    from cmsdesk.ui.app import build_window, finish_start, make_application

    make_application()
    ticks: list[float] = []
    cpu: list[float] = []  # the GUI thread's own processor time at each tick
    marks: list[tuple[str, int]] = []  # (step, index of its first tick)

    def wait(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def step(name: str) -> None:
        marks.append((name, len(ticks)))

    with Store.open(db) as store, tempfile.TemporaryDirectory() as tmp:
        out_docx = Path(tmp) / "plan.docx"
        QDialog.exec = lambda self: 1  # type: ignore[method-assign] # options: accepted as shown
        import_flow.ImportReportDialog.exec = lambda self: 0  # type: ignore[method-assign]
        QFileDialog.getSaveFileName = staticmethod(  # type: ignore[method-assign]
            lambda *a, **k: (str(out_docx), ""))
        with store.session() as s:
            plan_id = queries.find_plan(s, None).id
            targets = [e.id for e in queries.outline(s, plan_id) if e.kind == "target"]
        settings = QSettings(str(Path(tmp) / "layout.ini"), QSettings.Format.IniFormat)
        window = build_window(store, plan_id, settings)
        window.resize(1280, 800)
        window.show()
        wait(100)
        finish_start(window)  # what the app does after the first frame
        panels = window.review_panels  # type: ignore[attr-defined]
        wait(200)
        meter = QTimer()
        meter.setTimerType(Qt.TimerType.PreciseTimer)
        meter.timeout.connect(lambda: (ticks.append(time.perf_counter()),
                                       cpu.append(time.thread_time())))
        meter.start(TICK_MS)
        wait(100)

        step("filter")
        window.outline.tree.setFocus()
        for letter in FILTER_WORD:
            QTest.keyClick(window.outline.filter, letter)
            wait(KEY_GAP_MS)
        wait(500)
        window.outline.filter.clear()
        wait(500)
        step("matrix")
        window.show_coverage()
        wait(1500)
        window.centre.setCurrentWidget(window.editor)
        wait(200)
        step("word")
        export_dialogs.export_document(window.document, export_dialogs.DOCX, window)
        wait(300)
        if not out_docx.exists():
            raise RuntimeError("the Word export wrote nothing")
        step("import")
        outcomes = panels.import_flow.import_files(bundles)
        refused = [o.error for o in outcomes if o.error]
        if refused:
            raise RuntimeError(f"{len(refused)} bundle(s) refused, e.g. {refused[0]}")
        wait(500)
        step("select")
        for i in range(SELECTIONS):
            window.outline.select(targets[(i * 7919) % len(targets)])
            wait(SELECT_GAP_MS)
        step("end")
        meter.stop()
        window.close()

    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    work = [b - a for a, b in zip(cpu, cpu[1:], strict=False)]
    by_step, work_by_step = {}, {}
    for (name, first), (_next, last) in zip(marks, marks[1:], strict=False):
        part = slice(max(first - 1, 0), max(last - 1, 0))
        by_step[name] = max(gaps[part], default=0.0)
        work_by_step[name] = max(work[part], default=0.0)
    ordered = sorted(gaps)
    return {"longest_s": ordered[-1], "p99_s": ordered[int(0.99 * (len(ordered) - 1))],
            "ticks": len(ticks), "steps": by_step, "longest_work_s": max(work, default=0.0),
            "work_steps": work_by_step}


if __name__ == "__main__":
    db_arg, listing_arg, out_arg = sys.argv[1:4]
    paths = [Path(p) for p in json.loads(Path(listing_arg).read_text())]
    Path(out_arg).write_text(json.dumps(run(Path(db_arg), paths)))
