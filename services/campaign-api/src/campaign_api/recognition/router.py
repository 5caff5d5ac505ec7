"""Initiative and commendation endpoints."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, status
from sqlalchemy import select

from campaign_api.campaigns.router import CampaignServiceDep
from campaign_api.campaigns.service import field_error
from campaign_api.deps import ReaderDep
from campaign_api.participation import repository as participation
from campaign_api.recognition.models import Commendation, Initiative
from campaign_api.recognition.schemas import (
    Assessment,
    CommendationIn,
    CommendationOut,
    InitiativeIn,
    InitiativeOut,
)
from campaign_api.units import repository as units
from campaign_api.units.service import SessionUnitTree
from service_kit.auth import PrincipalDep, ensure_unit_access
from service_kit.db import SessionDep
from service_kit.errors import PROBLEM, InvalidState, NotFound
from service_kit.pagination import Page, PageParamsDep, paginate

router = APIRouter(tags=["recognition"])

ERRORS: dict[int | str, dict[str, Any]] = {403: PROBLEM, 404: PROBLEM, 409: PROBLEM, 422: PROBLEM}


@router.post(
    "/v1/campaigns/{campaign_id}/initiatives",
    status_code=status.HTTP_201_CREATED,
    summary="A participant unit submits an initiative",
    responses=ERRORS,
)
async def submit_initiative(
    campaign_id: uuid.UUID,
    data: InitiativeIn,
    actor: PrincipalDep,
    session: SessionDep,
    campaigns: CampaignServiceDep,
) -> InitiativeOut:
    campaign = await campaigns.get(campaign_id)
    await ensure_unit_access(actor, data.unit_code, SessionUnitTree(session))
    if await participation.participant(session, campaign.id, data.unit_code) is None:
        raise field_error("unit_code", f"Unit {data.unit_code} does not take part in this campaign.")
    if campaign.status != "active":
        raise InvalidState(
            f"Initiatives are submitted while the campaign is active; it is {campaign.status}."
        )
    initiative = Initiative(campaign_id=campaign.id, **data.model_dump())
    session.add(initiative)
    await session.flush()
    await session.refresh(initiative)
    await campaigns.audit(
        actor, "initiative.submitted", "initiative", str(initiative.id), after={"status": "submitted"}
    )
    return InitiativeOut.model_validate(initiative)


@router.get("/v1/campaigns/{campaign_id}/initiatives", responses={404: PROBLEM})
async def list_initiatives(
    campaign_id: uuid.UUID,
    _: ReaderDep,
    session: SessionDep,
    page: PageParamsDep,
    campaigns: CampaignServiceDep,
) -> Page[InitiativeOut]:
    await campaigns.get(campaign_id)
    statement = (
        select(Initiative).where(Initiative.campaign_id == campaign_id).order_by(Initiative.submitted_at)
    )
    initiatives, total = await paginate(session, statement, page)
    return Page(items=[InitiativeOut.model_validate(i) for i in initiatives], total=total)


@router.post(
    "/v1/initiatives/{initiative_id}/assess", summary="The organiser accepts or rejects", responses=ERRORS
)
async def assess_initiative(
    initiative_id: uuid.UUID,
    data: Assessment,
    actor: PrincipalDep,
    session: SessionDep,
    campaigns: CampaignServiceDep,
) -> InitiativeOut:
    initiative = await session.get(Initiative, initiative_id, with_for_update=True)
    if initiative is None:
        raise NotFound(f"No initiative {initiative_id}.")
    campaign = await campaigns.get(initiative.campaign_id)
    await campaigns.ensure_runs(actor, campaign.organizer_unit_code)
    if initiative.status != "submitted":
        raise InvalidState(f"This initiative is already {initiative.status}.")
    initiative.status = data.status.value
    initiative.assessment = data.assessment
    initiative.assessed_at = datetime.now(UTC)
    await session.flush()
    await campaigns.audit(
        actor,
        f"initiative.{data.status.value}",
        "initiative",
        str(initiative.id),
        before={"status": "submitted"},
        after={"status": data.status.value, "assessment": data.assessment},
    )
    return InitiativeOut.model_validate(initiative)


@router.post(
    "/v1/campaigns/{campaign_id}/commendations",
    status_code=status.HTTP_201_CREATED,
    summary="Record a commendation decided for a unit or a person",
    responses=ERRORS,
)
async def add_commendation(
    campaign_id: uuid.UUID,
    data: CommendationIn,
    actor: PrincipalDep,
    session: SessionDep,
    campaigns: CampaignServiceDep,
) -> CommendationOut:
    campaign = await campaigns.get(campaign_id)
    await campaigns.ensure_runs(actor, campaign.organizer_unit_code)
    if await units.get(session, data.unit_code) is None:
        raise field_error("unit_code", f"No unit {data.unit_code}.")
    commendation = Commendation(campaign_id=campaign.id, **data.model_dump())
    session.add(commendation)
    await session.flush()
    await campaigns.audit(
        actor,
        "commendation.recorded",
        "commendation",
        str(commendation.id),
        after=data.model_dump(mode="json"),
    )
    return CommendationOut.model_validate(commendation)


@router.get("/v1/campaigns/{campaign_id}/commendations", responses={404: PROBLEM})
async def list_commendations(
    campaign_id: uuid.UUID,
    _: ReaderDep,
    session: SessionDep,
    page: PageParamsDep,
    campaigns: CampaignServiceDep,
) -> Page[CommendationOut]:
    await campaigns.get(campaign_id)
    statement = (
        select(Commendation)
        .where(Commendation.campaign_id == campaign_id)
        .order_by(Commendation.decided_on, Commendation.created_at, Commendation.id)
    )
    commendations, total = await paginate(session, statement, page)
    return Page(items=[CommendationOut.model_validate(c) for c in commendations], total=total)
