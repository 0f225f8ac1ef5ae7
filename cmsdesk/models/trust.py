"""Which installations' changes this store can vouch for: its own, and those of pinned keys.

A change's replica is bound to a key (:mod:`cmsdesk.sync.authorship`); a change is *verified*
here when that key is this installation's or one the user pinned after checking its
fingerprint (registered for a Party, :mod:`cmsdesk.sync.quarantine`). Everything else (a key
only seen, a change made before bundles signed changes) is shown marked as unverified in the
review, the conflicts and the compilation. This is local knowledge, so it marks what is shown
and never the derived text itself, which every site derives alike from the changes.

A Party's Word reply or letter recorded at the Secretariat (:mod:`cmsdesk.submissions`) is a
replica of its own whose changes name their recorder (``recorded_by``) and are signed with the
recorder's key. They are verified *as recorded* where the recorder is this installation, or a
pinned Secretariat installation whose key is the one bound to the submission replica: shown as
"recorded by the CMS Secretariat from Kenya's Word reply", never as made under Kenya's own key.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from cmsdesk.models.changelog import RECORDED_BY
from cmsdesk.models.schema import Meta, Peer

UNVERIFIED = "unverified"


@dataclass(frozen=True)
class Recording:
    """A submission replica's recorder and the channel its changes were recorded from."""

    recorder: str  # the recorder's replica
    channel: str  # "Word reply" | "letter"
    recorder_name: str  # the recorder's Party (or name) as this store knows it

    def describe(self, party: str) -> str:
        return f"recorded by the {self.recorder_name} from {party}'s {self.channel}"


def recorded_here(extra: str, replica: str) -> bool:
    """Whether a stored change's ``extra`` (JSON) names ``replica`` as its recorder."""
    if RECORDED_BY not in extra:  # most changes: no need to parse
        return False
    recorder = json.loads(extra).get(RECORDED_BY)
    return isinstance(recorder, dict) and recorder.get("replica") == replica


def _own(session: Session) -> tuple[str, str]:
    """This installation's replica id and public key ("" before it ever signed)."""
    from cmsdesk.sync.signing import PRIVATE_KEY_META, public_of_private

    own = session.get(Meta, "replica_id")
    private = session.get(Meta, PRIVATE_KEY_META)
    return (own.value if own is not None else "",
            public_of_private(private.value) if private is not None and private.value else "")


def _secretariat(peer: Peer) -> bool:
    from cmsdesk.models.parties import directory

    return peer.role == "secretariat" or (bool(peer.party)
                                          and directory().key(peer.party) == "CMS")


def recordings(session: Session) -> dict[str, Recording]:
    """The submission replicas whose changes this store can vouch for as recorded: by this
    installation, or by a pinned Secretariat installation whose key is the submission's."""
    from cmsdesk.models.schema import Change

    own, own_key = _own(session)
    pinned = {p.replica: p for p in session.scalars(select(Peer).where(Peer.pinned.is_(True)))}
    out: dict[str, Recording] = {}
    for replica in session.scalars(select(Change.replica).distinct()):
        if replica == own or replica in pinned:
            continue
        extra = session.scalar(select(Change.extra).where(Change.replica == replica).limit(1))
        recorder = json.loads(extra).get(RECORDED_BY) if extra and RECORDED_BY in extra else None
        if not isinstance(recorder, dict):
            continue
        by, channel = recorder.get("replica", ""), recorder.get("from", "")
        peer = session.get(Peer, replica)
        key = peer.public_key if peer is not None else ""
        # recorded here: never received from elsewhere, or received signed with this key
        if by == own and (peer is None or (own_key and key == own_key)):
            out[replica] = Recording(by, channel, _listed(_own_name(session)))
        elif by in pinned and _secretariat(pinned[by]) and key and key == pinned[by].public_key:
            out[replica] = Recording(by, channel, _listed(pinned[by].party or pinned[by].name))
    return out


def _listed(name: str) -> str:
    """A Party or organisation as the list names it ("UNEP/CMS" -> "CMS Secretariat")."""
    from cmsdesk.models.parties import directory

    entry = directory().find(name)
    return entry.name if entry is not None else name


def _own_name(session: Session) -> str:
    from cmsdesk.models.identity import Profile

    rows = session.scalars(select(Meta).where(Meta.key.like("profile%")))
    for row in rows:
        if row.value:
            profile = Profile.from_json(json.loads(row.value))
            return profile.party or profile.name or "Secretariat"
    return "Secretariat"


def verified_replicas(session: Session,
                      recorded: Mapping[str, Recording] | None = None) -> frozenset[str]:
    """The replicas whose changes this store vouches for: its own, pinned keys', and the
    submissions recorded by itself or a pinned Secretariat installation (:func:`recordings`,
    given when the caller has them already)."""
    own = session.get(Meta, "replica_id")
    pinned = session.scalars(select(Peer.replica).where(Peer.pinned.is_(True)))
    return frozenset([*pinned, *([own.value] if own is not None else []),
                      *(recordings(session) if recorded is None else recorded)])


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


def recorded_parties(session: Session, plan_id: str) -> frozenset[str]:
    """The author labels (Party, or person) whose changes of the plan all come from Word
    replies or letters recorded by a Secretariat installation vouched for here: marked as
    "recorded by the Secretariat" where proposers are listed by label."""
    from cmsdesk.models.schema import Change

    recorded = recordings(session)
    if not recorded:
        return frozenset()
    by_label: dict[str, set[bool]] = {}
    for replica, party, name in session.execute(
            select(Change.replica, Change.author_party, Change.author_name)
            .where(Change.plan_id == plan_id).distinct()):
        by_label.setdefault(party or name, set()).add(replica in recorded)
    return frozenset(label for label, kinds in by_label.items() if kinds == {True})


def held_in_quarantine(session: Session, plan_id: str) -> int:
    """How many changes of the plan are held in quarantine (:mod:`cmsdesk.sync.quarantine`)."""
    from sqlalchemy import func

    from cmsdesk.models.schema import QuarantinedChange

    return int(session.scalar(select(func.count()).select_from(QuarantinedChange).where(
        QuarantinedChange.plan_id == plan_id, QuarantinedChange.status == "held")) or 0)
