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
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from datetime import date as Date

from sqlalchemy import select
from sqlalchemy.orm import Session

from cmsdesk.models.receipts import record_receipt
from cmsdesk.models.schema import Meta, NamedDraft, Submission

KINDS = ("bundle", "word-reply", "letter")
RECORDED_KINDS = ("word-reply", "letter")  # recorded here as a submission replica's changes
SECRET_META = "submission_secret"


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


def submission_secret(session: Session) -> bytes:
    """This installation's secret, which keys the ids of the replies and letters it records
    (:func:`cmsdesk.submissions.recording.submission_replica`). Made with the store, so that
    copies of one installation agree, and kept in it, so every officer of a shared store records
    a submission under the same id; a store made before it gets it on first use."""
    row = session.get(Meta, SECRET_META)
    if row is None or not row.value:
        row = session.merge(Meta(key=SECRET_META, value=secrets.token_hex(32)))
        session.flush()
    return bytes.fromhex(row.value)


def recorded_submission(session: Session, replica: str) -> bool:
    """Whether this installation recorded a Party's reply or letter under ``replica`` (the
    submissions table is local: a recording received in a bundle is not noted here)."""
    origins = [f"{kind}:{replica}" for kind in RECORDED_KINDS]
    return session.scalar(select(Submission.origin).where(Submission.origin.in_(origins))
                          .limit(1)) is not None


def recorded_replicas(session: Session) -> set[str]:
    """The replicas under which this installation recorded a Party's reply or letter: what
    :func:`recorded_submission` says of each, read once for a batch import's every file."""
    origins = session.scalars(select(Submission.origin).where(
        Submission.kind.in_(RECORDED_KINDS)))
    return {origin.partition(":")[2] for origin in origins
            if origin.partition(":")[0] in RECORDED_KINDS}


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
