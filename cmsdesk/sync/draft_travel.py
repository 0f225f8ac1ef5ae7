"""Named drafts that travel in bundles, so that every site means the same by "Consultation
draft 2".

A named draft is local bookkeeping (:mod:`cmsdesk.models.drafts`): the arrival number of the
last change it includes. What it marks is the same everywhere, though: the plan's version
vector then (the highest counter of each replica), since an arrival prefix holds, per replica,
exactly the changes up to some counter. So a bundle carries, in its manifest's ``drafts``, each
draft's id, name, symbol, date, document metadata (the whole dictionary, whatever fields it
holds) and vector; the receiver names the same state: the changes within the vector, which
end at the arrival of the last of them (the receiver got them in bundles, parents first).

A draft travels once to each peer: the drafts a peer sent us or we sent it are remembered
(``peer_drafts``), and a delta for it leaves them out. A draft whose changes the receiver does
not all hold yet is skipped, and comes again in a later bundle; a draft the receiver holds
already (by id) is left as it is. A received draft whose name a local draft uses already is
named after its sender ("Consultation draft 2 (CMS Secretariat)").
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cmsdesk.models.changelog import version_vector
from cmsdesk.models.drafts import _encode_heads, heads_at
from cmsdesk.models.schema import Change, NamedDraft, PeerDraft
from cmsdesk.sync.format import Sender


def vector_at(session: Session, plan_id: str, arrival: int) -> dict[str, int]:
    """The plan's version vector once the change numbered ``arrival`` was in."""
    rows = session.execute(select(Change.replica, func.max(Change.seq)).where(
        Change.plan_id == plan_id, Change.arrival <= arrival).group_by(Change.replica))
    return {replica: int(seq) for replica, seq in rows}


def outgoing(session: Session, plan_id: str, recipient: str | None) -> list[dict[str, Any]]:
    """The drafts a bundle for ``recipient`` (None: anyone) carries: every draft of the plan,
    less those the recipient is known to hold."""
    known = set() if recipient is None else set(session.scalars(
        select(PeerDraft.draft_id).where(PeerDraft.replica == recipient)))
    rows = session.scalars(select(NamedDraft).where(NamedDraft.plan_id == plan_id)
                           .order_by(NamedDraft.arrival, NamedDraft.id))
    return [{"id": d.id, "name": d.name, "symbol": d.symbol, "date": d.date,
             "meta": json.loads(d.meta or "{}"),
             "vector": vector_at(session, plan_id, d.arrival)}
            for d in rows if d.id not in known]


def remember_held(session: Session, replica: str, draft_ids: list[str]) -> None:
    """Note that ``replica`` holds these drafts (it sent them, or we sent them to it)."""
    have = set(session.scalars(select(PeerDraft.draft_id).where(PeerDraft.replica == replica)))
    session.add_all(PeerDraft(replica=replica, draft_id=i) for i in dict.fromkeys(draft_ids)
                    if i not in have)


def receive(session: Session, plan_id: str, drafts: list[dict[str, Any]],
            sender: Sender) -> list[str]:
    """Name the received drafts here (after the bundle's changes were appended); returns the
    names given to the new ones."""
    if not drafts:
        return []
    held = version_vector(session, plan_id)
    names = {d.name.casefold() for d in session.scalars(
        select(NamedDraft).where(NamedDraft.plan_id == plan_id))}
    made = []
    for d in drafts:
        vector = d["vector"]
        if session.get(NamedDraft, d["id"]) is not None or any(
                held.get(r, 0) < n for r, n in vector.items()):
            continue
        arrival = _last_arrival(session, plan_id, vector)
        name = d["name"]
        if name.casefold() in names:
            name = f"{name} ({sender.party or sender.name})"
        names.add(name.casefold())
        session.add(NamedDraft(id=d["id"], plan_id=plan_id, name=name, symbol=d["symbol"],
                               date=d["date"], arrival=arrival,
                               heads=_encode_heads(heads_at(session, plan_id, arrival)),
                               meta=json.dumps(d["meta"], sort_keys=True, ensure_ascii=False),
                               options="{}"))
        made.append(name)
    session.flush()
    return made


def _last_arrival(session: Session, plan_id: str, vector: dict[str, int]) -> int:
    rows = session.execute(select(Change.replica, Change.seq, Change.arrival).where(
        Change.plan_id == plan_id))
    return max((a for r, seq, a in rows if seq <= vector.get(r, 0)), default=0)
