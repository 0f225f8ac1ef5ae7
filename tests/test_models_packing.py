"""The change log's packed columns: what the program writes is what it reads back, whatever
the text, and the forms the program writes are stored as bytes in an SQLite file."""

from __future__ import annotations

import base64
import json

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Column, Integer, MetaData, Table, create_engine, insert, select, text

from cmsdesk.models.packing import (
    DeflatedText,
    HexText,
    IdListText,
    SignatureText,
    UuidText,
    packed_rows,
)

_TABLE = Table("t", MetaData(), Column("n", Integer, primary_key=True),
               Column("hexed", HexText(64)), Column("uuid", UuidText(36)),
               Column("parents", IdListText()), Column("value", DeflatedText()),
               Column("signature", SignatureText(88)))
_ENGINE = create_engine("sqlite://")
_TABLE.metadata.create_all(_ENGINE)


def _round_trip(**values: str) -> tuple[dict[str, str], dict[str, str]]:
    """(what reads back, the SQLite type each was stored as)."""
    with _ENGINE.begin() as conn:
        conn.execute(_TABLE.delete())
        conn.execute(insert(_TABLE), [{"n": 1, **values}])
        back = dict(conn.execute(select(*(_TABLE.c[k] for k in values))).one()._mapping)
        kinds = dict(zip(values, conn.execute(text(
            "SELECT " + ", ".join(f"typeof({k})" for k in values) + " FROM t")).one(),
            strict=True))
    return back, kinds


def test_the_forms_the_program_writes_are_stored_as_bytes_and_read_back() -> None:
    digest = "ab" * 32
    values = {"hexed": digest, "uuid": "448ae0b6-a0b3-4c75-8902-c2c1d5381855",
              "parents": json.dumps([digest, "cd" * 32]),
              "value": json.dumps("A sentence of a target, repeated. " * 10),
              "signature": base64.b64encode(bytes(range(64))).decode("ascii")}
    back, kinds = _round_trip(**values)
    assert back == values
    assert set(kinds.values()) == {"blob"}


def test_other_texts_are_kept_as_they_are() -> None:
    values = {"hexed": "AB" * 32, "uuid": "448AE0B6-A0B3-4C75-8902-C2C1D5381855",
              "parents": '["x"]', "value": '"short"', "signature": "not base64!"}
    back, kinds = _round_trip(**values)
    assert back == values
    assert set(kinds.values()) == {"text"}


def test_near_misses_of_a_uuid_are_kept_as_text() -> None:
    for near in ("448ae0b6a0b3-4c75-8902-c2c1d5381855-", "448ae0b6-a0b3-4c75-8902-c2c1d538185 ",
                 "not-a-uuid"):
        assert _round_trip(uuid=near) == ({"uuid": near}, {"uuid": "text"})


def test_a_lookup_by_a_packed_column_finds_the_row() -> None:
    digest = "0f" * 32
    with _ENGINE.begin() as conn:
        conn.execute(_TABLE.delete())
        conn.execute(insert(_TABLE), [{"n": 7, "hexed": digest, "parents": "[]"}])
        assert conn.scalar(select(_TABLE.c.n).where(_TABLE.c.hexed == digest)) == 7
        assert conn.scalar(select(_TABLE.c.n).where(_TABLE.c.hexed.in_([digest, "1" * 64]))) == 7
        assert conn.scalar(select(_TABLE.c.n).where(_TABLE.c.parents == "[]")) == 7


def test_parents_read_as_a_list_are_the_ids_their_text_names() -> None:
    """IdList (the projection's reading of the parents) gives the list the JSON text names,
    whether its ids were stored as bytes or the text was kept as it is."""
    from sqlalchemy import type_coerce

    from cmsdesk.models.packing import IdList

    for parents in ([], ["ab" * 32], ["ab" * 32, "cd" * 32], ["x"], ["AB" * 32]):
        _round_trip(parents=json.dumps(parents))
        with _ENGINE.connect() as conn:
            assert conn.scalar(select(type_coerce(_TABLE.c.parents, IdList()))) == parents


@given(st.text(max_size=400), st.text(max_size=80))
def test_any_text_reads_back_exactly(value: str, other: str) -> None:
    back, _ = _round_trip(hexed=other, uuid=other, parents=other, value=value, signature=other)
    assert back == {"hexed": other, "uuid": other, "parents": other, "value": value,
                    "signature": other}


def test_a_field_text_takes_fewer_bytes_with_the_dictionary_and_older_values_still_read() -> None:
    """A target's wording as the plans write it deflates with the store's dictionary to well
    under what deflating it alone gives (schema 0011's form, mark ``z``), which still reads."""
    import zlib

    value = json.dumps("Parties map stopover sites along entire flyways, in cooperation with "
                       "neighbouring range States. The conservation status of migratory species "
                       "is improved through national biodiversity strategies and action plans, "
                       "using agreed indicators.")
    packer = DeflatedText()
    with_dictionary = packer.pack(value)
    deflate = zlib.compressobj(6, zlib.DEFLATED, -15)
    alone = b"z" + deflate.compress(value.encode()) + deflate.flush()
    assert isinstance(with_dictionary, bytes) and with_dictionary[:1] == b"d"
    assert len(with_dictionary) < 0.8 * len(alone)
    assert packer.unpack(with_dictionary) == packer.unpack(alone) == value


_ID = st.one_of(st.binary(min_size=32, max_size=32).map(bytes.hex),  # a version id
                st.text("0123456789abcdefABCDEF", min_size=64, max_size=64),  # near misses
                st.text("0123456789abcdef", min_size=62, max_size=66))
_COLUMNS = ("n", "hexed", "uuid", "parents", "value", "signature")


@given(st.lists(st.tuples(
    st.one_of(_ID, st.text(max_size=70)), st.one_of(st.uuids().map(str), st.text(max_size=40)),
    st.one_of(st.lists(_ID, max_size=3).map(json.dumps), st.text(max_size=140),
              st.lists(_ID, max_size=2).map(lambda ids: json.dumps(ids, indent=1))),
    st.text(max_size=200), st.one_of(st.binary(min_size=64, max_size=64).map(
        lambda b: base64.b64encode(b).decode("ascii")), st.text(max_size=90))), max_size=4))
def test_rows_packed_at_once_are_stored_as_the_types_store_them(
        rows: list[tuple[str, str, str, str, str]]) -> None:
    """The change log's append packs its rows itself (packed_rows) and gives them to the driver
    as they are: the bytes stored are those the column types store, and read back the same."""
    numbered = [(n, *row) for n, row in enumerate(rows)]
    stored = []
    with _ENGINE.begin() as conn:
        for insert_rows in (
                lambda: conn.execute(insert(_TABLE),
                                     [dict(zip(_COLUMNS, row, strict=True)) for row in numbered]),
                lambda: conn.exec_driver_sql(
                    "INSERT INTO t (n, hexed, uuid, parents, value, signature) "
                    "VALUES (?, ?, ?, ?, ?, ?)", packed_rows(_TABLE, _COLUMNS, numbered))):
            conn.execute(_TABLE.delete())
            if numbered:
                insert_rows()
            stored.append(conn.execute(text("SELECT * FROM t ORDER BY n")).all())
            assert conn.execute(select(_TABLE).order_by(_TABLE.c.n)).all() == numbered
    assert stored[0] == stored[1]
