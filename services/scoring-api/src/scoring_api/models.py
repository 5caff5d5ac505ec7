"""Every table of the `scoring` schema (criteria sets, rounds, scorecards), in one place for Alembic."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Numeric,
    String,
    UniqueConstraint,
    func,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from scoring_api.database import Base, audit_event, idempotency_keys, metadata


class CriteriaSet(Base):
    __tablename__ = "criteria_set"
    __table_args__ = (
        UniqueConstraint("campaign_id", "subject_type", "name", "version"),
        CheckConstraint("subject_type IN ('collective', 'individual')", name="known_subject_type"),
        CheckConstraint("status IN ('draft', 'published')", name="known_status"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    campaign_id: Mapped[uuid.UUID] = mapped_column(index=True)
    subject_type: Mapped[str] = mapped_column(String(12))
    name: Mapped[str] = mapped_column(String(300))
    version: Mapped[int] = mapped_column(default=1)
    status: Mapped[str] = mapped_column(String(10), default="draft")
    criteria: Mapped[list[dict[str, Any]]] = mapped_column(JSONB)
    bands: Mapped[list[dict[str, Any]]] = mapped_column(JSONB)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Round(Base):
    __tablename__ = "round"
    __table_args__ = (CheckConstraint("period_end >= period_start", name="ends_after_start"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    criteria_set_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("criteria_set.id", ondelete="RESTRICT"), index=True
    )
    name: Mapped[str] = mapped_column(String(300))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    top_band_max_share: Mapped[Decimal | None] = mapped_column(
        Numeric(5, 4), comment="quota of the top band per cluster"
    )
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class Scorecard(Base):
    __tablename__ = "scorecard"
    __table_args__ = (
        UniqueConstraint("round_id", "subject_id"),
        CheckConstraint(
            "status IN ('draft', 'submitted', 'reviewed', 'approved', 'returned')", name="known_status"
        ),
        Index("ix_scorecard_round_id_cluster", "round_id", "cluster"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    round_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("round.id", ondelete="CASCADE"))
    subject_type: Mapped[str] = mapped_column(String(12))
    subject_id: Mapped[str] = mapped_column(String(64))
    subject_name: Mapped[str] = mapped_column(String(300))
    unit_code: Mapped[str] = mapped_column(String(32), index=True)
    cluster: Mapped[str | None] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(10), default="draft")
    entries: Mapped[dict[str, Any]] = mapped_column(
        JSONB, default=dict, comment="criterion code → scores and notes"
    )
    auto_sources: Mapped[dict[str, Any]] = mapped_column(
        JSONB, default=dict, comment="criterion code → the value used and when it was fetched"
    )
    return_reason: Mapped[str | None] = mapped_column(String(2000))
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )


__all__ = ["CriteriaSet", "Round", "Scorecard", "audit_event", "idempotency_keys", "metadata"]
