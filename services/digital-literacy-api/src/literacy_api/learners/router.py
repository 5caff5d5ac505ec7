"""Learner endpoints: create, list (cursor), read, change, erase; the sign-up match; a learner's own data."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response, status

from literacy_api.deps import (
    AccountsDep,
    ActorDep,
    CampaignDep,
    CipherDep,
    CursorDep,
    LearnerDep,
    LearnerSelf,
    Matcher,
    RegisterReader,
    RegisterWriter,
    SessionDep,
    learner_for,
)
from literacy_api.inputs import CommuneCode, NationalId, SearchText, UnitCode
from literacy_api.learners.models import Learner
from literacy_api.learners.schemas import (
    Category,
    LearnerCreate,
    LearnerOut,
    LearnerPage,
    LearnerUpdate,
    MatchRequest,
    MatchResult,
    PersonalDataExport,
)
from literacy_api.learners.service import LearnerService
from service_kit.caching import check_if_match, conditional
from service_kit.errors import PROBLEM

router = APIRouter(tags=["learners"])

_LEARNER_ID = {"learner_id": "$response.body#/id"}
LEARNER_LINKS = {
    "GetLearner": {"operationId": "get_learner_v1_learners__learner_id__get", "parameters": _LEARNER_ID},
    "UpdateLearner": {
        "operationId": "update_learner_v1_learners__learner_id__patch",
        "parameters": _LEARNER_ID,
    },
    "EraseLearner": {
        "operationId": "erase_learner_v1_learners__learner_id__delete",
        "parameters": _LEARNER_ID,
    },
    "ListRecordsOfLearner": {
        "operationId": "list_records_v1_records_get",
        "parameters": {"query.learner_id": "$response.body#/id"},
    },
}
"""OpenAPI links: where a created learner can be read, changed, erased and its records listed."""


def get_learner_service(
    session: SessionDep, cipher: CipherDep, campaign: CampaignDep, accounts: AccountsDep
) -> LearnerService:
    return LearnerService(session=session, cipher=cipher, units=campaign, accounts=accounts)


LearnerServiceDep = Annotated[LearnerService, Depends(get_learner_service)]
EditableLearner = Annotated[Learner, Depends(learner_for("edit"))]
ErasableLearner = Annotated[Learner, Depends(learner_for("erase"))]


@router.post(
    "/v1/learners",
    status_code=status.HTTP_201_CREATED,
    responses={
        201: {"links": LEARNER_LINKS, "description": "Created"},
        403: PROBLEM,
        404: PROBLEM,
        409: PROBLEM,
        422: PROBLEM,
    },
)
async def create_learner(
    data: LearnerCreate, actor: RegisterWriter, service: LearnerServiceDep
) -> LearnerOut:
    return service.out(actor, await service.create(actor, data), single=True)


@router.get(
    "/v1/learners",
    summary="Learners in the caller's scope, by name (cursor paging)",
    responses={403: PROBLEM},
)
async def list_learners(
    actor: RegisterReader,
    service: LearnerServiceDep,
    page: CursorDep,
    national_id: Annotated[NationalId | None, Query(description="Found by its keyed hash")] = None,
    commune_code: Annotated[CommuneCode | None, Query()] = None,
    category: Annotated[Category | None, Query()] = None,
    unit_code: Annotated[UnitCode | None, Query()] = None,
    q: Annotated[SearchText | None, Query(description="Name; diacritics ignored")] = None,
) -> LearnerPage:
    return await service.page(
        actor,
        page,
        national_id=national_id,
        commune_code=commune_code,
        category=category,
        unit_code=unit_code,
        q=q,
    )


@router.post(
    "/v1/learners/match",
    summary="API clients granted literacy:match: the learner with this national ID and birth date "
    "(no hint which differs)",
    responses={403: PROBLEM, 404: PROBLEM},
)
async def match_learner(data: MatchRequest, _: Matcher, service: LearnerServiceDep) -> MatchResult:
    return MatchResult(learner_id=await service.match(data.national_id, data.date_of_birth))


@router.get(
    "/v1/learners/{learner_id:uuid_any}",
    response_model=LearnerOut,
    responses={304: {}, 403: PROBLEM, 404: PROBLEM},
)
async def get_learner(
    learner: LearnerDep, request: Request, response: Response, actor: ActorDep, service: LearnerServiceDep
) -> LearnerOut | Response:
    return conditional(request, response, service.out(actor, learner, single=True))


@router.patch(
    "/v1/learners/{learner_id:uuid_any}",
    responses={403: PROBLEM, 404: PROBLEM, 409: PROBLEM, 412: PROBLEM, 422: PROBLEM},
)
async def update_learner(
    learner: EditableLearner,
    data: LearnerUpdate,
    request: Request,
    response: Response,
    actor: ActorDep,
    service: LearnerServiceDep,
) -> LearnerOut:
    check_if_match(request, service.out(actor, learner, single=True))
    updated = service.out(actor, await service.update(actor, learner, data), single=True)
    conditional(request, response, updated)
    return updated


@router.delete(
    "/v1/learners/{learner_id:uuid_any}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Erase the learner's personal data; anonymous records stay counted",
    responses={403: PROBLEM, 404: PROBLEM},
)
async def erase_learner(learner: ErasableLearner, actor: ActorDep, service: LearnerServiceDep) -> Response:
    await service.erase(actor, learner)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(
    "/v1/me/data",
    summary="Everything held about the signed-in learner",
    responses={403: PROBLEM, 404: PROBLEM},
)
async def export_my_data(actor: LearnerSelf, service: LearnerServiceDep) -> PersonalDataExport:
    return await service.export(actor)
