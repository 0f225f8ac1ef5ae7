"""Taking a store back to an earlier schema, as someone would by hand with Alembic: for the
tests of each migration's downgrade."""

from __future__ import annotations

from pathlib import Path

from cmsdesk.models.store import MIGRATIONS, Store


def downgrade(path: Path, revision: str) -> None:
    """Open the store at ``path`` (migrating it to this version first) and downgrade it to
    ``revision``."""
    from alembic import command
    from alembic.config import Config

    store = Store.open(path)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    try:
        with store.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, revision)
    finally:
        store.close()
