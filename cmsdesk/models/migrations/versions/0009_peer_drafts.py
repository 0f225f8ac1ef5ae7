"""peer drafts: the named drafts each peer is known to hold (drafts travel in bundles)

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('peer_drafts',
    sa.Column('replica', sa.String(length=32), nullable=False),
    sa.Column('draft_id', sa.String(length=36), nullable=False),
    sa.PrimaryKeyConstraint('replica', 'draft_id')
    )


def downgrade() -> None:
    op.drop_table('peer_drafts')
