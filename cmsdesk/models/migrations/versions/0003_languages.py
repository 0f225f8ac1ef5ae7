"""languages: the plan's original language, translations, the language of comments

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('plans', schema=None) as batch_op:
        batch_op.add_column(sa.Column('language', sa.String(length=8), nullable=False,
                                      server_default='en'))
    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('lang', sa.String(length=8), nullable=True))
    op.create_table('translations',
    sa.Column('entity', sa.String(length=16), nullable=False),
    sa.Column('eid', sa.String(length=120), nullable=False),
    sa.Column('field', sa.String(length=32), nullable=False),
    sa.Column('lang', sa.String(length=8), nullable=False),
    sa.Column('plan_id', sa.String(length=36), nullable=False),
    sa.Column('node_id', sa.String(length=36), nullable=True),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('translates', sa.Text(), nullable=False),
    sa.Column('proposal', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('entity', 'eid', 'field', 'lang')
    )
    with op.batch_alter_table('translations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_translations_node_id'), ['node_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_translations_plan_id'), ['plan_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('translations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_translations_plan_id'))
        batch_op.drop_index(batch_op.f('ix_translations_node_id'))
    op.drop_table('translations')
    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.drop_column('lang')
    with op.batch_alter_table('plans', schema=None) as batch_op:
        batch_op.drop_column('language')
