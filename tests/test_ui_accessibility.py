"""Every interactive widget has a name a screen reader can say: of the main window with all its
panels shown, and of each dialog."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QFrame,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from ui_support import QT_LOG_MARKS, select_label, starter_window

from cmsdesk.models.store import Store
from cmsdesk.ui.dialogs import NewPlanDialog, PlanDetailsDialog, ProfileDialog, StartDialog
from cmsdesk.ui.export_dialogs import DOCX, DocumentOptionsDialog, ExportBundleDialog
from cmsdesk.ui.import_flow import ImportReportDialog
from cmsdesk.ui.mainwindow import MainWindow
from cmsdesk.ui.plans import OpenPlanDialog
from cmsdesk.ui.preferences import PreferencesDialog
from cmsdesk.ui.review_panels import install
from cmsdesk.ui.shortcuts import ShortcutsDialog

pytestmark = QT_LOG_MARKS
INTERACTIVE = (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit,
               QPlainTextEdit, QTextEdit)


def is_qt_part(widget: QWidget) -> bool:
    """Parts Qt builds inside its own widgets and names through them: headers of a view, the
    clear button of a line edit, the text of a spin box, a combo box's popup list, the
    overflow buttons of menu and tool bars, a table's corner button."""
    parent = widget.parentWidget()
    return (isinstance(widget, QHeaderView) or widget.objectName().startswith("qt_")
            or isinstance(parent, QLineEdit | QAbstractSpinBox)
            or (isinstance(widget, QAbstractItemView) and type(parent) is QFrame
                and isinstance(parent.parentWidget(), QComboBox)))


def unnamed(root: QWidget) -> list[str]:
    """The interactive widgets under ``root`` (itself included) that a screen reader cannot
    name: no accessible name, no text, no label pointing to them."""
    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, INTERACTIVE) or type(widget).__name__.startswith("QDock"):
            continue
        if is_qt_part(widget) or widget.isHidden():
            continue
        face = QAccessible.queryAccessibleInterface(widget)
        name = face.text(QAccessible.Text.Name) if face is not None else ""
        if not name.strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} in "
                           f"{type(widget.parentWidget()).__name__}")
    return missing


@pytest.fixture
def window(qtbot: QtBot, plan_store: tuple[Store, str], tmp_path: Path,
           monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    return starter_window(qtbot, plan_store, tmp_path, monkeypatch)


def test_every_widget_of_the_main_window_and_its_panels_is_named(
        window: MainWindow, qtbot: QtBot) -> None:
    panels = install(window)
    select_label(window, "T3")
    for page in window.editor.pages.values():  # build every text field
        page.field  # noqa: B018
    for show in (panels.show_review, panels.show_resolve, panels.show_history,
                 panels.show_drafts, window.start_search, window.show_coverage):
        show()
    for dock in (window.trash_dock, window.xref_dock):
        dock.show()
    assert unnamed(window) == []
    assert stray_ampersands(window) == []


def dialogs(window: MainWindow) -> list[Callable[[], QWidget]]:
    doc = window.document
    return [
        lambda: StartDialog("delegate"), lambda: ProfileDialog(),
        lambda: NewPlanDialog("Plan"), lambda: PlanDetailsDialog({"title": "Plan"}),
        lambda: OpenPlanDialog(doc.store, window.settings, doc.plan_id),
        lambda: ExportBundleDialog(doc, window), lambda: DocumentOptionsDialog(doc, DOCX),
        lambda: ImportReportDialog([]), lambda: ShortcutsDialog(window),
        lambda: PreferencesDialog(window.settings, doc.store, window),
    ]


def stray_ampersands(root: QWidget) -> list[str]:
    """Labels that show their mnemonic's '&' as a character: a label marks a shortcut only
    when it has a buddy to jump to (a form row whose field is a layout gets none)."""
    return [label.text() for label in root.findChildren(QLabel)
            if label.isVisibleTo(root) and label.textFormat() != Qt.TextFormat.RichText
            and re.search(r"&[^&\s]", label.text().replace("&&", ""))
            and label.buddy() is None and "<" not in label.text()]


def test_every_widget_of_every_dialog_is_named(window: MainWindow, qtbot: QtBot) -> None:
    for make in dialogs(window):
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        assert unnamed(dialog) == [], type(dialog).__name__
        assert stray_ampersands(dialog) == [], type(dialog).__name__
        qtbot.waitUntil(lambda d=dialog: not getattr(getattr(d, "builder", None), "busy",
                                                     False))
