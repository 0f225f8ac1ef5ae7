"""quarantine: changes claiming a registered Party with an unregistered key, held out of the plan

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('quarantine',
    sa.Column('change_id', sa.String(length=64), nullable=False),
    sa.Column('plan_id', sa.String(length=36), nullable=False),
    sa.Column('replica', sa.String(length=32), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('version_id', sa.String(length=64), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('signature', sa.String(length=88), nullable=False),
    sa.Column('party', sa.String(length=200), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.PrimaryKeyConstraint('change_id')
    )
    with op.batch_alter_table('quarantine', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quarantine_plan_id'), ['plan_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_quarantine_replica'), ['replica'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('quarantine', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quarantine_replica'))
        batch_op.drop_index(batch_op.f('ix_quarantine_plan_id'))
    op.drop_table('quarantine')
