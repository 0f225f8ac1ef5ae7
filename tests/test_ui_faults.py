"""Store faults and unforeseen errors in the window (issue 13): one dialog in plain language,
never a traceback; the details in the log file; nothing lost (the typed text stays in its
field, the store as it was); a busy store says that it waits."""

from __future__ import annotations

import sqlite3
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import event
from ui_support import QT_LOG_MARKS, select_label, starter_window, view

import cmsdesk.models.store as store_module
from cmsdesk.models.commands import PlanEditor
from cmsdesk.models.store import Store
from cmsdesk.ui import fault_dialogs
from cmsdesk.ui.fault_dialogs import BusyNotice, FaultHook
from cmsdesk.ui.mainwindow import MainWindow

pytestmark = QT_LOG_MARKS


@pytest.fixture
def window(qtbot: QtBot, plan_store: tuple[Store, str], tmp_path: Path,
           monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    monkeypatch.setattr(fault_dialogs, "log_file", lambda: tmp_path / "logs" / "cmsdesk.log")
    return starter_window(qtbot, plan_store, tmp_path, monkeypatch)


def shown_warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def record(_parent: object, _title: str, text: str, *args: object) -> object:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", record)
    return shown


def no_room(store: Store) -> Callable[[], None]:
    """From now on the store cannot grow: SQLite answers SQLITE_FULL, as on a full disk.
    Returns what frees the disk again."""

    def limit(dbapi_conn: Any, _record: Any) -> None:
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count={pages}")

    event.listen(store.engine, "connect", limit)
    store.engine.dispose()

    def free() -> None:
        event.remove(store.engine, "connect", limit)
        store.engine.dispose()

    return free


def test_a_full_disk_while_typing_is_one_plain_dialog_and_the_text_stays(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    shown = shown_warnings(monkeypatch)
    store = window.document.store
    node = select_label(window, "T7")
    before = view(store, node).fields["text"]
    free = no_room(store)
    field = window.editor.pages["text"].field
    typed = before + " Much more text. " * 20_000
    field.edit.setPlainText(typed)
    field.autosaver.touched()
    window.document.flush()
    assert len(shown) == 1 and "no space left on the disk" in shown[0], shown
    assert "Traceback" not in shown[0] and "sqlite" not in shown[0].lower()
    assert view(store, node).fields["text"] == before  # nothing half-written
    assert field.value() == typed  # nothing lost: the text waits in its field
    free()
    field.autosaver.flush()  # leaving the field, once there is room again, saves it
    assert view(store, node).fields["text"] == typed and len(shown) == 1


def test_text_a_full_disk_kept_from_saving_survives_going_elsewhere_and_closing_asks(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """The user types, the disk is full, the user selects another target and comes back: the
    typed text is there again (not the stored one), still waiting to be saved; closing the
    window asks before losing it (the question is answered by the test, never shown)."""
    shown = shown_warnings(monkeypatch)
    asked: list[int] = []
    answer = [False]
    monkeypatch.setattr(fault_dialogs, "confirm_losing_unsaved",
                        lambda _parent, count: asked.append(count) or answer[0])
    store = window.document.store
    node = select_label(window, "T7")
    before = view(store, node).fields["note"]
    free = no_room(store)
    window.editor.tabs.setCurrentWidget(window.editor.pages["note"])
    field = window.editor.pages["note"].field
    typed = before + " A clause about flyways." * 20_000
    field.edit.setPlainText(typed)
    field.autosaver.touched()
    select_label(window, "T3")  # leaving the node records the typing: the disk refuses it
    assert len(shown) == 1 and "no space left on the disk" in shown[0]
    assert window.editor.pages["note"].field.value() != typed  # T3's own note
    select_label(window, "T7")
    assert window.editor.pages["note"].field.value() == typed  # back, not lost
    assert window.close() is False and asked == [1]  # asked, and the window stays
    free()
    window.editor.pages["note"].field.autosaver.flush()  # leaving the field saves it now
    assert view(store, node).fields["note"] == typed
    assert window.document.unsaved == {}
    assert window.close() is True and asked == [1]  # nothing left to lose: not asked


def test_an_injected_disk_full_error_in_a_command_is_said_plainly(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    shown = shown_warnings(monkeypatch)

    def full(*_args: object, **_kwargs: object) -> None:
        raise store_module.DBAPIError.instance(
            "INSERT", None, sqlite3.OperationalError("database or disk is full"),
            sqlite3.DatabaseError)

    monkeypatch.setattr(PlanEditor, "set_field", full)
    select_label(window, "T3")
    window.editor.save_field("note", "A new note")
    assert len(shown) == 1 and "no space left on the disk" in shown[0]


@pytest.mark.qt_no_exception_capture
def test_an_error_nobody_foresaw_is_one_dialog_and_the_details_are_logged(
        window: MainWindow, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """An exception escaping a slot reaches the hook (PySide6 hands it to sys.excepthook): one
    dialog naming the log file, the traceback in the file only, the window still working."""
    shown = shown_warnings(monkeypatch)
    hook = FaultHook(lambda: window).install()
    try:
        def broken() -> None:
            raise ZeroDivisionError("something nobody foresaw")

        QTimer.singleShot(0, broken)
        qtbot.waitUntil(lambda: bool(shown))
    finally:
        hook.uninstall()
    log = tmp_path / "logs" / "cmsdesk.log"
    assert len(shown) == 1 and str(log) in shown[0] and "did not expect" in shown[0]
    assert "Traceback" not in shown[0] and "ZeroDivisionError" not in shown[0]
    logged = log.read_text(encoding="utf-8")
    assert "Traceback" in logged and "ZeroDivisionError: something nobody foresaw" in logged
    node = select_label(window, "T3")  # the window goes on
    window.editor.save_field("note", "Still working")
    assert view(window.document.store, node).fields["note"] == "Still working"


@pytest.mark.qt_no_exception_capture
def test_a_store_fault_escaping_a_slot_is_said_plainly_and_repeats_are_only_logged(
        window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shown = shown_warnings(monkeypatch)
    hook = FaultHook(lambda: window).install()
    try:
        error = sqlite3.OperationalError("attempt to write a readonly database")
        sys.excepthook(type(error), error, None)
        hook.showing = True  # a dialog is open: the next one is only logged
        sys.excepthook(type(error), error, None)
    finally:
        hook.uninstall()
    assert len(shown) == 1 and "read-only" in shown[0]
    assert (tmp_path / "logs" / "cmsdesk.log").read_text().count("readonly database") == 2


def test_the_log_cannot_be_written_and_the_dialog_says_so(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setattr(fault_dialogs, "log_file", lambda: blocker / "cmsdesk.log")
    error = RuntimeError("boom")
    assert fault_dialogs.log_error(RuntimeError, error, None) is None
    assert "could not be written" in fault_dialogs.unexpected_text(None)


def test_a_busy_store_shows_that_it_waits_then_goes_on(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another program holds a write transaction and commits after a moment: the window says
    it waits, and the edit is then saved."""
    shown = shown_warnings(monkeypatch)
    store = window.document.store
    notices: list[str] = []
    notice = BusyNotice(lambda: window)

    def watch(waited: float | None) -> None:
        notice(waited)
        if notice.box is not None and notice.box.isVisible():
            notices.append(notice.box.text())

    assert store.writer_wait is not None
    monkeypatch.setattr(store.writer_wait, "notice", watch)
    node = select_label(window, "T3")
    assert store.path is not None
    other = sqlite3.connect(store.path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    releaser = threading.Thread(target=lambda: (time.sleep(0.6), other.execute("ROLLBACK")))
    releaser.start()
    try:
        window.editor.save_field("note", "Saved after the wait")
    finally:
        releaser.join()
        other.close()
    assert notices and notices[0] == "The store is busy (another cmsdesk is writing); waiting…"
    assert notice.box is None  # closed once the wait ended
    assert shown == []
    assert view(store, node).fields["note"] == "Saved after the wait"


def test_a_store_busy_for_too_long_is_refused_in_one_dialog(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    shown = shown_warnings(monkeypatch)
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_MS", 400)
    store = window.document.store
    node = select_label(window, "T3")
    before = view(store, node).fields["note"]
    assert store.path is not None
    other = sqlite3.connect(store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        window.editor.save_field("note", "Never saved")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert len(shown) == 1 and "busy" in shown[0] and "Traceback" not in shown[0]
    assert view(store, node).fields["note"] == before
    assert QApplication.activeModalWidget() is None
