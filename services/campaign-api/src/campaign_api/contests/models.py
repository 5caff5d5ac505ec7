"""Contests, their question bank, rounds, participants and attempts."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    PrimaryKeyConstraint,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import Mapped, mapped_column

from campaign_api.database import Base


class Contest(Base):
    __tablename__ = "contest"
    __table_args__ = (
        CheckConstraint("status IN ('draft', 'open', 'closed')", name="known_status"),
        CheckConstraint("audience IN ('officials', 'citizens', 'all')", name="known_audience"),
        CheckConstraint("questions_per_attempt BETWEEN 1 AND 200", name="questions_bounded"),
        CheckConstraint("time_limit_seconds BETWEEN 10 AND 86400", name="time_limit_bounded"),
        CheckConstraint("attempts_per_round BETWEEN 1 AND 100", name="attempts_bounded"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    campaign_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(500))
    rules: Mapped[str] = mapped_column(Text, default="")
    audience: Mapped[str] = mapped_column(String(10), default="all")
    status: Mapped[str] = mapped_column(String(8), default="draft")
    unit_codes: Mapped[list[str] | None] = mapped_column(
        ARRAY(String(32)), comment="The units a participant may choose; NULL: the campaign's participants"
    )
    questions_per_attempt: Mapped[int] = mapped_column(SmallInteger, default=15)
    time_limit_seconds: Mapped[int] = mapped_column(Integer, default=900)
    attempts_per_round: Mapped[int] = mapped_column(SmallInteger, default=1)
    prediction_question: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )


class ContestQuestion(Base):
    __tablename__ = "contest_question"
    __table_args__ = (
        CheckConstraint("difficulty BETWEEN 1 AND 5", name="difficulty_bounded"),
        CheckConstraint("cardinality(correct_keys) >= 1", name="has_a_key"),
        Index("ix_contest_question_contest_id_live", "contest_id", postgresql_where="deleted_at IS NULL"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    contest_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contest.id", ondelete="CASCADE"))
    topic: Mapped[str] = mapped_column(String(200), default="")
    text: Mapped[str] = mapped_column(Text)
    options: Mapped[list[dict[str, str]]] = mapped_column(JSONB, comment="[{key, text}] in the bank's order")
    correct_keys: Mapped[list[str]] = mapped_column(ARRAY(String(8)))
    explanation: Mapped[str] = mapped_column(Text, default="")
    difficulty: Mapped[int] = mapped_column(SmallInteger, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    deleted_at: Mapped[datetime | None] = mapped_column(
        DateTime(timezone=True), comment="Removed from the bank; kept for the attempts that drew it"
    )


class ContestRound(Base):
    __tablename__ = "contest_round"
    __table_args__ = (
        CheckConstraint("closes_at > opens_at", name="closes_after_opening"),
        UniqueConstraint("contest_id", "no", name="uq_contest_round_contest_id_no"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    contest_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contest.id", ondelete="CASCADE"))
    no: Mapped[int] = mapped_column(SmallInteger)
    title: Mapped[str] = mapped_column(String(500))
    opens_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    closes_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class ContestParticipant(Base):
    __tablename__ = "contest_participant"
    __table_args__ = (
        # A contest's people and attempts sit together (distributed by contest_id, docs/scale-out.md): its
        # ranking is one shard, and one person is one participant of a contest whatever unit they chose.
        PrimaryKeyConstraint("contest_id", "id"),
        UniqueConstraint("contest_id", "national_id_hash", name="uq_contest_participant_national_id"),
        UniqueConstraint("contest_id", "account_id", name="uq_contest_participant_account"),
        CheckConstraint("(national_id_hash IS NULL) <> (account_id IS NULL)", name="registered_or_signed_in"),
    )

    __mapper_args__ = {"primary_key": ["id"]}  # noqa: RUF012 - SQLAlchemy's declarative attribute

    id: Mapped[uuid.UUID] = mapped_column(default=uuid.uuid4)
    contest_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contest.id", ondelete="CASCADE"))
    national_id_hash: Mapped[bytes | None] = mapped_column(LargeBinary, comment="keyed hash; never the ID")
    account_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"))
    full_name: Mapped[str] = mapped_column(String(200))
    date_of_birth: Mapped[date | None] = mapped_column(Date)
    phone_encrypted: Mapped[bytes | None] = mapped_column(LargeBinary, comment="AES-GCM (reference_data)")
    unit_code: Mapped[str] = mapped_column(ForeignKey("unit.code", ondelete="RESTRICT"))
    registered_from: Mapped[bytes] = mapped_column(LargeBinary, comment="keyed hash of the source address")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class ContestAttempt(Base):
    __tablename__ = "contest_attempt"
    __table_args__ = (
        CheckConstraint("attempt_no BETWEEN 1 AND max_attempts", name="within_attempts_per_round"),
        PrimaryKeyConstraint("contest_id", "id"),
        UniqueConstraint(
            "contest_id",
            "round_id",
            "participant_id",
            "attempt_no",
            name="uq_contest_attempt_round_participant_no",
        ),
        ForeignKeyConstraint(
            ["contest_id", "participant_id"],
            ["contest_participant.contest_id", "contest_participant.id"],
            ondelete="CASCADE",
            name="fk_contest_attempt_participant_id_contest_participant",
        ),
        Index("ix_contest_attempt_participant_id", "participant_id"),
    )

    __mapper_args__ = {"primary_key": ["id"]}  # noqa: RUF012 - SQLAlchemy's declarative attribute

    id: Mapped[uuid.UUID] = mapped_column(default=uuid.uuid4)
    contest_id: Mapped[uuid.UUID] = mapped_column(comment="the participant's contest (the distribution key)")
    round_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contest_round.id", ondelete="CASCADE"))
    participant_id: Mapped[uuid.UUID]
    attempt_no: Mapped[int] = mapped_column(SmallInteger)
    max_attempts: Mapped[int] = mapped_column(SmallInteger, comment="attempts_per_round when it started")
    seed: Mapped[int] = mapped_column(BigInteger)
    draw: Mapped[list[dict[str, Any]]] = mapped_column(
        JSONB, comment="[{question_id, option_keys}] in the order shown"
    )
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    deadline: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    answers: Mapped[dict[str, list[str]]] = mapped_column(JSONB, default=dict)
    prediction: Mapped[int | None] = mapped_column(Integer)
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    correct: Mapped[int | None] = mapped_column(SmallInteger)
    total: Mapped[int] = mapped_column(SmallInteger)
    seconds: Mapped[int | None] = mapped_column(Integer)
    started_from: Mapped[bytes] = mapped_column(LargeBinary, comment="keyed hash of the source address")
    too_fast: Mapped[bool] = mapped_column(Boolean, default=False)


class ContestSighting(Base):
    """A registration seen from an address (a keyed hash of it): the per-address rate limit, and the flag
    for one national ID registered from many addresses."""

    __tablename__ = "contest_sighting"
    __table_args__ = (
        PrimaryKeyConstraint("contest_id", "id"),
        ForeignKeyConstraint(
            ["contest_id", "participant_id"],
            ["contest_participant.contest_id", "contest_participant.id"],
            ondelete="CASCADE",
            name="fk_contest_sighting_participant_id_contest_participant",
        ),
        Index("ix_contest_sighting_address_seen_at", "address", "seen_at"),
    )

    __mapper_args__ = {"primary_key": ["id"]}  # noqa: RUF012 - SQLAlchemy's declarative attribute

    id: Mapped[int] = mapped_column(BigInteger, autoincrement=True)
    contest_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contest.id", ondelete="CASCADE"))
    participant_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    address: Mapped[bytes] = mapped_column(LargeBinary)
    seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
