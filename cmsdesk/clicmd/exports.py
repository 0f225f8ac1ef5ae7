"""Subcommands that write documents: export docx, export markdown, export compilation."""

from __future__ import annotations

import argparse
from datetime import date as Date

from cmsdesk.clicmd.common import Context, guard


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("export", help="write the plan as Word or Markdown, or the compilation "
                       "of comments and proposals received")
    kinds = p.add_subparsers(dest="export_kind", metavar="KIND", required=True)

    for name, help_text, func in (
            ("docx", "the draft plan as a Word document", cmd_export_docx),
            ("markdown", "the draft plan as a Markdown file", cmd_export_markdown)):
        k = kinds.add_parser(name, help=help_text)
        k.add_argument("out", metavar="OUT", help=f"the file to write (OUT.{'docx' if name == 'docx' else 'md'})")
        k.add_argument("--companion", action=argparse.BooleanOptionalAction, default=True,
                       help="include the Companion Volume, the second part (default: include)")
        k.add_argument("--framework", action="append", metavar="ID",
                       help="a framework whose correspondence with the targets goes in an "
                       "annex (default: aichi; repeat for several)")
        k.add_argument("--date", metavar="YYYY-MM-DD", help="the date printed under the "
                       "document symbol (default: today)")
        k.set_defaults(func=func)

    k = kinds.add_parser("compilation", help="each target's baseline text, every Party's "
                         "proposed wording with differences marked, and the comments received")
    k.add_argument("out", metavar="OUT", help="the Word file to write (OUT.docx)")
    k.add_argument("--since", metavar="DRAFT", help="the named draft to compare with "
                   "(default: the plan's first version; see 'cmsdesk draft list')")
    k.add_argument("--date", metavar="YYYY-MM-DD", help="the date printed on the document "
                   "(default: today)")
    k.set_defaults(func=cmd_export_compilation)


def parse_date(text: str | None) -> Date | None:
    """The --date argument, or None; a malformed one is a user error."""
    from cmsdesk.models.drafts import parse_day

    return None if text is None else guard(parse_day, text)


def _plan_export(args: argparse.Namespace, ctx: Context, write: object) -> int:
    issued = parse_date(args.date)
    plan_id = ctx.plan_id()
    with ctx.store(write=False).session() as s:
        path = guard(write, s, plan_id, args.out, companion=args.companion,
                     frameworks=args.framework or ["aichi"], issued=issued)
    print(f"wrote {path}")
    return 0


def cmd_export_docx(args: argparse.Namespace, ctx: Context) -> int:
    from cmsdesk.export.docx_plan import export_plan_docx

    return _plan_export(args, ctx, export_plan_docx)


def cmd_export_markdown(args: argparse.Namespace, ctx: Context) -> int:
    from cmsdesk.export.markdown_plan import export_plan_markdown

    return _plan_export(args, ctx, export_plan_markdown)


def cmd_export_compilation(args: argparse.Namespace, ctx: Context) -> int:
    from cmsdesk.export.docx_compilation import export_compilation_docx

    issued = parse_date(args.date)
    plan_id = ctx.plan_id()
    with ctx.store(write=False).session() as s:
        path = guard(export_compilation_docx, s, plan_id, args.out, since=args.since,
                     issued=issued)
    print(f"wrote {path}")
    return 0
