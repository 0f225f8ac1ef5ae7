"""The ``cmsdesk`` command: the desktop app with no arguments, the same operations without it.

Subcommands live in :mod:`cmsdesk.clicmd` (one module per area, each with a ``register``
function). Every error a user can cause ends with one line on stderr and a non-zero exit code,
never a traceback.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from cmsdesk import __version__
from cmsdesk.clicmd.common import Context, UserError, fail
from cmsdesk.printable import SafeStream

AREAS = ("cmsdesk.clicmd.plan", "cmsdesk.clicmd.bundles", "cmsdesk.clicmd.exports",
         "cmsdesk.clicmd.drafts", "cmsdesk.clicmd.review", "cmsdesk.clicmd.stores",
         "cmsdesk.clicmd.backups", "cmsdesk.clicmd.submissions",
         "cmsdesk.clicmd.translations")


def app_parser(add_help: bool = True) -> argparse.ArgumentParser:
    """The options of the program itself (the app's), without the subcommands."""
    parser = argparse.ArgumentParser(
        prog="cmsdesk", add_help=add_help,
        description="Draft the CMS Strategic Plan offline and exchange drafts as bundle files. "
        "With no command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"cmsdesk {__version__}")
    parser.add_argument("--db", metavar="STORE",
                        help="the store to use: a file, or postgresql://user@host/dbname for a "
                        "shared Secretariat store (default: a file in the app-data folder)")
    parser.add_argument("--plan", metavar="PLAN", help="plan id or title, when the store holds several")
    parser.add_argument("--take-over-lock", action="store_true",
                        help="no longer needed: the lock of a program that stopped is released "
                        "by the system and taken anyway (kept for older scripts)")
    parser.add_argument("--screenshot", metavar="PNG",
                        help="render the main window with the starter plan to a PNG and exit")
    parser.add_argument("--size", metavar="WxH",
                        help="with --screenshot: the window size, e.g. 1920x1080 (default 1280x800)")
    return parser


def build_parser() -> tuple[argparse.ArgumentParser, set[str]]:
    """The parser, and the names of its subcommands."""
    parser = app_parser()
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for area in AREAS:
        importlib.import_module(area).register(sub)
    return parser, set(sub.choices)


def main(argv: Sequence[str] | None = None) -> int:
    # Starting allocates a few hundred thousand objects (the modules of SQLAlchemy and Qt, the
    # mappers, the window) and leaves no garbage cycles worth collecting: the collector's passes
    # over them took about 60 ms of the app's start (bench/coldstart.py). It resumes once a
    # command is parsed, and for the app after the first frame (cmsdesk.ui.app.finish_start).
    gc.disable()
    try:
        return _run(argv)
    finally:
        gc.enable()


def _is_bundle(arg: str) -> bool:
    return arg.lower().endswith(".cmsb") and not arg.startswith("-")


def parse(args_list: list[str]) -> argparse.Namespace:
    """The arguments; ``command`` is None for the app, whose ``files`` are bundles to import.

    Bundle files given to the bare program (a double-click in the file manager) open the app
    and import them. The subcommands' parser is built only when the arguments are not the app's
    own: it loads every area of the command line, which the app's start does not need.
    """
    known, rest = app_parser(add_help=False).parse_known_args(args_list)
    if all(_is_bundle(a) for a in rest):
        known.command, known.files = None, rest
        return known
    parser, commands = build_parser()
    files = [a for a in args_list if _is_bundle(a)]
    if files and not any(a in commands for a in args_list):
        args_list = [a for a in args_list if a not in files]
    else:
        files = []
    args = parser.parse_args(args_list)
    args.files = files
    return args


def _run(argv: Sequence[str] | None) -> int:
    from cmsdesk.clicmd.common import not_utf8

    arguments = list(sys.argv[1:] if argv is None else argv)
    for number, argument in enumerate(arguments, 1):
        error = not_utf8(argument, f"argument {number}")
        if error is not None:
            return fail(str(error))
    args = parse(arguments)
    ctx = Context(args)
    try:
        if args.command is None:
            from cmsdesk.ui.app import run_app

            return run_app(ctx)
        gc.enable()
        with terminal_guard():
            return int(args.func(args, ctx) or 0)
    except UserError as exc:
        return fail(str(exc))
    except KeyboardInterrupt:
        return fail("interrupted", 130)
    except BrokenPipeError:  # output piped into head and the like
        sys.stderr.close()
        return 0
    except Exception as exc:  # a shared store's server failed: say so in one line
        from cmsdesk.models.server import failure_message

        message = failure_message(exc)
        if message is None:
            raise
        return fail(message)
    finally:
        ctx.close()


@contextmanager
def terminal_guard() -> Iterator[None]:
    """While a command runs, what it prints cannot drive the terminal (names and texts come
    from other people's bundles), and an unforeseen error is one line, not a traceback."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeStream(out), SafeStream(err)
    try:
        yield
    except (UserError, KeyboardInterrupt, BrokenPipeError):
        raise
    except Exception as exc:
        from cmsdesk.faults import explain

        raise UserError(explain(exc)) from exc
    finally:
        sys.stdout, sys.stderr = out, err


if __name__ == "__main__":
    raise SystemExit(main())
