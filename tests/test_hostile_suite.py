"""The generated hostile-input suite (issue 13, part 9): well over 500 bundles of every kind
of defect and text hazard (``tests/hostile_bundles.generate``), each imported in a batch with
the others and inspected on the command line. A refused file is one line and leaves the store
as it was; an accepted one imports, and its texts render without loading anything; no input
ever raises. The table in docs/hostile-input.md says what each kind gets."""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from pathlib import Path

import pytest
from hostile_bundles import Case, World, generate

from cmsdesk.cli import main
from cmsdesk.export.markdown_blocks import parse_markdown
from cmsdesk.models import queries
from cmsdesk.models.store import Store
from cmsdesk.sync.importer import import_bundles
from cmsdesk.ui.rendering import render_markdown

MINIMUM = 500


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    return World(tmp_path_factory.mktemp("suite"))


@pytest.fixture(scope="module")
def cases(world: World) -> list[Case]:
    return list(generate(world))


@pytest.fixture(scope="module")
def files(world: World, cases: list[Case]) -> list[Path]:
    folder = world.folder / "cases"
    folder.mkdir()
    paths = []
    for number, case in enumerate(cases):
        path = folder / f"{number:04d}-{re.sub(r'[^a-z0-9]+', '-', case.name.lower())[:40]}.cmsb"
        path.write_bytes(case.data)
        paths.append(path)
    return paths


def dump(path: Path) -> str:
    with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as conn:
        text = "\n".join(conn.iterdump())
    conn.close()
    return text


def test_the_suite_is_large_and_covers_every_kind(cases: list[Case]) -> None:
    assert len(cases) >= MINIMUM
    kinds = Counter(c.kind for c in cases)
    assert set(kinds) == {"manifest", "change", "change line", "zip", "signature", "structure"}
    assert Counter(c.expect for c in cases)["imported"] >= 50


def test_every_refused_case_is_one_line_and_changes_nothing(world: World, cases: list[Case],
                                                            files: list[Path]) -> None:
    """One batch of every case meant to be refused: each refused with one line of its own,
    the store exactly as it was."""
    refused = [(c, p) for c, p in zip(cases, files, strict=True) if c.expect == "refused"]
    db = world.fresh_target()
    before = dump(db)
    store = Store.open(db)
    try:
        results = import_bundles(store, [p for _, p in refused])
    finally:
        store.close()
    wrongly = [(c.kind, c.name) for (c, _), r in zip(refused, results, strict=True) if r.ok]
    assert wrongly == []
    for (case, _), result in zip(refused, results, strict=True):
        assert result.error and "\n" not in result.error and "Traceback" not in result.error, \
            (case.name, result.error)
    assert dump(db) == before


def test_every_accepted_case_imports_and_renders_safely(world: World, cases: list[Case],
                                                        files: list[Path]) -> None:
    """Each into its own copy of the target (they all use the sender's first counter): it
    imports, and every text of the plan then parses for the preview and the Word export."""
    accepted = [(c, p) for c, p in zip(cases, files, strict=True) if c.expect == "imported"]
    for case, path in accepted:
        store = Store.open(world.fresh_target())
        try:
            result = import_bundles(store, [path])[0]
            assert result.ok, (case.kind, case.name, result.error)
            with store.session() as s:
                for entry in queries.outline(s, world.reps.plan_id):
                    for value in queries.node_view(s, entry.id).fields.values():
                        html = render_markdown(str(value))
                        assert "<img" not in html and "file:" not in html.split("&lt;")[0]
                        parse_markdown(str(value))
        finally:
            store.close()
        store.path.unlink()


def test_cases_that_may_go_either_way_never_raise(world: World, cases: list[Case],
                                                  files: list[Path]) -> None:
    either = [p for c, p in zip(cases, files, strict=True) if c.expect == "either"]
    store = Store.open(world.fresh_target())
    try:
        for result in import_bundles(store, either):
            assert result.ok or (result.error and "\n" not in result.error)
    finally:
        store.close()


def test_inspect_on_the_command_line_is_one_line_for_every_refused_case(
        world: World, cases: list[Case], files: list[Path],
        capsys: pytest.CaptureFixture[str]) -> None:
    """A file refused on its own: one line on stderr. A file sound on its own that this store
    would refuse (a missing prerequisite, a broken outline): inspected, with the reason."""
    db = world.fresh_target()
    before = dump(db)
    for case, path in zip(cases, files, strict=True):
        if case.expect != "refused":
            continue
        code = main(["--db", str(db), "bundle", "inspect", str(path)])
        out = capsys.readouterr()
        assert "Traceback" not in out.err + out.out and "\x1b" not in out.err + out.out
        if code == 0:
            assert "this store: would refuse it: " in out.out, (case.name, out.out)
        else:
            assert code == 1 and out.out == "", (case.name, out.out)
            assert len(out.err.strip().splitlines()) == 1, (case.name, out.err)
    assert dump(db) == before
