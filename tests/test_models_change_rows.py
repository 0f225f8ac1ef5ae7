"""An append into an SQLite store writes the change log's rows itself (models/change_rows.py)
instead of through the view's trigger: what it stores must be exactly what the trigger stores,
row for row and byte for byte, whatever the changes (clock readings in any form, resolutions,
parents in the store, in the same batch or several, signatures that came first)."""

from __future__ import annotations

import importlib.util
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import text

from cmsdesk.models import change_rows
from cmsdesk.models.changelog import Key, append_many, change_id, make_body, version_id
from cmsdesk.models.identity import Profile
from cmsdesk.models.schema import ChangeSignature
from cmsdesk.models.store import Store

PLAN = "5b1f6a0e-3c2d-4e7f-9a8b-1c2d3e4f5a6b"
NODES = ("0f1e2d3c-4b5a-4968-8776-655443322110", "not a uuid")
REPLICAS = ("ab" * 16, "cd" * 16, "a replica named otherwise")
AUTHORS = (Profile("Ana Pérez", "Spain", "Europe", "delegate"),
           Profile("Kofi Mensah", "Ghana", "Africa", "focal point"))
CLOCKS = ("2026-12-05T16:47:15.367Z", "2026-12-05T16:47:15.367Z#0", "1970-01-01T00:00:00.000Z",
          "2026-12-05T16:47:15.367Z#62", "2026-12-05T16:47:15.367Z#63",
          "1969-12-31T23:59:59.000Z", "2026-02-30T10:00:00.000Z", "2024-02-29T23:59:59.999Z",
          "2026-12-05T24:00:00.000Z", "2026-12-05T23:59:60.000Z", "yesterday", "",
          "2026-12-05T16:47:15.367Z#07", "９９９９-12-31T23:59:59.999Z", "9999-12-31T23:59:59.999Z")
TABLES = ("change_rows", "change_sources", "change_fields", "change_authors", "change_origins",
          "change_signatures_loose")


def _wording(n: int) -> str:
    return f"Wording {n}: migratory species along the flyways. " * (n % 3)


def _batches() -> list[list[tuple[str, dict[str, Any]]]]:
    """Two batches of changes: the second builds on the first (parents held in the store) and
    on itself; a resolution, a change on top of it, several parents, none, other languages."""
    made: list[tuple[str, dict[str, Any]]] = []
    seqs = {r: 0 for r in REPLICAS}

    def add(n: int, field: str, parents: list[str], op: str = "set", like: int | None = None,
            **extra: Any) -> str:
        replica = REPLICAS[n % 3]
        same = n if like is None else like  # the node and value of another change
        seqs[replica] += 1
        body = make_body(plan=PLAN, replica=replica, seq=seqs[replica], author=AUTHORS[n % 2],
                         clock=CLOCKS[n % len(CLOCKS)], op=op,
                         key=Key("node", NODES[same % 2], field), value=_wording(same),
                         parents=parents, **extra)
        made.append((change_id(body), body))
        return version_id(body, made[-1][0])

    heads = [add(n, "text", []) for n in range(2)]
    for n in range(2, 20):
        heads[n % 2] = add(n, "text", [heads[n % 2]])
    first = len(made)
    resolved = add(20, "text", heads[:1], op="resolve")
    again = add(21, "text", heads[:1], op="resolve", like=20)  # the same, made elsewhere
    assert again == resolved
    for n in range(22, 40):
        heads[0] = add(n, "text" if n % 4 else "text@fr", [resolved if n == 22 else heads[0]],
                       **({"translates": [heads[1]]} if n % 4 == 0 else {}))
    add(40, "note", heads)
    add(41, "note", [], recorded_by={"replica": REPLICAS[0], "from": "letter"})
    return [made[:first], made[first:]]


def _append_all(path: Path, through_view: bool, monkeypatch: pytest.MonkeyPatch
                ) -> dict[str, list[Any]]:
    """Append the batches into a new store (with signatures waiting for some changes), and
    read back the change log's tables as stored."""
    with monkeypatch.context() as patch:
        if through_view:  # every row a reading of another form: each goes through the view
            patch.setattr(change_rows, "packed_clock", lambda reading: None)
        store = Store.open(path)
        first, second = _batches()
        with store.session() as s:
            s.add_all(ChangeSignature(change_id=cid, signature="c2lnbmVk" * 11)
                      for cid, _ in second[::3])
            s.commit()
        for batch in (first, second):
            with store.session() as s:
                append_many(s, batch, origin=f"{len(batch)}.cmsb")
                s.commit()
        store.close()
    with sqlite3.connect(path) as conn:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in TABLES}


def test_an_append_stores_exactly_what_the_view_would(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    straight = _append_all(tmp_path / "straight.cmsdb", False, monkeypatch)
    viewed = _append_all(tmp_path / "viewed.cmsdb", True, monkeypatch)
    assert straight == viewed
    rows = straight["change_rows"]
    assert len(rows) == 42 and {type(r[8]) for r in rows} >= {int, bytes}  # parents by row
    assert {type(r[10]) for r in rows} == {int, str}  # clocks packed and kept as text
    assert straight["change_signatures_loose"] == [] and sum(r[13] is not None for r in rows)


def _clock_sql() -> str:
    """Migration 0013's SQL for the form a reading :r is kept in."""
    path = Path(__file__).parents[1] / "cmsdesk/models/migrations/versions/0013_changes_interned.py"
    spec = importlib.util.spec_from_file_location("cmsdesk_migration_0013_test", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return f"SELECT {module._clock_packed(':r')}"


_SQLITE = sqlite3.connect(":memory:")
_PACKED = _clock_sql()
_READINGS = st.builds(
    lambda moment, milli, counter: moment.strftime("%Y-%m-%dT%H:%M:%S") + f".{milli:03d}Z"
    + ("" if counter is None else f"#{counter}"),
    st.datetimes(), st.integers(0, 999), st.none() | st.integers(-2, 70))


@given(st.one_of(_READINGS, st.sampled_from(CLOCKS), st.text(max_size=30),
                 _READINGS.map(lambda r: r.replace("T", " ")),
                 _READINGS.map(lambda r: r[:5] + "02-3" + r[9:])))
def test_a_clock_reading_is_packed_as_sqlite_packs_it(reading: str) -> None:
    sql = _SQLITE.execute(_PACKED, {"r": reading}).fetchone()[0]
    packed = change_rows.packed_clock(reading)
    assert packed is None or packed == sql
    if reading[:4] >= "1970" and (reading[23:] == "Z" or reading[23:25] == "Z#") and isinstance(
            sql, int):
        assert packed == sql  # the clock's own form is packed here, not left to SQLite


def test_rows_go_straight_into_change_rows(store: Store) -> None:
    """The view's trigger does not run for a reading of the clock's own form."""
    first, _ = _batches()
    with store.session() as s:
        s.execute(text("DROP TRIGGER changes_append"))
        append_many(s, first[:3])
        assert s.execute(text("SELECT count(*) FROM change_rows")).scalar() == 3
