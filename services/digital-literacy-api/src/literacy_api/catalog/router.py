"""Course and class endpoints: everyone signed in reads the offer; admins add courses; admins and managers
open classes (managers in their own communes)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, status

from literacy_api.catalog.schemas import ClassCreate, ClassOut, ClassPage, CourseCreate, CourseOut, CoursePage
from literacy_api.catalog.service import CatalogService
from literacy_api.deps import ActorDep, ClassCreator, CourseCreator, SessionDep
from literacy_api.inputs import CommuneCode, CourseCode, ProvinceCode, SearchText
from service_kit.errors import PROBLEM
from service_kit.pagination import PageParamsDep

router = APIRouter(tags=["catalog"])


def get_catalog_service(session: SessionDep) -> CatalogService:
    return CatalogService(session=session)


CatalogServiceDep = Annotated[CatalogService, Depends(get_catalog_service)]


@router.post(
    "/v1/courses",
    status_code=status.HTTP_201_CREATED,
    responses={
        201: {
            "description": "Created",
            "links": {
                "ListClassesOfCourse": {
                    "operationId": "list_classes_v1_classes_get",
                    "parameters": {"query.course_code": "$response.body#/code"},
                },
                "ListRecordsOfCourse": {
                    "operationId": "list_records_v1_records_get",
                    "parameters": {"query.course_code": "$response.body#/code"},
                },
            },
        },
        403: PROBLEM,
        409: PROBLEM,
        422: PROBLEM,
    },
)
async def create_course(data: CourseCreate, actor: CourseCreator, service: CatalogServiceDep) -> CourseOut:
    return await service.create_course(actor, data)


@router.get("/v1/courses", summary="The courses, by code", responses={401: PROBLEM})
async def list_courses(
    actor: ActorDep,
    service: CatalogServiceDep,
    page: PageParamsDep,
    q: Annotated[SearchText | None, Query(description="Title; diacritics ignored")] = None,
) -> CoursePage:
    return await service.courses(actor, page, q=q)


@router.post(
    "/v1/classes",
    status_code=status.HTTP_201_CREATED,
    responses={
        201: {
            "description": "Created",
            "links": {
                "ListRecordsOfClass": {
                    "operationId": "list_records_v1_records_get",
                    "parameters": {"query.class_id": "$response.body#/id"},
                }
            },
        },
        403: PROBLEM,
        404: PROBLEM,
        409: PROBLEM,
        422: PROBLEM,
    },
)
async def create_class(data: ClassCreate, actor: ClassCreator, service: CatalogServiceDep) -> ClassOut:
    return await service.create_class(actor, data)


@router.get("/v1/classes", summary="Classes, by commune, course and date", responses={401: PROBLEM})
async def list_classes(
    actor: ActorDep,
    service: CatalogServiceDep,
    page: PageParamsDep,
    commune_code: Annotated[CommuneCode | None, Query()] = None,
    province_code: Annotated[ProvinceCode | None, Query()] = None,
    course_code: Annotated[CourseCode | None, Query()] = None,
) -> ClassPage:
    return await service.classes(
        actor, page, commune_code=commune_code, province_code=province_code, course_code=course_code
    )
