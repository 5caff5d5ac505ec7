"""Learner endpoints: create, list (cursor), read, change, erase; the sign-up match; a learner's own data."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response, status
from sqlalchemy import select

from literacy_api.access import ReaderDep, WriterDep
from literacy_api.learners.models import Learner
from literacy_api.learners.schemas import (
    Category,
    LearnerCreate,
    LearnerOut,
    LearnerUpdate,
    MatchRequest,
    MatchResult,
    PersonalDataExport,
)
from literacy_api.learners.service import NATIONAL_ID, PHONE, LearnerService
from literacy_api.training.models import TrainingRecord
from literacy_api.training.schemas import RecordOut
from service_kit.auth import Principal, PrincipalDep, require_roles
from service_kit.caching import check_if_match, conditional
from service_kit.db import SessionDep
from service_kit.errors import PROBLEM, Forbidden, NotFound
from service_kit.observability import client_address
from service_kit.pagination import CursorPage, CursorParamsDep

router = APIRouter(tags=["learners"])


def get_learner_service(request: Request, session: SessionDep) -> LearnerService:
    return LearnerService(
        session=session,
        cipher=request.app.state.cipher,
        client_ip=client_address(request),
    )


LearnerServiceDep = Annotated[LearnerService, Depends(get_learner_service)]


@router.post(
    "/v1/learners", status_code=status.HTTP_201_CREATED, responses={403: PROBLEM, 409: PROBLEM, 422: PROBLEM}
)
async def create_learner(data: LearnerCreate, access: WriterDep, service: LearnerServiceDep) -> LearnerOut:
    return service.out(await service.create(access, data), sensitive=access.sees_sensitive_data)


@router.get(
    "/v1/learners",
    summary="Learners in the caller's scope, by name (cursor paging)",
    responses={403: PROBLEM},
)
async def list_learners(
    access: ReaderDep,
    service: LearnerServiceDep,
    page: CursorParamsDep,
    national_id: Annotated[
        str | None, Query(pattern=r"^\d{12}$", description="Found by its keyed hash")
    ] = None,
    commune_code: Annotated[str | None, Query(pattern=r"^\d{5}$")] = None,
    category: Annotated[Category | None, Query()] = None,
    unit_code: Annotated[str | None, Query(max_length=32)] = None,
    q: Annotated[str | None, Query(max_length=100, description="Name; diacritics ignored")] = None,
) -> CursorPage[LearnerOut]:
    learners, next_cursor = await service.list(
        access,
        page,
        national_id=national_id,
        commune_code=commune_code,
        category=category,
        unit_code=unit_code,
        q=q,
    )
    # Ethnicity never appears in lists.
    return CursorPage(items=[service.out(learner) for learner in learners], next_cursor=next_cursor)


@router.post(
    "/v1/learners/match",
    summary="API clients: the learner with this national ID and birth date (no hint which differs)",
    responses={403: PROBLEM, 404: PROBLEM},
)
async def match_learner(
    data: MatchRequest, principal: PrincipalDep, service: LearnerServiceDep
) -> MatchResult:
    if not principal.is_client or not (
        principal.has_scope("literacy:match") or principal.has_scope("literacy:read")
    ):
        raise Forbidden("Only API clients granted literacy:match look learners up.")
    learner_id = await service.match(data.national_id, data.date_of_birth)
    if learner_id is None:
        raise NotFound("No learner matches these details.")
    return MatchResult(learner_id=learner_id)


@router.get(
    "/v1/learners/{learner_id}", response_model=LearnerOut, responses={304: {}, 403: PROBLEM, 404: PROBLEM}
)
async def get_learner(
    learner_id: uuid.UUID, request: Request, response: Response, access: ReaderDep, service: LearnerServiceDep
) -> LearnerOut | Response:
    learner = await service.get(access, learner_id)
    return conditional(request, response, service.out(learner, sensitive=access.sees_sensitive_data))


@router.patch(
    "/v1/learners/{learner_id}",
    responses={403: PROBLEM, 404: PROBLEM, 409: PROBLEM, 412: PROBLEM, 422: PROBLEM},
)
async def update_learner(
    learner_id: uuid.UUID,
    data: LearnerUpdate,
    request: Request,
    response: Response,
    access: WriterDep,
    service: LearnerServiceDep,
) -> LearnerOut:
    learner = await service.get(access, learner_id, for_update=True)
    check_if_match(request, service.out(learner, sensitive=access.sees_sensitive_data))
    updated = service.out(await service.update(access, learner, data), sensitive=access.sees_sensitive_data)
    conditional(request, response, updated)
    return updated


@router.delete(
    "/v1/learners/{learner_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Erase the learner's personal data; anonymous records stay counted",
    responses={403: PROBLEM, 404: PROBLEM},
)
async def erase_learner(
    learner_id: uuid.UUID,
    _: Annotated[Principal, Depends(require_roles("admin"))],
    access: WriterDep,
    service: LearnerServiceDep,
) -> Response:
    await service.erase(access, await service.get(access, learner_id, for_update=True))
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(
    "/v1/me/data",
    summary="Everything held about the signed-in learner",
    responses={403: PROBLEM, 404: PROBLEM},
)
async def export_my_data(
    principal: PrincipalDep, session: SessionDep, service: LearnerServiceDep
) -> PersonalDataExport:
    if principal.learner_id is None:
        raise Forbidden("This is for learners, with their own account.")
    # The learner reads their own record: no unit scope applies.
    learner = await session.get(Learner, uuid.UUID(principal.learner_id))
    if learner is None or learner.erased_at is not None:
        raise NotFound("No learner record is linked to this account.")
    records = await session.scalars(select(TrainingRecord).where(TrainingRecord.learner_id == learner.id))
    cipher = service.cipher
    return PersonalDataExport(
        learner=service.out(learner, sensitive=True),
        national_id=cipher.decrypt(learner.national_id_encrypted, field=NATIONAL_ID)
        if learner.national_id_encrypted
        else None,
        phone=cipher.decrypt(learner.phone_encrypted, field=PHONE) if learner.phone_encrypted else None,
        records=[RecordOut.model_validate(r).model_dump(mode="json") for r in records],
        exported_at=datetime.now(UTC),
    )
