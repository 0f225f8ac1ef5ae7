"""Bundles of format 2.0, checked in, must keep importing in every later cmsdesk.

``tests/fixtures/v2.0-full.cmsb`` is the Secretariat's whole plan (a part, a goal, two targets,
a cross-reference, a comment, a status, and a rewrite of T1 that travels as a patch of the
earlier line it rewrites); ``v2.0-delta.cmsb`` is a delegate's three edits made from the draft
before that rewrite: T2's text twice (the second a patch of the first, an earlier line) and a
sentence of T1 the Secretariat also rewrote (a patch of a version the receiver holds), so it
makes a conflict. They were made once by hand with cmsdesk 0.1 (format 2.0) and must never be
regenerated: a new format version gets new fixture files beside these.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from sync_support import check_fixture_plan

from cmsdesk.models.store import Store
from cmsdesk.sync import format as fmt
from cmsdesk.sync.importer import import_bundle
from cmsdesk.sync.signing import fingerprint
from cmsdesk.sync.validate import read_bundle

FIXTURES = Path(__file__).with_name("fixtures")
FULL = FIXTURES / "v2.0-full.cmsb"
DELTA = FIXTURES / "v2.0-delta.cmsb"
PLAN = "c9404260-fcaf-42f1-ac7c-152dfe4af6fe"
T1 = "958a83c9-afcc-4bc0-8522-0352acb33112"
T2 = "a4412303-29ab-47b5-ab1d-bd0c94206027"


def _patches(path: Path) -> list[dict[str, object]]:
    with zipfile.ZipFile(path) as zf:
        assert zf.namelist() == [fmt.DATA]
        lines = zf.read(fmt.DATA).splitlines()[1:-1]
    return [c["patch"] for c in (json.loads(line)["change"] for line in lines) if "patch" in c]


def test_the_format_2_0_fixtures_are_read() -> None:
    full, delta = read_bundle(FULL), read_bundle(DELTA)
    assert full.manifest.version == delta.manifest.version == (2, 0)
    assert (full.manifest.kind, full.manifest.count, full.manifest.plan_id) == ("full", 19, PLAN)
    assert (delta.manifest.kind, delta.manifest.count, delta.manifest.requires) == (
        "delta", 3, {"afe742154a534644904dddb0bea3ffd5": 18})
    assert fingerprint(full.manifest.sender.key) == "9ae0 e734 7ded a9bb 5ee3"
    assert delta.manifest.sender.party == "Perú"
    assert delta.manifest.bundle_id == "31c923ad59352dc315271218437de1db"
    assert delta.note.startswith("cmsdesk draft bundle from Lucía Quispe (Perú): 3 changes")
    assert len(_patches(FULL)) == 1 and len(_patches(DELTA)) == 3


def test_the_format_2_0_fixtures_import_into_an_empty_store(store: Store) -> None:
    full = import_bundle(store, FULL)
    assert full.new_plan and full.new_changes == 19 and not full.verified
    delta = import_bundle(store, DELTA)
    assert delta.new_changes == 3 and delta.conflicts_created == 1
    _, t2 = check_fixture_plan(store, PLAN, T1, T2)
    assert t2.fields["text"] == ("Harmful incentives, including subsidies, are eliminated. "
                                 "Positive incentives for conservation are applied.")
    assert import_bundle(store, DELTA).new_changes == 0  # a second time: nothing new
