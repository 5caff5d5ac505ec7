"""The tables of composite indices: frameworks (a tree in JSON), the values sent for their manual and
uploaded indicators, and runs (the matrix they computed from, their results and uncertainty)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, DateTime, Float, ForeignKey, String, func
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from scoring_api.database import Base


class IndexFramework(Base):
    __tablename__ = "index_framework"
    __table_args__ = (
        CheckConstraint("status IN ('draft', 'published')", name="known_status"),
        CheckConstraint("subject_kind IN ('commune', 'department', 'unit')", name="known_subject_kind"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(300))
    subject_kind: Mapped[str] = mapped_column(String(12))
    campaign_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    version: Mapped[int] = mapped_column(default=1)
    status: Mapped[str] = mapped_column(String(10), default="draft")
    aggregation: Mapped[str] = mapped_column(String(12), default="arithmetic")
    missing: Mapped[str] = mapped_column(String(20), default="reweight")
    outliers: Mapped[str] = mapped_column(String(12), default="winsorise")
    total_points: Mapped[float | None] = mapped_column(Float)
    nodes: Mapped[list[dict[str, Any]]] = mapped_column(JSONB)
    copied_from: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("index_framework.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class IndexValue(Base):
    """One value of a manual or uploaded indicator for one subject (the latest sent wins)."""

    __tablename__ = "index_value"

    framework_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("index_framework.id", ondelete="CASCADE"), primary_key=True
    )
    subject_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    indicator_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[float] = mapped_column(Float)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )


class IndexRun(Base):
    __tablename__ = "index_run"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    framework_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("index_framework.id", ondelete="RESTRICT"), index=True
    )
    period: Mapped[str] = mapped_column(String(32))
    previous_run_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("index_run.id", ondelete="SET NULL"))
    inputs: Mapped[dict[str, Any]] = mapped_column(
        JSONB, comment="subjects, clusters, indicator codes and the raw matrix the run computed from"
    )
    results: Mapped[list[dict[str, Any]]] = mapped_column(JSONB)
    report: Mapped[dict[str, Any]] = mapped_column(JSONB)
    uncertainty: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
