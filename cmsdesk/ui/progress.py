"""Long work (importing many bundles, exporting) with a progress dialog that can be cancelled.

:func:`run_with_progress` runs ``work(step)`` for each step in a worker thread while the window
keeps painting and answering, shows "3 of 40: file.cmsb" in a QProgressDialog, and stops after
the current step when the user presses Cancel (a step, such as one bundle import, is one
transaction, so stopping between steps leaves nothing half-done). A step that raises is
reported and the next one runs; a step that raises :class:`StepCancelled` (it stopped part-way
because the user cancelled: ``cancel``) ends the job as cancelled. ``work`` must not touch widgets (it runs outside the GUI
thread); it may open its own store sessions.

Example (the bundle import of the window)::

    report = run_with_progress(window, window.tr("Importing bundles"), paths,
                               lambda p: import_bundle(store, p), describe=lambda p: p.name)
    window.document.hub.reloaded.emit()
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from cmsdesk.ui.labels import fill, translate

T = TypeVar("T")
R = TypeVar("R")
SHOW_AFTER_MS = 300  # short jobs finish without a flashing dialog


class StepCancelled(Exception):
    """Raised by a step that stopped part-way on Cancel: it is neither done nor failed."""


@dataclass
class JobReport(Generic[T, R]):
    done: list[tuple[T, R]] = field(default_factory=list)
    failed: list[tuple[T, str]] = field(default_factory=list)  # the step and its error message
    cancelled: bool = False
    concluded: Any = None  # what ``conclude`` returned (read in the worker after the steps)


class _Worker(QObject):
    started_step = Signal(int)
    finished_step = Signal(int, object, str)  # index, result, error ("" if none)
    finished = Signal()

    def __init__(self, steps: Sequence[Any], work: Callable[[Any], Any],
                 stop: threading.Event, conclude: Callable[[], Any] | None) -> None:
        super().__init__()
        self.steps = steps
        self.work = work
        self.stop = stop
        self.conclude = conclude
        self.concluded: Any = None

    @Slot()
    def run(self) -> None:
        for i, step in enumerate(self.steps):
            if self.stop.is_set():
                break
            self.started_step.emit(i)
            try:
                result = self.work(step)
            except StepCancelled:
                break
            except Exception as exc:  # noqa: BLE001 - reported per step, the job goes on
                self.finished_step.emit(i, None, str(exc) or type(exc).__name__)
            else:
                self.finished_step.emit(i, result, "")
        if self.conclude is not None:
            try:
                self.concluded = self.conclude()
            except Exception:  # noqa: BLE001 - the GUI thread reads it again itself
                self.concluded = None
        self.finished.emit()


class _Progress(QObject):
    """Lives in the GUI thread: receives the worker's signals (queued) and updates the dialog."""

    def __init__(self, dialog: QProgressDialog, steps: Sequence[Any],
                 describe: Callable[[Any], str], report: JobReport[Any, Any]) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.steps = steps
        self.describe = describe
        self.report = report

    @Slot(int)
    def step_started(self, index: int) -> None:
        self.dialog.setLabelText(fill(translate("progress", "%1 of %2: %3"), index + 1,
                                      len(self.steps), self.describe(self.steps[index])))

    @Slot(int, object, str)
    def step_finished(self, index: int, result: object, error: str) -> None:
        if error:
            self.report.failed.append((self.steps[index], error))
        else:
            self.report.done.append((self.steps[index], result))
        self.dialog.setValue(index + 1)


def run_with_progress(parent: QWidget | None, title: str, steps: Sequence[T],
                      work: Callable[[T], R], describe: Callable[[T], str] = str,
                      show_after_ms: int = SHOW_AFTER_MS,
                      conclude: Callable[[], Any] | None = None,
                      cancel: Callable[[], None] | None = None) -> JobReport[T, R]:
    """Run ``work`` on every step in a worker thread; return what was done, failed, cancelled.
    The dialog appears after ``show_after_ms`` (0: at once, so that the file dialog just
    closed is painted over by the progress of writing the file). ``conclude``, if given, runs
    in the worker after the steps, and its result is the report's ``concluded`` (None if it
    raised): a reading the window needs afterwards (the outline after an import), done before
    the GUI thread takes over. ``cancel``, if given, is called (in the GUI thread) on Cancel, to
    stop the running step part-way (it then raises :class:`StepCancelled`)."""
    report: JobReport[T, R] = JobReport()
    if not steps:
        return report
    dialog = QProgressDialog(title, translate("progress", "Cancel"), 0, len(steps), parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(show_after_ms)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setValue(0)
    if len(steps) == 1:
        dialog.setRange(0, 0)  # one step: a busy bar, not a bar stuck at 0 %
    stop = threading.Event()
    progress = _Progress(dialog, steps, describe, report)
    worker = _Worker(steps, work, stop, conclude)
    thread = QThread()
    worker.moveToThread(thread)
    loop = QEventLoop()
    thread.started.connect(worker.run)
    worker.started_step.connect(progress.step_started)
    worker.finished_step.connect(progress.step_finished)
    worker.finished.connect(loop.quit)
    dialog.canceled.connect(stop.set)
    if cancel is not None:
        dialog.canceled.connect(cancel)
    thread.start()
    loop.exec()
    thread.quit()
    thread.wait()
    report.cancelled = stop.is_set() and len(report.done) + len(report.failed) < len(steps)
    report.concluded = worker.concluded
    dialog.close()
    dialog.deleteLater()
    return report
