"""The open plan: its store, its command editor, its undo stack, and the signal hub.

Every edit made in the window goes through :meth:`PlanDocument.execute`: the edit runs as one
command (one transaction), its outcome is announced on the hub so that views refresh, and it is
pushed onto the undo stack under a readable name. Refused commands and failed writes come back
as a message on the hub, never as an exception in a slot.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack
from sqlalchemy.exc import SQLAlchemyError

from cmsdesk.models.queries import NodeView, NotFoundError, OutlineEntry, node_view
from cmsdesk.models.store import Store
from cmsdesk.ui.edits import Edit
from cmsdesk.ui.hub import Hub
from cmsdesk.ui.labels import fill, translate

if TYPE_CHECKING:
    from cmsdesk.models.commands import Outcome, PlanEditor

T = TypeVar("T")


class _EditCommand(QUndoCommand):
    """Puts an :class:`Edit` on the QUndoStack. The edit has run already when pushed."""

    def __init__(self, document: PlanDocument, edit: Edit) -> None:
        super().__init__(edit.text)
        self.document = document
        self.edit = edit
        self.pushed = False

    def redo(self) -> None:
        if not self.pushed:  # QUndoStack.push calls redo(): the edit has just been applied
            self.pushed = True
            return
        if self.document.run(self.edit.redo) is None:
            self.setObsolete(True)

    def undo(self) -> None:
        if self.document.run(self.edit.undo) is None:
            self.setObsolete(True)  # it cannot be undone any more (the node is gone...)


class PlanDocument(QObject):
    def __init__(self, store: Store, plan_id: str, hub: Hub | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.plan_id = plan_id
        self.hub = hub or Hub(self)
        self._editor: PlanEditor | None = None
        self.undo_stack = QUndoStack(self)
        self._flushing = False
        self.write_failed = False  # the last command failed to write (a store fault)
        # Text typed but not saved because the store could not be written (a full disk), by
        # (node, field, language or ""): shown again when its node is, until a save succeeds;
        # the window asks before closing with any (MainWindow.closeEvent).
        self.unsaved: dict[tuple[str, str, str], str] = {}
        self.current_id: str | None = None
        self.current_view: NodeView | None = None
        # The language version shown and edited (None: the original); what each of the
        # current node's texts is in it (missing, stale...), see models/translations.py.
        self.language: str | None = None
        self.language_states: dict[str, str] = {}
        # The outline model registers its lookup of a node's entry (labels such as T7).
        self.outline_entry: Callable[[str], OutlineEntry | None] | None = None
        # The plan's outline as read by a worker for the reload under way (see reload()).
        self.fresh_outline: list[OutlineEntry] | None = None
        self.hub.current_changed.connect(self.set_current)
        self.hub.outcome.connect(self._on_outcome)
        self.hub.reloaded.connect(self._on_reloaded)

    @property
    def editor(self) -> PlanEditor:
        """The plan's commands, loaded at the first edit: showing the plan needs none of them."""
        if self._editor is None:
            from cmsdesk.models.commands import PlanEditor

            self._editor = PlanEditor(self.store, self.plan_id)
        return self._editor

    # -- the node the user works on -------------------------------------------------------

    def set_current(self, node_id: str | None, outline_current: bool = True,
                    entry: OutlineEntry | None = None) -> None:
        """Load the node's view once and hand it to every panel. The label comes from
        ``entry`` if given, else from the outline model's entry when that is current (it is,
        unless the structure just changed and the model has not caught up yet)."""
        if node_id != self.current_id:
            self.flush()  # typing belongs to the node it was typed in
        self.current_id = node_id
        self.current_view = None
        if node_id is not None:
            if entry is None and outline_current and self.outline_entry:
                entry = self.outline_entry(node_id)
            try:
                self.current_view = self.read(node_view, node_id, entry)
            except NotFoundError:
                self.current_id = None
        if self.current_view is not None:
            from cmsdesk.models.translations import language_view

            self.language_states = self.read(language_view, self.current_view, self.language)
        self.hub.node_loaded.emit(self.current_view)

    def set_language(self, lang: str | None) -> None:
        """Show and edit the ``lang`` version of the texts (None or the plan's original
        language: the original)."""
        from cmsdesk.models.commands import language_of, plan_language

        self.flush()
        before = self.language
        self.language = lang and self.read(lambda s: language_of(lang, plan_language(
            s, self.plan_id)))
        self.set_current(self.current_id, False)
        if self.language != before:
            self.hub.language_changed.emit(self.language)

    def reload(self, outline: list[OutlineEntry] | None = None) -> None:
        """The plan changed under the window (bundles imported, an import undone): every view
        reads it again (``hub.reloaded``). ``outline``: the plan's outline, already read in a
        worker thread, which the outline and the current node then take instead of reading it
        again in the GUI thread (on a plan of 1,000 nodes that reading takes about 40 ms)."""
        self.fresh_outline = outline
        try:
            self.hub.reloaded.emit()
        finally:
            self.fresh_outline = None

    def _on_reloaded(self) -> None:
        entry = next((e for e in self.fresh_outline if e.id == self.current_id), None) \
            if self.fresh_outline is not None and self.current_id is not None else None
        self.set_current(self.current_id, False, entry)

    def _on_outcome(self, outcome: Outcome) -> None:
        proj = outcome.projection
        if self.current_id is not None and (self.current_id in proj.nodes or proj.structure):
            self.set_current(self.current_id, outline_current=not proj.structure)

    def read(self, query: Callable[..., T], *args: Any) -> T:
        """Run a query function ``query(session, *args)`` in its own read transaction."""
        with self.store.session() as session:
            return query(session, *args)

    def flush(self) -> None:
        """Ask the editors to record pending typing now (they run their own edits)."""
        if not self._flushing:
            self._flushing = True
            try:
                self.hub.flush_requested.emit()
            finally:
                self._flushing = False

    def execute(self, edit: Edit) -> Outcome | None:
        """Run an edit, announce it and make it undoable. None if it was refused."""
        if not self._flushing:
            self.flush()
        outcome = self.run(edit.apply)
        if outcome is not None and outcome.changed:
            self.undo_stack.push(_EditCommand(self, edit))
        return outcome

    def run(self, command: Callable[[PlanEditor], Outcome]) -> Outcome | None:
        """Run one command without touching the undo stack (comments, undo and redo)."""
        from cmsdesk.models.commands import CommandError

        self.write_failed = False
        try:
            outcome = command(self.editor)
        except (CommandError, NotFoundError) as exc:
            self.hub.error.emit(str(exc))
            return None
        except SQLAlchemyError as exc:
            from cmsdesk.ui.fault_dialogs import fault_text

            self.write_failed = True  # the store's fault, not the edit's: it may be tried again
            self.hub.error.emit(fault_text(exc) or fill(translate(
                "PlanDocument", "The store could not be written, so the edit was not saved: %1"),
                getattr(exc, "orig", None) or exc))
            return None
        if outcome.changed:
            self.hub.outcome.emit(outcome)
        return outcome

    def undo(self) -> None:
        self.flush()
        self.undo_stack.undo()

    def redo(self) -> None:
        self.flush()
        self.undo_stack.redo()
