"""Starting the desktop app: the store (and its lock), the profile, the plan, then the window.

A store locked by another running cmsdesk is refused with the holder named; a lock left by a
crashed process can be taken over. A store without a profile asks who is editing; a store
without a plan offers the starter plan or a draft bundle received from someone.
"""

from __future__ import annotations

import gc
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QWidget,
)

from cmsdesk.clicmd.common import UserError
from cmsdesk.models import queries
from cmsdesk.models.lock import StoreLockedError
from cmsdesk.models.store import Store
from cmsdesk.paths import resource
from cmsdesk.ui.document import PlanDocument
from cmsdesk.ui.labels import fill, translate
from cmsdesk.ui.mainwindow import MainWindow

if TYPE_CHECKING:
    from cmsdesk.clicmd.common import Context

APP_NAME = "cmsdesk"


def make_application() -> QApplication:
    """The QApplication, with names (for QSettings), icon and translations."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("cmsdesk")
    app.setDesktopFileName(APP_NAME)
    icons = resource("icons")
    if icons.is_dir():
        icon = QIcon()
        for entry in icons.iterdir():
            if entry.name.startswith("cmsdesk-") and entry.name.endswith(".png"):
                icon.addFile(str(entry))
        app.setWindowIcon(icon)
    from cmsdesk.ui.i18n import install_translators

    install_translators(app)
    return app


def open_store(ctx: Context, parent: QWidget | None = None) -> Store | None:
    """Open the store, asking to take over a lock left by a crash. None: the user gave up."""
    while True:
        try:
            return ctx.store()
        except UserError as exc:
            cause = exc.__cause__
            crashed = isinstance(cause, StoreLockedError) and (
                cause.holder is None or cause.holder.is_stale)
            if crashed and not ctx.args.take_over_lock and ask_take_over(str(exc), parent):
                ctx.args.take_over_lock = True
                continue
            QMessageBox.critical(parent, translate("app", "cmsdesk cannot open the store"),
                                 str(exc))
            return None


def ask_take_over(message: str, parent: QWidget | None) -> bool:
    box = QMessageBox(QMessageBox.Icon.Warning, translate("app", "The store is locked"),
                      fill(translate("app", "%1\n\nIf cmsdesk crashed, take the lock over: "
                                            "nothing else is using the store."), message),
                      QMessageBox.StandardButton.NoButton, parent)
    take = box.addButton(translate("app", "Take over"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("app", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is take


def ensure_profile(store: Store, parent: QWidget | None = None) -> bool:
    if store.has_profile:
        return True
    from cmsdesk.ui.dialogs import ProfileDialog

    dialog = ProfileDialog(None, parent)
    if not dialog.exec():
        return False
    store.set_profile(dialog.profile())
    return True


def import_first_bundle(store: Store, parent: QWidget | None) -> str | None:
    """Ask for a bundle file and import it; the id of the plan it brought, or None."""
    path, _filter = QFileDialog.getOpenFileName(
        parent, translate("app", "Open a draft bundle"), str(Path.home()),
        translate("app", "cmsdesk bundles (*.cmsb);;All files (*)"))
    if not path:
        return None
    try:
        from cmsdesk.sync.importer import import_bundle
    except ImportError:
        QMessageBox.warning(parent, translate("app", "cmsdesk"),
                            translate("app", "This version of cmsdesk cannot import bundles."))
        return None
    from cmsdesk.ui.progress import run_with_progress

    report = run_with_progress(parent, translate("app", "Importing the bundle"), [Path(path)],
                               lambda p: import_bundle(store, p), describe=lambda p: p.name)
    if report.failed:
        QMessageBox.warning(parent, translate("app", "The bundle was not imported"),
                            report.failed[0][1])
        return None
    return report.done[0][1].plan_id if report.done else None


def choose_plan(store: Store, wanted: str | None, parent: QWidget | None = None) -> str | None:
    """The plan to open: the one asked for, the only one, one chosen, or a new one."""
    with store.session() as s:
        if wanted:
            return queries.find_plan(s, wanted).id
        all_plans = [(p.id, p.title) for p in queries.plans(s)]
    while not all_plans:
        from cmsdesk.models.commands import create_plan_from_template
        from cmsdesk.ui.dialogs import StartDialog

        dialog = StartDialog(parent)
        if not dialog.exec():
            return None
        if dialog.choice == StartDialog.STARTER:
            return create_plan_from_template(store).created
        plan_id = import_first_bundle(store, parent)
        if plan_id:
            return plan_id
    if len(all_plans) == 1:
        return all_plans[0][0]
    names = [f"{title} ({plan_id[:8]})" for plan_id, title in all_plans]
    name, ok = QInputDialog.getItem(parent, translate("app", "Choose a plan"),
                                    translate("app", "This store holds several plans:"),
                                    names, 0, False)
    return all_plans[names.index(name)][0] if ok else None


def build_window(store: Store, plan_id: str, settings: QSettings,
                 files: list[str] | None = None) -> MainWindow:
    document = PlanDocument(store, plan_id)
    window = MainWindow(document, settings, files)
    window.restore_current()
    return window


def close_on_terminate(app: QApplication) -> None:
    """A logout or ``kill`` sends SIGTERM: close the windows properly (pending typing recorded,
    layout saved) and return from the event loop, so the store's lock is released."""

    def terminate(_signum: int, _frame: object) -> None:
        app.closeAllWindows()
        app.quit()

    signal.signal(signal.SIGTERM, terminate)
    # Python runs signal handlers only between bytecodes: a light timer gives it the chance
    # while Qt's event loop waits.
    ticker = QTimer(app)
    ticker.timeout.connect(lambda: None)
    ticker.start(500)


def run_app(ctx: Context) -> int:
    if ctx.args.screenshot:
        from cmsdesk.ui.screenshot import take_screenshot

        return take_screenshot(ctx)
    app = make_application()
    close_on_terminate(app)
    store = open_store(ctx)
    if store is None or not ensure_profile(store):
        return 1
    try:
        plan_id = choose_plan(store, ctx.args.plan)
    except queries.NotFoundError as exc:
        raise UserError(str(exc)) from exc
    if plan_id is None:
        return 1
    window = build_window(store, plan_id, QSettings(), ctx.args.files)
    window.restore_layout()
    after_first_frame(window, lambda: finish_start(window))
    window.show()
    return app.exec()


class _FirstFrame(QObject):
    """Calls ``then`` once the first paint of ``window`` has been dispatched.

    A frame paints the window itself before its children, so watching the window alone is
    enough (a filter on the application would run Python for each of the thousand-odd events
    of the start)."""

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self.window, self.then = window, then
        window.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:
            self.window.removeEventFilter(self)
            QTimer.singleShot(0, self.then)
        return False


def after_first_frame(window: QWidget, then: Callable[[], None]) -> None:
    """Run ``then`` when the window has been painted once (a zero-delay timer at show time
    would run before the platform's first expose and paint)."""
    _FirstFrame(window, then)


def finish_start(window: MainWindow) -> None:
    """Add what the first frame does not need: review, merge, import and export.

    They pull in the bundle, signature and diff code; building them after the window is up
    keeps start-up close to the bare cost of Qt. Their docks then take their remembered places,
    and bundles named on the command line are imported. The garbage collector, paused for the
    start (:func:`cmsdesk.cli.main`), resumes, leaving the objects made so far (modules, the
    window) out of its later passes. The start leaves some hundreds of objects of cyclic garbage,
    which stay: collecting them first would take about 60 ms.
    """
    from cmsdesk.ui.review_panels import install as install_review

    gc.freeze()
    gc.enable()
    panels = install_review(window)
    window.restore_layout()  # again, now that every part has added its docks
    if window.pending_files:
        panels.import_pending()
