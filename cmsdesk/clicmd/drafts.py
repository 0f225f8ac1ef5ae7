"""Subcommands for named drafts: draft mark, draft edit, draft show, draft list.

A named draft is what the Secretariat issues, so it carries the metadata of the document that
prints it (symbol, date, meeting, agenda item, deadline...); ``mark`` and ``edit`` take the same
options for them.
"""

from __future__ import annotations

import argparse
from typing import Any

from cmsdesk.clicmd.common import Context, emit_json, guard

# (option, metadata field, help)
META_OPTIONS: tuple[tuple[str, str, str], ...] = (
    ("--convention", "convention", "the convention's name (default: Convention on Migratory "
     "Species)"),
    ("--distribution", "distribution", "General, Limited or Restricted (default: General)"),
    ("--original-language", "original_language", "en, fr or es: the language the document "
     "was written in (default: en)"),
    ("--meeting", "meeting", 'the meeting, for example "Meeting of the Conference of the '
     'Parties"'),
    ("--meeting-number", "meeting_number", "its number, for example 11"),
    ("--place", "meeting_place", 'where it meets, for example "Quito, Ecuador"'),
    ("--meeting-dates", "meeting_dates", 'when, for example "4-9 November 2014"'),
    ("--agenda-item", "agenda_item", "the agenda item, for example 15.2"),
    ("--title", "title", "the title as printed (default: the plan's title)"),
    ("--prepared-by", "prepared_by", 'who prepared it, for example "the Secretariat"'),
    ("--comments-to", "comments_to", "how and to whom to send comments, for example "
     "cms@cms.int"),
    ("--deadline", "deadline", "YYYY-MM-DD: the date comments are due; later ones are "
     "marked late in the compilation"),
    ("--languages", "languages", "the languages the draft exists in, for example en,fr,es"),
)


def _add_meta_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--symbol", help="its document symbol, for example UNEP/CMS/COP11/Doc.15.2")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="the date of the document")
    group = p.add_argument_group("document metadata (printed on the first page)")
    for option, dest, help_text in META_OPTIONS:
        group.add_argument(option, dest=f"meta_{dest}", help=help_text)
    group.add_argument("--translation", nargs=3, action="append", metavar=("LANG", "FIELD",
                       "TEXT"), dest="meta_translations",
                       help="a field as a document in LANG prints it, for example: fr meeting "
                       '"Conférence des Parties" (fields: meeting, place, meeting-dates, title, '
                       'prepared-by, comments-to; "" takes it out); repeat for more')


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("draft", help="name the plan as it stands (a draft to issue and to "
                       "compare with later), edit a draft's document metadata, list drafts")
    actions = p.add_subparsers(dest="draft_action", metavar="ACTION", required=True)
    m = actions.add_parser("mark", help="name the plan as it stands now")
    m.add_argument("name", help='for example "Consultation draft 2"')
    _add_meta_options(m)
    m.set_defaults(func=cmd_draft_mark)
    e = actions.add_parser("edit", help="change a named draft's name or document metadata "
                           "(what it holds of the plan stays as marked)")
    e.add_argument("name", help="the draft: its name or id")
    e.add_argument("--rename", metavar="NEW", help="a new name")
    _add_meta_options(e)
    e.set_defaults(func=cmd_draft_edit)
    sh = actions.add_parser("show", help="a named draft's document metadata and export "
                            "options")
    sh.add_argument("name", help="the draft: its name or id")
    sh.add_argument("--json", action="store_true")
    sh.set_defaults(func=cmd_draft_show)
    ls = actions.add_parser("list", help="list the plan's named drafts, oldest first")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=cmd_draft_list)


def _meta_args(args: argparse.Namespace) -> dict[str, Any]:
    values = {dest: getattr(args, f"meta_{dest}") for _o, dest, _h in META_OPTIONS}
    if args.meta_translations:
        fields = {option[2:]: dest for option, dest, _h in META_OPTIONS}
        given: dict[str, dict[str, str]] = {}
        for lang, name, text in args.meta_translations:
            given.setdefault(lang, {})[fields.get(name, name.replace("-", "_"))] = text
        values["translations"] = given
    return values


def cmd_draft_mark(args: argparse.Namespace, ctx: Context) -> int:
    from cmsdesk.models.draft_meta import DocumentMeta
    from cmsdesk.models.drafts import mark_draft

    meta = guard(DocumentMeta().updated, **_meta_args(args))
    plan_id = ctx.plan_id()
    info = guard(mark_draft, ctx.store(), plan_id, args.name, args.symbol or "", args.date,
                 meta)
    print(f"marked draft {info.name!r} ({info.date}, {info.changes} changes)")
    return 0


def cmd_draft_edit(args: argparse.Namespace, ctx: Context) -> int:
    from cmsdesk.models.drafts import edit_draft

    plan_id = ctx.plan_id()
    info = guard(edit_draft, ctx.store(), plan_id, args.name, name=args.rename,
                 symbol=args.symbol, date=args.date, **_meta_args(args))
    print(f"updated draft {info.name!r}")
    return 0


def cmd_draft_show(args: argparse.Namespace, ctx: Context) -> int:
    from cmsdesk.models.drafts import find_draft, list_drafts

    plan_id = ctx.plan_id()
    store = ctx.store(write=False)
    with store.session() as s:
        wanted = guard(find_draft, s, plan_id, args.name).id
    info = next(d for d in list_drafts(store, plan_id) if d.id == wanted)
    if args.json:
        emit_json(info.to_json())
        return 0
    meta = info.document
    print(f"{info.name}  (id {info.id[:8]}, {info.changes} changes)")
    print(f"  symbol: {info.symbol or '-'}")
    print(f"  date: {info.date}")
    for option, dest, _help in META_OPTIONS:
        value = getattr(meta, dest)
        shown = ",".join(value) if isinstance(value, tuple) else value
        print(f"  {option[2:]}: {shown or '-'}")
        for lang, values in sorted(meta.translations.items()):
            if dest in values:
                print(f"  {option[2:]} ({lang}): {values[dest]}")
    if info.options:
        print("  export options: " + ", ".join(f"{k}={v}" for k, v in sorted(
            info.options.items())))
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
