"""The scorecard table: one subject's entries in a round, its workflow state and where automatic values
came from."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    PrimaryKeyConstraint,
    String,
    UniqueConstraint,
    func,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from scoring_api.database import Base


class Scorecard(Base):
    __tablename__ = "scorecard"
    __table_args__ = (
        # A round's scorecards sit together (distributed by round_id, docs/scale-out.md): its ranking, its
        # export and its workflow lists are one shard. The round is a catalogue (a reference table).
        PrimaryKeyConstraint("round_id", "id"),
        UniqueConstraint("round_id", "subject_id"),
        CheckConstraint(
            "status IN ('draft', 'submitted', 'reviewed', 'approved', 'returned')", name="known_status"
        ),
        Index("ix_scorecard_round_id_cluster", "round_id", "cluster"),
    )

    __mapper_args__ = {"primary_key": ["id"]}  # noqa: RUF012 - SQLAlchemy's declarative attribute

    id: Mapped[uuid.UUID] = mapped_column(default=uuid.uuid4)
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
