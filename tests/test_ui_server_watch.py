"""A window on the shared PostgreSQL store shows another officer's change without a restart."""

from __future__ import annotations

from pathlib import Path

import pytest
from pg_support import PgServer
from pytestqt.qtbot import QtBot
from ui_support import QT_LOG_MARKS, make_window, node_id, select_label, silence_dialogs

from cmsdesk.models.commands import PlanEditor, create_plan_from_template
from cmsdesk.models.identity import Profile
from cmsdesk.models.store import Store
from cmsdesk.ui.server_watch import watch_server

pytestmark = QT_LOG_MARKS


def test_another_officers_change_appears_in_the_window(
        qtbot: QtBot, pg_server: PgServer, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    silence_dialogs(monkeypatch)
    url = pg_server.url(pg_server.new_database())
    mine = Store.open(url)
    mine.set_profile(Profile("Ana Officer", "UNEP/CMS", "", "secretariat"))
    plan_id = create_plan_from_template(mine).created or ""
    window = make_window(qtbot, mine, plan_id, tmp_path)
    watch = watch_server(window)
    assert watch is not None
    assert window.store_label.toolTip() == mine.location == url.replace("cmsdesk-tests", "***")
    select_label(window, "T2")
    # Ana's own edits send news too, which her window ignores.
    PlanEditor(mine, plan_id).set_field(node_id(mine, plan_id, "T2"), "note", "Mine.")
    qtbot.wait(1200)
    assert watch.reloads == 0
    other = Store.open(url)
    other.set_profile(Profile("Ben Officer", "UNEP/CMS", "", "secretariat"))
    PlanEditor(other, plan_id).set_field(node_id(other, plan_id, "T2"), "title",
                                         "Ben's new title")
    qtbot.waitUntil(lambda: watch.reloads == 1, timeout=10000)
    qtbot.waitUntil(lambda: window.editor.title.text() == "Ben's new title", timeout=5000)
    watch.stop()
    other.close()
    window.close()
    mine.close()


def test_a_store_file_is_not_watched(qtbot: QtBot, plan_store: tuple[Store, str], tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    silence_dialogs(monkeypatch)
    store, plan_id = plan_store
    assert watch_server(make_window(qtbot, store, plan_id, tmp_path)) is None


def test_preferences_keep_the_shared_store_address_without_a_password(
        qtbot: QtBot, plan_store: tuple[Store, str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from ui_support import settings_in

    from cmsdesk.ui.preferences import SERVER_SETTING, PreferencesDialog

    silence_dialogs(monkeypatch)
    store, _ = plan_store
    settings = settings_in(tmp_path)
    dialog = PreferencesDialog(settings, store)
    qtbot.addWidget(dialog)
    for wrong in ("mysql://ana@db/plan", "postgresql://ana:secret@db/plan"):
        dialog.server.setText(wrong)
        dialog._accept_if_valid()
        assert dialog.result() == 0 and dialog.server_error.isVisibleTo(dialog)
    dialog.server.setText("postgresql://ana@db.example.org/cmsplan")
    dialog._accept_if_valid()
    assert dialog.result() == 1
    dialog.apply()
    assert settings.value(SERVER_SETTING) == "postgresql://ana@db.example.org/cmsplan"
    dialog.server.setText("")
    dialog.apply()
    assert settings.value(SERVER_SETTING) == ""


def test_the_window_opens_the_shared_store_named_in_preferences(
        pg_server: PgServer, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QSettings

    from cmsdesk.cli import parse
    from cmsdesk.clicmd.common import Context
    from cmsdesk.ui import app
    from cmsdesk.ui.preferences import SERVER_SETTING

    url = pg_server.url(pg_server.new_database())
    opened: list[str] = []
    monkeypatch.setattr(QSettings, "value", lambda self, key, default=None:
                        url if key == SERVER_SETTING else default)
    monkeypatch.setattr(app, "open_store", lambda ctx: opened.append(ctx.args.db))
    assert app.run_app(Context(parse([]))) == 1
    assert opened == [url]
