"""Bundles of format 1.0, checked in, must keep importing in every later cmsdesk.

``tests/fixtures/v1.0-full.cmsb`` is the Secretariat's whole plan (a part, a goal, two targets,
a cross-reference, a comment, a status); ``v1.0-delta.cmsb`` is a delegate's edit of a sentence
the Secretariat also rewrote. They were made once with cmsdesk 0.1 and must never be regenerated:
a new format version gets new fixture files beside these.
"""

from __future__ import annotations

from pathlib import Path

from sync_support import check_fixture_plan

from cmsdesk.models.store import Store
from cmsdesk.sync.importer import import_bundle
from cmsdesk.sync.signing import fingerprint
from cmsdesk.sync.validate import read_bundle

FIXTURES = Path(__file__).with_name("fixtures")
PLAN = "0cd8341d-dbaf-453a-a8d2-97feb48a43b7"
T1 = "0d98aab5-864e-4dcb-8196-bfb8cc0153c2"
T2 = "9a737489-9bda-4c77-a712-91622c70db3c"


def test_the_format_1_0_fixtures_are_read() -> None:
    full = read_bundle(FIXTURES / "v1.0-full.cmsb").manifest
    delta = read_bundle(FIXTURES / "v1.0-delta.cmsb").manifest
    assert full.version == delta.version == (1, 0)
    assert (full.kind, full.count, full.plan_id) == ("full", 19, PLAN)
    assert (delta.kind, delta.count, delta.requires) == (
        "delta", 1, {"43f0437e6248416e87b6b22a27856b87": 18})
    assert fingerprint(full.sender.key) == "c8d3 88c8 bfdb b9df 01aa"
    assert delta.sender.party == "Perú"


def test_the_format_1_0_fixtures_import_into_an_empty_store(store: Store) -> None:
    full = import_bundle(store, FIXTURES / "v1.0-full.cmsb")
    assert full.new_plan and full.new_changes == 19 and not full.verified
    delta = import_bundle(store, FIXTURES / "v1.0-delta.cmsb")
    assert delta.new_changes == 1 and delta.conflicts_created == 1
    check_fixture_plan(store, PLAN, T1, T2)
