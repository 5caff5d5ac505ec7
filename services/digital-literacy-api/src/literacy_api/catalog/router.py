"""Course and class endpoints: everyone signed in reads the offer; admins add courses; admins and managers open classes."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, status
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from literacy_api.catalog.models import Course, TrainingClass
from literacy_api.catalog.schemas import ClassCreate, ClassOut, CourseCreate, CourseOut
from literacy_api.competences.framework import known_competence_codes
from literacy_api.database import audit_trail
from literacy_api.learners.service import province_of
from service_kit.auth import Principal, PrincipalDep, require_roles
from service_kit.db import SessionDep
from service_kit.errors import PROBLEM, Conflict, ValidationFailed
from service_kit.observability import client_address
from service_kit.pagination import Page, PageParamsDep, paginate
from service_kit.text import fold

router = APIRouter(tags=["catalog"])


@router.post(
    "/v1/courses", status_code=status.HTTP_201_CREATED, responses={403: PROBLEM, 409: PROBLEM, 422: PROBLEM}
)
async def create_course(
    data: CourseCreate,
    request: Request,
    session: SessionDep,
    actor: Annotated[Principal, Depends(require_roles("admin"))],
) -> CourseOut:
    unknown = sorted(set(data.competence_codes) - known_competence_codes())
    if unknown:
        raise ValidationFailed(
            f"Unknown competence codes: {', '.join(unknown)}.",
            errors=[{"field": "competence_codes", "message": f"unknown: {', '.join(unknown)}"}],
        )
    course = Course(
        **data.model_dump(exclude={"required_for"}),
        required_for=[c.value for c in data.required_for],
        title_folded=fold(data.title),
    )
    session.add(course)
    try:
        async with session.begin_nested():
            await session.flush()
    except IntegrityError:
        raise Conflict(f"A course {data.code} exists.") from None
    await session.refresh(course)
    await audit_trail.record(
        session,
        actor=actor.subject,
        action="course.created",
        object_type="course",
        object_id=course.code,
        client_ip=client_address(request),
    )
    return CourseOut.model_validate(course)


@router.get("/v1/courses", summary="The courses, by code", responses={401: PROBLEM})
async def list_courses(
    _: PrincipalDep,
    session: SessionDep,
    page: PageParamsDep,
    q: Annotated[str | None, Query(max_length=100, description="Title; diacritics ignored")] = None,
) -> Page[CourseOut]:
    statement = select(Course).order_by(Course.code)
    for word in fold(q).split() if q else []:
        statement = statement.where(Course.title_folded.contains(word, autoescape=True))
    courses, total = await paginate(session, statement, page)
    return Page(items=[CourseOut.model_validate(c) for c in courses], total=total)


@router.post("/v1/classes", status_code=status.HTTP_201_CREATED, responses={403: PROBLEM, 422: PROBLEM})
async def create_class(
    data: ClassCreate,
    request: Request,
    session: SessionDep,
    actor: Annotated[Principal, Depends(require_roles("admin", "manager"))],
) -> ClassOut:
    if await session.get(Course, data.course_code) is None:
        raise ValidationFailed(
            f"No course {data.course_code}.", errors=[{"field": "course_code", "message": "unknown course"}]
        )
    training_class = TrainingClass(**data.model_dump(), province_code=province_of(data.commune_code))
    session.add(training_class)
    await session.flush()
    await session.refresh(training_class)
    await audit_trail.record(
        session,
        actor=actor.subject,
        action="class.created",
        object_type="class",
        object_id=str(training_class.id),
        client_ip=client_address(request),
    )
    return ClassOut.model_validate(training_class)


@router.get("/v1/classes", summary="Classes, by commune, course and date", responses={401: PROBLEM})
async def list_classes(
    _: PrincipalDep,
    session: SessionDep,
    page: PageParamsDep,
    commune_code: Annotated[str | None, Query(pattern=r"^\d{5}$")] = None,
    province_code: Annotated[str | None, Query(pattern=r"^\d{2}$")] = None,
    course_code: Annotated[str | None, Query(max_length=32)] = None,
) -> Page[ClassOut]:
    statement = select(TrainingClass).order_by(TrainingClass.starts_on.desc(), TrainingClass.id)
    if commune_code is not None:
        statement = statement.where(TrainingClass.commune_code == commune_code)
    if province_code is not None:
        statement = statement.where(TrainingClass.province_code == province_code)
    if course_code is not None:
        statement = statement.where(TrainingClass.course_code == course_code)
    classes, total = await paginate(session, statement, page)
    return Page(items=[ClassOut.model_validate(c) for c in classes], total=total)
