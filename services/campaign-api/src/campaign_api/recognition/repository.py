"""SQL of initiatives and commendations."""

from __future__ import annotations

import uuid
from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from campaign_api.recognition.models import Commendation, Initiative
from service_kit.pagination import PageParams, paginate


async def initiative(
    session: AsyncSession, initiative_id: uuid.UUID, *, for_update: bool = False
) -> Initiative | None:
    return await session.get(Initiative, initiative_id, with_for_update=for_update)


async def initiatives_page(
    session: AsyncSession, campaign_id: uuid.UUID, params: PageParams, *, units: Collection[str] | None
) -> tuple[list[Initiative], int]:
    """`units` limits the page to the units the caller reads; None reads every unit."""
    statement = (
        select(Initiative).where(Initiative.campaign_id == campaign_id).order_by(Initiative.submitted_at)
    )
    if units is not None:
        statement = statement.where(Initiative.unit_code.in_(list(units)))
    return await paginate(session, statement, params)


async def commendations_page(
    session: AsyncSession, campaign_id: uuid.UUID, params: PageParams
) -> tuple[list[Commendation], int]:
    statement = (
        select(Commendation)
        .where(Commendation.campaign_id == campaign_id)
        .order_by(Commendation.decided_on, Commendation.created_at, Commendation.id)
    )
    return await paginate(session, statement, params)
