"""retired keys: keys replaced by a rotation statement, still good for what they signed before

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('retired_keys',
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('replica', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    with op.batch_alter_table('retired_keys', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_retired_keys_replica'), ['replica'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('retired_keys', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_retired_keys_replica'))
    op.drop_table('retired_keys')
