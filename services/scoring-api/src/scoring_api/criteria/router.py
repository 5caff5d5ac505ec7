"""Criteria-set and round endpoints: admins define and publish sets and open rounds; officials read them."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from decimal import Decimal
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response, status
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from scoring_api import engine
from scoring_api.clients.campaign import CampaignClient
from scoring_api.criteria.schemas import (
    BandIn,
    CriteriaSetCreate,
    CriteriaSetOut,
    CriterionIn,
    RoundCreate,
    RoundOut,
    SubjectType,
    criteria_of,
)
from scoring_api.database import audit_trail
from scoring_api.deps import AdminDep, ReaderDep
from scoring_api.models import CriteriaSet, Round
from service_kit.auth import Principal
from service_kit.caching import check_if_match, conditional
from service_kit.db import SessionDep
from service_kit.errors import PROBLEM, Conflict, InvalidState, NotFound, ValidationFailed
from service_kit.observability import client_address
from service_kit.pagination import Page, PageParamsDep, paginate

router = APIRouter(tags=["criteria"])


def out(criteria_set: CriteriaSet) -> CriteriaSetOut:
    result = CriteriaSetOut.model_validate(criteria_set)
    result.max_total = sum((c.max_points for c in criteria_of(criteria_set.criteria)), Decimal(0))
    return result


def get_campaign_client(request: Request) -> CampaignClient:
    client: CampaignClient = request.app.state.campaign_client
    return client


async def load_set(session: SessionDep, set_id: uuid.UUID, *, for_update: bool = False) -> CriteriaSet:
    statement = select(CriteriaSet).where(CriteriaSet.id == set_id)
    if for_update:
        statement = statement.with_for_update()
    criteria_set = await session.scalar(statement)
    if criteria_set is None:
        raise NotFound(f"No criteria set {set_id}.")
    return criteria_set


async def _audit(
    session: SessionDep, request: Request, actor: Principal, action: str, object_id: str, **change: Any
) -> None:
    await audit_trail.record(
        session,
        actor=actor.subject,
        action=action,
        object_type="criteria_set",
        object_id=object_id,
        client_ip=client_address(request),
        **change,
    )


@router.post(
    "/v1/criteria-sets",
    status_code=status.HTTP_201_CREATED,
    responses={403: PROBLEM, 409: PROBLEM, 422: PROBLEM},
)
async def create_set(
    data: CriteriaSetCreate, request: Request, actor: AdminDep, session: SessionDep
) -> CriteriaSetOut:
    criteria_set = CriteriaSet(
        campaign_id=data.campaign_id,
        subject_type=data.subject_type.value,
        name=data.name,
        version=data.version,
        status="draft",
        criteria=[c.model_dump(mode="json") for c in data.criteria],
        bands=[b.model_dump(mode="json") for b in data.bands],
    )
    session.add(criteria_set)
    try:
        async with session.begin_nested():
            await session.flush()
    except IntegrityError:
        raise Conflict(
            f"Version {data.version} of {data.name!r} exists for this campaign; a new version is a new set."
        ) from None
    await session.refresh(criteria_set)
    await _audit(session, request, actor, "criteria_set.created", str(criteria_set.id))
    return out(criteria_set)


@router.get("/v1/criteria-sets", responses={403: PROBLEM})
async def list_sets(
    _: ReaderDep,
    session: SessionDep,
    page: PageParamsDep,
    campaign_id: Annotated[uuid.UUID | None, Query()] = None,
    subject_type: Annotated[SubjectType | None, Query()] = None,
) -> Page[CriteriaSetOut]:
    statement = select(CriteriaSet).order_by(CriteriaSet.created_at.desc(), CriteriaSet.id)
    if campaign_id is not None:
        statement = statement.where(CriteriaSet.campaign_id == campaign_id)
    if subject_type is not None:
        statement = statement.where(CriteriaSet.subject_type == subject_type)
    sets, total = await paginate(session, statement, page)
    return Page(items=[out(s) for s in sets], total=total)


@router.get(
    "/v1/criteria-sets/{set_id}",
    response_model=CriteriaSetOut,
    responses={304: {}, 403: PROBLEM, 404: PROBLEM},
)
async def get_set(
    set_id: uuid.UUID, request: Request, response: Response, _: ReaderDep, session: SessionDep
) -> CriteriaSetOut | Response:
    return conditional(request, response, out(await load_set(session, set_id)))


class CriteriaSetUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, min_length=1, max_length=500)
    criteria: list[CriterionIn] | None = Field(default=None, min_length=1, max_length=100)
    bands: list[BandIn] | None = Field(default=None, max_length=20)


@router.patch(
    "/v1/criteria-sets/{set_id}",
    summary="Change a draft set (a published one is immutable: 409)",
    responses={403: PROBLEM, 404: PROBLEM, 409: PROBLEM, 412: PROBLEM, 422: PROBLEM},
)
async def update_set(
    set_id: uuid.UUID,
    data: CriteriaSetUpdate,
    request: Request,
    response: Response,
    actor: AdminDep,
    session: SessionDep,
) -> CriteriaSetOut:
    criteria_set = await load_set(session, set_id, for_update=True)
    check_if_match(request, out(criteria_set))
    if criteria_set.status == "published":
        raise InvalidState("A published criteria set does not change; create a new version.")
    criteria = (
        data.criteria
        if data.criteria is not None
        else [CriterionIn.model_validate(c) for c in criteria_set.criteria]
    )
    bands = data.bands if data.bands is not None else [BandIn.model_validate(b) for b in criteria_set.bands]
    problems = engine.validate_set([c.to_engine() for c in criteria]) + engine.validate_bands(
        [engine.Band(b.label, b.min_score) for b in bands]
    )
    if problems:
        raise ValidationFailed(
            "; ".join(problems), errors=[{"field": "criteria", "message": p} for p in problems]
        )
    criteria_set.name = data.name or criteria_set.name
    criteria_set.criteria = [c.model_dump(mode="json") for c in criteria]
    criteria_set.bands = [b.model_dump(mode="json") for b in bands]
    await session.flush()
    await _audit(session, request, actor, "criteria_set.updated", str(set_id))
    updated = out(criteria_set)
    conditional(request, response, updated)
    return updated


@router.post(
    "/v1/criteria-sets/{set_id}/publish",
    summary="Publish a draft set; its target_progress criteria must name targets the campaign has",
    responses={403: PROBLEM, 404: PROBLEM, 409: PROBLEM, 422: PROBLEM, 503: PROBLEM},
)
async def publish_set(
    set_id: uuid.UUID,
    request: Request,
    actor: AdminDep,
    session: SessionDep,
    campaign: Annotated[CampaignClient, Depends(get_campaign_client)],
) -> CriteriaSetOut:
    criteria_set = await load_set(session, set_id, for_update=True)
    if criteria_set.status == "published":
        raise InvalidState("This criteria set is published already.")
    named = {c.target_code for c in engine.leaves(criteria_of(criteria_set.criteria)) if c.target_code}
    if named:
        unknown = sorted(named - await campaign.target_codes(criteria_set.campaign_id))
        if unknown:
            raise ValidationFailed(
                f"The campaign has no targets {', '.join(unknown)}.",
                errors=[{"field": "criteria", "message": f"unknown target {code}"} for code in unknown],
            )
    criteria_set.status = "published"
    criteria_set.published_at = datetime.now(UTC)
    await session.flush()
    await _audit(
        session,
        request,
        actor,
        "criteria_set.published",
        str(set_id),
        before={"status": "draft"},
        after={"status": "published"},
    )
    return out(criteria_set)


@router.post(
    "/v1/rounds", status_code=status.HTTP_201_CREATED, responses={403: PROBLEM, 409: PROBLEM, 422: PROBLEM}
)
async def create_round(data: RoundCreate, request: Request, actor: AdminDep, session: SessionDep) -> RoundOut:
    criteria_set = await session.get(CriteriaSet, data.criteria_set_id)
    if criteria_set is None:
        raise ValidationFailed(
            "No such criteria set.", errors=[{"field": "criteria_set_id", "message": "unknown"}]
        )
    if criteria_set.status != "published":
        raise InvalidState("A round uses a published criteria set.")
    scoring_round = Round(**data.model_dump())
    session.add(scoring_round)
    await session.flush()
    await session.refresh(scoring_round)
    await audit_trail.record(
        session,
        actor=actor.subject,
        action="round.created",
        object_type="round",
        object_id=str(scoring_round.id),
        client_ip=client_address(request),
    )
    return RoundOut.model_validate(scoring_round)


@router.get("/v1/rounds", responses={403: PROBLEM})
async def list_rounds(
    _: ReaderDep,
    session: SessionDep,
    page: PageParamsDep,
    criteria_set_id: Annotated[uuid.UUID | None, Query()] = None,
) -> Page[RoundOut]:
    statement = select(Round).order_by(Round.period_start.desc(), Round.id)
    if criteria_set_id is not None:
        statement = statement.where(Round.criteria_set_id == criteria_set_id)
    rounds, total = await paginate(session, statement, page)
    return Page(items=[RoundOut.model_validate(r) for r in rounds], total=total)


@router.get("/v1/rounds/{round_id}", responses={403: PROBLEM, 404: PROBLEM})
async def get_round(round_id: uuid.UUID, _: ReaderDep, session: SessionDep) -> RoundOut:
    scoring_round = await session.get(Round, round_id)
    if scoring_round is None:
        raise NotFound(f"No round {round_id}.")
    return RoundOut.model_validate(scoring_round)
