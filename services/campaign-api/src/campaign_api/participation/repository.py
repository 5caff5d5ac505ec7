"""SQL of participation: enrolments, plans, reports, and the latest accepted report per unit.

`units` limits a query to the units the caller reads (`access.filing_units`); None reads every unit.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Collection, Iterable
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.dialects.postgresql import distinct_on, insert
from sqlalchemy.ext.asyncio import AsyncSession

from campaign_api.participation.models import Participant, Report
from campaign_api.units.models import Unit
from service_kit.pagination import PageParams, paginate

Units = Collection[str] | None


def _among(column: Any, units: Units) -> list[ColumnElement[bool]]:
    """The condition that limits `column` to `units` (none when every unit is read)."""
    return [] if units is None else [column.in_(list(units))]


async def enrol(session: AsyncSession, campaign_id: uuid.UUID, unit_codes: Iterable[str]) -> list[str]:
    """Enrol the units not enrolled yet; returns the codes newly enrolled."""
    rows = [{"campaign_id": campaign_id, "unit_code": code} for code in dict.fromkeys(unit_codes)]
    result = await session.execute(
        insert(Participant).values(rows).on_conflict_do_nothing().returning(Participant.unit_code)
    )
    return list(result.scalars())


async def participant(session: AsyncSession, campaign_id: uuid.UUID, unit_code: str) -> Participant | None:
    return await session.get(Participant, (campaign_id, unit_code), with_for_update=True)


async def participating(
    session: AsyncSession, campaign_ids: list[uuid.UUID], units: Collection[str]
) -> dict[uuid.UUID, frozenset[str]]:
    """Per campaign, which of `units` take part in it."""
    rows = await session.execute(
        select(Participant.campaign_id, Participant.unit_code).where(
            Participant.campaign_id.in_(campaign_ids), Participant.unit_code.in_(list(units))
        )
    )
    found: dict[uuid.UUID, set[str]] = defaultdict(set)
    for campaign_id, unit_code in rows.all():
        found[campaign_id].add(unit_code)
    return {campaign_id: frozenset(codes) for campaign_id, codes in found.items()}


async def participants_with_units(
    session: AsyncSession, campaign_id: uuid.UUID, units: Units
) -> list[tuple[Participant, Unit]]:
    statement = (
        select(Participant, Unit)
        .join(Unit, Unit.code == Participant.unit_code)
        .where(Participant.campaign_id == campaign_id)
        .order_by(Unit.cluster.nulls_last(), Unit.code)
    )
    rows = await session.execute(statement.where(*_among(Participant.unit_code, units)))
    return [(p, u) for p, u in rows.all()]


async def last_report_dates(session: AsyncSession, campaign_id: uuid.UUID, units: Units) -> dict[str, date]:
    statement = (
        select(Report.unit_code, func.max(Report.period_end))
        .where(Report.campaign_id == campaign_id)
        .group_by(Report.unit_code)
    )
    rows = await session.execute(statement.where(*_among(Report.unit_code, units)))
    return {row[0]: row[1] for row in rows}


async def reports_page(
    session: AsyncSession,
    campaign_id: uuid.UUID,
    params: PageParams,
    *,
    units: Units,
    unit_code: str | None,
    status: str | None,
) -> tuple[list[Report], int]:
    statement = (
        select(Report)
        .where(Report.campaign_id == campaign_id)
        .order_by(Report.period_end.desc(), Report.submitted_at.desc())
    )
    if unit_code is not None:
        statement = statement.where(Report.unit_code == unit_code)
    if status is not None:
        statement = statement.where(Report.status == status)
    return await paginate(session, statement.where(*_among(Report.unit_code, units)), params)


async def report(session: AsyncSession, report_id: uuid.UUID, *, for_update: bool = False) -> Report | None:
    return await session.get(Report, report_id, with_for_update=for_update)


async def latest_accepted(
    session: AsyncSession, campaign_id: uuid.UUID, *, units: Units, unit_code: str | None
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
    return list(await session.scalars(statement.where(*_among(Report.unit_code, units))))


async def report_counts(session: AsyncSession, campaign_id: uuid.UUID, units: Units) -> dict[str, int]:
    statement = (
        select(Report.status, func.count()).where(Report.campaign_id == campaign_id).group_by(Report.status)
    )
    rows = await session.execute(statement.where(*_among(Report.unit_code, units)))
    return {row[0]: row[1] for row in rows}
