"""The base of campaign-api's services: the request's session, and its audit trail with the caller's address."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from campaign_api.database import audit_trail
from service_kit.auth import Principal


@dataclass(kw_only=True)
class AuditedService:
    session: AsyncSession
    client_ip: str | None = None

    async def audit(
        self,
        actor: Principal | str,
        action: str,
        object_type: str,
        object_id: str,
        *,
        before: dict[str, Any] | None = None,
        after: dict[str, Any] | None = None,
    ) -> None:
        await audit_trail.record(
            self.session,
            actor=actor if isinstance(actor, str) else actor.subject,
            action=action,
            object_type=object_type,
            object_id=object_id,
            before=before,
            after=after,
            client_ip=self.client_ip,
        )
