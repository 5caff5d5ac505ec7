"""The append-only audit trail each service keeps in its own schema (who, when, what, before/after).

The table refuses UPDATE, DELETE and TRUNCATE at the database level, so no code path can rewrite history.
"""

from __future__ import annotations

from typing import Any

from alembic.operations import Operations
from sqlalchemy import BigInteger, Column, DateTime, Identity, Index, MetaData, Table, Text, func, insert
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import AsyncSession

from service_kit.observability import current_client_address, current_request_id

AUDIT_TABLE = "audit_event"


def _columns() -> list[Column[Any]]:
    return [
        Column("id", BigInteger, Identity(always=True), primary_key=True),
        Column("occurred_at", DateTime(timezone=True), server_default=func.now(), nullable=False),
        Column("actor", Text, nullable=False, comment="token subject, or 'system'"),
        Column("action", Text, nullable=False, comment="e.g. scorecard.submit, learner.update"),
        Column("object_type", Text, nullable=False),
        Column("object_id", Text, nullable=False),
        Column("before", JSONB, nullable=True),
        Column("after", JSONB, nullable=True),
        Column("request_id", Text, nullable=True),
        Column("client_ip", Text, nullable=True),
    ]


def audit_table(metadata: MetaData) -> Table:
    """The audit table of the service whose (schema-bound) `metadata` is given."""
    return Table(
        AUDIT_TABLE,
        metadata,
        *_columns(),
        Index("ix_audit_event_object", "object_type", "object_id", "occurred_at"),
        comment="Append-only audit trail",
    )


def create_audit_table(op: Operations, schema: str) -> None:
    """Migration step: the audit table and the trigger that keeps it append-only."""
    op.create_table(AUDIT_TABLE, *_columns(), schema=schema, comment="Append-only audit trail")
    op.create_index(
        "ix_audit_event_object", AUDIT_TABLE, ["object_type", "object_id", "occurred_at"], schema=schema
    )
    op.execute(
        f"""
        CREATE FUNCTION "{schema}".audit_event_is_append_only() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP
            USING ERRCODE = 'insufficient_privilege';
        END
        $$
        """
    )
    op.execute(
        f"""
        CREATE TRIGGER audit_event_append_only
        BEFORE UPDATE OR DELETE OR TRUNCATE ON "{schema}".{AUDIT_TABLE}
        FOR EACH STATEMENT EXECUTE FUNCTION "{schema}".audit_event_is_append_only()
        """
    )


def drop_audit_table(op: Operations, schema: str) -> None:
    op.drop_table(AUDIT_TABLE, schema=schema)
    op.execute(f'DROP FUNCTION "{schema}".audit_event_is_append_only()')


class AuditTrail:
    """The audit table of one service, to append events to."""

    def __init__(self, metadata: MetaData) -> None:
        self.table = audit_table(metadata)

    async def record(
        self,
        session: AsyncSession,
        *,
        actor: str,
        action: str,
        object_type: str,
        object_id: str,
        before: dict[str, Any] | None = None,
        after: dict[str, Any] | None = None,
        client_ip: str | None = None,
    ) -> None:
        """Append one event in the caller's transaction (it is kept only if the change is); the client's
        address is the current request's unless given."""
        await session.execute(
            insert(self.table).values(
                actor=actor,
                action=action,
                object_type=object_type,
                object_id=object_id,
                before=before,
                after=after,
                request_id=current_request_id(),
                client_ip=client_ip if client_ip is not None else current_client_address(),
            )
        )
