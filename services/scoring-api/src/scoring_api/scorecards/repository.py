"""Every query on scorecards and their audit trail."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Numeric,
    Row,
    RowMapping,
    cast,
    func,
    literal,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from scoring_api.database import SCHEMA, audit_event
from scoring_api.scorecards import scoring
from scoring_api.scorecards.models import Scorecard
from service_kit.db import flush_or_conflict
from service_kit.errors import Conflict

OBJECT_TYPE = "scorecard"
APPROVED = "approved"
CardTotal = Row[uuid.UUID, str, str, str, str | None, str, Decimal]
"""A scorecard as a ranking reads it: id, subject_id, subject_name, unit_code, cluster, status, total."""


# Per filled cell, the entry's `auto_score` merged into the entry held (its other fields kept; `||` on the
# entry, not on the whole map) and the cell's source replaced, every card in one statement.
FILL_AUTOMATIC = text(
    f"""
    WITH fill AS (
      SELECT *
      FROM unnest(CAST(:ids AS uuid[]), CAST(:codes AS text[]), CAST(:points AS text[]),
                  CAST(:values AS text[]), CAST(:sources AS text[])) AS f (id, code, points, value, source)
    ), patch AS (
      SELECT id,
             jsonb_object_agg(code, jsonb_build_object('auto_score', points)) AS entries,
             jsonb_object_agg(code, jsonb_build_object('value', value, 'source', source,
                                                       'fetched_at', CAST(:fetched_at AS text))) AS sources
      FROM fill
      GROUP BY id
    )
    UPDATE {SCHEMA}.{Scorecard.__tablename__} AS s
    SET entries = s.entries || (SELECT jsonb_object_agg(e.key, coalesce(s.entries -> e.key, '{{}}') || e.value)
                                FROM jsonb_each(patch.entries) AS e),
        auto_sources = s.auto_sources || patch.sources,
        updated_at = now()
    FROM patch
    WHERE s.id = patch.id
    """  # noqa: S608 - the table's own name, no input
)


def _score(code: str, name: str) -> ColumnElement[Decimal]:
    return cast(Scorecard.entries[code][name].astext, Numeric)


def _points(criterion: scoring.Criterion) -> ColumnElement[Decimal]:
    """A criterion's points as `scoring.score` counts them, in SQL: a leaf's effective score (reviewed, else
    automatic for an automatic method, else self-assessed, else 0 while pending), a parent's the sum of its
    children's; each capped to 0..max_points."""
    if criterion.children:
        points: ColumnElement[Decimal] = sum(
            (_points(child) for child in criterion.children[1:]), _points(criterion.children[0])
        )
    else:
        scores = [_score(criterion.code, "reviewed_score")]
        if criterion.method in scoring.AUTOMATIC_METHODS:
            scores.append(_score(criterion.code, "auto_score"))
        points = func.coalesce(*scores, _score(criterion.code, "self_score"), literal(0, Numeric))
    return func.least(func.greatest(points, literal(0, Numeric)), literal(criterion.max_points, Numeric))


def total_of(criteria: Sequence[scoring.Criterion]) -> ColumnElement[Decimal]:
    """A scorecard's total as `scoring.score` reports it (the top-level criteria's sum, rounded half-up to two
    decimals: totals are never negative, where PostgreSQL's `round` is half-up), computed by the database."""
    total = sum((_points(c) for c in criteria[1:]), _points(criteria[0]))
    return func.round(total, 2)


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

    async def totals(self, round_id: uuid.UUID, criteria: Sequence[scoring.Criterion]) -> Sequence[CardTotal]:
        """The round's scorecards as a ranking needs them (id, subject, unit, cluster, status) with their
        `total`, computed in one statement by the database."""
        statement = select(
            Scorecard.id,
            Scorecard.subject_id,
            Scorecard.subject_name,
            Scorecard.unit_code,
            Scorecard.cluster,
            Scorecard.status,
            total_of(criteria).label("total"),
        ).where(Scorecard.round_id == round_id)
        return (await self.session.execute(statement)).all()

    async def automatic_scores(self, round_id: uuid.UUID, codes: Sequence[str]) -> Sequence[Row[Any]]:
        """The round's scorecards that are not approved yet, by subject name: id, unit code and the
        `auto_score` held for each of `codes` (in that order; None when none is), without their other entries."""
        statement = (
            select(
                Scorecard.id,
                Scorecard.unit_code,
                *(Scorecard.entries[code]["auto_score"].astext for code in codes),
            )
            .where(Scorecard.round_id == round_id, Scorecard.status != APPROVED)
            .order_by(Scorecard.subject_name, Scorecard.id)
        )
        return (await self.session.execute(statement)).all()

    async def fill_automatic(
        self, fills: Sequence[tuple[uuid.UUID, str, str, str, str]], fetched_at: datetime
    ) -> None:
        """Write automatic scores in one statement: per `(scorecard id, criterion code, points, value,
        source)`, the entry's `auto_score` (its other fields kept) and where the value came from, when."""
        if not fills:
            return
        ids, codes, points, values, sources = zip(*fills, strict=True)
        await self.session.execute(
            FILL_AUTOMATIC,
            {
                "ids": list(ids),
                "codes": list(codes),
                "points": list(points),
                "values": list(values),
                "sources": list(sources),
                "fetched_at": fetched_at.isoformat(),
            },
        )

    async def subject_ids(self, round_id: uuid.UUID) -> set[str]:
        return set(
            await self.session.scalars(select(Scorecard.subject_id).where(Scorecard.round_id == round_id))
        )

    async def add_new(self, round_id: uuid.UUID, cards: Sequence[dict[str, Any]]) -> list[uuid.UUID]:
        """Insert the round's `cards` (Scorecard columns) in one statement, skipping every subject that holds
        a card in the round already (a request racing this one included); the ids of those inserted."""
        if not cards:
            return []
        statement = (
            insert(Scorecard)
            .values([{"id": uuid.uuid4(), "round_id": round_id, **card} for card in cards])
            .on_conflict_do_nothing(index_elements=[Scorecard.round_id, Scorecard.subject_id])
            .returning(Scorecard.id)
        )
        return list(await self.session.scalars(statement))

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
                audit_event.c.actor_name,
                audit_event.c.action,
                audit_event.c.before,
                audit_event.c.after,
            )
            .where(audit_event.c.object_type == OBJECT_TYPE, audit_event.c.object_id == str(scorecard_id))
            .order_by(audit_event.c.id)
        )
        return rows.mappings().all()
