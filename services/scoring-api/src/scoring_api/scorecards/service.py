"""Rules of scorecards: entering scores, the workflow's moves, automatic criteria, totals, ranks and proposals
(who may do what, and when, is the access policy's: `access.py`)."""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Coroutine
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, TypeVar

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
from scoring_api.scorecards.repository import CardTotal, ScorecardRepository
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
T = TypeVar("T")
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
            actor=actor,
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
        new = {p.unit_code: p for p in participants if p.unit_code not in existing}
        created = await self.repository.add_new(
            scoring_round.id,
            [
                {
                    "subject_type": "collective",
                    "subject_id": p.unit_code,
                    "subject_name": p.unit_name,
                    "unit_code": p.unit_code,
                    "cluster": p.cluster,
                    "status": S.DRAFT.value,
                    "entries": {},
                    "auto_sources": {},
                }
                for p in new.values()
            ],
        )
        await audit_trail.record_many(
            self.session,
            actor=actor,
            action="scorecard.created",
            object_type="scorecard",
            events=[(str(card_id), None, {"status": "draft"}) for card_id in created],
        )
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
        """Fill automatic criteria from the other services (one batched call to each, side by side); what
        cannot be fetched stays pending, and a later compute fills it. Every card and its audit event are
        written set-based, in this one transaction."""
        context = Context.of(scoring_round)
        automatic = [c for c in scoring.leaves(context.criteria) if c.method in scoring.AUTOMATIC_METHODS]
        cards = await self.repository.automatic_scores(context.round.id, [c.code for c in automatic])
        methods = {c.method for c in automatic}
        campaign_id = scoring_round.criteria_set.campaign_id
        progress, contest_rates, rates = await asyncio.gather(
            _fetched(scoring.Method.TARGET_PROGRESS in methods, campaign.kpis(campaign_id)),
            _fetched(
                scoring.Method.CONTEST_PARTICIPATION in methods, campaign.contest_participation(campaign_id)
            ),
            _fetched(
                scoring.Method.TRAINING_RATE in methods,
                literacy.unit_rates([card.unit_code for card in cards]),
            ),
        )
        unavailable = [
            name
            for name, answers in (
                (campaign.service_name, (progress, contest_rates)),
                (literacy.service_name, (rates,)),
            )
            if any(a is UNAVAILABLE for a in answers)
        ]
        index_scores = await self._index_scores(automatic)
        # Each criterion's value per unit, and where it came from (None: its service could not answer).
        kpis, contest_by_unit, rate_by_unit = _answer(progress), _answer(contest_rates), _answer(rates)
        values: list[tuple[scoring.Criterion, dict[str, Decimal] | None, str]] = []
        for criterion in automatic:
            if criterion.method is scoring.Method.TARGET_PROGRESS:
                by_unit = (
                    None
                    if kpis is None
                    else {k.unit_code: k.progress for k in kpis if k.target_code == criterion.target_code}
                )
                values.append((criterion, by_unit, campaign.service_name))
            elif criterion.method is scoring.Method.TRAINING_RATE:
                values.append((criterion, rate_by_unit, literacy.service_name))
            elif criterion.method is scoring.Method.CONTEST_PARTICIPATION:
                values.append((criterion, contest_by_unit, campaign.service_name))
            elif criterion.method is scoring.Method.INDEX_SCORE:
                run_id, scores = index_scores.get(criterion.index_framework_id or "", (None, {}))
                values.append((criterion, scores, f"index_run:{run_id}"))
        fetched_at = datetime.now(UTC)
        points_of: dict[tuple[str, Decimal], str] = {}
        fills: list[tuple[uuid.UUID, str, str, str, str]] = []
        audited: list[tuple[str, dict[str, Any] | None, dict[str, Any] | None]] = []
        pending: dict[str, list[str]] = {}
        for card in cards:
            changes: dict[str, Any] = {}
            held_scores: tuple[str | None, ...] = tuple(card[2:])
            for (criterion, by_unit, source), held in zip(values, held_scores, strict=True):
                value = None if by_unit is None else by_unit.get(card.unit_code)
                if value is None:
                    if held is None:
                        pending.setdefault(str(card.id), []).append(criterion.code)
                    continue
                points = points_of.get((criterion.code, value))
                if points is None:
                    points = str(scoring.auto_points(criterion, value).quantize(Decimal("0.0001")))
                    points_of[criterion.code, value] = points
                if held != points:
                    changes[criterion.code] = {"before": held, "after": points, "value": str(value)}
                fills.append((card.id, criterion.code, points, str(value), source))
            if changes:
                audited.append((str(card.id), None, changes))
        await self.repository.fill_automatic(fills, fetched_at)
        await audit_trail.record_many(
            self.session,
            actor=actor,
            action="scorecard.computed",
            object_type="scorecard",
            events=audited,
        )
        return ComputeResult(
            round_id=context.round.id,
            scorecards=len(cards),
            filled=len(fills),
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

    async def _ranked(self, context: Context) -> tuple[list[RankingItem], dict[str, CardTotal]]:
        """Every scorecard of the round ranked; totals are computed by the database in one statement
        (`total_of`, held to `scoring.score` by the tests), ranks here."""
        cards = await self.repository.totals(context.round.id, context.criteria)
        by_id = {str(card.id): card for card in cards}
        ranked = scoring.rank(
            [
                scoring.RankItem(
                    scorecard_id=scorecard_id,
                    subject_name=card.subject_name,
                    cluster=card.cluster,
                    total=card.total,
                    approved=card.status == S.APPROVED,
                )
                for scorecard_id, card in by_id.items()
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


class _Unavailable:
    """What a service that could not answer gave."""


UNAVAILABLE = _Unavailable()


async def _fetched(wanted: bool, call: Coroutine[Any, Any, T]) -> T | _Unavailable | None:
    """The answer of `call` when `wanted` (None otherwise, and the call is not made), `UNAVAILABLE` when its
    service could not answer."""
    if not wanted:
        call.close()
        return None
    try:
        return await call
    except DependencyUnavailable:
        return UNAVAILABLE


def _answer(fetched: T | _Unavailable | None) -> T | None:
    """What a service answered; None when it was not asked or could not answer."""
    return None if isinstance(fetched, _Unavailable) else fetched


def ranking_item(ranked: scoring.Ranked, scorecard: CardTotal) -> RankingItem:
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
