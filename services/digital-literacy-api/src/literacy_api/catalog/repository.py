"""Queries on the training offer: courses by code or title, classes by commune, course and date."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from literacy_api.catalog.models import Course, TrainingClass
from service_kit.pagination import PageParams, paginate
from service_kit.text import fold


async def course(session: AsyncSession, code: str) -> Course | None:
    return await session.get(Course, code)


async def courses(session: AsyncSession, params: PageParams, *, q: str | None) -> tuple[list[Course], int]:
    statement = select(Course).order_by(Course.code)
    for word in fold(q).split() if q else []:
        statement = statement.where(Course.title_folded.contains(word, autoescape=True))
    found, total = await paginate(session, statement, params)
    return list(found), total


async def all_courses(session: AsyncSession) -> list[Course]:
    return list(await session.scalars(select(Course).order_by(Course.code)))


async def classes(
    session: AsyncSession,
    params: PageParams,
    *,
    commune_code: str | None,
    province_code: str | None,
    course_code: str | None,
) -> tuple[list[TrainingClass], int]:
    statement = select(TrainingClass).order_by(TrainingClass.starts_on.desc(), TrainingClass.id)
    if commune_code is not None:
        statement = statement.where(TrainingClass.commune_code == commune_code)
    if province_code is not None:
        statement = statement.where(TrainingClass.province_code == province_code)
    if course_code is not None:
        statement = statement.where(TrainingClass.course_code == course_code)
    found, total = await paginate(session, statement, params)
    return list(found), total


async def refresh(session: AsyncSession, obj: Course | TrainingClass) -> None:
    await session.refresh(obj)


async def courses_meaning(session: AsyncSession, activity_ids: list[str]) -> list[str]:
    """The codes of the courses that already carry one of these xAPI activity IRIs (GIN index)."""
    if not activity_ids:
        return []
    rows = await session.scalars(
        select(Course.code).where(Course.xapi_activity_ids.overlap(activity_ids)).order_by(Course.code)
    )
    return list(rows)
