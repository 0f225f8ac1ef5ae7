"""The desktop app (PySide6): the only package that imports Qt.

It is a view over :mod:`cmsdesk.models`: widgets read through the queries and edit through the
commands, wrapped in undoable edits (:mod:`cmsdesk.ui.edits`) run by the plan document
(:mod:`cmsdesk.ui.document`); app-wide signals go through one hub (:mod:`cmsdesk.ui.hub`).
"""
