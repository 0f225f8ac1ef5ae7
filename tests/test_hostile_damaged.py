"""A damaged store (issue 13): found by the quick check on open, in the CLI and the window; its
latest good backup is offered (the CLI names it and the one command that restores it, the
window has a button), and restoring keeps the damaged file beside it, renamed, never deleted."""

from __future__ import annotations

import shlex
import sqlite3
from pathlib import Path

import pytest
from cli_support import run
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from cmsdesk.cli import main
from cmsdesk.clicmd.common import Context
from cmsdesk.models import backups
from cmsdesk.ui import app as app_module


@pytest.fixture
def store_file(db: str) -> Path:
    """The conftest's store (the starter plan, through the CLI), as a path."""
    return Path(db)


def quick_check_fails(path: Path) -> bool:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA quick_check").fetchall() != [("ok",)]
    except sqlite3.DatabaseError:
        return True
    finally:
        conn.close()


def damage(path: Path) -> bytes:
    """Overwrite one page of the store that SQLite's quick check then finds broken; the
    damaged bytes."""
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    pristine = path.read_bytes()
    for page in range(pages, 1, -1):
        path.write_bytes(pristine)
        with path.open("r+b") as fh:
            fh.seek((page - 1) * 4096)
            fh.write(bytes((i * 7 + 13) % 256 for i in range(4096)))
        if quick_check_fails(path):
            return path.read_bytes()
    raise AssertionError("no page whose damage the quick check finds")


def with_backup_then_more_work(store_file: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A backup taken before an import, then a change the backup does not hold."""
    backup = backups.make_backup(store_file, "import")
    assert main(["--db", str(store_file), "set", "T1", "text", "--text", "After the backup."]) == 0
    capsys.readouterr()
    return backup


def test_the_cli_names_the_latest_good_backup_and_its_command_which_restores_it(
        store_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    backup = with_backup_then_more_work(store_file, capsys)
    damaged = damage(store_file)
    code, out, err = run(capsys, "--db", str(store_file), "outline")
    assert code == 1 and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert "damaged" in err and backup.name in err and "nothing was changed" in err
    command = err.split("restore it with: ", 1)[1].split(" (the damaged file")[0]
    argv = shlex.split(command)
    assert argv[:1] == ["cmsdesk"] and argv[-3:-1] == ["backups", "restore"]
    assert store_file.read_bytes() == damaged  # the refusal wrote nothing
    code, out, err = run(capsys, *argv[1:])
    assert code == 0, err
    kept = [p for p in store_file.parent.iterdir() if ".damaged-" in p.name and p.suffix == ".db"]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged  # kept aside, not deleted
    assert kept[0].name in out
    assert not quick_check_fails(store_file)
    code, out, err = run(capsys, "--db", str(store_file), "show", "T1")
    assert code == 0 and "After the backup." not in out  # the state of the backup


def test_the_newest_backup_damaged_too_the_one_before_is_offered(
        store_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    older = backups.make_backup(store_file, "import")
    assert main(["--db", str(store_file), "set", "T1", "text", "--text", "Second."]) == 0
    newer = backups.make_backup(store_file, "restore")
    damage(newer)
    damage(store_file)
    capsys.readouterr()
    code, out, err = run(capsys, "--db", str(store_file), "set", "T1", "text", "--text", "x")
    assert code == 1 and older.name in err and newer.name not in err
    code, out, err = run(capsys, "--db", str(store_file), "backups", "restore", "latest")
    assert code == 0 and older.name in out


def test_no_good_backup_says_what_to_do_instead(store_file: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    damaged = damage(store_file)
    code, out, err = run(capsys, "--db", str(store_file), "outline")
    assert code == 1 and "no good backup" in err and "init" in err
    code, out, err = run(capsys, "--db", str(store_file), "backups", "restore", "latest")
    assert code == 1 and "no good backup" in err
    assert store_file.read_bytes() == damaged


def test_a_damaged_backup_is_refused_and_the_store_stays(
        store_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = backups.make_backup(store_file, "import")
    damage(bad)
    damaged = damage(store_file)
    code, out, err = run(capsys, "--db", str(store_file), "backups", "restore", str(bad))
    assert code == 1 and "not a good backup" in err and len(err.strip().splitlines()) == 1
    assert store_file.read_bytes() == damaged
    assert not [p for p in store_file.parent.iterdir() if ".damaged-" in p.name]


def test_damage_found_during_an_import_names_the_backup_too(
        store_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The store passed its check on open, but the copy made before the import fails its own
    (a page-for-page copy is damaged only by its source): refused as a damaged store, with the
    latest good backup and its command; nothing imported."""
    good = with_backup_then_more_work(store_file, capsys)
    other = tmp_path / "other.db"
    for args in (["identity", "--name", "Ana", "--party", "Spain", "--region", "Europe",
                  "--role", "delegate"], ["init"], ["bundle", "export", "--full",
                                                    str(tmp_path / "plan.cmsb")]):
        assert main(["--db", str(other), *args]) == 0
    capsys.readouterr()
    real = backups.integrity_problem
    monkeypatch.setattr(backups, "integrity_problem", lambda path: "page 9: btree broken"
                        if path.name.endswith(backups.PART) else real(path))
    code, out, err = run(capsys, "--db", str(store_file), "bundle", "import",
                         str(tmp_path / "plan.cmsb"))
    assert code == 1 and "damaged" in err and good.name in err and "backups restore" in err
    assert len(err.strip().splitlines()) == 1


def click_when_shown(button_text: str) -> None:
    """Click the button of the next modal message box (once it is shown)."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        for button in box.buttons():
            if button.text().replace("&", "") == button_text:
                button.click()
                return
        raise AssertionError([b.text() for b in box.buttons()])

    QTimer.singleShot(0, click)


def context(store_file: Path) -> Context:
    from cmsdesk.cli import parse

    return Context(parse(["--db", str(store_file)]))


def test_the_window_offers_the_backup_with_a_button_and_opens_it(
        store_file: Path, capsys: pytest.CaptureFixture[str], qtbot: QtBot) -> None:
    with_backup_then_more_work(store_file, capsys)
    damaged = damage(store_file)
    ctx = context(store_file)
    click_when_shown("Restore the backup")
    store = app_module.open_store(ctx)
    try:
        assert store is not None and store.path == store_file.resolve()
    finally:
        ctx.close()
    kept = [p for p in store_file.parent.iterdir() if ".damaged-" in p.name and p.suffix == ".db"]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged


def test_the_window_quits_without_touching_the_damaged_store(
        store_file: Path, capsys: pytest.CaptureFixture[str], qtbot: QtBot) -> None:
    with_backup_then_more_work(store_file, capsys)
    damaged = damage(store_file)
    ctx = context(store_file)
    click_when_shown("Quit")
    assert app_module.open_store(ctx) is None
    assert store_file.read_bytes() == damaged
    assert not [p for p in store_file.parent.iterdir() if ".damaged-" in p.name]
