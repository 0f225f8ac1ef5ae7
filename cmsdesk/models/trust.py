"""Which installations' changes this store can vouch for: its own, and those of pinned keys.

A change's replica is bound to a key (:mod:`cmsdesk.sync.authorship`); a change is *verified*
here when that key is this installation's or one the user pinned after checking its
fingerprint (registered for a Party, :mod:`cmsdesk.sync.quarantine`). Everything else (a key
only seen, a change made before bundles signed changes) is shown marked as unverified in the
review, the conflicts and the compilation. This is local knowledge, so it marks what is shown
and never the derived text itself, which every site derives alike from the changes.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from cmsdesk.models.schema import Meta, Peer

UNVERIFIED = "unverified"


def verified_replicas(session: Session) -> frozenset[str]:
    own = session.get(Meta, "replica_id")
    pinned = session.scalars(select(Peer.replica).where(Peer.pinned.is_(True)))
    return frozenset([*pinned, *([own.value] if own is not None else [])])


def unverified_parties(session: Session, plan_id: str) -> frozenset[str]:
    """The author labels (Party, or person) of the plan's changes made by replicas this store
    cannot vouch for, and the regions whose position such a replica endorsed: to mark them
    where proposers are listed by label (conflicts, the Word document's options)."""
    from cmsdesk.models.endorsements import unverified_regions
    from cmsdesk.models.schema import Change

    verified = verified_replicas(session)
    rows = session.execute(select(Change.replica, Change.author_party, Change.author_name)
                           .where(Change.plan_id == plan_id).distinct())
    return frozenset(party or name for replica, party, name in rows
                     if replica not in verified) | unverified_regions(session, plan_id, verified)


def held_in_quarantine(session: Session, plan_id: str) -> int:
    """How many changes of the plan are held in quarantine (:mod:`cmsdesk.sync.quarantine`)."""
    from sqlalchemy import func

    from cmsdesk.models.schema import QuarantinedChange

    return int(session.scalar(select(func.count()).select_from(QuarantinedChange).where(
        QuarantinedChange.plan_id == plan_id, QuarantinedChange.status == "held")) or 0)
