"""First start (profile, starter plan or a received bundle), the store lock, long work with a
progress dialog, and the screenshot command."""

from __future__ import annotations

import argparse
import json
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot
from ui_support import QT_LOG_MARKS, silence_dialogs

from cmsdesk.cli import main
from cmsdesk.clicmd.common import Context
from cmsdesk.models import queries
from cmsdesk.models.identity import Profile
from cmsdesk.models.lock import StoreLock
from cmsdesk.models.store import Store
from cmsdesk.ui import app
from cmsdesk.ui.dialogs import ProfileDialog, StartDialog
from cmsdesk.ui.progress import run_with_progress

pytestmark = QT_LOG_MARKS


def context(db: Path) -> Context:
    return Context(argparse.Namespace(db=str(db), plan=None, take_over_lock=False,
                                      screenshot=None, size=None, files=[]))


def test_first_start_asks_for_the_profile_then_the_secretariat_creates_the_plan(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    silence_dialogs(monkeypatch)
    ctx = context(tmp_path / "new.db")

    def fill_profile(dialog: ProfileDialog) -> int:
        dialog.name.setText("Fatou Ndiaye")
        dialog.party.setEditText("Sénégal")
        dialog.role.setCurrentIndex(dialog.role.findData("secretariat"))
        return 1

    monkeypatch.setattr(ProfileDialog, "exec", fill_profile)
    monkeypatch.setattr(StartDialog, "exec",
                        lambda d: (setattr(d, "choice", StartDialog.STARTER), 1)[1])
    store = app.open_store(ctx)
    assert store is not None and not store.has_profile
    assert app.ensure_profile(store)
    # the Party is picked from the list (French name typed) and its region follows
    assert store.profile == Profile("Fatou Ndiaye", "Senegal", "Africa", "secretariat")
    plan_id = app.choose_plan(store, None)
    with store.session() as s:
        assert [p.id for p in queries.plans(s)] == [plan_id]
        assert len([e for e in queries.outline(s, plan_id or "") if e.kind == "target"]) == 16
    assert app.choose_plan(store, None) == plan_id  # the only plan: no question asked
    ctx.close()


def test_a_profile_needs_a_name_and_a_party(qtbot: QtBot) -> None:
    dialog = ProfileDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.name.setText("Ana")
    dialog.party.setEditText("España")
    assert ok.isEnabled()
    assert dialog.region.currentText() == "Europe"
    assert "Party to CMS" in dialog.party_kind.text()
    dialog.party.setEditText("Friends of the Birds")
    assert "organisation" in dialog.party_kind.text()
    assert dialog.profile().party == "Friends of the Birds"


def test_first_start_from_a_bundle_received(qtbot: QtBot, tmp_path: Path,
                                            plan_store: tuple[Store, str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from cmsdesk.sync.exporter import export_bundle

    silence_dialogs(monkeypatch)
    source, plan_id = plan_store
    bundle = tmp_path / "draft.cmsb"
    export_bundle(source, plan_id, bundle)
    fresh = Store.open(tmp_path / "fresh.db")
    fresh.set_profile(Profile("Luis", "Chile", "Central and South America and the Caribbean",
                              "delegate"))
    monkeypatch.setattr(StartDialog, "exec", lambda d: (d._accepted(), 1)[1])  # the default
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *a, **k: (str(bundle), ""))
    assert app.choose_plan(fresh, None) == plan_id
    with fresh.session() as s, source.session() as t:
        assert queries.snapshot(s, plan_id)["nodes"] == queries.snapshot(t, plan_id)["nodes"]
    fresh.close()


def write_lock(db: Path, user: str, pid: int) -> None:
    """A lock file as another process on this host leaves it."""
    holder = {"host": socket.gethostname(), "user": user, "pid": pid,
              "since": "2024-01-01 00:00:00Z"}
    StoreLock(db.resolve()).path.write_text(json.dumps(holder))


HOLD = ("import fcntl, json, os, socket, sys, time\n"
        "fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)\n"
        "fcntl.flock(fd, fcntl.LOCK_EX)\n"
        "os.write(fd, json.dumps({'host': socket.gethostname(), 'user': sys.argv[2], "
        "'pid': os.getpid(), 'since': '2024-01-01 00:00:00Z'}).encode())\n"
        "print('held', flush=True)\ntime.sleep(60)\n")


def hold_lock(db: Path, user: str) -> subprocess.Popen[str]:
    """Another running process holding the store's lock, as ``user``."""
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(StoreLock(db.resolve()).path),
                               user], stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    return holder


def test_a_lock_left_by_a_crash_can_be_taken_over(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    shown = silence_dialogs(monkeypatch)
    db = tmp_path / "locked.db"
    Store.open(db).close()
    write_lock(db, "ghost", 999999999)
    asked: list[str] = []
    monkeypatch.setattr(app, "ask_take_over", lambda msg, parent: asked.append(msg) or True)
    ctx = context(db)
    store = app.open_store(ctx)
    assert store is not None and asked and "ghost" in asked[0] and not shown
    ctx.close()


def test_a_store_held_by_a_running_process_is_refused_with_its_holder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shown = silence_dialogs(monkeypatch)
    db = tmp_path / "busy.db"
    Store.open(db).close()
    holder = hold_lock(db, "colleague")
    monkeypatch.setattr(app, "ask_take_over", lambda msg, parent: pytest.fail("not a crash"))
    try:
        assert app.open_store(context(db)) is None
    finally:
        holder.kill()
        holder.wait()
    assert "colleague" in shown[0] and "already open" in shown[0]
    assert "process" not in shown[0] and "--" not in shown[0]


def test_the_crash_dialog_speaks_plain_language_and_continues_by_default(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    seen: list[QMessageBox] = []

    def click_default(box: QMessageBox) -> int:
        seen.append(box)
        box.defaultButton().click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click_default)
    db = tmp_path / "crashed.db"
    Store.open(db).close()
    write_lock(db, "ghost", 999999999)
    ctx = context(db)
    store = app.open_store(ctx)
    assert store is not None  # taken over
    (box,) = seen
    assert box.text().startswith("cmsdesk was not closed properly last time")
    assert "Your work up to the last save is safe. Continue?" in box.text()
    assert "process" not in box.text() and "lock" not in box.text()
    assert "999999999" in box.detailedText()  # the technical reason, only if asked for
    ctx.close()


def test_long_work_reports_results_failures_and_keeps_the_window_alive(qtbot: QtBot) -> None:
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)

    def work(n: int) -> int:
        time.sleep(0.02)
        if n == 3:
            raise ValueError("step three is broken")
        return n * n

    report = run_with_progress(None, "Working", list(range(6)), work, describe=lambda n: f"#{n}")
    timer.stop()
    assert [r for _s, r in report.done] == [0, 1, 4, 16, 25]
    assert report.failed == [(3, "step three is broken")] and not report.cancelled
    assert len(ticks) > 5  # the GUI thread kept running its event loop meanwhile


def test_long_work_concludes_in_the_worker(qtbot: QtBot) -> None:
    """What the window reads after the steps (the outline after an import) is read in the
    worker too, after the last step; a failing conclusion leaves None (the window reads it)."""
    order: list[str] = []
    report = run_with_progress(None, "Importing", [1, 2], lambda n: order.append(f"step {n}"),
                               conclude=lambda: order.append("conclude") or threading.
                               current_thread() is threading.main_thread())
    assert order == ["step 1", "step 2", "conclude"] and report.concluded is False
    report = run_with_progress(None, "Importing", [1], lambda n: n, conclude=lambda: 1 / 0)
    assert report.concluded is None and report.done == [(1, 1)]


def test_long_work_can_be_cancelled_between_steps(qtbot: QtBot) -> None:
    def cancel() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog):
                widget.findChild(QPushButton).click()  # the Cancel button

    QTimer.singleShot(120, cancel)
    report = run_with_progress(None, "Importing", list(range(50)),
                               lambda n: time.sleep(0.02) or n)
    assert report.cancelled and 0 < len(report.done) < 50


def test_screenshot_renders_the_window_to_a_png(qtbot: QtBot, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    png = tmp_path / "shot.png"
    assert main(["--screenshot", str(png), "--size", "1024x700"]) == 0
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1024, 700)
    assert str(png) in capsys.readouterr().out
    assert main(["--screenshot", str(png), "--size", "huge"]) == 1
    assert "WIDTHxHEIGHT" in capsys.readouterr().err


def test_screenshot_of_a_given_store_adds_the_starter_plan(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "mine.db"
    Store.open(db).close()
    assert main(["--db", str(db), "--screenshot", str(tmp_path / "mine.png")]) == 0
    with Store.open(db) as store, store.session() as s:
        assert len(queries.plans(s)) == 1
