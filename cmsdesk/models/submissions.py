"""What each Party sent and when it was received: the ground for marking submissions late.

A named draft can carry a comment deadline (``DocumentMeta.deadline``). Whether a proposal
came in time depends on when it was *received*, not when it was written: a bundle of edits made
in May and sent in July is late. So every bundle, Word reply and letter that brings changes is
recorded once, with the day it was received (today for a bundle; the day the officer gives for
a reply or letter) and, for replies and letters, the original file, which stays with it.
Late submissions are marked, never refused.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from datetime import date as Date

from sqlalchemy import select
from sqlalchemy.orm import Session

from cmsdesk.models.receipts import record_receipt
from cmsdesk.models.schema import NamedDraft, Submission

KINDS = ("bundle", "word-reply", "letter")


@dataclass(frozen=True)
class SubmissionInfo:
    origin: str
    kind: str
    party: str
    channel: str
    received: str
    filename: str
    late: bool


def note_submission(session: Session, *, origin: str, plan_id: str, kind: str, party: str,
                    received: Date | str | None = None, region: str = "", channel: str = "",
                    draft_id: str = "", filename: str = "",
                    content: bytes | None = None) -> None:
    """Record a submission the first time its changes arrive (later arrivals keep the first
    record: the day it was first received is the one that counts)."""
    if session.get(Submission, origin) is not None:
        return
    day = received.isoformat() if isinstance(received, Date) else (received or
                                                                   Date.today().isoformat())
    # the day that counts for the deadline, where the compilation and review look it up
    record_receipt(session, origin, datetime.fromisoformat(day).replace(tzinfo=UTC))
    session.add(Submission(
        origin=origin, plan_id=plan_id, kind=kind, party=party, region=region,
        channel=channel or kind, received=day, draft_id=draft_id, filename=filename,
        sha256=hashlib.sha256(content).hexdigest() if content is not None else "",
        content=content,
        recorded=datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")))
    session.flush()


def deadline_of(draft: NamedDraft | None) -> str:
    """The draft's comment deadline (YYYY-MM-DD), or "" if it has none."""
    from cmsdesk.models.drafts import document_meta

    return document_meta(draft).deadline if draft is not None else ""


def is_late(deadline: str, day: str) -> bool:
    """Whether something received (else written) on ``day`` missed ``deadline``."""
    return bool(deadline) and day[:10] > deadline


def late_note(deadline: str) -> str:
    """The line an import report gives a submission received after ``deadline``."""
    return (f"  LATE: received after the draft's deadline ({deadline}); recorded and marked "
            "late in the review and the compilation")


def list_submissions(session: Session, plan_id: str,
                     draft: NamedDraft | None = None) -> list[SubmissionInfo]:
    """The plan's submissions in the order received, each marked late against ``draft``."""
    deadline = deadline_of(draft)
    rows = session.scalars(select(Submission).where(Submission.plan_id == plan_id)
                           .order_by(Submission.received, Submission.recorded, Submission.origin))
    return [SubmissionInfo(r.origin, r.kind, r.party, r.channel, r.received, r.filename,
                           bool(deadline) and r.received > deadline) for r in rows]


def original_file(session: Session, origin: str) -> tuple[str, bytes] | None:
    """The file a reply or letter came in (name, bytes), if it was kept."""
    row = session.get(Submission, origin)
    if row is None or row.content is None:
        return None
    return row.filename, row.content
