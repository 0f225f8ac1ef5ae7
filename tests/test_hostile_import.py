"""Hostile and broken bundles and texts: one line each, the good files of a batch imported, the
outline's rules kept, names shown safely (issue 13, parts 3 to 5)."""

from __future__ import annotations

import json
import re
import tracemalloc
from pathlib import Path

import pytest
from hostile_bundles import World, member, nested, raw_zip
from sqlalchemy import select
from sync_support import change_set, file_hash

from cmsdesk.cli import main
from cmsdesk.models import queries
from cmsdesk.models.commands import PlanEditor
from cmsdesk.models.schema import Change
from cmsdesk.sync import format as fmt
from cmsdesk.sync import importer
from cmsdesk.sync.exporter import export_bundle
from cmsdesk.sync.importer import import_bundles
from cmsdesk.sync.validate import read_bundle


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    return World(tmp_path_factory.mktemp("hostile"))


def write(world: World, name: str, data: bytes) -> Path:
    path = world.folder / name
    path.write_bytes(data)
    return path


def bad_files(world: World) -> dict[str, bytes]:
    """One of each hazard the issue names that a batch must survive."""
    good_line = member(world.good).split(b"\n")[1]
    deep = world.change("node", world.reps.targets[1], "text", "set", nested(450))
    surrogate = good_line.replace(b'"value":"', b'"value":"\\ud800', 1)
    return {
        "deep.cmsb": world.bundle([deep]),
        "deeper.cmsb": world.raw_bundle([b"[" * 100_000 + b"]" * 100_000]),
        "surrogate.cmsb": world.raw_bundle([surrogate]),
        "nul-name.cmsb": raw_zip([(b"bundle.jsonl\x00evil", member(world.good))]),
        "bad-date.cmsb": world.bundle(manifest=lambda m: m.update(created="not-a-date")),
        "lying-sizes.cmsb": raw_zip([(fmt.DATA.encode(), b"\n" * (8 * fmt.MiB))],
                                    sizes=(100, 100)),
        "not-a-zip.cmsb": b"PK\x03\x04 but nothing else",
        "empty.cmsb": b"",
    }


def test_a_bad_file_never_stops_the_good_ones(world: World) -> None:
    bad = {name: write(world, name, data) for name, data in bad_files(world).items()}
    good = write(world, "good.cmsb", world.good)
    store = world.open_target()
    try:
        results = import_bundles(store, [*bad.values(), good])
        assert [r.ok for r in results] == [False] * len(bad) + [True]
        for r in results[:-1]:
            assert r.error and "\n" not in r.error and "Traceback" not in r.error
        assert len(change_set(store, world.reps.plan_id)) > 0
        assert results[-1].report is not None and results[-1].report.new_changes == 1
    finally:
        store.close()


def test_the_batch_on_the_command_line_says_one_line_per_refused_file(
        world: World, capsys: pytest.CaptureFixture[str]) -> None:
    bad = [str(write(world, name, data)) for name, data in bad_files(world).items()]
    good = str(write(world, "good.cmsb", world.good))
    db = world.fresh_target()
    code = main(["--db", str(db), "bundle", "import", good, *bad])
    out = capsys.readouterr()
    assert code == 1 and "Traceback" not in out.err + out.out
    assert len(out.err.strip().splitlines()) == len(bad)
    assert out.out.startswith("good.cmsb: from sender") and f"1 of {len(bad) + 1}" in out.out


BAD_NAMES = ["deep.cmsb", "deeper.cmsb", "surrogate.cmsb", "nul-name.cmsb", "bad-date.cmsb",
             "lying-sizes.cmsb", "not-a-zip.cmsb", "empty.cmsb"]


@pytest.mark.parametrize("name", BAD_NAMES)
def test_inspect_says_one_line_and_changes_nothing(world: World, name: str,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = write(world, name, bad_files(world)[name])
    db = world.fresh_target()
    before = file_hash(db)
    code = main(["--db", str(db), "bundle", "inspect", str(path)])
    out = capsys.readouterr()
    assert code == 1 and out.out == "" and len(out.err.strip().splitlines()) == 1
    assert "Traceback" not in out.err
    assert file_hash(db) == before


EXPECTED = {"deep.cmsb": "nests more than", "deeper.cmsb": "nests more than",
            "surrogate.cmsb": "lone surrogate", "nul-name.cmsb": "hides characters",
            "bad-date.cmsb": "date is not a date", "lying-sizes.cmsb": "damaged",
            "not-a-zip.cmsb": "damaged", "empty.cmsb": "damaged"}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_hazard_gets_its_own_reason(world: World, name: str) -> None:
    path = write(world, name, bad_files(world)[name])
    with pytest.raises(fmt.BundleError, match=EXPECTED[name]):
        read_bundle(path)


def test_a_file_that_fails_while_being_written_takes_back_only_its_own_rows(
        world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """An unforeseen error after a file's changes were appended (here: remembering its sender)
    rolls back that file alone; the batch goes on."""
    other = world.reps.new_store("another sender")
    PlanEditor(other, world.reps.plan_id).set_field(world.reps.targets[2], "text", "Other.")
    second = world.folder / "second.cmsb"
    export_bundle(other, world.reps.plan_id, second, to_peer="UNEP/CMS")
    other.close()
    first = write(world, "first.cmsb", world.good)
    real = importer.remember_sender

    def flaky(session, store, sender, seen):  # type: ignore[no-untyped-def]
        if sender.replica == world.replica:
            raise ValueError("something unforeseen")
        return real(session, store, sender, seen)

    monkeypatch.setattr(importer, "remember_sender", flaky)
    store = world.open_target()
    try:
        before = change_set(store, world.reps.plan_id)
        results = import_bundles(store, [first, second])
        assert not results[0].ok and "ValueError" in (results[0].error or "")
        assert results[1].ok and results[1].report and results[1].report.new_changes == 1
        assert len(change_set(store, world.reps.plan_id)) == len(before) + 1
        with store.session() as s:
            assert s.scalars(select(Change.id).where(Change.replica == world.replica)).all() == []
    finally:
        store.close()


def test_a_member_that_lies_about_its_sizes_is_stopped_early(world: World) -> None:
    bomb = write(world, "bomb.cmsb", raw_zip([(fmt.DATA.encode(), bytes(64 * fmt.MiB))],
                                             sizes=(1000, 1000)))
    honest_but_huge = write(world, "huge.cmsb", raw_zip([(fmt.DATA.encode(),
                                                          bytes(64 * fmt.MiB))]))
    for path, reason in ((bomb, "damaged"), (honest_but_huge, "manifest|damaged")):
        tracemalloc.start()
        try:
            with pytest.raises(fmt.BundleError, match=reason):
                read_bundle(path)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert peak < 100 * fmt.MiB


def test_the_limit_counts_the_bytes_actually_decompressed(world: World,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(fmt.MAX_MEMBER_SIZE, fmt.DATA, 4 * fmt.MiB)
    liar = write(world, "liar.cmsb", raw_zip([(fmt.DATA.encode(), bytes(16 * fmt.MiB))],
                                             sizes=(1000, 4 * fmt.MiB)))
    with pytest.raises(fmt.BundleError, match="damaged|more than"):
        read_bundle(liar)


@pytest.mark.slow
def test_cmsdesk_accepts_the_large_bundles_it_writes(world: World) -> None:
    """Texts that repeat themselves compress far beyond any ratio a bomb check would allow: a
    20 MB text, and three versions of a 1 MB text."""
    sentence = "The Parties shall cooperate to conserve migratory species along their routes. "
    sender = world.reps.new_store("big")
    editor = PlanEditor(sender, world.reps.plan_id)
    editor.set_field(world.reps.targets[0], "text", sentence * (20_000_000 // len(sentence)))
    text = sentence * (1_000_000 // len(sentence))
    for ending in ("First.", "Second.", "Third."):
        editor.set_field(world.reps.targets[1], "text", text + ending)
    out = world.folder / "big.cmsb"
    export_bundle(sender, world.reps.plan_id, out, to_peer="UNEP/CMS")
    sender.close()
    assert out.stat().st_size < 2 * fmt.MiB  # it compresses very well indeed
    store = world.open_target()
    try:
        results = import_bundles(store, [out])
        assert results[0].ok, results[0].error
    finally:
        store.close()


@pytest.mark.parametrize("created", ["not-a-date", "2026-13-45T00:00:00Z", "9999", "",
                                     "2026-11-24 07:28:46", "2026-11-24T07:28:46+02:00"])
def test_a_manifest_date_must_be_a_date(world: World, created: str) -> None:
    path = write(world, "date.cmsb", world.bundle(manifest=lambda m: m.update(created=created)))
    with pytest.raises(fmt.BundleError, match="date"):
        read_bundle(path)


@pytest.mark.parametrize("created", ["2026-11-24T07:28:46.253Z", "2026-11-24T07:28:46Z",
                                     "2026-11-24T07:28:46.253Z#3"])
def test_dates_as_cmsdesk_writes_them_are_read(world: World, created: str) -> None:
    path = write(world, "date.cmsb", world.bundle(manifest=lambda m: m.update(created=created)))
    assert read_bundle(path).manifest.created == created


# -- structure ----------------------------------------------------------------------------------


def structure_cases(world: World) -> dict[str, tuple[list[dict], str]]:
    """name -> (changes, what the refusal says, or "" when it must be imported)."""
    chapter, (t1, t2, _t3) = world.reps.chapter, world.reps.targets
    c = world.change
    new = "11111111-1111-4111-8111-111111111111"
    goal = "22222222-2222-4222-8222-222222222222"
    target = "33333333-3333-4333-8333-333333333333"
    return {
        "target under a target": ([c("node", t1, "placement", "move",
                                     {"parent": t2, "pos": "m"})], "rules forbid"),
        "chapter under a target": ([c("node", chapter, "placement", "move",
                                      {"parent": t1, "pos": "m"})], "rules forbid"),
        "cycle of chapters": ([c("node", new, "placement", "create",
                                 {"kind": "chapter", "parent": chapter, "pos": "m"}, []),
                               c("node", chapter, "placement", "move",
                                 {"parent": new, "pos": "m"})], "inside itself"),
        "goal under its own target": ([
            c("node", goal, "placement", "create", {"kind": "goal", "parent": chapter,
                                                    "pos": "m"}, []),
            c("node", target, "placement", "create", {"kind": "target", "parent": goal,
                                                      "pos": "m"}, []),
            c("node", goal, "placement", "move", {"parent": target, "pos": "m"})],
            "rules forbid|inside itself"),
        "node under itself": ([c("node", chapter, "placement", "move",
                                 {"parent": chapter, "pos": "m"})], "inside itself"),
        "text of a node never created": ([c("node", new, "text", "set", "Ghost text.", [])],
                                         "never created"),
        "move of a node never created": ([c("node", new, "placement", "move",
                                            {"parent": None, "pos": "m"}, [])], "never created"),
        "under a node that does not exist": ([c("node", t1, "placement", "move",
                                                {"parent": new, "pos": "m"})], "does not exist"),
        "comment on a node never created": ([c("comment", new, "body", "comment_add",
                                               {"node": goal, "text": "x"}, [])],
                                            "never created"),
        "a goal with a target, as the rules allow": ([
            c("node", goal, "placement", "create", {"kind": "goal", "parent": chapter,
                                                    "pos": "m"}, []),
            c("node", target, "placement", "create", {"kind": "target", "parent": goal,
                                                      "pos": "m"}, []),
            c("node", target, "text", "set", "A target of the new goal.", [])], ""),
    }


@pytest.mark.parametrize("case", ["target under a target", "chapter under a target",
                                  "cycle of chapters", "goal under its own target",
                                  "node under itself", "text of a node never created",
                                  "move of a node never created",
                                  "under a node that does not exist",
                                  "comment on a node never created",
                                  "a goal with a target, as the rules allow"])
def test_the_outline_rules_hold_on_import(world: World, case: str) -> None:
    changes, refusal = structure_cases(world)[case]
    path = write(world, "structure.cmsb", world.bundle(changes))
    store = world.open_target()
    try:
        with store.session() as s:
            before = queries.outline(s, world.reps.plan_id)
        result = import_bundles(store, [path])[0]
        with store.session() as s:
            after = queries.outline(s, world.reps.plan_id)
        if refusal:
            assert not result.ok and result.error
            assert re.search(refusal, result.error), result.error
            assert after == before
        else:
            assert result.ok, result.error
            kinds = {e.id: (e.kind, e.parent_id) for e in after}
            assert kinds["33333333-3333-4333-8333-333333333333"] == (
                "target", "22222222-2222-4222-8222-222222222222")
    finally:
        store.close()


# -- names ----------------------------------------------------------------------------------------

FORGED_NAME = "Eve\n  verified (pinned key)\x1b]0;owned\x07\x1b[2J\x1b[32m\u202eevil"


def test_names_from_a_bundle_are_printed_escaped(world: World,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    def rename(m: dict) -> None:
        m["sender"].update(name=FORGED_NAME, party="Party\rX", region="\x9b31m")
        m["plan"]["title"] = "Plan\x1b[5m"

    path = write(world, "names.cmsb", world.bundle(manifest=rename))
    db = world.fresh_target()
    for args in (["bundle", "inspect", str(path)], ["bundle", "import", str(path)],
                 ["bundle", "peers"]):
        code = main(["--db", str(db), *args])
        out = capsys.readouterr()
        assert code == 0, out.err
        printed = out.out + out.err
        for raw in ("\x1b", "\x07", "\u202e", "\x9b", "\r"):
            assert raw not in printed, (args, printed)
        assert "verified (pinned key)" not in printed.replace("Eve\\n  verified", "")
        for line in printed.splitlines():
            assert not line.lstrip().startswith("verified (pinned key)")
    assert main(["--db", str(db), "bundle", "import", str(path)]) == 0
    summary = capsys.readouterr().out.strip().splitlines()
    assert len(summary) == 1 and "Eve\\n  verified (pinned key)\\x1b]0;owned" in summary[0]


# -- texts on the command line -------------------------------------------------------------------


@pytest.mark.parametrize("text", ["\udcff invalid byte", "lone \ud800 surrogate",
                                  "\udced\udca0\udc80"])
def test_set_text_that_is_not_utf8_is_one_line(db: str, capsys: pytest.CaptureFixture[str],
                                               text: str) -> None:
    before = file_hash(Path(db))
    code = main(["--db", db, "set", "T1", "text", "--text", text])
    err = capsys.readouterr().err
    assert code == 1 and len(err.strip().splitlines()) == 1 and "not UTF-8" in err
    assert file_hash(Path(db)) == before


def test_apply_splits_lines_at_line_feeds_only(db: str, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    value = "One\u2028two\u2029three\u0085four."
    edits = tmp_path / "edits.jsonl"
    edits.write_text(json.dumps({"node": "T1", "field": "text", "value": value},
                                ensure_ascii=False) + "\n", encoding="utf-8")
    assert main(["--db", db, "apply", str(edits)]) == 0
    capsys.readouterr()
    assert main(["--db", db, "show", "T1", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["fields"]["text"] == value


@pytest.mark.parametrize("line, reason", [
    ('{"node":"T1","field":"text","value":"\\ud800"}', "not UTF-8"),
    ("[" * 100_000, "nested too deeply|not valid JSON"),
    ('{"node":"T1","field":"text","value":1}', "string"),
])
def test_apply_refuses_a_bad_line_in_one_line(db: str, tmp_path: Path, line: str, reason: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    edits = tmp_path / "edits.jsonl"
    edits.write_text(line + "\n", encoding="utf-8")
    before = file_hash(Path(db))
    assert main(["--db", db, "apply", str(edits)]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and re.search(reason, err), err
    assert file_hash(Path(db)) == before


def test_set_file_with_crlf_says_so(db: str, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    body = tmp_path / "t1.md"
    body.write_bytes(b"First line.\r\nSecond line.\r\n")
    assert main(["--db", db, "set", "T1", "text", "--file", str(body)]) == 0
    assert "line ends" in capsys.readouterr().err
    assert main(["--db", db, "show", "T1", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["fields"]["text"] == "First line.\nSecond line.\n"


def test_set_file_that_is_not_utf8_is_one_line(db: str, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    body = tmp_path / "latin1.md"
    body.write_bytes("Espa\u00f1a".encode("latin-1"))
    assert main(["--db", db, "set", "T1", "text", "--file", str(body)]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "not UTF-8" in err
