"""Deterministic plans and texts for the benchmarks.

Everything here is a function of a seed, so two runs (on two machines) measure the same work:
sentences are drawn from fixed word pools by a seeded ``random.Random``, the round's plan is the
starter template with its goal and target texts lengthened to 300-800 characters, and the large
plan is a template with a given number of nodes. Plans are created through the real command
(:func:`cmsdesk.models.commands.create_plan_from_template`).
"""

from __future__ import annotations

import copy
import random
from pathlib import Path
from typing import Any

from cmsdesk.models.template import load_starter_template

SUBJECTS = (
    "Range States", "Parties", "The Secretariat", "CMS instruments", "National focal points",
    "Regional networks", "The Scientific Council", "Local communities", "Flyway partnerships",
    "Donor agencies", "Fisheries authorities", "Energy regulators", "Protected area managers",
    "Customs services", "Research institutions", "Indigenous peoples' organisations",
)
VERBS = (
    "strengthen", "monitor", "restore", "protect", "review", "report on", "coordinate work on",
    "finance", "map", "assess", "reduce pressures on", "share data on", "manage",
    "raise awareness of", "integrate", "safeguard",
)
OBJECTS = (
    "stopover sites", "breeding grounds", "wintering areas", "ecological corridors",
    "nesting beaches of marine turtles", "bycatch in fisheries", "the illegal killing of birds",
    "collisions with power lines", "wetland networks", "transboundary habitats",
    "the connectivity of river systems", "the status of listed species",
    "threats from invasive species", "the impacts of climate change", "underwater noise",
    "sustainable use of migratory species",
)
TAILS = (
    "along entire flyways", "by 2020", "in cooperation with neighbouring range States",
    "through national biodiversity strategies", "with the support of the CMS Family",
    "using agreed indicators", "where data are lacking", "in line with the Aichi Targets",
    "before each Conference of the Parties", "with the participation of civil society",
    "in their national reports", "on the basis of the best available science",
    "across their entire range", "within existing resources", "as a matter of priority",
    "in all relevant sectors",
)
QUALIFIERS = (
    "substantially", "progressively", "effectively", "jointly", "systematically", "urgently",
    "where appropriate", "as far as possible",
)

# The CMS regions, and Party names that say which delegate proposed what.
REGIONS = ("Africa", "Asia", "Central and South America and the Caribbean", "Europe",
           "North America", "Oceania")
# Fields of a goal and of a target that the round lengthens and edits.
GOAL_FIELDS = ("text",)
TARGET_FIELDS = ("text", "note", "indicators", "milestones", "actors")
MIN_CHARS, MAX_CHARS = 300, 800


def sentence(rng: random.Random) -> str:
    """One plain sentence, e.g. "Parties map stopover sites along entire flyways."."""
    return (f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} "
            f"{rng.choice(TAILS)}.")


def is_list(text: str) -> bool:
    """Markdown list fields (indicators, milestones, actors) hold one item per line."""
    return text.lstrip().startswith("- ")


def list_item(rng: random.Random) -> str:
    return "- " + sentence(rng)[:-1]


def lengthen(text: str, rng: random.Random, length: int) -> str:
    """``text`` with distinct generated sentences (or list items) appended until it is about
    ``length`` characters long, never longer than :data:`MAX_CHARS`."""
    listy = is_list(text)
    parts = [text] if text else []
    current = text
    seen = set(current.split("\n"))
    while len(current) < length:
        extra = list_item(rng) if listy else sentence(rng)
        if extra in seen or extra[2:] in current:
            continue
        candidate = current + ("\n" if listy else " ") + extra if current else extra
        if len(candidate) > MAX_CHARS:
            break
        parts.append(extra)
        seen.add(extra)
        current = candidate
    return current


def round_template(seed: int) -> dict[str, Any]:
    """The starter template with every goal text and target prose field at 300-800 characters
    (the starter template has 5 goals and 16 targets)."""
    data = copy.deepcopy(load_starter_template())
    rng = random.Random(f"round-plan:{seed}")

    def walk(nodes: list[dict[str, Any]]) -> None:
        for node in nodes:
            fields = {"goal": GOAL_FIELDS, "target": TARGET_FIELDS}.get(node["kind"], ())
            for fld in fields:
                node[fld] = lengthen(node.get(fld, ""), rng, rng.randint(MIN_CHARS, MAX_CHARS))
            walk(node.get("children", []))

    walk(data["outline"])
    return data


def large_template(nodes: int, seed: int) -> dict[str, Any]:
    """A plan of exactly ``nodes`` nodes (at least 8): two parts with a chapter each, goals of
    eight targets, each target with up to two indicators; target fields are full prose."""
    rng = random.Random(f"large-plan:{seed}")
    budget = nodes - 4  # two parts, two chapters
    goals: list[dict[str, Any]] = []
    while budget > 0:
        goal = {"kind": "goal", "title": f"Goal {len(goals) + 1}: {sentence(rng)[:-1]}",
                "text": lengthen("", rng, 200), "children": []}
        goals.append(goal)
        budget -= 1
        for t in range(8):
            if budget <= 0:
                break
            target = {"kind": "target", "title": sentence(rng)[:-1],
                      "status": ("draft", "proposed", "agreed")[t % 3],
                      "xrefs": [{"framework": "aichi", "target": str(rng.randint(1, 20)),
                                 "relevance": "primary"}],
                      "children": []}
            for fld in TARGET_FIELDS:
                start = "- " + sentence(rng)[:-1] if fld in ("indicators", "milestones",
                                                             "actors") else ""
                target[fld] = lengthen(start, rng, rng.randint(MIN_CHARS, MAX_CHARS))
            goal["children"].append(target)
            budget -= 1
            for i in range(2):
                if budget <= 0:
                    break
                target["children"].append({"kind": "indicator",
                                           "title": f"Indicator {i + 1}: {sentence(rng)[:-1]}",
                                           "text": lengthen("", rng, 150)})
                budget -= 1
    return {
        "format": "cmsdesk-template", "version": 1,
        "plan": {"title": f"Benchmark plan of {nodes} nodes", "period": "2015-2023",
                 "symbol": "UNEP/CMS/BENCH/1"},
        "outline": [
            {"kind": "part", "title": "The strategic Plan", "text": lengthen("", rng, 300),
             "children": [{"kind": "chapter", "title": "Goals and targets",
                           "text": lengthen("", rng, 300), "children": goals}]},
            {"kind": "part", "title": "Companion Volume", "text": lengthen("", rng, 300),
             "children": [{"kind": "chapter", "title": "Implementation",
                           "text": lengthen("", rng, 600), "children": []}]},
        ],
    }


def count_nodes(template: dict[str, Any]) -> int:
    def walk(nodes: list[dict[str, Any]]) -> int:
        return sum(1 + walk(n.get("children", [])) for n in nodes)

    return walk(template["outline"])


def plan_store(path: Path, template: dict[str, Any] | None = None) -> str:
    """A store at ``path`` holding a plan made from ``template`` (default: the starter plan)
    by the real command, with a profile; returns the plan id."""
    from cmsdesk.models.commands import create_plan_from_template
    from cmsdesk.models.identity import Profile
    from cmsdesk.models.store import Store

    with Store.open(path) as store:
        store.set_profile(Profile("Amina Diallo", "Senegal", "Africa", "focal point"))
        return create_plan_from_template(store, template).created or ""
