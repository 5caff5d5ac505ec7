"""Stored xAPI statements (JSONB plus the columns the queries read) and actor links to learners."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKeyConstraint,
    Identity,
    Index,
    LargeBinary,
    PrimaryKeyConstraint,
    String,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import Mapped, mapped_column

from literacy_api.database import Base

EFFECTS = ("none", "pending", "applied", "reverted", "refused")


class XapiStatement(Base):
    """One statement as stored. `seq` is the stored order (keyset paging); `actor_key` is the actor's
    inverse functional identifier as one string; the arrays hold what `related_activities` and
    `related_agents` match. `effect` says what the statement did to a training record."""

    __tablename__ = "xapi_statement"
    __table_args__ = (
        # The LRS's province first in every key (the distribution column). `record_id` names a record without
        # a foreign key: the record lives in its learner's province, which need not be the LRS's.
        PrimaryKeyConstraint("province_code", "seq"),
        UniqueConstraint("province_code", "id"),
        CheckConstraint(
            "effect IN ('none', 'pending', 'applied', 'reverted', 'refused')", name="known_effect"
        ),
        Index("ix_xapi_statement_actor_key_seq", "actor_key", "seq"),
        Index("ix_xapi_statement_verb_id_seq", "verb_id", "seq"),
        Index("ix_xapi_statement_activity_id_seq", "activity_id", "seq"),
        Index("ix_xapi_statement_registration_seq", "registration", "seq"),
        Index("ix_xapi_statement_stored_seq", "stored", "seq"),
        Index("ix_xapi_statement_activities", "related_activities", postgresql_using="gin"),
        Index("ix_xapi_statement_agents", "related_agents", postgresql_using="gin"),
        Index(
            "ix_xapi_statement_pending_actor",
            "actor_key",
            postgresql_where=text("effect = 'pending'"),
        ),
        Index("ix_xapi_statement_province_code_seq", "province_code", "seq"),
        Index(
            "ix_xapi_statement_statement_ref",
            "statement_ref",
            postgresql_where=text("statement_ref IS NOT NULL"),
        ),
    )

    __mapper_args__ = {"primary_key": ["seq"]}  # noqa: RUF012 - SQLAlchemy's declarative attribute

    seq: Mapped[int] = mapped_column(BigInteger, Identity(always=False))
    id: Mapped[uuid.UUID]
    province_code: Mapped[str] = mapped_column(String(2), comment="the sharding key (the LRS's province)")
    statement: Mapped[dict[str, Any]] = mapped_column(JSONB)
    actor_key: Mapped[str] = mapped_column(Text)
    verb_id: Mapped[str] = mapped_column(Text)
    activity_id: Mapped[str | None] = mapped_column(Text)
    registration: Mapped[uuid.UUID | None]
    related_activities: Mapped[list[str]] = mapped_column(ARRAY(Text))
    related_agents: Mapped[list[str]] = mapped_column(ARRAY(Text))
    voided: Mapped[bool] = mapped_column(Boolean, default=False)
    voids: Mapped[uuid.UUID | None] = mapped_column(comment="the statement this one voids")
    statement_ref: Mapped[uuid.UUID | None] = mapped_column(
        comment="the statement this one's object refers to (a StatementRef): filters reach it through this"
    )
    stored: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    client_id: Mapped[str] = mapped_column(String(128))
    effect: Mapped[str] = mapped_column(String(10), default="none")
    course_code: Mapped[str | None] = mapped_column(String(32))
    record_id: Mapped[uuid.UUID | None] = mapped_column(comment="the record it applied to (no foreign key)")
    record_before: Mapped[dict[str, Any] | None] = mapped_column(
        JSONB, comment="the record's status and progress before this statement applied (null: it created it)"
    )
    record_updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ActorLink(Base):
    """An xAPI actor (an LMS account, or an e-mail's SHA-1) that is a learner of the register."""

    __tablename__ = "xapi_actor_link"
    __table_args__ = (
        # In the learner's province (the distribution column), moved with the learner.
        PrimaryKeyConstraint("province_code", "id"),
        UniqueConstraint("province_code", "actor_key"),
        ForeignKeyConstraint(
            ["province_code", "learner_id"],
            ["learner.province_code", "learner.id"],
            ondelete="CASCADE",
            onupdate="CASCADE",
        ),
        Index("ix_xapi_actor_link_learner_id", "learner_id"),
    )
    __mapper_args__ = {"primary_key": ["id"]}  # noqa: RUF012 - SQLAlchemy's declarative attribute

    id: Mapped[uuid.UUID] = mapped_column(default=uuid.uuid4)
    province_code: Mapped[str] = mapped_column(String(2), comment="the learner's (the distribution column)")
    actor_key: Mapped[str] = mapped_column(Text)
    actor_account_homepage: Mapped[str | None] = mapped_column(String(500))
    actor_account_name: Mapped[str | None] = mapped_column(String(200))
    mbox_sha1sum: Mapped[str | None] = mapped_column(String(40))
    learner_id: Mapped[uuid.UUID]
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class XapiAttachment(Base):
    """The raw content of a statement's attachment, once per SHA-2 (statements name it by `sha2`)."""

    __tablename__ = "xapi_attachment"

    sha2: Mapped[str] = mapped_column(String(128), primary_key=True)
    content_type: Mapped[str] = mapped_column(String(200))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    stored: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class XapiActivity(Base):
    """What the store knows of an activity: its definition merged from every statement about it (the language
    maps and extensions joined, the rest as last sent)."""

    __tablename__ = "xapi_activity"

    activity_id: Mapped[str] = mapped_column(Text, primary_key=True)
    definition: Mapped[dict[str, Any]] = mapped_column(JSONB)
