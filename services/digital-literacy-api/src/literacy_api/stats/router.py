"""Statistics: coverage of the movement (`/v1/stats/coverage`, from the rollups), population figures that
give it a share, and each unit's completion of required courses (`/v1/stats/units`, for scoring)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from literacy_api.deps import (
    PopulationEditor,
    ReadSessionDep,
    SessionDep,
    StatisticsReader,
    UnitStatisticsReader,
)
from literacy_api.inputs import UNIT_CODES_PATTERN, CivilDay, CommuneCode, ProvinceCode
from literacy_api.stats.schemas import CoverageReport, GroupBy, PopulationIn, PopulationPage, UnitRate
from literacy_api.stats.service import StatisticsService
from service_kit.errors import PROBLEM
from service_kit.pagination import Page

router = APIRouter(tags=["statistics"])


async def get_statistics_service(session: SessionDep) -> StatisticsService:
    return StatisticsService(session=session)


def get_statistics_reader(session: ReadSessionDep) -> StatisticsService:
    """Statistics tolerate seconds of lag: read from the replica when there is one (else the primary)."""
    return StatisticsService(session=session)


StatisticsServiceDep = Annotated[StatisticsService, Depends(get_statistics_service)]
ReadStatisticsServiceDep = Annotated[StatisticsService, Depends(get_statistics_reader)]


@router.get(
    "/v1/stats/units", summary="Completion of required courses per unit (batched)", responses={403: PROBLEM}
)
async def unit_rates(
    _: UnitStatisticsReader,
    service: ReadStatisticsServiceDep,
    codes: Annotated[
        str, Query(pattern=UNIT_CODES_PATTERN, description="Up to 200 unit codes, comma-separated")
    ],
) -> Page[UnitRate]:
    return await service.unit_rates(codes)


@router.get(
    "/v1/stats/coverage",
    summary="Learners and completers by commune, category, gender, ethnicity, month or course",
    responses={403: PROBLEM, 404: PROBLEM, 409: PROBLEM, 422: PROBLEM},
)
async def coverage(
    actor: StatisticsReader,
    service: ReadStatisticsServiceDep,
    group_by: GroupBy = GroupBy.COMMUNE,
    province_code: Annotated[ProvinceCode | None, Query()] = None,
    commune_code: Annotated[CommuneCode | None, Query()] = None,
    from_: Annotated[CivilDay | None, Query(alias="from", description="first day of the window")] = None,
    to: Annotated[CivilDay | None, Query(description="last day of the window")] = None,
) -> CoverageReport:
    return await service.coverage(
        actor, group_by, province_code=province_code, commune_code=commune_code, from_=from_, to=to
    )


@router.put(
    "/v1/population",
    summary="Set the adult population of communes (the denominator of coverage)",
    responses={403: PROBLEM, 422: PROBLEM},
)
async def set_population(
    actor: PopulationEditor, service: StatisticsServiceDep, data: PopulationIn
) -> PopulationPage:
    return await service.set_population(actor, data)


@router.get("/v1/population", summary="Adult population figures of communes", responses={403: PROBLEM})
async def list_population(
    actor: StatisticsReader,
    service: ReadStatisticsServiceDep,
    province_code: Annotated[ProvinceCode | None, Query()] = None,
) -> PopulationPage:
    return await service.population(actor, province_code)
