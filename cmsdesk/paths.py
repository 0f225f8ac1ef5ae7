"""Where things live: the platform's conventions via platformdirs, and packaged resources.

Resources are read through importlib.resources so the same code works from a source checkout,
an installed wheel and a PyInstaller build.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import platformdirs

APP_NAME = "cmsdesk"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_store_path() -> Path:
    """The store a user gets without ``--db``: in the app-data folder, never a synced one."""
    return data_dir() / "cmsdesk.db"


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def resource(*parts: str) -> Traversable:
    """A file or folder under ``cmsdesk/resources``."""
    node = resources.files("cmsdesk") / "resources"
    for part in parts:
        node = node / part
    return node
