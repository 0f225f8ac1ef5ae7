"""The tables of a store, as SQLAlchemy 2 typed ORM classes.

Two kinds of table live here. ``Change`` (with ``Head``) is the truth: an append-only log of
immutable edits. Everything else under "current state" is derived from that log by
:mod:`cmsdesk.models.projection` and can be rebuilt from it at any time. Reference data
(frameworks) and local bookkeeping (peers, keys, named drafts, review marks) are neither: they
belong to this installation and never travel as changes.

Every schema change goes through an Alembic migration in ``migrations/versions``.
"""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


# --- the change log ------------------------------------------------------------------------


class Change(Base):
    """One immutable edit. ``body`` holds the exact canonical JSON whose SHA-256 is ``id``.

    ``version_id`` is the id this change has in its field's version DAG: the change id for an
    ordinary edit, and a content hash for a resolution, so that two sites resolving a conflict
    the same way create the same version.
    """

    __tablename__ = "changes"

    arrival: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(64), unique=True)
    version_id: Mapped[str] = mapped_column(String(64), index=True)
    plan_id: Mapped[str] = mapped_column(String(36), index=True)
    replica: Mapped[str] = mapped_column(String(32))
    seq: Mapped[int] = mapped_column(Integer)
    op: Mapped[str] = mapped_column(String(24))
    entity: Mapped[str] = mapped_column(String(16))
    eid: Mapped[str] = mapped_column(String(120))
    field: Mapped[str] = mapped_column(String(32))
    value: Mapped[str] = mapped_column(Text)  # canonical JSON of the new value
    parents: Mapped[str] = mapped_column(Text)  # JSON list of parent version ids
    author_name: Mapped[str] = mapped_column(String(200), default="")
    author_party: Mapped[str] = mapped_column(String(200), default="")
    author_region: Mapped[str] = mapped_column(String(100), default="")
    author_role: Mapped[str] = mapped_column(String(40), default="")
    clock: Mapped[str] = mapped_column(String(40))
    body: Mapped[str] = mapped_column(Text)
    origin: Mapped[str] = mapped_column(String(64), default="local")

    __table_args__ = (
        Index("ix_changes_key", "entity", "eid", "field"),
        Index("ix_changes_plan_replica_seq", "plan_id", "replica", "seq", unique=True),
    )


class Head(Base):
    """A version of a field that no other version names as parent."""

    __tablename__ = "heads"

    entity: Mapped[str] = mapped_column(String(16), primary_key=True)
    eid: Mapped[str] = mapped_column(String(120), primary_key=True)
    field: Mapped[str] = mapped_column(String(32), primary_key=True)
    version_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    plan_id: Mapped[str] = mapped_column(String(36), index=True)


# --- current state (derived) -------------------------------------------------------------


class Plan(Base):
    __tablename__ = "plans"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    title: Mapped[str] = mapped_column(Text, default="")
    period: Mapped[str] = mapped_column(Text, default="")
    symbol: Mapped[str] = mapped_column(Text, default="")


class Node(Base):
    __tablename__ = "nodes"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    plan_id: Mapped[str] = mapped_column(ForeignKey("plans.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    parent_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    position: Mapped[str] = mapped_column(String(64), default="")
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    title: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    indicators: Mapped[str] = mapped_column(Text, default="")
    milestones: Mapped[str] = mapped_column(Text, default="")
    actors: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="draft")


class CrossReference(Base):
    """A link from a plan target to a framework target (an add-wins set element)."""

    __tablename__ = "xrefs"

    node_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    framework: Mapped[str] = mapped_column(String(40), primary_key=True)
    target: Mapped[str] = mapped_column(String(40), primary_key=True)
    plan_id: Mapped[str] = mapped_column(String(36), index=True)
    present: Mapped[bool] = mapped_column(Boolean, default=False)
    relevance: Mapped[str] = mapped_column(String(16), default="primary")
    note: Mapped[str] = mapped_column(Text, default="")


class Comment(Base):
    __tablename__ = "comments"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    plan_id: Mapped[str] = mapped_column(String(36), index=True)
    node_id: Mapped[str] = mapped_column(String(36), index=True)
    author_name: Mapped[str] = mapped_column(String(200), default="")
    author_party: Mapped[str] = mapped_column(String(200), default="")
    author_region: Mapped[str] = mapped_column(String(100), default="")
    clock: Mapped[str] = mapped_column(String(40), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)


class Conflict(Base):
    """A field whose heads could not be merged cleanly; ``alternatives`` is JSON."""

    __tablename__ = "conflicts"

    entity: Mapped[str] = mapped_column(String(16), primary_key=True)
    eid: Mapped[str] = mapped_column(String(120), primary_key=True)
    field: Mapped[str] = mapped_column(String(32), primary_key=True)
    plan_id: Mapped[str] = mapped_column(String(36), index=True)
    node_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    kind: Mapped[str] = mapped_column(String(16))  # text | value | delete
    base: Mapped[str] = mapped_column(Text, default="")
    alternatives: Mapped[str] = mapped_column(Text, default="[]")


# --- reference data ----------------------------------------------------------------------


class Framework(Base):
    __tablename__ = "frameworks"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    short: Mapped[str] = mapped_column(String(40))
    source: Mapped[str] = mapped_column(Text, default="")


class FrameworkGoal(Base):
    __tablename__ = "framework_goals"

    framework_id: Mapped[str] = mapped_column(ForeignKey("frameworks.id"), primary_key=True)
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    ordinal: Mapped[int] = mapped_column(Integer, default=0)


class FrameworkTarget(Base):
    __tablename__ = "framework_targets"

    framework_id: Mapped[str] = mapped_column(ForeignKey("frameworks.id"), primary_key=True)
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    goal_code: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text, default="")
    ordinal: Mapped[int] = mapped_column(Integer, default=0)


# --- local bookkeeping -------------------------------------------------------------------


class Meta(Base):
    """Per-store settings: replica id, profile, signing key, clock."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Peer(Base):
    """Another site this store has exchanged bundles with, and its signing key."""

    __tablename__ = "peers"

    replica: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    party: Mapped[str] = mapped_column(String(200), default="")
    region: Mapped[str] = mapped_column(String(100), default="")
    role: Mapped[str] = mapped_column(String(40), default="")
    public_key: Mapped[str] = mapped_column(String(100), default="")
    pinned: Mapped[bool] = mapped_column(Boolean, default=False)
    last_seen: Mapped[str] = mapped_column(String(40), default="")


class PeerHolding(Base):
    """What a peer is known to hold of a plan, as a version vector (JSON replica -> seq)."""

    __tablename__ = "peer_holdings"

    replica: Mapped[str] = mapped_column(ForeignKey("peers.replica"), primary_key=True)
    plan_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    vector: Mapped[str] = mapped_column(Text, default="{}")


class NamedDraft(Base):
    """A named snapshot of a plan (for example "Consultation draft 2")."""

    __tablename__ = "named_drafts"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    plan_id: Mapped[str] = mapped_column(String(36), index=True)
    name: Mapped[str] = mapped_column(Text)
    symbol: Mapped[str] = mapped_column(Text, default="")
    date: Mapped[str] = mapped_column(String(40), default="")
    arrival: Mapped[int] = mapped_column(Integer, default=0)  # last change arrival included
    heads: Mapped[str] = mapped_column(Text, default="{}")  # JSON: field key -> head versions


class ReviewMark(Base):
    """A received change the local user has marked as reviewed."""

    __tablename__ = "review_marks"

    change_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    reviewed_at: Mapped[str] = mapped_column(String(40))
