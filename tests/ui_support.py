"""Helpers shared by the UI tests: a window over a fresh store, isolated settings, no blocking
dialogs, and a second site whose concurrent edits make conflicts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from cmsdesk.models import queries
from cmsdesk.models.changelog import append_many, bodies, key_of
from cmsdesk.models.projection import project
from cmsdesk.models.store import Store
from cmsdesk.ui.app import build_window
from cmsdesk.ui.mainwindow import MainWindow

# Qt warnings fail the UI tests (pytest-qt), except this one from the offscreen platform.
QT_LOG_MARKS = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


def settings_in(folder: Path) -> QSettings:
    return QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)


def silence_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Message boxes return at once; the messages they would show are collected."""
    shown: list[str] = []

    def record(_parent: object, _title: str, text: str, *args: object, **kw: object) -> object:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    for name in ("warning", "critical", "information", "about", "question"):
        monkeypatch.setattr(QMessageBox, name, record)
    return shown


def make_window(qtbot: QtBot, store: Store, plan_id: str, folder: Path,
                size: tuple[int, int] = (1280, 800)) -> MainWindow:
    window = build_window(store, plan_id, settings_in(folder))
    qtbot.addWidget(window)
    window.restore_layout()
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    return window


def starter_window(qtbot: QtBot, plan_store: tuple[Store, str], folder: Path,
                   monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """The main window over a fresh store holding the starter plan, dialogs silenced."""
    silence_dialogs(monkeypatch)
    store, plan_id = plan_store
    return make_window(qtbot, store, plan_id, folder)


def select_label(window: MainWindow, label: str) -> str:
    """Select a node by its label (T7) in the outline; the editor follows."""
    doc = window.document
    node = node_id(doc.store, doc.plan_id, label)
    assert window.outline.select(node)
    assert window.editor.node_id == node
    return node


def node_id(store: Store, plan_id: str, label: str) -> str:
    with store.session() as s:
        return queries.resolve_node(s, plan_id, label)


def view(store: Store, node: str) -> queries.NodeView:
    with store.session() as s:
        return queries.node_view(s, node)


def copy_changes(source: Store, target: Store, plan_id: str) -> int:
    """Give ``target`` every change of the plan that ``source`` holds (what an import does)."""
    with source.session() as s:
        held = [(cid, json.loads(body)) for cid, body in bodies(s, plan_id).items()]
    with target.session() as s:
        new = set(append_many(s, held, origin="test"))
        project(s, {key_of(body) for cid, body in held if cid in new})
    return len(new)


def second_site(folder: Path, source: Store, plan_id: str, party: str = "Kenya") -> Store:
    """Another installation that has received the plan from ``source``."""
    from cmsdesk.models.identity import Profile

    other = Store.open(folder / f"{party}.db")
    other.set_profile(Profile(f"Delegate of {party}", party, "Africa", "delegate"))
    copy_changes(source, other, plan_id)
    return other
