"""When each bundle was received here: the date a Party's proposals reached the Secretariat.

A change carries the time its author wrote it, not when it arrived; the compilation of comments
must say when a proposal was *received*, and mark those received after the draft's deadline.
The import records, per bundle (the ``origin`` of every change it brought), the day it was
imported, as local bookkeeping in the store's meta table (``received:<bundle id>``); it never
travels. Changes without such a record (written here, or stores older than this bookkeeping)
fall back to their own date.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from cmsdesk.models.schema import Meta

_PREFIX = "received:"


def record_receipt(session: Session, bundle_id: str, when: datetime | None = None) -> None:
    """Note that bundle ``bundle_id`` was received now (the first receipt is kept)."""
    key = f"{_PREFIX}{bundle_id}"
    if session.get(Meta, key) is None:
        stamp = (when or datetime.now(UTC)).isoformat(timespec="seconds")
        session.add(Meta(key=key, value=stamp))


def record_receipts(session: Session, bundle_ids: list[str], when: datetime | None = None
                    ) -> None:
    """:func:`record_receipt` for several bundles received now, in one read."""
    if not bundle_ids:
        return
    held = receipts(session, set(bundle_ids))
    stamp = (when or datetime.now(UTC)).isoformat(timespec="seconds")
    session.add_all(Meta(key=f"{_PREFIX}{b}", value=stamp)
                    for b in dict.fromkeys(bundle_ids) if b not in held)


def receipts(session: Session, origins: set[str]) -> dict[str, str]:
    """The day (YYYY-MM-DD) each of ``origins`` (bundle ids) was received, where recorded."""
    keys = [f"{_PREFIX}{o}" for o in origins]
    out: dict[str, str] = {}
    for start in range(0, len(keys), 500):
        for row in session.scalars(select(Meta).where(Meta.key.in_(keys[start:start + 500]))):
            out[row.key[len(_PREFIX):]] = row.value[:10]
    return out
