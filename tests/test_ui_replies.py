"""The window's File > Import a Word reply… and File > Record a letter or e-mail…"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot
from reply_support import add_paragraph_after, open_copy, track_replace
from ui_support import make_window, node_id, silence_dialogs, view

from cmsdesk.export.for_comments import export_for_comments
from cmsdesk.models.drafts import mark_draft
from cmsdesk.models.store import Store
from cmsdesk.ui.reply_import import AttachDialog, LetterDialog, ReplyDialog
from cmsdesk.ui.review_panels import install


@pytest.fixture
def desk(qtbot: QtBot, plan_store: tuple[Store, str], tmp_path: Path,
         monkeypatch: pytest.MonkeyPatch) -> tuple[object, Store, str, list[str]]:
    shown = silence_dialogs(monkeypatch)
    store, plan = plan_store
    mark_draft(store, plan, "Consultation draft 1")
    window = make_window(qtbot, store, plan, tmp_path)
    panels = install(window)
    return panels, store, plan, shown


def _fill(dialog: ReplyDialog | LetterDialog, party: str) -> None:
    dialog.sender.party.setText(party)
    dialog.sender.received.setDate(QDate(2014, 6, 27))


def test_file_menu_imports_a_word_reply(desk: tuple[object, Store, str, list[str]],
                                        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    panels, store, plan, _shown = desk
    copy = export_for_comments(store, plan, tmp_path / "copy.docx").path
    doc = open_copy(copy)
    track_replace(doc, "broadly aware", "fully aware", "Awa Koné")
    add_paragraph_after(doc, "periodic surveys in range States", "Add bycatch.")
    doc.save(str(tmp_path / "reply.docx"))
    replies = panels.replies  # type: ignore[attr-defined]
    file_menu = [a.text() for a in panels.window.file_menu.actions()]  # type: ignore[attr-defined]
    assert replies.action.text() in file_menu and replies.letter_action.text() in file_menu
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *a, **k: (str(tmp_path / "reply.docx"), ""))
    monkeypatch.setattr(ReplyDialog, "exec", lambda d: _fill(d, "Côte d'Ivoire") or 1)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)
    def attach(dialog: AttachDialog) -> int:
        assert dialog.table.rowCount() == 1 and dialog.table.item(0, 2).text() == "Add bycatch."
        dialog.table.item(0, 0).setText("T4")
        return 1

    monkeypatch.setattr(AttachDialog, "exec", attach)
    replies.action.trigger()
    assert "T1 text (tracked changes by Awa Koné)" in "\n".join(replies.last_report)
    assert "attached to T4 as a comment" in "\n".join(replies.last_report)
    assert "fully aware" in view(store, node_id(store, plan, "T1")).fields["text"]
    assert [c.text for c in view(store, node_id(store, plan, "T4")).comments] == ["Add bycatch."]


def test_a_plain_document_is_offered_as_a_letter(desk: tuple[object, Store, str, list[str]],
                                                 tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import docx

    panels, store, plan, _shown = desk
    letter = docx.Document()
    letter.add_paragraph("Dear Secretariat,")
    letter.add_paragraph("Target 2: we support it.")
    letter.add_paragraph("Proposed text: Values are integrated everywhere.")
    letter.save(str(tmp_path / "letter.docx"))
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a, **k:
                        asked.append(text) or QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(ReplyDialog, "exec", lambda d: _fill(d, "Kenya") or 1)

    def record(dialog: LetterDialog) -> int:
        assert dialog.sender.party.text() == "Kenya" and dialog.filename == "letter.docx"
        assert dialog.table.rowCount() == 3
        assert dialog.table.item(2, 0).text() == "T2"
        dialog.sender.received.setDate(QDate(2014, 6, 27))
        dialog.channel.setCurrentText("e-mail")
        dialog.record()
        return 1

    monkeypatch.setattr(LetterDialog, "exec", record)
    panels.replies.import_reply(tmp_path / "letter.docx")  # type: ignore[attr-defined]
    assert asked and "not a consultation copy" in asked[0]
    assert view(store, node_id(store, plan, "T2")).fields["text"] == \
        "Values are integrated everywhere."
    assert "e-mail from Kenya" in panels.replies.last_report[0]  # type: ignore[attr-defined]


def test_new_plan_from_a_file(desk: tuple[object, Store, str, list[str]], tmp_path: Path,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    from cmsdesk.models import queries

    panels, store, _plan, shown = desk
    window = panels.window  # type: ignore[attr-defined]
    action = next(a for a in window.file_menu.actions() if "from a" in a.text())
    opened: list[str] = []
    window.hub.open_plan_requested.disconnect()  # no switching windows in this test
    window.hub.open_plan_requested.connect(opened.append)
    outline = tmp_path / "plan.md"
    outline.write_text("# Plan 2024-2032\n\n## Goals\n\n### Goal 1: Pressures\n\n"
                       "#### Target 1: Bycatch\n\nBycatch is reduced.\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(outline), ""))
    action.trigger()
    with store.session() as s:
        assert [p.title for p in queries.plans(s) if p.id in opened] == ["Plan 2024-2032"]
    outline.write_text("## Goal 1: Alone\n", encoding="utf-8")
    action.trigger()
    assert len(opened) == 1 and "cannot be placed under the top of the outline" in shown[-1]


def test_review_names_late_changes() -> None:
    from cmsdesk.models.review import ReviewItem
    from cmsdesk.ui.review_view import who_html

    item = ReviewItem("c1", "edit", "Awa", "Kenya", "Africa", "delegate", "2014-07-02T00:00",
                      "text", False, False, late=True)
    assert "received late" in who_html(item)
    assert "received late" not in who_html(ReviewItem("c1", "edit", "Awa", "Kenya", "", "",
                                                      "2014-06-02T00:00", "t", False, False))


def test_the_secretariat_first_start_creates_the_plan_from_a_file(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cmsdesk.models import queries
    from cmsdesk.models.identity import Profile
    from cmsdesk.ui import app
    from cmsdesk.ui.dialogs import StartDialog

    store = Store.open(tmp_path / "fresh.db")
    store.set_profile(Profile("Officer", "", "", "secretariat"))
    outline = tmp_path / "plan.json"
    outline.write_text('{"plan": {"title": "Plan"}, "outline": [{"kind": "chapter", '
                       '"title": "Vision", "text": "Species thrive."}]}', encoding="utf-8")

    def from_file(dialog: StartDialog) -> int:
        assert len(dialog.button(StartDialog.FROM_FILE).accessibleDescription()) > 60
        dialog.select(StartDialog.FROM_FILE)
        dialog._accepted()
        return 1

    monkeypatch.setattr(StartDialog, "exec", from_file)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(outline), ""))
    plan_id = app.choose_plan(store, None)
    with store.session() as s:
        assert queries.find_plan(s, plan_id).title == "Plan"
        assert [e.title for e in queries.outline(s, plan_id or "")] == ["Vision"]
    store.close()


def test_the_word_export_dialog_writes_a_consultation_copy(
        desk: tuple[object, Store, str, list[str]], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> None:
    from cmsdesk.submissions.reply import read_reply
    from cmsdesk.ui.export_dialogs import DOCX, DocumentOptionsDialog, export_document

    panels, _store, _plan, _shown = desk
    window = panels.window  # type: ignore[attr-defined]
    proposed: list[str] = []

    def choose_copy(dialog: DocumentOptionsDialog) -> int:
        assert not dialog.for_comments.isHidden() and not dialog.for_comments.isChecked()
        dialog.for_comments.setChecked(True)
        return 1

    monkeypatch.setattr(DocumentOptionsDialog, "exec", choose_copy)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda _p, _t, name, _f: (
        proposed.append(name), (str(tmp_path / "copy.docx"), ""))[1])
    messages: list[str] = []
    window.document.hub.message.connect(messages.append)
    written = export_document(window.document, DOCX, window)
    assert written == tmp_path / "copy.docx" and "-for-comments-" in Path(proposed[0]).name
    manifest = read_reply(written).manifest  # what File > Import a Word reply will read back
    assert manifest.draft_name == "Consultation draft 1" and len(manifest.fields) > 100
    assert any("consultation copy" in m and "traced back" in m for m in messages)


def test_the_markdown_export_dialog_offers_no_consultation_copy(
        desk: tuple[object, Store, str, list[str]], qtbot: QtBot) -> None:
    from cmsdesk.ui.export_dialogs import MARKDOWN, DocumentOptionsDialog

    panels, _store, _plan, _shown = desk
    dialog = DocumentOptionsDialog(panels.window.document, MARKDOWN,  # type: ignore[attr-defined]
                                   panels.window)  # type: ignore[attr-defined]
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.for_comments.isVisible() and "for_comments" not in dialog.options()
