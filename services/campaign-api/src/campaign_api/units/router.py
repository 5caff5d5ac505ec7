"""Units directory endpoints: list, read, create, change, and a unit's whole subtree."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response, status

from campaign_api.deps import AdminDep, ReaderDep
from campaign_api.units import repository
from campaign_api.units.schemas import UnitCodeOut, UnitCreate, UnitKind, UnitOut, UnitUpdate
from campaign_api.units.service import UnitService
from service_kit.caching import check_if_match, conditional, not_modified
from service_kit.db import SessionDep
from service_kit.errors import PROBLEM
from service_kit.observability import client_address
from service_kit.pagination import Page, PageParamsDep, paginate
from service_kit.text import fold

router = APIRouter(tags=["units"])


def get_unit_service(request: Request, session: SessionDep) -> UnitService:
    return UnitService(session=session, client_ip=client_address(request))


UnitServiceDep = Annotated[UnitService, Depends(get_unit_service)]


@router.post(
    "/v1/units", status_code=status.HTTP_201_CREATED, responses={403: PROBLEM, 409: PROBLEM, 422: PROBLEM}
)
async def create_unit(data: UnitCreate, actor: AdminDep, service: UnitServiceDep) -> UnitOut:
    return UnitOut.model_validate(await service.create(actor, data))


@router.get("/v1/units", summary="Units, filtered by parent, kind, cluster, province and name")
async def list_units(
    _: ReaderDep,
    session: SessionDep,
    page: PageParamsDep,
    parent_code: Annotated[str | None, Query(max_length=32)] = None,
    kind: Annotated[UnitKind | None, Query()] = None,
    cluster: Annotated[str | None, Query(max_length=100)] = None,
    province_code: Annotated[str | None, Query(pattern=r"^\d{2}$")] = None,
    q: Annotated[str | None, Query(max_length=100, description="Name or code; diacritics ignored")] = None,
) -> Page[UnitOut]:
    statement = repository.query(
        parent_code=parent_code,
        kind=kind,
        cluster=cluster,
        province_code=province_code,
        folded_words=fold(q).split() if q else None,
    )
    units, total = await paginate(session, statement, page)
    return Page(items=[UnitOut.model_validate(u) for u in units], total=total)


@router.get("/v1/units/{code}", response_model=UnitOut, responses={304: {}, 404: PROBLEM})
async def get_unit(
    code: str, request: Request, response: Response, _: ReaderDep, service: UnitServiceDep
) -> UnitOut | Response:
    return conditional(request, response, UnitOut.model_validate(await service.get(code)))


@router.patch(
    "/v1/units/{code}",
    summary="Change a unit (moving it under one of its own sub-units is refused); send If-Match",
    responses={404: PROBLEM, 409: PROBLEM, 412: PROBLEM, 422: PROBLEM},
)
async def update_unit(
    code: str,
    data: UnitUpdate,
    request: Request,
    response: Response,
    actor: AdminDep,
    service: UnitServiceDep,
) -> UnitOut:
    unit = await service.get(code, for_update=True)
    check_if_match(request, UnitOut.model_validate(unit))
    updated = UnitOut.model_validate(await service.update(actor, unit, data))
    not_modified(request, response, updated)
    return updated


@router.get(
    "/v1/units/{code}/subtree",
    summary="Every unit below this one (the scope of its managers)",
    responses={404: PROBLEM},
)
async def unit_subtree(
    code: str, _: ReaderDep, session: SessionDep, service: UnitServiceDep
) -> Page[UnitCodeOut]:
    await service.get(code)
    rows = await repository.descendants(session, code)
    items = [UnitCodeOut(code=c, name=n, parent_code=p, commune_code=k, depth=d) for c, n, p, k, d in rows]
    return Page(items=items, total=len(items))
