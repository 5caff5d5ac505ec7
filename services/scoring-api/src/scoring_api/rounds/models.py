"""The round table: one scoring of a published criteria set over a period, with its top band's quota."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Numeric, String, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from scoring_api.criteria.models import CriteriaSet
from scoring_api.database import Base


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

    # Loaded with the round by its repository (a round is read with the set it scores by).
    criteria_set: Mapped[CriteriaSet] = relationship(lazy="raise")
