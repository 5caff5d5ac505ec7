"""Every query on training records: the learner's record of a course, certificates issued once, lists in
the caller's scope, and a learner's progress in one indexed read."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import insert, or_, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from literacy_api.catalog.models import Course, TrainingClass
from literacy_api.certificates.models import Certificate
from literacy_api.learners.models import Learner
from literacy_api.training.models import TrainingRecord
from service_kit.access import UnitScope
from service_kit.pagination import CursorParams, keyset_paginate


async def learner(session: AsyncSession, learner_id: uuid.UUID) -> Learner | None:
    return await session.get(Learner, learner_id)


async def course(session: AsyncSession, code: str) -> Course | None:
    return await session.get(Course, code)


async def training_class(session: AsyncSession, class_id: uuid.UUID) -> TrainingClass | None:
    return await session.get(TrainingClass, class_id)


async def record_of(session: AsyncSession, learner_id: uuid.UUID, course_code: str) -> TrainingRecord | None:
    """The learner's record of the course, locked for the change."""
    record: TrainingRecord | None = await session.scalar(
        select(TrainingRecord)
        .where(TrainingRecord.learner_id == learner_id, TrainingRecord.course_code == course_code)
        .with_for_update()
    )
    return record


async def certificate_code(session: AsyncSession, record_id: uuid.UUID) -> str | None:
    code: str | None = await session.scalar(
        select(Certificate.code).where(Certificate.record_id == record_id)
    )
    return code


async def issue_certificate(session: AsyncSession, record: TrainingRecord, issued_on: date) -> str:
    # The code (80 random bits, base32 in groups of four) is drawn by the database, as imports do.
    code = await session.scalar(
        insert(Certificate)
        .values(
            record_id=record.id,
            learner_id=record.learner_id,
            course_code=record.course_code,
            issued_on=issued_on,
        )
        .returning(Certificate.code)
    )
    return str(code)


async def save(session: AsyncSession, record: TrainingRecord) -> None:
    session.add(record)
    await session.flush()


async def refresh(session: AsyncSession, record: TrainingRecord) -> None:
    await session.refresh(record)


RecordRow = tuple[TrainingRecord, str | None, str | None, datetime | None]


async def page(
    session: AsyncSession, scope: UnitScope | None, params: CursorParams, filters: dict[str, Any]
) -> tuple[list[RecordRow], str | None]:
    """Records in `scope` (None: the province), each with its learner's unit and its certificate."""
    statement = (
        select(TrainingRecord, Learner.unit_code, Certificate.code, Certificate.revoked_at)
        .join(Learner, Learner.id == TrainingRecord.learner_id)
        .outerjoin(Certificate, Certificate.record_id == TrainingRecord.id)
    )
    if scope is not None:
        statement = statement.where(
            or_(Learner.unit_code.in_(scope.units), TrainingRecord.commune_code.in_(scope.communes))
        )
    for name, value in filters.items():
        if value is not None:
            statement = statement.where(getattr(TrainingRecord, name) == value)
    return await keyset_paginate(
        session,
        cast(Any, statement),
        keys=[TrainingRecord.id],
        key_of=lambda row: (row[0].id,),
        params=params,
        scalars=False,
    )


_learner = Learner.__table__
_record = TrainingRecord.__table__
_course = Course.__table__
_certificate = Certificate.__table__

PROGRESS_QUERY = (
    select(
        _learner.c.full_name,
        _record.c.course_code,
        _course.c.title,
        _record.c.status,
        _record.c.progress,
        _record.c.completed_on,
        _certificate.c.code,
        _course.c.hours,
        _course.c.level,
        _course.c.competence_codes,
    )
    .select_from(_learner)
    .outerjoin(_record, _record.c.learner_id == _learner.c.id)
    .outerjoin(_course, _course.c.code == _record.c.course_code)
    .outerjoin(_certificate, _certificate.c.record_id == _record.c.id)
    .order_by(_record.c.course_code)
)
"""A learner and all of their records, courses and certificates in one statement (primary key of the
learner, unique index on record (learner, course)): no rows when the learner does not exist, one row
with empty record columns when they have no records."""


async def progress_rows(connection: AsyncConnection, learner_id: uuid.UUID) -> list[Any]:
    """The hot read of `GET /v1/me/progress`: one round trip, no ORM objects."""
    result = await connection.execute(PROGRESS_QUERY.where(_learner.c.id == learner_id))
    return list(result.all())
