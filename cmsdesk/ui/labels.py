"""How kinds, fields and nodes are named on screen, through Qt's translation functions.

The structure itself (kinds, fields, statuses) is defined in :mod:`cmsdesk.models.rules`; this
module only gives those names their translated, human form. Each string is spelled out in a
``translate`` call so that ``pyside6-lupdate`` finds it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale

from cmsdesk.models.held_reasons import (
    BUILDS_ON_HELD,
    KEY_OF_OTHER_PARTY,
    RECORDING_BY_PARTY_KEY,
    RECORDING_OTHER_KEY,
    THIS_INSTALLATION,
    UNREGISTERED_KEY,
    HeldReason,
)

if TYPE_CHECKING:
    from cmsdesk.models.identity import Profile

translate = QCoreApplication.translate


def fill(template: str, *values: object) -> str:
    """Qt-style placeholders (%1, %2...) filled in, so translators can reorder them."""
    for i, value in reversed(list(enumerate(values, start=1))):
        template = template.replace(f"%{i}", str(value))
    return template


def kind_name(kind: str) -> str:
    names = {
        "part": translate("labels", "Part"),
        "chapter": translate("labels", "Chapter"),
        "goal": translate("labels", "Goal"),
        "target": translate("labels", "Target"),
        "indicator": translate("labels", "Indicator"),
        "annex": translate("labels", "Annex"),
        "correspondence": translate("labels", "Correspondence annex"),
    }
    return names.get(kind, kind)


def field_name(field: str) -> str:
    names = {
        "title": translate("labels", "title"),
        "text": translate("labels", "text"),
        "note": translate("labels", "explanatory note"),
        "indicators": translate("labels", "indicators"),
        "milestones": translate("labels", "milestones"),
        "actors": translate("labels", "actors"),
        "status": translate("labels", "status"),
        "placement": translate("labels", "place in the outline"),
        "deleted": translate("labels", "deletion"),
        "relevance": translate("labels", "relevance"),
        "period": translate("labels", "period"),
        "symbol": translate("labels", "document symbol"),
    }
    return names.get(field, field)


def status_name(status: str) -> str:
    names = {
        "draft": translate("labels", "draft"),
        "proposed": translate("labels", "proposed"),
        "agreed": translate("labels", "agreed"),
    }
    return names.get(status, status)


def relevance_name(relevance: str) -> str:
    names = {
        "primary": translate("labels", "primary"),
        "supporting": translate("labels", "supporting"),
    }
    return names.get(relevance, relevance)


def region_name(region: str) -> str:
    """A CMS region (stored in English, as the Convention's lists name it) in the interface's
    language."""
    names = {
        "Africa": translate("labels", "Africa"),
        "Asia": translate("labels", "Asia"),
        "Central and South America and the Caribbean": translate(
            "labels", "Central and South America and the Caribbean"),
        "Europe": translate("labels", "Europe"),
        "North America": translate("labels", "North America"),
        "Oceania": translate("labels", "Oceania"),
    }
    return names.get(region, region)


def trust_name(status: str) -> str:
    """How far a sender or an author is known (the statuses of :mod:`cmsdesk.sync.peers` and
    :mod:`cmsdesk.sync.authorship`), in the interface's language: the report of a French
    import must not say "pinned key"."""
    names = {
        "this installation": translate("labels", "this installation"),
        "pinned key": translate("labels", "pinned key"),
        "known key": translate("labels", "known key"),
        "new key": translate("labels", "new key"),
        "unsigned": translate("labels", "unsigned"),
        "recorded by the Secretariat": translate(
            "labels", "recorded by the Secretariat from the Party's reply"),
    }
    return names.get(status, status)


def party_name(label: str) -> str:
    """A Party or observer (stored by its English name) as the Convention's list names it in
    the interface's language; a name not in the list as typed."""
    from cmsdesk.export.localized import PlaceNames  # only when a Party is shown

    return PlaceNames(QLocale().name()[:2]).party(label)


def held_reason_text(reason: HeldReason) -> str:
    """Why changes are held in quarantine (:mod:`cmsdesk.models.held_reasons`), in the
    interface's language; a sentence stored before the codes (legacy) as it is."""
    r = reason
    party = party_name(r.party) if r.party else translate("labels", "(no Party named)")
    if r.code == UNREGISTERED_KEY:
        return fill(translate("labels", "it claims to speak for %1, whose registered key is %2, "
                              "with a key that is not registered"), party, ", ".join(r.keys))
    if r.code == KEY_OF_OTHER_PARTY:
        return fill(translate("labels", "it claims to speak for %1, but its key (%2) is "
                              "registered for %3"), party, r.key, party_name(r.registered_for))
    channel = {"Word reply": translate("labels", "Word reply"),
               "letter": translate("labels", "letter")}.get(r.channel, r.channel)
    if r.code == RECORDING_BY_PARTY_KEY:
        return fill(translate("labels", "it claims to be recorded from the %1 of %2, but its key "
                              "(%3) is registered for %4: only the Secretariat records for a "
                              "Party", "%1: Word reply or letter; %2, %4: Parties"),
                    channel, party, r.key, party_name(r.registered_for))
    if r.code == RECORDING_OTHER_KEY:
        template = (translate("labels", "it claims to be recorded from the %1 of %2 by this "
                              "installation, but it is signed with another key (%3) than "
                              "this installation's (%4)", "%1: Word reply or letter")
                    if r.recorder == THIS_INSTALLATION else
                    translate("labels", "it claims to be recorded from the %1 of %2 by the "
                              "Secretariat, but it is signed with another key (%3) than the "
                              "Secretariat's (%4)", "%1: Word reply or letter"))
        return fill(template, channel, party, r.key, r.recorder_key)
    if r.code == BUILDS_ON_HELD:
        return translate("labels", "it builds on a change held in quarantine")
    return r.text


def role_name(role: str) -> str:
    names = {
        "delegate": translate("labels", "delegate"),
        "focal point": translate("labels", "focal point"),
        "secretariat": translate("labels", "Secretariat"),
    }
    return names.get(role, role)


def profile_text(profile: Profile) -> str:
    """'Ana Pérez (Spain, Europe, delegate)' with the region and role in the interface's
    language."""
    bits = [b for b in (profile.party, region_name(profile.region), role_name(profile.role)) if b]
    name = profile.name or translate("labels", "(no name)")
    return f"{name} ({', '.join(bits)})" if bits else name


def framework_title(framework: str, title: str) -> str:
    """A bundled framework's name in the interface's language (others as they are titled)."""
    names = {
        "aichi": translate("labels", "Aichi Biodiversity Targets"),
        "kmgbf": translate("labels", "Kunming-Montreal Global Biodiversity Framework"),
    }
    return names.get(framework, title)


def node_name(kind: str, number: int, title: str) -> str:
    """'Target 7' for numbered kinds; the kind and quoted title for parts and chapters."""
    if kind in ("goal", "target", "indicator") and number:
        return fill(translate("labels", "%1 %2", "kind and number, as in Target 7"),
                    kind_name(kind), number)
    return fill(translate("labels", "%1 \u201c%2\u201d", "kind and title, as in Chapter “Vision”"),
                kind_name(kind), title)
