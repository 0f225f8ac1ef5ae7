"""Stores made by earlier versions open, migrated, with every change intact and a backup kept.

``fixtures/store-0001.db`` was made by cmsdesk at schema 0001 (changes stored twice, before
migration 0005 stored them once):
the v2.0 fixture bundles imported by a Peruvian delegate, then a local edit and a comment on
top (non-ASCII text included).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from store_support import downgrade

from cmsdesk.models import queries
from cmsdesk.models.changelog import bodies
from cmsdesk.models.projection import rebuild
from cmsdesk.models.store import Store
from cmsdesk.sync.exporter import export_bundle
from cmsdesk.sync.importer import import_bundle

FIXTURE = Path(__file__).parent / "fixtures" / "store-0001.db"


def _old_changes(path: Path) -> dict[str, str]:
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute("SELECT id, body FROM changes ORDER BY arrival"))
    finally:
        conn.close()


def test_a_store_of_schema_0001_is_migrated_with_every_change_rebuilt_exactly(
        tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    shutil.copyfile(FIXTURE, path)
    before = _old_changes(path)
    assert len(before) > 20
    with Store.open(path) as store:
        with store.session() as s:
            (plan,) = queries.plans(s)
            shown = queries.snapshot(s, plan.id)
            assert bodies(s, plan.id) == before  # the same JSON, so the same ids
            assert all(hashlib.sha256(b.encode("utf-8")).hexdigest() == cid
                       for cid, b in bodies(s, plan.id).items())
            columns = {row[1] for row in s.execute(text("PRAGMA table_info(changes)"))}
            assert "body" not in columns and "extra" in columns
            rebuild(s, plan.id)  # the derived state is what the changes say
            assert queries.snapshot(s, plan.id) == shown
        export_bundle(store, plan.id, tmp_path / "all.cmsb", full=True)
    assert "Una meta reescrita localmente" in json.dumps(shown, ensure_ascii=False)
    (backup,) = tmp_path.glob("old.before-migration-0001-*.db")
    assert _old_changes(backup) == before
    conn = sqlite3.connect(path)
    try:  # the pages the migration freed were given back to the disk
        assert conn.execute("PRAGMA freelist_count").fetchone() == (0,)
    finally:
        conn.close()
    with Store.open(tmp_path / "fresh.db") as fresh:  # every change exports and verifies
        report = import_bundle(fresh, tmp_path / "all.cmsb")
        assert report.new_changes == len(before)
        with fresh.session() as s:
            assert bodies(s, plan.id) == before
            assert queries.snapshot(s, plan.id) == shown


def test_going_back_to_the_previous_schema_restores_the_stored_bodies(tmp_path: Path) -> None:
    """The migration's downgrade rebuilds ``body`` exactly (for a store taken back by hand)."""
    path = tmp_path / "old.db"
    shutil.copyfile(FIXTURE, path)
    before = _old_changes(path)
    Store.open(path).close()
    downgrade(path, "0004")
    assert _old_changes(path) == before



PREVIOUS = Path(__file__).parent / "fixtures" / "store-0010.db"


def _raw_rows(path: Path) -> tuple[list[dict[str, object]], list[tuple[object, ...]]]:
    """The change log's rows as stored (each a dict of its columns), and the signatures."""
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        return ([dict(r) for r in conn.execute("SELECT * FROM changes ORDER BY arrival")],
                [tuple(r) for r in conn.execute("SELECT change_id, signature FROM "
                                                "change_signatures ORDER BY change_id")])
    finally:
        conn.close()


def _packed_bytes(path: Path) -> int:
    """The bytes the packed columns of the change log hold."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT sum(length(id) + length(version_id) + length(plan_id) + "
                            "length(replica) + length(parents) + length(value)) FROM changes"
                            ).fetchone()[0]
    finally:
        conn.close()


def test_a_store_of_the_previous_version_is_packed_with_every_change_and_signature_intact(
        tmp_path: Path) -> None:
    """``fixtures/store-0010.db`` was made by cmsdesk at schema 0010 (text ids, values as
    text): the v3.0 fixture bundle (signed changes) imported by a delegate, a local edit with
    non-ASCII text and a comment. Migration 0011 packs it; nothing the program reads changes."""
    from cmsdesk.models.schema import ChangeSignature

    path = tmp_path / "old.db"
    shutil.copyfile(PREVIOUS, path)
    changes, signatures = _raw_rows(path)
    assert len(changes) > 10 and len(signatures) > 10
    with Store.open(path) as store:
        with store.session() as s:
            (plan,) = queries.plans(s)
            shown = queries.snapshot(s, plan.id)
            stored = bodies(s, plan.id)
            assert list(stored) == [row["id"] for row in changes]  # same ids, same order
            assert all(hashlib.sha256(b.encode("utf-8")).hexdigest() == cid
                       for cid, b in stored.items())
            assert sorted(s.execute(text("SELECT change_id, signature FROM change_signatures"))
                          ) != signatures  # stored as bytes now...
            assert {(r.change_id, r.signature) for r in s.query(ChangeSignature)} == \
                set(signatures)  # ...and read as they were
            kinds = s.execute(text("SELECT DISTINCT typeof(id), typeof(version_id), "
                                   "typeof(plan_id), typeof(replica) FROM changes")).all()
            assert kinds == [("blob", "blob", "blob", "blob")]
            rebuild(s, plan.id)
            assert queries.snapshot(s, plan.id) == shown
        export_bundle(store, plan.id, tmp_path / "all.cmsb", full=True)
    assert "Una meta reescrita localmente" in json.dumps(shown, ensure_ascii=False)
    (backup,) = tmp_path.glob("old.before-migration-0010-*.db")
    assert _raw_rows(backup) == (changes, signatures)
    assert _packed_bytes(path) < 0.6 * _packed_bytes(PREVIOUS)
    with Store.open(tmp_path / "fresh.db") as fresh:  # every change exports and verifies
        report = import_bundle(fresh, tmp_path / "all.cmsb")
        assert report.new_changes == len(changes)
        with fresh.session() as s:
            assert bodies(s, plan.id) == stored
            assert queries.snapshot(s, plan.id) == shown


LAST = Path(__file__).parent / "fixtures" / "store-0011.db"


def _value_marks(path: Path) -> dict[object, int]:
    """How many values are stored each way: text, or bytes by their first byte (the mark)."""
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute("SELECT CASE typeof(value) WHEN 'blob' THEN substr(value, 1, 1) "
                                 "ELSE typeof(value) END, count(*) FROM changes GROUP BY 1"))
    finally:
        conn.close()


def test_a_store_of_the_previous_version_has_its_values_deflated_with_the_dictionary(
        tmp_path: Path) -> None:
    """``fixtures/store-0011.db`` is ``store-0010.db`` as cmsdesk at schema 0011 left it
    (values deflated alone). Migration 0012 deflates them with the dictionary: smaller, and
    every change reads, exports and verifies as before."""
    path = tmp_path / "old.db"
    shutil.copyfile(LAST, path)
    changes, signatures = _raw_rows(path)
    assert _value_marks(path)[b"z"] >= 5
    with Store.open(path) as store:
        with store.session() as s:
            (plan,) = queries.plans(s)
            shown = queries.snapshot(s, plan.id)
            stored = bodies(s, plan.id)
            assert list(stored) == [bytes(row["id"]).hex() for row in changes]
            assert all(hashlib.sha256(b.encode("utf-8")).hexdigest() == cid
                       for cid, b in stored.items())
            rebuild(s, plan.id)
            assert queries.snapshot(s, plan.id) == shown
        export_bundle(store, plan.id, tmp_path / "all.cmsb", full=True)
    marks = _value_marks(path)
    assert b"z" not in marks and marks[b"d"] >= 5
    after, signatures_after = _raw_rows(path)
    assert set(signatures) <= set(signatures_after)  # (exporting signs the local edits)
    assert sum(len(r["value"]) for r in after) < sum(len(r["value"]) for r in changes)
    (backup,) = tmp_path.glob("old.before-migration-0011-*.db")
    assert _raw_rows(backup) == (changes, signatures)
    with Store.open(tmp_path / "fresh.db") as fresh:  # every change exports and verifies
        report = import_bundle(fresh, tmp_path / "all.cmsb")
        assert report.new_changes == len(changes)
        with fresh.session() as s:
            assert bodies(s, plan.id) == stored
            assert queries.snapshot(s, plan.id) == shown


@pytest.mark.parametrize("fixture, revision", [(PREVIOUS, "0010"), (LAST, "0011")],
                         ids=["unpacking to 0010", "back to 0011"])
def test_going_back_gives_back_the_previous_version_s_rows_exactly(
        tmp_path: Path, fixture: Path, revision: str) -> None:
    """A store of schema 0010 (or 0011) opened by this version and downgraded again has the
    rows it had, byte for byte."""
    path = tmp_path / "old.db"
    shutil.copyfile(fixture, path)
    before = _raw_rows(path)
    Store.open(path).close()
    assert _raw_rows(path) != before
    downgrade(path, revision)
    assert _raw_rows(path) == before
