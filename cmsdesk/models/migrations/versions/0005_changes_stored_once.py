"""changes stored once: the body's other fields in `extra`, no second index on the plan

Revision ID: 0005
Revises: 0004

Until now every change kept its canonical JSON in `body` beside the columns that already hold
each of its fields, the value (a whole field text) included: most of a store's bytes twice.
From here `extra` keeps only what no column holds (the format version, a language version's
`lang`, `translates` or `carries`, and any field a later format adds); the JSON, and with it the
change id, is rebuilt from the columns (`cmsdesk.models.changelog.body_text`). The index on
`plan_id` alone goes too: the unique index on (plan_id, replica, seq) serves the same lookups.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

# The fields of a change that have columns of their own (frozen here, so that this migration
# means the same whatever later code does).
_IN_COLUMNS = ("plan", "replica", "seq", "clock", "op", "entity", "eid", "field", "value",
               "parents")
_AUTHOR = ("name", "party", "region", "role")
_CHANGES = sa.table(
    'changes', sa.column('arrival', sa.Integer), sa.column('body', sa.Text),
    sa.column('extra', sa.Text), sa.column('plan_id', sa.Text), sa.column('replica', sa.Text),
    sa.column('seq', sa.Integer), sa.column('clock', sa.Text), sa.column('op', sa.Text),
    sa.column('entity', sa.Text), sa.column('eid', sa.Text), sa.column('field', sa.Text),
    sa.column('value', sa.Text), sa.column('parents', sa.Text),
    *(sa.column(f'author_{k}', sa.Text) for k in _AUTHOR))
_BATCH = 2000


def _canonical(value: Any) -> str:
    # stored bodies are in NFC already: sorting and compact separators suffice
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def extra_of(body_json: str) -> str:
    body = json.loads(body_json)
    rest = {k: v for k, v in body.items() if k not in _IN_COLUMNS and k != "author"}
    if set(body["author"]) != set(_AUTHOR):
        rest["author"] = body["author"]
    return _canonical(rest)


def body_of(row: Any) -> str:
    body = json.loads(row.extra)
    body.setdefault("author", {k: getattr(row, f"author_{k}") for k in _AUTHOR})
    body.update(plan=row.plan_id, replica=row.replica, seq=row.seq, clock=row.clock, op=row.op,
                entity=row.entity, eid=row.eid, field=row.field.split("@")[0],
                value=json.loads(row.value),
                parents=json.loads(row.parents))
    return _canonical(body)


def _fill(target: str, make: Callable[[Any], str], *columns: str) -> None:
    """Set the column ``target`` of every change to ``make(row)``, a batch at a time."""
    bind = op.get_bind()
    read = sa.select(_CHANGES.c.arrival, *(_CHANGES.c[c] for c in columns)).where(
        _CHANGES.c.arrival > sa.bindparam('after')).order_by(_CHANGES.c.arrival).limit(_BATCH)
    write = _CHANGES.update().where(_CHANGES.c.arrival == sa.bindparam('row')).values(
        {target: sa.bindparam('made')})
    after = 0
    while rows := bind.execute(read, {'after': after}).all():
        bind.execute(write, [{'row': r.arrival, 'made': make(r)} for r in rows])
        after = rows[-1].arrival


def upgrade() -> None:
    with op.batch_alter_table('changes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('extra', sa.Text(), nullable=True))
    _fill('extra', lambda r: extra_of(r.body), 'body')
    with op.batch_alter_table('changes', schema=None) as batch_op:
        batch_op.alter_column('extra', existing_type=sa.Text(), nullable=False)
        batch_op.drop_column('body')
        batch_op.drop_index('ix_changes_plan_id')


def downgrade() -> None:
    with op.batch_alter_table('changes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('body', sa.Text(), nullable=True))
        batch_op.create_index('ix_changes_plan_id', ['plan_id'], unique=False)
    _fill('body', body_of, 'extra', 'plan_id', 'replica', 'seq', 'clock', 'op', 'entity', 'eid',
          'field', 'value', 'parents', *(f'author_{k}' for k in _AUTHOR))
    with op.batch_alter_table('changes', schema=None) as batch_op:
        batch_op.alter_column('body', existing_type=sa.Text(), nullable=False)
        batch_op.drop_column('extra')
