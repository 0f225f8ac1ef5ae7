"""Undoable edits: each one says how to do, redo and undo itself with the plan's commands.

The change log is append-only, so undoing never removes a change: it records the inverse edit
(the old text again, the node moved back to its old parent and place, a deleted node restored).
That way an undo made before sending a bundle travels to everyone like any other edit.
An edit's first run is :meth:`Edit.apply`; :meth:`Edit.redo` may differ (an added node is
restored from the Trash rather than created a second time). Edits are commands: two are the same
only if they are one object (``eq=False``, which also spares generating comparisons at start).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cmsdesk.models.changelog import Key
from cmsdesk.models.languages import field_key

if TYPE_CHECKING:
    from cmsdesk.models.commands import Outcome, PlanEditor


@dataclass(eq=False)
class Edit(ABC):
    text: str  # the undo entry's name, e.g. "Edit text of Target 7"

    @abstractmethod
    def apply(self, editor: PlanEditor) -> Outcome: ...

    def redo(self, editor: PlanEditor) -> Outcome:
        return self.apply(editor)

    @abstractmethod
    def undo(self, editor: PlanEditor) -> Outcome: ...


@dataclass(eq=False)
class SetField(Edit):
    node_id: str
    field: str
    old: str
    new: str
    lang: str | None = None  # a language version; None: the plan's original language

    def apply(self, editor: PlanEditor) -> Outcome:
        return editor.set_field(self.node_id, self.field, self.new, self.lang)

    def undo(self, editor: PlanEditor) -> Outcome:
        return editor.set_field(self.node_id, self.field, self.old, self.lang)


@dataclass(eq=False)
class SetPlanField(Edit):
    field: str
    old: str
    new: str

    def apply(self, editor: PlanEditor) -> Outcome:
        return editor.set_plan_field(self.field, self.new)

    def undo(self, editor: PlanEditor) -> Outcome:
        return editor.set_plan_field(self.field, self.old)


@dataclass(eq=False)
class AddNode(Edit):
    parent_id: str | None
    kind: str
    title: str
    index: int | None
    node_id: str = ""  # known once applied

    def apply(self, editor: PlanEditor) -> Outcome:
        outcome = editor.add_node(self.parent_id, self.kind, self.title, index=self.index)
        self.node_id = outcome.created or ""
        return outcome

    def redo(self, editor: PlanEditor) -> Outcome:
        return editor.restore_node(self.node_id)

    def undo(self, editor: PlanEditor) -> Outcome:
        return editor.delete_node(self.node_id)


@dataclass(eq=False)
class MoveNode(Edit):
    node_id: str
    old_parent: str | None
    old_index: int
    new_parent: str | None
    new_index: int | None  # None: last

    def apply(self, editor: PlanEditor) -> Outcome:
        return editor.move_node(self.node_id, self.new_parent, self.new_index)

    def undo(self, editor: PlanEditor) -> Outcome:
        return editor.move_node(self.node_id, self.old_parent, self.old_index)


@dataclass(eq=False)
class DeleteNode(Edit):
    node_id: str

    def apply(self, editor: PlanEditor) -> Outcome:
        return editor.delete_node(self.node_id)

    def undo(self, editor: PlanEditor) -> Outcome:
        return editor.restore_node(self.node_id)


@dataclass(eq=False)
class RestoreNode(Edit):
    node_id: str

    def apply(self, editor: PlanEditor) -> Outcome:
        return editor.restore_node(self.node_id)

    def undo(self, editor: PlanEditor) -> Outcome:
        return editor.delete_node(self.node_id)


@dataclass(eq=False)
class LinkXref(Edit):
    node_id: str
    framework: str
    target: str
    relevance: str = "primary"
    note: str = ""

    def apply(self, editor: PlanEditor) -> Outcome:
        return editor.add_xref(self.node_id, self.framework, self.target, self.relevance,
                               self.note)

    def undo(self, editor: PlanEditor) -> Outcome:
        return editor.remove_xref(self.node_id, self.framework, self.target)


@dataclass(eq=False)
class UnlinkXref(Edit):
    node_id: str
    framework: str
    target: str
    relevance: str  # what the link had, to put back on undo
    note: str

    def apply(self, editor: PlanEditor) -> Outcome:
        return editor.remove_xref(self.node_id, self.framework, self.target)

    def undo(self, editor: PlanEditor) -> Outcome:
        return editor.add_xref(self.node_id, self.framework, self.target, self.relevance,
                               self.note)


@dataclass(eq=False)
class UpdateXref(Edit):
    node_id: str
    framework: str
    target: str
    old_relevance: str
    old_note: str
    relevance: str
    note: str
    lang: str | None = None  # the note's language version; None: the original's

    def apply(self, editor: PlanEditor) -> Outcome:
        return editor.update_xref(self.node_id, self.framework, self.target,
                                  relevance=self.relevance, note=self.note, lang=self.lang)

    def undo(self, editor: PlanEditor) -> Outcome:
        return editor.update_xref(self.node_id, self.framework, self.target,
                                  relevance=self.old_relevance, note=self.old_note,
                                  lang=self.lang)


@dataclass(eq=False)
class ChooseAlternative(Edit):
    """Settle a contested node field with one of its alternatives. Undo puts back the
    bracketed text the field showed (as one version: the conflict itself stays settled)."""

    node_id: str
    field: str
    value: str
    shown: str  # what the field showed while contested
    lang: str | None = None  # a language version's conflict; None: the original's

    def apply(self, editor: PlanEditor) -> Outcome:
        return editor.resolve(Key("node", self.node_id, field_key(self.field, self.lang)),
                              self.value)

    def redo(self, editor: PlanEditor) -> Outcome:
        return editor.set_field(self.node_id, self.field, self.value, self.lang)

    def undo(self, editor: PlanEditor) -> Outcome:
        return editor.set_field(self.node_id, self.field, self.shown, self.lang)
