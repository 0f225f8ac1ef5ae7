"""No output path can destroy the store or anything that is not a regular file (issue 13, part 2).

Every command that writes a file (export markdown/docx/compilation, bundle export, keys
export) is pointed at the open store, its companion files, a backup, a folder, a device and a
named pipe, directly and through a symbolic link: each is refused with one line, and nothing
changes on disk. Writing over an ordinary file still works, atomically.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from cmsdesk.atomic import WriteError, check_target, write_bytes_atomic
from cmsdesk.cli import main

WRITERS = {
    "export markdown": ["export", "markdown"],
    "export docx": ["export", "docx"],
    "export compilation": ["export", "compilation"],
    "bundle export": ["bundle", "export", "--full"],
    "keys export": ["keys", "export"],
}


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "plan.db"
    assert main(["--db", str(path), "identity", "--name", "Kofi Mensah", "--party", "Ghana",
                 "--region", "Africa", "--role", "focal point"]) == 0
    assert main(["--db", str(path), "init"]) == 0
    assert main(["--db", str(path), "bundle", "export", "--full", str(tmp_path / "x.cmsb")]) == 0
    (tmp_path / "x.cmsb").unlink()  # the signing key now exists: exports change nothing more
    capsys.readouterr()
    return path


def fingerprint(folder: Path) -> dict[str, tuple[int, str]]:
    """Every entry under ``folder``: its type and, for a regular file, its content hash (for a
    database, the hash of its SQL dump: checkpoints move pages between the file and its WAL)."""
    out: dict[str, tuple[int, str]] = {}
    for p in sorted(folder.rglob("*")):
        if p.name.endswith(("-wal", "-shm")):
            continue
        mode = p.lstat().st_mode
        digest = ""
        if stat.S_ISREG(mode):
            data = p.read_bytes()
            if data.startswith(b"SQLite format 3"):
                with sqlite3.connect(p) as conn:
                    data = "\n".join(conn.iterdump()).encode()
                conn.close()
            digest = hashlib.sha256(data).hexdigest()
        out[str(p.relative_to(folder))] = (stat.S_IFMT(mode), digest)
    return out


def hazards(db: Path) -> dict[str, Path]:
    """Paths an export must refuse, made real beside the store."""
    folder = db.parent
    backups = folder / "plan-backups"
    backups.mkdir()
    backup = backups / "plan.before-import-20260101-000000-000000.db"
    backup.write_bytes(db.read_bytes())
    (folder / "a folder").mkdir()
    os.mkfifo(folder / "pipe")
    found = {"the store": db, "its backup": backup, "a folder": folder / "a folder",
             "a named pipe": folder / "pipe",
             # refused before any work: a bundle export would first make the signing key
             "a file in a folder that does not exist": folder / "nowhere" / "plan.cmsb"}
    for suffix in ("-wal", "-shm", "-journal", ".lock"):
        found[f"its {suffix} file"] = db.with_name(db.name + suffix)  # present or not
    os.symlink(db, folder / "link-to-store.md")
    found["a link to the store"] = folder / "link-to-store.md"
    if os.geteuid() == 0:  # root may make a device node: a copy of /dev/null's
        os.mknod(folder / "null", stat.S_IFCHR | 0o666, os.makedev(1, 3))
        found["a device"] = folder / "null"
        os.symlink(folder / "null", folder / "link-to-device.docx")
        found["a link to a device"] = folder / "link-to-device.docx"
    return found


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_no_writer_replaces_the_store_or_a_special_file(
        db: Path, capsys: pytest.CaptureFixture[str], writer: str) -> None:
    targets = hazards(db)
    before = fingerprint(db.parent)
    for name, target in targets.items():
        code = main(["--db", str(db), *WRITERS[writer], str(target)])
        out = capsys.readouterr()
        assert code != 0, (writer, name)
        lines = out.err.strip().splitlines()
        assert len(lines) == 1 and "Nothing was written" in lines[0], (writer, name, out.err)
        assert "Traceback" not in out.err and out.out == ""
        assert fingerprint(db.parent) == before, (writer, name)
    assert main(["--db", str(db), "outline"]) == 0


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_writing_over_an_ordinary_file_works_and_keeps_links(
        db: Path, capsys: pytest.CaptureFixture[str], writer: str) -> None:
    old = db.parent / "old.out"
    old.write_bytes(b"an old export")
    link = db.parent / "link.out"
    os.symlink(old, link)
    assert main(["--db", str(db), *WRITERS[writer], str(link)]) == 0
    capsys.readouterr()
    assert link.is_symlink() and old.read_bytes() != b"an old export"
    assert [p.name for p in db.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_a_database_that_is_not_open_is_not_replaced_either(tmp_path: Path) -> None:
    other = tmp_path / "another-plan.db"
    other.write_bytes(b"SQLite format 3\x00" + bytes(4080))
    with pytest.raises(WriteError, match="database"):
        write_bytes_atomic(other, b"x")
    assert other.read_bytes().startswith(b"SQLite format 3")


def test_an_ordinary_file_named_like_a_journal_is_fine(tmp_path: Path) -> None:
    """The companion rule needs the database beside it: notes-wal.md alone is just a file."""
    assert check_target(tmp_path / "notes-wal") == tmp_path / "notes-wal"
    (tmp_path / "notes").write_text("plain text")
    assert check_target(tmp_path / "notes-wal") == tmp_path / "notes-wal"
