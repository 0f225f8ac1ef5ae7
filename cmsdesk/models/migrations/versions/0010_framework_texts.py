"""framework texts: the reference frameworks' titles and summaries in French and Spanish

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('framework_texts',
    sa.Column('framework_id', sa.String(length=40), nullable=False),
    sa.Column('lang', sa.String(length=8), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['framework_id'], ['frameworks.id'], ),
    sa.PrimaryKeyConstraint('framework_id', 'lang', 'kind', 'code')
    )
    _install_bundled_texts()


def _install_bundled_texts() -> None:
    """A store made before gets the French and Spanish texts of the bundled frameworks it
    holds (a new store installs them with the frameworks)."""
    import json

    from cmsdesk.models.frameworks import parse_framework
    from cmsdesk.paths import resource

    bind = op.get_bind()
    held = {row[0] for row in bind.execute(sa.text("SELECT id FROM frameworks"))}
    table = sa.table('framework_texts', *(sa.column(c) for c in (
        'framework_id', 'lang', 'kind', 'code', 'title', 'summary')))
    for entry in resource("frameworks").iterdir():
        if not entry.name.endswith(".json"):
            continue
        fw = parse_framework(json.loads(entry.read_text("utf-8")), entry.name)
        if fw.id in held and fw.texts:
            op.bulk_insert(table, [{"framework_id": fw.id, "lang": lang, "kind": kind,
                                    "code": code, "title": title, "summary": summary}
                                   for lang, kind, code, title, summary in fw.texts])


def downgrade() -> None:
    op.drop_table('framework_texts')
