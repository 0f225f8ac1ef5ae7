"""The files of a batch import, read a window at a time ahead of their checks.

The checks of a file read the store (:mod:`cmsdesk.sync.store_reads`); a batch reads the next
files first, as many as the batch appends at once (:data:`cmsdesk.sync.pending.FLUSH_AT`
changes, or :data:`WINDOW_FILES` files), and asks the store once what all their checks will
ask (:func:`cmsdesk.sync.validate.read_ahead`). The files are still checked and imported one
after the other, in their order: reading ahead changes when statements are made, not what any
check finds. A file that cannot be read is refused when its turn comes.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from cmsdesk.sync.format import BundleError
from cmsdesk.sync.pending import FLUSH_AT, Pending
from cmsdesk.sync.store_reads import StoreReads
from cmsdesk.sync.validate import ParsedBundle, read_ahead, read_bundle

# At most this many files are read ahead (each is kept in memory until its turn).
WINDOW_FILES = 64


class Window:
    """The files of a batch, each read once, ahead of its turn."""

    def __init__(self, paths: list[Path]) -> None:
        self.paths = paths
        self.ahead: dict[int, ParsedBundle | BundleError] = {}  # read, not taken yet
        self.reads: StoreReads | None = None  # where the files ahead were read ahead for

    def take(self, session: Session, index: int, pending: Pending) -> ParsedBundle:
        """The file at ``index`` read and checked on its own; raises its refusal."""
        if index not in self.ahead:
            self._read(index, pending)
        if self.reads is not pending.reads:  # a window's first file, or appended since
            read_ahead(session, [p for p in self.ahead.values()
                                 if isinstance(p, ParsedBundle)], pending)
            self.reads = pending.reads
        got = self.ahead.pop(index)
        if isinstance(got, BundleError):
            raise got
        return got

    def _read(self, index: int, pending: Pending) -> None:
        """Read the files from ``index`` on, until they hold what the batch appends at once."""
        self.ahead.clear()
        room = max(FLUSH_AT - pending.count, 1)
        for i in range(index, min(index + WINDOW_FILES, len(self.paths))):
            if room <= 0:
                break
            try:
                parsed = read_bundle(self.paths[i])
            except BundleError as exc:
                self.ahead[i] = exc
                continue
            room -= len(parsed.changes)
            self.ahead[i] = parsed
        self.reads = None
