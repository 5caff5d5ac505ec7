"""The documents of the learning record store (activity state, activity profile, agent profile): the bytes as
sent, their media type and ETag, keyed by kind, activity, agent, registration and the document's id."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    DateTime,
    Identity,
    Index,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from literacy_api.database import Base

KINDS = ("state", "activity_profile", "agent_profile")


class XapiDocument(Base):
    """One document. The parts of its key that a kind does not have are empty strings (so the unique key holds
    without NULLs): a state has all four, an activity profile its activity, an agent profile its agent."""

    __tablename__ = "xapi_document"
    __table_args__ = (
        CheckConstraint("kind IN ('state', 'activity_profile', 'agent_profile')", name="known_kind"),
        Index(
            "uq_xapi_document_key",
            "province_code",
            "kind",
            "activity_id",
            "agent_key",
            "registration",
            "document_id",
            unique=True,
        ),
        Index("ix_xapi_document_updated", "kind", "activity_id", "agent_key", "updated"),
    )

    province_code: Mapped[str] = mapped_column(
        String(2), primary_key=True, comment="the sharding key (the LRS's province)"
    )
    seq: Mapped[int] = mapped_column(BigInteger, Identity(always=False), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    activity_id: Mapped[str] = mapped_column(Text, comment="the activity IRI ('' for an agent profile)")
    agent_key: Mapped[str] = mapped_column(
        Text, comment="the agent's identifier ('' for an activity profile)"
    )
    registration: Mapped[str] = mapped_column(String(36), comment="a state's registration ('' for none)")
    document_id: Mapped[str] = mapped_column(Text, comment="stateId or profileId")
    content: Mapped[bytes] = mapped_column(LargeBinary)
    content_type: Mapped[str] = mapped_column(String(200))
    etag: Mapped[str] = mapped_column(String(64), comment="the SHA-1 of the content")
    updated: Mapped[datetime] = mapped_column(DateTime(timezone=True))
