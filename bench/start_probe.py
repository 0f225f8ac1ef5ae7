"""A process whose life is one start-up: run by :mod:`bench.coldstart`, never imported by it.

``python -m bench.start_probe app --db STORE`` starts cmsdesk through its real entry point
(``cmsdesk.cli.main``: argument parsing, the store and its lock, the profile, the plan, the main
window with the remembered or first target in the editor). ``python -m bench.start_probe
floor`` is the floor: it imports Qt and SQLAlchemy's ORM and shows a bare QMainWindow.

Both print the wall-clock time (``time.time()``) at which the first frame of their main window
had been painted, then the time at which the program was ready (for the app: when the panels it
builds after the first frame, review and merge, are in place; for the floor: the same instant),
and quit. The parent notes ``time.time()`` just before starting the process, so the difference
covers the interpreter's start too. "Painted" is measured the same way for both: the first paint
event of a widget of the main window, then the end of that event dispatch (a zero-delay timer),
i.e. the first complete frame. The app schedules its after-first-frame work from the same paint
event; the probe's watcher is installed after the app's, so that Qt, which offers an event to the
most recently installed filter first, queues the probe's timer first and the figure is the frame,
not the frame plus that work.
"""

from __future__ import annotations

import sys
import time


def _watch(window: object, then_ready: bool = False) -> None:
    """Report the first complete frame of ``window`` (a frame paints the window before its
    children); then quit, or with ``then_ready`` leave quitting to the caller (which reports
    the ready time)."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class FirstFrame(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.seen = False

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
            if not self.seen and event.type() == QEvent.Type.Paint:
                self.seen = True
                QTimer.singleShot(0, self.done)
            return False

        def done(self) -> None:
            print(f"{time.time():.6f}", flush=True)
            if not then_ready:
                print(f"{time.time():.6f}", flush=True)
                QApplication.quit()

    watcher = FirstFrame()
    window.installEventFilter(watcher)  # type: ignore[attr-defined]
    window._bench_watcher = watcher  # type: ignore[attr-defined]  # keep it alive


def floor() -> int:
    import sqlalchemy.orm  # noqa: F401  (the ORM, as any cmsdesk start imports it)
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("floor")
    _watch(window)
    window.show()
    return app.exec()


def app(argv: list[str]) -> int:
    """The real start, watched: ``cmsdesk.ui.app`` is patched as it is imported (by the start
    itself, as in the installed program), not imported here first."""
    import importlib.util
    from types import ModuleType

    from cmsdesk import cli

    def watch(start: ModuleType) -> None:
        after_first_frame, finish_start = start.after_first_frame, start.finish_start

        def after_first_frame_watched(window: object, then: object) -> None:
            after_first_frame(window, then)
            _watch(window, then_ready=True)

        def finish_start_and_quit(window: object) -> None:
            from PySide6.QtWidgets import QApplication

            finish_start(window)
            print(f"{time.time():.6f}", flush=True)
            QApplication.quit()

        start.after_first_frame = after_first_frame_watched
        start.finish_start = finish_start_and_quit

    class PatchOnImport:  # a meta path finder (not importlib.abc's: its import costs ~10 ms)
        def find_spec(self, name: str, path: object, target: object = None) -> object:
            if name != "cmsdesk.ui.app":
                return None
            sys.meta_path.remove(self)
            spec = importlib.util.find_spec(name)
            load = spec.loader.exec_module  # type: ignore[union-attr]

            def exec_module(module: ModuleType) -> None:
                load(module)
                watch(module)

            spec.loader.exec_module = exec_module  # type: ignore[union-attr, method-assign]
            return spec

    sys.meta_path.insert(0, PatchOnImport())
    return cli.main(argv)


if __name__ == "__main__":
    kind = sys.argv[1]
    raise SystemExit(floor() if kind == "floor" else app(sys.argv[2:]))
