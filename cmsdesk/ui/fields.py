"""Editing fields that save themselves: after a pause in typing, or when the field is left.

There is no Save command. A version is recorded when the user stops typing for
:data:`AUTOSAVE_DELAY_MS` or leaves the field (and before undo, switching node or closing, via
the hub's flush signal), never per keystroke: the change log stays readable and small, and a
laptop that dies loses at most the last pause's worth of typing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
    QShowEvent,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cmsdesk.ui.rendering import BracketHighlighter, markdown_loaded, render_markdown
from cmsdesk.ui.safe_browser import SafeTextBrowser

AUTOSAVE_DELAY_MS = 1500  # the default; Edit > Preferences changes it
_autosave_delay = AUTOSAVE_DELAY_MS


def autosave_delay() -> int:
    return _autosave_delay


def set_autosave_delay(ms: int) -> None:
    """The pause after which typing is recorded, for every field from its next keystroke."""
    global _autosave_delay  # noqa: PLW0603 - one setting for the application
    _autosave_delay = max(200, int(ms))
PREVIEW_DELAY_MS = 300
MIN_TEXT_HEIGHT = 110  # pixels: a few lines stay visible, however full the page
SIDE_BY_SIDE_WIDTH = 860  # pixels; below it the preview goes under the text


def preview_delay() -> int:
    """0 ms once Markdown is loaded; before that, long enough for the window to appear first
    (importing Markdown and rendering is the slowest part of showing a node)."""
    return 0 if markdown_loaded() else PREVIEW_DELAY_MS


class AutosaveState(QObject):
    """Whether any field holds typing not recorded yet (for the saved state the window shows)."""

    changed = Signal(bool)

    def __init__(self) -> None:
        super().__init__()
        self._dirty: set[int] = set()

    @property
    def pending(self) -> bool:
        return bool(self._dirty)

    def mark(self, saver: object, dirty: bool) -> None:
        before = self.pending
        (self._dirty.add if dirty else self._dirty.discard)(id(saver))
        if self.pending != before:
            self.changed.emit(self.pending)


_STATE: AutosaveState | None = None


def autosave_state() -> AutosaveState:
    global _STATE  # noqa: PLW0603 - one state for the application, made when first asked
    if _STATE is None:
        _STATE = AutosaveState()
    return _STATE


class WindowUndo(QObject):
    """Ctrl+Z and Ctrl+Shift+Z in a text field go to the window's Edit > Undo and Redo.

    A text field keeps its own undo history; with it, Ctrl+Z in a field and Edit > Undo would
    be two histories that interleave. The field's history is switched off (QPlainTextEdit) or
    passed by: the key is left to the window's action, which first records the pending typing
    as an edit and then undoes it, so the user sees one history of edits.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)):
            event.ignore()  # not the field's: the window's shortcut takes it
            return True
        return False


class Autosaver(QObject):
    """Calls ``save`` after a pause in typing, or at once when ``widget`` loses focus."""

    def __init__(self, widget: QWidget, save: Callable[[], None],
                 delay_ms: int = 0) -> None:
        super().__init__(widget)
        self._save = save
        self.dirty = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.delay_ms = delay_ms  # 0: the application's setting (autosave_delay)
        self.timer.timeout.connect(self.flush)
        widget.installEventFilter(self)

    def touched(self) -> None:
        self.dirty = True
        autosave_state().mark(self, True)
        self.timer.start(self.delay_ms or autosave_delay())

    def flush(self) -> None:
        self.timer.stop()
        if self.dirty:
            self.dirty = False
            self._save()
        autosave_state().mark(self, False)

    def forget(self) -> None:
        """The value was replaced from the store: nothing is pending any more."""
        self.timer.stop()
        self.dirty = False
        autosave_state().mark(self, False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and isinstance(event, QFocusEvent) \
                and event.reason() != Qt.FocusReason.PopupFocusReason:
            self.flush()
        return False


class LineField(QLineEdit):
    """A one-line field (a title) that saves itself."""

    saved = Signal(str, str)  # field name, value

    def __init__(self, field: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.autosaver = Autosaver(self, lambda: self.saved.emit(self.field, self.text()))
        self.installEventFilter(WindowUndo(self))
        self.textEdited.connect(lambda _t: self.autosaver.touched())
        self.returnPressed.connect(self.autosaver.flush)

    def set_value(self, value: str) -> None:
        if self.autosaver.dirty:
            return  # the user's typing wins until it is saved
        if self.text() != value:
            self.setText(value)
        self.autosaver.forget()


class TextField(QWidget):
    """A Markdown text field: the text with [brackets] marked, and a rendered preview."""

    saved = Signal(str, str)  # field name, value

    def __init__(self, field: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.edit = QPlainTextEdit(self)
        self.edit.setTabChangesFocus(True)
        self.edit.setUndoRedoEnabled(False)  # one history: the window's (see WindowUndo)
        self.edit.installEventFilter(WindowUndo(self.edit))
        self.edit.setObjectName(f"field-{field}")
        self.edit.setMinimumHeight(MIN_TEXT_HEIGHT)
        self.highlighter = BracketHighlighter(self.edit.document())
        self.preview = SafeTextBrowser(self)
        self.preview.setObjectName(f"preview-{field}")
        self.preview.setAccessibleName(self.tr("Preview"))
        self.preview.setPlaceholderText(self.tr("Preview: the text as it will read"))
        self.preview.setStyleSheet("QTextBrowser { background: palette(alternate-base); }")
        self.preview.document().setDocumentMargin(10)
        self.preview.setMinimumHeight(MIN_TEXT_HEIGHT)
        self.preview_label = QLabel(self.tr("Preview"), self)
        self.preview_label.setEnabled(False)
        preview_box = QWidget(self)
        box = QVBoxLayout(preview_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(self.preview_label)
        box.addWidget(self.preview, 1)
        self.preview_box = preview_box
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.edit)
        self.splitter.addWidget(preview_box)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self.autosaver = Autosaver(self.edit, lambda: self.saved.emit(self.field, self.value()))
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.render_preview)
        self._preview_stale = True
        self._loading = False
        self.edit.textChanged.connect(self._typed)

    def value(self) -> str:
        return self.edit.toPlainText()

    def set_value(self, value: str) -> None:
        """Show the stored value, unless the user has typing not yet saved."""
        if self.autosaver.dirty:
            return
        if self.value() != value:
            position = self.edit.textCursor().position()
            self._loading = True
            try:
                self.edit.setPlainText(value)
            finally:
                self._loading = False
            cursor = self.edit.textCursor()
            cursor.setPosition(min(position, len(value)))
            self.edit.setTextCursor(cursor)
            self._preview_stale = True
            if self.preview.isVisible():
                self._preview_timer.start(preview_delay())
        self.autosaver.forget()

    def _typed(self) -> None:
        if self._loading:
            return
        self.autosaver.touched()
        self._preview_stale = True
        if self.preview.isVisible():
            self._preview_timer.start()

    def set_preview_visible(self, visible: bool) -> None:
        self.preview_box.setVisible(visible)
        if visible and self._preview_stale:
            self._preview_timer.start(preview_delay())

    def render_preview(self) -> None:
        self._preview_stale = False
        scroll = self.preview.verticalScrollBar().value()
        self.preview.setHtml(render_markdown(self.value()))
        self.preview.verticalScrollBar().setValue(scroll)

    def showEvent(self, event: QShowEvent) -> None:  # a tab shown for the first time
        super().showEvent(event)
        if self.preview.isVisibleTo(self) and self._preview_stale:
            self._preview_timer.start(preview_delay())

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Text and preview side by side when there is room for two readable columns."""
        super().resizeEvent(event)
        wide = event.size().width() >= SIDE_BY_SIDE_WIDTH
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.splitter.orientation() != orientation:
            self.splitter.setOrientation(orientation)
            self.splitter.setSizes([1, 1])

    def focus(self) -> None:
        self.edit.setFocus()
        self.edit.moveCursor(QTextCursor.MoveOperation.End)
