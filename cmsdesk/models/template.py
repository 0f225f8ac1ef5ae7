"""The starter plan: the bundled template a new user meets instead of an empty screen."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from cmsdesk.models import rules
from cmsdesk.models.changelog import Key, heads
from cmsdesk.models.languages import LANGUAGES, field_key
from cmsdesk.models.positions import keys_for
from cmsdesk.paths import resource

if TYPE_CHECKING:
    from cmsdesk.models.commands import Transaction

TEMPLATE_FORMAT = "cmsdesk-template"


def load_starter_template() -> dict[str, Any]:
    data = json.loads(resource("templates", "starter_plan.json").read_text("utf-8"))
    if data.get("format") != TEMPLATE_FORMAT:
        raise ValueError("the bundled starter template is not a cmsdesk template")
    return data


def _record_languages(tx: Transaction, key: Key, version: str,
                      languages: dict[str, dict[str, str]]) -> None:
    """Record the template's French and Spanish texts of a field as translations of the
    English version just recorded (``version``)."""
    for lang in LANGUAGES:
        text = languages.get(lang, {}).get(key.field, "")
        if text and lang != "en":
            tx.record("set", key._replace(field=field_key(key.field, lang)), text, [],
                      translates=[version])


def record_template(tx: Transaction, plan_id: str, data: dict[str, Any]) -> None:
    """Record the changes that build the template's plan and outline, with the French and
    Spanish versions of its texts (the optional ``languages`` of the plan, of each node and
    of each cross-reference's note)."""
    import uuid

    plan = data["plan"]
    tx.record_new_plan({fld: str(plan.get(fld, "")) for fld in rules.PLAN_FIELDS})
    title = Key("plan", plan_id, "title")
    _record_languages(tx, title, heads(tx.session, title)[0], plan.get("languages", {}))

    def add(nodes: list[dict[str, Any]], parent: str | None) -> None:
        for pos, node in zip(keys_for(len(nodes)), nodes, strict=True):
            node_id = str(uuid.uuid4())
            kind = node["kind"]
            if not rules.may_hold(None if parent is None else parent_kinds[parent], kind):
                raise ValueError(f"template: a {kind} cannot sit there")
            parent_kinds[node_id] = kind
            tx.record("create", Key("node", node_id, "placement"),
                      {"kind": kind, "parent": parent, "pos": pos}, [])
            for fld in rules.fields_of(kind):
                value = node.get(fld, "")
                if value and not (fld == "status" and value == "draft"):
                    key = Key("node", node_id, fld)
                    version = tx.record("set", key, value, [])
                    _record_languages(tx, key, version, node.get("languages", {}))
            for x in node.get("xrefs", []):
                eid = f"{node_id}|{x['framework']}|{x['target']}"
                tx.record("xref_add", Key("xref", eid, "present"), True, [])
                tx.record("set", Key("xref", eid, "relevance"), x.get("relevance", "primary"), [])
                if x.get("note"):
                    note = Key("xref", eid, "note")
                    _record_languages(tx, note, tx.record("set", note, x["note"], []),
                                      x.get("languages", {}))
            add(node.get("children", []), node_id)

    parent_kinds: dict[str, str] = {}
    add(data["outline"], None)
