"""Record, certificate and personal-progress endpoints."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response, status
from fastapi.responses import JSONResponse
from sqlalchemy import or_, select

from literacy_api.access import ReaderDep, WriterDep
from literacy_api.catalog.models import Course
from literacy_api.certificates.pdf import render_certificate
from literacy_api.database import audit_trail
from literacy_api.learners.models import Learner
from literacy_api.training.models import Certificate, TrainingRecord
from literacy_api.training.schemas import (
    CertificateOut,
    MyProgress,
    RecordIn,
    RecordOut,
    RecordStatus,
    Revocation,
)
from literacy_api.training.service import TrainingService
from reference_data.personal_data import mask_name
from service_kit.auth import Principal, PrincipalDep, require_roles
from service_kit.caching import not_modified
from service_kit.db import SessionDep
from service_kit.errors import PROBLEM, Forbidden, InvalidState, NotFound
from service_kit.observability import client_address
from service_kit.pagination import CursorPage, CursorParamsDep, keyset_paginate

router = APIRouter(tags=["training"])


def get_training_service(request: Request, session: SessionDep) -> TrainingService:
    return TrainingService(session=session, client_ip=client_address(request))


TrainingServiceDep = Annotated[TrainingService, Depends(get_training_service)]


@router.post(
    "/v1/records",
    status_code=status.HTTP_201_CREATED,
    summary="Record a learner's training in a course (a second POST for the same course updates it)",
    responses={200: {"model": RecordOut, "description": "Updated"}, 403: PROBLEM, 409: PROBLEM, 422: PROBLEM},
)
async def record_training(
    data: RecordIn, response: Response, access: WriterDep, service: TrainingServiceDep
) -> RecordOut:
    record, created = await service.record(access, data)
    if not created:
        response.status_code = status.HTTP_200_OK
    return record


@router.get(
    "/v1/records", summary="Training records in the caller's scope (cursor paging)", responses={403: PROBLEM}
)
async def list_records(
    access: ReaderDep,
    session: SessionDep,
    page: CursorParamsDep,
    learner_id: Annotated[uuid.UUID | None, Query()] = None,
    course_code: Annotated[str | None, Query(max_length=32)] = None,
    class_id: Annotated[uuid.UUID | None, Query()] = None,
    status_: Annotated[RecordStatus | None, Query(alias="status")] = None,
    commune_code: Annotated[str | None, Query(pattern=r"^\d{5}$")] = None,
) -> CursorPage[RecordOut]:
    statement = select(TrainingRecord)
    if access.scope is not None:
        statement = statement.join(Learner, Learner.id == TrainingRecord.learner_id).where(
            or_(
                Learner.unit_code.in_(access.scope.units),
                TrainingRecord.commune_code.in_(access.scope.communes),
            )
        )
    for column, value in (
        (TrainingRecord.learner_id, learner_id),
        (TrainingRecord.course_code, course_code),
        (TrainingRecord.class_id, class_id),
        (TrainingRecord.status, status_),
        (TrainingRecord.commune_code, commune_code),
    ):
        if value is not None:
            statement = statement.where(column == value)
    records, next_cursor = await keyset_paginate(
        session, statement, keys=[TrainingRecord.id], key_of=lambda r: (r.id,), params=page
    )
    return CursorPage(items=[RecordOut.model_validate(r) for r in records], next_cursor=next_cursor)


async def _certificate(session: SessionDep, code: str) -> tuple[Certificate, Course, Learner]:
    row = (
        await session.execute(
            select(Certificate, Course, Learner)
            .join(Course, Course.code == Certificate.course_code)
            .join(Learner, Learner.id == Certificate.learner_id)
            .where(Certificate.code == code.upper())
        )
    ).first()
    if row is None:
        raise NotFound("No certificate has this code.")
    return row[0], row[1], row[2]


@router.get(
    "/v1/certificates/{code}.pdf",
    summary="The printable certificate, with a QR code to its verification page (public)",
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}}}, 404: PROBLEM, 409: PROBLEM},
)
async def certificate_pdf(code: str, request: Request, session: SessionDep) -> Response:
    certificate, course, learner = await _certificate(session, code)
    if certificate.revoked_at is not None:
        raise InvalidState("This certificate was revoked.")
    base = request.app.state.settings.public_base_url.rstrip("/")
    pdf = render_certificate(
        code=certificate.code,
        learner_name=learner.full_name or "",
        course_title=course.title,
        hours=course.hours,
        issued_on=certificate.issued_on,
        verify_url=f"{base}/api/literacy/v1/certificates/{certificate.code}",
    )
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="{certificate.code}.pdf"'},
    )


@router.get(
    "/v1/certificates/{code}",
    summary="Verify a certificate (public; the name is masked)",
    responses={404: PROBLEM},
)
async def verify_certificate(code: str, session: SessionDep) -> CertificateOut:
    certificate, course, learner = await _certificate(session, code)
    revoked = certificate.revoked_at is not None
    return CertificateOut(
        code=certificate.code,
        valid=not revoked,
        revoked=revoked,
        course_code=course.code,
        course_title=course.title,
        learner_name_masked=mask_name(learner.full_name or ""),
        issued_on=certificate.issued_on,
    )


@router.post(
    "/v1/certificates/{code}/revoke",
    summary="Revoke a certificate (admins)",
    responses={403: PROBLEM, 404: PROBLEM, 409: PROBLEM},
)
async def revoke_certificate(
    code: str,
    data: Revocation,
    request: Request,
    session: SessionDep,
    actor: Annotated[Principal, Depends(require_roles("admin"))],
) -> CertificateOut:
    certificate, _course, _learner = await _certificate(session, code)
    if certificate.revoked_at is not None:
        raise InvalidState("This certificate is revoked already.")
    certificate.revoked_at = datetime.now(UTC)
    certificate.revoked_reason = data.reason
    await session.flush()
    await audit_trail.record(
        session,
        actor=actor.subject,
        action="certificate.revoked",
        object_type="certificate",
        object_id=certificate.code,
        before={"revoked": False},
        after={"revoked": True, "reason": data.reason},
        client_ip=client_address(request),
    )
    return await verify_certificate(code, session)


@router.get(
    "/v1/me/progress",
    response_model=MyProgress,
    summary="The signed-in learner's courses, certificates, competences and hours",
    responses={304: {}, 403: PROBLEM, 404: PROBLEM},
)
async def my_progress(
    request: Request, principal: PrincipalDep, service: TrainingServiceDep
) -> MyProgress | Response:
    if principal.learner_id is None:
        raise Forbidden("This is for learners, with their own account.")
    progress = await service.progress_of(principal.learner_id)
    response = JSONResponse(progress.model_dump(mode="json"), headers={"Cache-Control": "private, no-cache"})
    if not_modified(request, response, progress):
        return Response(
            status_code=304, headers={"ETag": response.headers["ETag"], "Cache-Control": "private, no-cache"}
        )
    return response
