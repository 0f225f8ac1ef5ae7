"""An import writes its changes and projects them in one transaction: a failure between the
writing and the projection leaves nothing of the bundle (or of the batch) in the store."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from sync_support import Replicas, state

from cmsdesk.models.commands import PlanEditor
from cmsdesk.models.schema import Change, Head, Peer
from cmsdesk.models.store import Store
from cmsdesk.sync import importer
from cmsdesk.sync.exporter import export_bundle


@pytest.fixture(scope="module")
def reps(tmp_path_factory: pytest.TempPathFactory) -> Replicas:
    return Replicas(tmp_path_factory.mktemp("transaction"))


def bundles_of_two_delegates(reps: Replicas, folder: Path) -> list[Path]:
    out = []
    for i, party in enumerate(("Spain", "Kenya")):
        store = reps.new_store(party)
        PlanEditor(store, reps.plan_id).set_field(reps.targets[i], "text", f"{party} wrote this.")
        out.append(folder / f"{party}.cmsb")
        export_bundle(store, reps.plan_id, out[-1])
        store.close()
    return out


def holdings(store: Store) -> tuple[int, list[tuple[str, ...]], int]:
    with store.session() as s:
        return (s.scalar(select(func.count()).select_from(Change)) or 0,
                sorted(tuple(r) for r in s.execute(select(Head.entity, Head.eid, Head.field,
                                                          Head.version_id))),
                s.scalar(select(func.count()).select_from(Peer)) or 0)


class Injected(RuntimeError):
    """The failure put between writing the changes and projecting them."""


def fail_projection(*_args: object) -> None:
    raise Injected("the projection failed")


@pytest.mark.parametrize("batch", [True, False], ids=["import_bundles", "import_bundle"])
def test_a_failure_before_the_projection_leaves_nothing_of_the_import(
        reps: Replicas, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch: bool) -> None:
    bundles = bundles_of_two_delegates(reps, tmp_path)
    sec = reps.new_store("sec")
    before = (holdings(sec), state(sec, reps.plan_id))
    written: list[int] = []
    real_write = importer._write

    def write_then_count(*args: object, **kwargs: object) -> object:
        result = real_write(*args, **kwargs)  # type: ignore[arg-type]
        written.append(len(result.keys))
        return result

    monkeypatch.setattr(importer, "_write", write_then_count)
    monkeypatch.setattr(importer, "project", fail_projection)
    with pytest.raises(Injected):
        if batch:
            importer.import_bundles(sec, bundles)
        else:
            importer.import_bundle(sec, bundles[0])
    assert written and all(written)  # the changes had been written when the failure came
    assert (holdings(sec), state(sec, reps.plan_id)) == before
    monkeypatch.undo()
    # and the same files import afterwards as if nothing had happened
    results = importer.import_bundles(sec, bundles)
    assert all(r.error is None for r in results)
    assert holdings(sec)[0] > before[0][0]
    sec.close()
