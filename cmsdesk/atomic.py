"""Writing files atomically: a temporary file beside the target, flushed, then renamed over it.

A bundle or a Word file is either the complete new file or the old one, never half of each,
even if the laptop dies or the disk fills mid-write. Errors come back as :class:`WriteError`
with a message that says what went wrong and that the old file is intact.

The target is checked first (:func:`check_target`): an export never replaces a folder, a device
or any other non-regular file, an SQLite database (a cmsdesk store, open or not, or one of its
backups), or a store's companion files (``-wal``, ``-shm``, ``-journal``, ``.lock``). So no
mistyped output path can destroy the store, and exports need no backup. A symbolic link is
written through: the file it points to is replaced, the link stays.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


class WriteError(Exception):
    """A file could not be written; the message is for the user."""


SQLITE_MAGIC = b"SQLite format 3\x00"
WAL_MAGICS = (b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83")
STORE_COMPANIONS = ("-wal", "-shm", "-journal", ".lock")


def _starts_with(path: Path, *magics: bytes) -> bool:
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError:
        return False
    return any(head.startswith(m) for m in magics)


def _companion_of_database(path: Path) -> bool:
    """True for ``X-wal``, ``X-shm``, ``X-journal`` or ``X.lock`` beside an SQLite file ``X``."""
    for suffix in STORE_COMPANIONS:
        if path.name.endswith(suffix) and len(path.name) > len(suffix):
            base = path.with_name(path.name[:-len(suffix)])
            if base.is_file() and _starts_with(base, SQLITE_MAGIC):
                return True
    return False


def check_target(path: Path | str) -> Path:
    """The real path to write for ``path``, or :class:`WriteError` if it must not be replaced."""
    from cmsdesk.printable import printable

    shown = printable(path)
    target = Path(os.path.realpath(path))
    nothing = "Nothing was written."
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise WriteError(_explain(Path(path), exc)) from exc
    if mode is not None and stat.S_ISDIR(mode):
        raise WriteError(f"cannot write {shown}: it is a folder. Give a file name, such as "
                         f"{printable(Path(path) / 'plan.docx')}. {nothing}")
    if mode is not None and not stat.S_ISREG(mode):
        raise WriteError(f"cannot write {shown}: it is a device or another special file, not a "
                         f"regular file. Give the name of a file to create. {nothing}")
    if mode is not None and _starts_with(target, SQLITE_MAGIC, *WAL_MAGICS):
        raise WriteError(f"cannot write {shown}: it is a database (a cmsdesk store or a backup "
                         f"of one), which an export never replaces. Choose another file name. "
                         f"{nothing}")
    if _companion_of_database(target):
        raise WriteError(f"cannot write {shown}: it belongs to the database beside it (its "
                         f"journal or lock). Choose another file name. {nothing}")
    if mode is None and not target.parent.is_dir():
        raise WriteError(f"cannot write {shown}: the folder does not exist "
                         f"({printable(target.parent)}). Create it first, or choose another "
                         f"folder. {nothing}")
    return target


def _explain(path: Path, exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM):
        why = "permission denied (the folder is read-only, or the file is open in another program)"
    elif exc.errno == errno.ENOSPC:
        why = "the disk is full"
    elif exc.errno == errno.ENOENT:
        why = ("no file can be created in that folder" if path.parent.is_dir() else
               "the folder does not exist")
    else:
        why = exc.strerror or str(exc)
    from cmsdesk.printable import printable

    return f"cannot write {printable(path)}: {why}. Any existing file there was left unchanged."


def _mode_for(target: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual ones (mkstemp's are 0600,
    too strict for a document meant to be shared)."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: Path | str, produce: Callable[[BinaryIO], None]) -> Path:
    """Call ``produce`` with a binary file object, then move the result to ``path``.

    ``path`` is checked first (:func:`check_target`); the returned path is the one asked for.
    """
    target = check_target(path)
    tmp_name = ""
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                        dir=target.parent if str(target.parent) else ".")
        with os.fdopen(fd, "wb") as fh:
            produce(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp_name, _mode_for(target))
        os.replace(tmp_name, target)
        tmp_name = ""
    except OSError as exc:
        raise WriteError(_explain(Path(path), exc)) from exc
    finally:
        if tmp_name:
            Path(tmp_name).unlink(missing_ok=True)
    return Path(path)


def write_bytes_atomic(path: Path | str, data: bytes) -> Path:
    return write_atomic(path, lambda fh: fh.write(data) and None)
