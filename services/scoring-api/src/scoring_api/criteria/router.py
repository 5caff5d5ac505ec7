"""Criteria-set endpoints: administrators define and publish sets; officials read them."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response, status

from scoring_api.access import CRITERIA_SET_LIST
from scoring_api.criteria.models import CriteriaSet
from scoring_api.criteria.schemas import (
    CriteriaSetAction,
    CriteriaSetCreate,
    CriteriaSetListAction,
    CriteriaSetOut,
    CriteriaSetPage,
    CriteriaSetUpdate,
    SubjectType,
)
from scoring_api.criteria.service import CriteriaSetService
from scoring_api.deps import (
    ETAG_HEADERS,
    NOT_MODIFIED,
    SET_LINKS,
    ActorDep,
    CampaignDep,
    CriteriaSetDep,
    collection_for,
    criteria_set_for,
    for_this_caller,
    link_with_body,
    links,
)
from service_kit.access import READ, Actor
from service_kit.caching import check_if_match
from service_kit.db import SessionDep
from service_kit.errors import PROBLEM
from service_kit.pagination import PageParamsDep

router = APIRouter(tags=["criteria"])


def get_service(session: SessionDep) -> CriteriaSetService:
    return CriteriaSetService(session)


ServiceDep = Annotated[CriteriaSetService, Depends(get_service)]
ListReaderDep = Annotated[Actor, Depends(collection_for(CRITERIA_SET_LIST, READ))]
ListCreatorDep = Annotated[Actor, Depends(collection_for(CRITERIA_SET_LIST, CriteriaSetListAction.CREATE))]
SetToEditDep = Annotated[CriteriaSet, Depends(criteria_set_for(CriteriaSetAction.EDIT))]
SetToPublishDep = Annotated[CriteriaSet, Depends(criteria_set_for(CriteriaSetAction.PUBLISH))]


@router.post(
    "/v1/criteria-sets",
    status_code=status.HTTP_201_CREATED,
    responses={201: links(*SET_LINKS), 403: PROBLEM, 409: PROBLEM, 422: PROBLEM},
)
async def create_set(data: CriteriaSetCreate, actor: ListCreatorDep, service: ServiceDep) -> CriteriaSetOut:
    return await service.create(actor, data)


@router.get("/v1/criteria-sets", responses={403: PROBLEM})
async def list_sets(
    actor: ListReaderDep,
    service: ServiceDep,
    page: PageParamsDep,
    campaign_id: Annotated[uuid.UUID | None, Query()] = None,
    subject_type: Annotated[SubjectType | None, Query()] = None,
) -> CriteriaSetPage:
    return await service.page(actor, page, campaign_id=campaign_id, subject_type=subject_type)


@router.get(
    "/v1/criteria-sets/{set_id}",
    response_model=CriteriaSetOut,
    responses={200: {"headers": ETAG_HEADERS}, 304: NOT_MODIFIED, 403: PROBLEM, 404: PROBLEM},
)
async def get_set(
    request: Request, response: Response, criteria_set: CriteriaSetDep, actor: ActorDep, service: ServiceDep
) -> CriteriaSetOut | Response:
    return for_this_caller(request, response, service.out(actor, criteria_set))


@router.patch(
    "/v1/criteria-sets/{set_id}",
    summary="Change a draft set (a published one is immutable: 409)",
    responses={
        200: {"headers": ETAG_HEADERS},
        403: PROBLEM,
        404: PROBLEM,
        409: PROBLEM,
        412: PROBLEM,
        422: PROBLEM,
    },
)
async def update_set(
    data: CriteriaSetUpdate,
    request: Request,
    response: Response,
    criteria_set: SetToEditDep,
    actor: ActorDep,
    service: ServiceDep,
) -> CriteriaSetOut:
    check_if_match(request, service.out(actor, criteria_set))
    updated = await service.update(actor, criteria_set, data)
    for_this_caller(request, response, updated)
    return updated


@router.post(
    "/v1/criteria-sets/{set_id}/publish",
    summary="Publish a draft set; its target_progress criteria must name targets the campaign has",
    responses={
        200: links(
            ("get", "GET /v1/criteria-sets/{set_id}", "set_id"),
            open_round=link_with_body("POST /v1/rounds", {"criteria_set_id": "$response.body#/id"}),
            rounds={
                "operationRef": "#/paths/~1v1~1rounds/get",
                "parameters": {"query.criteria_set_id": "$response.body#/id"},
            },
        ),
        403: PROBLEM,
        404: PROBLEM,
        409: PROBLEM,
        422: PROBLEM,
        503: PROBLEM,
    },
)
async def publish_set(
    criteria_set: SetToPublishDep, actor: ActorDep, service: ServiceDep, campaign: CampaignDep
) -> CriteriaSetOut:
    return await service.publish(actor, criteria_set, campaign)
