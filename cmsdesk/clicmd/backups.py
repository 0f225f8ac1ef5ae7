"""Subcommands for the store's backups: backups (list), backups restore FILE|latest."""

from __future__ import annotations

import argparse
import shlex
from pathlib import Path

from cmsdesk.clicmd.common import Context, UserError, emit_json, guard


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("backups", help="list the copies of the store made before imports, or "
                       "restore one (undoing what came after it)")
    p.add_argument("action", nargs="?", default="list", choices=("list", "restore"))
    p.add_argument("backup", nargs="?", metavar="FILE|latest",
                   help="restore: the backup to restore ('latest': the newest)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_backups)


def undo_command(store_path: Path, backup: Path) -> str:
    """The one command that puts a store back to a backup of it (shown after an alarming
    import)."""
    return shlex.join(["cmsdesk", "--db", str(store_path), "backups", "restore", str(backup)])


def damaged_advice(store_path: Path) -> str:
    """What to do with a damaged store: its latest good backup and the command restoring it
    (the damaged file is kept, renamed), or what to do without one."""
    from cmsdesk.models.backups import latest_good

    good = latest_good(store_path)
    if good is None:
        return (f"{store_path}: the store is damaged (SQLite found broken pages) and has no good "
                "backup; nothing was changed. Make a new store with 'cmsdesk --db NEW.db init' "
                "and import the bundles you have into it (or ask for the plan's bundle again)")
    made = f"{good.made:%Y-%m-%d %H:%M} UTC"
    return (f"{store_path}: the store is damaged (SQLite found broken pages); nothing was "
            f"changed. Its latest good backup is {good.path.name} (made {made}, before "
            f"{'an' if good.action[0] in 'aeiou' else 'a'} {good.action}); restore it with: "
            f"{undo_command(store_path, good.path)} (the damaged file is kept beside it, "
            "renamed)")


def cmd_backups(args: argparse.Namespace, ctx: Context) -> int:
    from cmsdesk.models.backups import folder_of, list_backups

    if args.action == "restore":
        return _restore(args, ctx)
    location = ctx.store_location
    if isinstance(location, str):
        raise UserError("a store on a database server is backed up by its administrators "
                        "(pg_dump), not by cmsdesk")
    path = location.resolve()
    found = list_backups(path)
    if args.json:
        emit_json([{"path": str(b.path), "action": b.action, "size": b.size,
                    "made": b.made.isoformat(timespec="seconds")} for b in found])
        return 0
    if not found:
        print(f"no backups of {path} yet (they are made in {folder_of(path)} before an import "
              "that brings something new)")
    for b in found:
        print(f"{b.made:%Y-%m-%d %H:%M:%S} UTC  before {b.action:<8} {b.size / 2**20:7.1f} MB  "
              f"{b.path}")
    return 0


def _restore(args: argparse.Namespace, ctx: Context) -> int:
    from cmsdesk.models.backups import latest_good, list_backups, restore_damaged
    from cmsdesk.models.store import StoreDamagedError

    if not args.backup:
        raise UserError("name the backup to restore (a file listed by 'cmsdesk backups', or "
                        "'latest')")
    try:
        store = ctx.store()
    except UserError as exc:
        if not isinstance(exc.__cause__, StoreDamagedError):
            raise
        # A damaged store is never opened: the backup takes its place, the damaged file kept.
        path = exc.__cause__.path
        good = latest_good(path) if args.backup == "latest" else None
        if args.backup == "latest" and good is None:
            raise UserError(f"{path} has no good backup to restore") from exc
        chosen = good.path if good is not None else Path(args.backup)
        aside = guard(restore_damaged, path, chosen)
        print(f"restored {path} from {chosen.name}; the damaged store was kept as {aside.name}")
        return 0
    if store.path is None:
        raise UserError("a store on a database server is restored by its administrators "
                        "(from their pg_dump copies), not by cmsdesk")
    chosen = Path(args.backup)
    if args.backup == "latest":
        found = list_backups(store.path)
        if not found:
            raise UserError(f"{store.path} has no backups to restore")
        chosen = found[-1].path
    replaced = guard(store.restore, chosen)
    print(f"restored {store.path} from {chosen.name}; the state it replaced was saved as "
          f"{replaced.name} (restore that one to go back)")
    return 0
