"""`GET /v1/stats/units`: each unit's share of staff who completed every course required for their category."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from sqlalchemy import text

from literacy_api.training.schemas import UnitRate
from service_kit.auth import Principal, PrincipalDep
from service_kit.db import SessionDep
from service_kit.errors import PROBLEM, Forbidden
from service_kit.pagination import Page

router = APIRouter(tags=["statistics"])

RATE_PLACES = Decimal("0.0001")
READ_ROLES = ("admin", "manager", "evaluator", "council", "viewer")

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
