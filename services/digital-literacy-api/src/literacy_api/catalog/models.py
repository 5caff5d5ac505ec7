"""Courses and classes."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Index, Numeric, String, Text, func
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column

from literacy_api.database import Base


class Course(Base):
    __tablename__ = "course"
    __table_args__ = (
        CheckConstraint("level BETWEEN 1 AND 8", name="level_1_to_8"),
        CheckConstraint("hours > 0", name="hours_positive"),
        Index("ix_course_xapi_activity_ids", "xapi_activity_ids", postgresql_using="gin"),
    )

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    title_folded: Mapped[str] = mapped_column(Text)
    hours: Mapped[Decimal] = mapped_column(Numeric(6, 1))
    level: Mapped[int]
    competence_codes: Mapped[list[str]] = mapped_column(ARRAY(Text))
    required_for: Mapped[list[str]] = mapped_column(
        ARRAY(Text), comment="learner categories that must complete it"
    )
    xapi_activity_ids: Mapped[list[str]] = mapped_column(
        ARRAY(Text),
        server_default="{}",
        default=list,
        comment="the xAPI activity IRIs that mean this course (statements about them become its records)",
    )
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class TrainingClass(Base):
    """A class of a course at a training hub (school, community learning centre, library, cultural house…)."""

    __tablename__ = "training_class"
    __table_args__ = (
        CheckConstraint("ends_on >= starts_on", name="ends_after_start"),
        Index("ix_training_class_commune_code_starts_on", "commune_code", "starts_on"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    course_code: Mapped[str] = mapped_column(ForeignKey("course.code", ondelete="RESTRICT"), index=True)
    venue_type: Mapped[str] = mapped_column(String(32))
    venue_name: Mapped[str] = mapped_column(String(300))
    province_code: Mapped[str] = mapped_column(String(2))
    commune_code: Mapped[str] = mapped_column(String(5))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    trainer: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
