"""Campaign endpoints: movements, their lifecycle, phases and targets."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response, status

from campaign_api.campaigns import repository
from campaign_api.campaigns.schemas import (
    CampaignCreate,
    CampaignOut,
    CampaignStatus,
    CampaignUpdate,
    Level,
    PhaseCreate,
    PhaseOut,
    TargetCreate,
    TargetOut,
)
from campaign_api.campaigns.service import CampaignService
from campaign_api.deps import ReaderDep
from service_kit.auth import PrincipalDep
from service_kit.caching import check_if_match, conditional, not_modified
from service_kit.db import SessionDep
from service_kit.errors import PROBLEM
from service_kit.observability import client_address
from service_kit.pagination import Page, PageParamsDep, paginate
from service_kit.text import fold

router = APIRouter(tags=["campaigns"])

RUNNER_ERRORS: dict[int | str, dict[str, Any]] = {403: PROBLEM, 404: PROBLEM, 409: PROBLEM, 422: PROBLEM}


def get_campaign_service(request: Request, session: SessionDep) -> CampaignService:
    return CampaignService(session=session, client_ip=client_address(request))


CampaignServiceDep = Annotated[CampaignService, Depends(get_campaign_service)]


@router.post("/v1/campaigns", status_code=status.HTTP_201_CREATED, responses=RUNNER_ERRORS)
async def create_campaign(
    data: CampaignCreate, actor: PrincipalDep, service: CampaignServiceDep
) -> CampaignOut:
    """Admins, and managers of the organising unit, launch movements (created as `draft`)."""
    return CampaignOut.model_validate(await service.create(actor, data))


@router.get("/v1/campaigns", summary="Movements, filtered by status, level, organiser, parent and title")
async def list_campaigns(
    _: ReaderDep,
    session: SessionDep,
    page: PageParamsDep,
    status_: Annotated[CampaignStatus | None, Query(alias="status")] = None,
    level: Annotated[Level | None, Query()] = None,
    organizer_unit_code: Annotated[str | None, Query(max_length=32)] = None,
    parent_id: Annotated[uuid.UUID | None, Query()] = None,
    q: Annotated[str | None, Query(max_length=100, description="Title or code; diacritics ignored")] = None,
) -> Page[CampaignOut]:
    statement = repository.query(
        status=status_,
        level=level,
        organizer_unit_code=organizer_unit_code,
        parent_id=parent_id,
        folded_words=fold(q).split() if q else [],
    )
    campaigns, total = await paginate(session, statement, page)
    return Page(items=[CampaignOut.model_validate(c) for c in campaigns], total=total)


@router.get("/v1/campaigns/{campaign_id}", response_model=CampaignOut, responses={304: {}, 404: PROBLEM})
async def get_campaign(
    campaign_id: uuid.UUID, request: Request, response: Response, _: ReaderDep, service: CampaignServiceDep
) -> CampaignOut | Response:
    return conditional(request, response, CampaignOut.model_validate(await service.get(campaign_id)))


@router.patch("/v1/campaigns/{campaign_id}", responses={**RUNNER_ERRORS, 412: PROBLEM})
async def update_campaign(
    campaign_id: uuid.UUID,
    data: CampaignUpdate,
    request: Request,
    response: Response,
    actor: PrincipalDep,
    service: CampaignServiceDep,
) -> CampaignOut:
    campaign = await service.get(campaign_id, for_update=True)
    check_if_match(request, CampaignOut.model_validate(campaign))
    updated = CampaignOut.model_validate(await service.update(actor, campaign, data))
    not_modified(request, response, updated)
    return updated


@router.post("/v1/campaigns/{campaign_id}/launch", summary="draft → active", responses=RUNNER_ERRORS)
async def launch_campaign(
    campaign_id: uuid.UUID, actor: PrincipalDep, service: CampaignServiceDep
) -> CampaignOut:
    campaign = await service.get(campaign_id, for_update=True)
    return CampaignOut.model_validate(await service.transition(actor, campaign, "launch"))


@router.post("/v1/campaigns/{campaign_id}/close", summary="active → closed", responses=RUNNER_ERRORS)
async def close_campaign(
    campaign_id: uuid.UUID, actor: PrincipalDep, service: CampaignServiceDep
) -> CampaignOut:
    campaign = await service.get(campaign_id, for_update=True)
    return CampaignOut.model_validate(await service.transition(actor, campaign, "close"))


@router.post(
    "/v1/campaigns/{campaign_id}/phases",
    status_code=status.HTTP_201_CREATED,
    summary="Add a phase (inside the campaign, overlapping no other) with its milestones",
    responses=RUNNER_ERRORS,
)
async def add_phase(
    campaign_id: uuid.UUID, data: PhaseCreate, actor: PrincipalDep, service: CampaignServiceDep
) -> PhaseOut:
    campaign = await service.get(campaign_id, for_update=True)
    return PhaseOut.model_validate(await service.add_phase(actor, campaign, data))


@router.get("/v1/campaigns/{campaign_id}/phases", responses={404: PROBLEM})
async def list_phases(
    campaign_id: uuid.UUID, _: ReaderDep, session: SessionDep, service: CampaignServiceDep
) -> Page[PhaseOut]:
    await service.get(campaign_id)
    phases = [PhaseOut.model_validate(p) for p in await repository.phases(session, campaign_id)]
    return Page(items=phases, total=len(phases))


@router.post(
    "/v1/campaigns/{campaign_id}/targets",
    status_code=status.HTTP_201_CREATED,
    summary="Add a target (KPI) with its baseline, target value and direction",
    responses=RUNNER_ERRORS,
)
async def add_target(
    campaign_id: uuid.UUID, data: TargetCreate, actor: PrincipalDep, service: CampaignServiceDep
) -> TargetOut:
    campaign = await service.get(campaign_id, for_update=True)
    return TargetOut.model_validate(await service.add_target(actor, campaign, data))


@router.get("/v1/campaigns/{campaign_id}/targets", responses={404: PROBLEM})
async def list_targets(
    campaign_id: uuid.UUID, _: ReaderDep, session: SessionDep, service: CampaignServiceDep
) -> Page[TargetOut]:
    await service.get(campaign_id)
    targets = [TargetOut.model_validate(t) for t in await repository.targets(session, campaign_id)]
    return Page(items=targets, total=len(targets))
