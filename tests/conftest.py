"""Shared fixtures: every test gets a fresh store in a temporary folder, and Qt runs offscreen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from cmsdesk.models.identity import Profile  # noqa: E402
from cmsdesk.models.store import Store  # noqa: E402


def open_store(path: Path, name: str = "Ana Pérez", party: str = "Spain",
               region: str = "Europe", role: str = "delegate") -> Store:
    store = Store.open(path)
    store.set_profile(Profile(name, party, region, role))
    return store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "store.db")
    yield s
    s.close()


@pytest.fixture
def plan_store(store: Store) -> tuple[Store, str]:
    """A store holding the starter plan; returns (store, plan id)."""
    from cmsdesk.models.commands import create_plan_from_template

    return store, create_plan_from_template(store).created or ""
