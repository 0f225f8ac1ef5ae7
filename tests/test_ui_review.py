"""Review and merge in the window, on a real consultation round: importing bundles (refused and
duplicate files included), the review and its filters, each way of settling a conflict, history,
named drafts, the export bundle dialog and the documents of the meeting."""

from __future__ import annotations

import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QTextBrowser,
)
from pytestqt.qtbot import QtBot
from review_support import (
    DELEGATIONS,
    DRAFT,
    SYMBOL,
    T6_FIRST,
    Round,
    before_import,
    open_copy,
)
from ui_support import QT_LOG_MARKS, make_window, node_id, silence_dialogs, view

from cmsdesk.models import queries
from cmsdesk.models.commands import PlanEditor, create_plan
from cmsdesk.models.identity import Profile
from cmsdesk.models.store import Store
from cmsdesk.sync.importer import import_bundle
from cmsdesk.ui import import_flow
from cmsdesk.ui.drafts_view import MarkDraftDialog
from cmsdesk.ui.export_dialogs import DocumentOptionsDialog, ExportBundleDialog, size_text
from cmsdesk.ui.import_flow import ImportReportDialog
from cmsdesk.ui.mainwindow import MainWindow
from cmsdesk.ui.review_panels import ReviewPanels, install

pytestmark = QT_LOG_MARKS


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    return silence_dialogs(monkeypatch)


@pytest.fixture
def reports(monkeypatch: pytest.MonkeyPatch) -> list[ImportReportDialog]:
    """Import reports are recorded instead of shown."""
    seen: list[ImportReportDialog] = []
    monkeypatch.setattr(ImportReportDialog, "exec", lambda d: seen.append(d) or 0)
    return seen


class Desk:
    """A window with review and merge over a store, and its plan."""

    def __init__(self, qtbot: QtBot, store: Store, plan_id: str, folder: Path) -> None:
        self.store, self.plan_id = store, plan_id
        self.window: MainWindow = make_window(qtbot, store, plan_id, folder)
        self.panels: ReviewPanels = install(self.window)

    def conflicts(self) -> str:
        return self.window.conflicts_button.text()

    def text(self, label: str, fld: str = "text") -> str:
        return view(self.store, node_id(self.store, self.plan_id, label)).fields[fld]


@pytest.fixture
def secretariat(qtbot: QtBot, consultation: Round, tmp_path: Path,
                shown: list[str]) -> Iterator[Desk]:
    """The Secretariat after importing the four delegations' bundles."""
    store = open_copy(consultation.secretariat, tmp_path)
    yield Desk(qtbot, store, consultation.plan_id, tmp_path)
    store.close()


def marked(browser: QTextBrowser) -> dict[str, str]:
    """The words a text view marks as inserted (underlined) and deleted (struck through)."""
    out = {"insert": "", "delete": ""}
    block = browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fmt.fontStrikeOut():
                out["delete"] += fragment.text()
            elif fmt.fontUnderline():
                out["insert"] += fragment.text()
            it += 1
        block = block.next()
    return out


def rows(dialog: ImportReportDialog) -> list[list[str]]:
    table = dialog.table
    return [[table.topLevelItem(i).text(c) for c in range(table.columnCount())]
            for i in range(table.topLevelItemCount())]


# -- importing --------------------------------------------------------------------------------


def test_import_bundles_from_the_menu_with_refused_and_duplicate_files(
        qtbot: QtBot, consultation: Round, tmp_path: Path, shown: list[str],
        reports: list[ImportReportDialog], monkeypatch: pytest.MonkeyPatch) -> None:
    store = before_import(consultation, tmp_path)
    desk = Desk(qtbot, store, consultation.plan_id, tmp_path)
    assert desk.conflicts() == "0 unresolved conflicts"
    broken = tmp_path / "broken.cmsb"
    broken.write_bytes(b"this is not a zip file")
    other = Store.open(tmp_path / "other.db")
    other.set_profile(Profile("Someone", "Chile", "", "delegate"))
    from cmsdesk.sync.exporter import export_bundle

    export_bundle(other, create_plan(other, "Another plan").created or "", tmp_path / "other.cmsb")
    other.close()
    files = [consultation.returns[p] for p in DELEGATIONS] + [broken, tmp_path / "other.cmsb"]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *a, **k: ([str(f) for f in files], ""))
    desk.panels.import_flow.action.trigger()

    (dialog,) = reports
    table = rows(dialog)
    assert [r[0] for r in table] == [f.name for f in files]
    kenya = table[0]
    assert kenya[1] == "Wanjiru Mwangi (Kenya, Africa)"
    assert kenya[2] == "NOT verified (new key)"  # first bundle from that installation
    assert kenya[3:] == ["3", "0", "0", "0"]  # 3 edits and nothing contested yet
    assert table[2][1] == "Anna Schmidt (Germany, Europe)" and int(table[2][6]) >= 1
    assert table[4][1].startswith("Refused:") and "zip" in table[4][1]
    assert table[5][1].startswith("Refused: it holds another plan (\"Another plan\")")
    assert dialog.refusals.text().startswith("<b>broken.cmsb</b> was refused: ")
    assert "<b>other.cmsb</b> was refused: it holds another plan" in dialog.refusals.text()
    assert dialog.summary.text().startswith("4 of 6 file(s) imported. 2 refused")
    assert "4 conflict(s) created" in dialog.summary.text()
    assert desk.conflicts() == "4 unresolved conflicts"  # the status bar followed
    with store.session() as s:
        assert [p.title for p in queries.plans(s)] == ["Strategic Plan for Migratory Species "
                                                       "2015-2023"]  # nothing of the refused
    assert dialog.resolve_button.isEnabled()
    dialog.resolve_button.click()
    assert desk.panels.resolve_dock.isVisible() and desk.panels.resolve.count_label.text() == \
        "4 contested fields"

    # the same file again: nothing new, said so
    desk.panels.import_flow.import_files([consultation.returns["Kenya"]])
    again = rows(reports[1])[0]
    assert again[2] == "verified (known key)" and again[3:5] == ["0", "3"]
    assert reports[1].table.topLevelItem(0).toolTip(3).startswith("Nothing new")
    assert not reports[1].resolve_button.isEnabled()
    store.close()


def test_after_an_import_the_outline_is_read_off_the_gui_thread(
        qtbot: QtBot, consultation: Round, tmp_path: Path, shown: list[str],
        reports: list[ImportReportDialog], monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading the whole outline takes tens of milliseconds on a large plan: after an import
    the worker reads it, and the outline and the current node take that reading."""
    store = before_import(consultation, tmp_path)
    desk = Desk(qtbot, store, consultation.plan_id, tmp_path)
    desk.window.outline.select(node_id(store, consultation.plan_id, "T6"))
    real = queries.outline
    on_gui_thread: list[bool] = []

    def watched(session: Any, plan_id: str) -> list[queries.OutlineEntry]:
        on_gui_thread.append(threading.current_thread() is threading.main_thread())
        return real(session, plan_id)

    monkeypatch.setattr(queries, "outline", watched)
    desk.panels.import_flow.import_files([consultation.returns[p] for p in DELEGATIONS])
    assert on_gui_thread and not any(on_gui_thread)
    monkeypatch.undo()
    with store.session() as s:
        fresh = queries.outline(s, consultation.plan_id)
    assert desk.window.outline.model.entries() == fresh  # the outline shows the import
    assert desk.window.document.current_view is not None
    assert desk.window.document.current_view.label == "T6"
    assert desk.window.document.current_view.conflicts  # T6's contested text, imported
    store.close()


def test_dropped_and_command_line_bundles_are_imported(
        qtbot: QtBot, consultation: Round, tmp_path: Path, shown: list[str],
        reports: list[ImportReportDialog]) -> None:
    store = before_import(consultation, tmp_path)
    desk = Desk(qtbot, store, consultation.plan_id, tmp_path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(consultation.returns["Brazil"])),
                  QUrl.fromLocalFile(str(tmp_path / "notes.txt"))])
    # dropped on the editor's text field, which would otherwise paste the path
    target = desk.window.editor.pages["text"].field.edit.viewport()
    before = desk.text("T1")
    enter = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted() and enter.dropAction() == Qt.DropAction.CopyAction
    drop = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, drop)
    assert drop.isAccepted()
    qtbot.waitUntil(lambda: len(reports) == 1)
    assert [r[0] for r in rows(reports[0])] == ["from-brazil.cmsb"]
    assert desk.text("T1") == before  # no path pasted into the text
    plain = QMimeData()
    plain.setText("some words")
    other = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, plain,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, other)  # text is the field's business, not the import's
    assert len(reports) == 1
    window = desk.window
    window.pending_files = [consultation.returns["Germany"]]
    outcomes = desk.panels.import_pending()
    assert [o.report.sender.party for o in outcomes if o.report] == ["Germany"]
    assert window.pending_files == [] and len(reports) == 2
    assert desk.conflicts() == "3 unresolved conflicts"  # T4 text, T6 text, T11 status
    store.close()


def test_a_cancelled_batch_lists_the_files_not_imported(
        qtbot: QtBot, consultation: Round, tmp_path: Path, shown: list[str],
        reports: list[ImportReportDialog], monkeypatch: pytest.MonkeyPatch) -> None:
    store = before_import(consultation, tmp_path)
    desk = Desk(qtbot, store, consultation.plan_id, tmp_path)
    real = import_flow.run_with_progress

    def cancel_after_first(parent: Any, title: str, steps: Any, work: Any,
                           **options: Any) -> Any:
        job = real(parent, title, steps[:1], work, **options)  # Cancel pressed during file 1
        job.cancelled = True
        return job

    monkeypatch.setattr(import_flow, "run_with_progress", cancel_after_first)
    files = [consultation.returns[p] for p in ("Kenya", "Brazil", "Germany")]
    outcomes = desk.panels.import_flow.import_files(files)
    assert [o.skipped for o in outcomes] == [False, True, True]
    table = rows(reports[0])
    assert table[1][1] == "Not imported: the import was cancelled before this file"
    assert "2 not imported" in reports[0].summary.text()
    store.close()


def test_an_alarming_import_is_said_so_and_undone_by_one_button(
        qtbot: QtBot, consultation: Round, tmp_path: Path, shown: list[str],
        reports: list[ImportReportDialog]) -> None:
    store = before_import(consultation, tmp_path)
    desk = Desk(qtbot, store, consultation.plan_id, tmp_path)
    with store.session() as s:
        before = [e.id for e in queries.outline(s, consultation.plan_id)]
    kenya = open_copy(consultation.folder / "kenya.db", tmp_path, "kenya")
    editor = PlanEditor(kenya, consultation.plan_id)
    with kenya.session() as s:
        goals = [e.id for e in queries.outline(s, consultation.plan_id) if e.kind == "goal"]
    for goal in goals[:3]:
        editor.delete_node(goal)
    from cmsdesk.sync.exporter import export_bundle

    export_bundle(kenya, consultation.plan_id, tmp_path / "purge.cmsb", full=True)
    kenya.close()
    desk.panels.import_flow.import_files([consultation.returns["Brazil"], tmp_path / "purge.cmsb"])
    (dialog,) = reports
    assert not dialog.alarms.isHidden()
    assert dialog.alarms.text().startswith("<b>Check purge.cmsb before building on it:</b> it "
                                           "deletes ")
    assert "from-brazil" not in dialog.alarms.text()
    with store.session() as s:
        assert len(queries.outline(s, consultation.plan_id)) < len(before)
    backups = sorted(store.path.with_name(f"{store.path.stem}-backups").glob("*.db"))
    assert len(backups) == 1  # one copy for the batch, before its first file
    assert not dialog.undo_button.isHidden()
    assert not dialog.undo_button.autoDefault()  # Enter never undoes an import
    dialog.undo_button.click()
    assert shown[-1].startswith("The plan is back as it was before the import.")
    with store.session() as s:
        assert [e.id for e in queries.outline(s, consultation.plan_id)] == before
    assert desk.conflicts() == "0 unresolved conflicts"
    store.close()


# -- review -----------------------------------------------------------------------------------


def test_review_filters_marks_and_revert(qtbot: QtBot, secretariat: Desk,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    review = secretariat.panels.review
    secretariat.panels.show_review()
    assert secretariat.panels.review_dock.isVisible()
    assert review.baseline_box.currentText() == f"{DRAFT} (2014-04-01)"  # latest draft
    assert review.summary.text() == ("15 change(s) from 4 Party(ies) since Consultation draft 1 "
                                     "(2014-04-01); 15 not yet reviewed.")
    assert [review.tree.topLevelItem(i).text(0) for i in range(review.tree.topLevelItemCount())] \
        == ["Target 1: Awareness of the values of migratory species",
            "Target 4: Harmful incentives reformed", "Target 6: Fisheries and hunting",
            "Target 10: Critical sites and ecological networks",
            "Target 11: Ecosystem services from migratory species"]

    def parties() -> list[str]:
        return [i.text(1) for i in review.change_items()]

    review.set_filter(region="Africa")
    assert set(parties()) == {"Kenya"} and len(parties()) == 3  # its 3 edits
    review.set_filter(party="Brazil")
    assert set(parties()) == {"Brazil"}
    review.set_filter(node=node_id(secretariat.store, secretariat.plan_id, "T6"))
    assert parties() == ["Kenya", "Brazil", "Germany", "Australia", "Australia", "Brazil",
                         "Australia"]
    review.set_filter(region="Europe", node=node_id(secretariat.store, secretariat.plan_id, "T6"))
    assert parties() == ["Germany"]

    # the word-level difference against the draft, with who proposed it
    review.set_filter()
    item = next(i for i in review.change_items() if i.text(1) == "Kenya"
                and i.parent().parent().text(0).startswith("Target 6"))
    assert item.text(0) == "+routes, and illegal killing has been eliminated.  −direct or " \
        "indirect  −routes."
    item.setSelected(True)
    detail = review.detail.toPlainText()
    # no key of this round is pinned at the Secretariat: each author is marked not verified
    assert "Kenya · author not verified · Africa · Wanjiru Mwangi (focal point)" in detail
    assert f"At {DRAFT} (2014-04-01):" in detail
    assert marked(review.detail) == {"insert": "routes, and illegal killing has been eliminated. ",
                                     "delete": "direct or indirect routes. "}

    # tick one, then mark a whole field reviewed; hide what is reviewed
    item.setCheckState(0, Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: review.summary.text().endswith("14 not yet reviewed."))
    field = next(i for i in review._all_items() if i.data(0, Qt.ItemDataRole.UserRole)
                 == ("field", node_id(secretariat.store, secretariat.plan_id, "T1"), "text"))
    review.tree.clearSelection()
    field.setSelected(True)
    assert review.mark_selected() == 2
    review.pending_box.setChecked(True)
    assert len(review.change_items()) == 12
    review.unmark_button.click()  # nothing selected any more after the filter hid it
    review.pending_box.setChecked(False)

    # revert Germany's wording of T6: a new version, the others' proposals stay
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    germany = next(i for i in review.change_items() if i.text(1) == "Germany"
                   and i.parent().parent().text(0).startswith("Target 6"))
    review.tree.clearSelection()
    germany.setSelected(True)
    assert review.revert_button.isEnabled()
    assert review.revert_selected()
    t6 = secretariat.text("T6")
    assert "ecosystem-based management" not in t6 and "[Option 1 (Australia; Kenya)" in t6
    assert secretariat.conflicts() == "4 unresolved conflicts"  # T6 still has two options
    secretariat.window.document.undo()
    assert "ecosystem-based management" in secretariat.text("T6")


def test_review_since_a_day_and_the_first_version(secretariat: Desk) -> None:
    from datetime import date

    review = secretariat.panels.review
    secretariat.panels.show_review()
    review.set_baseline(day=date(2999, 1, 1))
    assert review.day_edit.isVisible() and review.tree.topLevelItemCount() == 0
    review.set_baseline(day=date(2000, 1, 1))
    review.own_box.setChecked(True)  # the Secretariat's own template is new since then
    assert review.tree.topLevelItemCount() > 30
    review.own_box.setChecked(False)
    review.set_baseline()
    assert review.baseline_box.currentText() == "the first version of the plan"
    assert review.summary.text().startswith("15 change(s) from 4 Party(ies)")


# -- resolving --------------------------------------------------------------------------------


def test_each_way_of_settling_lowers_the_count_and_travels(
        qtbot: QtBot, secretariat: Desk, consultation: Round, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    resolve = secretariat.panels.resolve
    secretariat.panels.show_resolve()
    assert [resolve.list.item(i).text() for i in range(resolve.list.count())] == [
        "T1  Awareness of the values of migratory species — text (2 proposals)",
        "T4  Harmful incentives reformed — text (2 proposals)",
        "T6  Fisheries and hunting — text (3 proposals)",
        "T11  Ecosystem services from migratory species — status (2 proposals)"]
    assert secretariat.conflicts() == "4 unresolved conflicts"

    # T6: the common text, then each option marked against it, with its proposers
    resolve.list.setCurrentRow(2)
    assert resolve.common is not None
    common = resolve.common.body.toPlainText()
    assert T6_FIRST in common and "sustainable, monitored" in common  # clean edit: agreed
    headers = [c.header.text() for c in resolve.cards]
    assert headers == ["<b>Option 1</b> — proposed by <b>Germany</b>",
                       "<b>Option 2</b> — proposed by <b>Australia; Kenya</b>",
                       "<b>Option 3</b> — proposed by <b>Brazil</b>"]
    # only what is Brazil's own is marked, not Australia's edit that merged cleanly
    assert marked(resolve.cards[2].body) == {"insert": "", "delete": "and hunting "}
    assert marked(resolve.cards[0].body)["insert"] == "2020, routes, in line with " \
        "ecosystem-based management. "
    assert resolve.cards[1].header.toolTip().startswith("Liam Walker (Australia, Oceania")

    # choose one (T1: Kenya's)
    resolve.list.setCurrentRow(0)
    kenya = next(c for c in resolve.cards if "Kenya" in c.header.text())
    kenya.button.click()
    assert secretariat.conflicts() == "3 unresolved conflicts"
    assert secretariat.text("T1").startswith("By 2020, people in all range States")
    # undo shows the options again (the conflict itself stays settled), redo the choice
    secretariat.window.document.undo()
    assert secretariat.text("T1").startswith("[Option 1 (Germany)")
    secretariat.window.document.redo()
    assert secretariat.text("T1").startswith("By 2020, people in all range States")

    # edit a combined text (T4, now first in the list)
    assert resolve.current().label == "T4"
    resolve.edit_button.click()
    assert resolve.combined_row.isVisible()
    assert resolve.combined.toPlainText().startswith("[Option 1 (Germany)")
    combined = ("By 2023, incentives, including subsidies, that are harmful to migratory "
                "species are identified and eliminated or reformed. Positive incentives for "
                "conservation are developed and applied.")
    resolve.combined.setPlainText(combined)
    resolve.save_combined_button.click()
    assert secretariat.conflicts() == "2 unresolved conflicts"
    assert secretariat.text("T4") == combined

    # keep the options in brackets (T6)
    assert resolve.current().label == "T6"
    resolve.keep_button.click()
    assert secretariat.conflicts() == "1 unresolved conflict"
    assert secretariat.text("T6").startswith("[Option 1 (Germany): By 2020")

    # leave the status for later: nothing changes
    assert resolve.current().label == "T11" and not resolve.keep_button.isEnabled()
    resolve.leave_for_later()
    assert secretariat.conflicts() == "1 unresolved conflict"
    assert resolve.list.item(0).text().endswith("— later")

    # the next bundle carries the resolutions: a third installation gets them
    out = tmp_path / "draft2.cmsb"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    monkeypatch.setattr(ExportBundleDialog, "exec",
                        lambda d: (bundle_built(qtbot, d), d.save_button.click(), 1)[2])
    secretariat.panels.export_bundle_action.trigger()
    third = Store.open(tmp_path / "third.db")
    third.set_profile(Profile("New delegate", "Chile", "Central and South America and the "
                              "Caribbean", "delegate"))
    import_bundle(third, out)
    for label in ("T1", "T4", "T6"):
        assert view(third, node_id(third, consultation.plan_id, label)).fields["text"] \
            == secretariat.text(label)
    with third.session() as s:
        assert [c.label for c in queries.conflicts(s, consultation.plan_id)] == ["T11"]
    third.close()


def test_settling_a_status_and_an_empty_combined_text(secretariat: Desk, shown: list[str]) -> None:
    resolve = secretariat.panels.resolve
    secretariat.panels.show_resolve()
    resolve.list.setCurrentRow(0)
    resolve.edit_button.click()
    resolve.combined.setPlainText("   ")
    assert resolve.save_combined() is None and "combined text is empty" in shown[-1]
    resolve.list.setCurrentRow(3)
    assert [c.body.toPlainText() for c in resolve.cards] == ["agreed", "proposed"]
    assert resolve.common is None and not resolve.edit_button.isEnabled()
    resolve.cards[1].button.click()
    assert secretariat.text("T11", "status") == "proposed"
    assert secretariat.conflicts() == "3 unresolved conflicts"


# -- history and named drafts -----------------------------------------------------------------


def test_history_of_a_field_compare_and_restore(qtbot: QtBot, secretariat: Desk) -> None:
    t10 = node_id(secretariat.store, secretariat.plan_id, "T10")
    secretariat.window.outline.select(t10)
    secretariat.panels.show_history()
    history = secretariat.panels.history
    assert history.field() == "text" and "Target 10" in history.heading.text()
    parties = [history.list.topLevelItem(i).text(2) for i in range(history.list.topLevelItemCount())]
    assert parties == ["UNEP/CMS Secretariat", "Kenya", "Germany"]
    history.list.topLevelItem(1).setSelected(True)  # what Kenya changed
    assert "What Kenya changed" in history.diff.toPlainText()
    assert marked(history.diff) == {"insert": "species, including stopover sites, ",
                                    "delete": "species "}
    history.list.topLevelItem(2).setSelected(True)  # Kenya's version against Germany's
    assert "From the version of Kenya" in history.diff.toPlainText()
    assert not history.restore_button.isEnabled()  # two versions selected
    history.list.clearSelection()
    history.list.topLevelItem(0).setSelected(True)
    original = history.versions[0].value
    assert history.restore_button.isEnabled()
    history.restore_button.click()
    assert secretariat.text("T10") == original
    assert history.list.topLevelItemCount() == 4  # restored as a new version
    assert not history.restore_button.isEnabled() or history.list.selectedItems() == []
    secretariat.window.document.undo()
    assert "stopover sites" in secretariat.text("T10")


def test_named_drafts_mark_compare_and_send_to_everyone(
        qtbot: QtBot, secretariat: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    panels = secretariat.panels
    drafts = panels.drafts
    panels.show_drafts()
    assert drafts.list.topLevelItem(0).text(0) == DRAFT and drafts.list.topLevelItem(0).text(1) \
        == SYMBOL
    labels = {d.label for d in drafts.differences}
    assert {"T1", "T4", "T6", "T10", "T11"} <= labels
    assert "including stopover sites" in marked(drafts.comparison)["insert"]
    assert drafts.summary.text().startswith(f"Compared with {DRAFT} (2014-04-01): ")

    def fill_in(name: str) -> Any:
        def run(dialog: MarkDraftDialog) -> int:
            dialog.name.setText(name)
            dialog.symbol.setText("UNEP/CMS/StC43/Doc.2")
            dialog.accept()
            return dialog.result()
        return run

    monkeypatch.setattr(MarkDraftDialog, "exec", fill_in("Consultation draft 2"))
    info = drafts.mark()
    assert info is not None and info.symbol == "UNEP/CMS/StC43/Doc.2"
    assert drafts.list.topLevelItemCount() == 2
    assert drafts.chosen().name == "Consultation draft 2" and drafts.differences == []
    assert drafts.summary.text().startswith("The text is as it was in Consultation draft 2")
    PlanEditor(secretariat.store, secretariat.plan_id).set_field(
        node_id(secretariat.store, secretariat.plan_id, "T2"), "note", "Added after draft 2.")
    secretariat.window.hub.reloaded.emit()
    assert [(d.label, d.field) for d in drafts.differences] == [("T2", "note")]
    drafts.node_only.setChecked(True)  # the editor shows T1: nothing changed there since
    assert drafts.differences == []

    errors: list[str] = []
    monkeypatch.setattr(MarkDraftDialog, "exec",
                        lambda d: (fill_in(DRAFT)(d), errors.append(d.error.text()))[0])
    assert drafts.mark() is None and "exists already" in errors[0]

    made: list[ExportBundleDialog] = []
    monkeypatch.setattr(ExportBundleDialog, "exec", lambda d: made.append(d) or 0)
    drafts.export_button.click()
    (dialog,) = made
    assert dialog.recipient.count() == 1  # everyone only
    bundle_built(qtbot, dialog)
    assert dialog.explanation.text().startswith("A full draft: the whole plan as it stands")


# -- exporting --------------------------------------------------------------------------------


def bundle_built(qtbot: QtBot, dialog: ExportBundleDialog) -> None:
    """The dialog builds the bundle in the background: wait until it says what it holds."""
    qtbot.waitUntil(lambda: not dialog.builder.busy)


def test_export_bundle_dialog_says_what_the_file_holds_and_its_size(
        qtbot: QtBot, secretariat: Desk, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = ExportBundleDialog(secretariat.window.document, secretariat.window)
    qtbot.addWidget(dialog)
    assert dialog.explanation.text() == "Working out what the file will hold…"
    assert not dialog.save_button.isEnabled()
    bundle_built(qtbot, dialog)
    names = [dialog.recipient.itemText(i) for i in range(dialog.recipient.count())]
    assert names == ["Everyone (a full draft, for distribution)",
                     "Australia — Liam Walker, Oceania",
                     "Brazil — João Silva, Central and South America and the Caribbean",
                     "Germany — Anna Schmidt, Europe", "Kenya — Wanjiru Mwangi, Africa"]
    everyone = dialog.built
    assert everyone is not None and everyone.full
    assert dialog.explanation.text().startswith("A full draft: the whole plan as it stands "
                                                f"here ({everyone.changes} changes)")
    assert dialog.size_label.text() == f"Size: {size_text(everyone.size)}"
    dialog.choose("Kenya")
    bundle_built(qtbot, dialog)
    kenya = dialog.built
    assert kenya is not None and not kenya.full and 0 < kenya.changes < everyone.changes
    assert dialog.explanation.text().startswith(f"Only what Kenya lacks: {kenya.changes} "
                                                "change(s)")
    assert kenya.size < everyone.size
    out = tmp_path / "for-kenya"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    assert dialog.save() == tmp_path / "for-kenya.cmsb"
    assert (tmp_path / "for-kenya.cmsb").stat().st_size == kenya.size  # as announced
    dialog2 = ExportBundleDialog(secretariat.window.document, secretariat.window)
    qtbot.addWidget(dialog2)
    dialog2.choose("Kenya")  # Kenya is now counted as holding what was sent
    bundle_built(qtbot, dialog2)
    assert dialog2.explanation.text() == ("Kenya is known to hold everything already: the "
                                          "file would carry no change.")


def test_a_delegate_sends_only_what_the_secretariat_lacks(
        qtbot: QtBot, consultation: Round, tmp_path: Path, shown: list[str]) -> None:
    store = open_copy(consultation.delegate_stores["Brazil"], tmp_path)
    desk = Desk(qtbot, store, consultation.plan_id, tmp_path)
    PlanEditor(store, desk.plan_id).set_field(node_id(store, desk.plan_id, "T5"), "note",
                                              "Brazil adds a note.")
    dialog = ExportBundleDialog(desk.window.document, desk.window)
    qtbot.addWidget(dialog)
    dialog.choose("UNEP/CMS Secretariat")
    bundle_built(qtbot, dialog)
    assert dialog.explanation.text().startswith("Only what UNEP/CMS Secretariat lacks: 1 "
                                                "change(s) made or received here")
    assert dialog.built is not None and dialog.built.size < 2048
    store.close()


def test_word_compilation_and_markdown_from_the_file_menu(
        secretariat: Desk, tmp_path: Path, shown: list[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    panels = secretariat.panels
    file_menu = [a.text() for a in secretariat.window.file_menu.actions() if not a.isSeparator()]
    start = file_menu.index("&Import bundles…")
    assert file_menu[start:start + 7] == [
        "&Import bundles…", "Import a &Word reply…", "Record a &letter or e-mail…",
        "&Export bundle…", "Export to &Word…", "Export compilation of &comments…",
        "Export &Markdown…"]
    options: list[DocumentOptionsDialog] = []
    monkeypatch.setattr(DocumentOptionsDialog, "exec", lambda d: options.append(d) or 1)
    target: list[Path] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(target[-1]), ""))
    target.append(tmp_path / "plan.docx")
    panels.export_word_action.trigger()
    with zipfile.ZipFile(target[-1]) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    # Germany's key is not pinned here: its option label is marked (export/wording.py)
    assert "Fisheries and hunting" in xml and "Option 1 (Germany\u2020)" in xml
    target.append(tmp_path / "compilation")
    panels.export_compilation_action.trigger()
    assert options[-1].baseline.currentText() == f"{DRAFT} (2014-04-01)"
    with zipfile.ZipFile(tmp_path / "compilation.docx") as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert "Kenya" in xml and "Brazil cannot accept a reference to hunting" in xml
    target.append(tmp_path / "plan.md")
    panels.export_markdown_action.trigger()
    assert "Fisheries and hunting" in (tmp_path / "plan.md").read_text(encoding="utf-8")
    assert [o.kind for o in options] == ["docx", "compilation", "markdown"]
    # a folder that does not exist: a clear message, nothing written
    target.append(tmp_path / "missing" / "plan.docx")
    panels.export_word_action.trigger()
    assert "cannot write" in shown[-1] and "folder does not exist" in shown[-1]


def test_draft_details_and_word_presentations_from_the_window(
        secretariat: Desk, tmp_path: Path, shown: list[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    drafts = secretariat.panels.drafts
    secretariat.panels.show_drafts()
    assert drafts.chosen().name == DRAFT and drafts.edit_button.isEnabled()

    def details(deadline: str) -> Any:
        def run(dialog: MarkDraftDialog) -> int:
            assert dialog.name.text() == DRAFT and dialog.symbol.text() == SYMBOL
            edits = dialog.meta_edits
            edits["meeting"].setText("Meeting of the Standing Committee")
            edits["meeting_number"].setText("43")
            edits["agenda_item"].setText("12")
            edits["deadline"].setText(deadline)
            edits["languages"]["fr"].setChecked(True)
            dialog.accept()
            errors.append(dialog.error.text() if dialog.error.isVisibleTo(dialog) else "")
            return dialog.result()
        return run

    errors: list[str] = []
    monkeypatch.setattr(MarkDraftDialog, "exec", details("soon"))
    assert drafts.edit() is None and "'soon' is not a date" in errors[-1]
    assert drafts.chosen().document.agenda_item == ""  # nothing written
    monkeypatch.setattr(MarkDraftDialog, "exec", details("2014-05-01"))
    info = drafts.edit()
    assert info is not None and info.document.agenda_item == "12"
    assert info.document.languages == ("fr",) and info.document.deadline == "2014-05-01"

    dialogs: list[DocumentOptionsDialog] = []

    def choose_negotiation(dialog: DocumentOptionsDialog) -> int:
        dialogs.append(dialog)
        if len(dialogs) == 1:
            dialog.draft.setCurrentIndex(dialog.draft.findData(info.id))
            dialog.presentation.setCurrentIndex(dialog.presentation.findData("negotiation"))
        return 1

    monkeypatch.setattr(DocumentOptionsDialog, "exec", choose_negotiation)
    out = tmp_path / "negotiation.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    secretariat.panels.export_word_action.trigger()
    assert not dialogs[0].switches["toc"].isChecked()  # the negotiation preset
    assert dialogs[0].date.date().toString("yyyy-MM-dd") == "2014-04-01"  # the draft's date
    import docx

    doc = docx.Document(str(out))
    texts = [p.text for p in doc.paragraphs]
    assert "43rd MEETING OF THE STANDING COMMITTEE" in texts and "Agenda Item 12" in texts
    assert "Contents" not in texts and any(t.startswith("Target 1: ") for t in texts)
    # The next export of that draft starts from what was chosen for it.
    secretariat.panels.export_word_action.trigger()
    second = dialogs[1]
    assert second.presentation.currentData() == "working"  # the plan as it stands
    second.draft.setCurrentIndex(second.draft.findData(info.id))
    assert second.presentation.currentData() == "negotiation"
    assert not second.switches["toc"].isChecked()


def test_the_review_menu_and_panels(qtbot: QtBot, secretariat: Desk) -> None:
    window = secretariat.window
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[-2:] == ["&Review", "&Help"]
    review_menu = secretariat.panels.menu
    assert [a.text() for a in review_menu.actions() if not a.isSeparator()] == [
        "&Import bundles…", "&Review changes received", "Resolve &conflicts",
        "&History of this field", "&Named drafts", "&Mark a named draft…", "&Export bundle…",
        "&Keys and Parties…"]
    assert secretariat.panels.review_action.shortcut().toString() == "Ctrl+Shift+R"
    assert not any(d.isVisible() for d in secretariat.panels.docks())
    secretariat.panels.resolve_action.trigger()
    dock = secretariat.panels.resolve_dock
    assert dock.isVisible()
    qtbot.waitUntil(lambda: dock.height() >= window.height() * 0.4)  # room to compare
    assert window.width() == 1280  # the panels do not widen the window


def test_keys_and_parties_show_which_party_each_key_speaks_for(
        qtbot: QtBot, secretariat: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = secretariat.panels.show_keys()
    qtbot.addWidget(dialog)
    table = dialog.table

    def shown() -> dict[str, tuple[str, str]]:
        return {table.item(i, 0).text(): (table.item(i, 1).text(), table.item(i, 5).text())
                for i in range(table.rowCount())}

    assert shown() == {"UNEP/CMS Secretariat": ("Bert Lenten", "this installation"),
                       **{party: (p.name, "not pinned: not verified")
                          for party, p in DELEGATIONS.items()}}
    assert all(len(table.item(i, 4).text()) == 24 for i in range(table.rowCount()))
    row = next(i for i in range(table.rowCount()) if table.item(i, 0).text() == "Kenya")
    assert not dialog.pin_button.isEnabled()
    table.selectRow(row)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.pin_button.click()
    assert shown()["Kenya"] == ("Wanjiru Mwangi", "pinned for Kenya")
    assert not dialog.accept_button.isEnabled()  # nothing of Kenya's is held


def test_a_regional_position_from_the_conflicts_panel(
        secretariat: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    """The Secretariat records the Africa regional meeting's position on T1: Kenya's option."""
    resolve = secretariat.panels.resolve
    secretariat.panels.show_resolve()
    resolve.list.setCurrentRow(0)
    kenya = next(c for c in resolve.cards if "Kenya" in c.header.text())
    assert kenya.endorse_button is not None
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Africa", True))
    monkeypatch.setattr(QInputDialog, "getText",
                        lambda *a, **k: ("Africa regional meeting, Nairobi", True))
    kenya.endorse_button.click()
    number = kenya.number
    assert f"[Option {number} (Africa): By 2020, people in all range States" in \
        secretariat.text("T1")
    card = next(c for c in resolve.cards if c.number == number)
    assert card.header.text() == (f"<b>Option {number}</b> — position of <b>Africa</b>, "
                                  "proposed by <b>Kenya</b>")
    assert card.endorse_button is not None
    assert card.endorse_button.text() == "Withdraw the position of Africa"
    card.endorse_button.click()
    assert f"[Option {number} (Kenya): By 2020" in secretariat.text("T1")


def test_a_card_of_a_field_with_two_contested_passages_settles_it_as_that_side_wrote_it(
        secretariat: Desk, tmp_path: Path) -> None:
    """The cards of such a field are whole-field alternatives numbered by place; choosing one
    takes that side's text (not the option that happens to bear the card's number)."""
    from ui_support import copy_changes, second_site

    base = "Species are conserved. States cooperate. Threats are reduced. Progress is reported."
    plan_id, node = secretariat.plan_id, node_id(secretariat.store, secretariat.plan_id, "T2")
    PlanEditor(secretariat.store, plan_id).set_field(node, "text", base)
    sides = {"Chile": base.replace("States cooperate.", "All States cooperate.")
             .replace("Progress is reported.", "Progress is published."),
             "Peru": base.replace("States cooperate.", "States act together.")
             .replace("Progress is reported.", "Progress is reported yearly.")}
    others = [second_site(tmp_path, secretariat.store, plan_id, party) for party in sides]
    for other, words in zip(others, sides.values(), strict=True):
        PlanEditor(other, plan_id).set_field(node, "text", words)
    for other in others:
        copy_changes(other, secretariat.store, plan_id)
        other.close()
    secretariat.window.document.reload()
    resolve = secretariat.panels.resolve
    secretariat.panels.show_resolve()
    row = next(i for i in range(resolve.list.count())
               if resolve.list.item(i).text().startswith("T2 "))
    resolve.list.setCurrentRow(row)
    assert len(resolve.cards) == 2
    assert secretariat.text("T2").count("[Option ") == 4
    peru = next(c for c in resolve.cards if "Peru" in c.header.text())
    peru.button.click()
    assert secretariat.text("T2") == sides["Peru"]


def test_a_recorded_reply_is_marked_as_recorded_not_as_unverified(qtbot: QtBot) -> None:
    from cmsdesk.models.review import ReviewItem
    from cmsdesk.ui.review_view import who_html

    item = ReviewItem("c" * 64, "edit", "Wanjiru", "Kenya", "Africa", "delegate",
                      "2014-06-01T10:00:00.000Z", "words", False, False, verified=True,
                      recorded="recorded by the CMS Secretariat from Kenya's Word reply")
    shown = who_html(item)
    assert "recorded by the Secretariat from the Party&#x27;s reply" in shown
    assert "author not verified" not in shown
    assert "recorded by" not in who_html(ReviewItem("c" * 64, "edit", "Ana", "Spain", "", "",
                                                    "2014-06-01T10:00:00.000Z", "w", False,
                                                    False))
