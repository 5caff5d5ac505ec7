"""Training records (one per learner and course)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    CheckConstraint,
    Computed,
    Date,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Numeric,
    PrimaryKeyConstraint,
    SmallInteger,
    String,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column

from literacy_api.database import Base


class TrainingRecord(Base):
    __tablename__ = "training_record"
    __table_args__ = (
        PrimaryKeyConstraint("province_code", "id"),
        UniqueConstraint("province_code", "learner_id", "course_code"),
        # The record lives in its learner's province (kept in step when the learner moves: ON UPDATE CASCADE).
        ForeignKeyConstraint(
            ["province_code", "learner_id"],
            ["learner.province_code", "learner.id"],
            ondelete="RESTRICT",
            onupdate="CASCADE",
        ),
        CheckConstraint("status IN ('enrolled', 'in_progress', 'completed', 'failed')", name="known_status"),
        CheckConstraint("progress BETWEEN 0 AND 100", name="progress_0_to_100"),
        CheckConstraint(
            "(status = 'completed') = (completed_on IS NOT NULL)", name="completed_on_iff_completed"
        ),
        Index("ix_training_record_commune_code_status", "commune_code", "status"),
        Index("ix_training_record_class_id", "class_id"),
        Index("ix_training_record_course_code_status", "course_code", "status"),
        Index("ix_training_record_counted_on", "counted_on"),
    )

    __mapper_args__ = {"primary_key": ["id"]}  # noqa: RUF012 - SQLAlchemy's declarative attribute

    id: Mapped[uuid.UUID] = mapped_column(default=uuid.uuid4)
    learner_id: Mapped[uuid.UUID]
    course_code: Mapped[str] = mapped_column(ForeignKey("course.code", ondelete="RESTRICT"))
    class_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("training_class.id", ondelete="SET NULL"))
    province_code: Mapped[str] = mapped_column(String(2))
    commune_code: Mapped[str] = mapped_column(String(5))
    status: Mapped[str] = mapped_column(String(12))
    progress: Mapped[int] = mapped_column(SmallInteger, default=0)
    score: Mapped[Decimal | None] = mapped_column(Numeric(5, 2))
    enrolled_on: Mapped[date] = mapped_column(Date)
    completed_on: Mapped[date | None] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(64), default="api")
    counted_on: Mapped[date] = mapped_column(
        Date,
        Computed("coalesce(completed_on, enrolled_on)", persisted=True),
        comment="the date the record counts on in the statistics",
    )
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )
