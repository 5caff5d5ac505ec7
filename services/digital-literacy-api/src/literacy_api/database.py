"""The `literacy` schema that digital-literacy-api owns: its metadata, declarative base and audit table."""

from pathlib import Path

from sqlalchemy.orm import DeclarativeBase

from service_kit.audit import AuditTrail
from service_kit.db import schema_metadata
from service_kit.idempotency import idempotency_table
from service_kit.postgres import ServiceDatabase

SCHEMA = "literacy"
SERVICE_DATABASE = ServiceDatabase(
    schema=SCHEMA,
    role="literacy_svc",
    alembic_ini=Path(__file__).resolve().parents[2] / "alembic.ini",
)

metadata = schema_metadata(SCHEMA)


class Base(DeclarativeBase):
    metadata = metadata


audit_trail = AuditTrail(metadata)
audit_event = audit_trail.table
idempotency_keys = idempotency_table(metadata)
