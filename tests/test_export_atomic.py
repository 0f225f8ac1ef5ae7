"""Exports are written atomically: a folder without write permission, or a file another
program holds open (simulated: the rename is refused), gives a clear message, and the old file
is left as it was with no temporary file behind."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from cmsdesk.atomic import WriteError, write_bytes_atomic
from cmsdesk.export.docx_compilation import export_compilation_docx
from cmsdesk.export.docx_plan import export_plan_docx
from cmsdesk.export.markdown_plan import export_plan_markdown
from cmsdesk.models.store import Store

EXPORTS = {"docx": export_plan_docx, "markdown": export_plan_markdown,
           "compilation": export_compilation_docx}


@pytest.mark.parametrize("kind", sorted(EXPORTS))
def test_a_refused_rename_leaves_the_old_file(plan_store: tuple[Store, str], tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch,
                                              kind: str) -> None:
    store, plan_id = plan_store
    out = tmp_path / "out" / "meeting.docx"
    out.parent.mkdir()
    out.write_bytes(b"the old file")

    def refuse(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(os, "replace", refuse)
    with store.session() as s, pytest.raises(WriteError) as info:
        EXPORTS[kind](s, plan_id, out)
    message = str(info.value)
    assert str(out) in message and "permission denied" in message
    assert "open in another program" in message and "left unchanged" in message
    assert out.read_bytes() == b"the old file"
    assert [p.name for p in out.parent.iterdir()] == ["meeting.docx"]


def test_a_read_only_folder_is_refused_cleanly(plan_store: tuple[Store, str],
                                               tmp_path: Path) -> None:
    store, plan_id = plan_store
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "plan.docx").write_bytes(b"the old file")
    folder.chmod(0o555)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as root: a read-only folder is writable (the rename case "
                        "above covers the refusal)")
        with store.session() as s, pytest.raises(WriteError, match="permission denied"):
            export_plan_docx(s, plan_id, folder / "plan.docx")
        assert (folder / "plan.docx").read_bytes() == b"the old file"
    finally:
        folder.chmod(0o755)


def test_a_missing_folder_says_so(plan_store: tuple[Store, str], tmp_path: Path) -> None:
    store, plan_id = plan_store
    with store.session() as s, pytest.raises(WriteError, match="the folder does not exist"):
        export_plan_markdown(s, plan_id, tmp_path / "nowhere" / "plan.md")


def test_a_new_file_gets_ordinary_permissions_and_an_old_file_keeps_its_own(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        fresh = write_bytes_atomic(tmp_path / "new.cmsb", b"data")
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o644
        kept = tmp_path / "old.docx"
        kept.write_bytes(b"old")
        kept.chmod(0o600)
        write_bytes_atomic(kept, b"new")
        assert stat.S_IMODE(kept.stat().st_mode) == 0o600 and kept.read_bytes() == b"new"
    finally:
        os.umask(umask)
