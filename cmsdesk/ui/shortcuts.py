"""Help > Keyboard shortcuts: the list is read from the window's own menus, so it always says
what the keys really do (in the interface's language, with the platform's key names).

Also the shortcuts the window adds for moving around the plan (next/previous contested place,
next/previous target), which have no standard key in Qt.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)


def plain(text: str) -> str:
    """A menu text without its accelerator mark and ellipsis: "&Export to Word…" -> "Export to
    Word"."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def menu_shortcuts(window: QMainWindow) -> list[tuple[str, list[tuple[str, str]]]]:
    """(menu title, [(action, keys)]) for every menu of the menu bar, in menu order; actions
    without a shortcut are left out, submenus are listed under their parent's title."""
    out: list[tuple[str, list[tuple[str, str]]]] = []
    seen: set[int] = set()

    def walk(menu: QMenu, title: str) -> None:
        rows: list[tuple[str, str]] = []
        for act in menu.actions():
            sub = act.menu()
            if isinstance(sub, QMenu):
                walk(sub, f"{title} › {plain(act.text())}")
                continue
            keys = act.shortcut()
            if act.isSeparator() or keys.isEmpty() or id(act) in seen:
                continue
            seen.add(id(act))
            rows.append((plain(act.text()),
                         keys.toString(QKeySequence.SequenceFormat.NativeText)))
        if rows:
            out.append((title, rows))

    for act in window.menuBar().actions():
        menu = act.menu()
        if isinstance(menu, QMenu):
            walk(menu, plain(act.text()))
    return out


class ShortcutsDialog(QDialog):
    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.tree.setHeaderLabels([self.tr("Command"), self.tr("Keys")])
        self.tree.setRootIsDecorated(False)
        for title, rows in menu_shortcuts(window):
            group = QTreeWidgetItem(self.tree, [title])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFirstColumnSpanned(True)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for text, keys in rows:
                QTreeWidgetItem(group, [text, keys])
        self.tree.expandAll()
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(520, 560)

    def rows(self) -> list[tuple[str, str, str]]:
        """(menu, command, keys) as listed."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount()):
                child = group.child(j)
                out.append((group.text(0), child.text(0), child.text(1)))
        return out


def keyed(action: QAction, keys: QKeySequence | QKeySequence.StandardKey | str) -> QAction:
    """Give an action its keys (a standard key, or a sequence where Qt has none)."""
    action.setShortcut(QKeySequence(keys))
    return action
