"""The window's import report (issue 14): it says how far each author of a forwarded bundle is
known and when an option a delegate printed has another number now, in the interface's
language throughout, never the command line's English inside a French dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot
from sync_support import Replicas, text_of
from ui_support import make_window, silence_dialogs

from cmsdesk.models.changelog import Key
from cmsdesk.models.commands import PlanEditor
from cmsdesk.models.identity import Profile
from cmsdesk.models.option_numbers import MovedNumber
from cmsdesk.sync.authorship import AUTHOR_NEW, AUTHOR_PINNED, AUTHOR_RECORDED
from cmsdesk.sync.exporter import export_bundle
from cmsdesk.sync.format import Sender
from cmsdesk.sync.importer import AuthorStatus, ImportReport, import_bundle
from cmsdesk.sync.peers import KNOWN_KEY
from cmsdesk.ui.import_flow import FileOutcome, ImportReportDialog
from cmsdesk.ui.review_panels import install


def _forwarded_report() -> ImportReport:
    """Africa's focal point forwards Kenya's wording (key pinned here), Senegal's (a key never
    seen) and a Word reply the Secretariat recorded from Ghana."""
    return ImportReport(
        path=Path("africa.cmsb"), bundle_id="b", plan_id="p", plan_title="Plan",
        sender=Sender("r", "Amina Diallo", "Senegal", "Africa", "focal point", "k"),
        trust=KNOWN_KEY, verified=True, full=False, new_changes=3, already_held=0,
        merged_clean=1, conflicts_created=1,
        authors=[AuthorStatus("Wanjiru", "Kenya", AUTHOR_PINNED),
                 AuthorStatus("Moussa", "Senegal", AUTHOR_NEW),
                 AuthorStatus("Ghana", "", AUTHOR_RECORDED)])


def _children(dialog: ImportReportDialog) -> list[str]:
    row = dialog.table.topLevelItem(0)
    assert isinstance(row, QTreeWidgetItem)
    return [row.child(i).text(0) for i in range(row.childCount())]


def test_the_report_names_each_author_and_how_far_known_in_french(
        qtbot: QtBot, french_ui: None) -> None:
    dialog = ImportReportDialog([FileOutcome(Path("africa.cmsb"), _forwarded_report())])
    qtbot.addWidget(dialog)
    row = dialog.table.topLevelItem(0)
    assert row.text(2) == "vérifié (clé connue)"
    assert _children(dialog) == [
        "Wanjiru (Kenya) : vérifié (clé épinglée)",
        "Moussa (Sénégal) : NON vérifié (clé jamais vue)",  # the Party as the list names it
        "Ghana : vérifié (enregistré par le Secrétariat d'après la réponse de la Partie)"]
    text = " ".join([row.text(2), *_children(dialog)])
    for english in ("key", "verified", "recorded by"):
        assert english not in text
    # each line spans the table, so it is read whole, not cut at the narrow "From" column
    assert all(row.child(i).isFirstColumnSpanned() for i in range(row.childCount()))
    # nothing alarming: the report offers no undo
    dialog.show()
    assert dialog.undo_button.isHidden()


def test_an_option_whose_printed_number_moved_is_told_in_the_report(
        qtbot: QtBot, french_ui: None) -> None:
    moved = MovedNumber(Key("node", "n1", "text"), printed=1, now=3, text="Range States act.")
    dialog = ImportReportDialog([FileOutcome(Path("africa.cmsb"), _forwarded_report())],
                                moved=[("T1", moved)])
    qtbot.addWidget(dialog)
    assert not dialog.moved.isHidden()
    note = dialog.moved.text()
    assert "T1" in note and "Option 1" in note and "Option 3" in note
    assert "numérot" in note and "printed" not in note
    quiet = ImportReportDialog([FileOutcome(Path("africa.cmsb"), _forwarded_report())])
    qtbot.addWidget(quiet)
    assert quiet.moved.isHidden()


def test_the_window_tells_a_delegate_whose_printed_option_number_moved(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Chile and Brazil print the same conflict at the same time, each with another wording
    as Option 1; when one imports the other's bundle in the window, the one whose number moved
    reads it in the import report (the command line's NOTE, in the window)."""
    silence_dialogs(monkeypatch)
    seen: list[ImportReportDialog] = []
    monkeypatch.setattr(ImportReportDialog, "exec", lambda d: seen.append(d) or 0)
    reps = Replicas(tmp_path / "r")
    first = {}
    for name, words in (("Kenya", "work together"), ("Spain", "act"), ("Peru", "agree")):
        delegate = reps.new_store(name, profile=Profile(name, name, "", "delegate"))
        text = text_of(delegate, reps.targets[0])
        PlanEditor(delegate, reps.plan_id).set_field(
            reps.targets[0], "text", text.replace("cooperate", words, 1))
        first[name] = tmp_path / f"{name}.cmsb"
        export_bundle(delegate, reps.plan_id, first[name])
        delegate.close()
    sites = {}
    for name, seen_parties in (("Chile", ("Kenya", "Spain")), ("Brazil", ("Kenya", "Peru"))):
        site = reps.new_store(name, profile=Profile(name, name, "", "delegate"))
        for party in seen_parties:
            import_bundle(site, first[party])
        PlanEditor(site, reps.plan_id).number_options()  # what printing a document records
        export_bundle(site, reps.plan_id, tmp_path / f"{name}.cmsb")
        sites[name] = site
    notes = {}
    for name, other in (("Chile", "Brazil"), ("Brazil", "Chile")):
        window = make_window(qtbot, sites[name], reps.plan_id, tmp_path / name)
        panels = install(window)
        panels.import_flow.import_files([tmp_path / f"{other}.cmsb"])
        dialog = seen[-1]
        notes[name] = dialog.moved.text() if not dialog.moved.isHidden() else ""
        window.close()
    moved = [name for name, note in notes.items() if note]
    assert len(moved) == 1, notes  # exactly one of the two numberings gave way
    assert "the option you printed as Option 1 is now Option 3" in notes[moved[0]]
    assert "T1" in notes[moved[0]]
    for site in sites.values():
        site.close()
