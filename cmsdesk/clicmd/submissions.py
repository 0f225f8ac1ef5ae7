"""Subcommands for what Parties send without cmsdesk: ``submission import`` (an edited
consultation copy), ``submission letter`` (a letter or e-mail), ``submission list``."""

from __future__ import annotations

import argparse
from datetime import date as Date

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

    k = kinds.add_parser("letter", help="record a letter or e-mail (a Word or text file, or "
                         "text on standard input) split into per-target proposals and comments")
    k.add_argument("file", metavar="FILE", help="a .docx or UTF-8 text file; '-' reads the "
                   "pasted text from standard input")
    k.add_argument("--party", required=True)
    k.add_argument("--region", default="")
    k.add_argument("--author", default="", help="who signed it")
    k.add_argument("--received", metavar="YYYY-MM-DD", help="default: today")
    k.add_argument("--channel", default="letter", choices=("letter", "e-mail", "fax", "other"))
    k.add_argument("--draft", metavar="NAME", help="the named draft it comments on (default: "
                   "the latest)")
    k.add_argument("--attach", action="append", default=[], metavar="PARAGRAPH=NODE",
                   help="record a general paragraph (its number in the report) as a comment "
                   "on a node; repeat for several")
    k.add_argument("--dry-run", action="store_true", help="show how the letter splits, "
                   "record nothing")
    k.add_argument("--json", action="store_true")
    k.set_defaults(func=cmd_submission_letter)

    k = kinds.add_parser("list", help="every submission received: bundles, Word replies, "
                         "letters, with the day received and whether it was late")
    k.add_argument("--draft", metavar="NAME", help="check against this named draft's deadline "
                   "(default: the latest)")
    k.add_argument("--json", action="store_true")
    k.set_defaults(func=cmd_submission_list)


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


def cmd_submission_letter(args: argparse.Namespace, ctx: Context) -> int:
    import sys
    from pathlib import Path

    from cmsdesk.clicmd.exports import parse_date
    from cmsdesk.submissions import letters
    from cmsdesk.submissions.wordfile import WordFileError

    received = parse_date(args.received)
    attach = _attachments(args.attach)
    plan_id = ctx.plan_id()
    try:
        if args.file == "-":
            text, original, name = sys.stdin.read(), None, "pasted text"
        else:
            text = letters.read_letter_text(args.file)
            original, name = Path(args.file).read_bytes(), Path(args.file).name
        store = ctx.store()
        with store.session() as s:
            pieces = letters.split_letter(s, plan_id, text)
            pieces = letters.attach_general(s, plan_id, pieces, attach)
        if args.dry_run:
            day = (received or Date.today()).isoformat()
            report = letters.LetterReport(args.party, day, args.channel, pieces)
        else:
            report = guard(letters.record_letter, store, plan_id, text, args.party,
                           received=received, channel=args.channel, region=args.region,
                           author=args.author, draft=args.draft, pieces=pieces,
                           filename=name, original=original)
    except (letters.LetterError, WordFileError) as exc:
        raise UserError(str(exc)) from exc
    if args.json:
        emit_json(letters.describe(report))
    else:
        print("\n".join(report.lines()))
    return 0


def cmd_submission_list(args: argparse.Namespace, ctx: Context) -> int:
    from cmsdesk.models.drafts import find_draft, list_drafts
    from cmsdesk.models.submissions import list_submissions

    plan_id = ctx.plan_id()
    store = ctx.store(write=False)
    drafts = list_drafts(store, plan_id)
    with store.session() as s:
        draft = (guard(find_draft, s, plan_id, args.draft) if args.draft else
                 find_draft(s, plan_id, drafts[-1].id) if drafts else None)
        rows = list_submissions(s, plan_id, draft)
    if args.json:
        emit_json([{"origin": r.origin, "kind": r.kind, "party": r.party,
                    "channel": r.channel, "received": r.received, "file": r.filename,
                    "late": r.late} for r in rows])
        return 0
    for r in rows:
        print(f"{r.received}  {r.party or '(no Party)':<24} {r.channel:<10} {r.filename}"
              + ("  LATE" if r.late else ""))
    return 0
