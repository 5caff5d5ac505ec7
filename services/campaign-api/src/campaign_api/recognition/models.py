"""Initiatives and commendations of a campaign."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Date,
    DateTime,
    FetchedValue,
    ForeignKey,
    ForeignKeyConstraint,
    Identity,
    Integer,
    Numeric,
    PrimaryKeyConstraint,
    String,
    Text,
    UniqueConstraint,
    Uuid,
    func,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import Mapped, mapped_column

from campaign_api.database import Base


class Initiative(Base):
    __tablename__ = "initiative"
    __table_args__ = (
        CheckConstraint("status IN ('submitted', 'accepted', 'rejected')", name="known_status"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    campaign_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"), index=True)
    unit_code: Mapped[str] = mapped_column(ForeignKey("unit.code", ondelete="RESTRICT"))
    title: Mapped[str] = mapped_column(String(500))
    summary: Mapped[str] = mapped_column(Text, default="")
    authors: Mapped[list[str]] = mapped_column(ARRAY(Text))
    status: Mapped[str] = mapped_column(String(10), default="submitted")
    assessment: Mapped[str | None] = mapped_column(Text)
    submitted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    assessed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Commendation(Base):
    __tablename__ = "commendation"
    __table_args__ = (
        CheckConstraint("recipient_type IN ('unit', 'person')", name="known_recipient_type"),
        CheckConstraint("recipient_type = 'unit' OR person_name IS NOT NULL", name="person_named"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    campaign_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"), index=True)
    recipient_type: Mapped[str] = mapped_column(String(8))
    unit_code: Mapped[str] = mapped_column(ForeignKey("unit.code", ondelete="RESTRICT"))
    person_name: Mapped[str | None] = mapped_column(String(200))
    form: Mapped[str] = mapped_column(String(200))
    decision_no: Mapped[str] = mapped_column(String(100))
    decided_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class Registration(Base):
    """A unit's registration for emulation titles at the start of a year (đăng ký thi đua)."""

    __tablename__ = "registration"
    __table_args__ = (
        CheckConstraint(
            "status IN ('draft', 'submitted', 'returned', 'approved')", name="known_registration_status"
        ),
        CheckConstraint("year BETWEEN 2000 AND 2100", name="registration_year_plausible"),
        # The unit's province first in every key (docs/scale-out.md): a unit is in one province, so the
        # unique key means what it meant.
        PrimaryKeyConstraint("province_code", "id"),
        UniqueConstraint(
            "province_code", "campaign_id", "unit_code", "year", name="uq_registration_unit_year"
        ),
    )

    __mapper_args__ = {"primary_key": ["id"], "eager_defaults": True}  # noqa: RUF012 - declarative attribute

    id: Mapped[uuid.UUID] = mapped_column(default=uuid.uuid4)
    province_code: Mapped[str] = mapped_column(
        String(2),
        server_default=FetchedValue(),
        comment="the unit's province (set by the database): the distribution key",
    )
    campaign_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"), index=True)
    unit_code: Mapped[str] = mapped_column(ForeignKey("unit.code", ondelete="RESTRICT"))
    year: Mapped[int] = mapped_column(Integer)
    entries: Mapped[list[dict[str, Any]]] = mapped_column(JSONB)
    status: Mapped[str] = mapped_column(String(10), default="draft")
    note: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )


class Dossier(Base):
    """A unit's commendation dossier (hồ sơ đề nghị khen thưởng) and where it stands."""

    __tablename__ = "dossier"
    __table_args__ = (
        CheckConstraint(
            "status IN ('draft', 'submitted', 'received', 'in_review', 'council', 'approved', 'returned', "
            "'ineligible')",
            name="known_dossier_status",
        ),
        PrimaryKeyConstraint("province_code", "id"),
    )

    __mapper_args__ = {"primary_key": ["id"], "eager_defaults": True}  # noqa: RUF012 - declarative attribute

    id: Mapped[uuid.UUID] = mapped_column(default=uuid.uuid4)
    province_code: Mapped[str] = mapped_column(
        String(2),
        server_default=FetchedValue(),
        comment="the unit's province (set by the database): the distribution key",
    )
    campaign_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"), index=True)
    round_id: Mapped[uuid.UUID | None] = mapped_column(comment="scoring-api's round it was built from")
    unit_code: Mapped[str] = mapped_column(ForeignKey("unit.code", ondelete="RESTRICT"), index=True)
    title: Mapped[str] = mapped_column(String(500))
    nominees: Mapped[list[dict[str, Any]]] = mapped_column(JSONB)
    status: Mapped[str] = mapped_column(String(12), default="draft")
    assignee: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("account.id", ondelete="SET NULL"), comment="the specialist who checks it"
    )
    created_by: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )


class DossierEvent(Base):
    """One step of a dossier's history, as people read it: who (by name), what, from which state, why."""

    __tablename__ = "dossier_event"
    __table_args__ = (
        PrimaryKeyConstraint("province_code", "id"),
        ForeignKeyConstraint(
            ["province_code", "dossier_id"],
            ["dossier.province_code", "dossier.id"],
            ondelete="CASCADE",
            onupdate="CASCADE",
        ),
    )

    __mapper_args__ = {"primary_key": ["id"], "eager_defaults": True}  # noqa: RUF012 - declarative attribute

    id: Mapped[int] = mapped_column(BigInteger, Identity(always=True))
    province_code: Mapped[str] = mapped_column(
        String(2),
        server_default=FetchedValue(),
        comment="the dossier's province (set by the database): the distribution key",
    )
    dossier_id: Mapped[uuid.UUID] = mapped_column(index=True)
    occurred_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    actor: Mapped[str] = mapped_column(Text, comment="token subject")
    actor_name: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(20))
    from_status: Mapped[str | None] = mapped_column(String(12))
    to_status: Mapped[str] = mapped_column(String(12))
    reason: Mapped[str] = mapped_column(Text, default="")


class CouncilSession(Base):
    """A meeting of the Emulation and Commendation Council (Hội đồng Thi đua – Khen thưởng)."""

    __tablename__ = "council_session"
    __table_args__ = (
        CheckConstraint("quorum >= 1", name="quorum_positive"),
        CheckConstraint("threshold > 0 AND threshold <= 1", name="threshold_is_a_share"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    title: Mapped[str] = mapped_column(String(500))
    held_on: Mapped[date] = mapped_column(Date)
    members: Mapped[list[uuid.UUID]] = mapped_column(ARRAY(Uuid))
    dossier_ids: Mapped[list[uuid.UUID]] = mapped_column(ARRAY(Uuid))
    quorum: Mapped[int] = mapped_column(Integer)
    threshold: Mapped[Decimal] = mapped_column(Numeric(5, 4), comment="share of the members' votes needed")
    created_by: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class CouncilVote(Base):
    """One member's vote on one nominee: one each, held by the primary key."""

    __tablename__ = "council_vote"
    __table_args__ = (
        CheckConstraint("vote IN ('for', 'against', 'abstain')", name="known_vote"),
        PrimaryKeyConstraint("province_code", "session_id", "dossier_id", "nominee_index", "member"),
        ForeignKeyConstraint(
            ["province_code", "dossier_id"],
            ["dossier.province_code", "dossier.id"],
            ondelete="CASCADE",
            onupdate="CASCADE",
        ),
    )

    __mapper_args__ = {  # noqa: RUF012 - SQLAlchemy's declarative attribute
        "primary_key": ["session_id", "dossier_id", "nominee_index", "member"],
        "eager_defaults": True,
    }

    province_code: Mapped[str] = mapped_column(
        String(2),
        server_default=FetchedValue(),
        comment="the dossier's province (set by the database): the distribution key",
    )
    session_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("council_session.id", ondelete="CASCADE"))
    dossier_id: Mapped[uuid.UUID]
    nominee_index: Mapped[int] = mapped_column(Integer)
    member: Mapped[uuid.UUID] = mapped_column(ForeignKey("account.id", ondelete="RESTRICT"))
    vote: Mapped[str] = mapped_column(String(8))
    cast_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class AwardDecision(Base):
    """A commendation decision (quyết định khen thưởng): its number, signer and awardees; revocable."""

    __tablename__ = "award_decision"
    __table_args__ = (
        CheckConstraint("status IN ('issued', 'revoked')", name="known_decision_status"),
        CheckConstraint("(title_code IS NULL) <> (form_code IS NULL)", name="one_award"),
        CheckConstraint("status = 'issued' OR revoked_reason IS NOT NULL", name="revocation_has_reason"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    campaign_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("campaign.id", ondelete="RESTRICT"), index=True)
    session_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("council_session.id", ondelete="RESTRICT"))
    number: Mapped[str] = mapped_column(String(100), unique=True)
    signed_on: Mapped[date] = mapped_column(Date)
    signer: Mapped[str] = mapped_column(String(200))
    signer_title: Mapped[str] = mapped_column(String(200))
    issuing_body: Mapped[str] = mapped_column(String(300))
    title_code: Mapped[str | None] = mapped_column(String(64))
    form_code: Mapped[str | None] = mapped_column(String(64))
    awardees: Mapped[list[dict[str, Any]]] = mapped_column(JSONB)
    status: Mapped[str] = mapped_column(String(8), default="issued")
    revoked_reason: Mapped[str | None] = mapped_column(Text)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_by: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
