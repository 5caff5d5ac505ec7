"""Certificates: issued once when a record is completed, verified by an unguessable code."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import (
    Date,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    PrimaryKeyConstraint,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from literacy_api.database import Base


class Certificate(Base):
    __tablename__ = "certificate"
    __table_args__ = (
        # Keyed within the learner's province (the distribution column), like the record it certifies.
        PrimaryKeyConstraint("province_code", "code"),
        UniqueConstraint("province_code", "record_id"),
        ForeignKeyConstraint(
            ["province_code", "record_id"],
            ["training_record.province_code", "training_record.id"],
            ondelete="RESTRICT",
            onupdate="CASCADE",
        ),
        ForeignKeyConstraint(
            ["province_code", "learner_id"],
            ["learner.province_code", "learner.id"],
            ondelete="RESTRICT",
            onupdate="CASCADE",
        ),
        Index("ix_certificate_learner_id", "learner_id"),
    )
    __mapper_args__ = {"primary_key": ["code"]}  # noqa: RUF012 - SQLAlchemy's declarative attribute

    code: Mapped[str] = mapped_column(
        String(32),
        server_default=text("literacy.new_certificate_code()"),
        comment="unguessable verification code, drawn in the database",
    )
    province_code: Mapped[str] = mapped_column(String(2), comment="the learner's (the distribution column)")
    record_id: Mapped[uuid.UUID]
    learner_id: Mapped[uuid.UUID]
    course_code: Mapped[str] = mapped_column(ForeignKey("course.code", ondelete="RESTRICT"))
    issued_on: Mapped[date] = mapped_column(Date)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_reason: Mapped[str | None] = mapped_column(Text)
