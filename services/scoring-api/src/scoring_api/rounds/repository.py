"""Every query on rounds; a round is always read with the criteria set it scores by."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload

from scoring_api.rounds.models import Round
from service_kit.pagination import PageParams, paginate


@dataclass(frozen=True)
class RoundRepository:
    session: AsyncSession

    async def get(self, round_id: uuid.UUID) -> Round | None:
        return await self.session.scalar(
            select(Round).where(Round.id == round_id).options(joinedload(Round.criteria_set, innerjoin=True))
        )

    async def page(self, page: PageParams, *, criteria_set_id: uuid.UUID | None) -> tuple[list[Round], int]:
        statement = (
            select(Round)
            .options(joinedload(Round.criteria_set, innerjoin=True))
            .order_by(Round.period_start.desc(), Round.id)
        )
        if criteria_set_id is not None:
            statement = statement.where(Round.criteria_set_id == criteria_set_id)
        return await paginate(self.session, statement, page)

    async def add(self, scoring_round: Round) -> Round:
        """Insert a round built with its `criteria_set` (so that it keeps it loaded)."""
        self.session.add(scoring_round)
        await self.session.flush()
        await self.session.refresh(scoring_round, attribute_names=["created_at"])
        return scoring_round
