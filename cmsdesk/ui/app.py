"""Starting the desktop app (placeholder window until the editor lands)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cmsdesk.clicmd.common import Context


def run_app(ctx: Context) -> int:
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication([])
    store = ctx.store()
    label = QLabel(f"cmsdesk: store {store.path}")
    label.resize(640, 200)
    label.show()
    return app.exec()
