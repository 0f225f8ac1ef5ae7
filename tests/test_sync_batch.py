"""A batch import checks each file against the store and the files accepted before it, and
appends their changes together (cmsdesk.sync.pending): a file that builds on an earlier file of
the same batch goes in, one that builds on a refused file is refused, as file by file."""

from __future__ import annotations

from pathlib import Path

import pytest
from sync_support import Replicas, change_set, state, text_of

from cmsdesk.models.commands import PlanEditor
from cmsdesk.models.store import Store
from cmsdesk.sync.exporter import export_bundle
from cmsdesk.sync.importer import import_bundle, import_bundles


@pytest.fixture(scope="module")
def reps(tmp_path_factory: pytest.TempPathFactory) -> Replicas:
    return Replicas(tmp_path_factory.mktemp("batch"))


def two_deltas(reps: Replicas, folder: Path) -> tuple[list[Path], str]:
    """Two successive delta bundles of one delegate: the second's change is a patch of the
    first's version of the same text. Returns them and the delegate's final text."""
    kenya = reps.new_store("Kenya")
    editor = PlanEditor(kenya, reps.plan_id)
    out = []
    for i, words in enumerate(("Kenya proposes a first wording.",
                               "Kenya proposes a first wording. And a second sentence.")):
        editor.set_field(reps.targets[0], "text", words)
        out.append(folder / f"kenya-{i + 1}.cmsb")
        export_bundle(kenya, reps.plan_id, out[-1], to_peer="UNEP/CMS")
    final = text_of(kenya, reps.targets[0])
    kenya.close()
    return out, final


def test_a_file_building_on_an_earlier_file_of_the_batch_goes_in(reps: Replicas,
                                                                  tmp_path: Path) -> None:
    (first, second), final = two_deltas(reps, tmp_path)
    batch, single = reps.new_store("sec"), reps.new_store("sec2")
    try:
        results = import_bundles(batch, [first, second, first])
        assert [r.ok for r in results] == [True, True, True]
        reports = [r.report for r in results if r.report is not None]
        assert [(r.new_changes, r.already_held) for r in reports] == [(1, 0), (1, 0), (0, 1)]
        assert text_of(batch, reps.targets[0]) == final
        for path in (first, second):
            import_bundle(single, path)
        assert change_set(batch, reps.plan_id) == change_set(single, reps.plan_id)
        assert state(batch, reps.plan_id) == state(single, reps.plan_id)
    finally:
        batch.close()
        single.close()


def test_a_file_building_on_a_refused_file_of_the_batch_is_refused(reps: Replicas,
                                                                    tmp_path: Path) -> None:
    (first, second), _final = two_deltas(reps, tmp_path)
    damaged = tmp_path / "damaged.cmsb"
    damaged.write_bytes(first.read_bytes()[:-40])
    sec = reps.new_store("sec")
    try:
        before = change_set(sec, reps.plan_id)
        results = import_bundles(sec, [damaged, second])
        assert not results[0].ok and not results[1].ok
        assert "builds on 1 change(s) by Kenya" in (results[1].error or "")
        assert change_set(sec, reps.plan_id) == before
        # in the other order, the second file waits for nothing the batch does not bring
        results = import_bundles(sec, [second, first])
        assert [r.ok for r in results] == [False, True]
        assert "builds on 1 change(s) by Kenya" in (results[0].error or "")
    finally:
        sec.close()


def test_a_batch_of_one_sender_twice_equals_its_files_one_by_one(reps: Replicas,
                                                                 tmp_path: Path) -> None:
    (first, second), _final = two_deltas(reps, tmp_path)
    batch: Store = reps.new_store("sec")
    try:
        results = import_bundles(batch, [second, first, second])
        assert [r.ok for r in results] == [False, True, True]
        report = results[2].report
        assert report is not None and report.new_changes == 1 and report.verified
    finally:
        batch.close()


def round_of_deltas(reps: Replicas, folder: Path, delegates: int) -> list[Path]:
    """Each delegate edits two targets concurrently with the others, in two successive delta
    bundles (the second patches its own first version): files that build on earlier files of
    the batch, and fields with many heads."""
    out = []
    for d in range(delegates):
        store = reps.new_store(f"Delegate {d}")
        editor = PlanEditor(store, reps.plan_id)
        for step in range(2):
            editor.set_field(reps.targets[d % 2], "text",
                             f"Delegate {d} proposes wording {step}. It is clear.")
            out.append(folder / f"d{d}-{step}.cmsb")
            export_bundle(store, reps.plan_id, out[-1], to_peer="UNEP/CMS")
        store.close()
    return out


def test_files_read_ahead_in_small_windows_import_as_one_by_one(
        reps: Replicas, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading the files ahead, and asking the store for a window of them at once, changes
    nothing a check finds: windows of two files appended every three changes, with a damaged
    file and files that build on earlier ones, give the same reports, change log and state as
    importing the files one by one."""
    import cmsdesk.sync.pending as pending
    import cmsdesk.sync.window as window

    files = round_of_deltas(reps, tmp_path, 4)
    damaged = tmp_path / "damaged.cmsb"
    damaged.write_bytes(files[2].read_bytes()[:-40])
    order = [files[0], files[2], damaged, files[1], files[3], files[4], files[0], files[5],
             files[6], files[7]]
    monkeypatch.setattr(window, "WINDOW_FILES", 2)
    monkeypatch.setattr(pending, "FLUSH_AT", 3)
    batch, single = reps.new_store("sec"), reps.new_store("sec2")
    try:
        results = import_bundles(batch, order)
        singles = []
        for path in order:
            try:
                singles.append(import_bundle(single, path))
            except Exception as exc:  # noqa: BLE001 - the refusal is compared below
                singles.append(exc)
        assert [r.ok for r in results] == [not isinstance(s, Exception) for s in singles]
        assert [r.error for r in results if not r.ok] == [str(s) for s in singles
                                                          if isinstance(s, Exception)]
        assert [(r.report.new_changes, r.report.already_held) for r in results if r.report] \
            == [(s.new_changes, s.already_held) for s in singles if not isinstance(s, Exception)]
        assert change_set(batch, reps.plan_id) == change_set(single, reps.plan_id)
        assert state(batch, reps.plan_id) == state(single, reps.plan_id)
    finally:
        batch.close()
        single.close()


def test_a_batch_asks_the_store_per_window_of_files_not_per_file(
        reps: Replicas, tmp_path: Path) -> None:
    """The checks' reads of the change log are made once for a window of files: a batch twice
    as long makes only a few more statements a file (its savepoint), not ten."""
    from sqlalchemy import event

    files = round_of_deltas(reps, tmp_path, 12)
    counts = []
    for size in (12, 24):
        sec = reps.new_store(f"sec{size}")
        seen: list[str] = []
        event.listen(sec.engine, "before_cursor_execute", lambda *a, seen=seen: seen.append(a[2]))
        try:
            assert all(r.ok for r in import_bundles(sec, files[:size]))
        finally:
            sec.close()
        counts.append(len(seen))
    assert (counts[1] - counts[0]) / 12 < 5, counts


def test_a_batch_puts_the_garbage_collector_back_as_it_found_it(
        reps: Replicas, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A batch runs Python's cyclic collector less often while it lasts, then restores the
    setting, also when the import fails."""
    import gc

    import cmsdesk.sync.importer as importer

    (first, _second), _final = two_deltas(reps, tmp_path)
    before = gc.get_threshold()
    seen: list[tuple[int, ...]] = []
    real = importer.project

    def watching(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(gc.get_threshold())
        return real(*args, **kwargs)

    monkeypatch.setattr(importer, "project", watching)
    sec = reps.new_store("sec")
    try:
        assert import_bundles(sec, [first])[0].ok
        assert seen[-1][0] == importer.BATCH_COLLECTION_THRESHOLD
        assert gc.get_threshold() == before
        monkeypatch.setattr(importer, "project", lambda *a, **k: 1 / 0)
        with pytest.raises(ZeroDivisionError):
            import_bundles(sec, [first])
        assert gc.get_threshold() == before
    finally:
        sec.close()
