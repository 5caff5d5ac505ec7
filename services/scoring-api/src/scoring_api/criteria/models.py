"""The criteria-set table: a tree of criteria and the bands of a campaign's scoring, versioned."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, DateTime, String, UniqueConstraint, func
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from scoring_api.database import Base


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
