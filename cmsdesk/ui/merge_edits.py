"""Undoable edits of the review and merge views: settling a conflict, reverting a change.

They run the same functions as ``cmsdesk resolve`` and ``cmsdesk revert``. As with every edit
of the window, undoing records a new version (the change log is append-only), so an undo made
before the next bundle travels too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cmsdesk.models.changelog import Key
from cmsdesk.models.commands import Outcome, PlanEditor
from cmsdesk.models.projection import heads_of, value_of
from cmsdesk.models.review import revert_change
from cmsdesk.sync.conflicts import resolve_conflict
from cmsdesk.ui.edits import Edit


def undoable(key: Key) -> bool:
    """Whether settling this field can be undone by setting it again (plain fields only)."""
    return key.entity == "plan" or key.entity == "node" and key.field not in ("placement",
                                                                               "deleted")


@dataclass
class ResolveField(Edit):
    """Settle a contested field one way: an alternative, a new text, or the bracketed options.

    Undo sets the field back to what it showed while contested (the bracketed options form);
    the conflict itself stays settled, as with the editor's "Use this".
    """

    key: Key
    shown: Any  # what the field showed while contested
    choose: int | None = None
    new_text: str | None = None
    keep_options: bool = False
    value: Any = None  # what the resolution wrote, known once applied

    def apply(self, editor: PlanEditor) -> Outcome:
        outcome = resolve_conflict(editor.store, editor.plan_id, self.key, choose=self.choose,
                                   text=self.new_text, keep_options=self.keep_options)
        with editor.store.session() as s:
            self.value = value_of(s, self.key, heads_of(s, self.key))
        return outcome

    def redo(self, editor: PlanEditor) -> Outcome:
        return self._set(editor, self.value)

    def undo(self, editor: PlanEditor) -> Outcome:
        return self._set(editor, self.shown)

    def _set(self, editor: PlanEditor, value: Any) -> Outcome:
        if self.key.entity == "plan":
            return editor.set_plan_field(self.key.field, str(value))
        return editor.set_field(self.key.eid, self.key.field, str(value))


@dataclass
class RevertChange(Edit):
    """Revert a received change; undo reverts the revert (which restores the change's text)."""

    change_id: str
    reverted_by: str = ""

    def apply(self, editor: PlanEditor) -> Outcome:
        outcome = revert_change(editor.store, editor.plan_id, self.change_id)
        self.reverted_by = outcome.changes[0]
        return outcome

    def undo(self, editor: PlanEditor) -> Outcome:
        return revert_change(editor.store, editor.plan_id, self.reverted_by)
