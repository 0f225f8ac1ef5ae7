"""values deflated with the store's dictionary

Revision ID: 0012
Revises: 0011

In an SQLite store every value long enough to deflate is deflated again with the preset
dictionary of field texts (`cmsdesk.models.packing.dictionary`), which takes about half the bytes
of deflating it alone. Only the stored bytes change: each value reads back as the same text, so
each change's canonical JSON, its id and its signature are what they were. A store on
PostgreSQL keeps text columns: nothing changes there.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable

import sqlalchemy as sa
from alembic import op

from cmsdesk.models.packing import DeflatedText

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

_BATCH = 2000
_READ = sa.text("SELECT arrival, value FROM changes WHERE arrival > :after AND "
                "(typeof(value) = 'blob' OR length(value) >= 64) ORDER BY arrival LIMIT :n")
_WRITE = sa.text("UPDATE changes SET value = :value WHERE arrival = :arrival")


def _as_0011(text: str) -> bytes | str:
    """A value as schema 0011 stored it: deflated alone (raw, level 6) when that is shorter."""
    raw = text.encode("utf-8")
    if len(text) < 64:
        return text
    deflate = zlib.compressobj(6, zlib.DEFLATED, -15)
    packed = b"z" + deflate.compress(raw) + deflate.flush()
    return packed if len(packed) < len(raw) else text


def _repack(pack: Callable[[str], bytes | str]) -> None:
    """Every value of the change log read as text and stored again as ``pack`` makes it."""
    bind = op.get_bind()
    values = DeflatedText()
    after = 0
    while rows := bind.execute(_READ, {"after": after, "n": _BATCH}).all():
        changed = []
        for arrival, stored in rows:
            text = values.unpack(bytes(stored)) if isinstance(stored, bytes) else stored
            packed = pack(text)
            if packed != stored:
                changed.append({"arrival": arrival, "value": packed})
        if changed:
            bind.execute(_WRITE, changed)
        after = rows[-1][0]


def upgrade() -> None:
    if op.get_bind().dialect.name != 'sqlite':
        return
    _repack(DeflatedText().pack)


def downgrade() -> None:
    if op.get_bind().dialect.name != 'sqlite':
        return
    _repack(_as_0011)
