"""Named drafts travel in bundles: "Consultation draft 2" names the same state on every site,
with its symbol, date and whole document metadata, and travels once to each peer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sync_support import Replicas, text_of

from cmsdesk.models.commands import PlanEditor
from cmsdesk.models.draft_meta import DocumentMeta
from cmsdesk.models.drafts import find_draft, list_drafts, mark_draft
from cmsdesk.models.identity import Profile
from cmsdesk.models.review import review
from cmsdesk.models.store import Store
from cmsdesk.sync.exporter import build_bundle, export_bundle
from cmsdesk.sync.importer import import_bundle
from cmsdesk.sync.validate import read_bundle

Make = Callable[..., Store]


@pytest.fixture(scope="module")
def reps(tmp_path_factory: pytest.TempPathFactory) -> Replicas:
    return Replicas(tmp_path_factory.mktemp("drafts"))


def _edit(store: Store, reps: Replicas, target: int, words: str) -> None:
    rest = text_of(store, reps.targets[target]).split(". ", 1)[1]
    PlanEditor(store, reps.plan_id).set_field(reps.targets[target], "text", f"{words}. {rest}")


def _received_since(store: Store, reps: Replicas, name: str) -> list[str]:
    with store.session() as s:
        result = review(s, reps.plan_id, find_draft(s, reps.plan_id, name),
                        own_replica=store.replica_id)
    return sorted(i.party for i in result.items)


def test_a_named_draft_means_the_same_on_every_site(reps: Replicas, make: Make,
                                                    tmp_path: Path) -> None:
    sec = make("sec", profile=Profile("Amina", "CMS Secretariat", "", "secretariat"))
    kenya = make("ke", profile=Profile("Wanjiru", "Kenya", "Africa", "delegate"))
    peru = make("pe", profile=Profile("Lucía", "Peru", "Central and South America and the "
                                      "Caribbean", "delegate"))
    _edit(sec, reps, 0, "The Secretariat's wording")
    meta = DocumentMeta(meeting="44th Meeting of the Standing Committee", agenda_item="12.1")
    mark_draft(sec, reps.plan_id, "Consultation draft 2", "UNEP/CMS/StC44/Doc.12.1",
               "2014-02-01", meta)
    export_bundle(sec, reps.plan_id, tmp_path / "draft2.cmsb")
    assert [d["name"] for d in read_bundle(tmp_path / "draft2.cmsb").manifest.drafts] == [
        "Consultation draft 2"]
    for site in (kenya, peru):
        report = import_bundle(site, tmp_path / "draft2.cmsb")
        assert report.drafts == ["Consultation draft 2"]
        assert 'named draft "Consultation draft 2" received' in report.summary()
    [here], [there] = list_drafts(sec, reps.plan_id), list_drafts(kenya, reps.plan_id)
    assert (there.id, there.name, there.symbol, there.date, there.changes) == (
        here.id, here.name, here.symbol, here.date, here.changes)
    assert there.document.meeting == "44th Meeting of the Standing Committee"
    assert there.meta == here.meta  # the whole metadata dictionary rides along

    # Peru's proposal reaches the Secretariat directly and Kenya through a bundle of Peru's
    _edit(peru, reps, 1, "Peru proposes")
    export_bundle(peru, reps.plan_id, tmp_path / "peru.cmsb")
    for site in (sec, kenya):
        import_bundle(site, tmp_path / "peru.cmsb")
    assert _received_since(sec, reps, "Consultation draft 2") == ["Peru"]
    assert _received_since(kenya, reps, "consultation draft 2") == ["Peru"]
    assert import_bundle(kenya, tmp_path / "draft2.cmsb").drafts == []  # again: nothing new


def test_a_draft_travels_once_to_each_peer(reps: Replicas, make: Make, tmp_path: Path) -> None:
    sec = make("sec", profile=Profile("Amina", "CMS Secretariat", "", "secretariat"))
    kenya = make("ke", profile=Profile("Wanjiru", "Kenya", "Africa", "delegate"))
    mark_draft(sec, reps.plan_id, "Consultation draft 1", date="2014-01-10")
    export_bundle(sec, reps.plan_id, tmp_path / "d1.cmsb")
    import_bundle(kenya, tmp_path / "d1.cmsb")
    _edit(kenya, reps, 2, "Kenya proposes")
    export_bundle(kenya, reps.plan_id, tmp_path / "ke.cmsb", to_peer=sec.replica_id)
    assert read_bundle(tmp_path / "ke.cmsb").manifest.drafts == []  # the Secretariat sent it
    import_bundle(sec, tmp_path / "ke.cmsb")
    _edit(sec, reps, 0, "A later Secretariat edit")
    first = export_bundle(sec, reps.plan_id, tmp_path / "s1.cmsb", to_peer="Kenya")
    assert [d["name"] for d in first.manifest.drafts] == ["Consultation draft 1"]
    _edit(sec, reps, 1, "Another Secretariat edit")
    later = build_bundle(sec, reps.plan_id, to_peer="Kenya")  # Kenya holds it now
    assert later.manifest.drafts == [] and later.changes == 1


def test_a_received_draft_whose_name_is_taken_is_named_after_its_sender(
        reps: Replicas, make: Make, tmp_path: Path) -> None:
    sec = make("sec", profile=Profile("Amina", "CMS Secretariat", "", "secretariat"))
    kenya = make("ke", profile=Profile("Wanjiru", "Kenya", "Africa", "delegate"))
    mark_draft(kenya, reps.plan_id, "Draft 1")
    mark_draft(sec, reps.plan_id, "Draft 1")
    export_bundle(sec, reps.plan_id, tmp_path / "d.cmsb")
    assert import_bundle(kenya, tmp_path / "d.cmsb").drafts == ["Draft 1 (CMS Secretariat)"]
    assert [d.name for d in list_drafts(kenya, reps.plan_id)] == [
        "Draft 1", "Draft 1 (CMS Secretariat)"]
