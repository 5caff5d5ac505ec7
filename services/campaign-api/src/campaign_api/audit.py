"""campaign-api's audit trail: logins, account and client changes, status changes."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from campaign_api.database import audit_event
from service_kit.audit import record_audit


async def audit(
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
    await record_audit(
        session,
        audit_event,
        actor=actor,
        action=action,
        object_type=object_type,
        object_id=object_id,
        before=before,
        after=after,
        client_ip=client_ip,
    )
