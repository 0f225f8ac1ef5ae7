"""Subcommands for the language versions of the plan: what is missing or stale per language,
carrying a proposal made in another language into the original, marking a translation as up
to date (see :mod:`cmsdesk.models.translations`)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from cmsdesk.clicmd.common import Context, emit_json, guard, read_text_arg
from cmsdesk.models.languages import LANGUAGES, NAMES

if TYPE_CHECKING:
    from cmsdesk.models.changelog import Key

STATE_WORDS = {"missing": "missing", "stale": "needs an update (the original changed)",
               "proposed": "a proposal in this language, not yet in the original",
               "current": "up to date"}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("translation", help="language versions: status, carry over, mark current")
    tsub = p.add_subparsers(dest="translation_command", metavar="ACTION", required=True)

    t = tsub.add_parser("status", help="texts missing, stale or proposed in a language")
    t.add_argument("--lang", choices=LANGUAGES, action="append",
                   help="a language to check (repeat; default: every one but the original)")
    t.add_argument("--all", action="store_true", help="list the texts up to date too")
    t.add_argument("--json", action="store_true")
    t.set_defaults(func=cmd_status)

    t = tsub.add_parser("carry", help="take a proposal made in another language into the "
                        "original, keeping the link to who proposed it")
    t.add_argument("node", help="a label such as T7, a node id, or 'plan'")
    t.add_argument("field")
    t.add_argument("--from", dest="lang", choices=LANGUAGES, required=True,
                   help="the language the proposal was made in")
    src = t.add_mutually_exclusive_group(required=True)
    src.add_argument("--text", help="the proposal's wording in the original language")
    src.add_argument("--file", help="read that wording from a UTF-8 file ('-' for stdin)")
    t.set_defaults(func=cmd_carry)

    t = tsub.add_parser("mark-current", help="declare a language version a translation of the "
                        "original as it stands")
    t.add_argument("node", help="a label such as T7, a node id, or 'plan'")
    t.add_argument("field")
    t.add_argument("--lang", choices=LANGUAGES, required=True)
    t.set_defaults(func=cmd_mark_current)


def cmd_status(args: argparse.Namespace, ctx: Context) -> int:
    from cmsdesk.models.commands import plan_language
    from cmsdesk.models.translations import STATES, translation_status

    plan_id = ctx.plan_id()
    wanted = STATES if args.all else ("missing", "stale", "proposed")
    with ctx.store(write=False).session() as s:
        original = plan_language(s, plan_id)
        langs = args.lang or [lang for lang in LANGUAGES if lang != original]
        report = {lang: guard(translation_status, s, plan_id, lang, wanted) for lang in langs}
    if args.json:
        emit_json({lang: [{"node": x.label, "id": x.eid, "field": x.field, "state": x.state}
                          for x in rows] for lang, rows in report.items()})
        return 0
    for lang, rows in report.items():
        counts = {state: sum(1 for x in rows if x.state == state) for state in wanted}
        summary = ", ".join(f"{n} {state}" for state, n in counts.items())
        print(f"{NAMES[lang]} ({lang}): {summary}")
        for x in rows:
            print(f"  {x.label:<5} {x.field:<11} {STATE_WORDS[x.state]}")
    return 0


def _key(ctx: Context, plan_id: str, node: str, fld: str) -> Key:
    from cmsdesk.clicmd.plan import _plan_or_node_key

    return _plan_or_node_key(ctx, plan_id, node, fld)


def cmd_carry(args: argparse.Namespace, ctx: Context) -> int:
    from cmsdesk.clicmd.plan import _report
    from cmsdesk.models.translations import carry_over

    plan_id = ctx.plan_id()
    key = _key(ctx, plan_id, args.node, args.field)
    return _report(guard(carry_over, ctx.store(), plan_id, key, args.lang, read_text_arg(args)))


def cmd_mark_current(args: argparse.Namespace, ctx: Context) -> int:
    from cmsdesk.clicmd.plan import _report
    from cmsdesk.models.translations import mark_current

    plan_id = ctx.plan_id()
    key = _key(ctx, plan_id, args.node, args.field)
    return _report(guard(mark_current, ctx.store(), plan_id, key, args.lang))
