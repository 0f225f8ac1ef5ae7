"""Review and merge in the main window: the panels, the Review menu and the File entries.

:func:`install` adds to a main window what the Secretariat and focal points need once bundles
arrive: File > Import bundles… (and bundles dropped on the window or named on the command line),
the Review, Conflicts, History and Named drafts panels (docked below the editor, tabbed, hidden
until asked for), File > Export bundle…, and the Word and Markdown exports of the meeting
documents. It only adds: the window itself knows nothing of review and merge.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu, QWidget

from cmsdesk.models.changelog import Key
from cmsdesk.ui.drafts_view import DraftsView
from cmsdesk.ui.export_dialogs import (
    COMPILATION,
    DOCX,
    MARKDOWN,
    ExportBundleDialog,
    export_document,
)
from cmsdesk.ui.history_view import HistoryView
from cmsdesk.ui.import_flow import FileOutcome, ImportFlow
from cmsdesk.ui.keys_view import KeysDialog
from cmsdesk.ui.mainwindow import LAYOUT_VERSION, MainWindow
from cmsdesk.ui.plan_from_file import new_plan_action
from cmsdesk.ui.reply_import import ReplyImport
from cmsdesk.ui.resolve_view import ResolveView
from cmsdesk.ui.review_view import ReviewView

DOCK_SHARE = 0.55  # of the window's height, for a review panel when it is opened


class ReviewPanels(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        document = window.document
        self.document = document
        self.import_flow = ImportFlow(window, document)
        self.replies = ReplyImport(window, document)  # Word replies, letters and e-mails
        self.review = ReviewView(document)
        self.resolve = ResolveView(document)
        self.history = HistoryView(document)
        self.drafts = DraftsView(document)
        self.review_dock = self._dock("review", self.tr("Review"), self.review)
        self.resolve_dock = self._dock("conflicts", self.tr("Conflicts"), self.resolve)
        self.history_dock = self._dock("history", self.tr("History"), self.history)
        self.drafts_dock = self._dock("drafts", self.tr("Named drafts"), self.drafts)
        docks = self.docks()
        for first, second in zip(docks, docks[1:], strict=False):
            window.tabifyDockWidget(first, second)
        state = window.settings.value("window/state")
        if state is not None:  # a remembered layout: restore these panels too, now they exist
            window.restoreState(state, LAYOUT_VERSION)
        else:
            for dock in docks:
                dock.hide()
        # Side by side for a moment before they were tabbed, the panels raised the window's
        # minimum width beyond the screen; let the layout compute it again now.
        layout = window.layout()
        if layout is not None:
            layout.activate()

        self._make_actions()
        self._make_menus()
        self.import_flow.review_requested.connect(self.show_review)
        self.import_flow.resolve_requested.connect(self.show_resolve)
        self.drafts.export_everyone_requested.connect(lambda: self.export_bundle(everyone=True))

    def _dock(self, name: str, title: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self.window)
        dock.setObjectName(f"dock-{name}")
        dock.setWidget(widget)
        self.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        return dock

    def docks(self) -> list[QDockWidget]:
        return [self.review_dock, self.resolve_dock, self.history_dock, self.drafts_dock]

    def _action(self, text: str, slot: Callable[[], object], keys: str = "",
                tip: str = "") -> QAction:
        action = QAction(text, self.window)
        if keys:
            action.setShortcut(QKeySequence(keys))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _make_actions(self) -> None:
        self.review_action = self._action(
            self.tr("&Review changes received"), self.show_review, "Ctrl+Shift+R",
            self.tr("What each Party proposed since a named draft"))
        self.resolve_action = self._action(self.tr("Resolve &conflicts"), self.show_resolve,
                                           "Ctrl+Shift+K")
        self.history_action = self._action(self.tr("&History of this field"),
                                           self.show_history, "Ctrl+Shift+H")
        self.drafts_action = self._action(self.tr("&Named drafts"), self.show_drafts)
        self.keys_action = self._action(
            self.tr("&Keys and Parties…"), self.show_keys,
            tip=self.tr("Which Party each signing key speaks for, and the quarantine"))
        self.mark_action = self._action(self.tr("&Mark a named draft…"), self.mark_draft)
        self.export_bundle_action = self._action(
            self.tr("&Export bundle…"), self.export_bundle, "Ctrl+Shift+E",
            self.tr("Write a bundle (.cmsb) for a Party or for everyone"))
        self.export_word_action = self._action(
            self.tr("Export to &Word…"), lambda: export_document(self.document, DOCX,
                                                                 self.window))
        # Printing the plan means its Word document: the platform's Print key.
        self.export_word_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.export_compilation_action = self._action(
            self.tr("Export compilation of &comments…"),
            lambda: export_document(self.document, COMPILATION, self.window))
        self.export_markdown_action = self._action(
            self.tr("Export &Markdown…"), lambda: export_document(self.document, MARKDOWN,
                                                                  self.window))

    def show_keys(self) -> KeysDialog:
        dialog = KeysDialog(self.document, self.window)
        dialog.show()
        return dialog

    def _make_menus(self) -> None:
        window = self.window
        window.add_file_actions(self.import_flow.action, self.replies.action,
                                self.replies.letter_action)
        window.add_file_actions(new_plan_action(window, self.document.store,
                                                self.document.hub.open_plan_requested),
                                section="plans")
        window.add_file_actions(self.export_bundle_action, self.export_word_action,
                                self.export_compilation_action, self.export_markdown_action,
                                section="export")
        bar = window.menuBar()
        self.menu = QMenu(self.tr("&Review"), window)
        for act in (self.import_flow.action, None, self.review_action, self.resolve_action,
                    self.history_action, None, self.drafts_action, self.mark_action,
                    self.export_bundle_action, None, self.keys_action):
            if act is None:
                self.menu.addSeparator()
            else:
                self.menu.addAction(act)
        help_menu = bar.actions()[-1]  # Review goes before Help
        bar.insertMenu(help_menu, self.menu)
        window.view_menu.addSeparator()
        for dock in self.docks():
            window.view_menu.addAction(dock.toggleViewAction())

    # -- showing the panels ----------------------------------------------------------------

    def _show(self, dock: QDockWidget) -> None:
        dock.show()
        dock.raise_()
        window = self.window
        wanted = int(window.height() * DOCK_SHARE)
        if not dock.isFloating() and dock.height() < wanted:
            window.resizeDocks([dock], [wanted], Qt.Orientation.Vertical)

    def show_review(self) -> None:
        self._show(self.review_dock)

    def show_resolve(self, key: Key | None = None) -> None:
        self._show(self.resolve_dock)
        if key is not None:
            self.resolve.select(key)

    def show_history(self) -> None:
        """The history of the field the editor shows (its open tab; the text by default)."""
        editor = self.window.editor
        node_id = self.document.current_id
        self._show(self.history_dock)
        if node_id is None:
            return
        tab = editor.tabs.currentWidget()
        fld = next((f for f, page in editor.pages.items() if page is tab), "text")
        self.history.show_field(node_id, fld)

    def show_drafts(self) -> None:
        self._show(self.drafts_dock)

    def mark_draft(self) -> None:
        self.show_drafts()
        self.drafts.mark()

    def export_bundle(self, everyone: bool = False) -> None:
        ExportBundleDialog(self.document, self.window, everyone=everyone).exec()

    def import_pending(self) -> list[FileOutcome]:
        """Import the bundle files named on the command line, once the window is up."""
        files, self.window.pending_files = self.window.pending_files, []
        return self.import_flow.import_files(files)


def install(window: MainWindow) -> ReviewPanels:
    """Add review and merge to ``window``; the panels are reachable as ``window.review_panels``."""
    panels = ReviewPanels(window)
    window.review_panels = panels  # type: ignore[attr-defined]
    return panels
