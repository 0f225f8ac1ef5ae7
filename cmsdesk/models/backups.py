"""Backups of a store: made safely, kept by a policy, restored by one command.

A backup is a copy of the store taken through SQLite's online backup API (consistent while the
store is open, and in WAL mode it reads the last committed state even while an import's
transaction is still open), written under a temporary name, checked with SQLite's
``quick_check`` and only then renamed to ``<stem>.before-<action>-<UTC stamp>.db`` in
``<stem>-backups/`` beside the store. A copy interrupted by a crash or a full disk therefore
never looks like a backup; its remains (``*.part`` files, their journals, 0-byte copies) are
removed the next time a backup is made or the backups are listed.

What is kept (see :func:`kept`), for each action apart: the newest copy (the state before the last import that changed
something: an import that brings nothing new makes none), and the oldest copy of each of the
last seven days (the state each day started from), so the state before a consultation round
survives any number of re-imports. Older copies are removed.

The copy is a page-for-page copy rather than a compressed one (the benchmark reports both: see
docs/benchmarks.md): the copy opens directly with ``cmsdesk --db`` and restoring it needs no
unpacking. The check is ``quick_check`` rather than ``integrity_check``: it reads every page and
record, which is what a copy cut short by a crash or a full disk damages, without checking each
index against its table, which a page-for-page copy cannot get wrong on its own; on the
50,000-change store it took 0.7 s where ``integrity_check`` took 3.6 s.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

KEEP_DAYS = 7
PART = ".part"
STAMP = "%Y%m%d-%H%M%S-%f"
_NAME = re.compile(r"^(?P<stem>.+)\.before-(?P<action>[a-z]+)-(?P<stamp>\d{8}-\d{6}-\d{6})\.db$")
# Room an import needs beyond the backup: the changes unpacked (bundles are compressed about
# five times), their indexes and the write-ahead log, with a margin for small bundles.
UNPACKED_FACTOR = 20
MARGIN_BYTES = 16 * 2**20


class BackupError(Exception):
    """A backup could not be made or restored; the message says what to do."""


class SourceDamagedError(BackupError):
    """The copy of the store failed its check: a page-for-page copy is damaged only when the
    store it was copied from is."""


@dataclass(frozen=True)
class Backup:
    path: Path
    action: str  # import, restore, ...
    made: datetime  # UTC
    size: int


def folder_of(store_path: Path) -> Path:
    return store_path.with_name(f"{store_path.stem}-backups")


def parse_name(path: Path) -> Backup | None:
    """The backup a file name describes, or None for any other file."""
    found = _NAME.match(path.name)
    if found is None:
        return None
    made = datetime.strptime(found["stamp"], STAMP).replace(tzinfo=UTC)
    try:
        size = path.stat().st_size
    except OSError:
        return None
    return Backup(path, found["action"], made, size)


def list_backups(store_path: Path) -> list[Backup]:
    """The backups of a store, oldest first (leftovers of interrupted copies are removed)."""
    folder = folder_of(store_path)
    if not folder.is_dir():
        return []
    clean_leftovers(folder)
    found = [parse_name(p) for p in folder.glob(f"{store_path.stem}.before-*.db")]
    return sorted((b for b in found if b is not None), key=lambda b: b.made)


def clean_leftovers(folder: Path) -> list[Path]:
    """Remove what interrupted copies leave: temporary copies and their journals, SQLite side
    files of copies, and 0-byte copies (the backups of earlier versions wrote in place)."""
    removed = []
    for path in folder.iterdir():
        name = path.name
        leftover = (PART in name or name.endswith(("-journal", "-wal", "-shm"))
                    or (name.endswith(".db") and _size(path) == 0))
        if leftover and path.is_file():
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return -1


def kept(backups: list[Backup], today: date) -> set[Path]:
    """The backups the policy keeps, for each action (import, restore) apart: the newest, and
    the oldest of each of the last seven days (today included)."""
    first: dict[tuple[str, date], Backup] = {}
    newest: dict[str, Backup] = {}
    for b in sorted(backups, key=lambda b: b.made):
        newest[b.action] = b
        day = b.made.date()
        if today - timedelta(days=KEEP_DAYS - 1) <= day <= today:
            first.setdefault((b.action, day), b)
    return {b.path for b in (*newest.values(), *first.values())}


def prune(store_path: Path, now: datetime | None = None, protect: Path | None = None
          ) -> list[Path]:
    """Remove the backups the policy does not keep (nor ``protect``); returns them."""
    backups = list_backups(store_path)
    keep = kept(backups, (now or datetime.now(UTC)).date()) | {protect}
    gone = [b.path for b in backups if b.path not in keep]
    for path in gone:
        path.unlink(missing_ok=True)
    return gone


def check_free_space(store_path: Path, incoming: int) -> None:
    """Refuse, before anything is written, an import the disk cannot hold: its backup (a copy
    of the store) and the changes ``incoming`` bytes of bundles unpack to."""
    needed = _store_bytes(store_path) + UNPACKED_FACTOR * incoming + MARGIN_BYTES
    try:
        free = shutil.disk_usage(store_path.parent).free
    except OSError:
        return  # unknown: the import itself reports a full disk
    if free < needed:
        raise BackupError(
            f"not enough free space on the disk holding the store: about {_mib(needed)} needed "
            f"for the import and its backup, {_mib(free)} free. Free some space (old backups "
            f"are in {folder_of(store_path)}) and import again; nothing was changed.")


def _store_bytes(store_path: Path) -> int:
    return sum(max(_size(Path(f"{store_path}{side}")), 0) for side in ("", "-wal"))


def _mib(n: int) -> str:
    return f"{n / 2**20:.0f} MB" if n >= 2**20 else f"{n / 1024:.0f} KB"


def make_backup(store_path: Path, action: str, now: datetime | None = None,
                protect: Path | None = None) -> Path:
    """Copy the store into its backups folder (temporary name, checked, renamed), then apply
    the keeping policy (sparing ``protect``: the backup being restored). Raises
    :class:`BackupError`; the store is never touched."""
    folder = folder_of(store_path)
    stamp = (now or datetime.now(UTC)).strftime(STAMP)
    target = folder / f"{store_path.stem}.before-{action}-{stamp}.db"
    part = target.with_name(target.name + PART)
    try:
        folder.mkdir(exist_ok=True)
        clean_leftovers(folder)
        copy_database(store_path, part)
        problem = integrity_problem(part)
        if problem:
            raise SourceDamagedError(f"the backup of the store failed its check ({problem}); "
                                     "the store may be damaged: nothing was changed.")
        _fsync(part)
        os.replace(part, target)
    except (OSError, sqlite3.Error) as exc:
        part.unlink(missing_ok=True)
        why = "the disk is full" if "full" in str(exc) or getattr(exc, "errno", 0) == 28 \
            else str(exc)
        raise BackupError(f"cannot back the store up into {folder}: {why}. Free some space "
                          "or check the folder's permissions; nothing was changed.") from exc
    except BackupError:
        part.unlink(missing_ok=True)
        raise
    prune(store_path, now, protect)
    return target


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def copy_database(source: Path, target: Path) -> Path:
    """A consistent copy of an SQLite database through the backup API (safe while it is open),
    in rollback-journal mode so that the copy is one self-contained file."""
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")
    finally:
        dst.close()
        src.close()
    return target


def integrity_problem(path: Path) -> str:
    """'' if SQLite's quick check passes on the database at ``path``, else its first
    complaint."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        result = conn.execute("PRAGMA quick_check(1)").fetchone()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        conn.close()
    return "" if result and result[0] == "ok" else str(result[0] if result else "no answer")


def latest_good(store_path: Path) -> Backup | None:
    """The newest backup of the store that passes SQLite's quick check and holds a cmsdesk
    schema (what to offer for a damaged store), or None."""
    for backup in reversed(list_backups(store_path)):
        if not integrity_problem(backup.path) and revision_of(backup.path) is not None:
            return backup
    return None


def damaged_name(store_path: Path, now: datetime | None = None) -> Path:
    """Where a damaged store is kept when a backup replaces it: beside it, renamed."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    return store_path.with_name(f"{store_path.stem}.damaged-{stamp}{store_path.suffix}")


def restore_damaged(store_path: Path, backup: Path) -> Path:
    """Put a good backup in the place of a damaged store, which is kept beside it, renamed
    (with its write-ahead log: never deleted); returns the damaged file's new name.

    The store must not be open (a damaged store is never opened). The backup is checked and
    copied under a temporary name first, so a failure leaves the damaged store where it was.
    Raises :class:`BackupError`, or :class:`~cmsdesk.models.lock.StoreLockedError` when a
    running cmsdesk holds the store.
    """
    from cmsdesk.models.lock import StoreLock

    source = backup.expanduser().resolve()
    if not source.is_file():
        raise BackupError(f"no backup {source}: see 'cmsdesk backups' for the backups of this "
                          "store")
    problem = integrity_problem(source)
    if problem or revision_of(source) is None:
        why = problem or "no cmsdesk schema"
        raise BackupError(f"{source.name} is not a good backup ({why}): choose another; "
                          "nothing was changed")
    lock = StoreLock(store_path)
    lock.acquire()
    part = store_path.with_name(store_path.name + PART)
    try:
        copy_database(source, part)
        problem = integrity_problem(part)
        if problem:
            raise BackupError(f"the copy of {source.name} failed its check ({problem}): "
                              "nothing was changed")
        _fsync(part)
        aside = damaged_name(store_path)
        for side in ("-wal", "-shm"):  # the damaged store's log belongs to it, not to the copy
            log = Path(f"{store_path}{side}")
            if log.exists():
                os.replace(log, Path(f"{aside}{side}"))
        os.replace(store_path, aside)
        os.replace(part, store_path)
    except (OSError, sqlite3.Error) as exc:
        raise BackupError(f"cannot restore {source.name}: {exc}; the damaged store was not "
                          "deleted") from exc
    finally:
        part.unlink(missing_ok=True)
        lock.release()
    return aside


def revision_of(path: Path) -> str | None:
    """The schema revision (Alembic's) of an SQLite database, None if it has none."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return None
    finally:
        conn.close()
    return row[0] if row else None
