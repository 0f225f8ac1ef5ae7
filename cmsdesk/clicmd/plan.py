"""Subcommands that read and edit a plan: init, identity, outline, show, set, apply, add, move,
delete, restore, xref, comment, history, plans, framework, rebuild."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cmsdesk.clicmd.common import (
    Context,
    UserError,
    decode_text,
    emit_json,
    guard,
    not_utf8,
    read_text_arg,
)
from cmsdesk.models import queries, rules
from cmsdesk.models.changelog import Key
from cmsdesk.models.identity import ROLES, Profile
from cmsdesk.models.languages import LANGUAGES, NAMES, field_key

if TYPE_CHECKING:
    from cmsdesk.models.commands import Outcome, PlanEditor


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("init", help="create a plan from the starter template, empty, or from "
                       "a Markdown, JSON or Word file")
    how = p.add_mutually_exclusive_group()
    how.add_argument("--empty", action="store_true", help="a bare plan with no outline")
    how.add_argument("--from", dest="source", metavar="FILE", help="a plan.md outline, a "
                     "plan.json (docs/plan-files.md) or a Word draft (.docx)")
    p.add_argument("--title", help="the plan's title (default: the file's, or \"Strategic Plan "
                   "for Migratory Species 2015-2023\")")
    p.add_argument("--original", choices=LANGUAGES, default="en",
                   help="with --empty: the plan's original language (default en)")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("identity", help="show or set who you are (name, Party, region, role)")
    p.add_argument("--name")
    p.add_argument("--party", help="Party, observer State or organisation: its code (KE, EU, "
                   "CMS) or name in English, French or Spanish; the region follows it")
    p.add_argument("--other", action="store_true", help="--party names an organisation that "
                   "is not in the list: record it as typed (shown as an observer)")
    p.add_argument("--region", help="CMS region, for example Africa or Europe")
    p.add_argument("--role", choices=ROLES)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_identity)

    p = sub.add_parser("parties", help="the CMS Parties, observers and regions cmsdesk knows")
    p.add_argument("--region", help="only this region (any language)")
    p.add_argument("--lang", choices=("en", "fr", "es"), default="en",
                   help="the language of the names shown")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_parties)

    p = sub.add_parser("plans", help="list the plans in the store")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_plans)

    p = sub.add_parser("outline", help="print the plan's outline with its numbers")
    p.add_argument("--json", action="store_true")
    p.add_argument("--trash", action="store_true", help="list the Trash instead")
    p.set_defaults(func=cmd_outline)

    p = sub.add_parser("show", help="print one node: fields, links, comments, conflicts")
    p.add_argument("node", help="a label such as T7 or G2, or a node id")
    add_lang_option(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("set", help="set a field of a node (or of the plan: NODE 'plan')")
    p.add_argument("node")
    p.add_argument("field")
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--text")
    src.add_argument("--file", help="read the value from a UTF-8 file ('-' for stdin)")
    add_lang_option(p)
    kind = p.add_mutually_exclusive_group()
    kind.add_argument("--translation", action="store_true",
                      help="with --lang: a translation of the original as it stands (default: "
                      "a proposal made in that language)")
    kind.add_argument("--translates", metavar="VERSION", action="append",
                      help="with --lang: a translation of this version of the original (an id "
                      "or prefix from 'cmsdesk history'; repeat for several)")
    p.set_defaults(func=cmd_set)

    p = sub.add_parser("apply", help="apply many field edits from a JSON-lines file, all or none")
    p.add_argument("file")
    p.set_defaults(func=cmd_apply)

    p = sub.add_parser("add", help="add a node under PARENT ('top' for the top level)")
    p.add_argument("parent")
    p.add_argument("kind", choices=rules.KINDS)
    p.add_argument("--title", required=True)
    p.add_argument("--text", default="")
    p.add_argument("--index", type=int, help="place among the siblings (0 = first; default last)")
    p.set_defaults(func=cmd_add)

    p = sub.add_parser("move", help="move a node under another parent or to another place")
    p.add_argument("node")
    p.add_argument("--under", required=True, metavar="PARENT", help="new parent, or 'top'")
    p.add_argument("--index", type=int)
    p.set_defaults(func=cmd_move)

    p = sub.add_parser("delete", help="move a node to the Trash")
    p.add_argument("node")
    p.set_defaults(func=cmd_delete)

    p = sub.add_parser("restore", help="bring a node back from the Trash")
    p.add_argument("node")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("xref", help="link a target to a framework target, or unlink it")
    p.add_argument("node")
    p.add_argument("action", choices=("add", "remove", "set"))
    p.add_argument("ref", metavar="FRAMEWORK:TARGET", help="for example aichi:11")
    p.add_argument("--note")
    p.add_argument("--relevance", choices=rules.RELEVANCES)
    p.set_defaults(func=cmd_xref)

    p = sub.add_parser("comment", help="comment on a node, or mark a comment resolved")
    p.add_argument("node", nargs="?")
    p.add_argument("--text")
    p.add_argument("--resolve", metavar="COMMENT_ID")
    add_lang_option(p, "the language the comment is written in")
    p.set_defaults(func=cmd_comment)

    p = sub.add_parser("history", help="every version of a field, with author and time")
    p.add_argument("node", help="a node, or 'plan'")
    p.add_argument("field")
    add_lang_option(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_history)

    p = sub.add_parser("framework", help="list reference frameworks or load one from a file")
    p.add_argument("action", choices=("list", "load"))
    p.add_argument("file", nargs="?")
    p.set_defaults(func=cmd_framework)

    p = sub.add_parser("rebuild", help="derive the plan's current state again from its changes")
    p.set_defaults(func=cmd_rebuild)

    p = sub.add_parser("sentence-rules",
                       help="the sentence rules the plan's texts are merged with, or upgrade them")
    p.add_argument("--upgrade", action="store_true",
                   help="merge with this cmsdesk's rules from now on (every site follows once "
                        "it imports the change)")
    p.set_defaults(func=cmd_sentence_rules)


# -- helpers ----------------------------------------------------------------------------------


def add_lang_option(p: argparse.ArgumentParser,
                    what: str = "the language version (default: the plan's original)") -> None:
    p.add_argument("--lang", choices=LANGUAGES, help=what)


def language_version(ctx: Context, plan_id: str, lang: str | None) -> str | None:
    """The language ``--lang`` names, None for the plan's original language."""
    from cmsdesk.models.commands import language_of, plan_language

    with ctx.store(write=False).session() as s:
        return guard(language_of, lang, plan_language(s, plan_id))


def _node_id(ctx: Context, plan_id: str, ref: str) -> str:
    with ctx.store(write=False).session() as s:
        return guard(queries.resolve_node, s, plan_id, ref)


def _parent_id(ctx: Context, plan_id: str, ref: str) -> str | None:
    return None if ref.lower() in ("top", "-", "root") else _node_id(ctx, plan_id, ref)


def _editor(ctx: Context, plan_id: str) -> PlanEditor:
    """The commands on the plan (loaded on first use: the app's start does not need them)."""
    from cmsdesk.models.commands import PlanEditor

    return PlanEditor(ctx.store(), plan_id)


def _report(outcome: Outcome) -> int:
    if outcome.changed:
        print(f"{outcome.description}: {len(outcome.changes)} change(s) recorded")
    else:
        print(f"{outcome.description}: nothing to change")
    return 0


# -- commands ---------------------------------------------------------------------------------


DEFAULT_TITLE = "Strategic Plan for Migratory Species 2015-2023"


def _init_from(args: argparse.Namespace, ctx: Context) -> int:
    """``init --from FILE``: the file is read and checked whole before the store is opened for
    writing, so a refused file changes nothing."""
    from cmsdesk.models.plan_import import count_nodes, create_plan_from_outline
    from cmsdesk.submissions.plan_files import PlanFileError, read_plan_file
    from cmsdesk.submissions.wordfile import WordFileError

    try:
        data = read_plan_file(args.source, args.title)
    except (PlanFileError, WordFileError) as exc:
        raise UserError(str(exc)) from exc
    store = ctx.store()
    outcome = guard(create_plan_from_outline, store, data, Path(args.source).name)
    with store.session() as s:
        plan = queries.find_plan(s, outcome.created)
        entries = queries.outline(s, plan.id)
    counts = count_nodes(data["outline"])
    what = ", ".join(f"{n} {k}(s)" for k, n in sorted(counts.items()) if n)
    print(f"{outcome.description} ({outcome.created}) from {args.source}: {what}; "
          f"{len(entries)} node(s) in the outline; store {store.path}")
    return 0


def cmd_init(args: argparse.Namespace, ctx: Context) -> int:
    from cmsdesk.models.commands import create_plan, create_plan_from_template

    if args.source:
        return _init_from(args, ctx)
    store = ctx.store()
    if args.empty:
        outcome = guard(create_plan, store, args.title or DEFAULT_TITLE,
                        language=args.original)
    elif args.original != "en":
        raise UserError("the starter template's original is English: use --empty for a plan "
                        "whose original is another language")
    else:
        outcome = guard(create_plan_from_template, store)
    print(f"{outcome.description} ({outcome.created}); store {store.location}")
    return 0


def cmd_identity(args: argparse.Namespace, ctx: Context) -> int:
    store = ctx.store()
    profile = store.profile
    from cmsdesk.models.parties import identity_fields

    if args.other and args.party is None:
        raise UserError("--other needs --party NAME: the organisation to record")
    changes = {k: getattr(args, k) for k in ("name", "role") if getattr(args, k) is not None}
    changes |= guard(identity_fields, args.party, args.region, other=args.other)
    if changes:
        profile = Profile(**(profile.to_json() | changes))
        store.set_profile(profile)
    if args.json:
        emit_json(profile.to_json() | {"replica": store.replica_id})
    else:
        print(f"{profile.describe()}\nreplica {store.replica_id}\nstore {store.location}")
    return 0


def cmd_parties(args: argparse.Namespace, ctx: Context) -> int:
    from cmsdesk.models.parties import directory

    d = directory()
    region = guard(d.resolve_region, args.region) if args.region else None
    entries = [e for e in d.entries if region is None or e.region == region.code]
    if args.json:
        emit_json({"source": d.source, "as_of": d.as_of,
                   "regions": [{"code": r.code, "names": r.names} for r in d.regions],
                   "entries": [{"code": e.code, "kind": e.kind, "region": d.region_of(e),
                                "names": e.names} for e in entries]})
        return 0
    print(f"{d.source}")
    for e in entries:
        region_name = d.region(e.region).names[args.lang] if e.region else ""
        print(f"{e.code:<7} {e.names[args.lang]:<44} {region_name:<30} "
              + ("" if e.is_party else e.kind))
    return 0


def cmd_plans(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store(write=False).session() as s:
        rows = [{"id": p.id, "title": p.title, "period": p.period, "symbol": p.symbol}
                for p in queries.plans(s)]
    if args.json:
        emit_json(rows)
    else:
        for r in rows:
            print(f"{r['id']}  {r['title']}  {r['period']}  {r['symbol']}")
    return 0


def outline_json(entry: queries.OutlineEntry) -> dict[str, Any]:
    return {"id": entry.id, "kind": entry.kind, "label": entry.label, "number": entry.number,
            "depth": entry.depth, "title": entry.title, "parent": entry.parent_id,
            "status": entry.status, "conflicted": entry.conflicted}


def cmd_outline(args: argparse.Namespace, ctx: Context) -> int:
    plan_id = ctx.plan_id()
    with ctx.store(write=False).session() as s:
        if args.trash:
            nodes = queries.trash(s, plan_id)
            if args.json:
                emit_json([{"id": n.id, "kind": n.kind, "title": n.title} for n in nodes])
            else:
                for n in nodes:
                    print(f"{n.id}  {n.kind}  {n.title}")
            return 0
        entries = queries.outline(s, plan_id)
        plan = guard(queries.find_plan, s, plan_id)
        conflicts = queries.conflict_count(s, plan_id)
    if args.json:
        emit_json({"plan": {"id": plan.id, "title": plan.title, "period": plan.period,
                            "symbol": plan.symbol, "conflicts": conflicts},
                   "outline": [outline_json(e) for e in entries]})
        return 0
    print(f"{plan.title} ({plan.period})  {plan.symbol}")
    for e in entries:
        mark = "  [conflict]" if e.conflicted else ""
        print(f"{'  ' * e.depth}{e.label:<4} {e.title}{mark}")
    if conflicts:
        print(f"\n{conflicts} unresolved conflict(s): see 'cmsdesk conflicts'")
    return 0


def cmd_show(args: argparse.Namespace, ctx: Context) -> int:
    from cmsdesk.models.translations import language_view

    plan_id = ctx.plan_id()
    node_id = _node_id(ctx, plan_id, args.node)
    lang = language_version(ctx, plan_id, args.lang)
    with ctx.store(write=False).session() as s:
        view = queries.node_view(s, node_id)
        states = language_view(s, view, lang)
    if args.json:
        emit_json(view.to_json() | {"lang": args.lang, "states": states})
        return 0
    heading = f"{rules.KIND_NAMES[view.kind]} {view.label}" if view.label else view.kind
    version = f"  [{NAMES[lang]} version]" if lang else ""
    print(f"{heading}  ({view.id})" + ("  [in the Trash]" if view.deleted else "") + version)
    contested = {c.field for c in view.conflicts}
    for name, value in view.fields.items():
        flag = "  [CONFLICT: alternatives below]" if name in contested else ""
        state = f"  [{states[name]}]" if states.get(name, "current") != "current" else ""
        print(f"\n## {name}{flag}{state}\n{value}")
    if view.xrefs:
        print("\n## cross-references")
        for x in view.xrefs:
            print(f"- {x.framework}:{x.target} ({x.relevance}){' - ' + x.note if x.note else ''}")
    if view.comments:
        print("\n## comments")
        for c in view.comments:
            state = "resolved" if c.resolved else "open"
            print(f"- [{state}] {c.author} ({c.party}) {c.clock}: {c.text}  (id {c.id})")
    for c in view.conflicts:
        print(f"\n## conflict in {c.field} ({c.kind})")
        for i, alt in enumerate(c.alternatives, 1):
            print(f"  {i}. ({'; '.join(alt['proposers'])}) {alt['value']}")
    return 0


def _plan_or_node_key(ctx: Context, plan_id: str, ref: str, fld: str) -> Key:
    if ref.lower() == "plan":
        return Key("plan", plan_id, fld)
    return Key("node", _node_id(ctx, plan_id, ref), fld)


def cmd_set(args: argparse.Namespace, ctx: Context) -> int:
    plan_id = ctx.plan_id()
    value = read_text_arg(args)
    editor = _editor(ctx, plan_id)
    if (args.translation or args.translates) and language_version(ctx, plan_id, args.lang) is None:
        raise UserError("--translation and --translates go with --lang, naming a language "
                        "other than the plan's original")
    kind = {"translation": args.translation}
    if args.node.lower() == "plan":
        return _report(guard(editor.set_plan_field, args.field, value, args.lang, **kind))
    node_id = _node_id(ctx, plan_id, args.node)
    translates = args.translates and _versions(ctx, Key("node", node_id, args.field),
                                               args.translates)
    return _report(guard(editor.set_field, node_id, args.field, value, args.lang,
                         translates=translates or None, **kind))


def _versions(ctx: Context, key: Key, refs: list[str]) -> list[str]:
    """Version ids of the original field ``key`` named by ids or prefixes (of 6 or more)."""
    with ctx.store(write=False).session() as s:
        known = [v.version_id for v in queries.history(s, key)]
    out = []
    for ref in refs:
        found = {v for v in known if v.startswith(ref)} if len(ref) >= 6 else set()
        if len(found) != 1:
            raise UserError(f"no version {ref!r} of the original {key.field} (see 'cmsdesk "
                            f"history NODE {key.field}'): a translation must name a version "
                            "of the original it renders")
        out.append(found.pop())
    return out


def cmd_apply(args: argparse.Namespace, ctx: Context) -> int:
    """Each line: {"node": "T7", "field": "text", "value": "..."}, optionally with "lang"
    ("fr") and "translation" (true: a translation of the original as it stands); all or none."""
    plan_id = ctx.plan_id()
    try:
        data = Path(args.file).read_bytes()
    except OSError as exc:
        raise UserError(f"cannot read {args.file}: {exc.strerror}") from exc
    # JSON lines end at LF only: U+2028, U+2029 and U+0085 may stand inside a string.
    lines = decode_text(data, args.file).split("\n")
    edits: list[tuple[str, str, str, str]] = []
    translation: set[bool] = set()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{args.file} line {number}"
        try:
            item = json.loads(line)
        except ValueError as exc:
            raise UserError(f"{where}: not valid JSON ({exc}); nothing was applied") from exc
        except RecursionError as exc:
            raise UserError(f"{where}: nested too deeply; nothing was applied") from exc
        if not isinstance(item, dict) or not {"node", "field", "value"} <= item.keys() or not all(
                isinstance(item[k], str) for k in ("node", "field", "value")):
            raise UserError(f"{where}: expected an object with string \"node\", \"field\" and "
                            "\"value\"; nothing was applied")
        error = not_utf8(json.dumps(item, ensure_ascii=False), where, "nothing was applied")
        if error is not None:
            raise error
        lang = item.get("lang", "")
        if lang and lang not in LANGUAGES:
            raise UserError(f"{where}: unknown language {lang!r}: use one of "
                            f"{', '.join(LANGUAGES)}; nothing was applied")
        translation.add(bool(item.get("translation")))
        try:
            node_id = _node_id(ctx, plan_id, item["node"])
        except UserError as exc:
            raise UserError(f"{where}: {exc}; nothing was applied") from exc
        edits.append((node_id, item["field"], item["value"], lang or None))  # type: ignore[arg-type]
    if not edits:
        raise UserError(f"{args.file} holds no edits")
    if len(translation) > 1:
        raise UserError(f"{args.file} mixes translations and proposals: apply them in two "
                        "files; nothing was applied")
    try:
        outcome = guard(_editor(ctx, plan_id).set_fields, edits,
                        translation=translation == {True})
    except UserError as exc:
        raise UserError(f"{exc}; nothing was applied") from exc
    return _report(outcome)


def cmd_add(args: argparse.Namespace, ctx: Context) -> int:
    plan_id = ctx.plan_id()
    parent = _parent_id(ctx, plan_id, args.parent)
    outcome = guard(_editor(ctx, plan_id).add_node, parent, args.kind, args.title,
                    args.text, args.index)
    with ctx.store().session() as s:
        label = next((e.label for e in queries.outline(s, plan_id) if e.id == outcome.created), "")
    print(f"added {args.kind} {label} ({outcome.created})")
    return 0


def cmd_move(args: argparse.Namespace, ctx: Context) -> int:
    plan_id = ctx.plan_id()
    node = _node_id(ctx, plan_id, args.node)
    parent = _parent_id(ctx, plan_id, args.under)
    return _report(guard(_editor(ctx, plan_id).move_node, node, parent, args.index))


def cmd_delete(args: argparse.Namespace, ctx: Context) -> int:
    plan_id = ctx.plan_id()
    node = _node_id(ctx, plan_id, args.node)
    return _report(guard(_editor(ctx, plan_id).delete_node, node))


def cmd_restore(args: argparse.Namespace, ctx: Context) -> int:
    plan_id = ctx.plan_id()
    node = _node_id(ctx, plan_id, args.node)  # ids and id prefixes reach nodes in the Trash too
    return _report(guard(_editor(ctx, plan_id).restore_node, node))


def cmd_xref(args: argparse.Namespace, ctx: Context) -> int:
    plan_id = ctx.plan_id()
    node = _node_id(ctx, plan_id, args.node)
    framework, sep, target = args.ref.partition(":")
    if not sep or not framework or not target:
        raise UserError(f"{args.ref!r}: write FRAMEWORK:TARGET, for example aichi:11")
    editor = _editor(ctx, plan_id)
    if args.action == "add":
        return _report(guard(editor.add_xref, node, framework, target,
                             args.relevance or "primary", args.note or ""))
    if args.action == "remove":
        return _report(guard(editor.remove_xref, node, framework, target))
    return _report(guard(editor.update_xref, node, framework, target, relevance=args.relevance,
                         note=args.note))


def cmd_comment(args: argparse.Namespace, ctx: Context) -> int:
    plan_id = ctx.plan_id()
    editor = _editor(ctx, plan_id)
    if args.resolve:
        return _report(guard(editor.resolve_comment, args.resolve))
    if not args.node or args.text is None:
        raise UserError("give a node and --text, or --resolve COMMENT_ID")
    outcome = guard(editor.add_comment, _node_id(ctx, plan_id, args.node), args.text, args.lang)
    print(f"comment {outcome.created} added")
    return 0


def cmd_history(args: argparse.Namespace, ctx: Context) -> int:
    from cmsdesk.models.translations import version_notes

    plan_id = ctx.plan_id()
    lang = language_version(ctx, plan_id, args.lang)
    key = _plan_or_node_key(ctx, plan_id, args.node, field_key(args.field, lang))
    with ctx.store(write=False).session() as s:
        versions = queries.history(s, key)
        notes = version_notes(s, [v.change_id for v in versions])
    if not versions:
        language = f" in {NAMES[lang]}" if lang else ""
        raise UserError(f"no versions of {args.field!r}{language} for {args.node}")
    if args.json:
        emit_json([v.__dict__ | {"note": notes.get(v.change_id, "")} for v in versions])
        return 0
    for v in versions:
        who = f"{v.author} ({v.party}, {v.region})" if v.party or v.region else v.author
        value = v.value if isinstance(v.value, str) else json.dumps(v.value)
        note = f"  ({notes[v.change_id]})" if v.change_id in notes else ""
        print(f"{v.clock}  {who}  [{v.op}] {v.version_id[:12]}{note}\n    {value}")
    return 0


def cmd_framework(args: argparse.Namespace, ctx: Context) -> int:
    from cmsdesk.models.frameworks import (
        FrameworkFileError,
        install_framework,
        list_frameworks,
        read_framework_file,
    )

    store = ctx.store()
    if args.action == "load":
        if not args.file:
            raise UserError("give the framework file to load")
        try:
            data = read_framework_file(Path(args.file))
        except FrameworkFileError as exc:
            raise UserError(str(exc)) from exc
        with store.session() as s:
            install_framework(s, data)
        print(f"loaded {data.title} ({data.id}): {len(data.goals)} goals, {len(data.targets)} targets")
        return 0
    with store.session() as s:
        for fw in list_frameworks(s):
            print(f"{fw.id:<10} {fw.title}")
    return 0


def cmd_rebuild(args: argparse.Namespace, ctx: Context) -> int:
    from cmsdesk.models.projection import rebuild

    plan_id = ctx.plan_id()
    with ctx.store().session() as s:
        rebuild(s, plan_id)
    print("current state derived again from the change log")
    return 0


def cmd_sentence_rules(args: argparse.Namespace, ctx: Context) -> int:
    from cmsdesk.models.projection import sentence_rules
    from cmsdesk.models.sentences import CURRENT_RULES

    plan_id = ctx.plan_id()
    if args.upgrade:
        _report(_editor(ctx, plan_id).upgrade_sentence_rules())
    with ctx.store(write=False).session() as s:
        version = sentence_rules(s, plan_id)
    print(f"sentence rules version {version} (this cmsdesk's newest: {CURRENT_RULES})")
    return 0
