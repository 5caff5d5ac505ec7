"""Accounts, API clients, refresh tokens and failed logins, in the `campaign` schema."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    LargeBinary,
    String,
    Text,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column

from campaign_api.database import Base


class Account(Base):
    """A person who signs in: an official (by username) or a learner (by national ID, kept only as a keyed hash)."""

    __tablename__ = "account"
    __table_args__ = (
        CheckConstraint("(username IS NULL) <> (national_id_hash IS NULL)", name="one_login_name"),
        CheckConstraint("version >= 1", name="version_positive"),
        CheckConstraint("sex IS NULL OR sex IN ('female', 'male')", name="known_sex"),
        Index("ix_account_version_changed_at", "version_changed_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    username: Mapped[str | None] = mapped_column(String(64), unique=True)
    national_id_hash: Mapped[bytes | None] = mapped_column(LargeBinary(32), unique=True)
    password_hash: Mapped[str] = mapped_column(Text)
    full_name: Mapped[str] = mapped_column(String(200))
    roles: Mapped[list[str]] = mapped_column(ARRAY(Text))
    unit_codes: Mapped[list[str]] = mapped_column(ARRAY(Text))
    learner_id: Mapped[uuid.UUID | None] = mapped_column(unique=True)
    active: Mapped[bool] = mapped_column(default=True)
    sex: Mapped[str | None] = mapped_column(String(6), comment="Officials, optional (report form 0605)")
    birth_date: Mapped[date | None] = mapped_column(Date, comment="Officials, optional (report form 0605)")
    version: Mapped[int] = mapped_column(
        default=1,
        server_default=text("1"),
        comment="Raised when the account is deactivated, re-roled or re-unit-coded, or its password changes; "
        "tokens carry it (claim ver) and older ones are refused",
    )
    version_changed_at: Mapped[datetime | None] = mapped_column(
        DateTime(timezone=True), comment="When version was last raised: the revocations list's window"
    )
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )


class ApiClient(Base):
    """Another system (or one of our services) calling the API with the client-credentials grant."""

    __tablename__ = "api_client"
    __table_args__ = (
        CheckConstraint("version >= 1", name="version_positive"),
        Index("ix_api_client_version_changed_at", "version_changed_at"),
    )

    client_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    secret_hash: Mapped[str] = mapped_column(Text)
    scopes: Mapped[list[str]] = mapped_column(ARRAY(Text))
    active: Mapped[bool] = mapped_column(default=True)
    version: Mapped[int] = mapped_column(
        default=1,
        server_default=text("1"),
        comment="Raised when the client is deactivated or loses a scope; its tokens carry it (claim ver) "
        "and older ones are refused",
    )
    version_changed_at: Mapped[datetime | None] = mapped_column(
        DateTime(timezone=True), comment="When version was last raised: the revocations list's window"
    )
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class RefreshToken(Base):
    """One refresh token of a family (one sign-in); used once, then replaced by the next of its family."""

    __tablename__ = "refresh_token"
    __table_args__ = (Index("ix_refresh_token_family_id", "family_id"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    family_id: Mapped[uuid.UUID]
    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"), index=True)
    secret_hash: Mapped[bytes] = mapped_column(LargeBinary(32))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class LoginFailure(Base):
    """A failed sign-in, counted per login name (and per client and source address for API clients, per
    source address for sign-ups) to lock out guessing."""

    __tablename__ = "login_failure"
    __table_args__ = (Index("ix_login_failure_login_key_failed_at", "login_key", "failed_at"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    login_key: Mapped[str] = mapped_column(Text)
    failed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
