"""Compact column types for the change log in an SQLite store (issue 19: store size).

A change's ids are SHA-256 digests written as 64 hexadecimal characters, its replica a uuid's
32, its plan and most entity ids uuids of 36, and its value a whole field text. In an SQLite file
these types keep them as raw bytes instead (32, 16 and 16 bytes) and deflate a value where that
makes it smaller, with a preset dictionary of field texts (:func:`dictionary`); every index on
them shrinks with them. The code above sees exactly the strings
it always saw: the types convert on the way in (query parameters included) and on the way out,
so a lookup by id, an ``IN`` list or a comparison with a column of another table of the same
type works unchanged.

Each conversion is a pure function of the text, so the same text is always stored the same way
(an equality lookup finds it), and a text that does not have the expected form (a replica named
otherwise by some other program, an entity id that is not a uuid) is stored as it is: a stored
value that is text is returned as it is. On another database (PostgreSQL) they are plain text
columns: the server compresses large values itself, and its store is not the one on a laptop.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import zlib
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

from sqlalchemy import Boolean, LargeBinary, String, Table, Text, literal_column, or_
from sqlalchemy.engine import Dialect, Engine
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql import operators
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.visitors import InternalTraversal
from sqlalchemy.types import TypeDecorator, TypeEngine

# The first byte of a deflated value (a value stored raw is text, never bytes): deflated alone
# (schema 0011), or with the dictionary (schema 0012 on).
_DEFLATED = b"z"
_WITH_DICTIONARY = b"d"
_DICTIONARY_SHA256 = "dc2341eacc0a3e9efde676f3dd9729abe07f97a3f089e402f1856546d13ae2ac"
_LEVEL = 9
_MEMORY = 9  # zlib's memLevel: the copy of a primed compressor is quicker than with the default 8
_RAW = -15  # raw deflate: no zlib header or checksum, 6 bytes less a value
_MIN_DEFLATE = 64  # shorter values are kept as text: deflating them saves nothing


def _hex_bytes(text: str) -> bytes | None:
    """The bytes of lower-case hexadecimal text, else None (bytes.fromhex also takes upper case
    and spaces, which would not read back the same)."""
    try:
        raw = bytes.fromhex(text)
    except ValueError:
        return None
    return raw if raw and raw.hex() == text else None


def _sqlite(dialect: Dialect) -> bool:
    return dialect.name == "sqlite"


class _Blob(LargeBinary):
    """A BLOB column that passes values through as they are: bytes, or text kept as text."""

    def bind_processor(self, dialect: Dialect) -> None:
        return None

    def result_processor(self, dialect: Dialect, coltype: object) -> None:
        return None


class _Packed(TypeDecorator[str]):
    """Text in the program, bytes in an SQLite file where :meth:`pack` finds a shorter form."""

    impl = Text
    cache_ok = True

    def __init__(self, length: int | None = None) -> None:
        super().__init__()
        self.length = length

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if _sqlite(dialect):
            return dialect.type_descriptor(_Blob())
        return dialect.type_descriptor(String(self.length) if self.length else Text())

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None or not _sqlite(dialect) or not isinstance(value, str):
            return value
        return self.pack(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        if isinstance(value, (bytes, memoryview)):
            return self.unpack(bytes(value))
        return value

    def pack(self, text: str) -> bytes | str:
        raise NotImplementedError

    def unpack(self, data: bytes) -> str:
        raise NotImplementedError


class HexText(_Packed):
    """Lower-case hexadecimal of an even length (digests, replica ids): its bytes."""

    cache_ok = True

    def pack(self, text: str) -> bytes | str:
        return _hex_bytes(text) or text

    def unpack(self, data: bytes) -> str:
        return data.hex()


class VersionIdText(HexText):
    """A change's version id: where the change log is stored as schema 0015 has it (an SQLite
    store, :func:`mark_change_view`), the view's ``version_id`` is ``coalesce(own_version,
    id)``, and only the rows whose version differs from their id (resolutions) have an index of
    it; so an equality or ``IN`` lookup by version id is written as one by id for the others,
    which searches the index of ids, or by ``own_version``: the same rows, found through two
    indexes instead of a third index of 32-byte digests."""

    cache_ok = True

    class comparator_factory(HexText.Comparator[str]):
        def operate(self, op: Any, *other: Any, **kwargs: Any) -> Any:
            plain = super().operate(op, *other, **kwargs)
            table = getattr(self.expr, "table", None)
            if op not in (operators.eq, operators.in_op) or not isinstance(table, Table):
                return plain
            own = literal_column(f"{table.name}.own_version", HexText(64))
            by_id = op(table.c.id, *other) & literal_column(f"{table.name}.own_version").is_(None)
            return _VersionLookup(plain, or_(by_id, op(own, *other)).self_group())


class _VersionLookup(ColumnElement[bool]):
    """A lookup by version id: ``plain`` on the view of schema 0015 or elsewhere, ``split``
    (by id, or by own version) on the view of an SQLite store marked by
    :func:`mark_change_view`."""

    type = Boolean()
    inherit_cache = True
    _is_implicitly_boolean = True  # a condition, as `a = b` is (not `... = 1` in a WHERE)
    _traverse_internals = [("plain", InternalTraversal.dp_clauseelement),
                           ("split", InternalTraversal.dp_clauseelement)]

    def __init__(self, plain: ColumnElement[bool], split: ColumnElement[bool]) -> None:
        self.plain = plain
        self.split = split


_CHANGE_VIEW = "cmsdesk_change_view"


@compiles(_VersionLookup)
def _compile_version_lookup(element: _VersionLookup, compiler: SQLCompiler, **kw: Any) -> str:
    chosen = element.split if getattr(compiler.dialect, _CHANGE_VIEW, False) else element.plain
    return compiler.process(chosen, **kw)


def mark_change_view(engine: Engine) -> None:
    """Say that ``engine``'s store keeps the change log as migration 0015 left it (an SQLite
    store opened by :class:`cmsdesk.models.store.Store`): lookups by version id are split
    (:class:`VersionIdText`). An engine not marked (a server, a draft's private database made
    from the tables' definitions) compiles them as written. The mark is on the engine's own
    dialect object, so statements compiled for it are cached for it alone."""
    setattr(engine.dialect, _CHANGE_VIEW, True)


def has_change_view(dialect: Dialect) -> bool:
    """Whether the store of ``dialect`` keeps the change log as migration 0015 left it
    (:func:`mark_change_view`)."""
    return bool(getattr(dialect, _CHANGE_VIEW, False))


class UuidText(_Packed):
    """A uuid in its canonical lower-case form (plan and entity ids): its 16 bytes."""

    cache_ok = True

    def pack(self, text: str) -> bytes | str:
        if len(text) != 36 or text[8] != "-" or text[13] != "-" or text[18] != "-" or (
                text[23] != "-"):
            return text
        digits = text.replace("-", "")
        raw = _hex_bytes(digits) if len(digits) == 32 else None  # lower-case hex between
        return text if raw is None else raw

    def unpack(self, data: bytes) -> str:
        h = data.hex()
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


class IdListText(_Packed):
    """A change's parents, a JSON list of version ids as the change log writes it
    (``json.dumps`` of the list): the ids' bytes one after the other."""

    cache_ok = True

    def pack(self, text: str) -> bytes | str:
        if text.startswith('["') and text.endswith('"]'):  # as json.dumps writes ids: quick
            raws = [_hex_bytes(i) if len(i) == 64 else None for i in text[2:-2].split('", "')]
            if None not in raws:
                return b"".join(raw for raw in raws if raw is not None)
        try:
            ids = json.loads(text)
        except ValueError:
            return text
        if not isinstance(ids, list) or json.dumps(ids) != text:
            return text
        raws = [_hex_bytes(i) if isinstance(i, str) and len(i) == 64 else None for i in ids]
        if None in raws:
            return text
        return b"".join(raw for raw in raws if raw is not None)

    def unpack(self, data: bytes) -> str:
        return json.dumps(_ids(data))


def _ids(data: bytes) -> list[str]:
    return [data[i : i + 32].hex() for i in range(0, len(data), 32)]


class IdList(IdListText):
    """The same column read as the list of ids itself, for a reader that needs the list (the
    projection reads the parents of every version of its contested fields): not written as
    JSON only to be parsed again (issue 19)."""

    cache_ok = True

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        if isinstance(value, (bytes, memoryview)):
            return _ids(bytes(value))
        return None if value is None else json.loads(value)


class DeflatedText(_Packed):
    """A value (canonical JSON, often a whole field text): deflated with the store's
    dictionary (:func:`dictionary`) when that is shorter. A value deflated without it, as
    schema 0011 wrote them, still reads."""

    cache_ok = True

    def pack(self, text: str) -> bytes | str:
        if len(text) < _MIN_DEFLATE:
            return text
        raw = text.encode("utf-8")
        deflate = _dictionary_deflate().copy()
        packed = _WITH_DICTIONARY + deflate.compress(raw) + deflate.flush()
        return packed if len(packed) < len(raw) else text

    def unpack(self, data: bytes) -> str:
        mark, rest = data[:1], data[1:]
        if mark == _WITH_DICTIONARY:
            inflate = _dictionary_inflate().copy()
            return (inflate.decompress(rest) + inflate.flush()).decode("utf-8")
        if mark == _DEFLATED:
            return zlib.decompress(rest, _RAW).decode("utf-8")
        raise ValueError("a stored value is neither text nor deflated")


@cache
def _dictionary_deflate() -> Any:
    """A compressor primed with the dictionary, copied for each value: priming one took three
    times as long as deflating a value with it."""
    return zlib.compressobj(_LEVEL, zlib.DEFLATED, _RAW, _MEMORY, zlib.Z_DEFAULT_STRATEGY,
                            dictionary())


@cache
def _dictionary_inflate() -> Any:
    """A decompressor primed with the dictionary, copied for each value as the compressor is:
    a third quicker than priming one for each of the thousands of values an import reads."""
    return zlib.decompressobj(_RAW, zdict=dictionary())


@cache
def dictionary() -> bytes:
    """The preset dictionary values are deflated with: 32 KiB of field texts as canonical
    JSON strings (the starter plan's English texts, after the end of its French and its
    Spanish ones), so a value shares its common phrases with the dictionary instead of
    spelling them out. A value of a few hundred characters has too little text of its own
    for deflate to find repeats in: with the dictionary it takes about half the bytes.

    The file is frozen: every stored value deflated with it needs exactly these bytes to be
    read, so it is checked against its digest (a different one would be a new mark).
    """
    from cmsdesk.paths import resource

    data = resource("store", "values.dict").read_bytes()
    if hashlib.sha256(data).hexdigest() != _DICTIONARY_SHA256:
        raise RuntimeError("this installation of cmsdesk is damaged (its store dictionary "
                           "resources/store/values.dict was changed): reinstall it.")
    return data


def packed_rows(table: Table, columns: Sequence[str], rows: Iterable[Sequence[Any]]
                ) -> list[tuple[Any, ...]]:
    """``rows`` (values of ``columns`` of ``table``) as an SQLite store keeps them: each value as
    its column's type binds it. A statement given these values as they are stores what the
    types would have, without the per-value work of SQLAlchemy's bind processing (issue 19:
    it took a sixth of a batch import)."""
    packers = [(n, table.c[name].type.pack) for n, name in enumerate(columns)
               if isinstance(table.c[name].type, _Packed)]
    out = []
    for row in rows:
        values = list(row)
        for n, pack in packers:
            if isinstance(values[n], str):
                values[n] = pack(values[n])
        out.append(tuple(values))
    return out


class SignatureText(_Packed):
    """An Ed25519 signature, base64 of its 64 bytes: the bytes."""

    cache_ok = True

    def pack(self, text: str) -> bytes | str:
        try:
            raw = base64.b64decode(text, validate=True)
        except (binascii.Error, ValueError):
            return text
        return raw if base64.b64encode(raw).decode("ascii") == text else text

    def unpack(self, data: bytes) -> str:
        return base64.b64encode(data).decode("ascii")
