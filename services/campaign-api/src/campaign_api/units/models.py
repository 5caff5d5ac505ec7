"""The `unit` table: one row per body, linked to its parent."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Index, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from campaign_api.database import Base

UNIT_KINDS = ("province", "department", "agency", "commune", "school", "enterprise", "other")


class Unit(Base):
    __tablename__ = "unit"
    __table_args__ = (
        CheckConstraint(f"kind IN ({', '.join(repr(k) for k in UNIT_KINDS)})", name="known_kind"),
        CheckConstraint("staff_count >= 0", name="staff_count_not_negative"),
        CheckConstraint("parent_code IS NULL OR parent_code <> code", name="not_own_parent"),
        Index("ix_unit_parent_code", "parent_code"),
        Index("ix_unit_province_code_cluster", "province_code", "cluster"),
    )

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    name_folded: Mapped[str] = mapped_column(Text, comment="lower-case, no diacritics: for search")
    kind: Mapped[str] = mapped_column(String(16))
    parent_code: Mapped[str | None] = mapped_column(ForeignKey("unit.code", ondelete="RESTRICT"))
    province_code: Mapped[str] = mapped_column(String(2))
    commune_code: Mapped[str | None] = mapped_column(String(5))
    cluster: Mapped[str | None] = mapped_column(String(100))
    staff_count: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )
