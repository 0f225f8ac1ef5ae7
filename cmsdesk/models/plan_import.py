"""A plan from an outline: the checked, all-or-nothing creation behind ``init --from``.

Every source (a JSON file in the template schema of docs/plan-files.md, a Markdown outline, a
Word draft) is first turned into the same plain data as the bundled starter template
(``{"plan": {...}, "outline": [nodes]}``). :func:`check_outline` checks all of it (kinds and
their nesting, fields, statuses, cross-references against the frameworks the store holds)
before :func:`create_plan_from_outline` writes anything, so a bad file leaves the store as it
was and the message says where the problem is.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from cmsdesk.models import rules
from cmsdesk.models.commands import CommandError, Outcome, Transaction, run
from cmsdesk.models.frameworks import framework_target_exists, list_frameworks
from cmsdesk.models.store import Store
from cmsdesk.models.template import TEMPLATE_FORMAT, record_template

TEXT_FIELDS = ("title", "text", "note", "indicators", "milestones", "actors")


class OutlineError(CommandError):
    """The outline cannot become a plan; the message says where and why."""


def _framework_ids(session: Session) -> dict[str, str]:
    """Framework id, short name and title (any case) -> framework id."""
    names: dict[str, str] = {}
    for fw in list_frameworks(session):
        for name in (fw.id, fw.short, fw.title):
            names.setdefault(name.casefold(), fw.id)
    return names


def _check_xref(session: Session, frameworks: dict[str, str], raw: Any, where: str) -> dict[str, str]:
    if not isinstance(raw, dict) or not raw.get("framework") or not raw.get("target"):
        raise OutlineError(f"{where}: a cross-reference needs \"framework\" and \"target\"")
    name = str(raw["framework"])
    fid = frameworks.get(name.casefold())
    if fid is None:
        known = ", ".join(sorted({v for v in frameworks.values()})) or "none"
        raise OutlineError(f"{where}: unknown framework {name!r} (this store holds: {known}; "
                           "load others with 'cmsdesk framework load FILE')")
    code = str(raw["target"]).strip()
    if not framework_target_exists(session, fid, code):
        raise OutlineError(f"{where}: the framework {fid!r} has no target {code!r}")
    relevance = str(raw.get("relevance") or "primary")
    if relevance not in rules.RELEVANCES:
        raise OutlineError(f"{where}: relevance must be one of {', '.join(rules.RELEVANCES)}")
    return {"framework": fid, "target": code, "relevance": relevance,
            "note": str(raw.get("note") or "")}


def _check_node(session: Session, frameworks: dict[str, str], raw: Any, parent: str | None,
                where: str) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise OutlineError(f"{where}: a node must be an object with \"kind\" and \"title\"")
    kind = raw.get("kind")
    if kind not in rules.KINDS:
        raise OutlineError(f"{where}: unknown kind {kind!r} (kinds: {', '.join(rules.KINDS)})")
    if not rules.may_hold(parent, kind):
        place = f"a {parent}" if parent else "the top of the outline"
        allowed = ", ".join(rules.ALLOWED_CHILDREN.get(parent, ())) or "nothing"
        raise OutlineError(f"{where}: a {kind} cannot be placed under {place} (it may hold: "
                           f"{allowed})")
    title = raw.get("title")
    if not isinstance(title, str) or not title.strip():
        raise OutlineError(f"{where}: a {kind} needs a title")
    allowed_fields = set(rules.fields_of(kind)) | {"kind", "children", "xrefs"}
    extra = sorted(set(raw) - allowed_fields)
    if extra:
        raise OutlineError(f"{where}: a {kind} has no field {extra[0]!r} (fields: "
                           f"{', '.join(rules.fields_of(kind))})")
    node: dict[str, Any] = {"kind": kind}
    for fld in rules.fields_of(kind):
        value = raw.get(fld, "")
        if not isinstance(value, str):
            raise OutlineError(f"{where}: the {fld} of a {kind} must be text")
        node[fld] = value.strip() if fld == "title" else value
    if node.get("status") and node["status"] not in rules.STATUSES:
        raise OutlineError(f"{where}: status must be one of {', '.join(rules.STATUSES)}")
    xrefs = raw.get("xrefs", [])
    if xrefs and kind != "target":
        raise OutlineError(f"{where}: only targets carry cross-references")
    if not isinstance(xrefs, list):
        raise OutlineError(f"{where}: \"xrefs\" must be a list")
    checked = [_check_xref(session, frameworks, x, f"{where}, cross-reference {i + 1}")
               for i, x in enumerate(xrefs)]
    node["xrefs"] = list({(x["framework"], x["target"]): x for x in checked}.values())
    children = raw.get("children", [])
    if not isinstance(children, list):
        raise OutlineError(f"{where}: \"children\" must be a list")
    node["children"] = [_check_node(session, frameworks, c, kind, f"{where} > {_name(c, i)}")
                        for i, c in enumerate(children)]
    return node


def _name(raw: Any, index: int) -> str:
    if isinstance(raw, dict) and isinstance(raw.get("title"), str) and raw["title"].strip():
        return f"{raw.get('kind', 'node')} {raw['title'].strip()[:40]!r}"
    return f"node {index + 1}"


def check_outline(session: Session, data: Any, origin: str = "the file") -> dict[str, Any]:
    """The outline ``data`` checked and normalised, or :class:`OutlineError` naming the
    first problem (``origin`` starts the message)."""
    if not isinstance(data, dict) or not isinstance(data.get("outline"), list):
        raise OutlineError(f"{origin}: not a plan outline (expected an object with \"plan\" "
                           "and \"outline\"; see docs/plan-files.md)")
    if data.get("format", TEMPLATE_FORMAT) != TEMPLATE_FORMAT:
        raise OutlineError(f"{origin}: format {data.get('format')!r} is not "
                           f"{TEMPLATE_FORMAT!r}")
    if data.get("version", 1) != 1:
        raise OutlineError(f"{origin}: version {data.get('version')!r} of the outline schema is "
                           "not known to this cmsdesk (it reads version 1)")
    plan = data.get("plan", {})
    if not isinstance(plan, dict) or not all(isinstance(plan.get(f, ""), str)
                                             for f in rules.PLAN_FIELDS):
        raise OutlineError(f"{origin}: \"plan\" must hold text fields "
                           f"{', '.join(rules.PLAN_FIELDS)}")
    if not data["outline"]:
        raise OutlineError(f"{origin}: the outline is empty: no headings or nodes found")
    if not str(plan.get("title", "")).strip():
        raise OutlineError(f"{origin}: the plan has no title (give one with --title)")
    frameworks = _framework_ids(session)
    outline = [_check_node(session, frameworks, n, None, f"{origin}: {_name(n, i)}")
               for i, n in enumerate(data["outline"])]
    return {"format": TEMPLATE_FORMAT, "version": 1,
            "plan": {f: str(plan.get(f, "")).strip() for f in rules.PLAN_FIELDS},
            "outline": outline}


def create_plan_from_outline(store: Store, data: Any, origin: str = "the file") -> Outcome:
    """Check ``data`` completely, then create its plan in one transaction."""
    import uuid

    with store.session() as s:
        checked = check_outline(s, data, origin)
    plan_id = str(uuid.uuid4())

    def work(tx: Transaction) -> str:
        record_template(tx, plan_id, checked)
        return plan_id

    return run(store, plan_id, f"Create plan {checked['plan']['title']!r}", work)


def count_nodes(outline: list[dict[str, Any]]) -> dict[str, int]:
    """How many nodes of each kind (and cross-references) an outline holds, for reports."""
    counts: dict[str, int] = {}

    def walk(nodes: list[dict[str, Any]]) -> None:
        for n in nodes:
            counts[n["kind"]] = counts.get(n["kind"], 0) + 1
            counts["cross-reference"] = counts.get("cross-reference", 0) + len(n.get("xrefs", []))
            walk(n.get("children", []))

    walk(outline)
    return counts
