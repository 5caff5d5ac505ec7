"""Import jobs, their uploaded file (encrypted, deleted once processed) and their rejected rows."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import (
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    func,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column

from literacy_api.database import Base


class ImportJob(Base):
    __tablename__ = "import_job"
    __table_args__ = (
        CheckConstraint("status IN ('queued', 'running', 'succeeded', 'failed')", name="known_status"),
        Index("ix_import_job_status_lease_until", "status", "lease_until"),
        Index("ix_import_job_created_at", "created_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    status: Mapped[str] = mapped_column(String(10), default="queued")
    filename: Mapped[str] = mapped_column(String(255))
    size_bytes: Mapped[int] = mapped_column(Integer)
    submitted_by: Mapped[str] = mapped_column(Text)
    scope_units: Mapped[list[str] | None] = mapped_column(
        ARRAY(Text), comment="null: the whole province (admin, system)"
    )
    scope_communes: Mapped[list[str] | None] = mapped_column(ARRAY(Text))
    total_rows: Mapped[int | None] = mapped_column(Integer)
    processed_rows: Mapped[int] = mapped_column(Integer, default=0)
    inserted: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    duplicates: Mapped[int] = mapped_column(Integer, default=0)
    certificates_issued: Mapped[int] = mapped_column(Integer, default=0)
    failure: Mapped[str | None] = mapped_column(Text, comment="why a failed job failed")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    lease_until: Mapped[datetime | None] = mapped_column(
        DateTime(timezone=True), comment="a running job whose lease has passed is taken over"
    )
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ImportFileChunk(Base):
    """The uploaded file, AES-GCM encrypted in chunks (it holds national IDs in clear), until processed."""

    __tablename__ = "import_file_chunk"

    job_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("import_job.id", ondelete="CASCADE"), primary_key=True
    )
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class ImportRowError(Base):
    __tablename__ = "import_error"

    job_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("import_job.id", ondelete="CASCADE"), primary_key=True
    )
    line: Mapped[int] = mapped_column(Integer, primary_key=True)
    reason: Mapped[str] = mapped_column(Text)
