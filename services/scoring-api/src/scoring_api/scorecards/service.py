"""Rules of scorecards: entering scores, the workflow's moves, automatic criteria, totals, ranks and proposals
(who may do what, and when, is the access policy's: `access.py`)."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from scoring_api import access
from scoring_api.access import SCORECARDS
from scoring_api.clients.campaign import CampaignClient
from scoring_api.clients.literacy import LiteracyClient
from scoring_api.criteria.schemas import bands_of, criteria_of
from scoring_api.database import audit_trail
from scoring_api.indices.repository import RunRepository
from scoring_api.rounds.models import Round
from scoring_api.rounds.repository import RoundRepository
from scoring_api.scorecards import scoring
from scoring_api.scorecards.exports import ranking_csv, ranking_xlsx
from scoring_api.scorecards.models import Scorecard
from scoring_api.scorecards.repository import ScorecardRepository
from scoring_api.scorecards.schemas import (
    Adjustment,
    BandGroup,
    ClusterProposalOut,
    ComputeResult,
    EntryOut,
    HistoryEvent,
    IndividualScorecardIn,
    Proposals,
    RankingItem,
    ScorecardAction,
    ScorecardOut,
    ScorecardPatch,
    ScorecardStatus,
)
from service_kit import i18n
from service_kit.access import Actor
from service_kit.errors import Conflict, DependencyUnavailable, InvalidState, ValidationFailed
from service_kit.pagination import Page

logger = logging.getLogger("scoring_api.scorecards")

S = ScorecardStatus
# Where each workflow action leads; who may take it, and from which states, is the access policy's.
DESTINATION: dict[ScorecardAction, S] = {
    ScorecardAction.SUBMIT: S.SUBMITTED,
    ScorecardAction.REVIEW: S.REVIEWED,
    ScorecardAction.APPROVE: S.APPROVED,
    ScorecardAction.RETURN: S.RETURNED,
}


def _decimal(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def scored_entries(scorecard: Scorecard) -> dict[str, scoring.Entry]:
    return {
        code: scoring.Entry(
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
    criteria: tuple[scoring.Criterion, ...]
    bands: tuple[scoring.Band, ...]

    @classmethod
    def of(cls, scoring_round: Round) -> Context:
        criteria_set = scoring_round.criteria_set
        return cls(scoring_round, criteria_of(criteria_set.criteria), bands_of(criteria_set.bands))


def present(actor: Actor, scorecard: Scorecard, context: Context) -> ScorecardOut:
    entries = scored_entries(scorecard)
    result = scoring.score(context.criteria, entries)
    rows = []
    for criterion in scoring.leaves(context.criteria):
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
                effective_score=scoring.effective_score(criterion, entries.get(criterion.code)),
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
        band=scoring.band_for(result.total, context.bands),
        pending=list(result.pending),
        return_reason=scorecard.return_reason,
        updated_at=scorecard.updated_at,
        allowed_actions=[ScorecardAction(a) for a in SCORECARDS.allowed_actions(actor, scorecard)],
    )


@dataclass
class ScorecardService:
    session: AsyncSession
    repository: ScorecardRepository = field(init=False)

    def __post_init__(self) -> None:
        self.repository = ScorecardRepository(self.session)

    async def _audit(
        self, actor: Actor, action: str, scorecard_id: uuid.UUID, before: Any = None, after: Any = None
    ) -> None:
        await audit_trail.record(
            self.session,
            actor=actor.subject,
            action=action,
            object_type="scorecard",
            object_id=str(scorecard_id),
            before=before,
            after=after,
        )

    async def _context_of(self, scorecard: Scorecard) -> Context:
        scoring_round = await RoundRepository(self.session).get(scorecard.round_id)
        assert scoring_round is not None  # a scorecard's round outlives it (CASCADE)
        return Context.of(scoring_round)

    async def read(self, actor: Actor, scorecard: Scorecard) -> ScorecardOut:
        return present(actor, scorecard, await self._context_of(scorecard))

    async def of_round(
        self, actor: Actor, scoring_round: Round, *, status: S | None = None, cluster: str | None = None
    ) -> Page[ScorecardOut]:
        """The round's scorecards the caller may read (a manager: their units')."""
        context = Context.of(scoring_round)
        cards = await self.repository.of_round(
            scoring_round.id,
            units=access.readable_units(actor),
            status=status.value if status else None,
            cluster=cluster,
        )
        items = [present(actor, card, context) for card in cards]
        return Page(items=items, total=len(items))

    async def generate(
        self, actor: Actor, scoring_round: Round, campaign: CampaignClient
    ) -> Page[ScorecardOut]:
        """One scorecard per participant of the set's campaign (collective sets); existing ones are kept."""
        participants = await campaign.participants(scoring_round.criteria_set.campaign_id)
        if participants is None:
            raise InvalidState(
                "campaign-api knows no campaign of this round's criteria set.", code="round.campaign_unknown"
            )
        existing = await self.repository.subject_ids(scoring_round.id)
        for participant in participants:
            if participant.unit_code in existing:
                continue
            scorecard = await self.repository.add(
                Scorecard(
                    round_id=scoring_round.id,
                    subject_type="collective",
                    subject_id=participant.unit_code,
                    subject_name=participant.unit_name,
                    unit_code=participant.unit_code,
                    cluster=participant.cluster,
                    status=S.DRAFT.value,
                    entries={},
                    auto_sources={},
                )
            )
            existing.add(participant.unit_code)
            await self._audit(actor, "scorecard.created", scorecard.id, after={"status": "draft"})
        return await self.of_round(actor, scoring_round)

    async def add_individual(
        self, actor: Actor, scoring_round: Round, data: IndividualScorecardIn
    ) -> ScorecardOut:
        """A scorecard for a person of a unit the caller acts for."""
        access.ensure_acts_for(actor, data.unit_code)
        if data.subject_id in await self.repository.subject_ids(scoring_round.id):
            raise Conflict(
                f"{data.subject_id} has a scorecard in this round.",
                code="scorecard.exists",
                params={"subject_id": data.subject_id},
            )
        scorecard = await self.repository.add(
            Scorecard(
                round_id=scoring_round.id,
                subject_type="individual",
                status=S.DRAFT.value,
                entries={},
                auto_sources={},
                **data.model_dump(),
            )
        )
        await self._audit(actor, "scorecard.created", scorecard.id, after={"status": "draft"})
        return present(actor, scorecard, Context.of(scoring_round))

    async def score(self, actor: Actor, scorecard: Scorecard, data: ScorecardPatch) -> ScorecardOut:
        """Enter scores: the self-assessment (the unit's manager, draft or returned) or reviewed scores (an
        evaluator while submitted, the council while reviewed) — whichever step is the caller's turn."""
        access.ensure_may_score(
            actor,
            scorecard,
            self_fields=any(e.self_fields for e in data.entries),
            review_fields=any(e.review_fields for e in data.entries),
        )
        context = await self._context_of(scorecard)
        leaves = {c.code: c for c in scoring.leaves(context.criteria)}
        errors = []
        for index, entry in enumerate(data.entries):
            where = f"entries.{index}"
            criterion = leaves.get(entry.criterion_code)
            if criterion is None:
                message = i18n.message("entry.not_a_leaf", {"criterion": entry.criterion_code})
                errors.append(
                    {"field": f"{where}.criterion_code", "message": message or "not a leaf criterion"}
                )
                continue
            for name, value in (("self_score", entry.self_score), ("reviewed_score", entry.reviewed_score)):
                if value is not None:
                    try:
                        scoring.validate_score(criterion, value)
                    except scoring.ScoreError as refused:
                        problem = refused.problem
                        message = i18n.message(problem.code, problem.params) or str(problem)
                        errors.append({"field": f"{where}.{name}", "message": message})
        if errors:
            raise ValidationFailed(
                "Some scores are not valid; see `errors`.", code="scorecard.invalid_scores", errors=errors
            )
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
            actor,
            "scorecard.scored",
            scorecard.id,
            before={code: before.get(code, {}) for code in changed},
            after=changed,
        )
        return present(actor, scorecard, context)

    async def transition(
        self, actor: Actor, scorecard: Scorecard, action: ScorecardAction, reason: str | None = None
    ) -> ScorecardOut:
        """Move the card on (the policy has checked that the action is the caller's now)."""
        status, destination = S(scorecard.status), DESTINATION[action]
        scorecard.status = destination.value
        scorecard.return_reason = reason if destination is S.RETURNED else scorecard.return_reason
        await self.session.flush()
        await self.session.refresh(scorecard)
        await self._audit(
            actor,
            f"scorecard.{action.value}",
            scorecard.id,
            before={"status": status.value},
            after={"status": destination.value, **({"reason": reason} if reason else {})},
        )
        return await self.read(actor, scorecard)

    async def history(self, scorecard: Scorecard) -> Page[HistoryEvent]:
        items = [
            HistoryEvent.model_validate(dict(event)) for event in await self.repository.history(scorecard.id)
        ]
        return Page(items=items, total=len(items))

    async def compute(
        self, actor: Actor, scoring_round: Round, campaign: CampaignClient, literacy: LiteracyClient
    ) -> ComputeResult:
        """Fill automatic criteria from the other services (one call to each); what cannot be fetched stays
        pending, and a later compute fills it. Everything is written in this one transaction."""
        context = Context.of(scoring_round)
        automatic = [c for c in scoring.leaves(context.criteria) if c.method in scoring.AUTOMATIC_METHODS]
        scorecards = [s for s in await self.repository.of_round(context.round.id) if s.status != S.APPROVED]
        unavailable: list[str] = []
        progress: dict[tuple[str, str], Decimal] | None = None
        rates: dict[str, Decimal] | None = None
        if any(c.method is scoring.Method.TARGET_PROGRESS for c in automatic):
            try:
                kpis = await campaign.kpis(scoring_round.criteria_set.campaign_id)
                progress = {(k.unit_code, k.target_code): k.progress for k in kpis}
            except DependencyUnavailable:
                unavailable.append(campaign.service_name)
        contest_rates: dict[str, Decimal] | None = None
        if any(c.method is scoring.Method.CONTEST_PARTICIPATION for c in automatic):
            try:
                contest_rates = await campaign.contest_participation(scoring_round.criteria_set.campaign_id)
            except DependencyUnavailable:
                if campaign.service_name not in unavailable:
                    unavailable.append(campaign.service_name)
        if any(c.method is scoring.Method.TRAINING_RATE for c in automatic):
            try:
                rates = await literacy.unit_rates([s.unit_code for s in scorecards])
            except DependencyUnavailable:
                unavailable.append(literacy.service_name)
        index_scores = await self._index_scores(automatic)
        fetched_at = datetime.now(UTC).isoformat()
        filled = 0
        pending: dict[str, list[str]] = {}
        for scorecard in scorecards:
            entries = {code: dict(raw) for code, raw in scorecard.entries.items()}
            sources = dict(scorecard.auto_sources)
            changes: dict[str, Any] = {}
            for criterion in automatic:
                value, source = None, None
                if criterion.method is scoring.Method.TARGET_PROGRESS and progress is not None:
                    value, source = (
                        progress.get((scorecard.unit_code, criterion.target_code or "")),
                        campaign.service_name,
                    )
                elif criterion.method is scoring.Method.TRAINING_RATE and rates is not None:
                    value, source = rates.get(scorecard.unit_code), literacy.service_name
                elif criterion.method is scoring.Method.CONTEST_PARTICIPATION and contest_rates is not None:
                    value, source = contest_rates.get(scorecard.unit_code), campaign.service_name
                elif criterion.method is scoring.Method.INDEX_SCORE:
                    run_id, scores = index_scores.get(criterion.index_framework_id or "", (None, {}))
                    value, source = scores.get(scorecard.unit_code), f"index_run:{run_id}"
                if value is None:
                    if entries.get(criterion.code, {}).get("auto_score") is None:
                        pending.setdefault(str(scorecard.id), []).append(criterion.code)
                    continue
                points = scoring.auto_points(criterion, value).quantize(Decimal("0.0001"))
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
                await self._audit(actor, "scorecard.computed", scorecard.id, after=changes)
        await self.session.flush()
        return ComputeResult(
            round_id=context.round.id,
            scorecards=len(scorecards),
            filled=filled,
            unavailable=unavailable,
            pending=pending,
        )

    async def _index_scores(
        self, automatic: list[scoring.Criterion]
    ) -> dict[str, tuple[str, dict[str, Decimal]]]:
        """Per index framework named by an `index_score` criterion: its latest run and each unit's score."""
        found: dict[str, tuple[str, dict[str, Decimal]]] = {}
        for framework_id in {c.index_framework_id for c in automatic if c.index_framework_id}:
            latest = await RunRepository(self.session).latest(uuid.UUID(framework_id))
            if latest is not None:
                found[framework_id] = (
                    str(latest.id),
                    {
                        r["subject_code"]: Decimal(str(r["score"]))
                        for r in latest.results
                        if r.get("score") is not None
                    },
                )
        return found

    async def _ranked(self, context: Context) -> tuple[list[RankingItem], dict[str, Scorecard]]:
        scorecards = await self.repository.of_round(context.round.id)
        by_id = {str(s.id): s for s in scorecards}
        ranked = scoring.rank(
            [
                scoring.RankItem(
                    scorecard_id=str(s.id),
                    subject_name=s.subject_name,
                    cluster=s.cluster,
                    total=scoring.score(context.criteria, scored_entries(s)).total,
                    approved=s.status == S.APPROVED,
                )
                for s in scorecards
            ],
            context.bands,
        )
        return [ranking_item(r, by_id[r.scorecard_id]) for r in ranked], by_id

    async def ranking(
        self, scoring_round: Round, *, cluster: str | None = None, status: S | None = None
    ) -> Page[RankingItem]:
        """Ranks come from the whole round; the filters only choose which rows to show."""
        items, cards = await self._ranked(Context.of(scoring_round))
        shown = [
            item
            for item in items
            if (cluster is None or item.cluster == cluster)
            and (status is None or cards[str(item.scorecard_id)].status == status)
        ]
        return Page(items=shown, total=len(shown))

    async def ranking_sheet(
        self, scoring_round: Round, *, cluster: str | None = None, status: S | None = None
    ) -> bytes:
        page = await self.ranking(scoring_round, cluster=cluster, status=status)
        return ranking_xlsx(f"Xếp hạng — {scoring_round.name}", page.items)

    async def ranking_table(
        self, scoring_round: Round, *, cluster: str | None = None, status: S | None = None
    ) -> bytes:
        return ranking_csv((await self.ranking(scoring_round, cluster=cluster, status=status)).items)

    async def proposals(self, scoring_round: Round) -> Proposals:
        """Subjects proposed per band in each cluster, with the round's quota on the top band applied."""
        context = Context.of(scoring_round)
        items, _ = await self._ranked(context)
        by_id = {str(item.scorecard_id): item for item in items}
        ranked = [
            scoring.Ranked(
                rank=i.rank,
                scorecard_id=str(i.scorecard_id),
                subject_name=i.subject_name,
                cluster=i.cluster,
                total=i.total,
                band=i.band,
                provisional=i.provisional,
            )
            for i in items
        ]
        share = scoring_round.top_band_max_share
        clusters = [
            ClusterProposalOut(
                cluster=proposal.cluster,
                bands=[
                    BandGroup(label=b.label, subjects=[by_id[s.scorecard_id] for s in b.subjects])
                    for b in proposal.bands
                ],
                adjustments=[
                    Adjustment(
                        scorecard_id=uuid.UUID(a.scorecard_id),
                        subject_name=a.subject_name,
                        from_band=a.from_band,
                        to_band=a.to_band,
                        reason=a.reason,
                    )
                    for a in proposal.adjustments
                ],
                unbanded=[by_id[s.scorecard_id] for s in proposal.unbanded],
            )
            for proposal in scoring.propose(
                ranked, context.bands, Decimal(share) if share is not None else None
            )
        ]
        return Proposals(round_id=scoring_round.id, top_band_max_share=share, clusters=clusters)


def ranking_item(ranked: scoring.Ranked, scorecard: Scorecard) -> RankingItem:
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
