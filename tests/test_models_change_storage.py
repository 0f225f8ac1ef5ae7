"""How the change log is stored: whatever the storage does (in an SQLite store a view over rows
that refer to the replicas, fields, authors and origins they share, with clock readings packed
into integers), every change reads back as the exact canonical JSON it was appended as."""

from __future__ import annotations

import base64
import hashlib
from typing import Any

import pytest
from sqlalchemy import bindparam, event, select, text, update

from cmsdesk.models.changelog import Key, append_many, bodies, change_id, make_body, version_id
from cmsdesk.models.identity import Profile
from cmsdesk.models.schema import Change, ChangeSignature
from cmsdesk.models.store import Store

BOTH_BACKENDS = True

PLAN = "5b1f6a0e-3c2d-4e7f-9a8b-1c2d3e4f5a6b"
NODE = "0f1e2d3c-4b5a-4968-8776-655443322110"
REPLICAS = ("ab" * 16, "cd" * 16)
AUTHORS = (Profile("Ana Pérez", "Spain", "Europe", "delegate"),
           Profile("Kofi Mensah", "Ghana", "Africa", "focal point"))
# Readings as the clock writes them, and forms it never writes: each must read back exactly.
CLOCKS = ("2026-12-05T16:47:15.367Z", "2026-12-05T16:47:15.367Z#0",
          "2026-12-05T16:47:15.367Z#61", "2026-12-05T16:47:15.367Z#62",
          "2026-12-05T16:47:15.367Z#63", "2026-12-05T16:47:15.367Z#1000",
          "1969-12-31T23:59:59.999Z", "2026-02-30T10:00:00.000Z", "2026-12-05T16:47:15Z",
          "2026-12-05 16:47:15.367Z", "yesterday", "", "2026-12-05T16:47:15.367Z#-1",
          "2026-12-05T16:47:15.367Z#07")


def _changes() -> list[tuple[str, dict[str, Any]]]:
    out: list[tuple[str, dict[str, Any]]] = []
    parents: list[str] = []
    for n, clock in enumerate(CLOCKS):
        body = make_body(plan=PLAN, replica=REPLICAS[n % 2], seq=n // 2 + 1,
                         author=AUTHORS[n % 2], clock=clock, op="set",
                         key=Key("node", NODE, "text" if n % 3 else "note"),
                         value=f"Wording {n}: migratory species.", parents=parents[-1:] if n % 3
                         else [])
        cid = change_id(body)
        out.append((cid, body))
        if n % 3:
            parents.append(cid)
    resolution = make_body(plan=PLAN, replica=REPLICAS[0], seq=len(CLOCKS), author=AUTHORS[0],
                           clock=CLOCKS[0], op="resolve", key=Key("node", NODE, "text"),
                           value="The chosen wording.", parents=parents[-1:])
    out.append((change_id(resolution), resolution))
    return out


def test_every_change_reads_back_exactly_with_its_version(store: Store) -> None:
    changes = _changes()
    with store.session() as s:
        assert append_many(s, changes) == [cid for cid, _ in changes]
        s.commit()
    with store.session() as s:
        stored = bodies(s, PLAN)
        assert list(stored) == [cid for cid, _ in changes]
        assert all(hashlib.sha256(b.encode("utf-8")).hexdigest() == cid
                   for cid, b in stored.items())
        versions = {r.id: r.version_id for r in s.execute(select(Change.id, Change.version_id))}
        assert versions == {cid: version_id(body, cid) for cid, body in changes}
        resolution = changes[-1][0]
        assert versions[resolution] != resolution  # a resolution's version is its content's
        assert s.scalar(select(Change.id).where(
            Change.version_id == versions[resolution])) == resolution
        clocks = list(s.scalars(select(Change.clock).order_by(Change.clock)))
        assert clocks == sorted(c for c in (*CLOCKS, CLOCKS[0]))


def test_what_changes_share_is_stored_once_in_an_sqlite_store(backend: str,
                                                               store: Store) -> None:
    if backend != "sqlite":
        pytest.skip("a server store keeps the change log as one table")
    changes = _changes()
    with store.session() as s:
        append_many(s, changes, origin="bundle.cmsb")
        s.commit()
    with store.session() as s:
        def count(table: str) -> int:
            return int(s.execute(text(f"SELECT count(*) FROM {table}")).scalar() or 0)

        assert count("change_rows") == len(changes)
        assert (count("change_sources"), count("change_authors"), count("change_fields"),
                count("change_origins")) == (2, 2, 2, 1)
        # only the resolution stores a version id of its own
        assert s.execute(text("SELECT count(own_version) FROM change_rows")).scalar() == 1
        kinds = {r[0]: r[1] for r in s.execute(text("SELECT typeof(clock), count(*) FROM change_rows "
                                    "GROUP BY 1"))}
        # the clock's own forms with a counter up to 62 (four, and the resolution's)
        assert kinds == {"integer": 5, "text": len(changes) - 5}


def _signature(cid: str, n: int = 0) -> str:
    """A stand-in signature of 64 bytes (its base64, as signatures are kept)."""
    return base64.b64encode(hashlib.sha512(f"{n}{cid}".encode()).digest()).decode("ascii")


def test_a_signature_stays_with_its_change_whether_it_comes_before_or_after(
        store: Store) -> None:
    """An import keeps the signatures of the changes it appends, and of those it holds in
    quarantine (appended later, when accepted); a key rotation replaces the signatures of
    this installation's changes. Each reads back with its change however it is stored (in an
    SQLite store, in the change's row)."""
    changes = _changes()
    now, held = changes[:10], changes[10:]
    with store.session() as s:
        append_many(s, now)
        s.add_all(ChangeSignature(change_id=cid, signature=_signature(cid)) for cid, _ in changes)
        s.commit()
    with store.session() as s:
        append_many(s, held)
        s.commit()
    with store.session() as s:
        assert {(r.change_id, r.signature) for r in s.scalars(select(ChangeSignature))} == \
            {(cid, _signature(cid)) for cid, _ in changes}
        signatures = ChangeSignature.__table__  # type: ignore[attr-defined]
        s.execute(update(signatures).where(signatures.c.change_id == bindparam("cid")),
                  [{"cid": cid, "signature": _signature(cid, 1)} for cid, _ in now[:3]])
        s.commit()
    with store.session() as s:
        read = dict(s.execute(select(Change.id, ChangeSignature.signature).outerjoin(
            ChangeSignature, ChangeSignature.change_id == Change.id)).all())
        assert read == {cid: _signature(cid, 1 if n < 3 else 0)
                        for n, (cid, _) in enumerate(changes)}


def test_a_lookup_by_version_searches_an_index_in_an_sqlite_store(backend: str,
                                                                  store: Store) -> None:
    """The rows keep no index of version ids (a version id is the change id but for a
    resolution): a lookup by version id finds ordinary changes and resolutions through the
    index of ids and the small one of resolutions' own versions, never by reading every row.
    A single parent is kept as the number of its row, and the usual ``extra`` as ''."""
    if backend != "sqlite":
        pytest.skip("a server store keeps the change log as one table")
    changes = _changes()
    with store.session() as s:
        append_many(s, changes)
        s.commit()
    resolution = version_id(changes[-1][1], changes[-1][0])
    wanted = [changes[1][0], changes[2][0], resolution]
    statements: list[tuple[str, Any]] = []

    def seen(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        statements.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", seen)
    try:
        with store.session() as s:
            found = set(s.scalars(select(Change.version_id).where(Change.version_id.in_(wanted))))
            one = s.scalar(select(Change.id).where(Change.version_id == resolution))
    finally:
        event.remove(store.engine, "before_cursor_execute", seen)
    assert found == set(wanted) and one == changes[-1][0]
    with store.session() as s:
        for statement, parameters in statements:
            if "changes" in statement:
                plan = " / ".join(r[3] for r in s.connection().exec_driver_sql(
                    f"EXPLAIN QUERY PLAN {statement}", parameters))
                assert "SCAN" not in plan and "USING INDEX" in plan, plan
        kinds = dict(s.execute(text("SELECT typeof(parents), count(*) FROM change_rows "
                                    "GROUP BY 1")).all())
        assert kinds == {"integer": sum(1 for _, b in changes if b["parents"]),
                         "blob": sum(1 for _, b in changes if not b["parents"])}
        assert s.execute(text("SELECT count(*) FROM change_rows WHERE extra = ''")).scalar() \
            == len(changes)
