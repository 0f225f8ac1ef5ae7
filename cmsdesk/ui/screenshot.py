"""``cmsdesk --screenshot FILE.png``: the main window with a target selected, rendered offscreen.

Without ``--db`` it uses a throwaway store (a demo profile and the starter plan), so the user's
store is never touched; with ``--db`` it shows that store (adding the starter plan if it holds
none). The layout is the default one, not the user's remembered layout, so that screenshots are
comparable. ``--size WxH`` sets the window size (default 1280x800).
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from cmsdesk.atomic import WriteError
from cmsdesk.clicmd.common import UserError
from cmsdesk.models.identity import Profile

if TYPE_CHECKING:
    from cmsdesk.clicmd.common import Context
    from cmsdesk.models.store import Store
    from cmsdesk.ui.mainwindow import MainWindow

DEFAULT_SIZE = (1280, 800)
DEMO_PROFILE = Profile("Amina Diallo", "Senegal", "Africa", "focal point")


def parse_size(text: str | None) -> tuple[int, int]:
    if not text:
        return DEFAULT_SIZE
    match = re.fullmatch(r"\s*(\d{3,5})\s*[xX×]\s*(\d{3,5})\s*", text)
    if not match:
        raise UserError(f"--size {text!r}: give the window size as WIDTHxHEIGHT, e.g. 1920x1080")
    return int(match.group(1)), int(match.group(2))


def render(window: MainWindow, size: tuple[int, int], path: Path) -> Path:
    """Lay the window out at ``size``, select a target, and write it to a PNG atomically."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtWidgets import QApplication

    from cmsdesk.atomic import write_bytes_atomic

    window.resize(*size)
    window.show()
    QApplication.processEvents()
    window.restore_current()
    for page in window.editor.pages.values():
        if page.field.preview.isVisibleTo(window):
            page.field.render_preview()
    for _ in range(3):
        QApplication.processEvents()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    window.grab().save(buffer, "PNG")
    buffer.close()
    return write_bytes_atomic(path, bytes(data.data()))


def _plan_of(store: Store, wanted: str | None) -> str:
    from cmsdesk.models import queries
    from cmsdesk.models.commands import create_plan_from_template

    with store.session() as s:
        if wanted or queries.plans(s):
            try:
                return queries.find_plan(s, wanted).id
            except queries.NotFoundError as exc:
                raise UserError(str(exc)) from exc
    return create_plan_from_template(store).created or ""


def take_screenshot(ctx: Context) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    from cmsdesk.models.store import Store
    from cmsdesk.ui.app import build_window, make_application
    from cmsdesk.ui.review_panels import install as install_review

    size = parse_size(getattr(ctx.args, "size", None))
    target = Path(ctx.args.screenshot)
    make_application()
    with tempfile.TemporaryDirectory(prefix="cmsdesk-shot-") as tmp:
        if ctx.args.db:
            store = ctx.store()
        else:
            store = Store.open(Path(tmp) / "demo.db")
            store.set_profile(DEMO_PROFILE)
        try:
            settings = QSettings(str(Path(tmp) / "layout.ini"), QSettings.Format.IniFormat)
            window = build_window(store, _plan_of(store, ctx.args.plan), settings)
            install_review(window)  # the window as run_app shows it, with its Review menu
            window.restore_layout()  # the first-run layout: the settings file is new
            try:
                render(window, size, target)
            except WriteError as exc:
                raise UserError(str(exc)) from exc
            finally:
                window.close()
        finally:
            if not ctx.args.db:
                store.close()
    print(target)
    return 0
