"""The `campaign` schema that campaign-api owns: its metadata, declarative base, audit trail and idempotency records."""

from pathlib import Path

from sqlalchemy.orm import DeclarativeBase

from service_kit.db import ServiceSchema

OWNED = ServiceSchema(
    "campaign", role="campaign_svc", alembic_ini=Path(__file__).resolve().parents[2] / "alembic.ini"
)
SCHEMA = OWNED.name
SERVICE_DATABASE = OWNED.database
metadata = OWNED.metadata
audit_trail = OWNED.audit_trail
audit_event = audit_trail.table
idempotency_keys = OWNED.idempotency_keys


class Base(DeclarativeBase):
    metadata = metadata
