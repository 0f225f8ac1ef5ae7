"""A bundle opened while cmsdesk runs (cmsdesk FILE.cmsb, a double-click, a macOS open event)
is imported by the running window instead of failing on the store's lock."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from ui_support import make_window, silence_dialogs

from cmsdesk.models.commands import PlanEditor
from cmsdesk.models.identity import Profile
from cmsdesk.models.store import Store
from cmsdesk.sync.exporter import export_bundle
from cmsdesk.sync.importer import import_bundle
from cmsdesk.ui import handover
from cmsdesk.ui.app import listen_for_files
from cmsdesk.ui.import_flow import ImportReportDialog
from cmsdesk.ui.mainwindow import MainWindow
from cmsdesk.ui.review_panels import install

KENYA_TEXT = "Kenya proposes this wording for the first target."


@pytest.fixture
def reports(monkeypatch: pytest.MonkeyPatch) -> list[ImportReportDialog]:
    seen: list[ImportReportDialog] = []
    monkeypatch.setattr(ImportReportDialog, "exec", lambda d: seen.append(d) or 0)
    silence_dialogs(monkeypatch)
    return seen


def kenya_bundle(store: Store, plan_id: str, folder: Path) -> Path:
    """A delta bundle from Kenya, which edited the plan held by ``store``."""
    full = folder / "plan.cmsb"
    export_bundle(store, plan_id, full)
    kenya = Store.open(folder / "kenya.db")
    kenya.set_profile(Profile("Wanjiru Kamau", "Kenya", "Africa", "delegate"))
    import_bundle(kenya, full)
    editor = PlanEditor(kenya, plan_id)
    with kenya.session() as s:
        from cmsdesk.models import queries

        first = next(e for e in queries.outline(s, plan_id) if e.kind == "target")
    editor.set_field(first.id, "text", KENYA_TEXT)
    out = folder / "from-kenya.cmsb"
    export_bundle(kenya, plan_id, out)
    kenya.close()
    return out


def running_window(qtbot: QtBot, store: Store, plan_id: str, folder: Path) -> MainWindow:
    window = make_window(qtbot, store, plan_id, folder)
    install(window)
    listen_for_files(window)
    return window


def imported_from_kenya(reports: list[ImportReportDialog]) -> bool:
    return any(o.report is not None and o.report.sender.party == "Kenya"
               for dialog in reports for o in dialog.outcomes)


def test_a_bundle_handed_over_is_imported_by_the_running_window(
        qtbot: QtBot, plan_store: tuple[Store, str], tmp_path: Path,
        reports: list[ImportReportDialog]) -> None:
    store, plan_id = plan_store
    bundle = kenya_bundle(store, plan_id, tmp_path)
    window = running_window(qtbot, store, plan_id, tmp_path)
    assert store.path is not None
    assert handover.hand_over(handover.server_name(store.path), [bundle])
    qtbot.waitUntil(lambda: imported_from_kenya(reports), timeout=10_000)
    assert window.pending_files == []


def test_cmsdesk_file_while_running_hands_the_file_to_the_window(
        qtbot: QtBot, plan_store: tuple[Store, str], tmp_path: Path,
        reports: list[ImportReportDialog]) -> None:
    """The second program does not touch the locked store: it hands over and exits."""
    store, plan_id = plan_store
    bundle = kenya_bundle(store, plan_id, tmp_path)
    running_window(qtbot, store, plan_id, tmp_path)
    assert store.path is not None
    second = subprocess.Popen([sys.executable, "-m", "cmsdesk", "--db", str(store.path),
                               str(bundle)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, cwd=tmp_path,
                              env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=60_000)
    assert second.returncode == 0, second.stderr.read() if second.stderr else ""
    qtbot.waitUntil(lambda: imported_from_kenya(reports), timeout=10_000)


def test_a_bundle_double_clicked_while_a_delegate_waits_opens_the_plan(
        qtbot: QtBot, plan_store: tuple[Store, str], tmp_path: Path,
        reports: list[ImportReportDialog], monkeypatch: pytest.MonkeyPatch) -> None:
    """A delegate's first start waits for the draft; the e-mailed bundle, double-clicked,
    reaches that window and opens the plan, whose window then takes the hand-overs."""
    from ui_support import settings_in

    from cmsdesk.ui.waiting_window import WaitingWindow

    store, plan_id = plan_store
    draft = tmp_path / "draft.cmsb"
    export_bundle(store, plan_id, draft)
    delegate = Store.open(tmp_path / "delegate.db")
    delegate.set_profile(Profile("Wanjiru Kamau", "Kenya", "Africa", "delegate"))
    waiting = WaitingWindow(delegate, settings_in(tmp_path))
    qtbot.addWidget(waiting)
    waiting.show()
    assert delegate.path is not None
    assert handover.hand_over(handover.server_name(delegate.path), [draft])
    qtbot.waitUntil(lambda: waiting.opened is not None, timeout=10_000)
    opened = waiting.opened
    assert isinstance(opened, MainWindow) and opened.document.plan_id == plan_id
    qtbot.addWidget(opened)
    qtbot.waitUntil(lambda: getattr(opened, "handover", None) is not None, timeout=10_000)
    assert opened.handover.listening  # type: ignore[attr-defined]
    opened.close()
    delegate.close()


def test_without_a_running_window_nothing_is_handed_over(tmp_path: Path) -> None:
    assert not handover.hand_over(handover.server_name(tmp_path / "none.db"),
                                  [tmp_path / "x.cmsb"])


def test_a_macos_open_event_for_a_bundle_reaches_the_window(qtbot: QtBot) -> None:
    received: list[list[Path]] = []
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    watcher = handover.accept_file_open_events(app, received.append)
    try:
        QApplication.sendEvent(app, QFileOpenEvent("/tmp/from-kenya.cmsb"))
        QApplication.sendEvent(app, QFileOpenEvent("/tmp/notes.txt"))  # not ours: passed on
        qtbot.waitUntil(lambda: bool(received))
        qtbot.wait(50)
    finally:
        app.removeEventFilter(watcher)
        watcher.deleteLater()
    assert received == [[Path("/tmp/from-kenya.cmsb")]]


@pytest.mark.parametrize("data", [b"", b"not json\n", b'["x.cmsb"]\n', b'{"files": "x.cmsb"}\n',
                                  b'{"files": [1, "notes.txt"]}\n', b"\xff\xfe\n"])
def test_a_message_that_is_not_a_hand_over_names_no_file(data: bytes) -> None:
    assert handover.read_message(data) == []


def test_stores_have_their_own_names(tmp_path: Path) -> None:
    a, b = handover.server_name(tmp_path / "a.db"), handover.server_name(tmp_path / "b.db")
    assert a != b and a == handover.server_name(tmp_path / "x" / ".." / "a.db")
    assert "/" not in a and len(a) < 50
