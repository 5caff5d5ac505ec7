"""Every query on scorecards and their audit trail."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from sqlalchemy import RowMapping, select
from sqlalchemy.ext.asyncio import AsyncSession

from scoring_api.database import audit_event
from scoring_api.scorecards.models import Scorecard
from service_kit.db import flush_or_conflict
from service_kit.errors import Conflict

OBJECT_TYPE = "scorecard"


@dataclass(frozen=True)
class ScorecardRepository:
    session: AsyncSession

    async def get(self, scorecard_id: uuid.UUID, *, for_update: bool = False) -> Scorecard | None:
        statement = select(Scorecard).where(Scorecard.id == scorecard_id)
        if for_update:
            statement = statement.with_for_update()
        return await self.session.scalar(statement)

    async def of_round(
        self,
        round_id: uuid.UUID,
        *,
        units: Collection[str] | None = None,
        status: str | None = None,
        cluster: str | None = None,
    ) -> list[Scorecard]:
        """The round's scorecards by subject name; `units` (a manager's scope) keeps only theirs."""
        statement = select(Scorecard).where(Scorecard.round_id == round_id)
        if units is not None:
            statement = statement.where(Scorecard.unit_code.in_(sorted(units)))
        if status is not None:
            statement = statement.where(Scorecard.status == status)
        if cluster is not None:
            statement = statement.where(Scorecard.cluster == cluster)
        return list(await self.session.scalars(statement.order_by(Scorecard.subject_name, Scorecard.id)))

    async def subject_ids(self, round_id: uuid.UUID) -> set[str]:
        return set(
            await self.session.scalars(select(Scorecard.subject_id).where(Scorecard.round_id == round_id))
        )

    async def add(self, scorecard: Scorecard) -> Scorecard:
        """Insert a card; its subject holding one in the round already (a request racing this one) is a
        409 `scorecard.exists`, not a database error."""
        self.session.add(scorecard)
        await flush_or_conflict(
            self.session,
            Conflict(
                f"{scorecard.subject_id} has a scorecard in this round.",
                code="scorecard.exists",
                params={"subject_id": scorecard.subject_id},
            ),
        )
        await self.session.refresh(scorecard)
        return scorecard

    async def history(self, scorecard_id: uuid.UUID) -> Sequence[RowMapping]:
        """The card's audit events, oldest first."""
        rows = await self.session.execute(
            select(
                audit_event.c.occurred_at,
                audit_event.c.actor,
                audit_event.c.action,
                audit_event.c.before,
                audit_event.c.after,
            )
            .where(audit_event.c.object_type == OBJECT_TYPE, audit_event.c.object_id == str(scorecard_id))
            .order_by(audit_event.c.id)
        )
        return rows.mappings().all()
