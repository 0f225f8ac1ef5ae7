"""What a batch import's checks read of the change log, read for many files at once.

The checks of each file ask the store a handful of questions about ids the file names: the
highest counter held of its replicas, the values of the versions its patches apply to, which
fields hold the versions it builds on, the plans of the items it touches. Asked file by file,
that was about ten statements a file, and SQLAlchemy spends more on a statement than SQLite
spends answering it. A batch reads the files ahead (a *window*, see
:func:`cmsdesk.sync.importer.import_bundles`) and asks each question once for the ids of all
of them (:func:`cmsdesk.sync.validate.read_ahead`); each file's check then finds its answers
here.

It is a memo of store reads, so it is right only while the change log does not change: a batch
appends only at :meth:`cmsdesk.sync.pending.Pending.flush`, which starts a new one. An id
nobody asked for beforehand is read when first asked (and remembered), so a check never gets
less than the store holds; read ahead or not, it gets the same answer.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any

from cmsdesk.models.changelog import chunks

Row = tuple[Any, ...]
# Reads the rows of one chunk of ids (at most changelog.CHUNK of them).
Fetch = Callable[[list[Any]], Iterable[Row]]


def _first(row: Row) -> Any:
    return row[0]


@dataclass
class StoreReads:
    """Rows of the store per kind of question and id, and which ids were asked."""

    asked: dict[Hashable, set[Any]] = field(default_factory=dict)
    found: dict[Hashable, dict[Any, list[Row]]] = field(default_factory=dict)

    def rows(self, kind: Hashable, ids: Iterable[Any], fetch: Fetch,
             key: Callable[[Row], Any] = _first) -> list[Row]:
        """The rows of ``kind`` whose ``key`` is one of ``ids``, reading those not asked yet.

        ``kind`` names the question and everything else it depends on (a plan, say); ``fetch``
        runs it for a chunk of ids, and ``key`` says which id a row answers.
        """
        wanted = list(dict.fromkeys(ids))
        asked = self.asked.setdefault(kind, set())
        found = self.found.setdefault(kind, {})
        missing = [i for i in wanted if i not in asked]
        if missing:
            for part in chunks(sorted(missing)):
                for row in fetch(list(part)):
                    found.setdefault(key(row), []).append(row)
            asked.update(missing)
        return [row for i in wanted for row in found.get(i, ())]

