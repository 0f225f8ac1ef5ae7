"""The tables of a store, mapped to typed classes by SQLAlchemy 2.

Two kinds of table live here. ``Change`` (with ``Head``) is the truth: an append-only log of
immutable edits. Everything else under "current state" is derived from that log by
:mod:`cmsdesk.models.projection` and can be rebuilt from it at any time. Reference data
(frameworks) and local bookkeeping (peers, keys, named drafts, review marks) are neither: they
belong to this installation and never travel as changes.

The mapping is imperative (a ``Table`` per class, with ``Mapped`` annotations for the type
checker) rather than declarative: declarative mapping reads every annotation at import, which
took about 10 ms of each start of the app (bench/coldstart.py). Columns are required unless
declared with ``Column`` (nullable). Every schema change goes through an Alembic migration in
``migrations/versions``; a test checks that the migrations build exactly these tables.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import Mapped, registry

from cmsdesk.models.packing import (
    DeflatedText,
    HexText,
    IdListText,
    SignatureText,
    UuidText,
    VersionIdText,
)

mapper_registry = registry()
metadata = mapper_registry.metadata
T = TypeVar("T")


def _column(name: str, *args: Any, **kwargs: Any) -> Column[Any]:
    """A column that may not be NULL."""
    return Column(name, *args, nullable=False, **kwargs)


def _table(name: str, *items: Any) -> Callable[[type[T]], type[T]]:
    """Map the decorated class to the table ``name`` made of ``items`` (columns, indexes)."""

    def map_class(cls: type[T]) -> type[T]:
        mapper_registry.map_imperatively(cls, Table(name, metadata, *items))
        return cls

    return map_class


# --- the change log ------------------------------------------------------------------------


@_table(
    "changes",
    _column("arrival", Integer, primary_key=True, autoincrement=True),
    _column("id", HexText(64), unique=True),
    _column("version_id", VersionIdText(64), index=True),
    _column("plan_id", UuidText(36)),
    _column("replica", HexText(32)),
    _column("seq", Integer),
    _column("op", String(24)),
    _column("entity", String(16)),
    _column("eid", UuidText(120)),
    _column("field", String(32)),
    _column("value", DeflatedText()),
    _column("parents", IdListText()),
    _column("author_name", String(200), default=""),
    _column("author_party", String(200), default=""),
    _column("author_region", String(100), default=""),
    _column("author_role", String(40), default=""),
    _column("clock", String(40)),
    _column("extra", Text),
    _column("origin", String(64), default="local"),
    Index("ix_changes_key", "entity", "eid", "field"),
    Index("ix_changes_plan_replica_seq", "plan_id", "replica", "seq", unique=True),
)
class Change:
    """One immutable edit, each of its fields stored once: the columns, and in ``extra`` (JSON)
    what no column holds (the format version, a language version's ``lang``...). Its canonical
    JSON, whose SHA-256 is ``id``, is rebuilt from them by
    :func:`cmsdesk.models.changelog.body_text`.

    ``version_id`` is the id this change has in its field's version DAG: the change id for an
    ordinary edit, and a content hash for a resolution, so that two sites resolving a conflict
    the same way create the same version.

    In an SQLite store the ids, replica, plan and entity uuids are kept as bytes and the value
    deflated (:mod:`cmsdesk.models.packing`); the program reads and writes them as text. There
    ``changes`` is a view over ``change_rows`` and the tables of what changes share (replicas,
    fields, authors, origins), with a trigger that stores an insert into it (migration 0013):
    this mapping, and every query, see the columns below either way. Since migration 0015 the
    rows keep no index of version ids: a lookup by version id is written as one by id or by a
    resolution's own version (:class:`~cmsdesk.models.packing.VersionIdText`).
    """

    arrival: Mapped[int]
    id: Mapped[str]
    version_id: Mapped[str]
    plan_id: Mapped[str]
    replica: Mapped[str]
    seq: Mapped[int]
    op: Mapped[str]
    entity: Mapped[str]
    eid: Mapped[str]
    field: Mapped[str]
    value: Mapped[str]  # canonical JSON of the new value
    parents: Mapped[str]  # JSON list of parent version ids
    author_name: Mapped[str]
    author_party: Mapped[str]
    author_region: Mapped[str]
    author_role: Mapped[str]
    clock: Mapped[str]
    extra: Mapped[str]  # canonical JSON of the change's fields that have no column
    origin: Mapped[str]


@_table(
    "heads",
    _column("entity", String(16), primary_key=True),
    _column("eid", String(120), primary_key=True),
    _column("field", String(32), primary_key=True),
    _column("version_id", String(64), primary_key=True),
    _column("plan_id", String(36), index=True),
)
class Head:
    """A version of a field that no other version names as parent."""

    entity: Mapped[str]
    eid: Mapped[str]
    field: Mapped[str]
    version_id: Mapped[str]
    plan_id: Mapped[str]


# --- current state (derived) -------------------------------------------------------------


@_table(
    "plans",
    _column("id", String(36), primary_key=True),
    _column("title", Text, default=""),
    _column("period", Text, default=""),
    _column("symbol", Text, default=""),
    _column("language", String(8), default="en", server_default="en"),
)
class Plan:
    id: Mapped[str]
    title: Mapped[str]
    period: Mapped[str]
    symbol: Mapped[str]
    language: Mapped[str]  # the original language: its texts are the plain fields


@_table(
    "nodes",
    _column("id", String(36), primary_key=True),
    _column("plan_id", String(36), ForeignKey("plans.id"), index=True),
    _column("kind", String(16)),
    Column("parent_id", String(36), index=True),
    _column("position", String(64), default=""),
    _column("deleted", Boolean, default=False),
    _column("title", Text, default=""),
    _column("text", Text, default=""),
    _column("note", Text, default=""),
    _column("indicators", Text, default=""),
    _column("milestones", Text, default=""),
    _column("actors", Text, default=""),
    _column("status", String(16), default="draft"),
)
class Node:
    id: Mapped[str]
    plan_id: Mapped[str]
    kind: Mapped[str]
    parent_id: Mapped[str | None]
    position: Mapped[str]
    deleted: Mapped[bool]
    title: Mapped[str]
    text: Mapped[str]
    note: Mapped[str]
    indicators: Mapped[str]
    milestones: Mapped[str]
    actors: Mapped[str]
    status: Mapped[str]


@_table(
    "xrefs",
    _column("node_id", String(36), primary_key=True),
    _column("framework", String(40), primary_key=True),
    _column("target", String(40), primary_key=True),
    _column("plan_id", String(36), index=True),
    _column("present", Boolean, default=False),
    _column("relevance", String(16), default="primary"),
    _column("note", Text, default=""),
)
class CrossReference:
    """A link from a plan target to a framework target (an add-wins set element)."""

    node_id: Mapped[str]
    framework: Mapped[str]
    target: Mapped[str]
    plan_id: Mapped[str]
    present: Mapped[bool]
    relevance: Mapped[str]
    note: Mapped[str]


@_table(
    "comments",
    _column("id", String(36), primary_key=True),
    _column("plan_id", String(36), index=True),
    _column("node_id", String(36), index=True),
    _column("author_name", String(200), default=""),
    _column("author_party", String(200), default=""),
    _column("author_region", String(100), default=""),
    _column("clock", String(40), default=""),
    _column("text", Text, default=""),
    _column("resolved", Boolean, default=False),
    Column("lang", String(8)),
)
class Comment:
    id: Mapped[str]
    plan_id: Mapped[str]
    node_id: Mapped[str]
    author_name: Mapped[str]
    author_party: Mapped[str]
    author_region: Mapped[str]
    clock: Mapped[str]
    text: Mapped[str]
    resolved: Mapped[bool]
    lang: Mapped[str | None]  # the language it was written in; None: the plan's original


@_table(
    "conflicts",
    _column("entity", String(16), primary_key=True),
    _column("eid", String(120), primary_key=True),
    _column("field", String(32), primary_key=True),
    _column("plan_id", String(36), index=True),
    Column("node_id", String(36), index=True),
    _column("kind", String(16)),
    _column("base", Text, default=""),
    _column("alternatives", Text, default="[]"),
)
class Conflict:
    """A field whose heads could not be merged cleanly; ``alternatives`` is JSON."""

    entity: Mapped[str]
    eid: Mapped[str]
    field: Mapped[str]
    plan_id: Mapped[str]
    node_id: Mapped[str | None]
    kind: Mapped[str]  # text | value | delete
    base: Mapped[str]
    alternatives: Mapped[str]


@_table(
    "translations",
    _column("entity", String(16), primary_key=True),
    _column("eid", String(120), primary_key=True),
    _column("field", String(32), primary_key=True),
    _column("lang", String(8), primary_key=True),
    _column("plan_id", String(36), index=True),
    Column("node_id", String(36), index=True),
    _column("value", Text, default=""),
    _column("translates", Text, default="[]"),
    _column("proposal", Boolean, default=False),
)
class Translation:
    """A language version of a text field other than the plan's original language (derived).

    ``translates`` (JSON list) names the versions of the original its heads translate; the
    translation is stale when those are no longer the original's heads. ``proposal`` is true
    when a head was written in this language without translating the original (a proposal made
    in French, say), so the original has something to take over.
    """

    entity: Mapped[str]
    eid: Mapped[str]
    field: Mapped[str]
    lang: Mapped[str]
    plan_id: Mapped[str]
    node_id: Mapped[str | None]
    value: Mapped[str]
    translates: Mapped[str]
    proposal: Mapped[bool]


# --- reference data ----------------------------------------------------------------------


@_table(
    "frameworks",
    _column("id", String(40), primary_key=True),
    _column("title", Text),
    _column("short", String(40)),
    _column("source", Text, default=""),
)
class Framework:
    id: Mapped[str]
    title: Mapped[str]
    short: Mapped[str]
    source: Mapped[str]


@_table(
    "framework_goals",
    _column("framework_id", String(40), ForeignKey("frameworks.id"), primary_key=True),
    _column("code", String(16), primary_key=True),
    _column("title", Text),
    _column("ordinal", Integer, default=0),
)
class FrameworkGoal:
    framework_id: Mapped[str]
    code: Mapped[str]
    title: Mapped[str]
    ordinal: Mapped[int]


@_table(
    "framework_targets",
    _column("framework_id", String(40), ForeignKey("frameworks.id"), primary_key=True),
    _column("code", String(16), primary_key=True),
    _column("goal_code", String(16)),
    _column("title", Text),
    _column("summary", Text, default=""),
    _column("ordinal", Integer, default=0),
)
class FrameworkTarget:
    framework_id: Mapped[str]
    code: Mapped[str]
    goal_code: Mapped[str]
    title: Mapped[str]
    summary: Mapped[str]
    ordinal: Mapped[int]


@_table(
    "framework_texts",
    _column("framework_id", String(40), ForeignKey("frameworks.id"), primary_key=True),
    _column("lang", String(8), primary_key=True),
    _column("kind", String(16), primary_key=True),
    _column("code", String(16), primary_key=True),
    _column("title", Text),
    _column("summary", Text, default=""),
)
class FrameworkText:
    """A framework's title (kind "framework": title and short name), a goal's or a target's
    title and summary in another language than English, as its file gives them."""

    framework_id: Mapped[str]
    lang: Mapped[str]
    kind: Mapped[str]  # framework | goal | target
    code: Mapped[str]  # "" for the framework
    title: Mapped[str]
    summary: Mapped[str]


# --- local bookkeeping -------------------------------------------------------------------


@_table(
    "meta",
    _column("key", String(64), primary_key=True),
    _column("value", Text),
)
class Meta:
    """Per-store settings: replica id, profile, signing key, clock."""

    key: Mapped[str]
    value: Mapped[str]


@_table(
    "peers",
    _column("replica", String(32), primary_key=True),
    _column("name", String(200), default=""),
    _column("party", String(200), default=""),
    _column("region", String(100), default=""),
    _column("role", String(40), default=""),
    _column("public_key", String(100), default=""),
    _column("pinned", Boolean, default=False),
    _column("last_seen", String(40), default=""),
)
class Peer:
    """Another site this store has exchanged bundles with, and its signing key."""

    replica: Mapped[str]
    name: Mapped[str]
    party: Mapped[str]
    region: Mapped[str]
    role: Mapped[str]
    public_key: Mapped[str]
    pinned: Mapped[bool]
    last_seen: Mapped[str]


@_table(
    "peer_holdings",
    _column("replica", String(32), ForeignKey("peers.replica"), primary_key=True),
    _column("plan_id", String(36), primary_key=True),
    _column("vector", Text, default="{}"),
)
class PeerHolding:
    """What a peer is known to hold of a plan, as a version vector (JSON replica -> seq)."""

    replica: Mapped[str]
    plan_id: Mapped[str]
    vector: Mapped[str]


@_table(
    "named_drafts",
    _column("id", String(36), primary_key=True),
    _column("plan_id", String(36), index=True),
    _column("name", Text),
    _column("symbol", Text, default=""),
    _column("date", String(40), default=""),
    _column("arrival", Integer, default=0),
    _column("heads", Text, default="{}"),
    _column("meta", Text, default="{}", server_default="{}"),
    _column("options", Text, default="{}", server_default="{}"),
)
class NamedDraft:
    """A named snapshot of a plan (for example "Consultation draft 2")."""

    id: Mapped[str]
    plan_id: Mapped[str]
    name: Mapped[str]
    symbol: Mapped[str]
    date: Mapped[str]
    arrival: Mapped[int]  # last change arrival included
    heads: Mapped[str]  # JSON: field key -> head versions
    meta: Mapped[str]  # JSON: the document's metadata (models/draft_meta.py), symbol/date aside
    options: Mapped[str]  # JSON: the export options last used for this draft


@_table(
    "submissions",
    _column("origin", String(64), primary_key=True),
    _column("plan_id", String(36), index=True),
    _column("kind", String(16)),
    _column("party", String(200), default=""),
    _column("region", String(100), default=""),
    _column("channel", String(40), default=""),
    _column("received", String(10)),
    _column("draft_id", String(36), default=""),
    _column("filename", Text, default=""),
    _column("sha256", String(64), default=""),
    Column("content", LargeBinary),
    _column("recorded", String(40)),
)
class Submission:
    """Something a Party sent, as received: a bundle, a Word reply, a letter or e-mail.

    Local bookkeeping (never sent): the day it was received (what a deadline is checked
    against), how, and for replies and letters the original file. ``origin`` is the
    ``Change.origin`` of the changes it brought.
    """

    origin: Mapped[str]
    plan_id: Mapped[str]
    kind: Mapped[str]  # bundle | word-reply | letter
    party: Mapped[str]
    region: Mapped[str]
    channel: Mapped[str]  # bundle, Word reply, e-mail, letter ...
    received: Mapped[str]  # YYYY-MM-DD
    draft_id: Mapped[str]  # the named draft it answers, if known
    filename: Mapped[str]
    sha256: Mapped[str]
    content: Mapped[bytes | None]  # the original file (replies and letters)
    recorded: Mapped[str]  # when this store recorded it


@_table(
    "review_marks",
    _column("change_id", String(64), primary_key=True),
    _column("reviewed_at", String(40)),
)
class ReviewMark:
    """A received change the local user has marked as reviewed."""

    change_id: Mapped[str]
    reviewed_at: Mapped[str]


@_table(
    "change_signatures",
    _column("change_id", HexText(64), primary_key=True),
    _column("signature", SignatureText(88)),
)
class ChangeSignature:
    """The Ed25519 signature of a change by its replica's key (base64 of the 64 bytes, over the
    change id; the bytes themselves in an SQLite store): kept so that a change forwarded in
    later bundles stays verifiable as its author's (:mod:`cmsdesk.sync.signing`). Changes from
    before bundle format 3.0 have none.

    In an SQLite store this is a view (migration 0015): the signature is kept in its change's
    row, and one whose change is not in the log yet (held in quarantine) waits apart and joins
    it when the change is appended, so the view shows the signatures of the log's changes.
    Change a signature by an UPDATE statement, not through a loaded row: an update of the view
    reports no row count for the ORM to check."""

    change_id: Mapped[str]
    signature: Mapped[str]


@_table(
    "quarantine",
    _column("change_id", String(64), primary_key=True),
    _column("plan_id", String(36), index=True),
    _column("replica", String(32), index=True),
    _column("seq", Integer),
    _column("version_id", String(64)),
    _column("body", Text),  # the whole change, canonical JSON (its SHA-256 is change_id)
    _column("signature", String(88), default=""),
    _column("party", String(200)),  # the Party the change claims
    _column("reason", Text),  # a code of cmsdesk.models.held_reasons
    _column("reason_args", Text, server_default="{}"),  # its arguments, JSON
    _column("origin", String(64)),  # the bundle that brought it
    _column("status", String(10), default="held"),  # held | rejected
)
class QuarantinedChange:
    """A change received but not merged into the plan: it claims a Party whose keys are
    registered, with a key that is not (:mod:`cmsdesk.sync.quarantine`). Kept until the
    Secretariat accepts the key (the change then joins the log) or rejects it (kept, marked).
    Why it is held is a code and its arguments (:mod:`cmsdesk.models.held_reasons`), told in
    each reader's language."""

    change_id: Mapped[str]
    plan_id: Mapped[str]
    replica: Mapped[str]
    seq: Mapped[int]
    version_id: Mapped[str]
    body: Mapped[str]
    signature: Mapped[str]
    party: Mapped[str]
    reason: Mapped[str]
    reason_args: Mapped[str]
    origin: Mapped[str]
    status: Mapped[str]


@_table(
    "retired_keys",
    _column("key", String(100), primary_key=True),
    _column("replica", String(32), index=True),
)
class RetiredKey:
    """A key an installation replaced by a rotation statement signed with it
    (:mod:`cmsdesk.sync.rotation`): changes it signed before stay verifiable."""

    key: Mapped[str]
    replica: Mapped[str]


@_table(
    "peer_drafts",
    _column("replica", String(32), primary_key=True),
    _column("draft_id", String(36), primary_key=True),
)
class PeerDraft:
    """A named draft a peer is known to hold (it sent it, or we sent it to it), so that bundles
    for it leave the draft out (:mod:`cmsdesk.sync.draft_travel`)."""

    replica: Mapped[str]
    draft_id: Mapped[str]
