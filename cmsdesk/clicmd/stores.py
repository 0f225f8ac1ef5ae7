"""Subcommands for whole stores: store copy (SQLite <-> PostgreSQL)."""

from __future__ import annotations

import argparse

from cmsdesk.clicmd.common import Context, UserError, guard


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("store", help="whole stores: copy one between a file and a "
                       "PostgreSQL server")
    actions = p.add_subparsers(dest="store_action", metavar="ACTION", required=True)
    c = actions.add_parser("copy", help="copy every change, signature, key and draft of a "
                           "store into a new, empty one, and check the copy")
    c.add_argument("source", help="a store file or postgresql://user@host/dbname")
    c.add_argument("target", help="a new store file or an empty PostgreSQL database")
    c.set_defaults(func=cmd_store_copy)


def _location(value: str) -> object:
    from pathlib import Path

    from cmsdesk.models.server import is_url

    return value if is_url(value) else Path(value).expanduser()


def cmd_store_copy(args: argparse.Namespace, ctx: Context) -> int:
    from cmsdesk.models.store import Store
    from cmsdesk.models.store_copy import copy_store

    source_location, target_location = _location(args.source), _location(args.target)
    if source_location == target_location:
        raise UserError("the source and the target are the same store")
    source = guard(Store.open, source_location, write=False)
    try:
        target = guard(Store.open, target_location)
        try:
            report = guard(copy_store, source, target)
        finally:
            target.close()
    finally:
        source.close()
    print(report.describe())
    return 0
