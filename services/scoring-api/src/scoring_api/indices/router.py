"""Composite-index endpoints: administrators build frameworks, send values, run indices and their
uncertainty; officials read them."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response, status
from starlette.formparsers import MultiPartException

from scoring_api.access import INDEX_FRAMEWORK_LIST, INDEX_RUN_LIST
from scoring_api.deps import (
    ETAG_HEADERS,
    FRAMEWORK_LINKS,
    INDEX_RUN_LINKS,
    NOT_MODIFIED,
    ActorDep,
    CampaignDep,
    LiteracyDep,
    collection_for,
    for_this_caller,
    framework_for,
    index_run_for,
    links,
)
from scoring_api.indices.models import IndexFramework, IndexRun
from scoring_api.indices.schemas import (
    FrameworkAction,
    FrameworkCopy,
    FrameworkCreate,
    FrameworkListAction,
    FrameworkOut,
    FrameworkPage,
    FrameworkUpdate,
    RunAction,
    RunCreate,
    RunOut,
    RunPage,
    UncertaintyIn,
    UncertaintyOut,
    ValuesIn,
    ValuesOut,
)
from scoring_api.indices.service import FrameworkService, RunService
from service_kit.access import READ, Actor
from service_kit.caching import check_if_match
from service_kit.db import SessionDep
from service_kit.errors import PROBLEM, field_error
from service_kit.pagination import PageParamsDep

router = APIRouter(tags=["indices"])

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SMALLEST_WORKBOOK = 22
UPLOAD_BODY: dict[str, Any] = {
    "required": True,
    "content": {
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "required": ["file"],
                "additionalProperties": False,
                "properties": {
                    "file": {
                        "type": "string",
                        "format": "binary",
                        "minLength": SMALLEST_WORKBOOK,
                        "description": "The framework's template (xlsx), filled",
                    }
                },
            },
            "encoding": {"file": {"contentType": "application/octet-stream"}},
        }
    },
}


def get_frameworks(session: SessionDep) -> FrameworkService:
    return FrameworkService(session)


def get_runs(session: SessionDep) -> RunService:
    return RunService(session)


FrameworksDep = Annotated[FrameworkService, Depends(get_frameworks)]
RunsDep = Annotated[RunService, Depends(get_runs)]
ListReaderDep = Annotated[Actor, Depends(collection_for(INDEX_FRAMEWORK_LIST, READ))]
ListCreatorDep = Annotated[Actor, Depends(collection_for(INDEX_FRAMEWORK_LIST, FrameworkListAction.CREATE))]
RunListReaderDep = Annotated[Actor, Depends(collection_for(INDEX_RUN_LIST, READ))]
FrameworkDep = Annotated[IndexFramework, Depends(framework_for(READ))]
FrameworkToEditDep = Annotated[IndexFramework, Depends(framework_for(FrameworkAction.EDIT))]
FrameworkToPublishDep = Annotated[IndexFramework, Depends(framework_for(FrameworkAction.PUBLISH))]
FrameworkToCopyDep = Annotated[IndexFramework, Depends(framework_for(FrameworkAction.COPY))]
FrameworkForValuesDep = Annotated[IndexFramework, Depends(framework_for(FrameworkAction.VALUES))]
RunDep = Annotated[IndexRun, Depends(index_run_for(READ))]
RunToAnalyseDep = Annotated[IndexRun, Depends(index_run_for(RunAction.UNCERTAINTY))]
RunToExportDep = Annotated[IndexRun, Depends(index_run_for(RunAction.EXPORT))]


@router.post(
    "/v1/index-frameworks",
    status_code=status.HTTP_201_CREATED,
    summary="Create a framework (a draft): pillars → indices → indicators",
    responses={201: links(*FRAMEWORK_LINKS), 403: PROBLEM, 422: PROBLEM},
)
async def create_framework(
    data: FrameworkCreate, actor: ListCreatorDep, service: FrameworksDep
) -> FrameworkOut:
    return await service.create(actor, data)


@router.get("/v1/index-frameworks", responses={403: PROBLEM})
async def list_frameworks(actor: ListReaderDep, service: FrameworksDep, page: PageParamsDep) -> FrameworkPage:
    return await service.page(actor, page)


@router.get(
    "/v1/index-frameworks/{framework_id}",
    response_model=FrameworkOut,
    responses={200: {"headers": ETAG_HEADERS}, 304: NOT_MODIFIED, 403: PROBLEM, 404: PROBLEM},
)
async def get_framework(
    request: Request, response: Response, framework: FrameworkDep, actor: ActorDep, service: FrameworksDep
) -> FrameworkOut | Response:
    return for_this_caller(request, response, service.out(actor, framework))


@router.patch(
    "/v1/index-frameworks/{framework_id}",
    summary="Change a draft framework (a published one is immutable: 409)",
    responses={
        200: {"headers": ETAG_HEADERS},
        403: PROBLEM,
        404: PROBLEM,
        409: PROBLEM,
        412: PROBLEM,
        422: PROBLEM,
    },
)
async def update_framework(
    data: FrameworkUpdate,
    request: Request,
    response: Response,
    framework: FrameworkToEditDep,
    actor: ActorDep,
    service: FrameworksDep,
) -> FrameworkOut:
    check_if_match(request, service.out(actor, framework))
    updated = await service.update(actor, framework, data)
    for_this_caller(request, response, updated)
    return updated


@router.post(
    "/v1/index-frameworks/{framework_id}/publish",
    summary="Publish a draft framework: it can be run, and never changes again",
    responses={200: links(*FRAMEWORK_LINKS), 403: PROBLEM, 404: PROBLEM, 409: PROBLEM},
)
async def publish_framework(
    framework: FrameworkToPublishDep, actor: ActorDep, service: FrameworksDep
) -> FrameworkOut:
    return await service.publish(actor, framework)


@router.post(
    "/v1/index-frameworks/{framework_id}/copy",
    status_code=status.HTTP_201_CREATED,
    summary="A new version: a draft copy of the framework (and its values)",
    responses={201: links(*FRAMEWORK_LINKS), 403: PROBLEM, 404: PROBLEM, 422: PROBLEM},
)
async def copy_framework(
    framework: FrameworkToCopyDep, actor: ActorDep, service: FrameworksDep, data: FrameworkCopy | None = None
) -> FrameworkOut:
    return await service.copy(actor, framework, data or FrameworkCopy())


@router.post(
    "/v1/index-frameworks/{framework_id}/values",
    summary="Values of manual and uploaded indicators: all written, or none (422 lists the bad items)",
    responses={403: PROBLEM, 404: PROBLEM, 422: PROBLEM},
)
async def write_values(
    data: ValuesIn, framework: FrameworkForValuesDep, actor: ActorDep, service: FrameworksDep
) -> ValuesOut:
    return await service.write_values(actor, framework, data)


@router.get(
    "/v1/index-frameworks/{framework_id}/values/template.xlsx",
    response_class=Response,
    summary="The xlsx to fill: a row per subject, a column per manual or uploaded indicator",
    responses={200: {"content": {XLSX: {}}}, 403: PROBLEM, 404: PROBLEM},
)
async def values_template(framework: FrameworkDep, service: FrameworksDep) -> Response:
    return Response(
        service.template(framework),
        media_type=XLSX,
        headers={"Content-Disposition": f'attachment; filename="mau-chi-so-{framework.id}.xlsx"'},
    )


@router.post(
    "/v1/index-frameworks/{framework_id}/values.xlsx",
    summary="Import the filled template: every bad row reported, and then nothing is written",
    responses={403: PROBLEM, 404: PROBLEM, 413: PROBLEM, 422: PROBLEM},
    openapi_extra={"requestBody": UPLOAD_BODY},
)
async def import_values(
    request: Request, framework: FrameworkForValuesDep, actor: ActorDep, service: FrameworksDep
) -> ValuesOut:
    try:
        form = await request.form(max_files=2, max_fields=2)
    except (MultiPartException, ValueError, AssertionError):
        raise field_error("file", code="index_values.not_a_workbook") from None
    parts = form.getlist("file")
    if len(parts) != 1 or any(name != "file" for name in form):
        raise field_error("file", code="index_values.not_a_workbook")
    part = parts[0]
    content = part.encode("utf-8", "surrogateescape") if isinstance(part, str) else await part.read()
    return await service.import_values(actor, framework, content)


@router.post(
    "/v1/index-runs",
    status_code=status.HTTP_201_CREATED,
    summary="Run a published framework: scores 0..1 and ranks overall, per pillar and per cluster",
    responses={201: links(*INDEX_RUN_LINKS), 403: PROBLEM, 404: PROBLEM, 409: PROBLEM, 422: PROBLEM},
)
async def create_run(
    data: RunCreate,
    actor: ActorDep,
    service: RunsDep,
    campaign: CampaignDep,
    literacy: LiteracyDep,
) -> RunOut:
    return await service.create(actor, data, campaign, literacy)


@router.get("/v1/index-runs", responses={403: PROBLEM})
async def list_runs(
    actor: RunListReaderDep,
    service: RunsDep,
    page: PageParamsDep,
    framework_id: Annotated[uuid.UUID | None, Query()] = None,
) -> RunPage:
    return await service.page(actor, page, framework_id=framework_id)


@router.get(
    "/v1/index-runs/{run_id}.xlsx",
    response_class=Response,
    responses={200: {"content": {XLSX: {}}}, 403: PROBLEM, 404: PROBLEM},
)
async def run_sheet(run: RunToExportDep, actor: ActorDep, service: RunsDep) -> Response:
    return Response(
        service.export(actor, run),
        media_type=XLSX,
        headers={"Content-Disposition": f'attachment; filename="chi-so-{run.id}.xlsx"'},
    )


@router.get(
    "/v1/index-runs/{run_id}",
    response_model=RunOut,
    responses={200: {"headers": ETAG_HEADERS}, 304: NOT_MODIFIED, 403: PROBLEM, 404: PROBLEM},
)
async def get_run(
    request: Request, response: Response, run: RunDep, actor: ActorDep, service: RunsDep
) -> RunOut | Response:
    return for_this_caller(request, response, service.out(actor, run))


@router.post(
    "/v1/index-runs/{run_id}/uncertainty",
    summary="Monte Carlo over weights, normalisation and aggregation (seeded): rank intervals, Sobol indices",
    responses={403: PROBLEM, 404: PROBLEM, 422: PROBLEM},
)
async def run_uncertainty(
    data: UncertaintyIn, run: RunToAnalyseDep, actor: ActorDep, service: RunsDep
) -> UncertaintyOut:
    return await service.uncertainty(actor, run, data)
