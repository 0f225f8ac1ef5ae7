"""Backups: made under a temporary name and checked, kept by the policy, made only when an
import brings something new, refused on a short disk, restored by one command; alarming
imports said as such with that command."""

from __future__ import annotations

import sqlite3
from collections import namedtuple
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from conftest import open_store

from cmsdesk.cli import main
from cmsdesk.models import backups
from cmsdesk.models.backups import Backup, BackupError, kept, list_backups, make_backup
from cmsdesk.models.commands import PlanEditor, create_plan_from_template
from cmsdesk.models.queries import outline, plans
from cmsdesk.models.store import Store, StoreDamagedError
from cmsdesk.sync.exporter import export_bundle
from cmsdesk.sync.importer import import_bundle, import_bundles


def titles(store: Store) -> list[str]:
    with store.session() as s:
        return [p.title for p in plans(s)]


def live_nodes(store: Store, plan_id: str) -> int:
    with store.session() as s:
        return len(outline(s, plan_id))


@pytest.fixture
def sites(tmp_path: Path) -> tuple[Store, Store, str, Path]:
    """The Secretariat's store with the starter plan, a delegate's empty store, and the full
    bundle of the plan."""
    sec = open_store(tmp_path / "sec.db", "Amina", "UNEP/CMS", "", "secretariat")
    plan_id = create_plan_from_template(sec).created or ""
    export_bundle(sec, plan_id, tmp_path / "full.cmsb", full=True)
    delegate = open_store(tmp_path / "delegate.db")
    yield sec, delegate, plan_id, tmp_path / "full.cmsb"
    sec.close()
    delegate.close()


def test_a_backup_is_checked_renamed_and_leftovers_are_cleaned(store: Store) -> None:
    folder = backups.folder_of(store.path)
    folder.mkdir()
    leftovers = [folder / "store.before-import-20260101-000000-000000.db",  # 0 bytes
                 folder / "store.before-import-20260101-000001-000000.db.part",
                 folder / "store.before-import-20260101-000001-000000.db.part-journal",
                 folder / "store.before-import-20260101-000002-000000.db-journal"]
    for path in leftovers:
        path.write_bytes(b"" if path.suffix == ".db" else b"junk")
    made = store.backup_before("import")
    assert sorted(folder.iterdir()) == [made]
    assert backups.integrity_problem(made) == ""
    assert not Path(f"{made}-wal").exists()  # one self-contained file
    conn = sqlite3.connect(made)
    assert conn.execute("SELECT value FROM meta WHERE key = 'replica_id'").fetchone()[0] \
        == store.replica_id
    conn.close()


def test_a_copy_that_fails_its_check_leaves_no_backup(store: Store,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backups, "integrity_problem", lambda _path: "page 3 is never used")
    with pytest.raises(BackupError, match="failed its check.*nothing was changed"):
        backups.make_backup(store.path, "import")
    with pytest.raises(StoreDamagedError):  # a page-for-page copy is damaged by its source
        store.backup_before("import")
    assert list(backups.folder_of(store.path).iterdir()) == []


def _backup(day: date, hour: int) -> Backup:
    made = datetime(day.year, day.month, day.day, hour, tzinfo=UTC)
    return Backup(Path(f"s.before-import-{made:%Y%m%d-%H}.db"), "import", made, 1)


def test_the_policy_keeps_the_newest_and_the_first_of_each_of_the_last_seven_days() -> None:
    today = date(2026, 12, 5)
    found = [_backup(today - timedelta(days=d), h) for d in range(10) for h in (9, 12, 17)]
    keep = kept(found, today)
    expected = {_backup(today, 17).path} | {_backup(today - timedelta(days=d), 9).path
                                            for d in range(7)}
    assert keep == expected
    # A quiet week later, the newest copy (the state before the last import) still stays.
    assert kept(found, today + timedelta(days=30)) == {_backup(today, 17).path}


def test_many_backups_in_one_day_keep_the_days_first_and_the_last(store: Store) -> None:
    start = datetime(2026, 12, 5, 8, tzinfo=UTC)
    made = [make_backup(store.path, "import", start + timedelta(minutes=i)) for i in range(6)]
    assert [b.path for b in list_backups(store.path)] == [made[0], made[-1]]


def test_an_import_backs_up_only_when_it_brings_something_new(sites) -> None:  # type: ignore[no-untyped-def]
    _sec, delegate, _plan_id, full = sites
    first = import_bundle(delegate, full)
    assert first.backup is not None and first.backup.exists()
    conn = sqlite3.connect(first.backup)  # the state before the import: no plan yet
    assert conn.execute("SELECT count(*) FROM plans").fetchone()[0] == 0
    conn.close()
    again = import_bundles(delegate, [full, full])
    assert [r.report.backup for r in again if r.report] == [None, None]
    assert [b.path for b in list_backups(delegate.path)] == [first.backup]


def test_a_short_disk_refuses_the_import_before_anything_is_written(
        sites, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    _sec, delegate, _plan_id, full = sites
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(backups.shutil, "disk_usage", lambda _p: usage(10**9, 10**9, 2**20))
    before = delegate.path.read_bytes()
    with pytest.raises(BackupError, match=r"^not enough free space on the disk holding the "
                       r"store: about \d+ MB needed .* 1 MB free\. Free some space"):
        import_bundles(delegate, [full])
    assert titles(delegate) == []
    assert delegate.path.read_bytes() == before
    assert list_backups(delegate.path) == []


def test_restoring_a_backup_undoes_the_import_and_can_itself_be_undone(sites) -> None:  # type: ignore[no-untyped-def]
    _sec, delegate, _plan_id, full = sites
    report = import_bundle(delegate, full)
    assert titles(delegate) != []
    replaced = delegate.restore(report.backup)
    assert titles(delegate) == []
    assert delegate.profile.party == "Spain"  # the store's own settings came back too
    again = delegate.restore(replaced)
    assert titles(delegate) != []
    delegate.restore(again)  # back and forth: the backup being restored is never thinned out
    assert titles(delegate) == []
    delegate.restore(replaced)
    assert titles(delegate) != []


def test_a_restore_refuses_what_is_not_a_backup_of_this_version(store: Store,
                                                                tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    conn = sqlite3.connect(junk)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(BackupError, match="not a backup of a cmsdesk store of this version"):
        store.restore(junk)
    with pytest.raises(BackupError, match="no backup .*see 'cmsdesk backups'"):
        store.restore(tmp_path / "missing.db")
    assert list_backups(store.path) == []


def test_an_import_deleting_much_of_the_plan_is_alarming_and_undone_by_the_command_it_shows(
        sites, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    sec, delegate, plan_id, full = sites
    import_bundle(delegate, full)
    delegate_path = delegate.path
    delegate.close()
    total = live_nodes(sec, plan_id)
    editor = PlanEditor(sec, plan_id)
    with sec.session() as s:
        doomed = [row.id for row in outline(s, plan_id) if row.kind == "goal"][:3]
    for node in doomed:  # three goals with their targets: far more than a tenth of the plan
        editor.delete_node(node)
    export_bundle(sec, plan_id, full.with_name("purge.cmsb"), full=True)
    db = ["--db", str(delegate_path)]
    assert main([*db, "bundle", "import", str(full.with_name("purge.cmsb"))]) == 0
    out = capsys.readouterr().out
    assert f"ALARM: purge.cmsb: it deletes {total - live_nodes(sec, plan_id)} of the plan's " \
           f"{total} parts" in out
    undo = out.strip().splitlines()[-1]
    assert undo.startswith("check it before building on it; to undo this import (and anything "
                           "done after it): cmsdesk --db ")
    command = undo.split(": cmsdesk ", 1)[1].split()
    assert main(command) == 0
    assert "restored" in capsys.readouterr().out
    reopened = Store.open(delegate_path)
    try:
        assert live_nodes(reopened, plan_id) == total
    finally:
        reopened.close()


def test_a_small_import_raises_no_alarm(sites) -> None:  # type: ignore[no-untyped-def]
    sec, delegate, plan_id, full = sites
    import_bundle(delegate, full)
    with sec.session() as s:
        chapter = next(row.id for row in outline(s, plan_id) if row.kind == "target")
    PlanEditor(sec, plan_id).delete_node(chapter)
    export_bundle(sec, plan_id, full.with_name("one.cmsb"), full=True)
    assert import_bundle(delegate, full.with_name("one.cmsb")).alarms == []


def test_the_backups_command_lists_and_restores_latest(
        sites, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    _sec, delegate, _plan_id, full = sites
    path = delegate.path
    delegate.close()
    db = ["--db", str(path)]
    assert main([*db, "backups"]) == 0
    assert "no backups of" in capsys.readouterr().out
    assert main([*db, "bundle", "import", str(full)]) == 0
    capsys.readouterr()
    assert main([*db, "backups"]) == 0
    assert "before import" in capsys.readouterr().out
    assert main([*db, "backups", "restore"]) == 1
    assert "name the backup to restore" in capsys.readouterr().err
    assert main([*db, "backups", "restore", "latest"]) == 0
    assert main([*db, "outline"]) != 0  # no plan any more
