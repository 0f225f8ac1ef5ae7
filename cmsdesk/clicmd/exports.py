"""Subcommands that write documents: export docx, export markdown, export compilation.

``export docx`` prints the plan as it stands, or a named draft as it was marked (``--draft``)
with that draft's metadata, in one of two presentations; the switches chosen for a draft are
remembered with it, so the next export of that draft looks the same without repeating them.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date as Date
from typing import Any

from cmsdesk.clicmd.common import Context, UserError, guard


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("export", help="write the plan as Word or Markdown, or the compilation "
                       "of comments and proposals received")
    kinds = p.add_subparsers(dest="export_kind", metavar="KIND", required=True)

    for name, help_text, func in (
            ("docx", "the draft plan as a Word document", cmd_export_docx),
            ("markdown", "the draft plan as a Markdown file", cmd_export_markdown)):
        k = kinds.add_parser(name, help=help_text)
        k.add_argument("out", metavar="OUT", help=f"the file to write (OUT.{'docx' if name == 'docx' else 'md'})")
        k.add_argument("--companion", action=argparse.BooleanOptionalAction, default=None,
                       help="include the Companion Volume, the second part (default: include)")
        k.add_argument("--framework", action="append", metavar="ID",
                       help="a framework whose correspondence with the targets goes in an "
                       "annex (default: aichi; repeat for several)")
        k.add_argument("--date", metavar="YYYY-MM-DD", help="the date printed under the "
                       "document symbol (default: the draft's date, else today)")
        _add_lang_option(k)
        if name == "docx":
            _add_docx_options(k)
        k.set_defaults(func=func)

    k = kinds.add_parser("compilation", help="each target's baseline text, every Party's "
                         "proposed wording with differences marked, and the comments received")
    k.add_argument("out", metavar="OUT", help="the Word file to write (OUT.docx)")
    k.add_argument("--since", metavar="DRAFT", help="the named draft to compare with "
                   "(default: the plan's first version; see 'cmsdesk draft list')")
    k.add_argument("--date", metavar="YYYY-MM-DD", help="the date printed on the document "
                   "(default: today)")
    k.add_argument("--addendum", type=int, default=1, metavar="N",
                   help="its number as an addendum of the draft: SYMBOL/Add.N (default: 1)")
    k.add_argument("--by", choices=("target", "party"), default="target",
                   help="order the proposals by target (default) or by Party")
    _add_lang_option(k)
    k.set_defaults(func=cmd_export_compilation)


def _add_lang_option(k: argparse.ArgumentParser) -> None:
    from cmsdesk.models.languages import LANGUAGES

    k.add_argument("--lang", choices=LANGUAGES, help="the document's language: its headings, "
                   "labels and distribution block, and each text's version in it, the original "
                   "standing in, marked, where there is none (default: the plan's original)")


def _report_fallbacks(fallbacks: Any) -> None:
    summary = fallbacks.summary()
    if summary:
        print(summary)


def _add_docx_options(k: argparse.ArgumentParser) -> None:
    k.add_argument("--draft", metavar="NAME", help="print this named draft as it was when "
                   "marked, with its symbol, date and metadata (see 'cmsdesk draft list')")
    k.add_argument("--presentation", choices=("negotiation", "working"),
                   help="negotiation: targets as numbered paragraphs, compact annex, no "
                   "contents; working: the full layout (default: what was last used for the "
                   "draft, else working)")
    k.add_argument("--toc", action=argparse.BooleanOptionalAction, default=None,
                   help="a table of contents")
    k.add_argument("--page-breaks", action=argparse.BooleanOptionalAction, default=None,
                   help="each top-level chapter on a new page")
    k.add_argument("--short-titles", action=argparse.BooleanOptionalAction, default=None,
                   help="targets' short titles")
    k.add_argument("--fields", metavar="LIST", help="the target fields to print: note, "
                   "indicators, milestones, actors (comma-separated), all or none")
    k.add_argument("--annexes", action=argparse.BooleanOptionalAction, default=None,
                   help="the correspondence annex")
    k.add_argument("--numbered-paragraphs", action=argparse.BooleanOptionalAction,
                   default=None, help="the chapters' paragraphs numbered 1, 2, 3...")
    k.add_argument("--template", metavar="FILE.dotx", help="a Word template whose styles, "
                   "page size and margins the document takes")
    k.add_argument("--for-comments", action="store_true",
                   help="a consultation copy: looks like the draft, and carries where each "
                   "text comes from, so that a Party's edited copy can be read back with "
                   "'cmsdesk submission import' (docs/consultation-copies.md)")


def docx_options(args: argparse.Namespace, remembered: dict[str, Any]) -> Any:
    """The export options: a presentation's preset (or what the draft remembers), then every
    switch given on the command line."""
    from cmsdesk.export.options import ExportOptions

    if args.presentation:
        base = ExportOptions.preset(args.presentation)
    else:
        base = ExportOptions.from_json(remembered)
    given = {"toc": args.toc, "page_breaks": args.page_breaks,
             "short_titles": args.short_titles, "fields": args.fields,
             "annexes": args.annexes, "numbered_paragraphs": args.numbered_paragraphs,
             "frameworks": args.framework,
             "companion": args.companion}
    return guard(base.updated, **given)


def parse_date(text: str | None) -> Date | None:
    """The --date argument, or None; a malformed one is a user error."""
    from cmsdesk.models.drafts import parse_day

    return None if text is None else guard(parse_day, text)


def output_path(out: str) -> str:
    """``out`` once checked as a place to write (not the store, a folder or a device), so a
    refusal comes before the document is built."""
    from cmsdesk.atomic import check_target

    guard(check_target, out)
    return out


def number_options(ctx: Context, plan_id: str) -> None:
    """Record the numbers the document will show its options with (models/option_numbers.py),
    so that "Option 2" cited from it names the same wording on every site for good. A store
    another program is writing is only read: the numbers are then shown, not yet recorded."""
    from cmsdesk.models.commands import PlanEditor
    from cmsdesk.models.option_numbers import unrecorded

    with ctx.store(write=False).session() as s:
        if not unrecorded(s, plan_id):
            return
    try:
        store = ctx.store(write=True)
    except UserError as exc:
        print(f"note: the option numbers are not recorded ({exc}); export again when the "
              "store is free, or from the window, before citing them", file=sys.stderr)
        return
    PlanEditor(store, plan_id).number_options()


def _plan_export(args: argparse.Namespace, ctx: Context, write: object) -> int:
    from cmsdesk.export.localized import Fallbacks

    output_path(args.out)
    issued = parse_date(args.date)
    plan_id = ctx.plan_id()
    fallbacks = Fallbacks()
    number_options(ctx, plan_id)
    with ctx.store(write=False).session() as s:
        path = guard(write, s, plan_id, args.out, companion=args.companion is not False,
                     frameworks=args.framework or ["aichi"], issued=issued, lang=args.lang,
                     fallbacks=fallbacks)
    print(f"wrote {path}")
    _report_fallbacks(fallbacks)
    return 0


def cmd_export_docx(args: argparse.Namespace, ctx: Context) -> int:
    from cmsdesk.export.docx_common import TemplateError
    from cmsdesk.export.docx_plan import export_plan_docx
    from cmsdesk.export.localized import Fallbacks
    from cmsdesk.models.drafts import find_draft, remember_options

    issued = parse_date(args.date)
    plan_id = ctx.plan_id()
    store = ctx.store(write=args.draft is not None)
    remembered: dict[str, Any] = {}
    if args.draft is not None:
        with store.session() as s:
            remembered = json.loads(guard(find_draft, s, plan_id, args.draft).options or "{}")
    options = docx_options(args, remembered)
    if args.draft is None:
        output_path(args.out)  # a refused file comes before anything is recorded
        number_options(ctx, plan_id)
        store = ctx.store(write=False)
    if args.for_comments:
        return _export_for_comments(args, store, plan_id, issued, options)
    fallbacks = Fallbacks()
    with store.session() as s:
        try:
            path = guard(export_plan_docx, s, plan_id, args.out, issued=issued,
                         options=options, draft=args.draft, template=args.template,
                         lang=args.lang, fallbacks=fallbacks)
        except TemplateError as exc:
            raise UserError(str(exc)) from exc
    if args.draft is not None:
        remember_options(store, plan_id, args.draft, options.to_json())
    print(f"wrote {path}")
    _report_fallbacks(fallbacks)
    return 0


def _export_for_comments(args: argparse.Namespace, store: Any, plan_id: str,
                         issued: Date | None, options: Any) -> int:
    from cmsdesk.export.docx_common import TemplateError
    from cmsdesk.export.for_comments import export_for_comments

    try:
        info = guard(export_for_comments, store, plan_id, args.out, issued=issued,
                     options=options, draft=args.draft, template=args.template,
                     lang=args.lang)
    except TemplateError as exc:
        raise UserError(str(exc)) from exc
    draft = (f"named draft \"{info.draft_name}\"" if info.draft_name else
             "the plan as it stands (no named draft marks it: 'cmsdesk draft mark NAME' first "
             "to check replies against that draft's deadline)")
    print(f"wrote {info.path}: consultation copy {info.copy_id[:8]} of {draft}, "
          f"{info.fields} field(s) traceable")
    if info.untranslated:
        print(f"{info.untranslated} field(s) not yet translated are printed in the original "
              "language, marked, and not traceable: an edit there comes back as an unmapped "
              "paragraph to attach by hand")
    return 0


def cmd_export_markdown(args: argparse.Namespace, ctx: Context) -> int:
    from cmsdesk.export.markdown_plan import export_plan_markdown

    return _plan_export(args, ctx, export_plan_markdown)


def cmd_export_compilation(args: argparse.Namespace, ctx: Context) -> int:
    from cmsdesk.export.docx_compilation import export_compilation_docx
    from cmsdesk.export.localized import Fallbacks
    from cmsdesk.models.commands import plan_language

    output_path(args.out)
    issued = parse_date(args.date)
    plan_id = ctx.plan_id()
    with ctx.store(write=False).session() as s:
        fallbacks = Fallbacks()
        path = guard(export_compilation_docx, s, plan_id, args.out, since=args.since,
                     issued=issued, addendum=args.addendum, order=args.by,
                     lang=args.lang or plan_language(s, plan_id), fallbacks=fallbacks)
    print(f"wrote {path}")
    _report_fallbacks(fallbacks)
    return 0
