"""Campaigns, their phases (with milestones) and targets (KPIs)."""

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
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from campaign_api.database import Base


class Campaign(Base):
    __tablename__ = "campaign"
    __table_args__ = (
        CheckConstraint("ends_on >= starts_on", name="ends_after_start"),
        CheckConstraint("status IN ('draft', 'active', 'closed')", name="known_status"),
        CheckConstraint(
            "level IN ('national', 'ministry', 'province', 'department', 'commune')", name="known_level"
        ),
        Index("ix_campaign_status_starts_on", "status", "starts_on"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(String(500))
    title_folded: Mapped[str] = mapped_column(Text)
    level: Mapped[str] = mapped_column(String(16))
    organizer_unit_code: Mapped[str] = mapped_column(ForeignKey("unit.code", ondelete="RESTRICT"), index=True)
    parent_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("campaign.id", ondelete="RESTRICT"), index=True
    )
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(8), default="draft")
    description: Mapped[str] = mapped_column(Text, default="")
    contents: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, default=list)
    objectives: Mapped[list[str]] = mapped_column(JSONB, default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )


class Phase(Base):
    __tablename__ = "phase"
    __table_args__ = (CheckConstraint("ends_on >= starts_on", name="ends_after_start"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    campaign_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    milestones: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, default=list)


class Target(Base):
    __tablename__ = "target"
    __table_args__ = (
        UniqueConstraint("campaign_id", "code"),
        CheckConstraint("baseline <> target", name="target_differs_from_baseline"),
        CheckConstraint("measure IN ('percent', 'count', 'ratio')", name="known_measure"),
        CheckConstraint("direction IN ('increase', 'decrease')", name="known_direction"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    campaign_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(500))
    measure: Mapped[str] = mapped_column(String(8))
    baseline: Mapped[Decimal] = mapped_column(Numeric(18, 4))
    target: Mapped[Decimal] = mapped_column(Numeric(18, 4))
    direction: Mapped[str] = mapped_column(String(8))
    due_on: Mapped[date | None] = mapped_column(Date)
