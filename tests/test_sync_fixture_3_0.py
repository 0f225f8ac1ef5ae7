"""Bundles of format 3.0, checked in, must keep importing in every later cmsdesk.

``tests/fixtures/v3.0-full.cmsb`` is the Secretariat's plan (a part, a goal, two targets, a
comment, the document symbol), every change signed by the Secretariat's key. ``v3.0-delta.cmsb``
is the Africa focal point's (Senegal) bundle for the Secretariat: a sentence of T1 by a Kenyan
delegate, forwarded with the delegate's own signature and key, and Senegal's own edit of T2;
both travel as patches. They were made once with cmsdesk (format 3.0) and must never be
regenerated: a new format version gets new fixture files beside these.
"""

from __future__ import annotations

from pathlib import Path

from cmsdesk.models import queries
from cmsdesk.models.store import Store
from cmsdesk.sync.importer import import_bundle
from cmsdesk.sync.signing import fingerprint
from cmsdesk.sync.validate import read_bundle

FIXTURES = Path(__file__).with_name("fixtures")
FULL = FIXTURES / "v3.0-full.cmsb"
DELTA = FIXTURES / "v3.0-delta.cmsb"
PLAN = "448ae0b6-a0b3-4c75-8902-c2c1d5381855"
T1 = "ba111341-924c-4cfd-bef6-8e5679b8e396"
T2 = "4d033396-71f1-450d-85b0-d80709600913"
SECRETARIAT = "0b713a9c45c04da3926ec184223dfd40"
KENYA = "6d3e47d72beb48fb86c129ac91e73d98"
SENEGAL = "5f816bedb36a440a957878d602f44121"


def test_the_format_3_0_fixtures_are_read() -> None:
    full, delta = read_bundle(FULL), read_bundle(DELTA)
    assert full.manifest.version == delta.manifest.version == (3, 0)
    assert (full.manifest.kind, full.manifest.count, full.manifest.plan_id) == ("full", 15, PLAN)
    assert full.manifest.keys == {} and all(c.sig for c in full.changes)
    assert (delta.manifest.kind, delta.manifest.count, delta.manifest.requires) == (
        "delta", 2, {SECRETARIAT: 15})
    assert delta.manifest.sender.replica == SENEGAL
    assert list(delta.manifest.keys) == [KENYA]  # the forwarded author's key
    assert [c.body["replica"] for c in delta.changes] == [KENYA, SENEGAL]
    assert all(c.sig and c.patch for c in delta.changes)
    assert fingerprint(delta.manifest.keys[KENYA]) != fingerprint(delta.manifest.sender.key)


def test_the_format_3_0_fixtures_import_with_each_author_checked(store: Store) -> None:
    full = import_bundle(store, FULL)
    assert full.new_plan and full.new_changes == 15 and full.authors == [
        ("Amina Diallo", "CMS Secretariat", "new key")]
    delta = import_bundle(store, DELTA)
    assert delta.new_changes == 2 and delta.trust == "new key"
    assert delta.authors == [("Moussa Ndiaye", "Senegal", "new key"),
                             ("Wanjiru Mwangi", "Kenya", "new key")]
    with store.session() as s:
        plan = queries.find_plan(s, None)
        assert plan.symbol == "UNEP/CMS/COP14/Doc.16"
        assert [e.label for e in queries.outline(s, PLAN)] == ["P1", "G1", "T1", "T2"]
        t1, t2 = queries.node_view(s, T1), queries.node_view(s, T2)
    assert t1.fields["text"] == ("Bycatch of migratory species is reduced. Fisheries report it "
                                 "every year. Observers are trained.")
    assert t2.fields["text"] == "Poisoning stops. Lead shot is banned in wetlands."
    assert t2.comments[0].text == "Should this name veterinary drugs?"
    assert import_bundle(store, DELTA).new_changes == 0  # a second time: nothing new
