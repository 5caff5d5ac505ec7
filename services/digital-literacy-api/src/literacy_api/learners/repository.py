"""Every query on learners: by id, by the national ID's keyed hash, and lists filtered by the caller's scope."""

from __future__ import annotations

import uuid

from sqlalchemy import or_, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from literacy_api.learners.models import Learner
from literacy_api.training.models import TrainingRecord
from service_kit.access import UnitScope
from service_kit.pagination import CursorParams, keyset_paginate
from service_kit.text import fold


async def get(session: AsyncSession, learner_id: uuid.UUID, *, for_update: bool = False) -> Learner | None:
    statement = select(Learner).where(Learner.id == learner_id)
    if for_update:
        statement = statement.with_for_update()
    learner: Learner | None = await session.scalar(statement)
    return learner


async def by_national_id_hash(session: AsyncSession, national_id_hash: bytes) -> Learner | None:
    learner: Learner | None = await session.scalar(
        select(Learner).where(Learner.national_id_hash == national_id_hash)
    )
    return learner


async def page(
    session: AsyncSession,
    scope: UnitScope | None,
    params: CursorParams,
    *,
    national_id_hash: bytes | None,
    commune_code: str | None,
    category: str | None,
    unit_code: str | None,
    q: str | None,
) -> tuple[list[Learner], str | None]:
    """Learners not erased, in `scope` (None: the province), by folded name."""
    statement = select(Learner).where(Learner.erased_at.is_(None))
    if scope is not None:
        statement = statement.where(
            or_(Learner.unit_code.in_(scope.units), Learner.commune_code.in_(scope.communes))
        )
    if national_id_hash is not None:
        statement = statement.where(Learner.national_id_hash == national_id_hash)
    if commune_code is not None:
        statement = statement.where(Learner.commune_code == commune_code)
    if category is not None:
        statement = statement.where(Learner.category == category)
    if unit_code is not None:
        statement = statement.where(Learner.unit_code == unit_code)
    for word in fold(q).split() if q else []:
        statement = statement.where(Learner.full_name_folded.contains(word, autoescape=True))
    return await keyset_paginate(
        session,
        statement,
        keys=[Learner.full_name_folded, Learner.id],
        key_of=lambda learner: (learner.full_name_folded, learner.id),
        params=params,
    )


async def refresh(session: AsyncSession, learner: Learner) -> None:
    await session.flush()
    await session.refresh(learner)


async def records_of(session: AsyncSession, learner_id: uuid.UUID) -> list[TrainingRecord]:
    return list(await session.scalars(select(TrainingRecord).where(TrainingRecord.learner_id == learner_id)))


FORGET_KEPT_ANSWERS = text(
    "UPDATE literacy.idempotency_key SET response_body = NULL"
    " WHERE response_body IS NOT NULL AND position(CAST(:needle AS bytea) IN response_body) > 0"
)


async def forget_kept_answers(session: AsyncSession, learner_id: uuid.UUID) -> None:
    """Drop the kept answers (Idempotency-Key) that name this learner: a replay then answers 409
    (`idempotency.shown_once`) rather than the erased details, and creates nothing."""
    await session.execute(FORGET_KEPT_ANSWERS, {"needle": str(learner_id).encode()})
