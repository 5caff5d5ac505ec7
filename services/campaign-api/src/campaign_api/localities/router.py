"""Localities endpoints: provinces, their communes/wards, one commune; any signed-in caller may read them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from reference_data.localities import CommuneOut, Locality, LocalityDirectory, get_localities
from service_kit.auth import PrincipalDep
from service_kit.errors import PROBLEM, NotFound
from service_kit.pagination import Page, PageParamsDep

router = APIRouter(prefix="/v1/localities", tags=["localities"])


LocalitiesDep = Annotated[LocalityDirectory, Depends(get_localities)]
SearchQuery = Annotated[
    str | None,
    Query(
        max_length=100,
        description='Words the name must contain, with or without diacritics ("dak lak" finds "Đắk Lắk")',
    ),
]


@router.get(
    "/provinces",
    summary="The 34 provinces and centrally-run cities (July 2025), ordered by code",
    responses={401: PROBLEM},
)
async def list_provinces(_: PrincipalDep, directory: LocalitiesDep, q: SearchQuery = None) -> Page[Locality]:
    items = directory.provinces(q)
    return Page(items=items, total=len(items))


@router.get(
    "/provinces/{code}/communes",
    summary="A province's communes, wards and special zones, ordered by code",
    responses={401: PROBLEM, 404: PROBLEM},
)
async def list_communes(
    code: Annotated[str, Path(description='The province code, two digits ("01", "66")')],
    _: PrincipalDep,
    directory: LocalitiesDep,
    paging: PageParamsDep,
    q: SearchQuery = None,
) -> Page[Locality]:
    if directory.province(code) is None:
        raise NotFound(f"No province {code}: province codes have two digits, e.g. 01 or 66.")
    found = directory.communes(code, q)
    return Page(items=found[paging.offset : paging.offset + paging.limit], total=len(found))


@router.get(
    "/communes/{code}",
    summary="One commune, ward or special zone, and its province",
    responses={401: PROBLEM, 404: PROBLEM},
)
async def get_commune(
    code: Annotated[str, Path(description='The commune code, five digits ("00070", "24133")')],
    _: PrincipalDep,
    directory: LocalitiesDep,
) -> CommuneOut:
    commune = directory.commune(code)
    province_code = directory.province_of_commune(code)
    if commune is None or province_code is None:
        raise NotFound(f"No commune or ward {code}: commune codes have five digits, e.g. 00070.")
    return CommuneOut(**commune.model_dump(), province_code=province_code)
