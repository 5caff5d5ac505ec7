"""SQL of campaigns, phases and targets."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from campaign_api.campaigns.models import Campaign, Phase, Target
from campaign_api.participation.models import Participant, Report
from service_kit.pagination import PageParams, paginate


async def get(session: AsyncSession, campaign_id: uuid.UUID, *, for_update: bool = False) -> Campaign | None:
    statement = select(Campaign).where(Campaign.id == campaign_id)
    if for_update:
        statement = statement.with_for_update()
    campaign: Campaign | None = await session.scalar(statement)
    return campaign


async def by_code(session: AsyncSession, code: str) -> Campaign | None:
    campaign: Campaign | None = await session.scalar(select(Campaign).where(Campaign.code == code))
    return campaign


def query(
    *,
    status: str | None,
    level: str | None,
    organizer_unit_code: str | None,
    parent_id: uuid.UUID | None,
    folded_words: list[str],
) -> Select[Campaign]:
    statement = select(Campaign).order_by(Campaign.starts_on.desc(), Campaign.code)
    if status is not None:
        statement = statement.where(Campaign.status == status)
    if level is not None:
        statement = statement.where(Campaign.level == level)
    if organizer_unit_code is not None:
        statement = statement.where(Campaign.organizer_unit_code == organizer_unit_code)
    if parent_id is not None:
        statement = statement.where(Campaign.parent_id == parent_id)
    for word in folded_words:
        statement = statement.where(
            Campaign.title_folded.contains(word, autoescape=True)
            | Campaign.code.icontains(word, autoescape=True)
        )
    return statement


async def page(
    session: AsyncSession, statement: Select[Campaign], params: PageParams
) -> tuple[list[Campaign], int]:
    return await paginate(session, statement, params)


async def phases(session: AsyncSession, campaign_id: uuid.UUID) -> list[Phase]:
    return list(
        await session.scalars(select(Phase).where(Phase.campaign_id == campaign_id).order_by(Phase.starts_on))
    )


async def targets(session: AsyncSession, campaign_id: uuid.UUID) -> list[Target]:
    return list(
        await session.scalars(select(Target).where(Target.campaign_id == campaign_id).order_by(Target.code))
    )


async def phase(
    session: AsyncSession, campaign_id: uuid.UUID, phase_id: uuid.UUID, *, for_update: bool = False
) -> Phase | None:
    statement = select(Phase).where(Phase.id == phase_id, Phase.campaign_id == campaign_id)
    if for_update:
        statement = statement.with_for_update()
    found: Phase | None = await session.scalar(statement)
    return found


async def target(
    session: AsyncSession, campaign_id: uuid.UUID, target_id: uuid.UUID, *, for_update: bool = False
) -> Target | None:
    statement = select(Target).where(Target.id == target_id, Target.campaign_id == campaign_id)
    if for_update:
        statement = statement.with_for_update()
    found: Target | None = await session.scalar(statement)
    return found


async def reports_within(
    session: AsyncSession, campaign_id: uuid.UUID, starts_on: date, ends_on: date
) -> int:
    """How many of the campaign's reports (in any state) cover a period ending between the two dates."""
    count = await session.scalar(
        select(func.count())
        .select_from(Report)
        .where(Report.campaign_id == campaign_id, Report.period_end.between(starts_on, ends_on))
    )
    return int(count or 0)


async def plans_filed(session: AsyncSession, campaign_id: uuid.UUID) -> int:
    """How many participants of the campaign have filed their implementation plan."""
    count = await session.scalar(
        select(func.count())
        .select_from(Participant)
        .where(Participant.campaign_id == campaign_id, Participant.plan_document_no.is_not(None))
    )
    return int(count or 0)


async def reports_measuring(session: AsyncSession, campaign_id: uuid.UUID, target_code: str) -> int:
    """How many of the campaign's reports give the target a value."""
    count = await session.scalar(
        select(func.count())
        .select_from(Report)
        .where(Report.campaign_id == campaign_id, Report.values.has_key(target_code))
    )
    return int(count or 0)


async def delete(session: AsyncSession, row: Phase | Target) -> None:
    await session.delete(row)
    await session.flush()
