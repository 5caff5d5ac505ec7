"""Queries on certificates: one by its code, with its course and learner."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from literacy_api.catalog.models import Course
from literacy_api.certificates.models import Certificate
from literacy_api.learners.models import Learner


async def with_course_and_learner(
    session: AsyncSession, code: str
) -> tuple[Certificate, Course, Learner] | None:
    row = (
        await session.execute(
            select(Certificate, Course, Learner)
            .join(Course, Course.code == Certificate.course_code)
            .join(Learner, Learner.id == Certificate.learner_id)
            .where(Certificate.code == code.upper())
        )
    ).first()
    return None if row is None else (row[0], row[1], row[2])
