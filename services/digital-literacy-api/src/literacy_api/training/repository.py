"""Every query on training records: the learner's record of a course, certificates issued once, lists in
the caller's scope, and a learner's progress in one indexed read."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from literacy_api.catalog.models import Course, TrainingClass
from literacy_api.certificates.models import Certificate
from literacy_api.database import SCHEMA
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


async def record_by_id(session: AsyncSession, record_id: uuid.UUID) -> TrainingRecord | None:
    """The record, locked for the change."""
    record: TrainingRecord | None = await session.scalar(
        select(TrainingRecord).where(TrainingRecord.id == record_id).with_for_update()
    )
    return record


async def certificate_revoked(session: AsyncSession, code: str) -> bool:
    revoked = await session.scalar(select(Certificate.revoked_at).where(Certificate.code == code))
    return revoked is not None


async def revoke_certificate(session: AsyncSession, code: str, reason: str) -> None:
    await session.execute(
        update(Certificate)
        .where(Certificate.code == code, Certificate.revoked_at.is_(None))
        .values(revoked_at=func.now(), revoked_reason=reason)
    )


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
            province_code=record.province_code,
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


PROGRESS_SQL = f"""
    SELECT l.full_name, r.course_code, c.title, r.status, r.progress, r.completed_on, cert.code,
           c.hours, c.level, c.competence_codes
    FROM {SCHEMA}.learner l
    LEFT JOIN {SCHEMA}.training_record r ON r.learner_id = l.id
    LEFT JOIN {SCHEMA}.course c ON c.code = r.course_code
    LEFT JOIN {SCHEMA}.certificate cert ON cert.record_id = r.id
    WHERE l.id = $1
    ORDER BY r.course_code
"""  # noqa: S608 - the schema is a constant, the learner is bound
"""A learner and all of their records, courses and certificates in one statement (primary key of the
learner, unique index on record (learner, course)): no rows when the learner does not exist, one row
with empty record columns when they have no records."""


async def progress_rows(connection: AsyncConnection, learner_id: uuid.UUID) -> list[Any]:
    """The hot read of `GET /v1/me/progress`: one round trip, run by the driver itself (its own
    prepared-statement cache, no ORM, no result processing: a quarter of the cost through SQLAlchemy)."""
    raw = await connection.get_raw_connection()
    driver: Any = raw.driver_connection
    return list(await driver.fetch(PROGRESS_SQL, learner_id))
