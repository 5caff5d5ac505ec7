"""Initiative and commendation endpoints."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, status

from campaign_api.campaigns.models import Campaign
from campaign_api.campaigns.schemas import CampaignAction
from campaign_api.deps import (
    CampaignDep,
    CampaignReader,
    CommendationsCampaignDep,
    RecognitionServiceDep,
    campaign_for,
    initiative_for,
)
from campaign_api.links import INITIATIVE_ID, INITIATIVE_OPERATIONS, links
from campaign_api.recognition.models import Initiative
from campaign_api.recognition.schemas import (
    Assessment,
    CommendationIn,
    CommendationOut,
    InitiativeAction,
    InitiativeIn,
    InitiativeOut,
)
from service_kit.errors import PROBLEM
from service_kit.pagination import Page, PageParamsDep

router = APIRouter(tags=["recognition"])

ERRORS: dict[int | str, dict[str, Any]] = {403: PROBLEM, 404: PROBLEM, 409: PROBLEM, 422: PROBLEM}

CampaignForInitiative = Annotated[Campaign, Depends(campaign_for(CampaignAction.ADD_INITIATIVE))]
CampaignForCommendation = Annotated[Campaign, Depends(campaign_for(CampaignAction.ADD_COMMENDATION))]
InitiativeToAssess = Annotated[tuple[Initiative, Campaign], Depends(initiative_for(InitiativeAction.ASSESS))]


@router.post(
    "/v1/campaigns/{campaign_id}/initiatives",
    status_code=status.HTTP_201_CREATED,
    summary="A participant unit submits an initiative",
    responses={**ERRORS, **links(201, INITIATIVE_ID, *INITIATIVE_OPERATIONS)},
)
async def submit_initiative(
    campaign: CampaignForInitiative, data: InitiativeIn, actor: CampaignReader, service: RecognitionServiceDep
) -> InitiativeOut:
    return await service.submit_initiative(actor, campaign, data)


@router.get(
    "/v1/campaigns/{campaign_id}/initiatives",
    summary="Initiatives (a manager who does not run the movement sees its own units')",
    responses={403: PROBLEM, 404: PROBLEM},
)
async def list_initiatives(
    campaign: CampaignDep, actor: CampaignReader, page: PageParamsDep, service: RecognitionServiceDep
) -> Page[InitiativeOut]:
    return await service.initiatives(actor, campaign, page)


@router.post(
    "/v1/initiatives/{initiative_id}/assess", summary="The organiser accepts or rejects", responses=ERRORS
)
async def assess_initiative(
    initiative: InitiativeToAssess, data: Assessment, actor: CampaignReader, service: RecognitionServiceDep
) -> InitiativeOut:
    return await service.assess(actor, *initiative, data)


@router.post(
    "/v1/campaigns/{campaign_id}/commendations",
    status_code=status.HTTP_201_CREATED,
    summary="Record a commendation decided for a unit or a person",
    responses=ERRORS,
)
async def add_commendation(
    campaign: CampaignForCommendation,
    data: CommendationIn,
    actor: CampaignReader,
    service: RecognitionServiceDep,
) -> CommendationOut:
    return await service.add_commendation(actor, campaign, data)


@router.get("/v1/campaigns/{campaign_id}/commendations", responses={403: PROBLEM, 404: PROBLEM})
async def list_commendations(
    campaign: CommendationsCampaignDep, page: PageParamsDep, service: RecognitionServiceDep
) -> Page[CommendationOut]:
    return await service.commendations(campaign, page)
