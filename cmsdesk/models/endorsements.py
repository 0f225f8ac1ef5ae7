"""Regional positions: a region endorses one option of a contested passage.

A focal point of a Party of a CMS region (or the Secretariat, recording what a regional meeting
agreed) endorses one option as the position of the region. The endorsement is a change like any
other (attributed, signed, merged, revocable): entity ``endorsement``, eid
``REGION|ENTITY|EID|FIELD`` (the region's code, then the contested field), field ``option``, op
``endorse``, value ``{"option": OPTION ID}`` (the option's identity in the field's numbering,
:func:`cmsdesk.models.textmerge.option_id`) or ``{"option": null}`` to revoke, with the regional
meeting's name in ``meeting`` when one decided it. A region has one position per field: of
concurrent endorsements the later by the author's clock counts (then the higher version id).

The field then shows the option as the region's: ``[Option 2 (Africa): ...]``, the region
standing for its Parties that proposed the option (others stay named: ``(Africa; Spain)``); the
conflicts listing, the review and the compilation list the Parties behind it.

An endorsement is accepted only from a focal point whose Party belongs to that region, or from
the Secretariat; an import refuses any other (:func:`endorsement_problem`), and one claiming a
registered Party with another key is held in quarantine like any change (sync/quarantine.py).
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cmsdesk.models.changelog import Key
from cmsdesk.models.parties import directory
from cmsdesk.models.schema import Change

ENDORSEMENT = "endorsement"
ENDORSE_OP = "endorse"
OPTION_FIELD = "option"


def endorsement_key(region_code: str, key: Key) -> Key:
    return Key(ENDORSEMENT, f"{region_code}|{key.entity}|{key.eid}|{key.field}", OPTION_FIELD)


def is_endorsement(value: Any) -> bool:
    """The form of an endorsement's value."""
    if not isinstance(value, dict) or "option" not in value or not set(value) <= {"option",
                                                                                   "meeting"}:
        return False
    option = value["option"]
    meeting = value.get("meeting", "")
    return ((option is None or (isinstance(option, str) and len(option) == 16))
            and isinstance(meeting, str) and len(meeting) <= 200)


def proposer_region(label: str) -> str | None:
    """The English name of the CMS region of a proposer's Party, if it is in the list."""
    entry = directory().find(label)
    return (directory().region_of(entry) or None) if entry is not None else None


def endorsement_problem(author: dict[str, str], eid: str) -> str | None:
    """Why ``author`` may not endorse for the region the endorsement's eid names, if so."""
    code = eid.split("|", 1)[0]
    region = next((r for r in directory().regions if r.code == code), None)
    if region is None:
        return f"it names no CMS region ({code!r})"
    if author.get("role") == "secretariat":
        return None
    entry = directory().find(author.get("party", ""))
    who = f"{author.get('name') or '?'} ({author.get('party') or 'no Party'}, " \
          f"{author.get('role') or 'no role'})"
    if author.get("role") != "focal point":
        return (f"it is signed by {who}: only a focal point of a Party of {region.name} (or the "
                "Secretariat, for a regional meeting) endorses for the region")
    if entry is None or not entry.is_party or entry.region != region.code:
        return (f"it is signed by {who}, whose Party is not a Party of {region.name}: only a "
                "focal point of that region endorses for it")
    return None


def _positions(session: Session, key: Key) -> dict[str, dict[str, Any]]:
    """Per region code, the change that holds the region's position on the field (if any)."""
    return _positions_of(session, [key])[key]


def _positions_of(session: Session, keys: list[Key]) -> dict[Key, dict[str, dict[str, Any]]]:
    """:func:`_positions` of several fields, read together."""
    regions = [r.code for r in directory().regions]
    field_of = {endorsement_key(code, key).eid: key for key in keys for code in regions}
    out: dict[Key, dict[str, dict[str, Any]]] = {key: {} for key in keys}
    eids = sorted(field_of)
    for start in range(0, len(eids), 300):
        part = eids[start:start + 300]
        for eid, position in _latest(session.execute(
                _POSITION_COLUMNS.where(Change.eid.in_(part)))).items():
            out[field_of[eid]][eid.split("|", 1)[0]] = position
    return out


_POSITION_COLUMNS = select(Change.eid, Change.version_id, Change.parents, Change.value,
                           Change.clock, Change.author_name, Change.author_party,
                           Change.author_role, Change.replica).where(
    Change.entity == ENDORSEMENT, Change.field == OPTION_FIELD)


def _latest(rows: Any) -> dict[str, dict[str, Any]]:
    """Per endorsement eid, the version that holds the position: of its heads, the latest by
    the author's clock (then the higher version id)."""
    by_eid: dict[str, list[dict[str, Any]]] = {}
    for eid, vid, parents, value, clock, name, party, role, replica in rows:
        by_eid.setdefault(eid, []).append({
            "vid": vid, "parents": json.loads(parents), "value": json.loads(value),
            "clock": clock, "name": name, "party": party, "role": role, "replica": replica})
    out: dict[str, dict[str, Any]] = {}
    for eid, versions in by_eid.items():
        named = {p for v in versions for p in v["parents"]}
        heads = [v for v in versions if v["vid"] not in named]
        out[eid] = max(heads, key=lambda v: (v["clock"], v["vid"]))
    return out


def unverified_regions(session: Session, plan_id: str, verified: frozenset[str]
                       ) -> frozenset[str]:
    """The English names of the regions whose current position on some field of the plan was
    endorsed by an installation this store cannot vouch for (``verified`` replicas aside): the
    region stands as a proposer in "[Option 2 (Africa): ...]", so it is marked as one."""
    positions = _latest(session.execute(_POSITION_COLUMNS.where(Change.plan_id == plan_id)))
    return frozenset(directory().region(eid.split("|", 1)[0]).name
                     for eid, position in positions.items()
                     if position["value"].get("option") and position["replica"] not in verified)


def endorsed_options(session: Session, key: Key) -> dict[str, tuple[str, ...]]:
    """Option id -> the English names of the regions that endorse it, for the field ``key``."""
    return endorsed_options_of(session, [key])[key]


def endorsed_options_of(session: Session, keys: list[Key]
                        ) -> dict[Key, dict[str, tuple[str, ...]]]:
    """:func:`endorsed_options` of several fields, read together (a projection's)."""
    result = {}
    for key, positions in _positions_of(session, keys).items():
        out: dict[str, list[str]] = {}
        for code, position in positions.items():
            option = position["value"].get("option")
            if option:
                out.setdefault(option, []).append(directory().region(code).name)
        result[key] = {oid: tuple(sorted(names)) for oid, names in out.items()}
    return result


def endorsements(session: Session, key: Key) -> list[dict[str, Any]]:
    """The regions' positions on the field ``key``: region, option id, who endorsed it (name,
    Party, role, replica), when, and the meeting; revoked positions are left out."""
    out = []
    for code, position in sorted(_positions(session, key).items()):
        value = position["value"]
        if value.get("option"):
            out.append({"region": directory().region(code).name, "option": value["option"],
                        "meeting": value.get("meeting", ""), "name": position["name"],
                        "party": position["party"], "role": position["role"],
                        "replica": position["replica"], "clock": position["clock"]})
    return out
