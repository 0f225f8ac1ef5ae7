"""What every subcommand shares: opening the store, choosing the plan, printing, failing.

Exceptions that carry a message meant for the user (a locked or newer store, an unknown node,
a refused command...) are turned into :class:`UserError` here, so the entry point prints one line.

Loading this module loads no model code: the parser is built from it and the subcommand modules
before anything else, and the desktop app's start should not wait for code it does not use.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cmsdesk.models.store import Store


class UserError(Exception):
    """An error to report in one line, without a traceback."""


def user_errors() -> tuple[type[BaseException], ...]:
    """The errors whose message is written for the user."""
    from cmsdesk.atomic import WriteError
    from cmsdesk.models.backups import BackupError
    from cmsdesk.models.commands import CommandError
    from cmsdesk.models.lock import StoreLockedError
    from cmsdesk.models.queries import NotFoundError
    from cmsdesk.models.store import StoreError

    return (StoreError, StoreLockedError, CommandError, NotFoundError, WriteError,
            BackupError)


def user_message(exc: BaseException) -> str:
    """The line for an error meant for the user; a damaged store's names its latest good
    backup and the one command that restores it."""
    from cmsdesk.models.store import StoreDamagedError

    if isinstance(exc, StoreDamagedError):
        from cmsdesk.clicmd.backups import damaged_advice

        return damaged_advice(exc.path)
    return str(exc)


def fail(message: str, code: int = 1) -> int:
    from cmsdesk.printable import printable

    print(f"cmsdesk: error: {printable(message)}", file=sys.stderr)
    return code


class Context:
    """The store and plan a command works on, opened on first use and closed at exit."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.password: str | None = None  # a server store's, when asked for (never stored)
        self._store: Store | None = None
        # Told while the store waits for another program's write (the window shows it its way)
        self.on_busy: Callable[[float | None], None] = say_busy_once()

    @property
    def store_location(self) -> Path | str:
        """``--db``: a file path, or a ``postgresql://`` address; else the default file."""
        if self.args.db:
            from cmsdesk.models.server import is_url

            return self.args.db if is_url(self.args.db) else Path(self.args.db).expanduser()
        from cmsdesk.paths import default_store_path

        return default_store_path()

    def store_exists(self) -> bool:
        """Whether there is a store to read (a server store is asked when opened)."""
        location = self.store_location
        return isinstance(location, str) or location.exists()

    def store(self, write: bool = True) -> Store:
        """The store, opened on first use: to write (with its lock) or only to read.

        Reading needs no lock, so read-only commands work while the window has the store open
        (SQLite's WAL lets them); they say so on stderr, since what they show may change. A
        command that needs to write after reading gets the store reopened with the lock.
        """
        if self._store is not None and write and self._store.lock is None \
                and not self._store.is_server:
            self.close()
        if self._store is None:
            from cmsdesk.models.store import PasswordNeededError, Store

            location = self.store_location
            try:
                try:
                    self._store = Store.open(location, write=write, password=self.password,
                                             take_over_lock=self.args.take_over_lock,
                                             on_busy=self.on_busy)
                except PasswordNeededError:
                    if self.password is not None or not sys.stdin.isatty():
                        raise
                    import getpass

                    self._store = Store.open(location, write=write,
                                             password=getpass.getpass("Password: "),
                                             on_busy=self.on_busy)
            except user_errors() as exc:
                raise UserError(user_message(exc)) from exc
            if not write and self._store.lock is None and not self._store.is_server:
                self._say_if_in_use()
        return self._store

    def _say_if_in_use(self) -> None:
        from cmsdesk.models.lock import live_holder
        from cmsdesk.printable import printable

        path = self._store.path if self._store is not None else None
        holder = live_holder(path) if path is not None else None
        if holder is not None and holder.pid != os.getpid():
            print(f"note: the store is open in cmsdesk ({printable(holder.describe())}): this "
                  "is the plan as it is now, which may change", file=sys.stderr)

    def plan_id(self) -> str:
        from cmsdesk.models.queries import find_plan

        with self.store(write=False).session() as s:
            return guard(find_plan, s, self.args.plan).id

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def say_busy_once() -> Callable[[float | None], None]:
    """The command line's notice of a wait for another writer: one line on stderr when a wait
    starts (the refusal, if it comes, is the command's error line)."""
    waiting = False

    def notice(waited: float | None) -> None:
        nonlocal waiting
        if waited is not None and not waiting:
            from cmsdesk.models.busy import WAITING  # loaded only when it is needed

            print(f"cmsdesk: {WAITING}", file=sys.stderr, flush=True)
        waiting = waited is not None

    return notice


def guard(fn: Any, *args: Any, **kwargs: Any) -> Any:
    """Call ``fn``, turning errors meant for the user into :class:`UserError`."""
    try:
        return fn(*args, **kwargs)
    except user_errors() as exc:
        raise UserError(user_message(exc)) from exc
    except OSError as exc:
        raise UserError(f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": ")) from exc


def emit_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, sort_keys=True)
    sys.stdout.write("\n")


def not_utf8(text: str, what: str, tail: str = "nothing was changed") -> UserError | None:
    """The error for a text holding characters UTF-8 cannot encode (bytes that were not UTF-8,
    kept as lone surrogates by Python), or None."""
    from cmsdesk.printable import printable

    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        bad = printable(exc.object[exc.start:exc.end])
        return UserError(f"{what} holds bytes that are not UTF-8 text ({bad}): save or type it "
                         f"as UTF-8; {tail}")
    return None


def decode_text(data: bytes, what: str) -> str:
    """UTF-8 bytes as text; Windows (CRLF) and old Mac (CR) line ends become LF, and stderr says
    so, since a plan's texts are stored with LF line ends."""
    from cmsdesk.printable import printable

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UserError(f"{what} is not UTF-8 text (byte {exc.start + 1} is "
                        f"{data[exc.start:exc.start + 1]!r}): save it as UTF-8; nothing was "
                        "changed") from exc
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        print(f"note: {printable(what)} has Windows (CRLF) or CR line ends: stored with LF "
              "line ends", file=sys.stderr)
    return text


def read_text_arg(args: argparse.Namespace) -> str:
    """The value of ``--text T`` or ``--file F`` (UTF-8; '-' reads standard input)."""
    if getattr(args, "text", None) is not None:
        error = not_utf8(str(args.text), "the text")
        if error is not None:
            raise error
        return str(args.text)
    if args.file == "-":
        return decode_text(sys.stdin.buffer.read(), "standard input")
    try:
        data = Path(args.file).read_bytes()
    except OSError as exc:
        raise UserError(f"cannot read {args.file}: {exc.strerror}") from exc
    return decode_text(data, args.file)
