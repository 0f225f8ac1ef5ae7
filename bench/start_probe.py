"""A process whose life is one start-up: run by :mod:`bench.coldstart`, never imported by it.

``python -m bench.start_probe app --db STORE`` starts cmsdesk through its real entry point
(``cmsdesk.cli.main``: argument parsing, the store and its lock, the profile, the plan, the main
window with the remembered or first target in the editor). ``python -m bench.start_probe
floor`` is the floor: it imports Qt and SQLAlchemy's ORM and shows a bare QMainWindow.

Both print the wall-clock time (``time.time()``) at which the first frame of their main window
had been painted, and quit. The parent notes ``time.time()`` just before starting the process,
so the difference covers the interpreter's start too. "Painted" is measured the same way for
both: the first paint event of a widget of the main window, then the end of that event
dispatch (a zero-delay timer), i.e. the first complete frame.
"""

from __future__ import annotations

import sys
import time


def _watch(app: object, is_main: object) -> None:
    """Report the first complete frame of the window ``is_main(widget)`` recognises."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    class FirstFrame(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.seen = False

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
            if (not self.seen and event.type() == QEvent.Type.Paint
                    and isinstance(obj, QWidget) and is_main(obj.window())):  # type: ignore[operator]
                self.seen = True
                QTimer.singleShot(0, self.done)
            return False

        def done(self) -> None:
            print(f"{time.time():.6f}", flush=True)
            QApplication.quit()

    watcher = FirstFrame()
    app.installEventFilter(watcher)  # type: ignore[attr-defined]
    app._bench_watcher = watcher  # type: ignore[attr-defined]  # keep it alive


def floor() -> int:
    import sqlalchemy.orm  # noqa: F401  (the ORM, as any cmsdesk start imports it)
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("floor")
    _watch(app, lambda w: w is window)
    window.show()
    return app.exec()


def app(argv: list[str]) -> int:
    from cmsdesk import cli
    from cmsdesk.ui import app as start
    from cmsdesk.ui.mainwindow import MainWindow

    make = start.make_application

    def make_and_watch() -> object:
        application = make()
        _watch(application, lambda w: isinstance(w, MainWindow))
        return application

    start.make_application = make_and_watch  # type: ignore[assignment]
    return cli.main(argv)


if __name__ == "__main__":
    kind = sys.argv[1]
    raise SystemExit(floor() if kind == "floor" else app(sys.argv[2:]))
