"""Subcommands for named drafts: draft mark, draft list."""

from __future__ import annotations

import argparse

from cmsdesk.clicmd.common import Context, emit_json, guard


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("draft", help="name the plan as it stands (a draft to compare with "
                       "later), or list the named drafts")
    actions = p.add_subparsers(dest="draft_action", metavar="ACTION", required=True)
    m = actions.add_parser("mark", help="name the plan as it stands now")
    m.add_argument("name", help='for example "Consultation draft 2"')
    m.add_argument("--symbol", default="", help="its document symbol, for example "
                   "UNEP/CMS/COP11/Doc.15.2")
    m.add_argument("--date", metavar="YYYY-MM-DD", help="its date (default: today)")
    m.set_defaults(func=cmd_draft_mark)
    ls = actions.add_parser("list", help="list the plan's named drafts, oldest first")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=cmd_draft_list)


def cmd_draft_mark(args: argparse.Namespace, ctx: Context) -> int:
    from cmsdesk.models.drafts import mark_draft

    plan_id = ctx.plan_id()
    info = guard(mark_draft, ctx.store(), plan_id, args.name, args.symbol, args.date)
    print(f"marked draft {info.name!r} ({info.date}, {info.changes} changes)")
    return 0


def cmd_draft_list(args: argparse.Namespace, ctx: Context) -> int:
    from cmsdesk.models.drafts import list_drafts

    plan_id = ctx.plan_id()
    drafts = list_drafts(ctx.store(write=False), plan_id)
    if args.json:
        emit_json([d.to_json() for d in drafts])
        return 0
    if not drafts:
        print("no named drafts yet: mark one with 'cmsdesk draft mark NAME'")
    for d in drafts:
        symbol = f"  {d.symbol}" if d.symbol else ""
        print(f"{d.date}  {d.name}{symbol}  ({d.changes} changes, id {d.id[:8]})")
    return 0
