"""Scorecard endpoints: generate and add, enter scores, move through the workflow, compute, rank, propose."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response, status
from sqlalchemy import select

from scoring_api import engine
from scoring_api.clients.campaign import CampaignClient
from scoring_api.clients.literacy import LiteracyClient
from scoring_api.criteria.router import get_campaign_client
from scoring_api.database import audit_event
from scoring_api.deps import AdminDep, ReaderDep
from scoring_api.scorecards.exports import ranking_csv, ranking_xlsx
from scoring_api.scorecards.schemas import (
    Adjustment,
    BandGroup,
    ClusterProposalOut,
    ComputeResult,
    HistoryEvent,
    IndividualScorecardIn,
    Proposals,
    RankingItem,
    ReturnReason,
    ScorecardOut,
    ScorecardPatch,
    ScorecardStatus,
)
from scoring_api.scorecards.service import ScorecardService, present
from service_kit.auth import PrincipalDep
from service_kit.caching import check_if_match, conditional
from service_kit.db import SessionDep
from service_kit.errors import PROBLEM
from service_kit.observability import client_address
from service_kit.pagination import Page

router = APIRouter(tags=["scorecards"])

ERRORS: dict[int | str, dict[str, Any]] = {403: PROBLEM, 404: PROBLEM, 409: PROBLEM, 422: PROBLEM}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def get_scorecard_service(request: Request, session: SessionDep) -> ScorecardService:
    return ScorecardService(
        session=session,
        unit_tree=getattr(request.app.state, "unit_tree", None),
        client_ip=client_address(request),
    )


def get_literacy_client(request: Request) -> LiteracyClient:
    client: LiteracyClient = request.app.state.literacy_client
    return client


ServiceDep = Annotated[ScorecardService, Depends(get_scorecard_service)]
CampaignDep = Annotated[CampaignClient, Depends(get_campaign_client)]
LiteracyDep = Annotated[LiteracyClient, Depends(get_literacy_client)]


@router.post(
    "/v1/rounds/{round_id}/scorecards/generate",
    summary="One scorecard per participant of the campaign (collective sets; read from campaign-api)",
    responses={**ERRORS, 503: PROBLEM},
)
async def generate(
    round_id: uuid.UUID, actor: AdminDep, service: ServiceDep, campaign: CampaignDep
) -> Page[ScorecardOut]:
    context = await service.context(round_id)
    items = [present(s, context) for s in await service.generate(actor, context, campaign)]
    return Page(items=items, total=len(items))


@router.post(
    "/v1/rounds/{round_id}/scorecards",
    status_code=status.HTTP_201_CREATED,
    summary="A scorecard for an individual",
    responses=ERRORS,
)
async def add_individual(
    round_id: uuid.UUID, data: IndividualScorecardIn, actor: PrincipalDep, service: ServiceDep
) -> ScorecardOut:
    context = await service.context(round_id)
    return present(await service.add_individual(actor, context, data), context)


@router.get("/v1/rounds/{round_id}/scorecards", responses={403: PROBLEM, 404: PROBLEM})
async def list_scorecards(
    round_id: uuid.UUID,
    _: ReaderDep,
    service: ServiceDep,
    status_: Annotated[ScorecardStatus | None, Query(alias="status")] = None,
    cluster: Annotated[str | None, Query(max_length=100)] = None,
) -> Page[ScorecardOut]:
    context = await service.context(round_id)
    items = [
        present(s, context)
        for s in await service.scorecards(round_id)
        if (status_ is None or s.status == status_) and (cluster is None or s.cluster == cluster)
    ]
    return Page(items=items, total=len(items))


@router.get(
    "/v1/scorecards/{scorecard_id}",
    response_model=ScorecardOut,
    responses={304: {}, 403: PROBLEM, 404: PROBLEM},
)
async def get_scorecard(
    scorecard_id: uuid.UUID, request: Request, response: Response, _: ReaderDep, service: ServiceDep
) -> ScorecardOut | Response:
    scorecard, context = await service.get(scorecard_id)
    return conditional(request, response, present(scorecard, context))


@router.patch(
    "/v1/scorecards/{scorecard_id}",
    summary="Enter scores: the unit's manager self-assesses (draft, returned); an evaluator reviews (submitted)",
    responses={**ERRORS, 412: PROBLEM},
)
async def patch_scorecard(
    scorecard_id: uuid.UUID,
    data: ScorecardPatch,
    request: Request,
    response: Response,
    actor: PrincipalDep,
    service: ServiceDep,
) -> ScorecardOut:
    scorecard, context = await service.get(scorecard_id, for_update=True)
    check_if_match(request, present(scorecard, context))
    updated = present(await service.patch(actor, scorecard, context, data), context)
    conditional(request, response, updated)
    return updated


async def _move(
    scorecard_id: uuid.UUID,
    action: str,
    actor: PrincipalDep,
    service: ScorecardService,
    reason: str | None = None,
) -> ScorecardOut:
    scorecard, context = await service.get(scorecard_id, for_update=True)
    return present(await service.transition(actor, scorecard, action, reason), context)


@router.post(
    "/v1/scorecards/{scorecard_id}/submit",
    summary="draft|returned → submitted (the unit's manager)",
    responses=ERRORS,
)
async def submit(scorecard_id: uuid.UUID, actor: PrincipalDep, service: ServiceDep) -> ScorecardOut:
    return await _move(scorecard_id, "submit", actor, service)


@router.post(
    "/v1/scorecards/{scorecard_id}/review", summary="submitted → reviewed (an evaluator)", responses=ERRORS
)
async def review(scorecard_id: uuid.UUID, actor: PrincipalDep, service: ServiceDep) -> ScorecardOut:
    return await _move(scorecard_id, "review", actor, service)


@router.post(
    "/v1/scorecards/{scorecard_id}/approve",
    summary="reviewed → approved, locked (the council)",
    responses=ERRORS,
)
async def approve(scorecard_id: uuid.UUID, actor: PrincipalDep, service: ServiceDep) -> ScorecardOut:
    return await _move(scorecard_id, "approve", actor, service)


@router.post(
    "/v1/scorecards/{scorecard_id}/return",
    summary="submitted|reviewed → returned, with a reason",
    responses=ERRORS,
)
async def return_scorecard(
    scorecard_id: uuid.UUID, data: ReturnReason, actor: PrincipalDep, service: ServiceDep
) -> ScorecardOut:
    return await _move(scorecard_id, "return", actor, service, data.reason)


@router.post(
    "/v1/rounds/{round_id}/compute",
    summary="Fill automatic criteria from campaign-api's KPIs and digital-literacy-api's rates (batched)",
    responses={403: PROBLEM, 404: PROBLEM},
)
async def compute(
    round_id: uuid.UUID, actor: AdminDep, service: ServiceDep, campaign: CampaignDep, literacy: LiteracyDep
) -> ComputeResult:
    return await service.compute(actor, await service.context(round_id), campaign, literacy)


async def _ranking(
    round_id: uuid.UUID, service: ScorecardService, cluster: str | None, status_: ScorecardStatus | None
) -> list[RankingItem]:
    # Ranks come from the whole round; filters only choose which rows to show.
    items = await service.ranking(await service.context(round_id))
    statuses = {str(s.id): s.status for s in await service.scorecards(round_id)} if status_ else {}
    return [
        item
        for item in items
        if (cluster is None or item.cluster == cluster)
        and (status_ is None or statuses[str(item.scorecard_id)] == status_)
    ]


@router.get(
    "/v1/rounds/{round_id}/ranking",
    summary="Ranked inside each cluster by total (ties share a rank)",
    responses={403: PROBLEM, 404: PROBLEM},
)
async def ranking(
    round_id: uuid.UUID,
    _: ReaderDep,
    service: ServiceDep,
    cluster: Annotated[str | None, Query(max_length=100)] = None,
    status_: Annotated[ScorecardStatus | None, Query(alias="status")] = None,
) -> Page[RankingItem]:
    items = await _ranking(round_id, service, cluster, status_)
    return Page(items=items, total=len(items))


@router.get(
    "/v1/rounds/{round_id}/ranking.xlsx",
    response_class=Response,
    responses={200: {"content": {XLSX: {}}}, 403: PROBLEM, 404: PROBLEM},
)
async def ranking_sheet(
    round_id: uuid.UUID,
    _: ReaderDep,
    service: ServiceDep,
    cluster: Annotated[str | None, Query(max_length=100)] = None,
    status_: Annotated[ScorecardStatus | None, Query(alias="status")] = None,
) -> Response:
    context = await service.context(round_id)
    content = ranking_xlsx(
        f"Xếp hạng — {context.round.name}", await _ranking(round_id, service, cluster, status_)
    )
    return Response(
        content,
        media_type=XLSX,
        headers={"Content-Disposition": f'attachment; filename="xep-hang-{round_id}.xlsx"'},
    )


@router.get(
    "/v1/rounds/{round_id}/ranking.csv",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}}, 403: PROBLEM, 404: PROBLEM},
)
async def ranking_table(
    round_id: uuid.UUID,
    _: ReaderDep,
    service: ServiceDep,
    cluster: Annotated[str | None, Query(max_length=100)] = None,
    status_: Annotated[ScorecardStatus | None, Query(alias="status")] = None,
) -> Response:
    content = ranking_csv(await _ranking(round_id, service, cluster, status_))
    return Response(
        content,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="xep-hang-{round_id}.csv"'},
    )


@router.get(
    "/v1/rounds/{round_id}/proposals",
    summary="Subjects proposed for commendation per band, with the round's quota",
    responses={403: PROBLEM, 404: PROBLEM},
)
async def proposals(round_id: uuid.UUID, _: ReaderDep, service: ServiceDep) -> Proposals:
    context = await service.context(round_id)
    items = await service.ranking(context)
    by_id = {str(item.scorecard_id): item for item in items}
    ranked = [
        engine.Ranked(
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
    share = context.round.top_band_max_share
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
        for proposal in engine.propose(ranked, context.bands, Decimal(share) if share is not None else None)
    ]
    return Proposals(round_id=round_id, top_band_max_share=share, clusters=clusters)


@router.get(
    "/v1/scorecards/{scorecard_id}/history",
    summary="The scorecard's audit trail: who, when, old → new",
    responses={403: PROBLEM, 404: PROBLEM},
)
async def history(
    scorecard_id: uuid.UUID, _: ReaderDep, session: SessionDep, service: ServiceDep
) -> Page[HistoryEvent]:
    await service.get(scorecard_id)
    rows = await session.execute(
        select(audit_event)
        .where(audit_event.c.object_type == "scorecard", audit_event.c.object_id == str(scorecard_id))
        .order_by(audit_event.c.id)
    )
    items = [
        HistoryEvent(
            occurred_at=r.occurred_at, actor=r.actor, action=r.action, before=r.before, after=r.after
        )
        for r in rows
    ]
    return Page(items=items, total=len(items))
