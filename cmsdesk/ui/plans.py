"""Which plan a window shows: File > Open plan…, recent plans, new plans, and opening the plan
a bundle brings.

A store can hold several plans (a Secretariat keeps last cycle's plan beside this one; a
delegate may have received a bundle of another plan by mistake). A window shows one plan;
switching opens a window on the other plan and closes this one, so every panel starts from the
plan it shows. Recently opened plans are remembered in the window's settings, most recent
first, and the next start opens the last one.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cmsdesk.models import queries
from cmsdesk.models.store import Store
from cmsdesk.ui.labels import fill, translate

if TYPE_CHECKING:
    from cmsdesk.ui.mainwindow import MainWindow

RECENT_KEY = "plans/recent"
RECENT_LIMIT = 8


def recent_plans(settings: QSettings) -> list[str]:
    """Plan ids, most recently opened first."""
    value = settings.value(RECENT_KEY) or []
    return [str(v) for v in ([value] if isinstance(value, str) else value)]


def remember_opened(settings: QSettings, plan_id: str) -> None:
    ids = [plan_id] + [p for p in recent_plans(settings) if p != plan_id]
    settings.setValue(RECENT_KEY, ids[:RECENT_LIMIT])


def plan_titles(store: Store) -> list[tuple[str, str]]:
    """(id, title) of every plan in the store."""
    with store.session() as s:
        return [(p.id, p.title) for p in queries.plans(s)]


def last_opened(store: Store, settings: QSettings) -> str | None:
    """The most recently opened plan the store still holds, if any."""
    held = {pid for pid, _title in plan_titles(store)}
    return next((pid for pid in recent_plans(settings) if pid in held), None)


def create_new_plan(store: Store, title: str, from_template: bool) -> str:
    """A new plan: the starter template under ``title``, or ``title`` over an empty outline."""
    from cmsdesk.models.commands import create_plan, create_plan_from_template

    if not from_template:
        return create_plan(store, title).created or ""
    from cmsdesk.models.template import load_starter_template

    template = load_starter_template()
    template["plan"] = {**template["plan"], "title": title or template["plan"]["title"]}
    return create_plan_from_template(store, template).created or ""


def ask_new_plan(store: Store, parent: QWidget | None) -> str | None:
    """File > New plan…: the dialog, then the plan; its id, or None if cancelled."""
    from cmsdesk.models.template import load_starter_template
    from cmsdesk.ui.dialogs import NewPlanDialog

    dialog = NewPlanDialog(load_starter_template()["plan"]["title"], parent)
    if not dialog.exec():
        return None
    return create_new_plan(store, dialog.plan_title(), dialog.from_template())


def ask_new_plan_of_kind(store: Store, from_template: bool,
                         parent: QWidget | None) -> str | None:
    """The first start's new plan: the starter template as it is, or an empty outline under a
    title asked for. Its id, or None if cancelled."""
    if from_template:
        return create_new_plan(store, "", True)
    from cmsdesk.models.template import load_starter_template

    title, ok = QInputDialog.getText(parent, translate("plans", "New plan"),
                                     translate("plans", "Title of the new plan:"),
                                     text=load_starter_template()["plan"]["title"])
    return create_new_plan(store, title.strip(), False) if ok and title.strip() else None


def import_plan_bundle(store: Store, paths: Sequence[Path], parent: QWidget | None) -> str | None:
    """Import bundle files whatever plan they hold (a first draft, or a plan to switch to);
    the plan the first imported file brought, or None (refused files are explained)."""
    from cmsdesk.sync.importer import import_bundle
    from cmsdesk.ui.progress import run_with_progress

    report = run_with_progress(parent, translate("plans", "Importing the bundle"), list(paths),
                               lambda p: import_bundle(store, p), describe=lambda p: p.name)
    if report.failed:
        path, error = report.failed[0]
        QMessageBox.warning(parent, translate("plans", "The bundle was not imported"),
                            fill(translate("plans", "%1 was not imported: %2"), path.name, error))
    return report.done[0][1].plan_id if report.done else None


def ask_bundle_file(parent: QWidget | None) -> Path | None:
    path, _filter = QFileDialog.getOpenFileName(
        parent, translate("plans", "Open a draft bundle"), str(Path.home()),
        translate("plans", "cmsdesk bundles (*.cmsb);;All files (*)"))
    return Path(path) if path else None


class OpenPlanDialog(QDialog):
    """The plans of the store, most recently opened first; or a bundle file that brings one."""

    def __init__(self, store: Store, settings: QSettings, current: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open a plan"))
        self.store = store
        self.chosen: str | None = None
        intro = QLabel(self.tr("The plans held on this computer. To open a plan someone sent "
                               "you, open its draft bundle."), self)
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Plans"))
        order = {pid: i for i, pid in enumerate(recent_plans(settings))}
        for pid, title in sorted(plan_titles(store),
                                 key=lambda p: (order.get(p[0], len(order)), p[1])):
            text = title if pid != current else fill(self.tr("%1 (open now)"), title)
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, pid)
            item.setToolTip(fill(self.tr("Plan id %1"), pid))
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self._open_selected())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.open_button = self.buttons.addButton(self.tr("&Open"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button.setDefault(True)
        self.open_button.setEnabled(self.list.count() > 0)
        self.bundle_button = QPushButton(self.tr("Open a draft &bundle…"), self)
        self.buttons.addButton(self.bundle_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self._open_selected)
        self.buttons.rejected.connect(self.reject)
        self.bundle_button.clicked.connect(self._open_bundle)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self.resize(520, 320)

    def _open_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chosen = str(item.data(Qt.ItemDataRole.UserRole))
            self.accept()

    def _open_bundle(self) -> None:
        path = ask_bundle_file(self)
        if path is None:
            return
        plan_id = import_plan_bundle(self.store, [path], self)
        if plan_id:
            self.chosen = plan_id
            self.accept()


class PlanSwitcher(QObject):
    """File > Open plan…, Open recent, New plan… of a main window, and switching plans."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.store = window.document.store
        remember_opened(window.settings, window.document.plan_id)
        self.open_action = QAction(self.tr("&Open plan…"), window)
        self.open_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Open))
        self.open_action.setStatusTip(self.tr("Open another plan held on this computer, or the "
                                              "plan of a draft bundle"))
        self.open_action.triggered.connect(self.choose)
        self.new_action = QAction(self.tr("&New plan…"), window)
        self.new_action.setStatusTip(self.tr("Create a new plan (the Secretariat's task)"))
        self.new_action.triggered.connect(self.new_plan)
        self.recent_menu = QMenu(self.tr("Open &recent"), window)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        window.add_file_actions(self.open_action, self.recent_menu.menuAction(),
                                self.new_action, section="plans")
        window.hub.open_plan_requested.connect(self.switch_to)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        titles = dict(plan_titles(self.store))
        current = self.window.document.plan_id
        for pid in recent_plans(self.window.settings):
            if pid in titles and pid != current:
                act = self.recent_menu.addAction(titles[pid])
                act.triggered.connect(lambda _c=False, p=pid: self.switch_to(p))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("No other plan opened recently")).setEnabled(False)

    def choose(self) -> None:
        dialog = OpenPlanDialog(self.store, self.window.settings, self.window.document.plan_id,
                                self.window)
        if dialog.exec() and dialog.chosen:
            self.switch_to(dialog.chosen)

    def new_plan(self) -> None:
        plan_id = ask_new_plan(self.store, self.window)
        if plan_id:
            self.switch_to(plan_id)

    def switch_to(self, plan_id: str) -> MainWindow | None:
        """Show ``plan_id`` in a new window in this one's place (nothing if it is shown)."""
        window = self.window
        if plan_id == window.document.plan_id:
            return None
        from cmsdesk.ui.app import open_window

        window.document.flush()
        window.save_settings()
        opened = open_window(self.store, plan_id, window.settings)
        opened.setGeometry(window.geometry())
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.close()
        return opened
