"""Subcommands that exchange drafts and settle what they contest: bundle export/import/inspect/
peers, conflicts, resolve, keys."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from cmsdesk.atomic import write_bytes_atomic
from cmsdesk.clicmd.common import Context, UserError, emit_json, guard, read_text_arg
from cmsdesk.models import queries
from cmsdesk.models.changelog import Key
from cmsdesk.models.held_reasons import english
from cmsdesk.models.languages import LANGUAGES, field_key, split_field
from cmsdesk.printable import printable
from cmsdesk.sync.format import BundleError


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("bundle", help="exchange drafts as bundle files (.cmsb)")
    bsub = p.add_subparsers(dest="bundle_command", metavar="ACTION", required=True)

    b = bsub.add_parser("export", help="write a bundle of the plan for a peer (or the whole plan)")
    b.add_argument("out", metavar="OUT.cmsb")
    to = b.add_mutually_exclusive_group()
    to.add_argument("--full", action="store_true", help="the whole plan, whoever it is for")
    to.add_argument("--to", metavar="PEER",
                    help="only what this peer (Party, name or replica id) lacks")
    b.set_defaults(func=cmd_export)

    b = bsub.add_parser("import", help="check and import bundle files, each wholly or not at all")
    b.add_argument("paths", nargs="+", metavar="FILE")
    b.add_argument("--json", action="store_true")
    b.set_defaults(func=cmd_import)

    b = bsub.add_parser("inspect", help="what a bundle holds and who signed it; imports nothing")
    b.add_argument("file", metavar="FILE")
    b.add_argument("--json", action="store_true")
    b.set_defaults(func=cmd_inspect)

    b = bsub.add_parser("peers", help="the sites this store exchanged bundles with")
    b.add_argument("--json", action="store_true")
    b.set_defaults(func=cmd_peers)

    p = sub.add_parser("conflicts", help="contested fields with their alternatives and proposers")
    p.add_argument("--lang", choices=LANGUAGES,
                   help="the language version's conflicts (default: the plan's original)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_conflicts)

    p = sub.add_parser("resolve", help="settle a contested field")
    p.add_argument("node", help="a label such as T7, a node id, or 'plan'")
    p.add_argument("field", help="the field, or xref:FRAMEWORK:TARGET:FIELD for a link")
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument("--choose", type=int, metavar="N", action="append",
                     help="take option N as the text numbers it ([Option N ...]; repeat it "
                     "for a field with several contested passages), or alternative N as "
                     "'cmsdesk conflicts' lists a field that is not text")
    how.add_argument("--text", help="a new text (or, for a deletion, 'delete' or 'keep')")
    how.add_argument("--file", help="the new text from a UTF-8 file ('-' for stdin)")
    how.add_argument("--keep-options", action="store_true",
                     help="keep the bracketed [Option 1 (...): ...] form as the text")
    p.add_argument("--lang", choices=LANGUAGES,
                   help="settle that language version (default: the plan's original)")
    p.set_defaults(func=cmd_resolve)

    p = sub.add_parser("endorse", help="endorse an option of a contested text as your "
                       "region's position (a focal point; the Secretariat for a regional meeting)")
    p.add_argument("node", help="a label such as T7, a node id, or 'plan'")
    p.add_argument("field", help="the field, or xref:FRAMEWORK:TARGET:FIELD for a link")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("option", nargs="?", type=int, help="the option's number, as shown")
    which.add_argument("--revoke", action="store_true", help="withdraw the region's position")
    p.add_argument("--region", help="the region (default: your Party's; the Secretariat names "
                   "it)")
    p.add_argument("--meeting", default="", help="the regional meeting that agreed it")
    p.add_argument("--lang", choices=LANGUAGES,
                   help="that language version's options (default: the plan's original)")
    p.set_defaults(func=cmd_endorse)

    p = sub.add_parser("keys", help="list signing keys and the quarantine, pin a peer's key for "
                       "a Party, accept or reject held changes, export this store's key")
    p.add_argument("action", nargs="?", default="list",
                   choices=("list", "pin", "unpin", "accept", "reject", "export", "rotate"))
    p.add_argument("arg", nargs="?", metavar="REPLICA|FILE",
                   help="pin/unpin/accept/reject: a peer (replica, Party or name), pin: or a "
                   "key file or a rotation statement; export, rotate: the FILE to write")
    p.add_argument("--party", help="pin: the Party the key speaks for (code or name in any "
                   "language; default: the Party the peer names)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_keys)


def _sync(fn: Any, *args: Any, what: str = "", **kwargs: Any) -> Any:
    """:func:`guard` for the sync layer: refusals of a bundle are user errors too."""
    try:
        return guard(fn, *args, **kwargs)
    except BundleError as exc:
        raise UserError(f"{what}: {exc}" if what else str(exc)) from exc


def _kb(size: int) -> str:
    return f"{size} bytes" if size < 1024 else f"{size / 1024:.1f} KB"


# -- bundles ------------------------------------------------------------------------------------


def cmd_export(args: argparse.Namespace, ctx: Context) -> int:
    from cmsdesk.clicmd.exports import output_path
    from cmsdesk.sync.exporter import export_bundle

    output_path(args.out)
    plan_id = ctx.plan_id()
    built = _sync(export_bundle, ctx.store(), plan_id, args.out, to_peer=args.to, full=args.full)
    m = built.manifest
    what = "whole plan" if built.full else "changes"
    target = f" for {built.recipient_label}" if built.recipient else ""
    print(f"wrote {args.out}: {what}{target}, {built.changes} change(s), {_kb(built.size)} "
          f"(\"{m.plan_title}\")")
    if built.recipient and not built.changes:
        print(f"{built.recipient_label} is known to hold everything already")
    return 0


def _report_json(report: Any) -> dict[str, Any]:
    return {"path": str(report.path), "bundle_id": report.bundle_id, "plan_id": report.plan_id,
            "plan_title": report.plan_title, "sender": report.sender.to_json(),
            "trust": report.trust, "verified": report.verified, "full": report.full,
            "new_plan": report.new_plan, "new_changes": report.new_changes,
            "already_held": report.already_held, "merged_clean": report.merged_clean,
            "conflicts_created": report.conflicts_created,
            "conflicts_closed": report.conflicts_closed, "alarms": report.alarms,
            "backup": str(report.backup) if report.backup else None,
            "authors": [{"author": a.label, "trust": a.status} for a in report.authors],
            "quarantined": [{"author": h.who, "changes": h.count, "reason": english(h.reason),
                             "why": h.reason.as_json()} for h in report.quarantined],
            "drafts": report.drafts}


def cmd_import(args: argparse.Namespace, ctx: Context) -> int:
    from cmsdesk.sync.importer import import_bundles

    plan = ctx.plan_id() if args.plan else None
    moved_before = set(_moved(ctx.store()))
    results = _sync(import_bundles, ctx.store(), args.paths, plan=plan)
    if args.json:
        emit_json([{"path": str(r.path), "error": r.error,
                    "report": _report_json(r.report) if r.report else None} for r in results])
    for r in results:
        if r.report is not None and not args.json:
            print("\n".join([r.report.summary(), *r.report.author_lines(),
                             *r.report.quarantine_lines()]))
        elif r.error is not None:
            print(f"cmsdesk: error: {printable(r.path)}: {printable(r.error)}", file=sys.stderr)
    failed = sum(1 for r in results if not r.ok)
    if failed and len(results) > 1 and not args.json:
        print(f"{len(results) - failed} of {len(results)} file(s) imported; {failed} refused "
              "(the store holds nothing of those)")
    if not failed and not args.json and any(r.report and r.report.conflicts_created
                                            for r in results):
        print("see 'cmsdesk conflicts' for the contested fields")
    if not args.json:
        _print_alarms([r.report for r in results if r.report is not None], ctx)
        _print_moved([m for m in _moved(ctx.store()) if m not in moved_before], ctx.store())
    return 1 if failed else 0


def _moved(store: Any) -> list[Any]:
    from cmsdesk.models.option_numbers import moved_numbers

    with store.session() as s:
        return moved_numbers(s, store.replica_id)


def _print_moved(moved: list[Any], store: Any) -> None:
    """Options this installation printed whose number another installation's concurrent
    numbering took: what a delegate must know before citing "Option 2" again."""
    if not moved:
        return
    with store.session() as s:
        labels = {e.id: e.label for plan in queries.plans(s)
                  for e in queries.outline(s, plan.id)}
    for m in moved:
        where = labels.get(m.key.eid, m.key.eid[:8]) if m.key.entity == "node" else m.key.entity
        text = f' ("{m.text[:60]}")' if m.text else ""
        print(f"NOTE: {where} {split_field(m.key.field)[0]}: the option you printed as Option "
              f"{m.printed}{text} is now Option {m.now}: another installation numbered the same "
              "options at the same time, before either had the other's numbers, and every site "
              "keeps one numbering (the Secretariat's, else the one with the lower version id); "
              "cite the new number")


def _print_alarms(reports: list[Any], ctx: Context) -> None:
    """An alarming import, said plainly with the one command that undoes it."""
    from cmsdesk.clicmd.backups import undo_command

    alarming = [r for r in reports if r.alarms]
    for r in alarming:
        for alarm in r.alarms:
            print(f"ALARM: {r.path.name}: {alarm}")
    backup = next((r.backup for r in reports if r.backup), None)
    store_path = ctx.store().path
    if alarming and backup is not None and store_path is not None:
        print("check it before building on it; to undo this import (and anything done after "
              f"it): {undo_command(store_path, backup)}")


def _inspect_data(ctx: Context, path: str) -> dict[str, Any]:
    from cmsdesk.sync.peers import VERIFIED
    from cmsdesk.sync.signing import fingerprint
    from cmsdesk.sync.validate import check_against_store, read_bundle

    parsed = _sync(read_bundle, path, what=path)
    m = parsed.manifest
    data: dict[str, Any] = {
        "file": str(parsed.path), "size": parsed.size, "bundle_id": m.bundle_id,
        "format": f"{m.version[0]}.{m.version[1]}", "kind": m.kind, "created": m.created,
        "plan": {"id": m.plan_id, "title": m.plan_title}, "sender": m.sender.to_json(),
        "fingerprint": fingerprint(m.sender.key), "signature": "valid", "recipient": m.recipient,
        "changes": len(parsed.changes),
        "ops": dict(sorted(Counter(c.body["op"] for c in parsed.changes).items())),
        "fields": dict(sorted(Counter(f"{c.body['entity']} {c.body['field']}"
                                      for c in parsed.changes).items())),
        "requires": sum(m.requires.values()), "note": parsed.note.strip(), "store": None,
    }
    if ctx.store_exists():
        store = ctx.store(write=False)
        with store.session() as s:
            try:
                check = check_against_store(s, store, parsed)
            except BundleError as exc:
                data["store"] = {"importable": False, "reason": str(exc)}
            else:
                data["store"] = {"importable": True, "trust": check.trust,
                                 "verified": check.trust in VERIFIED, "new_plan": check.new_plan,
                                 "new_changes": len(parsed.changes) - len(check.held),
                                 "already_held": len(check.held)}
    return data


def cmd_inspect(args: argparse.Namespace, ctx: Context) -> int:
    data = _inspect_data(ctx, args.file)
    if args.json:
        emit_json(data)
        return 0
    s = {k: printable(v, 200) for k, v in data["sender"].items()}
    who = ", ".join(b for b in (s["party"], s["region"], s["role"]) if b)
    print(f"{printable(data['file'])} ({_kb(data['size'])}): cmsdesk bundle format "
          f"{data['format']}, {'whole plan' if data['kind'] == 'full' else 'changes (delta)'}")
    print(f"plan:      {printable(data['plan']['title'], 200)} ({printable(data['plan']['id'])})")
    print(f"from:      {s['name'] or '(no name)'} ({who}), replica {s['replica'][:8]}, "
          f"made {data['created']}")
    print(f"signature: valid, key {data['fingerprint']}")
    ops = ", ".join(f"{op} {n}" for op, n in data["ops"].items()) or "none"
    print(f"changes:   {data['changes']} ({ops})")
    for name, n in data["fields"].items():
        print(f"           {n:>5}  {printable(name)}")
    if data["requires"]:
        print(f"builds on: {data['requires']} earlier change(s) the receiver must hold")
    store = data["store"]
    if store is None:
        print("this store: none yet (it would receive the plan)")
    elif store["importable"]:
        status = "verified" if store["verified"] else "UNVERIFIED"
        plan = "new plan; " if store["new_plan"] else ""
        print(f"this store: would import ({plan}{store['new_changes']} new, "
              f"{store['already_held']} already held); sender {status} ({store['trust']})")
    else:
        print(f"this store: would refuse it: {printable(store['reason'])}")
    print("nothing was imported")
    return 0


def cmd_peers(args: argparse.Namespace, ctx: Context) -> int:
    from cmsdesk.sync.peers import list_peers

    peers = list_peers(ctx.store(write=False))
    rows = [{"replica": p.replica, "name": p.name, "party": p.party, "region": p.region,
             "role": p.role, "fingerprint": p.fingerprint, "pinned": p.pinned,
             "last_seen": p.last_seen,
             "holds": {plan: sum(v.values()) for plan, v in p.holdings.items()}} for p in peers]
    if args.json:
        emit_json(rows)
        return 0
    if not rows:
        print("no peers yet: they appear when you import their bundles or pin their keys")
    for r in rows:
        pin = "  pinned" if r["pinned"] else ""
        holds = sum(r["holds"].values())
        party, name, region = (printable(r[k] or "-", 60) for k in ("party", "name", "region"))
        print(f"{party:<24} {name:<24} {region:<14} "
              f"{r['replica'][:8]}  key {r['fingerprint']}{pin}  holds {holds} change(s)  "
              f"last bundle {r['last_seen'] or '-'}")
    return 0


# -- conflicts ----------------------------------------------------------------------------------


def _handle(c: queries.ConflictView) -> tuple[str, str]:
    """The NODE and FIELD arguments of 'cmsdesk resolve' for a conflict."""
    if c.entity == "plan":
        return "plan", c.field
    if c.entity == "xref":
        _node, framework, target = c.eid.split("|", 2)
        return c.label or _node, f"xref:{framework}:{target}:{c.field}"
    return c.label or c.eid, c.field


def cmd_conflicts(args: argparse.Namespace, ctx: Context) -> int:
    from cmsdesk.clicmd.plan import language_version
    from cmsdesk.models.trust import recorded_parties, unverified_parties
    from cmsdesk.sync.conflicts import list_conflicts

    plan_id = ctx.plan_id()
    store = ctx.store(write=False)
    lang = language_version(ctx, plan_id, args.lang)
    every = _sync(list_conflicts, store, plan_id)
    with store.session() as s:
        unverified = unverified_parties(s, plan_id)
        recorded = recorded_parties(s, plan_id)
    views = [c for c in every if split_field(c.field)[1] == lang]
    others = sorted({split_field(c.field)[1] or "" for c in every} - {lang or ""})
    for c in views:
        c.field = split_field(c.field)[0]
    if args.json:
        emit_json([{"node": _handle(c)[0], "node_id": c.node_id, "title": c.title,
                    "entity": c.entity, "eid": c.eid, "field": _handle(c)[1], "kind": c.kind,
                    "base": c.base, "hunks": c.hunks,
                    "alternatives": [{"n": a.get("number", i)} | a | {"unverified": sorted(
                        set(a["proposers"]) & unverified), "recorded": sorted(
                        set(a["proposers"]) & recorded)}
                        for i, a in enumerate(c.alternatives, 1)],
                    "endorsements": c.endorsements}
                   for c in views])
        return 0
    elsewhere = (f" (other language versions have some: see --lang {' / '.join(others)})"
                 if others and others != [""] else "")
    if not views:
        print("no conflicts" + elsewhere)
        return 0
    for c in views:
        node, fld = _handle(c)
        title = f" {c.title}" if c.title else ""
        print(f"{node} {fld} ({c.kind} conflict){title}")
        if c.kind == "text" and c.base:
            print(f"  common text: {c.base}")
        if len(c.hunks) > 1:  # the options of each passage, by the numbers the text prints
            for p, hunk in enumerate(c.hunks, 1):
                print(f"  passage {p}" + (f" (was: {hunk['base']})" if hunk["base"] else ""))
                for option in hunk["options"]:
                    _print_alternative(option["number"], option, option["text"], unverified,
                                       recorded)
        else:
            for i, alt in enumerate(c.alternatives, 1):
                value = alt["value"] if isinstance(alt["value"], str) else json.dumps(alt["value"])
                _print_alternative(alt.get("number", i), alt, value, unverified, recorded)
        for e in c.endorsements:
            number = next((o["number"] for h in c.hunks for o in h["options"]
                           if o.get("id") == e["option"]), None)
            mark = "" if e["verified"] else " [unverified]"
            meeting = f", for {e['meeting']}" if e["meeting"] else ""
            print(f"  {e['region']} endorses option {number if number else '(no longer listed)'}"
                  f" ({e['name']}, {e['party'] or e['role']}{mark}{meeting})")
        if c.kind == "text":
            print(f"  endorse for a region: cmsdesk endorse {node} {fld} N")
        print(f"  settle with: cmsdesk resolve {node} {fld} --choose N"
              + (" (one per passage: --choose N --choose M)" if len(c.hunks) > 1 else "")
              + (" | --text T | --keep-options" if c.kind == "text" else "")
              + (f" --lang {args.lang}" if lang else ""))
    print(f"{len(views)} conflict(s){elsewhere}")
    _print_moved(_moved(store), store)
    return 0


def _print_alternative(number: int, alt: dict[str, Any], value: str,
                       unverified: frozenset[str], recorded: frozenset[str]) -> None:
    who = "; ".join(p + (" [unverified]" if p in unverified else "")
                    + (" [recorded by the Secretariat from its reply]" if p in recorded else "")
                    for p in alt["proposers"])
    position = (f"position of {', '.join(alt['endorsed_by'])}; "
                if alt.get("endorsed_by") else "")
    print(f"  {number}. ({position}{who}) {value or '(delete)'}")


def _conflict_key(ctx: Context, plan_id: str, node: str, fld: str) -> Key:
    if node.lower() == "plan":
        return Key("plan", plan_id, fld)
    with ctx.store(write=False).session() as s:
        node_id = guard(queries.resolve_node, s, plan_id, node)
    if fld.startswith("xref:"):
        parts = fld.split(":")
        if len(parts) != 4:
            raise UserError(f"{fld!r}: write xref:FRAMEWORK:TARGET:FIELD, for example "
                            "xref:aichi:11:note")
        return Key("xref", f"{node_id}|{parts[1]}|{parts[2]}", parts[3])
    return Key("node", node_id, fld)


def cmd_resolve(args: argparse.Namespace, ctx: Context) -> int:
    from cmsdesk.clicmd.plan import language_version
    from cmsdesk.sync.conflicts import resolve_conflict

    plan_id = ctx.plan_id()
    key = _conflict_key(ctx, plan_id, args.node, args.field)
    key = key._replace(field=field_key(key.field, language_version(ctx, plan_id, args.lang)))
    text = read_text_arg(args) if args.text is not None or args.file else None
    outcome = _sync(resolve_conflict, ctx.store(), plan_id, key, choose=args.choose, text=text,
                    keep_options=args.keep_options)
    print(f"{args.node} {args.field}: settled ({len(outcome.changes)} change recorded; it travels "
          "in your next bundle)")
    return 0


def cmd_endorse(args: argparse.Namespace, ctx: Context) -> int:
    from cmsdesk.clicmd.plan import language_version
    from cmsdesk.models.commands import PlanEditor

    plan_id = ctx.plan_id()
    key = _conflict_key(ctx, plan_id, args.node, args.field)
    key = key._replace(field=field_key(key.field, language_version(ctx, plan_id, args.lang)))
    editor = PlanEditor(ctx.store(), plan_id)
    outcome = guard(editor.endorse, key, None if args.revoke else args.option,
                    region=args.region, meeting=args.meeting)
    print(f"{args.node} {args.field}: {outcome.description[0].lower()}"
          f"{outcome.description[1:]} (it travels in your next bundle)")
    return 0


# -- keys ---------------------------------------------------------------------------------------


def cmd_keys(args: argparse.Namespace, ctx: Context) -> int:
    from cmsdesk.sync import peers
    from cmsdesk.sync.signing import fingerprint, public_key_of, signing_key

    store = ctx.store()
    if args.action in ("pin", "unpin"):
        if not args.arg:
            raise UserError(f"give the peer to {args.action} (replica id, Party or name) "
                            "or a key file")
        if args.action == "pin" and Path(args.arg).is_file():
            from cmsdesk.sync.rotation import apply_rotation, read_rotation

            statement = read_rotation(Path(args.arg))
            if statement is not None:
                info = _sync(apply_rotation, store, statement)
                print(f"{info.label()} ({info.replica[:8]}): key rotated, now "
                      f"{info.fingerprint}")
                return 0
            info = _sync(peers.pin_key_file, store, Path(args.arg), party=args.party)
        else:
            info = _sync(peers.pin, store, args.arg, pinned=args.action == "pin",
                         party=args.party if args.action == "pin" else None)
        state = f"pinned for {info.party or info.name}" if info.pinned else "unpinned"
        print(f"{info.label()} ({info.replica[:8]}): key {info.fingerprint} {state}")
        return 0
    if args.action in ("accept", "reject"):
        from cmsdesk.sync import quarantine

        if not args.arg:
            raise UserError(f"give the peer whose held changes to {args.action}")
        peer, count = _sync(getattr(quarantine, args.action), store, args.arg)
        print(f"{peer.name} ({peer.party}): key registered for {peer.party}; {count} held "
              "change(s) merged into the plan" if args.action == "accept" else
              f"{peer.name} ({peer.party}): {count} held change(s) rejected (kept, never "
              "merged)")
        return 0
    if args.action == "rotate":
        from cmsdesk.sync.rotation import rotate_key

        if not args.arg:
            raise UserError("give the file to write the rotation statement to")
        doc = guard(rotate_key, store, lambda d: write_bytes_atomic(args.arg, (json.dumps(
            d, indent=2, ensure_ascii=False) + "\n").encode("utf-8")))
        print(f"wrote {args.arg}: this installation's key is now {fingerprint(doc['new'])} "
              f"(was {fingerprint(doc['old'])}); send the file to the Secretariat and your "
              "peers, who apply it with 'cmsdesk keys pin FILE'")
        return 0
    own = public_key_of(signing_key(store))
    if args.action == "export":
        if not args.arg:
            raise UserError("give the file to write this installation's public key to")
        doc = peers.key_file_json(store, own)
        guard(write_bytes_atomic, args.arg, (json.dumps(doc, indent=2, ensure_ascii=False)
                                             + "\n").encode("utf-8"))
        print(f"wrote {args.arg}: public key {fingerprint(own)} of {store.profile.describe()}")
        return 0
    rows = [{"replica": store.replica_id, "name": store.profile.name,
             "party": store.profile.party, "key": own, "fingerprint": fingerprint(own),
             "pinned": True, "own": True}]
    rows += [{"replica": p.replica, "name": p.name, "party": p.party, "key": p.public_key,
              "fingerprint": p.fingerprint, "pinned": p.pinned, "own": False}
             for p in peers.list_peers(store) if p.public_key]
    from cmsdesk.sync.quarantine import list_quarantine

    held = list_quarantine(store)
    if args.json:
        counts = {(g.replica, g.status): g.count for g in held}
        emit_json([r | {"held": counts.get((r["replica"], "held"), 0),
                        "rejected": counts.get((r["replica"], "rejected"), 0)} for r in rows])
        return 0
    for r in rows:
        state = "this installation" if r["own"] else (
            f"pinned for {r['party'] or '-'}" if r["pinned"] else "not pinned")
        print(f"{r['fingerprint']}  {r['replica'][:8]}  {r['party'] or '-':<24} "
              f"{r['name'] or '-':<24} {state}")
    for g in held:
        print(f"QUARANTINE ({g.status}): {g.count} change(s) by {g.name} claiming {g.party}, "
              f"key {g.fingerprint or '-'}, replica {g.replica[:8]}: {english(g.reason)}")
    if any(g.status == "held" for g in held):
        print("accept a key with 'cmsdesk keys accept PEER', or 'cmsdesk keys reject PEER'")
    return 0
