"""Initiative contest endpoints: rounds of judging, the judges' scores, the ranking, the recognition decided."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, status

from campaign_api.access import JudgingSeen
from campaign_api.campaigns.models import Campaign
from campaign_api.deps import (
    ActorDep,
    CampaignDep,
    CampaignReader,
    JudgingServiceDep,
    campaign_for_judgings,
    judging_for,
)
from campaign_api.judging.schemas import (
    InitiativeDecisionIn,
    InitiativeDecisionOut,
    JudgingAction,
    JudgingIn,
    JudgingOut,
    Ranking,
    ScoresIn,
    ScoresOut,
)
from service_kit.errors import PROBLEM
from service_kit.pagination import Page, PageParamsDep

router = APIRouter(tags=["initiative judging"])

ERRORS: dict[int | str, dict[str, Any]] = {403: PROBLEM, 404: PROBLEM, 409: PROBLEM, 422: PROBLEM}
READ_ERRORS: dict[int | str, dict[str, Any]] = {403: PROBLEM, 404: PROBLEM}

JudgingCampaign = Annotated[Campaign, Depends(campaign_for_judgings())]
JudgingDep = Annotated[JudgingSeen, Depends(judging_for())]
JudgingToScore = Annotated[JudgingSeen, Depends(judging_for(JudgingAction.SCORE))]
JudgingToDecide = Annotated[JudgingSeen, Depends(judging_for(JudgingAction.DECIDE))]


@router.post(
    "/v1/campaigns/{campaign_id}/initiative-judgings",
    status_code=status.HTTP_201_CREATED,
    summary="Set up a round of judging of the movement's initiatives: criteria and judges",
    responses=ERRORS,
)
async def create_judging(
    campaign: JudgingCampaign, data: JudgingIn, actor: CampaignReader, service: JudgingServiceDep
) -> JudgingOut:
    return await service.create(actor, campaign, data)


@router.get(
    "/v1/campaigns/{campaign_id}/initiative-judgings",
    summary="The movement's rounds of initiative judging, latest first",
    responses={**READ_ERRORS, 422: PROBLEM},
)
async def list_judgings(
    campaign: CampaignDep, actor: CampaignReader, page: PageParamsDep, service: JudgingServiceDep
) -> Page[JudgingOut]:
    return await service.list(actor, campaign, page)


@router.get("/v1/initiative-judgings/{judging_id}", summary="A round of judging", responses=READ_ERRORS)
async def get_judging(judging: JudgingDep, actor: ActorDep, service: JudgingServiceDep) -> JudgingOut:
    return await service.out(actor, judging)


@router.put(
    "/v1/initiative-judgings/{judging_id}/scores",
    summary="A judge's points for one initiative, every criterion (again to change them, until decided)",
    responses=ERRORS,
)
async def put_scores(
    judging: JudgingToScore, data: ScoresIn, actor: ActorDep, service: JudgingServiceDep
) -> ScoresOut:
    return await service.score(actor, judging, data)


@router.get(
    "/v1/initiative-judgings/{judging_id}/ranking",
    summary="Per initiative: the judges' means per criterion and of their totals, ranked (ties share a rank)",
    responses=READ_ERRORS,
)
async def judging_ranking(judging: JudgingDep, service: JudgingServiceDep) -> Ranking:
    return await service.ranking(judging)


@router.post(
    "/v1/initiative-judgings/{judging_id}/decisions",
    status_code=status.HTTP_201_CREATED,
    summary="Record the recognition level of an initiative (grassroots, provincial, none): once",
    responses=ERRORS,
)
async def decide_recognition(
    judging: JudgingToDecide, data: InitiativeDecisionIn, actor: ActorDep, service: JudgingServiceDep
) -> InitiativeDecisionOut:
    return await service.decide(actor, judging, data)
