"""named drafts: document metadata and remembered export options

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('named_drafts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('meta', sa.Text(), nullable=False, server_default='{}'))
        batch_op.add_column(sa.Column('options', sa.Text(), nullable=False,
                                      server_default='{}'))


def downgrade() -> None:
    with op.batch_alter_table('named_drafts', schema=None) as batch_op:
        batch_op.drop_column('options')
        batch_op.drop_column('meta')
