"""Rules of rounds: a round scores by a published criteria set, over a period, with an optional quota."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession

from scoring_api.access import ROUND_LIST, ROUNDS
from scoring_api.criteria.repository import CriteriaSetRepository
from scoring_api.database import audit_trail
from scoring_api.rounds.models import Round
from scoring_api.rounds.repository import RoundRepository
from scoring_api.rounds.schemas import RoundAction, RoundCreate, RoundListAction, RoundOut, RoundPage
from service_kit.access import Actor
from service_kit.errors import InvalidState, field_error
from service_kit.pagination import PageParams


@dataclass
class RoundService:
    session: AsyncSession
    repository: RoundRepository = field(init=False)

    def __post_init__(self) -> None:
        self.repository = RoundRepository(self.session)

    def out(self, actor: Actor, scoring_round: Round) -> RoundOut:
        result = RoundOut.model_validate(scoring_round)
        result.allowed_actions = [RoundAction(a) for a in ROUNDS.allowed_actions(actor, scoring_round)]
        return result

    async def create(self, actor: Actor, data: RoundCreate) -> RoundOut:
        criteria_set = await CriteriaSetRepository(self.session).get(data.criteria_set_id)
        if criteria_set is None:
            raise field_error("criteria_set_id", "No such criteria set.", code="criteria_set.unknown")
        if criteria_set.status != "published":
            raise InvalidState("A round uses a published criteria set.", code="criteria_set.not_published")
        if data.period_end < data.period_start:
            raise field_error(
                "period_end", "period_end is before period_start.", code="round.ends_before_start"
            )
        scoring_round = await self.repository.add(Round(criteria_set=criteria_set, **data.model_dump()))
        await audit_trail.record(
            self.session,
            actor=actor,
            action="round.created",
            object_type="round",
            object_id=str(scoring_round.id),
        )
        return self.out(actor, scoring_round)

    async def page(self, actor: Actor, page: PageParams, *, criteria_set_id: uuid.UUID | None) -> RoundPage:
        rounds, total = await self.repository.page(page, criteria_set_id=criteria_set_id)
        return RoundPage(
            items=[self.out(actor, r) for r in rounds],
            total=total,
            allowed_actions=[RoundListAction(a) for a in ROUND_LIST.allowed_actions(actor, None)],
        )
