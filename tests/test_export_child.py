"""The window's exports run in a child process (cmsdesk.export.child): the document is the one
the export function writes in this process, the export's own error message comes back, the
translation fallbacks are counted, and a cancelled export leaves no file and no temporary file."""

from __future__ import annotations

import threading
import time
import zipfile
from pathlib import Path

import pytest

from cmsdesk.atomic import WriteError
from cmsdesk.export.child import (
    COMPILATION,
    DOCX,
    FOR_COMMENTS,
    MARKDOWN,
    ChildExport,
    ExportCancelled,
    ExportFailed,
    ExportJob,
    store_location,
)
from cmsdesk.export.docx_compilation import export_compilation_docx
from cmsdesk.export.docx_plan import export_plan_docx
from cmsdesk.export.localized import Fallbacks
from cmsdesk.export.markdown_plan import export_plan_markdown
from cmsdesk.models.store import Store

BOTH_BACKENDS = True  # a server store is opened by the child through its address

WRITERS = {DOCX: export_plan_docx, MARKDOWN: export_plan_markdown,
           COMPILATION: export_compilation_docx}


def contents(path: Path) -> dict[str, bytes]:
    """A file's content; for a Word file its parts, without the time it was written."""
    if path.suffix != ".docx":
        return {"": path.read_bytes()}
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"}


@pytest.mark.parametrize("kind", [DOCX, MARKDOWN, COMPILATION])
def test_the_child_writes_what_the_export_writes_here(plan_store: tuple[Store, str],
                                                      tmp_path: Path, kind: str) -> None:
    store, plan_id = plan_store
    suffix = ".md" if kind == MARKDOWN else ".docx"
    here, there = tmp_path / f"here{suffix}", tmp_path / f"there{suffix}"
    options = {"lang": "fr", "fallbacks": Fallbacks()}
    with store.session() as s:
        WRITERS[kind](s, plan_id, here, lang="fr", fallbacks=(expected := Fallbacks()))
    assert ChildExport(ExportJob(store_location(store), kind, plan_id, there,
                                 options)).run() == there
    assert contents(there) == contents(here)
    assert options["fallbacks"] == expected and expected.lang == "fr"  # filled in, as here


def test_a_consultation_copy_comes_back_with_what_it_traces(plan_store: tuple[Store, str],
                                                            tmp_path: Path) -> None:
    store, plan_id = plan_store
    copy = ChildExport(ExportJob(store_location(store), FOR_COMMENTS, plan_id,
                                 tmp_path / "copy.docx")).run()
    assert copy.path == tmp_path / "copy.docx" and copy.path.is_file() and copy.fields > 50


def test_a_refused_export_says_what_the_export_says(plan_store: tuple[Store, str],
                                                    tmp_path: Path) -> None:
    store, plan_id = plan_store
    with store.session() as s, pytest.raises(WriteError) as direct:
        export_plan_docx(s, plan_id, tmp_path)  # a folder
    with pytest.raises(ExportFailed) as child:
        ChildExport(ExportJob(store_location(store), DOCX, plan_id, tmp_path)).run()
    assert str(child.value) == str(direct.value) and "it is a folder" in str(child.value)


def test_a_cancelled_export_leaves_neither_the_file_nor_a_temporary_one(
        plan_store: tuple[Store, str], tmp_path: Path) -> None:
    store, plan_id = plan_store
    out = tmp_path / "out" / "plan.docx"
    out.parent.mkdir()
    export = ChildExport(ExportJob(store_location(store), DOCX, plan_id, out))
    outcome: list[BaseException] = []

    def run() -> None:
        try:
            export.run()
        except BaseException as exc:  # noqa: BLE001 - looked at below
            outcome.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    time.sleep(0.3)  # the child is starting (an interpreter, then the store and python-docx)
    export.cancel()
    worker.join(60)
    assert not worker.is_alive() and len(outcome) == 1
    assert isinstance(outcome[0], ExportCancelled)
    assert list(out.parent.iterdir()) == []


def test_an_export_cancelled_before_it_starts_starts_no_child(plan_store: tuple[Store, str],
                                                              tmp_path: Path) -> None:
    store, plan_id = plan_store
    export = ChildExport(ExportJob(store_location(store), DOCX, plan_id, tmp_path / "p.docx"))
    export.cancel()
    with pytest.raises(ExportCancelled):
        export.run()
    assert not (tmp_path / "p.docx").exists()
