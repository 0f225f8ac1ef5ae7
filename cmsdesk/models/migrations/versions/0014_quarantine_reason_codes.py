"""quarantine reasons as codes: `reason` holds a code, `reason_args` its arguments (JSON)

Revision ID: 0014
Revises: 0013

Until 0013 the quarantine kept why a change is held as an English sentence, which a French or
Spanish window then showed inside its translated line. Now it keeps a code of
`cmsdesk.models.held_reasons` and the sentence's arguments (Party, key fingerprints, channel),
and each reader tells it in its own language. The sentences earlier versions wrote are read
back into codes here; a sentence that is none of them is kept as a `legacy` code with its text,
shown as it is. Going back writes the English sentences again.
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

from cmsdesk.models.held_reasons import (
    BUILDS_ON_HELD,
    KEY_OF_OTHER_PARTY,
    LEGACY,
    RECORDING_BY_PARTY_KEY,
    RECORDING_OTHER_KEY,
    SECRETARIAT,
    THIS_INSTALLATION,
    UNREGISTERED_KEY,
    HeldReason,
    english,
)

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None

_RECORDED = r"it claims to be recorded from (?P<party>.*)'s (?P<channel>Word reply|letter)"
_KEY = r"\((?P<key>[^()]*)\)"
# the sentences cmsdesk wrote until 0013, recordings first (they also read as the others)
_SENTENCES = (
    (RECORDING_BY_PARTY_KEY, re.compile(
        _RECORDED + rf", but its key {_KEY} is registered for (?P<registered_for>.+): only the "
        r"Secretariat records for a Party")),
    (RECORDING_OTHER_KEY, re.compile(
        _RECORDED + r" by (?P<recorder>this installation|the Secretariat), but it is signed "
        rf"with another key {_KEY} than the recorder's \((?P<recorder_key>[^()]*)\)")),
    (KEY_OF_OTHER_PARTY, re.compile(
        rf"it claims (?P<party>.+) but its key {_KEY} is registered for "
        r"(?P<registered_for>.+)")),
    (UNREGISTERED_KEY, re.compile(
        r"it claims (?P<party>.+), whose registered key is (?P<keys>.+), with a key that is not "
        r"registered")),
    (BUILDS_ON_HELD, re.compile(r"it builds on a change held in quarantine")),
)
_RECORDERS = {"this installation": THIS_INSTALLATION, "the Secretariat": SECRETARIAT}

_quarantine = sa.table("quarantine", sa.column("change_id", sa.String),
                       sa.column("reason", sa.Text), sa.column("reason_args", sa.Text))


def read_sentence(text: str) -> HeldReason:
    """The code and arguments of a sentence an earlier version stored."""
    for code, pattern in _SENTENCES:
        found = pattern.fullmatch(text)
        if found is None:
            continue
        args = found.groupdict()
        if args.get("party") == "a Party" and code in (RECORDING_BY_PARTY_KEY,
                                                       RECORDING_OTHER_KEY):
            args["party"] = ""
        if "recorder" in args:
            args["recorder"] = _RECORDERS[args["recorder"]]
        if "keys" in args:
            args["keys"] = tuple(args["keys"].split(", "))
        return HeldReason(code, **args)
    return HeldReason(LEGACY, text=text)


def upgrade() -> None:
    with op.batch_alter_table("quarantine") as batch:
        batch.add_column(sa.Column("reason_args", sa.Text(), nullable=False,
                                   server_default="{}"))
    bind = op.get_bind()
    rows = bind.execute(sa.select(_quarantine.c.change_id, _quarantine.c.reason)).all()
    for change_id, text in rows:
        reason = read_sentence(text)
        bind.execute(_quarantine.update().where(_quarantine.c.change_id == change_id).values(
            reason=reason.code, reason_args=reason.args_json()))


def downgrade() -> None:
    bind = op.get_bind()
    rows = bind.execute(sa.select(_quarantine.c.change_id, _quarantine.c.reason,
                                  _quarantine.c.reason_args)).all()
    for change_id, code, args in rows:
        bind.execute(_quarantine.update().where(_quarantine.c.change_id == change_id).values(
            reason=english(HeldReason.stored(code, args))))
    with op.batch_alter_table("quarantine") as batch:
        batch.drop_column("reason_args")
