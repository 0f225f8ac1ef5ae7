"""Store faults and unforeseen errors in the window: one dialog in plain language, never a
traceback; the details go to a log file.

A full disk, a read-only or busy store, a damaged file: each is said in the user's language
with what to do (:func:`fault_text`). An error nobody foresaw reaches :class:`FaultHook`, the
application's ``sys.excepthook`` (PySide6 hands it the exceptions raised in slots and event
handlers): it writes the traceback to ``cmsdesk.log`` in the platform's log folder, shows one
dialog naming that file, and the window goes on. Nothing is lost: every command runs in one
transaction, so the failed one left nothing half-written, and the text being typed stays in
its field to be saved again.

While a transaction waits for another program's write (:mod:`cmsdesk.models.busy`),
:class:`BusyNotice` shows a small window saying so.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from cmsdesk import faults
from cmsdesk.ui.labels import fill, translate

LOG_NAME = "cmsdesk.log"
LOG_BYTES = 1_000_000  # then cmsdesk.log.1, .2: the log never grows without end


def fault_text(exc: BaseException) -> str | None:
    """What a store fault means for the user and what to do, in the interface's language; None
    when ``exc`` is not a store fault."""
    kind = faults.fault_kind(exc)
    texts = {
        faults.FULL: translate(
            "faults", "There is no space left on the disk that holds the plan, so the last "
            "change was not saved. Free some space (empty the wastebasket, move large files "
            "elsewhere), then make the change again. Everything saved before is safe."),
        faults.READ_ONLY_KIND: translate(
            "faults", "The plan's store cannot be written: the file, its folder or the disk "
            "is read-only. The last change was not saved. Make the file writable, or copy it "
            "to a folder you can write to and open it there. Everything saved before is safe."),
        faults.BUSY_KIND: translate(
            "faults", "The plan's store is busy: another cmsdesk or another program kept it "
            "locked for too long, so the last change was not saved. Close the other program, "
            "then make the change again. Everything saved before is safe."),
        faults.DAMAGED: translate(
            "faults", "The plan's store is damaged (some of its pages cannot be read), so the "
            "last change was not saved. Quit cmsdesk and start it again: it offers to restore "
            "the latest good backup. The damaged file is kept."),
        faults.NOT_SQLITE: translate(
            "faults", "The plan's store is no longer a database cmsdesk can read (it was "
            "overwritten?). The last change was not saved. Quit cmsdesk and start it again: "
            "it offers to restore the latest good backup."),
        faults.DISK_ERROR: translate(
            "faults", "The disk that holds the plan reported an error, so the last change was "
            "not saved. Check the disk (is it still connected?), then make the change again."),
    }
    return texts.get(kind or "")


def unexpected_text(log_file: Path | None) -> str:
    where = (fill(translate("faults", "The details were written to %1: please send that file "
                                      "with a report of what you were doing."), log_file)
             if log_file is not None else
             translate("faults", "The details could not be written to a log file."))
    return translate("faults", "cmsdesk ran into an error it did not expect. What you were "
                               "doing was not saved; everything saved before is safe, and you "
                               "can go on working.") + " " + where


def log_file() -> Path:
    from cmsdesk.paths import log_dir

    return log_dir() / LOG_NAME


def log_error(exc_type: type[BaseException], exc: BaseException,
              tb: TracebackType | None) -> Path | None:
    """Append the error and its traceback to the log file (the previous one kept as
    ``cmsdesk.log.1`` once it passes a megabyte); its path, or None when it could not be
    written (a full or read-only disk)."""
    from cmsdesk import __version__

    path = log_file()
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%SZ")
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > LOG_BYTES:
            os.replace(path, path.with_name(LOG_NAME + ".1"))
        with path.open("a", encoding="utf-8", errors="backslashreplace") as fh:
            fh.write(f"{stamp} cmsdesk {__version__}\n{details}\n")
    except OSError:
        return None
    return path


class FaultHook(QObject):
    """``sys.excepthook`` of the window: log the details, show one plain dialog, go on.

    Errors raised in another thread are shown by the GUI thread (a queued signal). While one
    dialog is open, further errors (a fault repeated at every repaint) are only logged.
    """

    shown = Signal(str)  # the text of a dialog to show (in the GUI thread)

    def __init__(self, parent_widget: Callable[[], QWidget | None] = lambda: None,
                 app: QCoreApplication | None = None) -> None:
        super().__init__(app or QCoreApplication.instance())
        self.parent_widget = parent_widget
        self.previous = sys.excepthook
        self.showing = False
        self.shown.connect(self._show)

    def install(self) -> FaultHook:
        sys.excepthook = self
        return self

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self.previous

    def __call__(self, exc_type: type[BaseException], exc: BaseException,
                 tb: TracebackType | None) -> None:
        if not issubclass(exc_type, Exception):  # KeyboardInterrupt, SystemExit
            self.previous(exc_type, exc, tb)
            return
        path = log_error(exc_type, exc, tb)
        message = fault_text(exc) or user_text(exc) or unexpected_text(path)
        self.shown.emit(message)

    def _show(self, message: str) -> None:
        if self.showing:
            return
        self.showing = True
        try:
            QMessageBox.warning(self.parent_widget(), translate("faults", "cmsdesk"), message)
        finally:
            self.showing = False


def user_text(exc: BaseException) -> str | None:
    """The message of an error written for the user (a refused command...), else None."""
    from cmsdesk.clicmd.common import UserError, user_errors

    return str(exc) if isinstance(exc, (UserError, *user_errors())) else None


class BusyNotice(QObject):
    """Shows "the store is busy (another cmsdesk is writing); waiting…" while a transaction
    waits for another program's write, and closes it when the wait ends; the waiting thread
    repaints the window meanwhile (without taking the user's input, which could start another
    transaction). Only the GUI thread's waits are shown: a worker's wait ends in its own
    message."""

    def __init__(self, parent_widget: Callable[[], QWidget | None] = lambda: None) -> None:
        super().__init__(QCoreApplication.instance())
        self.parent_widget = parent_widget
        self.box: QMessageBox | None = None

    def __call__(self, waited: float | None) -> None:
        app = QApplication.instance()
        if app is None or QThread.currentThread() is not app.thread():
            return
        if waited is None:
            if self.box is not None:
                self.box.hide()
                self.box.deleteLater()
                self.box = None
            return
        if self.box is None:
            self.box = QMessageBox(QMessageBox.Icon.Information, translate("faults", "cmsdesk"),
                                   translate("faults", "The store is busy (another cmsdesk is "
                                                       "writing); waiting…"),
                                   QMessageBox.StandardButton.NoButton, self.parent_widget())
            self.box.setWindowModality(Qt.WindowModality.NonModal)
            self.box.show()
        app.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)


def offer_backup(store_path: Path, parent: QWidget | None = None) -> bool:
    """The store failed its check on open: offer its latest good backup (one button), or say
    there is none. True when the backup was restored (the damaged file kept, renamed), so the
    store can be opened again."""
    from cmsdesk.models.backups import BackupError, latest_good, restore_damaged
    from cmsdesk.models.lock import StoreLockedError

    good = latest_good(store_path)
    title = translate("faults", "The plan's store is damaged")
    if good is None:
        QMessageBox.critical(parent, title, fill(translate(
            "faults", "The plan's store %1 is damaged (some of its pages cannot be read) and "
            "there is no good backup of it. It was not changed. Start cmsdesk with a new store "
            "and open the plan's bundles in it, or ask for the plan's bundle again."),
            store_path))
        return False
    box = QMessageBox(QMessageBox.Icon.Warning, title, fill(translate(
        "faults", "The plan's store %1 is damaged (some of its pages cannot be read), so "
        "cmsdesk did not open it. Its latest good backup was made on %2 (UTC), before an "
        "import or a restore: work done after it would have to be redone or imported again. "
        "The damaged file is kept beside it, renamed."), store_path.name,
        good.made.strftime("%Y-%m-%d %H:%M")), QMessageBox.StandardButton.NoButton, parent)
    box.setDetailedText(str(good.path))
    restore = box.addButton(translate("faults", "&Restore the backup"),
                            QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("faults", "&Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.exec()
    if box.clickedButton() is not restore:
        return False
    try:
        restore_damaged(store_path, good.path)
    except (BackupError, StoreLockedError) as exc:
        QMessageBox.critical(parent, title, str(exc))
        return False
    return True


def confirm_losing_unsaved(parent: QWidget | None, count: int) -> bool:
    """Closing while text typed could not be saved (the store could not be written): close and
    lose it (True), or stay (False, the default)."""
    answer = QMessageBox.warning(
        parent, translate("faults", "Close without saving?"),
        fill(translate("faults", "%1 text(s) you typed could not be saved: the store could not "
                                 "be written (see the message before). Close anyway and lose "
                                 "them, or cancel, free some space on the disk and leave the "
                                 "field to save them?"), count),
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Discard
