"""SQL of the scorecards waiting on someone, with their rounds."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from scoring_api.rounds.models import Round
from scoring_api.scorecards.models import Scorecard

WAITING = ("draft", "returned", "submitted", "reviewed")
MOST = 500


async def waiting(session: AsyncSession) -> list[tuple[Scorecard, Round]]:
    """Scorecards someone must still act on (at most `MOST`, the oldest rounds' first)."""
    rows = await session.execute(
        select(Scorecard, Round)
        .join(Round, Round.id == Scorecard.round_id)
        .where(Scorecard.status.in_(WAITING))
        .order_by(Round.period_end, Scorecard.subject_name, Scorecard.id)
        .limit(MOST)
    )
    return [(card, scoring_round) for card, scoring_round in rows]
