"""A real consultation round for the review tests and screenshots, made only through bundles.

The Secretariat starts from the starter plan, names it "Consultation draft 1" and sends a full
bundle. Four delegations (Kenya / Africa, Brazil / Central and South America and the Caribbean,
Germany / Europe, Australia / Oceania) import it, edit the same and different sentences of a few
targets, comment, and send back what the Secretariat lacks. The Secretariat imports all four.

Contested afterwards: T1 text (Germany against Kenya), T4 text (Brazil against Germany), T6 text
(four delegations on its first sentence; Kenya and Australia agree; Australia's edit of its last
sentence merges cleanly), and T11 status (Brazil "proposed", Germany "agreed"). T10 text merges
cleanly (Kenya and Germany edited different sentences).

Building it takes a few seconds, so :func:`build_round` runs once per test process (the
``consultation`` fixture of tests/conftest.py) and each test copies the resulting store files
(:func:`open_copy`).
"""

from __future__ import annotations

import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from cmsdesk.models import queries
from cmsdesk.models.commands import PlanEditor, create_plan_from_template
from cmsdesk.models.drafts import mark_draft
from cmsdesk.models.identity import Profile
from cmsdesk.models.store import Store
from cmsdesk.sync.exporter import export_bundle
from cmsdesk.sync.importer import import_bundle

SECRETARIAT = Profile("Bert Lenten", "UNEP/CMS Secretariat", "", "secretariat")
DELEGATIONS = {
    "Kenya": Profile("Wanjiru Mwangi", "Kenya", "Africa", "focal point"),
    "Brazil": Profile("João Silva", "Brazil", "Central and South America and the Caribbean",
                      "delegate"),
    "Germany": Profile("Anna Schmidt", "Germany", "Europe", "delegate"),
    "Australia": Profile("Liam Walker", "Australia", "Oceania", "focal point"),
}
DRAFT = "Consultation draft 1"
SYMBOL = "UNEP/CMS/StC42/Doc.11"

T1_FIRST = ("By 2020, people are broadly aware of the multiple values of migratory species and "
            "their habitats and of the steps they can take to conserve them.")
T4_FIRST = ("By 2020 at the latest, incentives, including subsidies, that are harmful to "
            "migratory species and their habitats are eliminated, phased out or reformed to "
            "minimize or avoid negative impacts.")
T6_FIRST = ("By 2023, fisheries and hunting have no significant direct or indirect adverse "
            "impacts on migratory species, their habitats or their migration routes.")
T6_LAST = "Any legal harvest of migratory species is sustainable and based on the best available science."
T10_FIRST = ("By 2023, all critical habitats and sites for migratory species are identified and "
             "included in area-based conservation measures.")
T10_LAST = ("Ecological networks and corridors are designed to maintain connectivity across "
            "borders, taking into account the needs of species at all stages of their life cycle.")

# (target label, field, sentence replaced or None for the whole value, new wording)
EDITS: dict[str, list[tuple[str, str, str | None, str]]] = {
    "Kenya": [
        ("T1", "text", T1_FIRST, "By 2020, people in all range States are aware of the values "
         "of migratory species and of the steps they can take to conserve them."),
        ("T6", "text", T6_FIRST, "By 2023, fisheries and hunting have no significant adverse "
         "impacts on migratory species, their habitats or their migration routes, and illegal "
         "killing has been eliminated."),
        ("T10", "text", T10_FIRST, "By 2023, all critical habitats and sites for migratory "
         "species, including stopover sites, are identified and included in area-based "
         "conservation measures."),
    ],
    "Brazil": [
        ("T4", "text", T4_FIRST, "By 2023, incentives that are harmful to migratory species are "
         "identified and reformed, taking into account national socio-economic conditions."),
        ("T6", "text", T6_FIRST, "By 2023, fisheries have no significant direct or indirect "
         "adverse impacts on migratory species, their habitats or their migration routes."),
        ("T11", "status", None, "proposed"),
    ],
    "Germany": [
        ("T1", "text", T1_FIRST, "By 2020, people are aware of the multiple values of migratory "
         "species and their habitats, including their intrinsic value."),
        ("T4", "text", T4_FIRST, "By 2020, incentives, including subsidies, that are harmful to "
         "migratory species and their habitats are eliminated or reformed."),
        ("T6", "text", T6_FIRST, "By 2020, fisheries and hunting have no significant direct or "
         "indirect adverse impacts on migratory species, their habitats or their migration "
         "routes, in line with ecosystem-based management."),
        ("T10", "text", T10_LAST, "Ecological networks and corridors maintain connectivity "
         "across borders for species at all stages of their life cycle."),
        ("T11", "status", None, "agreed"),
    ],
    "Australia": [
        ("T6", "text", T6_FIRST, "By 2023, fisheries and hunting have no significant adverse "
         "impacts on migratory species, their habitats or their migration routes, and illegal "
         "killing has been eliminated."),
        ("T6", "text", T6_LAST, "Any legal harvest of migratory species is sustainable, "
         "monitored and based on the best available science."),
    ],
}
COMMENTS = {"Brazil": ("T6", "Brazil cannot accept a reference to hunting in this target."),
            "Australia": ("T6", "Seabird bycatch deserves explicit mention.")}


@dataclass
class Round:
    folder: Path
    secretariat: Path  # the Secretariat's store file after importing every delegation
    plan_id: str
    full_bundle: Path  # what the Secretariat sent out
    returns: dict[str, Path] = field(default_factory=dict)  # each delegation's bundle back
    delegate_stores: dict[str, Path] = field(default_factory=dict)


def _edit(store: Store, plan_id: str, label: str, fld: str, old: str | None, new: str) -> None:
    with store.session() as s:
        node = queries.resolve_node(s, plan_id, label)
        current = queries.node_view(s, node).fields[fld]
    if old is not None:
        assert old in current, (label, old)
        new = current.replace(old, new)
    PlanEditor(store, plan_id).set_field(node, fld, new)


def build_round(folder: Path) -> Round:
    """Run the round in ``folder``; every store is closed at the end (copy them to use them)."""
    folder.mkdir(parents=True, exist_ok=True)
    sec = Store.open(folder / "secretariat.db")
    sec.set_profile(SECRETARIAT)
    plan_id = create_plan_from_template(sec).created or ""
    mark_draft(sec, plan_id, DRAFT, SYMBOL, "2014-04-01")
    rnd = Round(folder, folder / "secretariat.db", plan_id, folder / "draft1-full.cmsb")
    export_bundle(sec, plan_id, rnd.full_bundle)
    for party, profile in DELEGATIONS.items():
        path = folder / f"{party.lower()}.db"
        delegate = Store.open(path)
        delegate.set_profile(profile)
        import_bundle(delegate, rnd.full_bundle)
        for label, fld, old, new in EDITS[party]:
            _edit(delegate, plan_id, label, fld, old, new)
        if party in COMMENTS:
            label, text = COMMENTS[party]
            with delegate.session() as s:
                node = queries.resolve_node(s, plan_id, label)
            PlanEditor(delegate, plan_id).add_comment(node, text)
        out = folder / f"from-{party.lower()}.cmsb"
        built = export_bundle(delegate, plan_id, out, to_peer=SECRETARIAT.party)
        assert not built.full  # only what the Secretariat lacks
        rnd.returns[party] = out
        rnd.delegate_stores[party] = path
        delegate.close()
    sec.close()
    shutil.copyfile(rnd.secretariat, folder / "secretariat-before.db")
    sec = Store.open(rnd.secretariat)
    for party in DELEGATIONS:
        import_bundle(sec, rnd.returns[party])
    sec.close()
    return rnd


def open_copy(source: Path, folder: Path, name: str = "") -> Store:
    """A copy of a closed store file, opened (the same installation: replica and key)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{name or source.stem}-{uuid.uuid4().hex[:6]}.db"
    shutil.copyfile(source, target)
    return Store.open(target)


def before_import(rnd: Round, folder: Path) -> Store:
    """The Secretariat's store as it was before the delegations' bundles came back."""
    return open_copy(rnd.folder / "secretariat-before.db", folder, "secretariat")
