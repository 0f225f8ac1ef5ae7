"""The editor of the selected node: every field, contested fields flagged, and its comments.

Fields save themselves (see :mod:`cmsdesk.ui.fields`); each save is an undoable edit named after
the field and the node ("Edit text of Target 7"). A contested field keeps a banner with its
alternatives and their proposers next to it, and its tab carries a warning sign.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QIcon, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cmsdesk.models import rules
from cmsdesk.models.queries import ConflictView, NodeView
from cmsdesk.ui.comments_panel import CommentsPanel
from cmsdesk.ui.conflict_banner import ConflictBanner
from cmsdesk.ui.document import PlanDocument
from cmsdesk.ui.edits import ChooseAlternative, DeleteNode, RestoreNode, SetField
from cmsdesk.ui.fields import LineField, TextField, autosave_state
from cmsdesk.ui.labels import field_name, fill, node_name, status_name
from cmsdesk.ui.language_bar import LanguageBar

TEXT_FIELDS = ("text", "note", "indicators", "milestones", "actors")
MIN_TABS_HEIGHT = 300  # pixels


class _FieldPage(QWidget):
    """A tab: the contested-field banner above a Markdown field.

    The field (editor, preview, highlighter) is built when the tab is first shown or used: a
    node has five such tabs, most of which a session never opens, and building them all took
    a noticeable part of the window's start. Until then the page keeps the value it was given.
    """

    def __init__(self, name: str, parent: QWidget, built: Callable[[TextField], None]) -> None:
        super().__init__(parent)
        self.name = name
        self.banner = ConflictBanner(self)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(4, 4, 4, 4)
        self._layout.addWidget(self.banner)
        self._built = built
        self._field: TextField | None = None
        self._value = ""
        self._preview = True

    @property
    def field(self) -> TextField:
        if self._field is None:
            field = TextField(self.name, self)
            self._layout.addWidget(field, 1)
            field.set_preview_visible(self._preview)
            field.set_value(self._value)
            self._field = field
            self._built(field)
        return self._field

    def set_value(self, value: str) -> None:
        if self._field is None:
            self._value = value
        else:
            self._field.set_value(value)

    def set_preview_visible(self, visible: bool) -> None:
        if self._field is None:
            self._preview = visible
        else:
            self._field.set_preview_visible(visible)

    def flush(self) -> None:
        """Record pending typing (there is none in a field not built yet)."""
        if self._field is not None:
            self._field.autosaver.flush()

    def forget(self) -> None:
        if self._field is not None:
            self._field.autosaver.forget()

    def showEvent(self, event: QShowEvent) -> None:
        self.field  # noqa: B018 (built when first seen)
        super().showEvent(event)


class NodeEditor(QWidget):
    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.view: NodeView | None = None
        self.node_id: str | None = None

        self.placeholder = QLabel(self.tr("Select a goal or target in the outline to edit it."),
                                  self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)

        page = QWidget(self)
        self.heading = QLabel(page)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)  # a title is text, never HTML
        self.heading.setObjectName("node-heading")
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.language_bar = LanguageBar(document, page)
        self.node_banner = ConflictBanner(page)  # a contested deletion or place
        self.node_banner.chosen.connect(lambda v: self._choose("deleted", v))

        self.title = LineField("title", page)
        self.title.setAccessibleName(self.tr("Title"))
        self.title.saved.connect(self.save_field)
        self.title_banner = ConflictBanner(page)
        self.title_banner.chosen.connect(lambda v: self._choose("title", v))
        self.status = QComboBox(page)
        self.status.setAccessibleName(self.tr("Status"))
        for status in rules.STATUSES:
            self.status.addItem(status_name(status), status)
        self.status.activated.connect(
            lambda _i: self.save_field("status", str(self.status.currentData())))
        self.status_label = QLabel(self.tr("&Status:"), page)
        self.status_label.setBuddy(self.status)
        self.status_banner = ConflictBanner(page)
        self.status_banner.chosen.connect(lambda v: self._choose("status", v))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        title_label = QLabel(self.tr("&Title:"), page)
        title_label.setBuddy(self.title)
        form.addRow(title_label, self.title)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status)
        status_row.addStretch(1)
        form.addRow(self.status_label, status_row)

        self.tabs = QTabWidget(page)
        self.tabs.setDocumentMode(True)
        # The tabs take the height that is left, never ask for more: the page then scrolls
        # only when the banners truly need the room.
        self.tabs.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.tabs.setMinimumHeight(MIN_TABS_HEIGHT)
        self.tabs.tabBar().setUsesScrollButtons(False)  # every tab stays in sight
        self.tabs.tabBar().setElideMode(Qt.TextElideMode.ElideRight)
        self.pages: dict[str, _FieldPage] = {}
        self.tab_titles = {
            "text": self.tr("Te&xt"), "note": self.tr("&Note"),
            "indicators": self.tr("&Indicators"), "milestones": self.tr("&Milestones"),
            "actors": self.tr("&Actors"),
        }
        for fld in TEXT_FIELDS:
            tab = _FieldPage(fld, self.tabs, self._field_built)
            tab.banner.chosen.connect(lambda v, f=fld: self._choose(f, v))
            self.pages[fld] = tab
            self.tabs.addTab(tab, self.tab_titles[fld])
        self.tabs.currentChanged.connect(self._tab_changed)
        self.comments = CommentsPanel(document, self.tabs)
        self.comments.count_changed.connect(self._comments_counted)
        self.tabs.addTab(self.comments, self.tr("Comments"))

        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 6, 8, 4)
        layout.addWidget(self.heading)
        layout.addWidget(self.language_bar)
        layout.addWidget(self.node_banner)
        layout.addLayout(form)
        layout.addWidget(self.title_banner)
        layout.addWidget(self.status_banner)
        layout.addWidget(self.tabs, 1)

        # Banners can take room: rather than squeezing (and clipping) them, the page scrolls.
        scroller = QScrollArea(self)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setWidget(page)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(scroller)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

        self._warning = QApplication.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning)
        document.hub.node_loaded.connect(self.show_view)
        document.hub.flush_requested.connect(self.flush)
        document.hub.select_requested.connect(
            lambda node_id, fld: QTimer.singleShot(0, lambda: self.focus_field(node_id, fld)))

    # -- showing a node -------------------------------------------------------------------

    def show_view(self, view: NodeView | None) -> None:
        if view is None or view.id != self.node_id:
            self._leave_node()
        self.view = view
        self.node_id = view.id if view else None
        if view is None:
            self.stack.setCurrentIndex(0)
            return
        self.stack.setCurrentIndex(1)
        name = node_name(view.kind, view.number, view.fields.get("title", ""))
        if view.deleted:
            name += " " + self.tr("(in the Trash)")
        self.heading.setText(name)
        fields = rules.fields_of(view.kind)
        conflicts: dict[str, ConflictView] = {c.field: c for c in view.conflicts}
        self.title.set_value(view.fields.get("title", ""))
        self.title_banner.show_conflict(conflicts.get("title"))
        is_target = "status" in fields
        self.status_label.setVisible(is_target)
        self.status.setVisible(is_target)
        self.status.setEnabled(not self.language_bar.translating)  # one status, any language
        self.language_bar.refresh()
        if is_target:
            self.status.setCurrentIndex(max(self.status.findData(view.fields["status"]), 0))
        self.status_banner.show_conflict(conflicts.get("status") if is_target else None)
        self.node_banner.show_conflict(conflicts.get("deleted") or conflicts.get("placement"))
        for fld, tab in self.pages.items():
            index = self.tabs.indexOf(tab)
            shown = fld in fields
            self.tabs.setTabVisible(index, shown)
            if not shown:
                continue
            tab.set_value(view.fields.get(fld, ""))
            tab.banner.show_conflict(conflicts.get(fld))
            self.tabs.setTabIcon(index, self._warning if fld in conflicts else QIcon())
            tip = field_name(fld)
            if fld in conflicts:
                tip += " — " + self.tr("contested: see the proposals above the text")
            self.tabs.setTabToolTip(index, tip)
        if not self.tabs.isTabVisible(self.tabs.currentIndex()):
            self.tabs.setCurrentIndex(0)
        self._show_unsaved(view)

    def _tab_changed(self, index: int) -> None:
        page = self.tabs.widget(index)
        if isinstance(page, _FieldPage):
            self.language_bar.show_field(page.name)

    def _field_built(self, field: TextField) -> None:
        field.saved.connect(self.save_field)
        QWidget.setTabOrder(self.status, field.edit)  # three Tab stops from the outline
        field.edit.setAccessibleName(self.tab_titles[field.field].replace("&", ""))

    def _comments_counted(self, unresolved: int) -> None:
        index = self.tabs.indexOf(self.comments)
        self.tabs.setTabText(index, fill(self.tr("Comments (%1)"), unresolved) if unresolved
                             else self.tr("Comments"))

    def focus_field(self, node_id: str, fld: str) -> None:
        if node_id != self.node_id or not fld:
            return
        if fld == "title":
            self.title.setFocus()
            self.title.selectAll()
        elif fld in self.pages:
            self.tabs.setCurrentWidget(self.pages[fld])
            self.pages[fld].field.focus()

    def focus_text(self) -> None:
        """Put the cursor in the text of the tab shown (the title where there is none)."""
        page = self.tabs.currentWidget()
        if isinstance(page, _FieldPage) and self.node_id is not None:
            page.field.focus()
        else:
            self.title.setFocus()

    def set_preview_visible(self, visible: bool) -> None:
        for tab in self.pages.values():
            tab.set_preview_visible(visible)

    # -- saving ---------------------------------------------------------------------------

    def flush(self) -> None:
        """Record pending typing in every field now."""
        self.title.autosaver.flush()
        for tab in self.pages.values():
            tab.flush()

    def _name(self) -> str:
        view = self.view
        return node_name(view.kind, view.number, view.fields.get("title", "")) if view else ""

    def save_field(self, fld: str, value: str) -> None:
        view = self.view
        if view is None or view.deleted or fld not in view.fields:
            return
        if fld == "title" and not value.strip():
            self.title.set_value(view.fields["title"])  # a node keeps a title
            return
        old = view.fields[fld]
        lang = self.document.language if fld != "status" else None
        unsaved = (view.id, fld, lang or "")
        if value == old and fld not in {c.field for c in view.conflicts}:
            self.document.unsaved.pop(unsaved, None)
            return
        text = fill(self.tr("Edit %1 of %2"), field_name(fld), self._name())
        if self.document.execute(SetField(text, view.id, fld, old, value, lang)) is None \
                and self.document.write_failed:
            self.document.unsaved[unsaved] = value  # kept while the user goes elsewhere
            self._still_pending(fld)
        else:
            self.document.unsaved.pop(unsaved, None)

    def _still_pending(self, fld: str) -> None:
        """The store could not be written (a full disk...): the typed text stays pending, so
        that leaving the field or typing on saves it once the fault is gone."""
        if fld == "title":
            saver = self.title.autosaver
        elif fld in self.pages:
            saver = self.pages[fld].field.autosaver
        else:
            return
        saver.dirty = True
        autosave_state().mark(saver, True)

    def _leave_node(self) -> None:
        """Another node is shown: typing still pending here is text a full disk kept from
        being saved (leaving recorded the rest), which the document keeps (``unsaved``); the
        fields let the next node's texts in."""
        self.title.autosaver.forget()
        for page in self.pages.values():
            page.forget()

    def _show_unsaved(self, view: NodeView) -> None:
        """Text of this node that a full disk kept from being saved comes back into its field
        (still pending), instead of the stored text the user did not write."""
        lang = self.document.language or ""
        for (node_id, fld, in_lang), value in self.document.unsaved.items():
            if node_id != view.id or in_lang != lang or fld not in view.fields:
                continue
            if fld == "title":
                self.title.set_value(value)
            elif fld in self.pages:
                self.pages[fld].set_value(value)
            else:
                continue
            self._still_pending(fld)

    def _choose(self, fld: str, value: Any) -> None:
        view = self.view
        if view is None:
            return
        name = self._name()
        if fld == "deleted":
            if value == "delete":
                edit: Any = DeleteNode(fill(self.tr("Move %1 to the Trash"), name), view.id)
            else:
                edit = RestoreNode(fill(self.tr("Keep %1"), name), view.id)
        else:
            self.flush()
            lang = self.document.language if fld != "status" else None
            edit = ChooseAlternative(fill(self.tr("Choose the %1 of %2"), field_name(fld), name),
                                     view.id, fld, str(value), view.fields.get(fld, ""), lang)
        self.document.execute(edit)
