"""Writing files atomically: a temporary file beside the target, flushed, then renamed over it.

A bundle or a Word file is either the complete new file or the old one, never half of each,
even if the laptop dies or the disk fills mid-write. Errors come back as :class:`WriteError`
with a message that says what went wrong and that the old file is intact.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


class WriteError(Exception):
    """A file could not be written; the message is for the user."""


def _explain(path: Path, exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM):
        why = "permission denied (the folder is read-only, or the file is open in another program)"
    elif exc.errno == errno.ENOSPC:
        why = "the disk is full"
    elif exc.errno == errno.ENOENT:
        why = "the folder does not exist"
    else:
        why = exc.strerror or str(exc)
    return f"cannot write {path}: {why}. Any existing file there was left unchanged."


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
    """Call ``produce`` with a binary file object, then move the result to ``path``."""
    target = Path(path)
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
        raise WriteError(_explain(target, exc)) from exc
    finally:
        if tmp_name:
            Path(tmp_name).unlink(missing_ok=True)
    return target


def write_bytes_atomic(path: Path | str, data: bytes) -> Path:
    return write_atomic(path, lambda fh: fh.write(data) and None)
