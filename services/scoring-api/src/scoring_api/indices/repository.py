"""Every query on index frameworks, their values and runs."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, type_coerce
from sqlalchemy.dialects.postgresql import JSONB, insert
from sqlalchemy.ext.asyncio import AsyncSession

from scoring_api.indices.models import IndexFramework, IndexRun, IndexValue
from service_kit.pagination import PageParams, paginate

UPSERT_BATCH = 2000


@dataclass(frozen=True)
class FrameworkRepository:
    session: AsyncSession

    async def get(self, framework_id: uuid.UUID, *, for_update: bool = False) -> IndexFramework | None:
        statement = select(IndexFramework).where(IndexFramework.id == framework_id)
        if for_update:
            statement = statement.with_for_update()
        return await self.session.scalar(statement)

    async def find_by_name(self, name: str) -> IndexFramework | None:
        """The latest version of the framework of that name."""
        return await self.session.scalar(
            select(IndexFramework)
            .where(IndexFramework.name == name)
            .order_by(IndexFramework.version.desc())
            .limit(1)
        )

    async def page(self, page: PageParams) -> tuple[list[IndexFramework], int]:
        statement = select(IndexFramework).order_by(
            IndexFramework.name, IndexFramework.version.desc(), IndexFramework.id
        )
        return await paginate(self.session, statement, page)

    async def next_version(self, name: str) -> int:
        latest = await self.session.scalar(
            select(func.max(IndexFramework.version)).where(IndexFramework.name == name)
        )
        return (latest or 0) + 1

    async def add(self, framework: IndexFramework) -> IndexFramework:
        self.session.add(framework)
        await self.session.flush()
        await self.session.refresh(framework, attribute_names=["created_at"])
        return framework

    async def save(self) -> None:
        await self.session.flush()

    async def upsert_values(self, framework_id: uuid.UUID, rows: list[tuple[str, str, float]]) -> None:
        for start in range(0, len(rows), UPSERT_BATCH):
            batch = rows[start : start + UPSERT_BATCH]
            statement = insert(IndexValue).values(
                [
                    {"framework_id": framework_id, "subject_code": s, "indicator_code": i, "value": v}
                    for s, i, v in batch
                ]
            )
            await self.session.execute(
                statement.on_conflict_do_update(
                    index_elements=["framework_id", "subject_code", "indicator_code"],
                    set_={"value": statement.excluded.value, "updated_at": func.now()},
                )
            )

    async def values(self, framework_id: uuid.UUID) -> list[tuple[str, str, float]]:
        rows = await self.session.execute(
            select(IndexValue.subject_code, IndexValue.indicator_code, IndexValue.value).where(
                IndexValue.framework_id == framework_id
            )
        )
        return [(s, i, v) for s, i, v in rows.all()]

    async def count_values(self, framework_id: uuid.UUID) -> int:
        count = await self.session.scalar(
            select(func.count()).select_from(IndexValue).where(IndexValue.framework_id == framework_id)
        )
        return int(count or 0)


@dataclass(frozen=True)
class RunRepository:
    session: AsyncSession

    async def get(self, run_id: uuid.UUID, *, for_update: bool = False) -> IndexRun | None:
        statement = select(IndexRun).where(IndexRun.id == run_id)
        if for_update:
            statement = statement.with_for_update()
        return await self.session.scalar(statement)

    async def latest(
        self, framework_id: uuid.UUID, *, subjects: Sequence[str] | None = None
    ) -> IndexRun | None:
        """The framework's latest run over exactly these subjects; without them, its latest whole run (not
        one over chosen units or a manager's scope)."""
        matches = (
            ~IndexRun.inputs.has_key("partial")
            if subjects is None
            else IndexRun.inputs["subjects"] == type_coerce(list(subjects), JSONB)
        )
        return await self.session.scalar(
            select(IndexRun)
            .where(IndexRun.framework_id == framework_id, matches)
            .order_by(IndexRun.created_at.desc(), IndexRun.id.desc())
            .limit(1)
        )

    async def latest_results_by_framework_name(self, name: str) -> list[dict[str, Any]] | None:
        """The results of the latest whole run (not one over chosen units or a manager's scope) of the latest
        version of a framework named `name` that was run."""
        statement = (
            select(IndexRun.results)
            .join(IndexFramework, IndexFramework.id == IndexRun.framework_id)
            .where(IndexFramework.name == name, ~IndexRun.inputs.has_key("partial"))
            .order_by(IndexRun.created_at.desc(), IndexRun.id.desc())
            .limit(1)
        )
        results: list[dict[str, Any]] | None = await self.session.scalar(statement)
        return results

    async def page(self, page: PageParams, *, framework_id: uuid.UUID | None) -> tuple[list[IndexRun], int]:
        statement = select(IndexRun).order_by(IndexRun.created_at.desc(), IndexRun.id)
        if framework_id is not None:
            statement = statement.where(IndexRun.framework_id == framework_id)
        return await paginate(self.session, statement, page)

    async def add(self, run: IndexRun) -> IndexRun:
        self.session.add(run)
        await self.session.flush()
        await self.session.refresh(run, attribute_names=["created_at"])
        return run

    async def save(self) -> None:
        await self.session.flush()
