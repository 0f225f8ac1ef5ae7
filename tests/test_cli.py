"""The CLI as a user drives it: the real entry point, one clear line on stderr for every error."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import run
from sqlalchemy import create_engine, text

from cmsdesk import __version__
from cmsdesk.cli import main, parse


def test_version_and_identity(capsys: pytest.CaptureFixture[str], db: str) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0 and __version__ in capsys.readouterr().out
    code, out, _ = run(capsys, "--db", db, "identity", "--json")
    data = json.loads(out)
    assert code == 0 and data["party"] == "Ghana" and data["role"] == "focal point"
    assert len(data["replica"]) == 32


def test_outline_json_is_stable_and_numbers_targets(capsys: pytest.CaptureFixture[str],
                                                    db: str) -> None:
    code, out, _ = run(capsys, "--db", db, "outline", "--json")
    data = json.loads(out)
    assert code == 0 and set(data) == {"plan", "outline"}
    assert set(data["outline"][0]) == {"id", "kind", "label", "number", "depth", "title",
                                       "parent", "status", "conflicted"}
    assert [e["label"] for e in data["outline"] if e["kind"] == "target"][-1] == "T16"


def test_set_show_history_round_trip(capsys: pytest.CaptureFixture[str], db: str,
                                     tmp_path: Path) -> None:
    body = tmp_path / "t7.md"
    body.write_text("Les Parties coopèrent. El ñandú está protegido. Überall.", encoding="utf-8")
    assert run(capsys, "--db", db, "set", "T7", "text", "--file", str(body))[0] == 0
    code, out, _ = run(capsys, "--db", db, "show", "T7", "--json")
    view = json.loads(out)
    assert code == 0 and view["fields"]["text"] == body.read_text(encoding="utf-8")
    assert view["label"] == "T7" and view["kind"] == "target"
    code, out, _ = run(capsys, "--db", db, "history", "T7", "text", "--json")
    versions = json.loads(out)
    assert len(versions) == 2 and versions[-1]["party"] == "Ghana"
    assert versions[-1]["parents"] == [versions[0]["version_id"]]


def test_add_move_delete_restore_xref_comment(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, _ = run(capsys, "--db", db, "add", "G5", "target", "--title", "Youth engagement")
    assert code == 0 and "T17" in out
    assert run(capsys, "--db", db, "move", "T17", "--under", "G1", "--index", "0")[0] == 0
    _, out, _ = run(capsys, "--db", db, "show", "T1", "--json")
    assert json.loads(out)["fields"]["title"] == "Youth engagement"
    assert run(capsys, "--db", db, "xref", "T1", "add", "aichi:1", "--note", "awareness")[0] == 0
    assert run(capsys, "--db", db, "comment", "T1", "--text", "Bienvenue")[0] == 0
    _, out, _ = run(capsys, "--db", db, "show", "T1", "--json")
    view = json.loads(out)
    assert view["xrefs"] == [{"framework": "aichi", "target": "1", "relevance": "primary",
                              "note": "awareness"}]
    assert view["comments"][0]["text"] == "Bienvenue"
    node_id = view["id"]
    assert run(capsys, "--db", db, "delete", "T1")[0] == 0
    _, out, _ = run(capsys, "--db", db, "outline", "--trash", "--json")
    assert [n["id"] for n in json.loads(out)] == [node_id]
    assert run(capsys, "--db", db, "restore", node_id)[0] == 0
    _, out, _ = run(capsys, "--db", db, "show", "T1", "--json")
    assert json.loads(out)["id"] == node_id


def test_apply_is_all_or_nothing_and_names_the_bad_line(capsys: pytest.CaptureFixture[str],
                                                        db: str, tmp_path: Path) -> None:
    edits = tmp_path / "edits.jsonl"
    edits.write_text('{"node": "T1", "field": "title", "value": "Changed"}\n'
                     '{"node": "T2", "field": "text"}\n', encoding="utf-8")
    code, _, err = run(capsys, "--db", db, "apply", str(edits))
    assert code == 1 and "line 2" in err and "nothing was applied" in err
    _, out, _ = run(capsys, "--db", db, "show", "T1", "--json")
    assert json.loads(out)["fields"]["title"] != "Changed"
    edits.write_text('{"node": "T1", "field": "title", "value": "Changed"}\n'
                     '{"node": "T2", "field": "status", "value": "agreed"}\n', encoding="utf-8")
    assert run(capsys, "--db", db, "apply", str(edits))[0] == 0
    _, out, _ = run(capsys, "--db", db, "show", "T2", "--json")
    assert json.loads(out)["fields"]["status"] == "agreed"


@pytest.mark.parametrize("args, message", [
    (["show", "T99"], "no node 'T99'"),
    (["set", "T1", "colour", "--text", "x"], "has no field 'colour'"),
    (["xref", "T1", "add", "aichi:42"], "unknown framework target aichi:42"),
    (["add", "T1", "goal", "--title", "x"], "cannot be placed under a target"),
])
def test_errors_are_one_line_and_non_zero(capsys: pytest.CaptureFixture[str], db: str,
                                          args: list[str], message: str) -> None:
    code, _, err = run(capsys, "--db", db, *args)
    assert code == 1 and message in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_store_errors_through_the_installed_command(tmp_path: Path, db: str) -> None:
    exe = Path(sys.executable).with_name("cmsdesk")
    engine = create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    env = {**os.environ, "LANG": "C.UTF-8"}
    newer = subprocess.run([str(exe), "--db", db, "outline"], capture_output=True, text=True,
                           env=env)
    assert newer.returncode == 1 and "newer cmsdesk" in newer.stderr
    assert "Traceback" not in newer.stderr
    empty = subprocess.run([str(exe), "--db", str(tmp_path / "empty.db"), "outline"],
                           capture_output=True, text=True, env=env)
    assert empty.returncode == 1 and "holds no plan" in empty.stderr


def test_a_locked_store_names_its_holder_and_changes_nothing(tmp_path: Path, db: str) -> None:
    exe = Path(sys.executable).with_name("cmsdesk")
    holder = subprocess.Popen(
        [sys.executable, "-c", "import time; from cmsdesk.models.store import Store; "
         f"s=Store.open({db!r}); print('open', flush=True); time.sleep(30)"],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        result = subprocess.run([str(exe), "--db", db, "set", "T1", "title", "--text", "x"],
                                capture_output=True, text=True)
        assert result.returncode == 1 and "in use by" in result.stderr
        assert f"process {holder.pid}" in result.stderr and "Traceback" not in result.stderr
    finally:
        holder.kill()
        holder.wait()
    # the killed holder's lock went with it (an OS lock): the store is simply usable again
    shown = subprocess.run([str(exe), "--db", db, "show", "T1", "--json"],
                           capture_output=True, text=True, check=True)
    assert json.loads(shown.stdout)["fields"]["title"] != "x"
    subprocess.run([str(exe), "--db", db, "set", "T1", "title", "--text", "y"], check=True)


def test_bundle_files_given_to_the_bare_program_open_the_app_and_wait_for_its_import() -> None:
    """A double-click on a bundle runs ``cmsdesk FILE.cmsb``: the app, with the file to import;
    the same name after a subcommand stays that command's argument."""
    app = parse(["--db", "s.db", "kenya.cmsb", "Brazil.CMSB"])
    assert (app.command, app.db, app.files) == (None, "s.db", ["kenya.cmsb", "Brazil.CMSB"])
    assert (parse([]).command, parse([]).files) == (None, [])
    command = parse(["--db", "s.db", "bundle", "import", "kenya.cmsb"])
    assert (command.command, command.files) == ("bundle", [])
    with pytest.raises(SystemExit):
        parse(["--db", "s.db", "no-such-command"])
