"""The main window: outline on the left, the node editor in the centre, cross-references right.

Panels are dock widgets (the Search and the Trash share the outline's place as tabs), so users
can arrange them; the centre holds the node editor and, on a second tab, the whole-plan coverage
matrix, which needs the width. The arrangement, the
window's geometry and a few choices are remembered between runs in the QSettings given to the
window. The status bar shows who is editing, which store is open and how many conflicts remain.

Other parts of the app add their commands to the File menu with :meth:`MainWindow.add_file_actions`
(section ``"plans"`` for Open plan…, ``"import"`` for Import bundles…, ``"export"`` for Export
bundle… and Export to Word…) and their docks with ``addDockWidget``, before :meth:`MainWindow.restore_layout` is called.
Bundle files named on the command line wait in :attr:`MainWindow.pending_files` for the import.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStyle,
    QTabBar,
    QTabWidget,
    QToolBar,
    QToolButton,
    QWidget,
)

from cmsdesk import __version__
from cmsdesk.models import queries
from cmsdesk.ui import fault_dialogs
from cmsdesk.ui.coverage_view import CoverageView
from cmsdesk.ui.document import PlanDocument
from cmsdesk.ui.edits import SetPlanField
from cmsdesk.ui.labels import field_name, fill, profile_text
from cmsdesk.ui.node_editor import NodeEditor
from cmsdesk.ui.outline_panel import OutlinePanel
from cmsdesk.ui.search_panel import SearchPanel
from cmsdesk.ui.theme import css, foreground
from cmsdesk.ui.trash_panel import TrashPanel
from cmsdesk.ui.xref_panel import XrefPanel

if TYPE_CHECKING:
    from cmsdesk.models.commands import Outcome
    from cmsdesk.ui.navigation import Navigation
    from cmsdesk.ui.plans import PlanSwitcher

LAYOUT_VERSION = 1


class MainWindow(QMainWindow):
    def __init__(self, document: PlanDocument, settings: QSettings,
                 files: list[str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.hub = document.hub
        self.settings = settings
        self.pending_files: list[Path] = [Path(f) for f in files or []]
        self.plans: PlanSwitcher | None = None  # File > Open plan… (added by the app)
        self.navigation: Navigation | None = None  # the Go menu, Save now (added by the app)
        self.setObjectName("cmsdesk-main")
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks
                            | QMainWindow.DockOption.AllowTabbedDocks)

        self.outline = OutlinePanel(document, self)
        self.editor = NodeEditor(document, self)
        self.xrefs = XrefPanel(document, self)
        self.coverage = CoverageView(document, self)
        self.search = SearchPanel(document, self)
        self.trash = TrashPanel(document, self)
        self.centre = QTabWidget(self)
        self.centre.setObjectName("centre")
        self.centre.setDocumentMode(True)
        self.centre.addTab(self.editor, self.tr("Editor"))
        self.centre.addTab(self.coverage, self.tr("Coverage matrix"))
        self.setCentralWidget(self.centre)

        left = Qt.DockWidgetArea.LeftDockWidgetArea
        self.outline_dock = self._dock("outline", self.tr("Outline"), self.outline, left)
        self.search_dock = self._dock("search", self.tr("Search"), self.search, left)
        self.trash_dock = self._dock("trash", self.tr("Trash"), self.trash, left)
        self.tabifyDockWidget(self.outline_dock, self.search_dock)
        self.tabifyDockWidget(self.search_dock, self.trash_dock)
        self.outline_dock.raise_()
        self.xref_dock = self._dock("xrefs", self.tr("Cross-references"), self.xrefs,
                                    Qt.DockWidgetArea.RightDockWidgetArea)

        self._make_status_bar()
        self._make_actions()
        self._make_menus()
        self._make_toolbar()
        self._connect()
        self._restore_settings()
        self.update_title()
        self.update_status()
        self._sized = False

    # -- construction ---------------------------------------------------------------------

    def _dock(self, name: str, title: str, widget: QWidget,
              area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{name}")
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(area, dock)
        return dock

    def _make_status_bar(self) -> None:
        bar = self.statusBar()
        self.identity_label = QLabel(self)
        self.store_label = QLabel(self)
        self.store_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.conflicts_button = QToolButton(self)
        self.conflicts_button.setAutoRaise(True)
        self.conflicts_button.setToolTip(self.tr("Go to the next contested place"))
        self.conflicts_button.clicked.connect(self.next_conflict)
        bar.addPermanentWidget(self.identity_label)
        bar.addPermanentWidget(self.store_label)
        bar.addPermanentWidget(self.conflicts_button)

    def _make_actions(self) -> None:
        style = self.style()
        stack = self.document.undo_stack
        self.undo_action = QAction(style.standardIcon(QStyle.StandardPixmap.SP_ArrowBack),
                                   self.tr("&Undo"), self)
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.undo_action.triggered.connect(self.document.undo)
        self.redo_action = QAction(style.standardIcon(QStyle.StandardPixmap.SP_ArrowForward),
                                   self.tr("&Redo"), self)
        self.redo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Redo))
        self.redo_action.triggered.connect(self.document.redo)
        # Slots take what the signals carry and never ask the stack: it also signals while
        # it is being destroyed.
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        stack.undoTextChanged.connect(self._undo_text_changed)
        stack.redoTextChanged.connect(self._redo_text_changed)
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())
        self._undo_text_changed(stack.undoText())
        self._redo_text_changed(stack.redoText())

        self.find_action = QAction(self.tr("&Find…"), self)
        self.find_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        self.find_action.triggered.connect(self.start_search)
        self.plan_action = QAction(self.tr("Plan &details…"), self)
        self.plan_action.triggered.connect(self.edit_plan_details)
        self.profile_action = QAction(self.tr("My &profile…"), self)
        self.profile_action.triggered.connect(self.edit_profile)
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        self.preview_action = QAction(self.tr("Markdown &preview"), self)
        self.preview_action.setCheckable(True)
        self.preview_action.setChecked(True)
        self.preview_action.toggled.connect(self.editor.set_preview_visible)
        self.about_action = QAction(self.tr("&About cmsdesk"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.about)
        self.coverage_action = QAction(self.tr("&Coverage matrix"), self)
        self.coverage_action.setToolTip(self.tr("Plan targets against framework targets"))
        self.coverage_action.setShortcut(QKeySequence("Ctrl+Shift+M"))
        self.coverage_action.triggered.connect(self.show_coverage)
        self.focus_actions = []
        for keys, text, widget in (
                ("Ctrl+1", self.tr("Go to the &outline"), self.outline.tree),
                ("Ctrl+2", self.tr("Go to the &editor"), self.editor.tabs),
                ("Ctrl+3", self.tr("Go to the cross-&references"), self.xrefs.tree)):
            act = QAction(text, self)
            act.setShortcut(QKeySequence(keys))
            act.triggered.connect(lambda _c=False, w=widget: self._focus(w))
            self.focus_actions.append(act)

    def _make_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu: QMenu = bar.addMenu(self.tr("&File"))
        self._file_sections = {"plans": self.file_menu.addSeparator(),
                               "import": self.file_menu.addSeparator(),
                               "export": self.file_menu.addSeparator()}
        self.file_menu.addAction(self.quit_action)

        self.edit_menu: QMenu = bar.addMenu(self.tr("&Edit"))
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        add_menu = self.edit_menu.addMenu(self.tr("&Add"))
        for act in self.outline.add_actions.values():
            add_menu.addAction(act)
        for act in self.outline.node_actions():
            self.edit_menu.addAction(act)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.find_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.plan_action)
        self.edit_menu.addAction(self.profile_action)

        self.view_menu: QMenu = bar.addMenu(self.tr("&View"))
        for dock in (self.outline_dock, self.search_dock, self.trash_dock, self.xref_dock):
            self.view_menu.addAction(dock.toggleViewAction())
        self.view_menu.addAction(self.coverage_action)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.preview_action)
        self._make_theme_menu()
        self.view_menu.addSeparator()
        for act in self.focus_actions:
            self.view_menu.addAction(act)

        self.help_menu: QMenu = bar.addMenu(self.tr("&Help"))
        self.help_menu.addAction(self.about_action)

    def _make_theme_menu(self) -> None:
        """View > Theme: the system's look, light or dark (remembered)."""
        from PySide6.QtGui import QActionGroup
        from PySide6.QtWidgets import QApplication

        from cmsdesk.ui.theme import THEMES, ThemeSwitcher, theme_names

        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return
        switcher = ThemeSwitcher.of(app)
        menu = self.view_menu.addMenu(self.tr("&Theme"))
        group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        for name in THEMES:
            act = menu.addAction(theme_names()[name])
            act.setCheckable(True)
            act.setChecked(name == switcher.current)
            act.triggered.connect(lambda _c=False, n=name: switcher.choose(n, self.settings))
            group.addAction(act)
            self.theme_actions[name] = act
        switcher.changed.connect(self._theme_changed)

    def _theme_changed(self, name: str) -> None:
        if not self.isVisible():  # a closed window (its store may be closed too)
            return
        if name in self.theme_actions:
            self.theme_actions[name].setChecked(True)
        self.update_status()  # its colours come from the palette

    def _make_toolbar(self) -> None:
        bar = QToolBar(self.tr("Main toolbar"), self)
        bar.setObjectName("toolbar-main")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.setMovable(False)
        bar.addAction(self.undo_action)
        bar.addAction(self.redo_action)
        bar.addSeparator()
        for kind in ("goal", "target"):
            bar.addAction(self.outline.add_actions[kind])
        bar.addAction(self.outline.delete_action)
        bar.addSeparator()
        bar.addAction(self.find_action)
        bar.addAction(self.coverage_action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.toolbar = bar

    def _connect(self) -> None:
        hub = self.hub
        hub.error.connect(self.show_error)
        hub.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        hub.outcome.connect(self._on_outcome)
        hub.reloaded.connect(self.update_status)
        hub.reloaded.connect(self.update_title)
        hub.current_changed.connect(self._remember_current)
        self.xrefs.coverage_requested.connect(self.show_coverage)
        self.xrefs.chooser.currentIndexChanged.connect(
            lambda _i: self.coverage.set_framework(self.xrefs.framework))
        self.coverage.set_framework(self.xrefs.framework)
        self.coverage.node_activated.connect(lambda node_id: hub.select_requested.emit(node_id, ""))
        hub.select_requested.connect(lambda _n, _f: self.centre.setCurrentWidget(self.editor))

    # -- the File menu, for other parts of the app ----------------------------------------

    def add_file_actions(self, *actions: QAction, section: str = "import") -> None:
        """Put actions in the File menu, in ``section`` "plans", "import" or "export" (in call
        order)."""
        before = self._file_sections[section]
        for act in actions:
            self.file_menu.insertAction(before, act)

    # -- status -------------------------------------------------------------------------

    def _on_outcome(self, outcome: Outcome) -> None:
        self.update_status()
        if outcome.projection.plans:
            self.update_title()

    def update_title(self) -> None:
        plan = self.document.read(queries.find_plan, self.document.plan_id)
        self.setWindowTitle(f"{plan.title}[*] — cmsdesk")  # [*]: typing not saved yet

    def update_status(self) -> None:
        profile = self.document.store.profile
        self.identity_label.setText(profile_text(profile))
        path = self.document.store.location  # a file, or a server address (no password)
        self.store_label.setText(fill(self.tr("Store: %1"), _shorten(path)))
        self.store_label.setToolTip(path)
        count = self.document.read(queries.conflict_count, self.document.plan_id)
        if count == 1:
            self.conflicts_button.setText(self.tr("1 unresolved conflict"))
        else:
            self.conflicts_button.setText(fill(self.tr("%1 unresolved conflicts"), count))
        self.conflicts_button.setEnabled(count > 0)
        font = self.conflicts_button.font()
        font.setBold(count > 0)
        self.conflicts_button.setFont(font)
        self.conflicts_button.setStyleSheet(
            f"color: {css(foreground('alert'))};" if count else "")

    def next_conflict(self) -> None:
        self._step_conflict(1)

    def previous_conflict(self) -> None:
        self._step_conflict(-1)

    def _step_conflict(self, step: int) -> None:
        contested = self.document.read(queries.conflicts, self.document.plan_id)
        places = [(c.node_id, c.field) for c in contested if c.node_id]
        if not places:
            return
        if step < 0:
            places.reverse()
        current = self.document.current_id
        ids = [p[0] for p in places]
        after = ids.index(current) + 1 if current in ids else 0
        while after < len(ids) and ids[after] == current:
            after += 1
        node_id, fld = places[after % len(places)]
        self.hub.select_requested.emit(node_id, "" if fld in ("deleted", "placement") else fld)

    def show_error(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("cmsdesk"), message)

    # -- commands -------------------------------------------------------------------------

    def _undo_text_changed(self, text: str) -> None:
        tip = fill(self.tr("Undo: %1"), text) if text else self.tr("Nothing to undo")
        self.undo_action.setToolTip(tip)
        self.undo_action.setStatusTip(tip)

    def _redo_text_changed(self, text: str) -> None:
        tip = fill(self.tr("Redo: %1"), text) if text else self.tr("Nothing to redo")
        self.redo_action.setToolTip(tip)
        self.redo_action.setStatusTip(tip)

    def _focus(self, widget: QWidget) -> None:
        if self.editor.isAncestorOf(widget):
            self.centre.setCurrentWidget(self.editor)
        if widget is self.editor.tabs:  # "Go to the editor" lands in the text
            self.editor.focus_text()
            return
        dock = widget.parentWidget()
        while dock is not None and not isinstance(dock, QDockWidget):
            dock = dock.parentWidget()
        if dock is not None:
            dock.show()
            dock.raise_()
        widget.setFocus()

    def start_search(self) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        self.search.start()

    def show_coverage(self) -> None:
        self.centre.setCurrentWidget(self.coverage)

    def edit_plan_details(self) -> None:
        from cmsdesk.ui.dialogs import PlanDetailsDialog

        plan = self.document.read(queries.find_plan, self.document.plan_id)
        before = {"title": plan.title, "period": plan.period, "symbol": plan.symbol}
        dialog = PlanDetailsDialog(before, self)
        if not dialog.exec():
            return
        for fld, value in dialog.values().items():
            if value != before[fld] and (value or fld != "title"):
                text = fill(self.tr("Edit the plan's %1"), field_name(fld))
                self.document.execute(SetPlanField(text, fld, before[fld], value))

    def edit_profile(self) -> None:
        from cmsdesk.ui.dialogs import ProfileDialog

        dialog = ProfileDialog(self.document.store.profile, self)
        if dialog.exec():
            self.document.store.set_profile(dialog.profile())
            self.update_status()

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About cmsdesk"), fill(self.tr(
            "<b>cmsdesk %1</b><p>Offline drafting of the Strategic Plan for Migratory Species: "
            "edit on your laptop, exchange drafts as bundle files, see who proposed what.</p>"),
            __version__))

    # -- settings -------------------------------------------------------------------------

    def restore_layout(self) -> None:
        """The window's geometry and dock arrangement from the last run (a first run gets most
        of the screen). Call it once every part of the app has added its docks, before the
        window is shown: docks added later would miss their remembered places."""
        s = self.settings
        geometry = s.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self._default_geometry()
        state = s.value("window/state")
        if state is not None:
            self.restoreState(state, LAYOUT_VERSION)
        self._hide_stale_tab_bars()

    def _hide_stale_tab_bars(self) -> None:
        """Docks tabbed together and hidden before the window is shown leave their group's tab
        bar where it was (Qt 6.11), drawn over the panels; the layout shows it again when two of
        those docks are shown."""
        # Docks and their tab bars are the window's own children: no need to search the widgets
        # inside the panels (a few milliseconds of the start).
        direct = Qt.FindChildOption.FindDirectChildrenOnly
        shown = {d.windowTitle() for d in self.findChildren(QDockWidget, options=direct)
                 if d.isVisibleTo(self)}
        for bar in self.findChildren(QTabBar, options=direct):
            if not {bar.tabText(i) for i in range(bar.count())} & shown:
                bar.hide()

    def _restore_settings(self) -> None:
        s = self.settings
        self.preview_action.setChecked(str(s.value("editor/preview", "true")) == "true")
        self.xrefs.set_framework(str(s.value("xrefs/framework", "aichi")))

    def _default_geometry(self) -> None:
        """First run: most of the screen, centred (the panels need the room)."""
        screen = QGuiApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        width = min(area.width() * 92 // 100, 1680)
        height = min(area.height() * 92 // 100, 1050)
        self.setGeometry(area.x() + (area.width() - width) // 2,
                         area.y() + (area.height() - height) // 2, width, height)

    def save_settings(self) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState(LAYOUT_VERSION))
        s.setValue("editor/preview", "true" if self.preview_action.isChecked() else "false")
        s.setValue("xrefs/framework", self.xrefs.framework)
        s.sync()

    def _remember_current(self, node_id: object) -> None:
        if node_id:
            self.settings.setValue(f"plans/{self.document.plan_id}/current", node_id)

    def restore_current(self) -> None:
        """Select the node worked on last time, or the first target."""
        self.outline.tree.setFocus()
        remembered = self.settings.value(f"plans/{self.document.plan_id}/current")
        if remembered and self.outline.select(str(remembered)):
            return
        first = next((e.id for e in self.outline.model.entries() if e.kind == "target"), None)
        if first:
            self.outline.select(first)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized and self.settings.value("window/state") is None:
            width = self.width()
            self.resizeDocks([self.outline_dock, self.xref_dock],
                             [min(420, max(240, width * 24 // 100)),
                              min(460, max(260, width * 25 // 100))],
                             Qt.Orientation.Horizontal)
        self._sized = True

    def closeEvent(self, event: QCloseEvent) -> None:
        self.document.flush()
        unsaved = len(self.document.unsaved)
        if unsaved and not fault_dialogs.confirm_losing_unsaved(self, unsaved):
            event.ignore()  # the text stays in the window, to be saved once there is room
            return
        self.save_settings()
        event.accept()


def _shorten(path: str, keep: int = 48) -> str:
    return path if len(path) <= keep else "…" + path[-(keep - 1):]

