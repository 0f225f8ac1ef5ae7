"""The desktop app (PySide6): the only package that imports Qt.

It is a view over :mod:`cmsdesk.models`: widgets read through the queries and edit through the
commands, wrapped in undoable edits (:mod:`cmsdesk.ui.edits`) run by the plan document
(:mod:`cmsdesk.ui.document`); app-wide signals go through one hub (:mod:`cmsdesk.ui.hub`).
"""

# Once PySide6 is imported, it reads the source of every module imported after it (to see
# whether the module uses its ``__feature__`` switches). For SQLAlchemy's hundred-odd modules
# that costs about 30 ms of the app's start, so the model layer the window reads through, with
# SQLAlchemy's SQLite dialect and platformdirs, is loaded here, before any Qt module is.
import sqlalchemy.dialects.sqlite  # noqa: E402, F401

import cmsdesk.models.coverage  # noqa: E402, F401
import cmsdesk.models.frameworks  # noqa: E402, F401
import cmsdesk.models.queries  # noqa: E402, F401
import cmsdesk.models.search  # noqa: E402, F401
import cmsdesk.models.store  # noqa: E402, F401
import cmsdesk.paths  # noqa: E402, F401
