"""A window on the shared PostgreSQL store shows another officer's change without a restart."""

from __future__ import annotations

from pathlib import Path

import pytest
from pg_support import PgServer
from pytestqt.qtbot import QtBot
from ui_support import make_window, node_id, select_label, silence_dialogs

from cmsdesk.models.commands import PlanEditor, create_plan_from_template
from cmsdesk.models.identity import Profile
from cmsdesk.models.store import Store
from cmsdesk.ui.server_watch import watch_server


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
