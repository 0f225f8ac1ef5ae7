"""Recording what a Party sent without cmsdesk as changes of a *submission replica*.

A Word reply or a letter is turned into items (a proposal for a field, a comment on a node),
and the items into changes as if the Party had made them at an installation of its own: one
replica per submission (an id derived from what identifies it and a secret of the recording
installation: see :func:`submission_replica`), counting from 1, each change's
parents the versions the Party read. They then travel, merge and get reviewed like a bundle's.

Each change names its recorder (``recorded_by``: this installation's replica and the channel,
"Word reply" or "letter"), which is part of what its id hashes; the recorder signs them with its
own key when they first leave in a bundle (:mod:`cmsdesk.sync.exporter`). Every other site can
so check that the Secretariat recorded them, and shows them as recorded by the Secretariat from
the Party's reply, not as made under the Party's own key (:mod:`cmsdesk.models.trust`); a
recording signed by any other key is held in quarantine (:mod:`cmsdesk.sync.quarantine`).

An item already held by the replica (same operation, field, value and parents) is not recorded
again, whatever the day received: importing the same submission twice changes nothing, and
importing it again with more (a paragraph attached as a comment) adds only that.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cmsdesk.models.canonical import canonical_bytes, digest
from cmsdesk.models.changelog import Key, change_id, make_body
from cmsdesk.models.identity import Profile
from cmsdesk.models.schema import Change
from cmsdesk.models.submissions import recorded_submission, submission_secret


@dataclass(frozen=True)
class Item:
    """One thing a submission says: ``op`` on ``key`` with ``value``, read from ``parents``."""

    op: str  # "set" | "comment_add"
    key: Key
    value: Any
    parents: tuple[str, ...]
    author: Profile


def submission_replica(session: Session, **identity: str) -> str:
    """The replica id a Party's reply or letter is recorded under, from what identifies it
    (plan, copy, Party, text...), keyed by this installation's secret.

    The same submission recorded again here gets the same id (so it adds nothing), but nobody
    else can work it out before the recording leaves in a bundle: an id made of public data
    alone (the copy's id is printed in the copy) let a forger send changes under it first,
    signed with their own key, and so take the replica from the genuine recording. A
    submission recorded here before keeps the id it was recorded under."""
    known = digest({"kind": "submission", **identity})[:32]  # how ids were made before
    if recorded_submission(session, known):
        return known
    return hmac.new(submission_secret(session),
                    canonical_bytes({"kind": "submission", **identity}),
                    hashlib.sha256).hexdigest()[:32]


def recorder_of(recorder_replica: str, channel: str) -> dict[str, str]:
    """The ``recorded_by`` of changes this installation records from a Party's ``channel``."""
    return {"replica": recorder_replica, "from": channel}


def comment_key(*parts: str) -> Key:
    """A comment id that depends only on ``parts``, so that a comment recorded twice is one."""
    raw = hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()
    return Key("comment", str(uuid.UUID(raw[:32])), "body")


def _signature(op: str, key: Key, value: Any, parents: Any) -> tuple[str, str, str, str, str]:
    return (op, key.entity, key.eid, key.field,
            canonical_bytes({"v": value, "p": sorted(parents)}).decode("utf-8"))


def changes_for(session: Session, plan_id: str, replica: str, day: str, items: list[Item],
                recorder: dict[str, str]) -> tuple[list[tuple[str, dict[str, Any]]], list[str]]:
    """The changes of ``items`` the replica does not hold yet, and every item's change id;
    ``recorder`` is what they name as their recorder (:func:`recorder_of`)."""
    held: dict[tuple[str, str, str, str, str], str] = {}
    seq = 0
    for cid, op, entity, eid, fld, value, parents, n in session.execute(
            select(Change.id, Change.op, Change.entity, Change.eid, Change.field, Change.value,
                   Change.parents, Change.seq).where(Change.replica == replica)):
        held[_signature(op, Key(entity, eid, fld), json.loads(value), json.loads(parents))] = cid
        seq = max(seq, n)
    out: list[tuple[str, dict[str, Any]]] = []
    ids: list[str] = []
    for item in items:
        known = held.get(_signature(item.op, item.key, item.value, item.parents))
        if known is not None:
            ids.append(known)
            continue
        seq += 1
        body = make_body(plan=plan_id, replica=replica, seq=seq, author=item.author,
                         clock=f"{day}T00:00:00.000Z#{seq}", op=item.op, key=item.key,
                         value=item.value, parents=list(item.parents), recorded_by=recorder)
        cid = change_id(body)
        held[_signature(item.op, item.key, item.value, item.parents)] = cid
        out.append((cid, body))
        ids.append(cid)
    return out, ids
