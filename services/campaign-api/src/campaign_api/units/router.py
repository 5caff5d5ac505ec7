"""Units directory endpoints: list, read, create, change, and a unit's whole subtree."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response, status

from campaign_api.deps import UnitCreator, UnitDep, UnitReader, UnitServiceDep, VersionsDep, unit_for
from campaign_api.inputs import SearchText
from campaign_api.links import UNIT_CODE, UNIT_OPERATIONS, links
from campaign_api.units.models import Unit
from campaign_api.units.schemas import (
    Cluster,
    ProvinceCode,
    UnitAction,
    UnitCode,
    UnitCodeOut,
    UnitCreate,
    UnitKind,
    UnitOut,
    UnitPage,
    UnitUpdate,
)
from campaign_api.units.service import unit_out
from service_kit.errors import PROBLEM
from service_kit.pagination import Page, PageParamsDep

router = APIRouter(tags=["units"])

UnitToEdit = Annotated[Unit, Depends(unit_for(UnitAction.EDIT))]


@router.post(
    "/v1/units",
    status_code=status.HTTP_201_CREATED,
    responses={
        403: PROBLEM,
        404: PROBLEM,
        409: PROBLEM,
        422: PROBLEM,
        **links(201, UNIT_CODE, *UNIT_OPERATIONS),
    },
)
async def create_unit(data: UnitCreate, actor: UnitCreator, service: UnitServiceDep) -> UnitOut:
    return await service.create(actor, data)


@router.get("/v1/units", summary="Units, filtered by parent, kind, cluster, province and name")
async def list_units(
    actor: UnitReader,
    service: UnitServiceDep,
    page: PageParamsDep,
    parent_code: Annotated[UnitCode | None, Query()] = None,
    kind: Annotated[UnitKind | None, Query()] = None,
    cluster: Annotated[Cluster | None, Query()] = None,
    province_code: Annotated[ProvinceCode | None, Query()] = None,
    q: Annotated[SearchText | None, Query(description="Name or code; diacritics ignored")] = None,
) -> UnitPage:
    return await service.list(
        actor, page, parent_code=parent_code, kind=kind, cluster=cluster, province_code=province_code, q=q
    )


@router.get("/v1/units/{code}", response_model=UnitOut, responses={304: {}, 403: PROBLEM, 404: PROBLEM})
async def get_unit(unit: UnitDep, actor: UnitReader, versions: VersionsDep) -> UnitOut | Response:
    return versions.answer(unit_out(actor, unit))


@router.patch(
    "/v1/units/{code}",
    summary="Change a unit (moving it under one of its own sub-units is refused); send If-Match",
    responses={403: PROBLEM, 404: PROBLEM, 409: PROBLEM, 412: PROBLEM, 422: PROBLEM},
)
async def update_unit(
    unit: UnitToEdit, data: UnitUpdate, actor: UnitReader, versions: VersionsDep, service: UnitServiceDep
) -> UnitOut:
    return versions.tag(await service.update(actor, unit, data, expect=versions.expect))


@router.get(
    "/v1/units/{code}/subtree",
    summary="Every unit below this one (the scope of its managers)",
    responses={403: PROBLEM, 404: PROBLEM},
)
async def unit_subtree(unit: UnitDep, service: UnitServiceDep) -> Page[UnitCodeOut]:
    return await service.subtree(unit)
