"""The learner table. Every large table carries the province code (a future distribution key)."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    Index,
    LargeBinary,
    PrimaryKeyConstraint,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column

from literacy_api.database import Base


class Learner(Base):
    __tablename__ = "learner"
    __table_args__ = (
        # The province first in every key: the distribution column of a sharded deployment (Citus). A learner
        # is still found by `id` alone (the mapper's identity); the database checks (province_code, id).
        PrimaryKeyConstraint("province_code", "id"),
        UniqueConstraint("province_code", "national_id_hash"),
        CheckConstraint("gender IN ('male', 'female', 'other')", name="known_gender"),
        CheckConstraint(
            "category IN ('cadre', 'civil_servant', 'public_employee', 'worker', 'citizen', 'student')",
            name="known_category",
        ),
        # Lists page by name within a commune, a unit or the province.
        Index("ix_learner_commune_code_full_name_folded", "commune_code", "full_name_folded", "id"),
        Index("ix_learner_unit_code", "unit_code"),
        Index("ix_learner_province_code_full_name_folded", "province_code", "full_name_folded", "id"),
    )

    __mapper_args__ = {"primary_key": ["id"]}  # noqa: RUF012 - SQLAlchemy's declarative attribute

    id: Mapped[uuid.UUID] = mapped_column(default=uuid.uuid4)
    province_code: Mapped[str] = mapped_column(String(2))
    commune_code: Mapped[str] = mapped_column(String(5))
    national_id_hash: Mapped[bytes | None] = mapped_column(LargeBinary(32), comment="HMAC; null once erased")
    national_id_encrypted: Mapped[bytes | None] = mapped_column(LargeBinary)
    national_id_masked: Mapped[str | None] = mapped_column(String(12))
    full_name: Mapped[str | None] = mapped_column(String(200))
    full_name_folded: Mapped[str] = mapped_column(Text, default="")
    date_of_birth: Mapped[date | None] = mapped_column(Date)
    birth_year: Mapped[int | None] = mapped_column(comment="kept after erasure for age statistics")
    gender: Mapped[str] = mapped_column(String(8))
    ethnicity: Mapped[str | None] = mapped_column(
        String(64), comment="sensitive: aggregated only, never listed"
    )
    category: Mapped[str] = mapped_column(String(16))
    unit_code: Mapped[str | None] = mapped_column(String(32))
    phone_encrypted: Mapped[bytes | None] = mapped_column(LargeBinary)
    erased_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )


class LearnerIdentity(Base):
    """Where a person is enrolled nationally: the keyed hash of their national ID → the one province and
    learner that hold it. The learner table's own key is per province (its distribution column first), so
    this look-up is what makes a national ID unique across provinces. Kept by the database itself
    (statement-level triggers on `learner`, `literacy_api.sql.identity`), so every writer, bulk merges
    included, keeps it; the service never writes it."""

    __tablename__ = "learner_identity"

    national_id_hash: Mapped[bytes] = mapped_column(LargeBinary(32), primary_key=True)
    province_code: Mapped[str] = mapped_column(String(2))
    learner_id: Mapped[uuid.UUID]
