"""Changes a batch import has accepted but not yet appended to the change log.

A batch (:func:`cmsdesk.sync.importer.import_bundles`) checks its files one after the other,
each against the store as the files before it left it, but appends their changes together:
one set of statements for the whole batch instead of one per file (an append costs about ten
statements, whatever its size). Until then the checks of a later file ask this buffer as well
as the store: which changes are held, the highest counter held of each replica, the value and
field of each version, which plans and fields have changes, who made a replica's changes. The
store plus the buffer is exactly what appending file by file would have left.

The buffer is appended (:meth:`Pending.flush`) when it holds many changes (it keeps their
values in memory), before anything reads the change log in a way the checks do not (the named
drafts a file brings), and at the end of the batch, before the projection.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from cmsdesk.models.canonical import canonical_bytes
from cmsdesk.models.changelog import Appended, Key, append_groups, key_of, version_id

if TYPE_CHECKING:
    from cmsdesk.sync.validate import ReceivedChange

# Changes kept before they are appended: about 3 MiB of values and bodies in a round.
FLUSH_AT = 1000


@dataclass
class Pending:
    """What the batch has accepted and not appended yet (see the module's docstring)."""

    groups: list[tuple[list[tuple[str, dict[str, Any]]], str]] = field(default_factory=list)
    # called with each group's Appended once it is appended, in the order the groups came
    done: list[Callable[[Appended], None]] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    counters: dict[tuple[str, str], int] = field(default_factory=dict)  # (plan, replica) -> seq
    values: dict[str, str] = field(default_factory=dict)  # version id -> value, canonical JSON
    versions: dict[str, set[Key]] = field(default_factory=dict)  # version id -> its fields
    plans: set[str] = field(default_factory=set)
    fields: dict[Key, str] = field(default_factory=dict)  # field -> its plan
    authors: dict[str, tuple[str, str]] = field(default_factory=dict)  # replica -> name, party
    count: int = 0

    def add(self, changes: list[ReceivedChange], origin: str,
            done: Callable[[Appended], None]) -> None:
        """Accept a file's changes (in order; none of them held): appended at the next
        :meth:`flush`, which then calls ``done`` with what appending them did."""
        self.groups.append(([(c.cid, c.body) for c in changes], origin))
        self.done.append(done)
        for c in changes:
            body = c.body
            self.ids.add(c.cid)
            at = (body["plan"], body["replica"])
            self.counters[at] = max(self.counters.get(at, 0), body["seq"])
            vid = version_id(body, c.cid)
            self.values[vid] = canonical_bytes(body["value"]).decode("utf-8")
            self.versions.setdefault(vid, set()).add(key_of(body))
            self.plans.add(body["plan"])
            self.fields.setdefault(key_of(body), body["plan"])
            a = body["author"]
            self.authors.setdefault(body["replica"], (a["name"], a["party"]))
        self.count += len(changes)

    def flush(self, session: Session) -> None:
        """Append everything accepted so far, as the files came, and forget it."""
        if not self.groups:
            return
        for appended, done in zip(append_groups(session, self.groups), self.done, strict=True):
            done(appended)
        fresh = Pending()
        self.__dict__.update(fresh.__dict__)

    def flush_if_full(self, session: Session) -> None:
        if self.count >= FLUSH_AT:
            self.flush(session)
