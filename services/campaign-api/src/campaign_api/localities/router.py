"""Localities endpoints: provinces, their communes/wards, one commune; any signed-in caller may read them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from pydantic import StringConstraints

from campaign_api.deps import LocalityReader, LocalityServiceDep
from campaign_api.inputs import ONE_LINE, SearchText
from campaign_api.localities.schemas import CommuneOut, Locality
from service_kit.errors import PROBLEM
from service_kit.pagination import Page, PageParamsDep

router = APIRouter(prefix="/v1/localities", tags=["localities"])

LocalityCode = Annotated[str, StringConstraints(min_length=1, max_length=16, pattern=ONE_LINE)]
"""What a caller typed as a code: a wrong one is a 404 that says what codes look like."""

SearchQuery = Annotated[
    SearchText | None,
    Query(
        description='Words the name must contain, with or without diacritics ("dak lak" finds "Đắk Lắk")',
    ),
]


@router.get(
    "/provinces",
    summary="The 34 provinces and centrally-run cities (July 2025), ordered by code",
    responses={401: PROBLEM},
)
async def list_provinces(
    _: LocalityReader, service: LocalityServiceDep, q: SearchQuery = None
) -> Page[Locality]:
    return service.provinces(q)


@router.get(
    "/provinces/{code}/communes",
    summary="A province's communes, wards and special zones, ordered by code",
    responses={401: PROBLEM, 404: PROBLEM},
)
async def list_communes(
    code: Annotated[LocalityCode, Path(description='The province code, two digits ("01", "66")')],
    _: LocalityReader,
    service: LocalityServiceDep,
    paging: PageParamsDep,
    q: SearchQuery = None,
) -> Page[Locality]:
    return service.communes(code, q, paging)


@router.get(
    "/communes/{code}",
    summary="One commune, ward or special zone, and its province",
    responses={401: PROBLEM, 404: PROBLEM},
)
async def get_commune(
    code: Annotated[LocalityCode, Path(description='The commune code, five digits ("00070", "24133")')],
    _: LocalityReader,
    service: LocalityServiceDep,
) -> CommuneOut:
    return service.commune(code)
