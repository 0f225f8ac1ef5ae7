"""The node editor: edits through the widgets reach the store, as one version per pause;
undo and redo; non-ASCII text; contested fields show their alternatives; comments."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot
from ui_support import (
    QT_LOG_MARKS,
    copy_changes,
    make_window,
    node_id,
    second_site,
    select_label,
    silence_dialogs,
    starter_window,
    view,
)

from cmsdesk.models import queries
from cmsdesk.models.changelog import Key
from cmsdesk.models.commands import PlanEditor
from cmsdesk.models.store import Store
from cmsdesk.ui import theme
from cmsdesk.ui.mainwindow import MainWindow

pytestmark = QT_LOG_MARKS


@pytest.fixture
def window(qtbot: QtBot, plan_store: tuple[Store, str], tmp_path: Path,
           monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    return starter_window(qtbot, plan_store, tmp_path, monkeypatch)


def type_text(widget: QWidget, text: str) -> None:
    """Type like a keyboard, one key event per character (safe for non-ASCII)."""
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch,
                           Qt.KeyboardModifier.NoModifier)


def versions(store: Store, node: str, fld: str) -> int:
    with store.session() as s:
        return len(queries.history(s, Key("node", node, fld)))


def test_typing_records_one_version_after_a_pause_and_undo_restores(
        window: MainWindow, qtbot: QtBot) -> None:
    store = window.document.store
    node = select_label(window, "T7")
    field = window.editor.pages["text"].field
    field.autosaver.delay_ms = 50
    window.editor.tabs.setCurrentWidget(window.editor.pages["text"])
    field.edit.setFocus()
    field.edit.moveCursor(field.edit.textCursor().MoveOperation.End)
    before_text = view(store, node).fields["text"]
    before = versions(store, node, "text")
    qtbot.keyClicks(field.edit, " Range States act together.")
    assert view(store, node).fields["text"] == before_text  # nothing per keystroke
    qtbot.waitUntil(lambda: view(store, node).fields["text"].endswith("act together."))
    assert versions(store, node, "text") == before + 1
    assert window.document.undo_stack.undoText() == "Edit text of Target 7"
    window.undo_action.trigger()
    assert view(store, node).fields["text"] == before_text
    assert field.value() == before_text
    window.redo_action.trigger()
    assert field.value().endswith("act together.")


def test_leaving_a_field_saves_it_and_non_ascii_survives(window: MainWindow) -> None:
    store = window.document.store
    node = select_label(window, "T3")
    title = window.editor.title
    title.setFocus()
    title.selectAll()
    type_text(title, "Gouvernance: écosystèmes, ñandú, Übergänge")
    window.outline.tree.setFocus()  # leaving the field saves at once
    assert view(store, node).fields["title"] == "Gouvernance: écosystèmes, ñandú, Übergänge"
    note = window.editor.pages["note"].field
    window.editor.tabs.setCurrentWidget(window.editor.pages["note"])
    note.edit.setPlainText("")
    note.edit.setFocus()
    type_text(note.edit, "Año: ça marche — über")
    window.document.flush()
    assert view(store, node).fields["note"] == "Año: ça marche — über"
    select_label(window, "T4")
    select_label(window, "T3")  # shown again from the store
    assert window.editor.title.text() == "Gouvernance: écosystèmes, ñandú, Übergänge"
    assert note.value() == "Año: ça marche — über"
    assert window.outline.model.index_of(node).data().endswith("ñandú, Übergänge")


def test_switching_node_saves_pending_typing_in_the_right_node(window: MainWindow) -> None:
    store = window.document.store
    t1 = select_label(window, "T1")
    actors = window.editor.pages["actors"].field
    actors.edit.setPlainText("- Parties\n- Ramsar Convention")
    actors.autosaver.touched()  # typed, the pause not over yet
    t2 = select_label(window, "T2")
    assert view(store, t1).fields["actors"] == "- Parties\n- Ramsar Convention"
    assert "Ramsar" not in view(store, t2).fields["actors"]


def test_status_and_every_target_field_are_editable(window: MainWindow) -> None:
    store = window.document.store
    node = select_label(window, "T9")
    editor = window.editor
    assert all(editor.tabs.isTabVisible(editor.tabs.indexOf(p)) for p in editor.pages.values())
    editor.status.setCurrentIndex(editor.status.findData("proposed"))
    editor.status.activated.emit(editor.status.currentIndex())
    assert view(store, node).fields["status"] == "proposed"
    for fld in ("indicators", "milestones"):
        editor.pages[fld].field.edit.setPlainText(f"- new {fld}")
        editor.pages[fld].field.autosaver.touched()
    window.document.flush()
    fields = view(store, node).fields
    assert fields["indicators"] == "- new indicators" and fields["milestones"] == "- new milestones"
    select_label(window, "G1")  # a goal has a title and a text only
    assert not editor.status.isVisible()
    assert not editor.tabs.isTabVisible(editor.tabs.indexOf(editor.pages["note"]))


def test_markdown_preview_and_brackets_are_marked(window: MainWindow, qtbot: QtBot) -> None:
    node = select_label(window, "T2")
    field = window.editor.pages["text"].field
    window.document.run(lambda ed: ed.set_field(
        node, "text", "Parties **shall** [consider] [Option 1: adopt] [Option 2: note] it."))
    qtbot.waitUntil(lambda: "<b>shall</b>" in field.preview.toHtml()
                    or "font-weight:700" in field.preview.toHtml())
    html = field.preview.toHtml()
    assert "consider" in html and theme.css(theme.background("bracket")) in html
    block = field.edit.document().firstBlock()
    marked = [block.text()[r.start:r.start + r.length] for r in block.layout().formats()]
    assert marked == ["[consider]", "[Option 1: adopt]", "[Option 2: note]"]


def make_conflict(store: Store, plan_id: str, folder: Path, label: str = "T5") -> str:
    """Two sites rewrite the same sentence of a target's text: the field is contested."""
    other = second_site(folder, store, plan_id, "Kenya")
    node = node_id(store, plan_id, label)
    text = view(store, node).fields["text"]
    first = text.split(". ")[0]
    PlanEditor(store, plan_id).set_field(node, "text", text.replace(first, "Spain's wording"))
    PlanEditor(other, plan_id).set_field(node, "text", text.replace(first, "Kenya's wording"))
    copy_changes(other, store, plan_id)
    other.close()
    return node


def test_a_contested_field_shows_its_alternatives_and_proposers(
        qtbot: QtBot, plan_store: tuple[Store, str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    silence_dialogs(monkeypatch)
    store, plan_id = plan_store
    node = make_conflict(store, plan_id, tmp_path)
    window = make_window(qtbot, store, plan_id, tmp_path)
    assert window.conflicts_button.text() == "1 unresolved conflict"
    window.conflicts_button.click()  # goes to the contested place
    assert window.editor.node_id == node
    page = window.editor.pages["text"]
    assert window.editor.tabs.currentWidget() is page
    banner = page.banner
    assert banner.isVisible()
    shown = " ".join(label.text() for label in banner.findChildren(QLabel))
    assert "Option 1 — proposed by Kenya: Kenya's wording" in shown
    assert "Option 2 — proposed by Spain: Spain's wording" in shown
    assert "Delegate of Kenya (Kenya, Africa, delegate)" in " ".join(
        label.toolTip() for label in banner.findChildren(QLabel))
    assert "[Option" in page.field.value()  # the field shows the bracketed options
    assert not window.editor.tabs.tabIcon(window.editor.tabs.indexOf(page)).isNull()

    banner.chosen.emit(banner.conflict.alternatives[1]["value"])  # "Use this" on Spain's
    fields = view(store, node)
    assert fields.conflicts == [] and fields.fields["text"].startswith("Spain's wording")
    assert not banner.isVisible()
    assert window.conflicts_button.text() == "0 unresolved conflicts"
    window.undo_action.trigger()
    assert "[Option" in view(store, node).fields["text"]


def test_comments_are_added_listed_and_resolved(window: MainWindow) -> None:
    node = select_label(window, "T6")
    comments = window.editor.comments
    window.editor.tabs.setCurrentWidget(comments)
    comments.box.setPlainText("¿Podemos añadir los humedales? ")
    comments.add_button.click()
    assert comments.box.toPlainText() == ""
    item = comments.list.item(0)
    assert item.text().startswith("Ana Pérez (Spain), 2")
    assert item.text().endswith("¿Podemos añadir los humedales?")
    assert window.editor.tabs.tabText(window.editor.tabs.indexOf(comments)) == "Comments (1)"
    comments.list.setCurrentRow(0)
    comments.resolve_button.click()
    assert view(window.document.store, node).comments[0].resolved
    assert "resolved" in comments.list.item(0).text()
    assert not comments.resolve_button.isEnabled()
