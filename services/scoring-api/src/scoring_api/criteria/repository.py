"""Every query on criteria sets."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from scoring_api.criteria.models import CriteriaSet
from service_kit.db import flush_or_conflict
from service_kit.errors import Conflict
from service_kit.pagination import PageParams, paginate


@dataclass(frozen=True)
class CriteriaSetRepository:
    session: AsyncSession

    async def get(self, set_id: uuid.UUID, *, for_update: bool = False) -> CriteriaSet | None:
        statement = select(CriteriaSet).where(CriteriaSet.id == set_id)
        if for_update:
            statement = statement.with_for_update()
        return await self.session.scalar(statement)

    async def page(
        self, page: PageParams, *, campaign_id: uuid.UUID | None, subject_type: str | None
    ) -> tuple[list[CriteriaSet], int]:
        statement = select(CriteriaSet).order_by(CriteriaSet.created_at.desc(), CriteriaSet.id)
        if campaign_id is not None:
            statement = statement.where(CriteriaSet.campaign_id == campaign_id)
        if subject_type is not None:
            statement = statement.where(CriteriaSet.subject_type == subject_type)
        return await paginate(self.session, statement, page)

    async def add(self, criteria_set: CriteriaSet, conflict: Conflict) -> CriteriaSet:
        """Insert a set; its (campaign, subject type, name, version) taken already is `conflict`."""
        self.session.add(criteria_set)
        await flush_or_conflict(self.session, conflict)
        await self.session.refresh(criteria_set)
        return criteria_set

    async def save(self, conflict: Conflict | None = None) -> None:
        """Write the changes; with `conflict`, a unique key taken already (a rename onto another set's
        name and version) is that 409 rather than a database error."""
        if conflict is None:
            await self.session.flush()
        else:
            await flush_or_conflict(self.session, conflict)
