"""The window's commands for moving around, saving and help: the Go menu, File > Save now, the
saved state in the status bar and title, the Tab order, Edit > Preferences, Help > User guide
and Help > Keyboard shortcuts.

Keys follow the platform where Qt names a standard one (Save, Find, New, Undo...); where it has
none: F8 / Shift+F8 for the next / previous contested place (as "next problem" in many
editors), Ctrl+Shift+Page Down / Page Up for the next / previous target. From the outline the
text of the node is three Tab stops away (title, status, text); the tab bar of the text fields
takes no Tab stop (Ctrl+Tab and the underlined letters switch tabs).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QWidget

from cmsdesk.ui.fields import autosave_state
from cmsdesk.ui.shortcuts import ShortcutsDialog, keyed

if TYPE_CHECKING:
    from cmsdesk.ui.mainwindow import MainWindow


class Navigation(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.saved_label = QLabel(window)
        self.saved_label.setObjectName("saved-state")
        window.statusBar().insertPermanentWidget(0, self.saved_label)
        state = autosave_state()
        state.changed.connect(self._pending)
        window.hub.outcome.connect(lambda _o: self._pending(state.pending))
        self._pending(state.pending)

        def action(text: str, slot: object, keys: object) -> QAction:
            act = keyed(QAction(text, window), keys)  # type: ignore[arg-type]
            act.triggered.connect(slot)
            return act

        self.save_action = action(self.tr("&Save now"), self.save,
                                  QKeySequence.StandardKey.Save)
        self.save_action.setStatusTip(self.tr("Record what you typed at once (cmsdesk also "
                                              "saves by itself when you pause)"))
        window.file_menu.insertAction(window.quit_action, self.save_action)
        window.file_menu.insertSeparator(window.quit_action)
        self.next_target_action = action(self.tr("&Next target"), lambda: self.step_target(1),
                                         "Ctrl+Shift+PgDown")
        self.previous_target_action = action(self.tr("&Previous target"),
                                             lambda: self.step_target(-1), "Ctrl+Shift+PgUp")
        self.next_conflict_action = action(self.tr("Next &contested place"),
                                           window.next_conflict, "F8")
        self.previous_conflict_action = action(self.tr("Previous c&ontested place"),
                                               window.previous_conflict, "Shift+F8")
        self.go_menu = QMenu(self.tr("&Go"), window)
        for act in (self.next_target_action, self.previous_target_action, None,
                    self.next_conflict_action, self.previous_conflict_action, None,
                    *window.focus_actions):
            if act is None:
                self.go_menu.addSeparator()
            else:
                self.go_menu.addAction(act)
            if act in window.focus_actions:
                window.view_menu.removeAction(act)
        window.menuBar().insertMenu(window.help_menu.menuAction(), self.go_menu)
        self.shortcuts_action = QAction(self.tr("&Keyboard shortcuts"), window)
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.guide_action = action(self.tr("&User guide"), self.show_guide,
                                   QKeySequence.StandardKey.HelpContents)
        window.help_menu.insertAction(window.about_action, self.guide_action)
        window.help_menu.insertAction(window.about_action, self.shortcuts_action)
        self.preferences_action = action(self.tr("Pre&ferences…"), self.show_preferences,
                                         QKeySequence.StandardKey.Preferences)
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        window.edit_menu.addSeparator()
        window.edit_menu.addAction(self.preferences_action)
        self.set_tab_order()

    # -- saving ---------------------------------------------------------------------------

    def save(self) -> None:
        """Ctrl+S: what is typed is recorded now, and the user is told."""
        self.window.document.flush()
        self._pending(autosave_state().pending)
        self.window.statusBar().showMessage(self.tr("Saved. Everything you wrote is stored on "
                                                    "this computer."), 4000)

    def _pending(self, pending: bool) -> None:
        window = self.window
        window.setWindowModified(pending)
        # Undo takes back typing not yet recorded too (recording it first).
        window.undo_action.setEnabled(pending or window.document.undo_stack.canUndo())
        self.saved_label.setText(self.tr("Typing not saved yet") if pending
                                 else self.tr("All changes saved"))
        self.saved_label.setToolTip(self.tr("cmsdesk saves what you type when you pause or "
                                            "leave the field; Ctrl+S saves at once"))

    # -- moving ---------------------------------------------------------------------------

    def step_target(self, step: int) -> str | None:
        """Select the next (1) or previous (-1) target in outline order, wrapping around."""
        outline = self.window.outline
        targets = [e.id for e in outline.model.entries() if e.kind == "target"]
        if not targets:
            return None
        current = outline.current_id()
        at = targets.index(current) + step if current in targets else (0 if step > 0 else -1)
        chosen = targets[at % len(targets)]
        outline.select(chosen)
        return chosen

    def set_tab_order(self) -> None:
        """Filter, outline, then the editor's title, status and text (the text field joins
        when it is built: see NodeEditor)."""
        window = self.window
        QWidget.setTabOrder(window.outline.filter, window.outline.tree)
        QWidget.setTabOrder(window.outline.tree, window.editor.title)
        QWidget.setTabOrder(window.editor.title, window.editor.status)
        window.editor.tabs.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def show_guide(self) -> QWidget:
        from cmsdesk.ui.help_guide import GuideDialog

        dialog = GuideDialog(self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_preferences(self) -> None:
        from cmsdesk.ui.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.window.settings, self.window.document.store,
                                   self.window)
        if dialog.exec():
            dialog.apply()
            self.window.update_status()

    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog
