"""changes packed: ids, replicas, plan and entity uuids and signatures as bytes, values deflated

Revision ID: 0011
Revises: 0010

In an SQLite store the change log's hexadecimal ids (the change, its version, its parents),
replica ids, uuids (plan, entity) and signatures (base64) become their raw bytes, and a value
longer than a few words is deflated when that is shorter (`cmsdesk.models.packing`). The tables
are rebuilt row for row in the same order, through the packing types, so each change's canonical
JSON, and with it its id and signature, is exactly what it was. A store on PostgreSQL keeps text
columns: nothing changes there.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

from cmsdesk.models.packing import DeflatedText, HexText, IdListText, SignatureText, UuidText

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

_BATCH = 2000
# (column, type as text, type packed); the other columns keep their type
_CHANGES = (
    ('id', sa.String(64), HexText(64)),
    ('version_id', sa.String(64), HexText(64)),
    ('plan_id', sa.String(36), UuidText(36)),
    ('replica', sa.String(32), HexText(32)),
    ('eid', sa.String(120), UuidText(120)),
    ('value', sa.Text(), DeflatedText()),
    ('parents', sa.Text(), IdListText()),
)
_KEPT = (
    ('arrival', sa.Integer()), ('seq', sa.Integer()), ('op', sa.String(24)),
    ('entity', sa.String(16)), ('field', sa.String(32)), ('author_name', sa.String(200)),
    ('author_party', sa.String(200)), ('author_region', sa.String(100)),
    ('author_role', sa.String(40)), ('clock', sa.String(40)), ('origin', sa.String(64)),
    ('extra', sa.Text()),
)
_SIGNATURES = (
    ('change_id', sa.String(64), HexText(64)),
    ('signature', sa.String(88), SignatureText(88)),
)


def _columns(changed: tuple[tuple[str, Any, Any], ...], packed: bool,
             kept: tuple[tuple[str, Any], ...] = ()) -> list[sa.Column[Any]]:
    return [sa.Column(name, packed_type if packed else plain, nullable=False)
            for name, plain, packed_type in changed] + \
           [sa.Column(name, kind, nullable=False) for name, kind in kept]


def _rebuild_changes(packed: bool) -> None:
    columns = _columns(_CHANGES, packed, _KEPT)
    op.create_table('changes_rebuilt', *columns, sa.PrimaryKeyConstraint('arrival'),
                    sa.UniqueConstraint('id'))
    _copy('changes', 'changes_rebuilt', _columns(_CHANGES, not packed, _KEPT), columns,
          'arrival')
    op.drop_table('changes')
    op.rename_table('changes_rebuilt', 'changes')
    op.create_index('ix_changes_key', 'changes', ['entity', 'eid', 'field'], unique=False)
    op.create_index('ix_changes_plan_replica_seq', 'changes', ['plan_id', 'replica', 'seq'],
                    unique=True)
    op.create_index('ix_changes_version_id', 'changes', ['version_id'], unique=False)


def _rebuild_signatures(packed: bool) -> None:
    columns = _columns(_SIGNATURES, packed)
    op.create_table('change_signatures_rebuilt', *columns,
                    sa.PrimaryKeyConstraint('change_id'))
    _copy('change_signatures', 'change_signatures_rebuilt', _columns(_SIGNATURES, not packed),
          columns, 'change_id')
    op.drop_table('change_signatures')
    op.rename_table('change_signatures_rebuilt', 'change_signatures')


def _copy(source: str, target: str, read_as: list[sa.Column[Any]],
          write_as: list[sa.Column[Any]], order: str) -> None:
    """Every row of ``source`` into ``target``, read through the old types and written
    through the new ones, a batch at a time in ``order``."""
    bind = op.get_bind()
    old = sa.table(source, *(sa.column(c.name, c.type) for c in read_as))
    new = sa.table(target, *(sa.column(c.name, c.type) for c in write_as))
    read = sa.select(old).order_by(old.c[order]).limit(_BATCH)
    after: Any = None
    while batch := bind.execute(read if after is None else
                                read.where(old.c[order] > after)).all():
        bind.execute(sa.insert(new), [dict(r._mapping) for r in batch])
        after = batch[-1]._mapping[order]


def upgrade() -> None:
    if op.get_bind().dialect.name != 'sqlite':
        return
    _rebuild_changes(packed=True)
    _rebuild_signatures(packed=True)


def downgrade() -> None:
    if op.get_bind().dialect.name != 'sqlite':
        return
    _rebuild_changes(packed=False)
    _rebuild_signatures(packed=False)
