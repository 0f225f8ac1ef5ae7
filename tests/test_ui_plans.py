"""First start by role, the waiting window, and opening, creating and switching plans."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot
from ui_support import QT_LOG_MARKS, settings_in, silence_dialogs

from cmsdesk.models import queries
from cmsdesk.models.commands import create_plan
from cmsdesk.models.identity import Profile
from cmsdesk.models.store import Store
from cmsdesk.sync.exporter import export_bundle
from cmsdesk.ui import app, plans
from cmsdesk.ui.dialogs import NewPlanDialog, StartDialog
from cmsdesk.ui.mainwindow import MainWindow
from cmsdesk.ui.waiting_window import WaitingWindow

pytestmark = QT_LOG_MARKS


def fresh_store(folder: Path, role: str = "delegate") -> Store:
    store = Store.open(folder / "fresh.db")
    store.set_profile(Profile("Luis", "Chile", "Central and South America and the Caribbean",
                              role))
    return store


def main_windows() -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w.isVisible()]


@pytest.fixture(autouse=True)
def close_windows() -> Iterator[None]:
    """Switching plans deletes the window it leaves, so these windows are not given to qtbot
    (it would close a deleted window): the test's windows are closed here."""
    yield
    for window in main_windows():
        window.close()
        window.deleteLater()


def window_on(store: Store, plan_id: str, folder: Path) -> MainWindow:
    window = app.build_window(store, plan_id, settings_in(folder))
    window.restore_layout()
    window.show()
    return window


def test_a_delegate_is_offered_the_received_draft_first_and_each_choice_says_what_it_does(
        qtbot: QtBot) -> None:
    dialog = StartDialog("delegate")
    qtbot.addWidget(dialog)
    assert dialog.selected() == StartDialog.BUNDLE and dialog.go.isDefault()
    for choice in (StartDialog.BUNDLE, StartDialog.WAIT, StartDialog.STARTER, StartDialog.EMPTY):
        assert len(dialog.button(choice).accessibleDescription()) > 60
    assert "Secretariat" in dialog.button(StartDialog.STARTER).accessibleDescription()
    assert "will not merge" in dialog.button(StartDialog.STARTER).accessibleDescription()
    secretariat = StartDialog("secretariat")
    qtbot.addWidget(secretariat)
    assert secretariat.selected() == StartDialog.STARTER


def test_a_delegate_without_a_draft_gets_an_empty_window_that_opens_it_when_dropped(
        qtbot: QtBot, tmp_path: Path, plan_store: tuple[Store, str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    silence_dialogs(monkeypatch)
    source, plan_id = plan_store
    bundle = tmp_path / "draft.cmsb"
    export_bundle(source, plan_id, bundle)
    store = fresh_store(tmp_path)

    def wait(dialog: StartDialog) -> int:
        dialog.select(StartDialog.WAIT)
        dialog._accepted()
        return 1

    monkeypatch.setattr(StartDialog, "exec", wait)
    assert app.choose_plan(store, None) == app.NO_PLAN_YET
    with store.session() as s:
        assert queries.plans(s) == []  # nothing was created
    waiting = WaitingWindow(store, settings_in(tmp_path))
    qtbot.addWidget(waiting)
    waiting.show()
    assert ".cmsb" in waiting.explanation.text() and "e-mail" in waiting.explanation.text()
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(bundle))])
    drop = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, data,
                      Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    waiting.dropEvent(drop)
    qtbot.waitUntil(lambda: waiting.opened is not None)
    opened = waiting.opened
    assert isinstance(opened, MainWindow) and opened.document.plan_id == plan_id
    assert not waiting.isVisible()
    assert plans.recent_plans(opened.settings) == [plan_id]


def test_the_secretariat_creates_an_empty_plan_with_its_title(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = fresh_store(tmp_path, "secretariat")

    def empty(dialog: StartDialog) -> int:
        dialog.select(StartDialog.EMPTY)
        dialog._accepted()
        return 1

    monkeypatch.setattr(StartDialog, "exec", empty)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("  Plan 2024-2032 ", True))
    plan_id = app.choose_plan(store, None)
    with store.session() as s:
        assert queries.find_plan(s, plan_id).title == "Plan 2024-2032"
        assert queries.outline(s, plan_id or "") == []


def test_quitting_the_first_start_creates_nothing(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = fresh_store(tmp_path)
    monkeypatch.setattr(StartDialog, "exec", lambda d: 0)
    assert app.choose_plan(store, None) is None
    with store.session() as s:
        assert queries.plans(s) == []


def test_open_plan_switches_the_window_and_the_next_start_opens_the_last_one(
        qtbot: QtBot, tmp_path: Path, plan_store: tuple[Store, str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    silence_dialogs(monkeypatch)
    store, first = plan_store
    second = create_plan(store, "Companion Volume").created or ""
    window = window_on(store, first, tmp_path)
    assert window.plans is not None
    file_texts = [a.text() for a in window.file_menu.actions()]
    assert file_texts[:3] == ["&Open plan…", "Open &recent", "&New plan…"]

    def choose_second(dialog: plans.OpenPlanDialog) -> int:
        titles = [dialog.list.item(i).text() for i in range(dialog.list.count())]
        assert titles[0].endswith("(open now)") and "Companion Volume" in titles
        dialog.list.setCurrentRow(titles.index("Companion Volume"))
        dialog.open_button.click()
        return 1

    monkeypatch.setattr(plans.OpenPlanDialog, "exec", choose_second)
    window.plans.open_action.trigger()
    (switched,) = main_windows()
    assert switched.document.plan_id == second and "Companion Volume" in switched.windowTitle()
    assert plans.recent_plans(switched.settings) == [second, first]
    assert app.choose_plan(store, None, settings=switched.settings) == second

    assert switched.plans is not None
    switched.plans._fill_recent()
    (back,) = switched.plans.recent_menu.actions()
    assert back.text() == "Strategic Plan for Migratory Species 2015-2023"
    back.trigger()
    (again,) = main_windows()
    assert again.document.plan_id == first


def test_a_new_plan_from_the_template_takes_the_title_given(
        qtbot: QtBot, tmp_path: Path, plan_store: tuple[Store, str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    silence_dialogs(monkeypatch)
    store, first = plan_store
    window = window_on(store, first, tmp_path)

    def name_it(dialog: NewPlanDialog) -> int:
        dialog.title.setText("Strategic Plan 2024-2032")
        return 1

    monkeypatch.setattr(NewPlanDialog, "exec", name_it)
    assert window.plans is not None
    window.plans.new_action.trigger()
    (opened,) = main_windows()
    with store.session() as s:
        plan = queries.find_plan(s, opened.document.plan_id)
        assert plan.title == "Strategic Plan 2024-2032" and plan.id != first
        assert len([e for e in queries.outline(s, plan.id) if e.kind == "target"]) == 16


def test_a_bundle_of_another_plan_is_offered_to_open(
        qtbot: QtBot, tmp_path: Path, plan_store: tuple[Store, str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from cmsdesk.ui.import_flow import ImportReportDialog
    from cmsdesk.ui.review_panels import install

    silence_dialogs(monkeypatch)
    store, first = plan_store
    other = Store.open(tmp_path / "other.db")
    other.set_profile(Profile("Someone", "Chile", "", "delegate"))
    other_plan = create_plan(other, "Another plan").created or ""
    export_bundle(other, other_plan, tmp_path / "other.cmsb")
    other.close()
    window = window_on(store, first, tmp_path)
    panels = install(window)
    monkeypatch.setattr(ImportReportDialog, "exec", lambda d: 0)
    asked: list[str] = []

    def yes(_parent: object, _title: str, text: str, *a: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *a, **k: ([str(tmp_path / "other.cmsb")], ""))
    panels.import_flow.action.trigger()
    assert asked and "other.cmsb holds another plan, “Another plan”" in asked[0]
    (opened,) = main_windows()
    assert opened.document.plan_id == other_plan
    with store.session() as s:
        assert {p.id for p in queries.plans(s)} == {first, other_plan}
