"""Rounds of judging of a movement's initiatives, the judges' scores per criterion, the levels decided."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Numeric, String, Text, Uuid, func
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import Mapped, mapped_column

from campaign_api.database import Base


class InitiativeJudging(Base):
    __tablename__ = "initiative_judging"
    __table_args__ = (CheckConstraint("cardinality(judges) >= 1", name="has_a_judge"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    campaign_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(500))
    criteria: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, comment="[{code, title, max_points}]")
    judges: Mapped[list[uuid.UUID]] = mapped_column(ARRAY(Uuid), comment="the judges' account ids")
    created_by: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class InitiativeScore(Base):
    """One judge's points for one criterion of one initiative (the primary key: once each, then changed)."""

    __tablename__ = "initiative_score"
    __table_args__ = (CheckConstraint("points >= 0", name="points_not_negative"),)

    judging_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("initiative_judging.id", ondelete="CASCADE"), primary_key=True
    )
    initiative_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("initiative.id", ondelete="CASCADE"), primary_key=True
    )
    judge_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("account.id"), primary_key=True)
    criterion_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    points: Mapped[Decimal] = mapped_column(Numeric(7, 2))
    scored_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )


class InitiativeRecognition(Base):
    """The level the organiser decided for an initiative in a judging (its scores are locked afterwards)."""

    __tablename__ = "initiative_recognition"
    __table_args__ = (CheckConstraint("level IN ('grassroots', 'provincial', 'none')", name="known_level"),)

    judging_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("initiative_judging.id", ondelete="CASCADE"), primary_key=True
    )
    initiative_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("initiative.id", ondelete="CASCADE"), primary_key=True
    )
    level: Mapped[str] = mapped_column(String(10))
    note: Mapped[str] = mapped_column(Text, default="")
    mean_score: Mapped[Decimal | None] = mapped_column(Numeric(8, 2), comment="The mean when it was decided")
    decided_by: Mapped[str] = mapped_column(Text)
    decided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
