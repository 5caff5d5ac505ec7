"""Scorecard endpoints: generate and add, enter scores, move through the workflow, compute, rank, propose."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response, status

from scoring_api.deps import (
    CARD_LINKS,
    ETAG_HEADERS,
    NOT_MODIFIED,
    ActorDep,
    CampaignDep,
    LiteracyDep,
    RoundDep,
    ScorecardDep,
    ScorecardToChangeDep,
    for_this_caller,
    links,
    round_for,
    scorecard_for,
)
from scoring_api.fields import Cluster
from scoring_api.rounds.models import Round
from scoring_api.rounds.schemas import RoundAction
from scoring_api.scorecards.models import Scorecard
from scoring_api.scorecards.schemas import (
    ComputeResult,
    HistoryEvent,
    IndividualScorecardIn,
    Proposals,
    RankingItem,
    ReturnReason,
    ScorecardAction,
    ScorecardOut,
    ScorecardPatch,
    ScorecardStatus,
)
from scoring_api.scorecards.service import ScorecardService
from service_kit.caching import check_if_match
from service_kit.db import SessionDep
from service_kit.errors import PROBLEM
from service_kit.pagination import Page

router = APIRouter(tags=["scorecards"])

ERRORS: dict[int | str, dict[str, Any]] = {403: PROBLEM, 404: PROBLEM, 409: PROBLEM, 422: PROBLEM}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ACTION_RESPONSES: dict[int | str, dict[str, Any]] = {200: links(*CARD_LINKS), **ERRORS}


def get_service(session: SessionDep) -> ScorecardService:
    return ScorecardService(session)


ServiceDep = Annotated[ScorecardService, Depends(get_service)]
ClusterQuery = Annotated[Cluster | None, Query(description="Only this emulation cluster")]
StatusQuery = Annotated[ScorecardStatus | None, Query(alias="status")]


RoundToGenerateDep = Annotated[Round, Depends(round_for(RoundAction.GENERATE))]
RoundToAddToDep = Annotated[Round, Depends(round_for(RoundAction.ADD_SCORECARD))]
RoundToComputeDep = Annotated[Round, Depends(round_for(RoundAction.COMPUTE))]
RoundToExportDep = Annotated[Round, Depends(round_for(RoundAction.EXPORT))]
CardToSubmitDep = Annotated[Scorecard, Depends(scorecard_for(ScorecardAction.SUBMIT))]
CardToReviewDep = Annotated[Scorecard, Depends(scorecard_for(ScorecardAction.REVIEW))]
CardToApproveDep = Annotated[Scorecard, Depends(scorecard_for(ScorecardAction.APPROVE))]
CardToReturnDep = Annotated[Scorecard, Depends(scorecard_for(ScorecardAction.RETURN))]


@router.post(
    "/v1/rounds/{round_id}/scorecards/generate",
    summary="One scorecard per participant of the campaign (collective sets; read from campaign-api)",
    responses={200: links(*CARD_LINKS, pointer="/items/0/id"), **ERRORS, 503: PROBLEM},
)
async def generate(
    scoring_round: RoundToGenerateDep, actor: ActorDep, service: ServiceDep, campaign: CampaignDep
) -> Page[ScorecardOut]:
    return await service.generate(actor, scoring_round, campaign)


@router.post(
    "/v1/rounds/{round_id}/scorecards",
    status_code=status.HTTP_201_CREATED,
    summary="A scorecard for an individual of a unit the caller acts for",
    responses={201: links(*CARD_LINKS), **ERRORS},
)
async def add_individual(
    data: IndividualScorecardIn,
    scoring_round: RoundToAddToDep,
    actor: ActorDep,
    service: ServiceDep,
) -> ScorecardOut:
    return await service.add_individual(actor, scoring_round, data)


@router.get(
    "/v1/rounds/{round_id}/scorecards",
    summary="The round's scorecards the caller may read (a manager: their units')",
    responses={200: links(*CARD_LINKS, pointer="/items/0/id"), 403: PROBLEM, 404: PROBLEM},
)
async def list_scorecards(
    scoring_round: RoundDep,
    actor: ActorDep,
    service: ServiceDep,
    status_: StatusQuery = None,
    cluster: ClusterQuery = None,
) -> Page[ScorecardOut]:
    return await service.of_round(actor, scoring_round, status=status_, cluster=cluster)


@router.get(
    "/v1/scorecards/{scorecard_id}",
    response_model=ScorecardOut,
    responses={
        200: {"headers": ETAG_HEADERS, **links(*CARD_LINKS)},
        304: NOT_MODIFIED,
        403: PROBLEM,
        404: PROBLEM,
    },
)
async def get_scorecard(
    request: Request, response: Response, scorecard: ScorecardDep, actor: ActorDep, service: ServiceDep
) -> ScorecardOut | Response:
    return for_this_caller(request, response, await service.read(actor, scorecard))


@router.patch(
    "/v1/scorecards/{scorecard_id}",
    summary=(
        "Enter scores: the unit's manager self-assesses (draft, returned); an evaluator reviews (submitted), "
        "the council (reviewed)"
    ),
    responses={200: {"headers": ETAG_HEADERS, **links(*CARD_LINKS)}, **ERRORS, 412: PROBLEM},
)
async def patch_scorecard(
    data: ScorecardPatch,
    request: Request,
    response: Response,
    scorecard: ScorecardToChangeDep,
    actor: ActorDep,
    service: ServiceDep,
) -> ScorecardOut:
    check_if_match(request, await service.read(actor, scorecard))
    updated = await service.score(actor, scorecard, data)
    for_this_caller(request, response, updated)
    return updated


@router.post(
    "/v1/scorecards/{scorecard_id}/submit",
    summary="draft|returned → submitted (the unit's manager)",
    responses=ACTION_RESPONSES,
)
async def submit(scorecard: CardToSubmitDep, actor: ActorDep, service: ServiceDep) -> ScorecardOut:
    return await service.transition(actor, scorecard, ScorecardAction.SUBMIT)


@router.post(
    "/v1/scorecards/{scorecard_id}/review",
    summary="submitted → reviewed (an evaluator)",
    responses=ACTION_RESPONSES,
)
async def review(scorecard: CardToReviewDep, actor: ActorDep, service: ServiceDep) -> ScorecardOut:
    return await service.transition(actor, scorecard, ScorecardAction.REVIEW)


@router.post(
    "/v1/scorecards/{scorecard_id}/approve",
    summary="reviewed → approved, locked (the council)",
    responses=ACTION_RESPONSES,
)
async def approve(scorecard: CardToApproveDep, actor: ActorDep, service: ServiceDep) -> ScorecardOut:
    return await service.transition(actor, scorecard, ScorecardAction.APPROVE)


@router.post(
    "/v1/scorecards/{scorecard_id}/return",
    summary="submitted|reviewed → returned, with a reason (an evaluator or the council)",
    responses=ACTION_RESPONSES,
)
async def return_scorecard(
    data: ReturnReason, scorecard: CardToReturnDep, actor: ActorDep, service: ServiceDep
) -> ScorecardOut:
    return await service.transition(actor, scorecard, ScorecardAction.RETURN, data.reason)


@router.get(
    "/v1/scorecards/{scorecard_id}/history",
    summary="The scorecard's audit trail: who, when, old → new",
    responses={403: PROBLEM, 404: PROBLEM},
)
async def history(scorecard: ScorecardDep, service: ServiceDep) -> Page[HistoryEvent]:
    return await service.history(scorecard)


@router.post(
    "/v1/rounds/{round_id}/compute",
    summary=(
        "Fill automatic criteria from campaign-api's KPIs and digital-literacy-api's rates (batched); what a "
        "service cannot give now stays pending (listed in `unavailable`)"
    ),
    responses={403: PROBLEM, 404: PROBLEM, 503: PROBLEM},
)
async def compute(
    scoring_round: RoundToComputeDep,
    actor: ActorDep,
    service: ServiceDep,
    campaign: CampaignDep,
    literacy: LiteracyDep,
) -> ComputeResult:
    return await service.compute(actor, scoring_round, campaign, literacy)


@router.get(
    "/v1/rounds/{round_id}/ranking",
    summary="Ranked inside each cluster by total (ties share a rank)",
    responses={403: PROBLEM, 404: PROBLEM},
)
async def ranking(
    scoring_round: RoundDep, service: ServiceDep, cluster: ClusterQuery = None, status_: StatusQuery = None
) -> Page[RankingItem]:
    return await service.ranking(scoring_round, cluster=cluster, status=status_)


@router.get(
    "/v1/rounds/{round_id}/ranking.xlsx",
    response_class=Response,
    responses={200: {"content": {XLSX: {}}}, 403: PROBLEM, 404: PROBLEM},
)
async def ranking_sheet(
    scoring_round: RoundToExportDep,
    service: ServiceDep,
    cluster: ClusterQuery = None,
    status_: StatusQuery = None,
) -> Response:
    return Response(
        await service.ranking_sheet(scoring_round, cluster=cluster, status=status_),
        media_type=XLSX,
        headers={"Content-Disposition": f'attachment; filename="xep-hang-{scoring_round.id}.xlsx"'},
    )


@router.get(
    "/v1/rounds/{round_id}/ranking.csv",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}}, 403: PROBLEM, 404: PROBLEM},
)
async def ranking_table(
    scoring_round: RoundToExportDep,
    service: ServiceDep,
    cluster: ClusterQuery = None,
    status_: StatusQuery = None,
) -> Response:
    return Response(
        await service.ranking_table(scoring_round, cluster=cluster, status=status_),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="xep-hang-{scoring_round.id}.csv"'},
    )


@router.get(
    "/v1/rounds/{round_id}/proposals",
    summary="Subjects proposed for commendation per band, with the round's quota",
    responses={403: PROBLEM, 404: PROBLEM},
)
async def proposals(scoring_round: RoundDep, service: ServiceDep) -> Proposals:
    return await service.proposals(scoring_round)
