"""Training-record and personal-progress endpoints."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response, status

from literacy_api.deps import CursorDep, LearnerSelf, RecordReader, RecordWriter, SessionDep
from literacy_api.inputs import CommuneCode, CourseCode
from literacy_api.training.schemas import MyProgress, RecordIn, RecordOut, RecordStatus
from literacy_api.training.service import ProgressService, TrainingService
from service_kit.caching import if_none_match
from service_kit.db import DatabaseDep
from service_kit.errors import PROBLEM
from service_kit.pagination import CursorPage

router = APIRouter(tags=["training"])

_CODE = {"code": "$response.body#/certificate_code"}
RECORD_LINKS = {
    "VerifyCertificate": {
        "operationId": "verify_certificate_v1_certificates__code__get",
        "parameters": _CODE,
    },
    "PrintCertificate": {
        "operationId": "certificate_pdf_v1_certificates__code__pdf_get",
        "parameters": _CODE,
    },
    "RevokeCertificate": {
        "operationId": "revoke_certificate_v1_certificates__code__revoke_post",
        "parameters": _CODE,
    },
    "GetLearner": {
        "operationId": "get_learner_v1_learners__learner_id__get",
        "parameters": {"learner_id": "$response.body#/learner_id"},
    },
}
"""OpenAPI links: a completed record's certificate (verify, print, revoke) and its learner."""


async def get_training_service(session: SessionDep) -> TrainingService:
    return TrainingService(session=session)


TrainingServiceDep = Annotated[TrainingService, Depends(get_training_service)]


async def get_progress_service(request: Request, database: DatabaseDep) -> ProgressService:
    # No connection taken here: a learner the cache holds is answered without one.
    return ProgressService(database=database, cache=request.app.state.progress_cache)


ProgressServiceDep = Annotated[ProgressService, Depends(get_progress_service)]


@router.post(
    "/v1/records",
    status_code=status.HTTP_201_CREATED,
    summary="Record a learner's training in a course (a second POST for the same course updates it)",
    responses={
        201: {"links": RECORD_LINKS, "description": "Created"},
        200: {"model": RecordOut, "description": "Updated", "links": RECORD_LINKS},
        403: PROBLEM,
        404: PROBLEM,
        409: PROBLEM,
        422: PROBLEM,
    },
)
async def record_training(
    data: RecordIn, response: Response, actor: RecordWriter, service: TrainingServiceDep
) -> RecordOut:
    record, created = await service.record(actor, data)
    if not created:
        response.status_code = status.HTTP_200_OK
    return record


@router.get(
    "/v1/records", summary="Training records in the caller's scope (cursor paging)", responses={403: PROBLEM}
)
async def list_records(
    actor: RecordReader,
    service: TrainingServiceDep,
    page: CursorDep,
    learner_id: Annotated[uuid.UUID | None, Query()] = None,
    course_code: Annotated[CourseCode | None, Query()] = None,
    class_id: Annotated[uuid.UUID | None, Query()] = None,
    status_: Annotated[RecordStatus | None, Query(alias="status")] = None,
    commune_code: Annotated[CommuneCode | None, Query()] = None,
) -> CursorPage[RecordOut]:
    filters = {
        "learner_id": learner_id,
        "course_code": course_code,
        "class_id": class_id,
        "status": status_,
        "commune_code": commune_code,
    }
    return await service.page(actor, page, filters)


@router.get(
    "/v1/me/progress",
    response_model=MyProgress,
    summary="The signed-in learner's courses, certificates, competences and hours",
    responses={304: {}, 403: PROBLEM, 404: PROBLEM},
)
async def my_progress(request: Request, actor: LearnerSelf, service: ProgressServiceDep) -> Response:
    answer = await service.progress_of(actor, lambda etag: if_none_match(request, etag))
    headers = {"ETag": answer.etag, "Cache-Control": "private, no-cache"}
    if answer.body is None:
        return Response(status_code=304, headers=headers)
    return Response(answer.body, media_type="application/json", headers=headers)
