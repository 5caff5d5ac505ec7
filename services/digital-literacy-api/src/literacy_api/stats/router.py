"""Statistics: coverage of the movement (`/v1/stats/coverage`, from the rollups), population figures that
give it a share, and each unit's completion of required courses (`/v1/stats/units`, for scoring)."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from sqlalchemy import func, select, text
from sqlalchemy.dialects.postgresql import insert

from literacy_api.database import audit_trail
from literacy_api.stats.coverage import CoverageQueries, Place, Window
from literacy_api.stats.models import Population
from literacy_api.stats.schemas import CoverageReport, GroupBy, PopulationIn, PopulationOut
from literacy_api.training.schemas import UnitRate
from reference_data.localities import localities
from service_kit.auth import Principal, PrincipalDep
from service_kit.db import SessionDep
from service_kit.errors import PROBLEM, Forbidden, ValidationFailed
from service_kit.pagination import Page

router = APIRouter(tags=["statistics"])

RATE_PLACES = Decimal("0.0001")
READ_ROLES = ("admin", "manager", "evaluator", "council", "viewer")
# Ethnicity is sensitive (Decree 13/2023): aggregated only, and only for province-level oversight.
SENSITIVE_ROLES = ("admin", "council", "viewer")

# A learner counts as completed when no course required for their category lacks a completed record
# (so a learner whose category has no required course counts as completed).
UNIT_RATES = text(
    """
    WITH staff AS (
        SELECT id, unit_code, category FROM literacy.learner WHERE unit_code = ANY(:codes)
    ), required AS (
        SELECT code, unnest(required_for) AS category FROM literacy.course
    ), missing AS (
        SELECT DISTINCT s.id
        FROM staff s JOIN required r ON r.category = s.category
        WHERE NOT EXISTS (
            SELECT 1 FROM literacy.training_record t
            WHERE t.learner_id = s.id AND t.course_code = r.code AND t.status = 'completed'
        )
    )
    SELECT s.unit_code, count(*) AS staff_learners,
           count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM missing m WHERE m.id = s.id)) AS completed_required
    FROM staff s GROUP BY s.unit_code
    """
)


async def require_statistics_reader(principal: PrincipalDep) -> Principal:
    if principal.has_role(*READ_ROLES) or principal.has_scope("literacy:read"):
        return principal
    raise Forbidden("Statistics are for officials and systems granted literacy:read.")


@router.get(
    "/v1/stats/units", summary="Completion of required courses per unit (batched)", responses={403: PROBLEM}
)
async def unit_rates(
    _: Annotated[Principal, Depends(require_statistics_reader)],
    session: SessionDep,
    codes: Annotated[str, Query(min_length=1, max_length=20_000, description="Unit codes, comma-separated")],
) -> Page[UnitRate]:
    wanted = list(dict.fromkeys(code.strip() for code in codes.split(",") if code.strip()))
    rows = {row.unit_code: row for row in await session.execute(UNIT_RATES, {"codes": wanted})}
    items = []
    for code in wanted:
        row = rows.get(code)
        staff, completed = (row.staff_learners, row.completed_required) if row else (0, 0)
        rate = (Decimal(completed) / Decimal(staff) if staff else Decimal(0)).quantize(
            RATE_PLACES, ROUND_HALF_UP
        )
        items.append(UnitRate(unit_code=code, staff_learners=staff, completed_required=completed, rate=rate))
    return Page(items=items, total=len(items))


def _invalid(field: str, message: str) -> ValidationFailed:
    return ValidationFailed(message, errors=[{"field": field, "message": message}])


@router.get(
    "/v1/stats/coverage",
    summary="Learners and completers by commune, category, gender, ethnicity, month or course",
    responses={403: PROBLEM, 422: PROBLEM},
)
async def coverage(
    principal: Annotated[Principal, Depends(require_statistics_reader)],
    session: SessionDep,
    group_by: GroupBy = GroupBy.COMMUNE,
    province_code: Annotated[str | None, Query(pattern=r"^\d{2}$")] = None,
    commune_code: Annotated[str | None, Query(pattern=r"^\d{5}$")] = None,
    from_: Annotated[date | None, Query(alias="from", description="first day of the window")] = None,
    to: Annotated[date | None, Query(description="last day of the window")] = None,
) -> CoverageReport:
    if group_by is GroupBy.ETHNICITY and not (
        principal.has_role(*SENSITIVE_ROLES) or principal.has_scope("literacy:read")
    ):
        raise Forbidden("Statistics by ethnicity are for province-level oversight only.")
    if from_ is not None and to is not None and from_ > to:
        raise _invalid("from", "from is on or before to.")
    if commune_code is not None:
        commune_province = localities.province_of_commune(commune_code)
        if commune_province is None:
            raise _invalid("commune_code", f"No commune or ward {commune_code}.")
        if province_code not in (None, commune_province):
            raise _invalid("commune_code", f"Commune {commune_code} is not in province {province_code}.")
        province_code = commune_province
    elif province_code is not None and localities.province(province_code) is None:
        raise _invalid("province_code", f"No province {province_code}.")
    return await CoverageQueries(session=session).report(
        group_by, Place(province_code, commune_code), Window(from_, to)
    )


async def require_population_editor(principal: PrincipalDep) -> Principal:
    if principal.has_role("admin") or principal.has_scope("literacy:write"):
        return principal
    raise Forbidden("Population figures are set by administrators and authorised systems.")


@router.put(
    "/v1/population",
    summary="Set the adult population of communes (the denominator of coverage)",
    responses={403: PROBLEM, 422: PROBLEM},
)
async def set_population(
    principal: Annotated[Principal, Depends(require_population_editor)],
    session: SessionDep,
    data: PopulationIn,
) -> Page[PopulationOut]:
    rows = []
    for index, figure in enumerate(data.items):
        province = localities.province_of_commune(figure.commune_code)
        if province is None:
            raise _invalid(f"items.{index}.commune_code", f"No commune or ward {figure.commune_code}.")
        rows.append({**figure.model_dump(), "province_code": province, "updated_by": principal.subject})
    statement = insert(Population).values(rows)
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=[Population.commune_code],
            set_={
                "adults": statement.excluded.adults,
                "reference_year": statement.excluded.reference_year,
                "updated_by": statement.excluded.updated_by,
                "updated_at": func.now(),
            },
        )
    )
    await audit_trail.record(
        session,
        actor=principal.subject,
        action="population.set",
        object_type="population",
        object_id=",".join(sorted({row["province_code"] for row in rows})),
        after={"communes": len(rows)},
    )
    items = [PopulationOut(**{k: v for k, v in row.items() if k != "updated_by"}) for row in rows]
    return Page(items=items, total=len(items))


@router.get("/v1/population", summary="Adult population figures of communes", responses={403: PROBLEM})
async def list_population(
    _: Annotated[Principal, Depends(require_statistics_reader)],
    session: SessionDep,
    province_code: Annotated[str | None, Query(pattern=r"^\d{2}$")] = None,
) -> Page[PopulationOut]:
    statement = select(Population).order_by(Population.commune_code)
    if province_code is not None:
        statement = statement.where(Population.province_code == province_code)
    items = [
        PopulationOut(
            commune_code=p.commune_code,
            adults=p.adults,
            reference_year=p.reference_year,
            province_code=p.province_code,
        )
        for p in await session.scalars(statement)
    ]
    return Page(items=items, total=len(items))
