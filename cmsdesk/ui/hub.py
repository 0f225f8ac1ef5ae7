"""The app-wide signals, in one object, so that widgets never import each other.

A widget that changes something runs a command through the plan document, which announces the
command's :class:`~cmsdesk.models.commands.Outcome` here; every view refreshes from that.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Hub(QObject):
    # An Outcome after a command, an undo or a redo: views refresh what it touched.
    outcome = Signal(object)
    # The whole plan changed under the views (another plan opened, bundles imported).
    reloaded = Signal()
    # The node the user works on (a node id, or None): editor and panels follow it.
    current_changed = Signal(object)
    # The view (queries.NodeView, or None) of the current node, loaded once for all panels;
    # sent again when an outcome touched it.
    node_loaded = Signal(object)
    # The language version shown and edited changed (a code, or None: the original).
    language_changed = Signal(object)
    # Show this node (node id, and a field name or ""): from search, the matrix, the Trash.
    select_requested = Signal(str, str)
    # Show this plan (a plan id) in the window, in place of the one shown now.
    open_plan_requested = Signal(str)
    # Record pending typing now (before undo, a structural edit, switching node, closing).
    flush_requested = Signal()
    # A short note for the status bar.
    message = Signal(str)
    # A refused command or a failed write: the message is for the user.
    error = Signal(str)
