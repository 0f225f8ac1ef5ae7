"""Subcommands for submissions that do not come as bundles: ``submission import`` (a Party's
edited consultation copy)."""

from __future__ import annotations

import argparse

from cmsdesk.clicmd.common import Context, UserError, emit_json, guard


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("submission", help="record what a Party sent without cmsdesk: an "
                       "edited Word consultation copy")
    kinds = p.add_subparsers(dest="submission_kind", metavar="KIND", required=True)
    k = kinds.add_parser("import", help="read a Party's edited consultation copy (.docx, made "
                         "with 'export docx --for-comments'): its tracked and untracked edits "
                         "become the Party's proposals, its Word comments node comments")
    k.add_argument("file", metavar="REPLY.docx")
    k.add_argument("--party", required=True, help="the Party that sent it, e.g. \"Côte d'Ivoire\"")
    k.add_argument("--region", default="", help="the Party's CMS region")
    k.add_argument("--received", metavar="YYYY-MM-DD", help="the day it was received "
                   "(default: today)")
    k.add_argument("--attach", action="append", default=[], metavar="PARAGRAPH=NODE",
                   help="attach an unmapped paragraph of the reply (its number in the report) "
                   "to a node as the Party's comment; repeat for several")
    k.add_argument("--json", action="store_true")
    k.set_defaults(func=cmd_submission_import)


def _attachments(items: list[str]) -> dict[int, str]:
    out: dict[int, str] = {}
    for item in items:
        number, _, node = item.partition("=")
        if not number.strip().isdigit() or not node.strip():
            raise UserError(f"--attach {item!r}: write it as PARAGRAPH=NODE, for example 57=T3")
        out[int(number)] = node.strip()
    return out


def cmd_submission_import(args: argparse.Namespace, ctx: Context) -> int:
    from cmsdesk.clicmd.exports import parse_date
    from cmsdesk.submissions.reply import ReplyError, describe, import_reply
    from cmsdesk.submissions.wordfile import WordFileError

    received = parse_date(args.received)
    attach = _attachments(args.attach)
    try:
        report = guard(import_reply, ctx.store(), args.file, args.party, received=received,
                       region=args.region, attach=attach, plan=None)
    except (ReplyError, WordFileError) as exc:
        raise UserError(str(exc)) from exc
    if args.json:
        emit_json(describe(report))
    else:
        print("\n".join(report.lines()))
    return 0
