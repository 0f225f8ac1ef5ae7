"""Why changes are held in quarantine is stored as a code with its arguments, not as an English
sentence (issue 14): the command line tells it in English, a French or Spanish window in its own
language, and migration 0014 turns the sentences earlier versions stored into codes (and back)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot
from store_support import downgrade
from sync_support import Replicas
from ui_support import make_window

from cmsdesk.cli import main
from cmsdesk.models.commands import PlanEditor
from cmsdesk.models.held_reasons import (
    BUILDS_ON_HELD,
    KEY_OF_OTHER_PARTY,
    LEGACY,
    RECORDING_BY_PARTY_KEY,
    RECORDING_OTHER_KEY,
    SECRETARIAT,
    THIS_INSTALLATION,
    UNREGISTERED_KEY,
    HeldReason,
    english,
)
from cmsdesk.models.identity import Profile
from cmsdesk.models.store import Store
from cmsdesk.sync.exporter import export_bundle
from cmsdesk.sync.format import Sender
from cmsdesk.sync.importer import ImportReport, import_bundle
from cmsdesk.sync.peers import KNOWN_KEY, key_file_json
from cmsdesk.sync.quarantine import HeldCount, list_quarantine
from cmsdesk.sync.signing import fingerprint, public_key_of, signing_key
from cmsdesk.ui.import_flow import FileOutcome, ImportReportDialog
from cmsdesk.ui.keys_view import KeysDialog
from cmsdesk.ui.labels import held_reason_text
from cmsdesk.ui.review_panels import install

KEY, OTHER = "d244 bf29 0e5b 48c2 cc68", "0a1b 2c3d 4e5f 6a7b 8c9d"

# each reason, and the sentence versions before 0014 stored for it
SENTENCES = [
    (HeldReason(UNREGISTERED_KEY, party="Kenya", keys=(KEY, OTHER)),
     f"it claims Kenya, whose registered key is {KEY}, {OTHER}, with a key that is not "
     "registered"),
    (HeldReason(KEY_OF_OTHER_PARTY, party="Brazil", key=KEY, registered_for="Kenya"),
     f"it claims Brazil but its key ({KEY}) is registered for Kenya"),
    (HeldReason(RECORDING_BY_PARTY_KEY, party="Kenya", channel="Word reply", key=KEY,
                registered_for="Spain"),
     f"it claims to be recorded from Kenya's Word reply, but its key ({KEY}) is registered for "
     "Spain: only the Secretariat records for a Party"),
    (HeldReason(RECORDING_OTHER_KEY, party="Côte d'Ivoire", channel="letter", key=KEY,
                recorder=SECRETARIAT, recorder_key=OTHER),
     f"it claims to be recorded from Côte d'Ivoire's letter by the Secretariat, but it is "
     f"signed with another key ({KEY}) than the recorder's ({OTHER})"),
    (HeldReason(RECORDING_OTHER_KEY, channel="Word reply", key=KEY, recorder=THIS_INSTALLATION,
                recorder_key=OTHER),
     f"it claims to be recorded from a Party's Word reply by this installation, but it is "
     f"signed with another key ({KEY}) than the recorder's ({OTHER})"),
    (HeldReason(BUILDS_ON_HELD), "it builds on a change held in quarantine"),
    (HeldReason(LEGACY, text="held for a reason of a future version"),
     "held for a reason of a future version"),
]


@pytest.mark.parametrize(("reason", "sentence"), SENTENCES)
def test_the_command_line_tells_each_reason_as_before(reason: HeldReason, sentence: str) -> None:
    assert english(reason) == sentence
    assert HeldReason.stored(reason.code, reason.args_json()) == reason


def test_a_code_this_version_does_not_know_is_shown_as_its_text() -> None:
    assert HeldReason.stored("future_code", '{"text": "a reason"}') == HeldReason(
        LEGACY, text="a reason")
    assert english(HeldReason.stored("future_code", "not json")) == "future_code"


# English words that may appear in no French reason (Party names, fingerprints aside)
ENGLISH = ("claims", "key", "registered", "recorded", "signed", "with", "the ", "held",
           "change", "Word reply", "letter", "Secretariat", "builds", "Spain",
           "Brazil")


def test_a_french_window_tells_every_reason_in_french(qtbot: QtBot, french_ui: None) -> None:
    for reason, sentence in SENTENCES[:-1]:
        text = held_reason_text(reason)
        assert text and text != sentence
        assert not [w for w in ENGLISH if w in text], text
    assert "Espagne" in held_reason_text(SENTENCES[2][0])  # the Party in the list's French
    assert "Brésil" in held_reason_text(SENTENCES[1][0])


def test_the_french_import_report_shows_the_quarantine_in_french(qtbot: QtBot,
                                                                 french_ui: None) -> None:
    report = ImportReport(
        path=Path("africa.cmsb"), bundle_id="b", plan_id="p", plan_title="Plan",
        sender=Sender("r", "Amina Diallo", "Senegal", "Africa", "focal point", "k"),
        trust=KNOWN_KEY, verified=True, full=False, new_changes=2, already_held=0,
        merged_clean=0, conflicts_created=0,
        quarantined=[HeldCount("Juan", "Spain", 2, SENTENCES[1][0])])
    dialog = ImportReportDialog([FileOutcome(Path("africa.cmsb"), report)])
    qtbot.addWidget(dialog)
    row = dialog.table.topLevelItem(0)
    assert isinstance(row, QTreeWidgetItem)
    line = row.child(0).text(0)
    assert line == (f"Quarantaine : 2 modification(s) de Juan (Espagne) tenue(s) hors du plan : "
                    f"elle se réclame de la Partie Brésil, mais sa clé ({KEY}) est enregistrée "
                    "pour la Partie Kenya")
    assert not [w for w in ENGLISH if w in line], line


@pytest.fixture(scope="module")
def reps(tmp_path_factory: pytest.TempPathFactory) -> Replicas:
    return Replicas(tmp_path_factory.mktemp("reasons"))


def test_the_keys_dialog_tells_in_french_why_a_key_s_changes_are_held(
        qtbot: QtBot, reps: Replicas, make: Callable[..., Store], tmp_path: Path,
        french_ui: None) -> None:
    """Spain's key is pinned at the Secretariat; a second installation claiming Spain sends a
    change: the keys dialog, that installation's row selected, says why it is held, in
    French, as the command line says it in English."""
    secretariat = make("sec", profile=Profile("Amina", "CMS Secretariat", "", "secretariat"))
    spain = make("es", profile=Profile("Ana", "Spain", "Europe", "delegate"))
    key_file = tmp_path / "spain.key"
    key_file.write_text(json.dumps(key_file_json(spain, public_key_of(signing_key(spain)))),
                        encoding="utf-8")
    assert main(["--db", str(secretariat.path), "keys", "pin", str(key_file)]) == 0
    impostor = make("fake", profile=Profile("Juan", "Spain", "Europe", "delegate"))
    PlanEditor(impostor, reps.plan_id).set_field(reps.targets[0], "text", "Spain says so.")
    export_bundle(impostor, reps.plan_id, tmp_path / "fake.cmsb")
    assert import_bundle(secretariat, tmp_path / "fake.cmsb").quarantined
    window = make_window(qtbot, secretariat, reps.plan_id, tmp_path / "window")
    dialog = KeysDialog(window.document, window)
    qtbot.addWidget(dialog)
    row = next(i for i, r in enumerate(dialog.rows) if r.replica == impostor.replica_id)
    dialog.table.selectRow(row)
    spain_key = fingerprint(public_key_of(signing_key(spain)))
    assert dialog.reason.text() == (
        "Retenue(s) parce qu'elle se réclame de la Partie Espagne, dont la clé enregistrée est "
        f"{spain_key}, avec une clé qui n'est pas enregistrée.")
    assert dialog.table.item(row, 6).toolTip() == dialog.reason.text()
    dialog.table.selectRow(0)  # this installation: nothing held
    assert dialog.reason.isHidden()
    # the review panel says how many changes are held and why, in French too
    panels = install(window)
    panels.show_review()
    qtbot.waitUntil(lambda: "quarantaine" in panels.review.summary.text())
    summary = panels.review.summary.text()
    assert "1 modification(s) en quarantaine" in summary
    assert f"Motif : elle se réclame de la Partie Espagne, dont la clé enregistrée est " \
        f"{spain_key}" in summary
    assert "cmsdesk" not in summary and "claims" not in summary
    window.close()


# -- migration 0014 ---------------------------------------------------------------------------

def _reasons(path: Path) -> dict[str, str]:
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute("SELECT change_id, reason FROM quarantine ORDER BY change_id"))
    finally:
        conn.close()


def test_migration_0014_turns_stored_sentences_into_codes_and_back(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    Store.open(path).close()
    downgrade(path, "0013")
    conn = sqlite3.connect(path)
    with conn:
        conn.executemany(
            "INSERT INTO quarantine (change_id, plan_id, replica, seq, version_id, body, "
            "signature, party, reason, origin, status) VALUES (?, 'p', ?, 1, ?, ?, '', ?, ?, "
            "'b', 'held')",
            [(f"{i:064x}", f"{i:032x}", f"{i:064x}",
              json.dumps({"author": {"name": f"Author {i}"}}), r.party, sentence)
             for i, (r, sentence) in enumerate(SENTENCES)])
    conn.close()
    old = _reasons(path)

    with Store.open(path) as store:  # migrated to the codes
        held = {g.name: g.reason for g in list_quarantine(store)}
    assert held == {f"Author {i}": r for i, (r, _sentence) in enumerate(SENTENCES)}
    assert set(_reasons(path).values()) == {r.code for r, _sentence in SENTENCES}

    downgrade(path, "0013")  # and back: the sentences as they were
    assert _reasons(path) == old
    conn = sqlite3.connect(path)
    try:
        assert "reason_args" not in {r[1] for r in conn.execute("PRAGMA table_info(quarantine)")}
    finally:
        conn.close()
