"""change signatures: each change's signature by its author's key (bundle format 3.0)

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('change_signatures',
    sa.Column('change_id', sa.String(length=64), nullable=False),
    sa.Column('signature', sa.String(length=88), nullable=False),
    sa.PrimaryKeyConstraint('change_id')
    )


def downgrade() -> None:
    op.drop_table('change_signatures')
