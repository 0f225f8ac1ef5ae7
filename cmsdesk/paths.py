"""Where things live: the platform's conventions via platformdirs, and packaged resources.

Resources live in the top-level ``resources/`` folder of the repository. The package build maps
that folder into the package as ``cmsdesk/resources`` (``package_dir`` in setup.py), and the
PyInstaller spec puts it at the same place, so wheels and frozen programs read it through
importlib.resources. A source checkout or an editable install has no such folder inside the
package and reads the checkout's ``resources/`` directly.
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


def state_dir() -> Path:
    """What cmsdesk remembers between runs that is not a setting (which stores it checked)."""
    return Path(platformdirs.user_state_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


# A source checkout is recognised by its project file beside the package: an installed package has
# none, so a stray top-level ``resources`` folder in site-packages is never taken for ours.
_CHECKOUT = Path(__file__).resolve().parent.parent


def resource_root() -> Traversable:
    """The folder that holds the resources: the checkout's ``resources/``, else the packaged copy."""
    if (_CHECKOUT / "pyproject.toml").is_file() and (_CHECKOUT / "resources").is_dir():
        return _CHECKOUT / "resources"
    return resources.files("cmsdesk") / "resources"


def resource(*parts: str) -> Traversable:
    """A file or folder under ``resources/`` (``cmsdesk/resources`` once installed or frozen)."""
    node = resource_root()
    for part in parts:
        node = node / part
    return node
