"""The editor's language versions: the switch, editing the French text without touching the
English one, undo, the state of each text, the original beside with its changes marked."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from ui_support import (
    QT_LOG_MARKS,
    copy_changes,
    node_id,
    second_site,
    select_label,
    starter_window,
    view,
)

from cmsdesk.models.commands import PlanEditor
from cmsdesk.models.schema import Translation
from cmsdesk.models.store import Store
from cmsdesk.ui.mainwindow import MainWindow

pytestmark = QT_LOG_MARKS


@pytest.fixture
def window(qtbot: QtBot, plan_store: tuple[Store, str], tmp_path: Path,
           monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    return starter_window(qtbot, plan_store, tmp_path, monkeypatch)


def _french(store: Store, node: str, fld: str = "text") -> str | None:
    with store.session() as s:
        row = s.get(Translation, ("node", node, fld, "fr"))
        return None if row is None else row.value


def test_editing_the_french_version_leaves_the_english_text_alone(window: MainWindow) -> None:
    doc, editor = window.document, window.editor
    node = select_label(window, "T1")
    english = view(doc.store, node).fields
    french = _french(doc.store, node)  # the starter plan's French text
    PlanEditor(doc.store, doc.plan_id).set_field(node, "note", "", "fr", translation=True)
    assert french is not None and french.startswith("D'ici à 2020")
    bar = editor.language_bar
    assert "editing the original" in bar.state.text()
    bar.switch.setCurrentIndex(bar.switch.findData("fr"))
    bar.switch.activated.emit(bar.switch.currentIndex())
    assert doc.language == "fr" and "Français" in bar.state.text()
    assert editor.pages["text"].field.value() == french
    assert "Not translated yet, the original is shown: " in bar.state.text()  # the French note is blank...
    assert editor.pages["note"].field.value() == english["note"]  # ...and stands in
    assert not editor.status.isEnabled()
    editor.save_field("text", "Les gens connaissent les valeurs des espèces migratrices.")
    assert _french(doc.store, node) == "Les gens connaissent les valeurs des espèces migratrices."
    assert view(doc.store, node).fields["text"] == english["text"]
    assert editor.pages["text"].field.value().startswith("Les gens")
    assert "A proposal in this language, not yet in the original: text." in bar.state.text()
    doc.undo()
    assert _french(doc.store, node) == french  # undo writes the text it replaced
    doc.set_language(None)
    assert editor.pages["text"].field.value() == english["text"] and editor.status.isEnabled()


def test_the_original_beside_marks_what_changed_since_the_translation(
        window: MainWindow) -> None:
    doc, editor = window.document, window.editor
    node = select_label(window, "T1")
    plan = PlanEditor(doc.store, doc.plan_id)
    plan.set_field(node, "text", "Les gens savent.", "fr", translation=True)
    plan.set_field(node, "text", "People know and act.")
    doc.set_language("fr")
    bar = editor.language_bar
    assert "The original changed since the translation: text." in bar.state.text()
    bar.show_field("text")
    bar.beside.setChecked(True)
    assert bar.original_view.isVisibleTo(editor)
    html = bar.original_view.toHtml()
    assert "added since the translation" in html
    # the legend and the words added to the original are underlined, the removed ones struck
    assert html.count("text-decoration: underline") >= 2 and "act." in html
    assert "line-through" in html
    assert bar.mark.isEnabled()
    bar.mark.click()
    assert "The original changed since" not in bar.state.text()
    assert _french(doc.store, node) == "Les gens savent."


def test_the_translation_status_view_lists_what_needs_work(window: MainWindow) -> None:
    doc, editor = window.document, window.editor
    node = select_label(window, "T2")
    plan = PlanEditor(doc.store, doc.plan_id)
    plan.set_field(node, "text", "A new English text.")
    plan.set_field(node_id(doc.store, doc.plan_id, "T1"), "note", "", "es", translation=True)
    dialog = editor.language_bar.open_status()
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    rows = [(dialog.list.topLevelItem(i).text(0), dialog.list.topLevelItem(i).text(2))
            for i in range(dialog.list.topLevelItemCount())]
    assert ("T2", "needs an update") in rows
    assert ("T1", "missing") in rows  # its Spanish explanatory note is blank
    assert "to update" in dialog.summary.text()
    stale = next(i for i in range(dialog.list.topLevelItemCount())
                 if dialog.list.topLevelItem(i).text(2) == "needs an update")
    dialog.list.itemActivated.emit(dialog.list.topLevelItem(stale), 0)
    assert doc.language == "es" and editor.node_id == node
    dialog.close()


def test_a_document_exported_from_the_window_in_spanish(
        window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    from cmsdesk.ui.export_dialogs import DocumentOptionsDialog, export_document

    def choose_spanish(dialog: DocumentOptionsDialog) -> int:
        assert dialog.language.currentData() == "en"  # the original, unless editing another
        dialog.language.setCurrentIndex(dialog.language.findData("es"))
        return 1

    plan = PlanEditor(window.document.store, window.document.plan_id)
    plan.add_node(node_id(window.document.store, window.document.plan_id, "G1"), "target",
                  "Wetlands", "Wetlands are kept.")  # in English only
    monkeypatch.setattr(DocumentOptionsDialog, "exec", choose_spanish)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "plan-es.md"), ""))
    messages: list[str] = []
    window.document.hub.message.connect(messages.append)
    assert export_document(window.document, "markdown", window) == tmp_path / "plan-es.md"
    text = (tmp_path / "plan-es.md").read_text(encoding="utf-8")
    assert "**PNUMA/CMS/COP11/Doc.15.2**" in text and "Meta 1: Conciencia" in text
    assert "(2 text(s) not yet translated" in messages[-1]  # the new target's title, text


def test_a_french_conflict_is_shown_and_settled_in_french(window: MainWindow,
                                                          tmp_path: Path) -> None:
    doc, editor = window.document, window.editor
    node = select_label(window, "T5")
    english = view(doc.store, node).fields["title"]
    other = second_site(tmp_path, doc.store, doc.plan_id, "Senegal")
    PlanEditor(other, doc.plan_id).set_field(node, "title", "Pêche durable et chasse", "fr")
    PlanEditor(doc.store, doc.plan_id).set_field(node, "title", "Pêche et chasse durables", "fr")
    copy_changes(other, doc.store, doc.plan_id)
    other.close()
    doc.set_language(None)
    assert not editor.title_banner.isVisibleTo(editor)  # the English title is not contested
    doc.set_language("fr")
    assert editor.title_banner.isVisibleTo(editor)
    editor._choose("title", "Pêche durable et chasse")
    assert _french(doc.store, node, "title") == "Pêche durable et chasse"
    assert view(doc.store, node).fields["title"] == english
    assert not editor.title_banner.isVisibleTo(editor)


def test_the_outline_marks_texts_missing_or_stale_in_the_language_edited(
        window: MainWindow) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QIcon

    from cmsdesk.ui.outline_model import NODE_ID_ROLE, TRANSLATION_ROLE

    doc, model = window.document, window.outline.model
    goal = select_label(window, "G1")
    index = model.index_of(goal)
    assert model.data(index, TRANSLATION_ROLE) is None  # the original: nothing to mark
    window.editor.save_field("text", "A new English text of the goal.")  # French now stale
    plan = PlanEditor(doc.store, doc.plan_id)
    target = plan.add_node(goal, "target", "Wetlands", "Wetlands are kept.").created or ""
    doc.hub.reloaded.emit()  # as after an import
    assert model.data(model.index_of(target), TRANSLATION_ROLE) is None
    doc.set_language("fr")
    assert model.data(index, TRANSLATION_ROLE) == "stale"
    tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert "French, text: needs an update, the original changed on 20" in tip
    assert isinstance(model.data(index, Qt.ItemDataRole.DecorationRole), QIcon)
    assert model.data(index, Qt.ItemDataRole.ForegroundRole) is not None
    assert "needs an update" in model.data(index, Qt.ItemDataRole.AccessibleTextRole)
    new = model.index_of(target)
    assert model.data(new, TRANSLATION_ROLE) == "missing"
    assert "French, title: not translated yet" in model.data(new, Qt.ItemDataRole.ToolTipRole)
    changed: list[object] = []
    model.dataChanged.connect(lambda a, _b: changed.append(model.data(a, NODE_ID_ROLE)))
    window.editor.language_bar.show_field("text")
    window.editor.language_bar.mark.click()  # the French text checked: up to date
    assert model.data(index, TRANSLATION_ROLE) is None and goal in changed
    assert model.data(index, Qt.ItemDataRole.DecorationRole) is None
    doc.set_language(None)
    assert model.data(new, TRANSLATION_ROLE) is None


def test_the_outline_shows_and_renames_the_titles_of_the_language_edited(
        window: MainWindow) -> None:
    from PySide6.QtCore import Qt

    doc, model = window.document, window.outline.model
    node = select_label(window, "T1")
    index = model.index_of(node)
    english = view(doc.store, node).fields["title"]
    assert model.data(index, Qt.ItemDataRole.DisplayRole) == f"T1  {english}"
    doc.set_language("fr")
    assert model.data(index, Qt.ItemDataRole.DisplayRole) == \
        "T1  Sensibilisation aux valeurs des espèces migratrices"
    assert [r for _p, r, shown, _b in model.filtered("sensibilisation") if shown]
    assert model.setData(index, "Sensibilisation du public")
    assert _french(doc.store, node, "title") == "Sensibilisation du public"
    assert view(doc.store, node).fields["title"] == english  # the original is untouched
    assert model.data(index, Qt.ItemDataRole.DisplayRole) == "T1  Sensibilisation du public"
    doc.set_language(None)
    assert model.data(index, Qt.ItemDataRole.DisplayRole) == f"T1  {english}"


def test_a_french_proposal_is_carried_into_the_original_from_the_window(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    from cmsdesk.models.changelog import Key
    from cmsdesk.models.queries import history
    from cmsdesk.models.translations import version_notes
    from cmsdesk.ui.carry_dialog import CarryDialog

    doc, editor = window.document, window.editor
    node = select_label(window, "T3")
    bar = editor.language_bar
    assert not bar.carry.isVisibleTo(editor)  # the original: nothing to carry
    doc.set_language("fr")
    bar.show_field("text")
    assert bar.carry.isVisibleTo(editor) and not bar.carry.isEnabled()  # a translation
    editor.save_field("text", "Les Parties intègrent les espèces migratrices.")
    assert bar.carry.isEnabled()  # a proposal made in French now

    def give_the_english(dialog: CarryDialog) -> int:
        assert "Les Parties intègrent" in dialog.proposal.toPlainText()
        assert "proposed by Spain" in dialog.intro.text()
        dialog.wording.setPlainText("Parties integrate migratory species.")
        return CarryDialog.DialogCode.Accepted

    monkeypatch.setattr(CarryDialog, "exec", give_the_english)
    bar.carry.click()
    assert view(doc.store, node).fields["text"] == "Parties integrate migratory species."
    assert _french(doc.store, node) == "Les Parties intègrent les espèces migratrices."
    assert "A proposal in this language" not in bar.state.text() and not bar.carry.isEnabled()
    with doc.store.session() as s:
        latest = history(s, Key("node", node, "text"))[-1]
        assert version_notes(s, [latest.change_id])[latest.change_id] == \
            "proposed by Spain, in French"


def test_carrying_with_no_wording_is_refused_and_writes_nothing(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    from cmsdesk.ui.carry_dialog import CarryDialog

    doc, editor = window.document, window.editor
    node = select_label(window, "T3")
    english = view(doc.store, node).fields["text"]
    doc.set_language("fr")
    editor.save_field("text", "Les Parties intègrent les espèces migratrices.")
    errors: list[str] = []
    doc.hub.error.connect(errors.append)

    def give_nothing(dialog: CarryDialog) -> int:
        dialog.wording.setPlainText("  ")
        return CarryDialog.DialogCode.Accepted

    monkeypatch.setattr(CarryDialog, "exec", give_nothing)
    editor.language_bar.carry.click()
    assert errors and "wording in the original language" in errors[-1]
    assert view(doc.store, node).fields["text"] == english
    assert editor.language_bar.carry.isEnabled()


def test_a_drafts_meeting_given_in_french_and_spanish_from_the_window(
        window: MainWindow) -> None:
    from cmsdesk.models.drafts import list_drafts
    from cmsdesk.ui.drafts_view import MarkDraftDialog

    doc = window.document
    dialog = MarkDraftDialog(doc, window)
    dialog.name.setText("Consultation draft 2")
    dialog.meta_edits["meeting"].setText("Meeting of the Conference of the Parties")
    dialog.language_edits["fr"]["meeting"].setText("Conférence des Parties")
    dialog.language_edits["es"]["meeting"].setText("Conferencia de las Partes")
    dialog.language_edits["es"]["meeting_place"].setText("Quito (Ecuador)")
    dialog.accept()
    assert dialog.info is not None
    meta = dialog.info.document
    assert meta.meeting == "Meeting of the Conference of the Parties"
    assert meta.translations == {"fr": {"meeting": "Conférence des Parties"},
                                 "es": {"meeting": "Conferencia de las Partes",
                                        "meeting_place": "Quito (Ecuador)"}}
    assert meta.in_language("fr").meeting == "Conférence des Parties"
    assert meta.in_language("en").meeting == "Meeting of the Conference of the Parties"
    again = MarkDraftDialog(doc, window, dialog.info)
    assert again.language_edits["es"]["meeting_place"].text() == "Quito (Ecuador)"
    again.language_edits["es"]["meeting_place"].setText("")  # back to the typed place
    again.accept()
    (info,) = list_drafts(doc.store, doc.plan_id)
    assert "meeting_place" not in info.document.translations["es"]


def test_the_history_names_the_proposal_an_original_took_over(
        window: MainWindow) -> None:
    from cmsdesk.models.changelog import Key
    from cmsdesk.models.translations import carry_over

    doc = window.document
    node = select_label(window, "T4")
    plan = PlanEditor(doc.store, doc.plan_id)
    plan.set_field(node, "text", "Les incitations néfastes sont supprimées.", "fr")
    carry_over(doc.store, doc.plan_id, Key("node", node, "text"), "fr",
               "Harmful incentives are removed.")
    doc.hub.reloaded.emit()
    from cmsdesk.ui.history_view import HistoryView

    history = HistoryView(doc, window)
    history.show_field(node, "text")
    whats = [history.list.topLevelItem(i).text(4)
             for i in range(history.list.topLevelItemCount())]
    assert whats[-1] == "edit, proposed by Spain, in French"


def test_the_history_follows_the_language_edited_and_restores_within_it(
        window: MainWindow) -> None:
    from cmsdesk.ui.history_view import HistoryView

    doc = window.document
    node = select_label(window, "T4")
    english = doc.current_view.fields["text"]  # type: ignore[union-attr]
    plan = PlanEditor(doc.store, doc.plan_id)
    plan.set_field(node, "text", "Première version française.", "fr")
    plan.set_field(node, "text", "Seconde version française.", "fr")
    doc.hub.reloaded.emit()
    history = HistoryView(doc, window)
    history.show_field(node, "text")
    english_texts = [history.list.topLevelItem(i).text(5)
                     for i in range(history.list.topLevelItemCount())]
    assert not any("française" in t for t in english_texts)
    doc.set_language("fr")
    history.refresh()
    assert "French" in history.heading.text()
    french = [history.list.topLevelItem(i).text(5)
              for i in range(history.list.topLevelItemCount())]
    assert french[-2:] == ["Première version française.", "Seconde version française."]
    assert not any(t.startswith(english[:30]) for t in french)
    history.list.topLevelItem(len(french) - 2).setSelected(True)
    assert history.restore_button.isEnabled() and history.restore_selected()
    assert _french(doc.store, node) == "Première version française."
    doc.set_language(None)
    assert doc.current_view is not None and doc.current_view.fields["text"] == english


def test_the_cross_reference_panel_shows_the_frameworks_in_the_language_edited(
        window: MainWindow) -> None:
    panel = window.xrefs
    select_label(window, "T1")
    panel.set_framework("aichi")

    def first_target() -> str:
        return panel.tree.topLevelItem(0).child(0).text(0)

    assert first_target().startswith("1. Awareness of biodiversity values")
    window.document.set_language("fr")
    assert first_target().startswith("1. Sensibilisation aux valeurs de la diversité biologique")
    assert panel.tree.topLevelItem(0).text(0).startswith("A. Gérer les causes profondes")
    window.document.set_language("es")
    assert first_target().startswith("1. Conciencia de los valores de la diversidad biológica")
    window.document.set_language(None)
    assert first_target().startswith("1. Awareness of biodiversity values")


def test_a_cross_reference_note_is_read_and_edited_in_the_language_edited(
        window: MainWindow) -> None:
    from cmsdesk.models.schema import Translation

    doc, panel = window.document, window.xrefs
    node = select_label(window, "T1")
    panel.set_framework("aichi")
    panel.tree.setCurrentItem(panel._items["1"])
    english = "Direct adaptation of the awareness target to migratory species."
    assert panel.note.toPlainText() == english
    doc.set_language("fr")
    assert panel.note.toPlainText().startswith("Adaptation directe")  # the starter's French
    panel.note.setPlainText("Adaptation de l'objectif de sensibilisation.")
    panel.note_saver.touched()
    doc.flush()
    with doc.store.session() as s:
        row = s.get(Translation, ("xref", f"{node}|aichi|1", "note", "fr"))
        assert row is not None and row.value == "Adaptation de l'objectif de sensibilisation."
        assert row.proposal  # a proposal made in French
    link = next(x for x in view(doc.store, node).xrefs if x.target == "1")
    assert link.note == english  # the original's note is untouched
    doc.undo()
    with doc.store.session() as s:
        assert s.get(Translation, ("xref", f"{node}|aichi|1", "note", "fr")).value.startswith(
            "Adaptation directe")
    doc.set_language(None)
    assert panel.note.toPlainText() == english
