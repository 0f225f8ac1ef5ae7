"""The window of a delegate whose draft has not arrived yet: an empty state that says where the
draft will come from and how to open it.

It stays until a draft bundle is opened (the button, File > Open a draft bundle…, a file
dropped on the window or named on the command line) or, for the Secretariat, a new plan is
created; then the main window opens on that plan in its place.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cmsdesk.models.store import Store
from cmsdesk.ui.plans import ask_bundle_file, ask_new_plan, import_plan_bundle

BUNDLE_SUFFIX = ".cmsb"
COLUMN_WIDTH = 560  # pixels: lines short enough to read


class WaitingWindow(QMainWindow):
    def __init__(self, store: Store, settings: QSettings, files: list[str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.settings = settings
        self.opened: QMainWindow | None = None
        self.setObjectName("cmsdesk-waiting")
        self.setWindowTitle(self.tr("No draft yet — cmsdesk"))
        self.setAcceptDrops(True)
        heading = QLabel(self.tr("No draft yet"), self)
        heading.setObjectName("empty-heading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        self.explanation = QLabel(self.tr(
            "The CMS Secretariat, or your national or regional focal point, sends the draft of "
            "the Strategic Plan as a <b>draft bundle</b>: a file whose name ends in "
            "<b>.cmsb</b>, usually attached to an e-mail.<br><br>When it arrives, save the "
            "attachment, then drop the file on this window or click the button below. "
            "Everything you then write stays on this computer until you send it back as a "
            "bundle."), self)
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.RichText)
        self.open_button = QPushButton(self.tr("&Open the draft bundle…"), self)
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self.choose_bundle)
        secretariat = QLabel(self.tr("Working for the CMS Secretariat? Create the plan with "
                                     "File > New plan…"), self)
        secretariat.setWordWrap(True)
        secretariat.setEnabled(False)
        # A column of readable width in the middle of the window. Wrapped labels get their
        # height only from a layout that gives them a width: no alignment flags on them.
        column = QWidget(self)
        column.setFixedWidth(COLUMN_WIDTH)
        stack = QVBoxLayout(column)
        stack.addWidget(heading)
        stack.addWidget(self.explanation)
        stack.addSpacing(8)
        stack.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        stack.addSpacing(8)
        stack.addWidget(secretariat)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column)
        row.addStretch(1)
        page = QWidget(self)
        outer = QVBoxLayout(page)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        page.setObjectName("empty-state")
        self.setCentralWidget(page)

        menu = self.menuBar().addMenu(self.tr("&File"))
        self.open_action = QAction(self.tr("&Open a draft bundle…"), self)
        self.open_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Open))
        self.open_action.triggered.connect(self.choose_bundle)
        self.new_action = QAction(self.tr("&New plan…"), self)
        self.new_action.triggered.connect(self.new_plan)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        quit_action.triggered.connect(self.close)
        for act in (self.open_action, self.new_action):
            menu.addAction(act)
        menu.addSeparator()
        menu.addAction(quit_action)
        self.resize(760, 520)
        self.open_button.setFocus()
        # A bundle double-clicked while this window waits (a second program hands it over).
        self.handover = None
        if store.path is not None:
            from cmsdesk.ui.handover import HandOverServer, server_name

            self.handover = HandOverServer(server_name(store.path), self)
            self.handover.files_received.connect(self.open_bundles)
        pending = [Path(f) for f in files or [] if f.lower().endswith(BUNDLE_SUFFIX)]
        if pending:
            QTimer.singleShot(0, self, lambda: self.open_bundles(pending))

    def choose_bundle(self) -> None:
        path = ask_bundle_file(self)
        if path is not None:
            self.open_bundles([path])

    def open_bundles(self, paths: list[Path]) -> QMainWindow | None:
        plan_id = import_plan_bundle(self.store, paths, self)
        return self.open_plan(plan_id) if plan_id else None

    def new_plan(self) -> None:
        plan_id = ask_new_plan(self.store, self)
        if plan_id:
            self.open_plan(plan_id)

    def open_plan(self, plan_id: str) -> QMainWindow:
        from cmsdesk.ui.app import open_window

        if self.handover is not None:  # the plan's window takes over the hand-over's name
            self.handover.server.close()
        self.opened = open_window(self.store, plan_id, self.settings)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.close()
        return self.opened

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(u.toLocalFile().lower().endswith(BUNDLE_SUFFIX) for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls()
                 if u.toLocalFile().lower().endswith(BUNDLE_SUFFIX)]
        if paths:
            event.acceptProposedAction()
            QTimer.singleShot(0, self, lambda: self.open_bundles(paths))
