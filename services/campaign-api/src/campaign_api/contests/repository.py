"""SQL of contests: the bank, rounds, participants, attempts, results and unit figures."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from campaign_api.contests.models import (
    Contest,
    ContestAttempt,
    ContestParticipant,
    ContestQuestion,
    ContestRound,
    ContestSighting,
)
from campaign_api.participation.models import Participant
from campaign_api.units.models import Unit
from service_kit.pagination import PageParams, paginate


async def contest(
    session: AsyncSession, contest_id: uuid.UUID, *, for_update: bool = False
) -> Contest | None:
    return await session.get(Contest, contest_id, with_for_update=for_update)


async def contests_page(
    session: AsyncSession, campaign_id: uuid.UUID, params: PageParams
) -> tuple[list[Contest], int]:
    statement = (
        select(Contest).where(Contest.campaign_id == campaign_id).order_by(Contest.created_at, Contest.id)
    )
    return await paginate(session, statement, params)


async def campaign_participant_units(session: AsyncSession, campaign_id: uuid.UUID) -> list[str]:
    rows = await session.scalars(
        select(Participant.unit_code)
        .where(Participant.campaign_id == campaign_id)
        .order_by(Participant.unit_code)
    )
    return list(rows)


async def units_named(session: AsyncSession, codes: Sequence[str]) -> list[Unit]:
    if not codes:
        return []
    return list(await session.scalars(select(Unit).where(Unit.code.in_(list(codes))).order_by(Unit.code)))


async def contests_of(session: AsyncSession, campaign_id: uuid.UUID) -> list[Contest]:
    """The movement's contests that have run or run now (not drafts)."""
    return list(
        await session.scalars(
            select(Contest)
            .where(Contest.campaign_id == campaign_id, Contest.status != "draft")
            .order_by(Contest.created_at, Contest.id)
        )
    )


# --- questions ---------------------------------------------------------------------------------------


async def question(
    session: AsyncSession, question_id: uuid.UUID, *, for_update: bool = False
) -> ContestQuestion | None:
    """A question, also one removed from the bank (its callers say 404 for it after asking the policy)."""
    return await session.get(ContestQuestion, question_id, with_for_update=for_update)


async def questions_page(
    session: AsyncSession, contest_id: uuid.UUID, params: PageParams, *, topic: str | None
) -> tuple[list[ContestQuestion], int]:
    statement = (
        select(ContestQuestion)
        .where(ContestQuestion.contest_id == contest_id, ContestQuestion.deleted_at.is_(None))
        .order_by(ContestQuestion.created_at, ContestQuestion.id)
    )
    if topic is not None:
        statement = statement.where(ContestQuestion.topic == topic)
    return await paginate(session, statement, params)


async def live_question_ids(session: AsyncSession, contest_id: uuid.UUID) -> list[uuid.UUID]:
    rows = await session.scalars(
        select(ContestQuestion.id)
        .where(ContestQuestion.contest_id == contest_id, ContestQuestion.deleted_at.is_(None))
        .order_by(ContestQuestion.id)
    )
    return list(rows)


async def questions_by_id(
    session: AsyncSession, ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, ContestQuestion]:
    rows = await session.scalars(select(ContestQuestion).where(ContestQuestion.id.in_(list(ids))))
    return {q.id: q for q in rows}


# --- rounds ------------------------------------------------------------------------------------------


async def round_(
    session: AsyncSession, round_id: uuid.UUID, *, for_update: bool = False
) -> ContestRound | None:
    return await session.get(ContestRound, round_id, with_for_update=for_update)


async def rounds(session: AsyncSession, contest_id: uuid.UUID) -> list[ContestRound]:
    return list(
        await session.scalars(
            select(ContestRound).where(ContestRound.contest_id == contest_id).order_by(ContestRound.opens_at)
        )
    )


async def round_counts(
    session: AsyncSession, round_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, tuple[int, int]]:
    if not round_ids:
        return {}
    rows = await session.execute(
        select(
            ContestAttempt.round_id,
            func.count(),
            func.count(ContestAttempt.submitted_at),
        )
        .where(ContestAttempt.round_id.in_(list(round_ids)))
        .group_by(ContestAttempt.round_id)
    )
    return {round_id: (int(started), int(submitted)) for round_id, started, submitted in rows.all()}


# --- participants ------------------------------------------------------------------------------------


async def participant(session: AsyncSession, participant_id: uuid.UUID) -> ContestParticipant | None:
    return await session.get(ContestParticipant, participant_id)


async def participant_by_national_id(
    session: AsyncSession, contest_id: uuid.UUID, nid_hash: bytes
) -> ContestParticipant | None:
    return await session.scalar(
        select(ContestParticipant).where(
            ContestParticipant.contest_id == contest_id, ContestParticipant.national_id_hash == nid_hash
        )
    )


async def participant_by_account(
    session: AsyncSession, contest_id: uuid.UUID, account_id: uuid.UUID
) -> ContestParticipant | None:
    return await session.scalar(
        select(ContestParticipant).where(
            ContestParticipant.contest_id == contest_id, ContestParticipant.account_id == account_id
        )
    )


async def sightings_since(session: AsyncSession, address: bytes, since: datetime) -> int:
    return int(
        await session.scalar(
            select(func.count())
            .select_from(ContestSighting)
            .where(ContestSighting.address == address, ContestSighting.seen_at >= since)
        )
        or 0
    )


# --- attempts ----------------------------------------------------------------------------------------


async def attempt(
    session: AsyncSession, attempt_id: uuid.UUID, *, for_update: bool = False
) -> ContestAttempt | None:
    return await session.get(ContestAttempt, attempt_id, with_for_update=for_update)


async def attempts_of(session: AsyncSession, round_id: uuid.UUID, participant_id: uuid.UUID) -> int:
    return int(
        await session.scalar(
            select(func.count())
            .select_from(ContestAttempt)
            .where(ContestAttempt.round_id == round_id, ContestAttempt.participant_id == participant_id)
        )
        or 0
    )


async def attempts_started_since(
    session: AsyncSession,
    *,
    since: datetime,
    participant_id: uuid.UUID | None = None,
    address: bytes | None = None,
) -> int:
    statement = select(func.count()).select_from(ContestAttempt).where(ContestAttempt.started_at >= since)
    if participant_id is not None:
        statement = statement.where(ContestAttempt.participant_id == participant_id)
    if address is not None:
        statement = statement.where(ContestAttempt.started_from == address)
    return int(await session.scalar(statement) or 0)


async def expired_unsubmitted(
    session: AsyncSession, round_id: uuid.UUID, now: datetime
) -> list[ContestAttempt]:
    """Attempts whose deadline has passed unsubmitted: finished with the answers they saved."""
    return list(
        await session.scalars(
            select(ContestAttempt)
            .where(
                ContestAttempt.round_id == round_id,
                ContestAttempt.submitted_at.is_(None),
                ContestAttempt.deadline <= now,
            )
            .with_for_update(skip_locked=True)
        )
    )


async def mark_too_fast(session: AsyncSession, attempt_id: uuid.UUID) -> None:
    await session.execute(update(ContestAttempt).where(ContestAttempt.id == attempt_id).values(too_fast=True))


_RANKED = text(
    """
    WITH finished AS (
        SELECT a.participant_id, a.correct AS score, a.total, a.seconds, a.prediction, a.submitted_at
        FROM campaign.contest_attempt a
        WHERE a.round_id = :round_id AND a.submitted_at IS NOT NULL
    ), full_score AS (
        SELECT count(DISTINCT participant_id) AS n FROM finished WHERE score = total
    ), best AS (
        SELECT DISTINCT ON (f.participant_id)
            f.participant_id, f.score, f.seconds, f.prediction, f.submitted_at,
            abs(f.prediction - fs.n) AS prediction_error
        FROM finished f CROSS JOIN full_score fs
        ORDER BY f.participant_id, f.score DESC, abs(f.prediction - fs.n) ASC NULLS LAST,
                 f.seconds ASC, f.submitted_at ASC
    ), ranked AS (
        SELECT b.*, rank() OVER (
            ORDER BY b.score DESC, b.prediction_error ASC NULLS LAST, b.seconds ASC, b.submitted_at ASC
        ) AS rank
        FROM best b
    )
    SELECT r.rank, p.full_name, p.unit_code, r.score, r.seconds, r.prediction, r.prediction_error,
           r.submitted_at, (SELECT n FROM full_score) AS full_score_count, count(*) OVER () AS total
    FROM ranked r JOIN campaign.contest_participant p ON p.id = r.participant_id
    ORDER BY r.rank, r.submitted_at, r.participant_id
    LIMIT :limit OFFSET :offset
    """
)


async def ranked_results(
    session: AsyncSession, round_id: uuid.UUID, *, limit: int, offset: int
) -> list[dict[str, Any]]:
    rows = await session.execute(_RANKED, {"round_id": round_id, "limit": limit, "offset": offset})
    return [dict(row) for row in rows.mappings()]


async def full_score_count(session: AsyncSession, round_id: uuid.UUID) -> int:
    return int(
        await session.scalar(
            select(func.count(func.distinct(ContestAttempt.participant_id))).where(
                ContestAttempt.round_id == round_id,
                ContestAttempt.submitted_at.is_not(None),
                ContestAttempt.correct == ContestAttempt.total,
            )
        )
        or 0
    )


_UNITS = text(
    """
    WITH best AS (
        SELECT a.participant_id, a.round_id, max(a.correct) AS score
        FROM campaign.contest_attempt a
        JOIN campaign.contest_round r ON r.id = a.round_id
        WHERE r.contest_id = :contest_id AND a.submitted_at IS NOT NULL
        GROUP BY a.participant_id, a.round_id
    )
    SELECT p.unit_code, count(DISTINCT p.id) AS participants, avg(b.score)::float AS mean_score
    FROM best b JOIN campaign.contest_participant p ON p.id = b.participant_id
    GROUP BY p.unit_code
    """
)


async def unit_figures(session: AsyncSession, contest_id: uuid.UUID) -> dict[str, tuple[int, float | None]]:
    """Per unit: the participants who finished at least one attempt, and the mean of their best score of
    each round they took."""
    rows = await session.execute(_UNITS, {"contest_id": contest_id})
    return {row.unit_code: (int(row.participants), row.mean_score) for row in rows}


_TOO_FAST = text(
    """
    SELECT a.id AS attempt_id, a.participant_id, p.full_name, a.seconds
    FROM campaign.contest_attempt a
    JOIN campaign.contest_round r ON r.id = a.round_id
    JOIN campaign.contest_participant p ON p.id = a.participant_id
    WHERE r.contest_id = :contest_id AND a.too_fast
    ORDER BY a.seconds, a.id
    LIMIT 500
    """
)
_SHARED = text(
    """
    SELECT s.participant_id, p.full_name, count(DISTINCT s.address) AS addresses
    FROM campaign.contest_sighting s JOIN campaign.contest_participant p ON p.id = s.participant_id
    WHERE s.contest_id = :contest_id
    GROUP BY s.participant_id, p.full_name
    HAVING count(DISTINCT s.address) >= :threshold
    ORDER BY addresses DESC, s.participant_id
    LIMIT 500
    """
)


async def too_fast(session: AsyncSession, contest_id: uuid.UUID) -> list[Any]:
    return list((await session.execute(_TOO_FAST, {"contest_id": contest_id})).mappings())


async def shared_national_ids(session: AsyncSession, contest_id: uuid.UUID, threshold: int) -> list[Any]:
    return list(
        (await session.execute(_SHARED, {"contest_id": contest_id, "threshold": threshold})).mappings()
    )
