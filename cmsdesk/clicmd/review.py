"""Subcommands for what was received: review (and mark reviewed), revert, compare with a draft.

They do what the window's Review and Named drafts panels do, through the same functions
(:mod:`cmsdesk.models.review`).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from cmsdesk.clicmd.common import Context, emit_json, guard
from cmsdesk.models import queries

if TYPE_CHECKING:
    from cmsdesk.models.review import FieldReview, Review, ReviewItem


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("review", help="the changes received since a named draft or a day, "
                       "by node and field, with who proposed them and what they changed")
    p.add_argument("--since", metavar="DRAFT|YYYY-MM-DD",
                   help="a named draft or a day (default: the latest named draft, else the "
                   "plan's first version)")
    p.add_argument("--party", action="append", metavar="PARTY", help="only this Party: "
                   "its code or name in English, French or Spanish (repeat for several)")
    p.add_argument("--region", action="append", metavar="REGION", help="only this CMS region, "
                   "by name in English, French or Spanish (repeat for several)")
    p.add_argument("--node", metavar="NODE", help="only this node and what is under it "
                   "(a label such as G2 or T7)")
    p.add_argument("--pending", action="store_true", help="only changes not yet reviewed")
    p.add_argument("--mine", action="store_true", help="include this installation's own "
                   "changes")
    p.add_argument("--mark-reviewed", action="store_true",
                   help="mark every change listed as reviewed")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_review)

    p = sub.add_parser("revert", help="undo a change received, by a new version restoring the "
                       "text before it (it travels in the next bundle)")
    p.add_argument("change", metavar="CHANGE", help="the change id, or its first 8+ "
                   "characters (see 'cmsdesk review')")
    p.set_defaults(func=cmd_revert)

    p = sub.add_parser("compare", help="where the plan now differs from a named draft")
    p.add_argument("draft", metavar="DRAFT", help="the named draft (see 'cmsdesk draft list')")
    p.add_argument("--node", metavar="NODE", help="only this node and what is under it")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_compare)


def _since(ctx: Context, plan_id: str, since: str | None) -> str | None:
    """The baseline the window opens with: the latest named draft, if there is one."""
    if since:
        return since
    from cmsdesk.models.drafts import list_drafts

    drafts = list_drafts(ctx.store(write=False), plan_id)
    return drafts[-1].id if drafts else None


def word_diff_text(old: str, new: str) -> str:
    """``new`` with git's word-diff marks: [-deleted-] and {+inserted+}."""
    from cmsdesk.export.wording import word_diff

    marks = {"equal": "{}", "delete": "[-{}-]", "insert": "{{+{}+}}"}
    return "".join(marks[op].format(piece) for op, piece in word_diff(old, new))


def _item_json(item: ReviewItem) -> dict[str, Any]:
    return {"id": item.change_id, "action": item.action, "author": item.author,
            "party": item.party, "region": item.region, "role": item.role,
            "clock": item.clock, "value": item.value, "reviewed": item.reviewed,
            "own": item.own, "late": item.late, "verified": item.verified,
            "recorded": item.recorded}


def _review_json(result: Review) -> dict[str, Any]:
    return {"baseline": {"name": result.baseline, "date": result.baseline_date},
            "parties": result.parties, "regions": result.regions,
            "nodes": [{"node_id": n.node_id, "label": n.label, "heading": n.heading,
                       "kind": n.kind, "in_trash": n.in_trash,
                       "fields": [{"field": f.field, "baseline": f.baseline,
                                   "current": f.current,
                                   "changes": [_item_json(i) for i in f.items]}
                                  for f in n.fields]}
                      for n in result.nodes]}


def _item_lines(fr: FieldReview, item: ReviewItem) -> list[str]:
    where = f" ({item.region})" if item.region else ""
    done = "  (reviewed)" if item.reviewed else ""
    late = "  LATE" if item.late else ""
    mark = ("" if item.verified else " UNVERIFIED") + (f" ({item.recorded})" if item.recorded
                                                        else "")
    head = (f"    {item.change_id[:8]}  {item.party}{where}{mark}, {item.author}, "
            f"{item.clock[:16].replace('T', ' ')}{late}{done}")
    if fr.is_text and item.action in ("edit", "resolve"):
        body = word_diff_text(fr.baseline, item.value)
    elif fr.field == "status" and item.action in ("edit", "resolve"):
        body = f"status: {fr.baseline} -> {item.value}"
    elif item.action == "comment":
        body = f"comment: {item.value}"
    else:
        body = f"{item.action.replace('_', ' ')} {item.value}".strip()
    return [head] + [f"              {line}" for line in body.splitlines() or [""]]


def _warn_unknown_names(args: argparse.Namespace, result: Review) -> None:
    """One line on stderr per --party or --region that names nothing known."""
    from cmsdesk.models.parties import party_filter, region_filter

    for warning in (party_filter(args.party or (), result.parties).warnings
                    + region_filter(args.region or (), result.regions).warnings):
        print(f"warning: {warning}", file=sys.stderr)


def cmd_review(args: argparse.Namespace, ctx: Context) -> int:
    from cmsdesk.models.review import ReviewFilter, baseline, review, set_reviewed

    plan_id = ctx.plan_id()
    store = ctx.store()
    since = _since(ctx, plan_id, args.since)
    with store.session() as s:
        node = guard(queries.resolve_node, s, plan_id, args.node) if args.node else None
        flt = ReviewFilter(regions=frozenset(args.region or ()),
                           parties=frozenset(args.party or ()), node=node,
                           pending_only=args.pending, include_own=args.mine)
        result = review(s, plan_id, guard(baseline, s, plan_id, since),
                        own_replica=store.replica_id, flt=flt)
    _warn_unknown_names(args, result)
    marked = set_reviewed(store, [i.change_id for i in result.items]) if args.mark_reviewed \
        else 0
    if args.json:
        emit_json(_review_json(result) | {"marked_reviewed": marked})
        return 0
    items = result.items
    parties = sorted({i.party for i in items}, key=str.casefold)
    print(f"Changes since \"{result.baseline}\" ({result.baseline_date}): {len(items)} from "
          f"{len(parties)} Part{'y' if len(parties) == 1 else 'ies'}"
          + (f" ({', '.join(parties)})" if parties else "")
          + f"; {result.pending} not yet reviewed")
    for n in result.nodes:
        title = "The plan" if not n.node_id else f"{n.label} {n.heading}".strip()
        print(title + ("  (in the Trash)" if n.in_trash else ""))
        for fr in n.fields:
            print(f"  {fr.field}")
            for item in fr.items:
                print("\n".join(_item_lines(fr, item)))
    if marked:
        print(f"marked {marked} change(s) as reviewed")
    return 0


def cmd_revert(args: argparse.Namespace, ctx: Context) -> int:
    from cmsdesk.models.review import revert_change

    plan_id = ctx.plan_id()
    outcome = guard(revert_change, ctx.store(), plan_id, args.change)
    print(f"reverted {args.change}: a new version ({outcome.changes[0][:8]}) restores the text "
          "before it; it travels in your next bundle")
    return 0


def cmd_compare(args: argparse.Namespace, ctx: Context) -> int:
    from cmsdesk.models.drafts import find_draft
    from cmsdesk.models.review import compare_with_draft

    plan_id = ctx.plan_id()
    with ctx.store(write=False).session() as s:
        node = guard(queries.resolve_node, s, plan_id, args.node) if args.node else None
        draft = guard(find_draft, s, plan_id, args.draft)
        name, date = draft.name, draft.date
        diffs = compare_with_draft(s, plan_id, draft, node)
    if args.json:
        emit_json([{"node_id": d.node_id, "label": d.label, "heading": d.heading,
                    "field": d.field, "what": d.what, "draft": d.draft, "current": d.current}
                   for d in diffs])
        return 0
    if not diffs:
        print(f"the text is as it was in \"{name}\" ({date})")
        return 0
    for d in diffs:
        print(f"{d.label} {d.heading}".strip() + f"  {d.field} ({d.what})")
        body = d.draft if d.what == "removed" else word_diff_text(d.draft, d.current)
        print("\n".join(f"    {line}" for line in body.splitlines()))
    print(f"{len({d.node_id for d in diffs})} node(s) differ from \"{name}\" ({date})")
    return 0
