"""Rules of scorecards: who enters what in which state, the workflow, automatic criteria, totals and ranks."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from scoring_api import engine
from scoring_api.clients.campaign import CampaignClient
from scoring_api.clients.literacy import LiteracyClient
from scoring_api.criteria.schemas import bands_of, criteria_of
from scoring_api.database import audit_trail
from scoring_api.models import CriteriaSet, Round, Scorecard
from scoring_api.scorecards.schemas import (
    ComputeResult,
    EntryOut,
    IndividualScorecardIn,
    RankingItem,
    ScorecardOut,
    ScorecardPatch,
    ScorecardStatus,
)
from service_kit.auth import Principal, UnitTree, ensure_unit_access
from service_kit.errors import (
    Conflict,
    DependencyUnavailable,
    Forbidden,
    InvalidState,
    NotFound,
    ValidationFailed,
)

logger = logging.getLogger("scoring_api.scorecards")

S = ScorecardStatus
# action → (states it may start from, state it leads to, roles that may take it; "manager" acts for the unit)
WORKFLOW: dict[str, tuple[frozenset[S], S, tuple[str, ...]]] = {
    "submit": (frozenset({S.DRAFT, S.RETURNED}), S.SUBMITTED, ("manager", "admin")),
    "review": (frozenset({S.SUBMITTED}), S.REVIEWED, ("evaluator", "admin")),
    "approve": (frozenset({S.REVIEWED}), S.APPROVED, ("council", "admin")),
    "return": (frozenset({S.SUBMITTED, S.REVIEWED}), S.RETURNED, ("evaluator", "council", "admin")),
}
SELF_STATES = frozenset({S.DRAFT, S.RETURNED})
REVIEW_STATES = frozenset({S.SUBMITTED})


def _decimal(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def engine_entries(scorecard: Scorecard) -> dict[str, engine.Entry]:
    return {
        code: engine.Entry(
            self_score=_decimal(raw.get("self_score")),
            reviewed_score=_decimal(raw.get("reviewed_score")),
            auto_score=_decimal(raw.get("auto_score")),
        )
        for code, raw in scorecard.entries.items()
    }


@dataclass(frozen=True)
class Context:
    """A round with its criteria set, parsed once."""

    round: Round
    criteria_set: CriteriaSet
    criteria: tuple[engine.Criterion, ...]
    bands: tuple[engine.Band, ...]


def present(scorecard: Scorecard, context: Context) -> ScorecardOut:
    entries = engine_entries(scorecard)
    result = engine.score(context.criteria, entries)
    rows = []
    for criterion in engine.leaves(context.criteria):
        raw = scorecard.entries.get(criterion.code, {})
        rows.append(
            EntryOut(
                criterion_code=criterion.code,
                title=criterion.title,
                max_points=criterion.max_points,
                method=criterion.method.value,
                self_score=_decimal(raw.get("self_score")),
                reviewed_score=_decimal(raw.get("reviewed_score")),
                auto_score=_decimal(raw.get("auto_score")),
                effective_score=engine.effective_score(criterion, entries.get(criterion.code)),
                note=raw.get("note"),
                review_note=raw.get("review_note"),
                evidence_url=raw.get("evidence_url"),
                auto_source=scorecard.auto_sources.get(criterion.code),
            )
        )
    return ScorecardOut(
        id=scorecard.id,
        round_id=scorecard.round_id,
        subject_type=scorecard.subject_type,
        subject_id=scorecard.subject_id,
        subject_name=scorecard.subject_name,
        unit_code=scorecard.unit_code,
        cluster=scorecard.cluster,
        status=S(scorecard.status),
        entries=rows,
        total=result.total,
        band=engine.band_for(result.total, context.bands),
        pending=list(result.pending),
        return_reason=scorecard.return_reason,
        updated_at=scorecard.updated_at,
    )


@dataclass(kw_only=True)
class ScorecardService:
    session: AsyncSession
    unit_tree: UnitTree | None
    client_ip: str | None = None

    async def _audit(
        self, actor: str, action: str, scorecard_id: uuid.UUID, before: Any = None, after: Any = None
    ) -> None:
        await audit_trail.record(
            self.session,
            actor=actor,
            action=action,
            object_type="scorecard",
            object_id=str(scorecard_id),
            before=before,
            after=after,
            client_ip=self.client_ip,
        )

    async def context(self, round_id: uuid.UUID) -> Context:
        scoring_round = await self.session.get(Round, round_id)
        if scoring_round is None:
            raise NotFound(f"No round {round_id}.")
        criteria_set = await self.session.get(CriteriaSet, scoring_round.criteria_set_id)
        assert criteria_set is not None  # a round's set cannot be deleted (RESTRICT)
        return Context(
            scoring_round, criteria_set, criteria_of(criteria_set.criteria), bands_of(criteria_set.bands)
        )

    async def get(self, scorecard_id: uuid.UUID, *, for_update: bool = False) -> tuple[Scorecard, Context]:
        statement = select(Scorecard).where(Scorecard.id == scorecard_id)
        if for_update:
            statement = statement.with_for_update()
        scorecard = await self.session.scalar(statement)
        if scorecard is None:
            raise NotFound(f"No scorecard {scorecard_id}.")
        return scorecard, await self.context(scorecard.round_id)

    async def scorecards(self, round_id: uuid.UUID) -> list[Scorecard]:
        return list(
            await self.session.scalars(
                select(Scorecard).where(Scorecard.round_id == round_id).order_by(Scorecard.subject_name)
            )
        )

    async def generate(self, actor: Principal, context: Context, campaign: CampaignClient) -> list[Scorecard]:
        """One scorecard per participant of the set's campaign (collective sets); existing ones are kept."""
        if context.criteria_set.subject_type != "collective":
            raise InvalidState("Scorecards of individuals are added one by one.")
        participants = await campaign.participants(context.criteria_set.campaign_id)
        existing = {s.subject_id for s in await self.scorecards(context.round.id)}
        for participant in participants:
            if participant.unit_code in existing:
                continue
            scorecard = Scorecard(
                round_id=context.round.id,
                subject_type="collective",
                subject_id=participant.unit_code,
                subject_name=participant.unit_name,
                unit_code=participant.unit_code,
                cluster=participant.cluster,
                status=S.DRAFT.value,
                entries={},
                auto_sources={},
            )
            self.session.add(scorecard)
            await self.session.flush()
            await self._audit(actor.subject, "scorecard.created", scorecard.id, after={"status": "draft"})
        return await self.scorecards(context.round.id)

    async def add_individual(
        self, actor: Principal, context: Context, data: IndividualScorecardIn
    ) -> Scorecard:
        if context.criteria_set.subject_type != "individual":
            raise InvalidState(
                "This round scores collectives: generate their scorecards from the participants."
            )
        await ensure_unit_access(actor, data.unit_code, self.unit_tree)
        if any(s.subject_id == data.subject_id for s in await self.scorecards(context.round.id)):
            raise Conflict(f"{data.subject_id} has a scorecard in this round.")
        scorecard = Scorecard(
            round_id=context.round.id,
            subject_type="individual",
            status=S.DRAFT.value,
            entries={},
            auto_sources={},
            **data.model_dump(),
        )
        self.session.add(scorecard)
        await self.session.flush()
        await self.session.refresh(scorecard)
        await self._audit(actor.subject, "scorecard.created", scorecard.id, after={"status": "draft"})
        return scorecard

    async def _may_act_for_unit(self, actor: Principal, unit_code: str) -> None:
        await ensure_unit_access(actor, unit_code, self.unit_tree)

    async def patch(
        self, actor: Principal, scorecard: Scorecard, context: Context, data: ScorecardPatch
    ) -> Scorecard:
        status = S(scorecard.status)
        if status is S.APPROVED:
            raise InvalidState("An approved scorecard is locked.")
        leaves = {c.code: c for c in engine.leaves(context.criteria)}
        if any(e.self_fields for e in data.entries):
            if not actor.has_role("manager", "admin"):
                raise Forbidden("The self-assessment is entered by the unit's manager.")
            await self._may_act_for_unit(actor, scorecard.unit_code)
            if status not in SELF_STATES:
                raise InvalidState(
                    f"The self-assessment changes while draft or returned; this scorecard is {status.value}."
                )
        if any(e.review_fields for e in data.entries):
            if not actor.has_role("evaluator", "admin"):
                raise Forbidden("Reviewed scores are entered by an evaluator.")
            if status not in REVIEW_STATES:
                raise InvalidState(
                    f"Reviewed scores are entered while submitted; this scorecard is {status.value}."
                )
        errors = []
        for entry in data.entries:
            criterion = leaves.get(entry.criterion_code)
            if criterion is None:
                errors.append(
                    {
                        "field": f"entries.{entry.criterion_code}",
                        "message": "not a leaf criterion of this set",
                    }
                )
                continue
            for value in (entry.self_score, entry.reviewed_score):
                if value is not None:
                    try:
                        engine.validate_score(criterion, value)
                    except ValueError as problem:
                        errors.append({"field": f"entries.{entry.criterion_code}", "message": str(problem)})
        if errors:
            raise ValidationFailed("Some scores are not valid; see `errors`.", errors=errors)
        before = {code: dict(raw) for code, raw in scorecard.entries.items()}
        entries = {code: dict(raw) for code, raw in scorecard.entries.items()}
        changed: dict[str, dict[str, Any]] = {}
        for entry in data.entries:
            fields = entry.model_dump(mode="json", include=entry.self_fields | entry.review_fields)
            entries.setdefault(entry.criterion_code, {}).update(fields)
            changed[entry.criterion_code] = fields
        scorecard.entries = entries
        await self.session.flush()
        await self.session.refresh(scorecard)
        await self._audit(
            actor.subject,
            "scorecard.scored",
            scorecard.id,
            before={code: before.get(code, {}) for code in changed},
            after=changed,
        )
        return scorecard

    async def transition(
        self, actor: Principal, scorecard: Scorecard, action: str, reason: str | None = None
    ) -> Scorecard:
        sources, destination, roles = WORKFLOW[action]
        if not actor.has_role(*roles):
            raise Forbidden(f"To {action} a scorecard needs one of the roles: {', '.join(roles)}.")
        if actor.has_role("manager") and not actor.has_role(*[r for r in roles if r != "manager"]):
            await self._may_act_for_unit(actor, scorecard.unit_code)
        status = S(scorecard.status)
        if status not in sources:
            if status is S.APPROVED:
                raise InvalidState("An approved scorecard is locked.")
            raise InvalidState(f"A {status.value} scorecard cannot be {action}ed.")
        scorecard.status = destination.value
        scorecard.return_reason = reason if destination is S.RETURNED else scorecard.return_reason
        await self.session.flush()
        await self.session.refresh(scorecard)
        await self._audit(
            actor.subject,
            f"scorecard.{action}",
            scorecard.id,
            before={"status": status.value},
            after={"status": destination.value, **({"reason": reason} if reason else {})},
        )
        return scorecard

    async def compute(
        self, actor: Principal, context: Context, campaign: CampaignClient, literacy: LiteracyClient
    ) -> ComputeResult:
        """Fill automatic criteria from the other services (one call to each); what cannot be fetched stays
        pending, and a later compute fills it. Everything is written in this one transaction."""
        automatic = [c for c in engine.leaves(context.criteria) if c.method in engine.AUTOMATIC_METHODS]
        scorecards = [s for s in await self.scorecards(context.round.id) if s.status != S.APPROVED]
        unavailable: list[str] = []
        progress: dict[tuple[str, str], Decimal] | None = None
        rates: dict[str, Decimal] | None = None
        if any(c.method is engine.Method.TARGET_PROGRESS for c in automatic):
            try:
                kpis = await campaign.kpis(context.criteria_set.campaign_id)
                progress = {(k.unit_code, k.target_code): k.progress for k in kpis}
            except DependencyUnavailable:
                unavailable.append(campaign.service_name)
        if any(c.method is engine.Method.TRAINING_RATE for c in automatic):
            try:
                rates = await literacy.unit_rates([s.unit_code for s in scorecards])
            except DependencyUnavailable:
                unavailable.append(literacy.service_name)
        fetched_at = datetime.now(UTC).isoformat()
        filled = 0
        pending: dict[str, list[str]] = {}
        for scorecard in scorecards:
            entries = {code: dict(raw) for code, raw in scorecard.entries.items()}
            sources = dict(scorecard.auto_sources)
            changes: dict[str, Any] = {}
            for criterion in automatic:
                value, source = None, None
                if criterion.method is engine.Method.TARGET_PROGRESS and progress is not None:
                    value, source = (
                        progress.get((scorecard.unit_code, criterion.target_code or "")),
                        campaign.service_name,
                    )
                elif criterion.method is engine.Method.TRAINING_RATE and rates is not None:
                    value, source = rates.get(scorecard.unit_code), literacy.service_name
                if value is None:
                    if entries.get(criterion.code, {}).get("auto_score") is None:
                        pending.setdefault(str(scorecard.id), []).append(criterion.code)
                    continue
                points = engine.auto_points(criterion, value).quantize(Decimal("0.0001"))
                entry = entries.setdefault(criterion.code, {})
                if entry.get("auto_score") != str(points):
                    changes[criterion.code] = {
                        "before": entry.get("auto_score"),
                        "after": str(points),
                        "value": str(value),
                    }
                entry["auto_score"] = str(points)
                sources[criterion.code] = {"value": str(value), "source": source, "fetched_at": fetched_at}
                filled += 1
            scorecard.entries, scorecard.auto_sources = entries, sources
            if changes:
                await self._audit(actor.subject, "scorecard.computed", scorecard.id, after=changes)
        await self.session.flush()
        return ComputeResult(
            round_id=context.round.id,
            scorecards=len(scorecards),
            filled=filled,
            unavailable=unavailable,
            pending=pending,
        )

    async def ranking(self, context: Context) -> list[RankingItem]:
        scorecards = await self.scorecards(context.round.id)
        by_id = {str(s.id): s for s in scorecards}
        ranked = engine.rank(
            [
                engine.RankItem(
                    scorecard_id=str(s.id),
                    subject_name=s.subject_name,
                    cluster=s.cluster,
                    total=engine.score(context.criteria, engine_entries(s)).total,
                    approved=s.status == S.APPROVED,
                )
                for s in scorecards
            ],
            context.bands,
        )
        return [ranking_item(r, by_id[r.scorecard_id]) for r in ranked]


def ranking_item(ranked: engine.Ranked, scorecard: Scorecard) -> RankingItem:
    return RankingItem(
        rank=ranked.rank,
        scorecard_id=scorecard.id,
        subject_id=scorecard.subject_id,
        subject_name=scorecard.subject_name,
        unit_code=scorecard.unit_code,
        cluster=scorecard.cluster,
        total=ranked.total,
        band=ranked.band,
        provisional=ranked.provisional,
    )
