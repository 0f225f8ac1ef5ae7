"""File > New plan from a file…: a plan that exists as a Markdown outline, a JSON file or a
Word draft becomes a plan in one step (:mod:`cmsdesk.submissions.plan_files`, the same reading
as ``cmsdesk init --from``). :func:`ask_plan_from_file` is also the hook a first-start dialog
can call for the Secretariat."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from cmsdesk.models.store import Store
from cmsdesk.ui.labels import translate


def plan_from_file(store: Store, path: Path) -> str:
    """Create the plan of ``path``; its id. Raises ValueError (from the readers and checks)
    with the message to show; nothing is written then."""
    from cmsdesk.models.commands import CommandError
    from cmsdesk.models.plan_import import create_plan_from_outline
    from cmsdesk.submissions.plan_files import read_plan_file

    data = read_plan_file(path)
    try:
        return create_plan_from_outline(store, data, path.name).created or ""
    except CommandError as exc:
        raise ValueError(str(exc)) from exc


def ask_plan_from_file(store: Store, parent: QWidget | None) -> str | None:
    """Ask for the file, create its plan; the plan's id, or None (cancelled or refused, said
    in a message)."""
    name, _f = QFileDialog.getOpenFileName(
        parent, translate("plan_from_file", "New plan from a file"), str(Path.home()),
        translate("plan_from_file", "Plans (*.md *.markdown *.json *.docx);;All files (*)"))
    if not name:
        return None
    try:
        return plan_from_file(store, Path(name))
    except ValueError as exc:
        QMessageBox.warning(parent, translate("plan_from_file", "No plan was created"), str(exc))
        return None


def new_plan_action(window: QWidget, store: Store, opened: object) -> QAction:
    """The File menu action; ``opened`` is the signal that shows another plan."""
    action = QAction(translate("plan_from_file", "New plan from a &file…"), window)
    action.setStatusTip(translate("plan_from_file", "A plan written as a Markdown outline, a JSON file or a Word draft"))

    def run() -> None:
        plan_id = ask_plan_from_file(store, window)
        if plan_id:
            opened.emit(plan_id)  # type: ignore[attr-defined]

    action.triggered.connect(lambda _c=False: run())
    return action
