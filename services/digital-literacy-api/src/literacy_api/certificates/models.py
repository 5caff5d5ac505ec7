"""Certificates: issued once when a record is completed, verified by an unguessable code."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from literacy_api.database import Base


class Certificate(Base):
    __tablename__ = "certificate"

    code: Mapped[str] = mapped_column(
        String(32),
        primary_key=True,
        server_default=text("literacy.new_certificate_code()"),
        comment="unguessable verification code, drawn in the database",
    )
    record_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("training_record.id", ondelete="RESTRICT"), unique=True
    )
    learner_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("learner.id", ondelete="RESTRICT"), index=True)
    course_code: Mapped[str] = mapped_column(ForeignKey("course.code", ondelete="RESTRICT"))
    issued_on: Mapped[date] = mapped_column(Date)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_reason: Mapped[str | None] = mapped_column(Text)
