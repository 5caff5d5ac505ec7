"""Round endpoints: administrators open rounds on published sets; officials read them."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, status

from scoring_api.access import ROUND_LIST
from scoring_api.deps import ROUND_LINKS, ActorDep, RoundDep, collection_for, links
from scoring_api.rounds.schemas import RoundCreate, RoundListAction, RoundOut, RoundPage
from scoring_api.rounds.service import RoundService
from service_kit.access import READ, Actor
from service_kit.db import SessionDep
from service_kit.errors import PROBLEM
from service_kit.pagination import PageParamsDep

router = APIRouter(tags=["rounds"])


def get_service(session: SessionDep) -> RoundService:
    return RoundService(session)


ServiceDep = Annotated[RoundService, Depends(get_service)]
ListReaderDep = Annotated[Actor, Depends(collection_for(ROUND_LIST, READ))]
ListCreatorDep = Annotated[Actor, Depends(collection_for(ROUND_LIST, RoundListAction.CREATE))]


@router.post(
    "/v1/rounds",
    status_code=status.HTTP_201_CREATED,
    responses={201: links(*ROUND_LINKS), 403: PROBLEM, 409: PROBLEM, 422: PROBLEM},
)
async def create_round(data: RoundCreate, actor: ListCreatorDep, service: ServiceDep) -> RoundOut:
    return await service.create(actor, data)


@router.get("/v1/rounds", responses={403: PROBLEM})
async def list_rounds(
    actor: ListReaderDep,
    service: ServiceDep,
    page: PageParamsDep,
    criteria_set_id: Annotated[uuid.UUID | None, Query()] = None,
) -> RoundPage:
    return await service.page(actor, page, criteria_set_id=criteria_set_id)


@router.get("/v1/rounds/{round_id}", responses={200: links(*ROUND_LINKS), 403: PROBLEM, 404: PROBLEM})
async def get_round(scoring_round: RoundDep, actor: ActorDep, service: ServiceDep) -> RoundOut:
    return service.out(actor, scoring_round)
