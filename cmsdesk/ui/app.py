"""Starting the desktop app: the store (and its lock), the profile, the plan, then the window.

A store locked by another running cmsdesk is refused with the holder named; a lock left by a
crashed process is taken over once the user agrees to continue. A store without a profile asks
who is editing; a store without a plan asks who the person is: a delegate or focal point opens
the draft bundle received (or waits for it in an empty window that says where it will come
from); only the Secretariat creates a plan. With several plans, the last one opened opens.
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
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from cmsdesk.clicmd.common import UserError
from cmsdesk.models import queries
from cmsdesk.models.lock import StoreLockedError
from cmsdesk.models.store import PasswordNeededError, Store, StoreDamagedError
from cmsdesk.paths import resource
from cmsdesk.ui.document import PlanDocument
from cmsdesk.ui.labels import fill, translate
from cmsdesk.ui.mainwindow import MainWindow

if TYPE_CHECKING:
    from cmsdesk.clicmd.common import Context

APP_NAME = "cmsdesk"
GUI_SWITCH_INTERVAL_S = 0.001


def make_application() -> QApplication:
    """The QApplication, with names (for QSettings), icon and translations."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    # A worker thread (an import, an export) holds the interpreter until another thread has
    # waited this long for it; every Python slot and event filter of the window waits that
    # long while a worker runs. Python's default, 5 ms, made each frame wait 10-20 ms.
    sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
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
    from PySide6.QtCore import QLocale

    from cmsdesk.ui.i18n import install_translators
    from cmsdesk.ui.preferences import LANGUAGE_SETTING

    chosen = str(QSettings().value(LANGUAGE_SETTING, "") or "")  # Edit > Preferences
    if chosen:
        QLocale.setDefault(QLocale(chosen))
    install_translators(app, QLocale(chosen) if chosen else None)
    return app


def open_store(ctx: Context, parent: QWidget | None = None) -> Store | None:
    """Open the store. The operating system's lock is released when its holder stops, so a
    lock left by a crash is taken at once; the user is then told the last session ended badly
    and may quit. A damaged store is not opened: its latest good backup is offered instead.
    None: the user quit, or another running cmsdesk holds the store (said so)."""
    while True:
        try:
            store = ctx.store()
        except UserError as exc:
            cause = exc.__cause__
            if isinstance(cause, PasswordNeededError):
                password, ok = QInputDialog.getText(
                    parent, translate("app", "Password for the shared store"), str(exc),
                    QLineEdit.EchoMode.Password)
                if not ok:
                    return None
                ctx.password = password
                continue
            if isinstance(cause, StoreDamagedError):
                from cmsdesk.ui.fault_dialogs import offer_backup

                if offer_backup(cause.path, parent):
                    continue  # the good backup is in place: open it
                return None
            if isinstance(cause, StoreLockedError):
                QMessageBox.critical(parent, translate("app", "cmsdesk is already open"),
                                     in_use_message(cause))
            else:
                QMessageBox.critical(parent, translate("app", "cmsdesk cannot open the store"),
                                     str(exc))
            return None
        left = store.lock.left_by if store.lock is not None else None
        if left is not None and not ctx.args.take_over_lock and not ask_take_over(
                f"{store.path}: left open by {left.describe()}", parent):
            ctx.close()
            return None
        return store


def in_use_message(error: StoreLockedError) -> str:
    """Another running cmsdesk holds the store: say who, in words, without process ids."""
    holder = error.holder
    if holder is None:
        return translate("app", "cmsdesk is already open in another window. Switch to that "
                                "window, or close it and start cmsdesk again.")
    return fill(translate("app", "cmsdesk is already open (by %1 on %2, since %3). Switch to "
                                 "that window, or close it and start cmsdesk again."),
                holder.user, holder.host, holder.since)


def ask_take_over(message: str, parent: QWidget | None) -> bool:
    """After a crash: go on with the store (taking the lock over) or quit. ``message`` is the
    technical reason, shown only under Show Details."""
    box = take_over_box(message, parent)
    box.exec()
    return box.clickedButton() is box.defaultButton()


def take_over_box(message: str, parent: QWidget | None) -> QMessageBox:
    """The question :func:`ask_take_over` asks; Continue is its default button."""
    box = QMessageBox(QMessageBox.Icon.Information,
                      translate("app", "cmsdesk was not closed properly"),
                      translate("app", "cmsdesk was not closed properly last time (the computer "
                                       "may have stopped, or the program crashed). Your work up "
                                       "to the last save is safe. Continue?"),
                      QMessageBox.StandardButton.NoButton, parent)
    box.setDetailedText(message)
    go = box.addButton(translate("app", "&Continue"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("app", "&Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(go)
    return box


def ensure_profile(store: Store, parent: QWidget | None = None) -> bool:
    if store.has_profile:
        return True
    from cmsdesk.ui.dialogs import ProfileDialog

    dialog = ProfileDialog(None, parent)
    if not dialog.exec():
        return False
    store.set_profile(dialog.profile())
    return True


NO_PLAN_YET = ""  # choose_plan's answer for a delegate still waiting for the draft


def choose_plan(store: Store, wanted: str | None, parent: QWidget | None = None,
                settings: QSettings | None = None) -> str | None:
    """The plan to open: the one asked for, the only one, the last one opened, one chosen; in
    an empty store what the first-start dialog decides (a received bundle's plan, a new plan,
    or :data:`NO_PLAN_YET`). None: the user quit."""
    from cmsdesk.ui import plans

    with store.session() as s:
        if wanted:
            return queries.find_plan(s, wanted).id
    all_plans = plans.plan_titles(store)
    while not all_plans:
        from cmsdesk.ui.dialogs import StartDialog

        dialog = StartDialog(store.profile.role if store.has_profile else "delegate", parent)
        if not dialog.exec():
            return None
        if dialog.choice == StartDialog.WAIT:
            return NO_PLAN_YET
        if dialog.choice == StartDialog.FROM_FILE:
            from cmsdesk.ui.plan_from_file import ask_plan_from_file

            plan_id = ask_plan_from_file(store, parent)
        elif dialog.choice in (StartDialog.STARTER, StartDialog.EMPTY):
            plan_id = plans.ask_new_plan_of_kind(store, dialog.choice == StartDialog.STARTER,
                                                 parent)
        else:
            path = plans.ask_bundle_file(parent)
            plan_id = plans.import_plan_bundle(store, [path], parent) if path else None
        if plan_id:
            return plan_id
    if len(all_plans) == 1:
        return all_plans[0][0]
    last = plans.last_opened(store, settings) if settings is not None else None
    if last:
        return last
    names = [f"{title} ({plan_id[:8]})" for plan_id, title in all_plans]
    name, ok = QInputDialog.getItem(parent, translate("app", "Choose a plan"),
                                    translate("app", "This store holds several plans:"),
                                    names, 0, False)
    return all_plans[names.index(name)][0] if ok else None


def build_window(store: Store, plan_id: str, settings: QSettings,
                 files: list[str] | None = None) -> MainWindow:
    from cmsdesk.ui.navigation import Navigation
    from cmsdesk.ui.plans import PlanSwitcher

    document = PlanDocument(store, plan_id)
    window = MainWindow(document, settings, files)
    window.plans = PlanSwitcher(window)
    window.navigation = Navigation(window)
    window.restore_current()
    return window


def open_window(store: Store, plan_id: str, settings: QSettings,
                files: list[str] | None = None) -> MainWindow:
    """Build the main window on a plan, show it, and add the rest after its first frame."""
    window = build_window(store, plan_id, settings, files)
    window.restore_layout()
    after_first_frame(window, lambda: finish_start(window))
    window.show()
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
    from cmsdesk.ui.fault_dialogs import BusyNotice, FaultHook

    FaultHook(QApplication.activeWindow, app).install()  # never a traceback: one dialog
    ctx.on_busy = BusyNotice(QApplication.activeWindow)
    if not ctx.args.db:
        from cmsdesk.ui.preferences import SERVER_SETTING

        ctx.args.db = str(QSettings().value(SERVER_SETTING, "") or "") or None  # Preferences
    location = ctx.store_location
    if ctx.args.files and isinstance(location, Path):
        from cmsdesk.ui.handover import hand_over, server_name

        # cmsdesk already runs on this store: its window imports the files
        if hand_over(server_name(location), ctx.args.files):
            return 0
    store = open_store(ctx)
    if store is None or not ensure_profile(store):
        return 1
    settings = QSettings()
    from cmsdesk.ui.theme import ThemeSwitcher

    ThemeSwitcher.of(app).apply_saved(settings)
    from cmsdesk.ui.preferences import apply_saved

    apply_saved(settings)
    try:
        plan_id = choose_plan(store, ctx.args.plan, settings=settings)
    except queries.NotFoundError as exc:
        raise UserError(str(exc)) from exc
    if plan_id is None:
        return 1
    if plan_id == NO_PLAN_YET:
        from cmsdesk.ui.waiting_window import WaitingWindow

        waiting = WaitingWindow(store, settings, ctx.args.files)
        waiting.show()
    else:
        open_window(store, plan_id, settings, ctx.args.files)
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
    from cmsdesk.ui.server_watch import watch_server

    watch_server(window)  # a shared server store: other officers' changes appear
    listen_for_files(window)
    window.restore_layout()  # again, now that every part has added its docks
    if window.pending_files:
        panels.import_pending()


def listen_for_files(window: MainWindow) -> None:
    """Bundles opened while this window runs come to it: from later programs started on the
    same store file (cmsdesk FILE.cmsb, a double-click), and on macOS from Finder's open
    events. (A store on a database server has no lock to collide with: a second program opens
    it and imports there. The window waiting for a first draft listens the same way:
    :mod:`cmsdesk.ui.waiting_window`.)"""
    from cmsdesk.ui.handover import HandOverServer, accept_file_open_events, deliver_to, server_name

    deliver = deliver_to(window)
    path = window.document.store.path
    if path is not None:
        server = HandOverServer(server_name(path), window)
        server.files_received.connect(deliver)
        window.handover = server  # type: ignore[attr-defined]
    app = QApplication.instance()
    if sys.platform == "darwin" and isinstance(app, QApplication):
        accept_file_open_events(app, deliver)
