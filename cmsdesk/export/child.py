"""Writing a document in a process of its own, so that the window never waits for it.

A Word export of a large plan is seconds of Python work (python-docx, lxml). Run in a thread of
the window's process, it shared the interpreter with the window: every paint, slot and event
filter of the window waited for the interpreter lock between the worker's turns, and the
garbage collector's passes that the worker's allocations started held it throughout (the Word
step of ``python -m bench --only stalls`` measured stalls of 100-536 ms while the window's own
work per turn of its loop stayed under 25 ms). A child process shares nothing with the window:
the window's worker thread only waits for its answer.

The child is started with the 'spawn' method: a fresh interpreter, safe beside Qt's threads and
the same on Windows, macOS and Linux (a frozen program answers it through
``multiprocessing.freeze_support()`` in ``cmsdesk.__main__``). It opens the store to read (no
lock: SQLite's write-ahead log lets it read beside the window's writes; a server store through
the same address and password), writes the file atomically as the command line does, and
answers with what the export returns or the error's message. Cancelling stops the child; the
temporary file of an unfinished write is removed, so the target is the old file or nothing.
"""

from __future__ import annotations

import glob
import multiprocessing
import os
import signal
import threading
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess

    from cmsdesk.models.store import Store

DOCX, MARKDOWN, COMPILATION, FOR_COMMENTS = "docx", "markdown", "compilation", "for_comments"
# On a busy machine a child that competes as an equal for the processor made the window's turn
# that shows the progress dialog wait 60-180 ms (bench/stalls.py); a lower priority leaves it
# the processor while the child starts (its interpreter, SQLAlchemy, python-docx).
CHILD_NICENESS = 5


class ExportFailed(Exception):
    """The export was refused or failed; the message is the export's own, for the user."""


class ExportCancelled(Exception):
    """The user stopped the export; nothing was written."""


@dataclass(frozen=True)
class ExportJob:
    """What the child writes: ``kind`` of document of ``plan_id`` to ``target``, with the keyword
    ``options`` of the export function (``fallbacks`` comes back filled in)."""

    location: str  # a store file, or a server address with its password (never shown)
    kind: str
    plan_id: str
    target: Path
    options: dict[str, Any] = field(default_factory=dict)


def store_location(store: Store) -> str:
    """Where a child opens ``store``: its file, or the server address with the password."""
    if store.path is not None:
        return str(store.path)
    return store.engine.url.render_as_string(hide_password=False)


def _write(job: ExportJob) -> Any:
    """Open the store to read and write the document (in the child): the export's result."""
    from cmsdesk.models.store import Store

    store = Store.open(job.location, write=False)
    try:
        if job.kind == FOR_COMMENTS:
            from cmsdesk.export.for_comments import export_for_comments

            return export_for_comments(store, job.plan_id, job.target, **job.options)
        if job.kind == COMPILATION:
            from cmsdesk.export.docx_compilation import export_compilation_docx as writer
        elif job.kind == DOCX:
            from cmsdesk.export.docx_plan import export_plan_docx as writer
        else:
            from cmsdesk.export.markdown_plan import export_plan_markdown as writer
        with store.session() as session:
            return writer(session, job.plan_id, job.target, **job.options)
    finally:
        store.close()


def _stop(_signum: int, _frame: object) -> None:
    raise SystemExit(1)  # unwinds: the atomic write removes its temporary file


def _child(answer: Connection, job: ExportJob) -> None:
    signal.signal(signal.SIGTERM, _stop)
    if hasattr(os, "nice"):  # POSIX: the window, not the document, has the processor first
        os.nice(CHILD_NICENESS)
    try:
        reply: tuple[str, Any] = ("done", (_write(job), job.options.get("fallbacks")))
    except Exception as exc:  # noqa: BLE001 - every failure is told to the window, in words
        reply = ("failed", str(exc) or type(exc).__name__)
    answer.send(reply)
    answer.close()


class ChildExport:
    """One export in a child process: :meth:`run` (from a worker thread) waits for it;
    :meth:`cancel` (from any thread) stops it."""

    def __init__(self, job: ExportJob) -> None:
        self.job = job
        self._lock = threading.Lock()
        self._cancelled = False
        self._process: BaseProcess | None = None

    def run(self) -> Any:
        """The export's result; ``options['fallbacks']`` is filled in as by a direct call.
        Raises :class:`ExportFailed` with the export's message, or :class:`ExportCancelled`."""
        context = multiprocessing.get_context("spawn")
        receive, send = context.Pipe(duplex=False)
        leftovers = self._temporary_files()
        with self._lock:
            if self._cancelled:
                raise ExportCancelled
            process = self._process = context.Process(target=_child, args=(send, self.job),
                                                      name="cmsdesk-export", daemon=True)
            process.start()
        send.close()
        try:
            wait([receive, process.sentinel])  # the interpreter is free meanwhile
            reply = receive.recv() if receive.poll() else None
        except EOFError:
            reply = None
        finally:
            receive.close()
            process.join()
        if self._cancelled:
            for path in self._temporary_files() - leftovers:  # a child killed mid-write
                path.unlink(missing_ok=True)
            raise ExportCancelled
        if reply is None:
            raise ExportFailed(f"the export stopped unexpectedly (exit code {process.exitcode})"
                               "; nothing was written. Try again; if it happens again, export "
                               "from the command line (cmsdesk export), which says more.")
        status, value = reply
        if status == "failed":
            raise ExportFailed(value)
        result, fallbacks = value
        if fallbacks is not None:
            self.job.options["fallbacks"].note(fallbacks.lang, fallbacks.original,
                                               fallbacks.count)
        return result

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            if self._process is not None and self._process.is_alive():
                self._process.terminate()

    def _temporary_files(self) -> set[Path]:
        """The temporary files of an atomic write of the target (:mod:`cmsdesk.atomic`)."""
        target = self.job.target
        return set(target.parent.glob(f".{glob.escape(target.name)}.*.tmp"))
