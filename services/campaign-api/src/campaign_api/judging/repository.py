"""SQL of initiative judging."""

from __future__ import annotations

import uuid
from collections.abc import Collection

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from campaign_api.identity.models import Account
from campaign_api.judging.models import InitiativeJudging, InitiativeRecognition, InitiativeScore
from campaign_api.recognition.models import Initiative
from campaign_api.units.models import Unit
from service_kit.pagination import PageParams


async def judging(
    session: AsyncSession, judging_id: uuid.UUID, *, for_update: bool = False
) -> InitiativeJudging | None:
    return await session.get(InitiativeJudging, judging_id, with_for_update=for_update)


async def judgings_page(
    session: AsyncSession, campaign_id: uuid.UUID, params: PageParams
) -> tuple[list[InitiativeJudging], int]:
    query = select(InitiativeJudging).where(InitiativeJudging.campaign_id == campaign_id)
    rows = list(
        await session.scalars(
            query.order_by(InitiativeJudging.created_at.desc(), InitiativeJudging.id)
            .limit(params.limit)
            .offset(params.offset)
        )
    )
    total = int(await session.scalar(query.with_only_columns(func.count())) or 0)
    return rows, total


async def officials_named(session: AsyncSession, ids: Collection[uuid.UUID]) -> dict[uuid.UUID, str]:
    """Active officials' accounts among `ids`, with the name to show."""
    if not ids:
        return {}
    rows = await session.execute(
        select(Account.id, Account.full_name, Account.username).where(
            Account.id.in_(list(ids)), Account.active, Account.username.is_not(None)
        )
    )
    return {row.id: row.full_name or row.username or "—" for row in rows}


async def judged_initiatives(session: AsyncSession, campaign_id: uuid.UUID) -> list[tuple[Initiative, str]]:
    """The movement's initiatives still in the running (not rejected), with their unit's name."""
    rows = await session.execute(
        select(Initiative, Unit.name)
        .join(Unit, Unit.code == Initiative.unit_code)
        .where(Initiative.campaign_id == campaign_id, Initiative.status != "rejected")
        .order_by(Initiative.title, Initiative.id)
    )
    return [(row[0], row[1]) for row in rows]


async def initiative(session: AsyncSession, initiative_id: uuid.UUID) -> Initiative | None:
    return await session.get(Initiative, initiative_id)


async def put_scores(
    session: AsyncSession,
    judging_id: uuid.UUID,
    initiative_id: uuid.UUID,
    judge_id: uuid.UUID,
    points: dict[str, object],
) -> None:
    for code, value in points.items():
        statement = insert(InitiativeScore).values(
            judging_id=judging_id,
            initiative_id=initiative_id,
            judge_id=judge_id,
            criterion_code=code,
            points=value,
        )
        await session.execute(
            statement.on_conflict_do_update(
                index_elements=["judging_id", "initiative_id", "judge_id", "criterion_code"],
                set_={"points": statement.excluded.points, "scored_at": func.now()},
            )
        )


async def scores(session: AsyncSession, judging_id: uuid.UUID) -> list[InitiativeScore]:
    return list(
        await session.scalars(select(InitiativeScore).where(InitiativeScore.judging_id == judging_id))
    )


async def recognition(
    session: AsyncSession, judging_id: uuid.UUID, initiative_id: uuid.UUID
) -> InitiativeRecognition | None:
    return await session.get(InitiativeRecognition, (judging_id, initiative_id))


async def recognitions(
    session: AsyncSession, judging_id: uuid.UUID
) -> dict[uuid.UUID, InitiativeRecognition]:
    rows = await session.scalars(
        select(InitiativeRecognition).where(InitiativeRecognition.judging_id == judging_id)
    )
    return {r.initiative_id: r for r in rows}
