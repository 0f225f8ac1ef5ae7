"""Shared fixtures: every test gets a fresh store in a temporary folder, and Qt runs offscreen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")

from collections.abc import Callable, Iterator  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402
from pg_support import Locations, PgServer, running_server  # noqa: E402
from review_support import Round, build_round  # noqa: E402

from cmsdesk.models.identity import Profile  # noqa: E402
from cmsdesk.models.store import Store  # noqa: E402


def open_store(path: Path | str, name: str = "Ana Pérez", party: str = "Spain",
               region: str = "Europe", role: str = "delegate") -> Store:
    store = Store.open(path)
    store.set_profile(Profile(name, party, region, role))
    return store


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """A closed store holding the starter plan, set up as a user would: `identity`, then `init`
    (Kofi Mensah, focal point of Ghana, Africa)."""
    from cmsdesk.cli import main

    path = str(tmp_path / "store.db")
    assert main(["--db", path, "identity", "--name", "Kofi Mensah", "--party", "Ghana",
                 "--region", "Africa", "--role", "focal point"]) == 0
    assert main(["--db", path, "init"]) == 0
    capsys.readouterr()
    return path


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under pytest-xdist (``./dev test`` runs a test file per worker at a time), files holding
    tests marked ``slow`` (the wheel and frozen builds, LibreOffice, the benchmark) are handed
    out first, so that no worker starts one of them while the others have run dry. The order
    within a file is kept; a run in one process keeps the files' order too."""
    if not hasattr(config, "workerinput"):
        return
    slow_files = {item.path for item in items if item.get_closest_marker("slow")}
    items.sort(key=lambda item: item.path not in slow_files)  # a stable sort


BACKENDS = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run a module's tests on SQLite and on PostgreSQL when it says ``BOTH_BACKENDS = True``
    (the store, command and merge suites): one suite, parametrised, not copied."""
    if getattr(metafunc.module, "BOTH_BACKENDS", False) and "backend" in metafunc.fixturenames:
        metafunc.parametrize("backend", BACKENDS, indirect=True, scope="module")


@pytest.fixture(scope="module")
def backend(request: pytest.FixtureRequest) -> str:
    """Where this module's stores live: ``sqlite`` unless the module runs on both backends."""
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """The tests' own PostgreSQL server, started once (skipped with the reason where it cannot
    start, except under CI)."""
    with running_server() as server:
        yield server


@pytest.fixture(scope="module")
def locations(backend: str, request: pytest.FixtureRequest,
              tmp_path_factory: pytest.TempPathFactory) -> Locations:
    server = request.getfixturevalue("pg_server") if backend == "postgresql" else None
    return Locations(tmp_path_factory.mktemp("stores"), server)


@pytest.fixture
def store(locations: Locations) -> Iterator[Store]:
    s = open_store(locations.new("store"))
    yield s
    s.close()


@pytest.fixture
def plan_store(store: Store) -> tuple[Store, str]:
    """A store holding the starter plan; returns (store, plan id)."""
    from cmsdesk.models.commands import create_plan_from_template

    return store, create_plan_from_template(store).created or ""


@pytest.fixture(scope="session")
def consultation(tmp_path_factory: pytest.TempPathFactory) -> Round:
    """The review tests' consultation round (:mod:`review_support`), built once per test process
    (a few seconds): tests copy the stores they open and read its bundles, never change them."""
    return build_round(tmp_path_factory.mktemp("round"))


@pytest.fixture
def make(reps: Any) -> Iterator[Callable[..., Store]]:
    """New installations from the module's ``reps`` (a :class:`sync_support.Replicas`), each
    closed when the test ends: ``make("kenya", profile=...)``."""
    opened: list[Store] = []

    def new(name: str, **kwargs: Any) -> Store:
        store = reps.new_store(name, **kwargs)
        opened.append(store)
        return store

    yield new
    for store in opened:
        store.close()


@pytest.fixture
def french_ui(qapp: Any) -> Iterator[None]:
    """The window's interface in French for one test (Qt imported only by tests that use it)."""
    from PySide6.QtCore import QLocale

    from cmsdesk.ui.i18n import install_translators

    app = qapp
    before = QLocale()
    QLocale.setDefault(QLocale("fr"))
    translators = install_translators(app, QLocale("fr"))
    try:
        yield
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(before)
