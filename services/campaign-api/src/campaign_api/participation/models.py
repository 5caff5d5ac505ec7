"""Participants (with their plan) and progress reports."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Index, String, Text, func
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from campaign_api.database import Base


class Participant(Base):
    """A unit enrolled in a campaign, and the implementation plan it issued (kế hoạch triển khai)."""

    __tablename__ = "participant"
    __table_args__ = (Index("ix_participant_unit_code", "unit_code"),)

    campaign_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("campaign.id", ondelete="CASCADE"), primary_key=True
    )
    unit_code: Mapped[str] = mapped_column(ForeignKey("unit.code", ondelete="RESTRICT"), primary_key=True)
    joined_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    plan_document_no: Mapped[str | None] = mapped_column(String(100))
    plan_issued_on: Mapped[date | None] = mapped_column(Date)
    plan_summary: Mapped[str | None] = mapped_column(Text)


class Report(Base):
    """A unit's progress report: values per target, narrative and evidence, reviewed by the organiser."""

    __tablename__ = "report"
    __table_args__ = (
        CheckConstraint("status IN ('submitted', 'accepted', 'returned')", name="known_status"),
        Index("ix_report_campaign_id_unit_code_status", "campaign_id", "unit_code", "status", "period_end"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    campaign_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"))
    unit_code: Mapped[str] = mapped_column(ForeignKey("unit.code", ondelete="RESTRICT"))
    period_end: Mapped[date] = mapped_column(Date)
    values: Mapped[dict[str, Any]] = mapped_column(JSONB)
    narrative: Mapped[str] = mapped_column(Text, default="")
    evidence: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, default=list)
    status: Mapped[str] = mapped_column(String(10), default="submitted")
    review_note: Mapped[str | None] = mapped_column(Text)
    submitted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
