"""The base of campaign-api's services: the request's session and its audit trail (the kit takes the
caller's address from the request context)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from campaign_api.database import audit_trail
from service_kit.access import Actor
from service_kit.auth import Principal


@dataclass(kw_only=True)
class AuditedService:
    session: AsyncSession

    async def audit(
        self,
        actor: Actor | Principal | str,
        action: str,
        object_type: str,
        object_id: str,
        *,
        before: dict[str, Any] | None = None,
        after: dict[str, Any] | None = None,
    ) -> None:
        await audit_trail.record(
            self.session,
            actor=actor,
            action=action,
            object_type=object_type,
            object_id=object_id,
            before=before,
            after=after,
        )
