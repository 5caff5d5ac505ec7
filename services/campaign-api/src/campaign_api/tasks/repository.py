"""SQL of the tasks inbox: what waits, read from the workflows' own tables."""

from __future__ import annotations

import uuid
from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from campaign_api.campaigns.models import Campaign, Phase
from campaign_api.participation.models import Participant, Report
from campaign_api.recognition.models import CouncilSession, CouncilVote, Dossier, Registration


async def open_phases(session: AsyncSession) -> list[tuple[Campaign, Phase]]:
    """The phases of movements in draft or active, with their campaign."""
    rows = await session.execute(
        select(Campaign, Phase)
        .join(Phase, Phase.campaign_id == Campaign.id)
        .where(Campaign.status.in_(["draft", "active"]))
        .order_by(Campaign.code, Phase.starts_on)
    )
    return [(c, p) for c, p in rows]


async def participants(session: AsyncSession, campaign_ids: Collection[uuid.UUID]) -> list[Participant]:
    if not campaign_ids:
        return []
    return list(
        (
            await session.execute(select(Participant).where(Participant.campaign_id.in_(list(campaign_ids))))
        ).scalars()
    )


async def reports(session: AsyncSession, campaign_ids: Collection[uuid.UUID]) -> list[Report]:
    if not campaign_ids:
        return []
    return list(
        (await session.execute(select(Report).where(Report.campaign_id.in_(list(campaign_ids))))).scalars()
    )


async def campaigns_by_id(session: AsyncSession, ids: Collection[uuid.UUID]) -> dict[uuid.UUID, Campaign]:
    if not ids:
        return {}
    rows = await session.execute(select(Campaign).where(Campaign.id.in_(list(ids))))
    return {c.id: c for c in rows.scalars()}


async def waiting_registrations(session: AsyncSession) -> list[Registration]:
    return list(
        (
            await session.execute(
                select(Registration).where(Registration.status.in_(["draft", "returned", "submitted"]))
            )
        ).scalars()
    )


async def waiting_dossiers(session: AsyncSession) -> list[Dossier]:
    return list(
        (
            await session.execute(
                select(Dossier).where(
                    Dossier.status.in_(["draft", "returned", "submitted", "received", "in_review"])
                )
            )
        ).scalars()
    )


async def sessions_of_member(session: AsyncSession, member: uuid.UUID) -> list[CouncilSession]:
    return list(
        (
            await session.execute(select(CouncilSession).where(CouncilSession.members.contains([member])))
        ).scalars()
    )


async def votes_of(
    session: AsyncSession, member: uuid.UUID, session_ids: Collection[uuid.UUID]
) -> list[CouncilVote]:
    if not session_ids:
        return []
    return list(
        (
            await session.execute(
                select(CouncilVote).where(
                    CouncilVote.member == member, CouncilVote.session_id.in_(list(session_ids))
                )
            )
        ).scalars()
    )


async def dossiers_by_id(session: AsyncSession, ids: Collection[uuid.UUID]) -> dict[uuid.UUID, Dossier]:
    if not ids:
        return {}
    rows = await session.execute(select(Dossier).where(Dossier.id.in_(list(ids))))
    return {d.id: d for d in rows.scalars()}
