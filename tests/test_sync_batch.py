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
