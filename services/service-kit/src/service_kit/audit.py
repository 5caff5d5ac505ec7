"""The append-only audit trail each service keeps in its own schema (who, when, what, before/after).

The table refuses UPDATE, DELETE and TRUNCATE at the database level, so no code path can rewrite history.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from alembic.operations import Operations
from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Identity,
    Index,
    MetaData,
    Table,
    Text,
    bindparam,
    cast,
    column,
    func,
    insert,
    literal,
    select,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.ext.asyncio import AsyncSession

from service_kit.access import Actor
from service_kit.auth import Principal
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


def _actor_name() -> Column[Any]:
    return Column(
        "actor_name",
        Text,
        nullable=True,
        comment="the actor's name when the act was done (the token's `name`); none for the system",
    )


def audit_table(metadata: MetaData) -> Table:
    """The audit table of the service whose (schema-bound) `metadata` is given."""
    return Table(
        AUDIT_TABLE,
        metadata,
        *_columns(),
        _actor_name(),
        Index("ix_audit_event_object", "object_type", "object_id", "occurred_at"),
        comment="Append-only audit trail",
    )


def create_audit_table(op: Operations, schema: str) -> None:
    """Migration step: the audit table as the services' first revision made it (later columns come with
    their own steps: `add_actor_name`), and the trigger that keeps it append-only."""
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


def add_actor_name(op: Operations, schema: str) -> None:
    """Migration step: the `actor_name` column on a service's existing audit table. Earlier events keep
    none: their names were not written when they happened, and history is not rewritten."""
    op.add_column(AUDIT_TABLE, _actor_name(), schema=schema)


def drop_actor_name(op: Operations, schema: str) -> None:
    op.drop_column(AUDIT_TABLE, "actor_name", schema=schema)


def actor_of(actor: str | Principal | Actor) -> tuple[str, str | None]:
    """Who acted, as the audit trail keeps it: the token subject and the name the token gave then (an API
    client's name for a client); a bare string (`system`, a self-signup) has no name."""
    if isinstance(actor, str):
        return actor, None
    principal = actor.principal if isinstance(actor, Actor) else actor
    name = principal.claims.get("name")
    return principal.subject, str(name)[:200] if name else None


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
        actor: str | Principal | Actor,
        action: str,
        object_type: str,
        object_id: str,
        before: dict[str, Any] | None = None,
        after: dict[str, Any] | None = None,
        client_ip: str | None = None,
    ) -> None:
        """Append one event in the caller's transaction (it is kept only if the change is); the actor's
        name is written as the token gives it now (`actor_of`); the client's address is the current
        request's unless given."""
        subject, name = actor_of(actor)
        await session.execute(
            insert(self.table).values(
                actor=subject,
                actor_name=name,
                action=action,
                object_type=object_type,
                object_id=object_id,
                before=before,
                after=after,
                request_id=current_request_id(),
                client_ip=client_ip if client_ip is not None else current_client_address(),
            )
        )

    async def record_many(
        self,
        session: AsyncSession,
        *,
        actor: str | Principal | Actor,
        action: str,
        object_type: str,
        events: Sequence[tuple[str, dict[str, Any] | None, dict[str, Any] | None]],
    ) -> None:
        """Append one event per `(object_id, before, after)` of `events`, all by `actor` and of `action`, in
        one statement in the caller's transaction (a bulk change audited set-based, in the given order), with the actor's name as `record` writes it."""
        if not events:
            return
        subject, name = actor_of(actor)
        ids, befores, afters = zip(*events, strict=True)
        given = (
            func.unnest(
                bindparam("object_ids", list(ids), ARRAY(Text)),
                bindparam("befores", [_json(b) for b in befores], ARRAY(Text)),
                bindparam("afters", [_json(a) for a in afters], ARRAY(Text)),
            )
            .table_valued(
                column("object_id", Text), column("before", Text), column("after", Text), with_ordinality="n"
            )
            .render_derived()
        )
        rows = select(
            literal(subject, Text),
            literal(name, Text),
            literal(action, Text),
            literal(object_type, Text),
            given.c.object_id,
            cast(given.c.before, JSONB),
            cast(given.c.after, JSONB),
            literal(current_request_id(), Text),
            literal(current_client_address(), Text),
        ).order_by(given.c.n)
        columns = [
            "actor",
            "actor_name",
            "action",
            "object_type",
            "object_id",
            "before",
            "after",
            "request_id",
            "client_ip",
        ]
        await session.execute(insert(self.table).from_select(columns, rows))


def _json(value: dict[str, Any] | None) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, separators=(",", ":"))
