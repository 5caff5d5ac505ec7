"""Which scorecards wait on the caller: to fill and submit (the managers holding the card's unit in
their account), to review (evaluators), to approve (council members); decided by the scorecards' own
policy, so the inbox never lists what the caller could not do."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from scoring_api.access import SCORECARDS
from scoring_api.scorecards.schemas import ScorecardAction
from scoring_api.tasks import repository
from scoring_api.tasks.schemas import ScorecardTask, ScorecardTaskKind, ScorecardTasks
from service_kit.access import Actor


@dataclass(kw_only=True)
class TaskService:
    session: AsyncSession

    async def mine(self, actor: Actor) -> ScorecardTasks:
        own_units = frozenset(actor.principal.unit_codes)
        items = []
        for card, scoring_round in await repository.waiting(self.session):
            allowed = set(SCORECARDS.allowed_actions(actor, card))
            kind = None
            if ScorecardAction.SUBMIT in allowed and card.unit_code in own_units:
                kind, verb = ScorecardTaskKind.FILL, "Tự chấm điểm"
            elif ScorecardAction.REVIEW in allowed and actor.has_role("evaluator", "admin"):
                kind, verb = ScorecardTaskKind.REVIEW, "Thẩm định điểm"
            elif ScorecardAction.APPROVE in allowed and actor.has_role("council", "admin"):
                kind, verb = ScorecardTaskKind.APPROVE, "Phê duyệt điểm"
            if kind is None:
                continue
            items.append(
                ScorecardTask(
                    kind=kind,
                    title=f"{verb}: {card.subject_name} — {scoring_round.name}",
                    link=f"/scoring/scorecards/{card.id}",
                    due_on=scoring_round.period_end,
                    scorecard_id=card.id,
                )
            )
        return ScorecardTasks(items=items, total=len(items))
