"""SQL of participation: enrolments, plans, reports, and the latest accepted report per unit."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import date

from sqlalchemy import Select, func, select
from sqlalchemy.dialects.postgresql import distinct_on, insert
from sqlalchemy.ext.asyncio import AsyncSession

from campaign_api.participation.models import Participant, Report
from campaign_api.units.models import Unit


async def enrol(session: AsyncSession, campaign_id: uuid.UUID, unit_codes: Iterable[str]) -> list[str]:
    """Enrol the units not enrolled yet; returns the codes newly enrolled."""
    rows = [{"campaign_id": campaign_id, "unit_code": code} for code in dict.fromkeys(unit_codes)]
    result = await session.execute(
        insert(Participant).values(rows).on_conflict_do_nothing().returning(Participant.unit_code)
    )
    return list(result.scalars())


async def participant(session: AsyncSession, campaign_id: uuid.UUID, unit_code: str) -> Participant | None:
    return await session.get(Participant, (campaign_id, unit_code), with_for_update=True)


async def participants_with_units(
    session: AsyncSession, campaign_id: uuid.UUID
) -> list[tuple[Participant, Unit]]:
    rows = await session.execute(
        select(Participant, Unit)
        .join(Unit, Unit.code == Participant.unit_code)
        .where(Participant.campaign_id == campaign_id)
        .order_by(Unit.cluster.nulls_last(), Unit.code)
    )
    return [(p, u) for p, u in rows.all()]


async def last_report_dates(session: AsyncSession, campaign_id: uuid.UUID) -> dict[str, date]:
    rows = await session.execute(
        select(Report.unit_code, func.max(Report.period_end))
        .where(Report.campaign_id == campaign_id)
        .group_by(Report.unit_code)
    )
    return dict(rows.all())


def reports_query(campaign_id: uuid.UUID, *, unit_code: str | None, status: str | None) -> Select[Report]:
    statement = (
        select(Report)
        .where(Report.campaign_id == campaign_id)
        .order_by(Report.period_end.desc(), Report.submitted_at.desc())
    )
    if unit_code is not None:
        statement = statement.where(Report.unit_code == unit_code)
    if status is not None:
        statement = statement.where(Report.status == status)
    return statement


async def report(session: AsyncSession, report_id: uuid.UUID) -> Report | None:
    return await session.get(Report, report_id, with_for_update=True)


async def latest_accepted(
    session: AsyncSession, campaign_id: uuid.UUID, unit_code: str | None
) -> list[Report]:
    """Each unit's latest accepted report (by period, then by review time)."""
    statement = (
        select(Report)
        .where(Report.campaign_id == campaign_id, Report.status == "accepted")
        .order_by(Report.unit_code, Report.period_end.desc(), Report.reviewed_at.desc())
        .ext(distinct_on(Report.unit_code))
    )
    if unit_code is not None:
        statement = statement.where(Report.unit_code == unit_code)
    return list(await session.scalars(statement))


async def report_counts(session: AsyncSession, campaign_id: uuid.UUID) -> dict[str, int]:
    rows = await session.execute(
        select(Report.status, func.count()).where(Report.campaign_id == campaign_id).group_by(Report.status)
    )
    return dict(rows.all())
