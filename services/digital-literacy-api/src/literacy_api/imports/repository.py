"""Queries of the import desk: jobs and their encrypted file chunks, lists of a submitter's jobs, the
rejected rows streamed in pages. (The background worker, `worker.py` and `merge.py`, runs its own
set-based SQL in transactions of its own.)"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Sequence
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from literacy_api.catalog.models import Course
from literacy_api.imports.models import ImportFileChunk, ImportJob, ImportRowError
from service_kit.db import Database
from service_kit.pagination import PageParams, paginate


async def get(session: AsyncSession, job_id: uuid.UUID) -> ImportJob | None:
    return await session.get(ImportJob, job_id)


async def add(session: AsyncSession, job: ImportJob) -> None:
    session.add(job)
    await session.flush()


async def add_chunk(session: AsyncSession, job_id: uuid.UUID, seq: int, data: bytes) -> None:
    await session.execute(insert(ImportFileChunk).values(job_id=job_id, seq=seq, data=data))


async def refresh(session: AsyncSession, job: ImportJob) -> None:
    await session.refresh(job)


async def jobs(
    session: AsyncSession, params: PageParams, *, submitted_by: str | None
) -> tuple[list[ImportJob], int]:
    """Recent jobs, newest first; only `submitted_by`'s when given."""
    statement = select(ImportJob).order_by(ImportJob.created_at.desc(), ImportJob.id)
    if submitted_by is not None:
        statement = statement.where(ImportJob.submitted_by == submitted_by)
    found, total = await paginate(session, statement, params)
    return list(found), total


async def courses(session: AsyncSession) -> list[tuple[str, str]]:
    return [(c.code, c.title) for c in await session.scalars(select(Course).order_by(Course.code))]


async def error_pages(database: Database, job_id: uuid.UUID) -> AsyncIterator[Sequence[Any]]:
    """The job's rejected rows (line, reason) by line, a page at a time, on a session of their own (the
    response streams after the request's transaction has ended)."""
    async with database.sessionmaker() as session:
        result = await session.stream(
            select(ImportRowError.line, ImportRowError.reason)
            .where(ImportRowError.job_id == job_id)
            .order_by(ImportRowError.line)
            .execution_options(yield_per=5_000)
        )
        async for partition in result.partitions():
            yield partition
