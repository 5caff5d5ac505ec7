"""Campaign endpoints: movements, their lifecycle, phases and targets."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Response, status

from campaign_api.campaigns.models import Campaign
from campaign_api.campaigns.schemas import (
    CampaignAction,
    CampaignCreate,
    CampaignOut,
    CampaignPage,
    CampaignStatus,
    CampaignUpdate,
    Level,
    PhaseCreate,
    PhaseOut,
    PhaseUpdate,
    TargetCreate,
    TargetOut,
    TargetUpdate,
    UnitCode,
)
from campaign_api.deps import (
    CampaignCreator,
    CampaignDep,
    CampaignReader,
    CampaignServiceDep,
    VersionsDep,
    campaign_for,
)
from campaign_api.inputs import SearchText
from campaign_api.links import CAMPAIGN_ID, CAMPAIGN_OPERATIONS, links
from service_kit.errors import PROBLEM
from service_kit.pagination import Page, PageParamsDep

router = APIRouter(tags=["campaigns"])

RUNNER_ERRORS: dict[int | str, dict[str, Any]] = {403: PROBLEM, 404: PROBLEM, 409: PROBLEM, 422: PROBLEM}

CampaignToEdit = Annotated[Campaign, Depends(campaign_for(CampaignAction.EDIT))]
CampaignToLaunch = Annotated[Campaign, Depends(campaign_for(CampaignAction.LAUNCH))]
CampaignToClose = Annotated[Campaign, Depends(campaign_for(CampaignAction.CLOSE))]
CampaignForPhase = Annotated[Campaign, Depends(campaign_for(CampaignAction.ADD_PHASE))]
CampaignForTarget = Annotated[Campaign, Depends(campaign_for(CampaignAction.ADD_TARGET))]


@router.post(
    "/v1/campaigns",
    status_code=status.HTTP_201_CREATED,
    responses={**RUNNER_ERRORS, **links(201, CAMPAIGN_ID, *CAMPAIGN_OPERATIONS)},
)
async def create_campaign(
    data: CampaignCreate, actor: CampaignCreator, service: CampaignServiceDep
) -> CampaignOut:
    """Admins, and managers of the organising unit, launch movements (created as `draft`)."""
    return await service.create(actor, data)


@router.get("/v1/campaigns", summary="Movements, filtered by status, level, organiser, parent and title")
async def list_campaigns(
    actor: CampaignReader,
    service: CampaignServiceDep,
    page: PageParamsDep,
    status_: Annotated[CampaignStatus | None, Query(alias="status")] = None,
    level: Annotated[Level | None, Query()] = None,
    organizer_unit_code: Annotated[UnitCode | None, Query()] = None,
    parent_id: Annotated[uuid.UUID | None, Query()] = None,
    q: Annotated[SearchText | None, Query(description="Title or code; diacritics ignored")] = None,
) -> CampaignPage:
    return await service.list(
        actor,
        page,
        status=status_,
        level=level,
        organizer_unit_code=organizer_unit_code,
        parent_id=parent_id,
        q=q,
    )


@router.get(
    "/v1/campaigns/{campaign_id}", response_model=CampaignOut, responses={304: {}, 403: PROBLEM, 404: PROBLEM}
)
async def get_campaign(
    campaign: CampaignDep, actor: CampaignReader, versions: VersionsDep, service: CampaignServiceDep
) -> CampaignOut | Response:
    return versions.answer(await service.out(actor, campaign))


@router.patch("/v1/campaigns/{campaign_id}", responses={**RUNNER_ERRORS, 412: PROBLEM})
async def update_campaign(
    campaign: CampaignToEdit,
    data: CampaignUpdate,
    actor: CampaignReader,
    versions: VersionsDep,
    service: CampaignServiceDep,
) -> CampaignOut:
    return versions.tag(await service.update(actor, campaign, data, expect=versions.expect))


@router.post("/v1/campaigns/{campaign_id}/launch", summary="draft → active", responses=RUNNER_ERRORS)
async def launch_campaign(
    campaign: CampaignToLaunch, actor: CampaignReader, service: CampaignServiceDep
) -> CampaignOut:
    return await service.transition(actor, campaign, CampaignAction.LAUNCH)


@router.post("/v1/campaigns/{campaign_id}/close", summary="active → closed", responses=RUNNER_ERRORS)
async def close_campaign(
    campaign: CampaignToClose, actor: CampaignReader, service: CampaignServiceDep
) -> CampaignOut:
    return await service.transition(actor, campaign, CampaignAction.CLOSE)


@router.post(
    "/v1/campaigns/{campaign_id}/phases",
    status_code=status.HTTP_201_CREATED,
    summary="Add a phase (inside the campaign, overlapping no other) with its milestones",
    responses=RUNNER_ERRORS,
)
async def add_phase(
    campaign: CampaignForPhase, data: PhaseCreate, actor: CampaignReader, service: CampaignServiceDep
) -> PhaseOut:
    return await service.add_phase(actor, campaign, data)


@router.get("/v1/campaigns/{campaign_id}/phases", responses={403: PROBLEM, 404: PROBLEM})
async def list_phases(campaign: CampaignDep, service: CampaignServiceDep) -> Page[PhaseOut]:
    return await service.phases(campaign)


@router.post(
    "/v1/campaigns/{campaign_id}/targets",
    status_code=status.HTTP_201_CREATED,
    summary="Add a target (KPI) with its baseline, target value and direction",
    responses=RUNNER_ERRORS,
)
async def add_target(
    campaign: CampaignForTarget, data: TargetCreate, actor: CampaignReader, service: CampaignServiceDep
) -> TargetOut:
    return await service.add_target(actor, campaign, data)


@router.get("/v1/campaigns/{campaign_id}/targets", responses={403: PROBLEM, 404: PROBLEM})
async def list_targets(campaign: CampaignDep, service: CampaignServiceDep) -> Page[TargetOut]:
    return await service.targets(campaign)


@router.patch(
    "/v1/campaigns/{campaign_id}/phases/{phase_id}",
    summary="Correct a phase: its name always; its dates and milestones while no plan or report depends on them",
    responses=RUNNER_ERRORS,
)
async def update_phase(
    campaign: CampaignForPhase,
    phase_id: uuid.UUID,
    data: PhaseUpdate,
    actor: CampaignReader,
    service: CampaignServiceDep,
) -> PhaseOut:
    return await service.update_phase(actor, campaign, phase_id, data)


@router.delete(
    "/v1/campaigns/{campaign_id}/phases/{phase_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete a phase no plan or report depends on (409 otherwise)",
    responses={403: PROBLEM, 404: PROBLEM, 409: PROBLEM},
)
async def delete_phase(
    campaign: CampaignForPhase, phase_id: uuid.UUID, actor: CampaignReader, service: CampaignServiceDep
) -> Response:
    await service.delete_phase(actor, campaign, phase_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.patch(
    "/v1/campaigns/{campaign_id}/targets/{target_id}",
    summary="Correct a target: title and due date always; how it is measured while no report gives it a value",
    responses=RUNNER_ERRORS,
)
async def update_target(
    campaign: CampaignForTarget,
    target_id: uuid.UUID,
    data: TargetUpdate,
    actor: CampaignReader,
    service: CampaignServiceDep,
) -> TargetOut:
    return await service.update_target(actor, campaign, target_id, data)


@router.delete(
    "/v1/campaigns/{campaign_id}/targets/{target_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete a target no report gives a value (409 otherwise)",
    responses={403: PROBLEM, 404: PROBLEM, 409: PROBLEM},
)
async def delete_target(
    campaign: CampaignForTarget, target_id: uuid.UUID, actor: CampaignReader, service: CampaignServiceDep
) -> Response:
    await service.delete_target(actor, campaign, target_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
