"""The contract's arithmetic: a target's progress and a plan's timeliness."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from campaign_api.participation.schemas import PlanStatus

ZERO, ONE = Decimal(0), Decimal(1)
PLACES = Decimal("0.0001")


def progress(value: Decimal, baseline: Decimal, target: Decimal) -> Decimal:
    """clamp((value - baseline) / (target - baseline), 0, 1); for a decreasing target the same formula
    reads (baseline - value) / (baseline - target). Rounded once, to four places."""
    share = (value - baseline) / (target - baseline)
    return min(max(share, ZERO), ONE).quantize(PLACES, rounding=ROUND_HALF_UP)


def plan_status(issued_on: date | None, first_plan_due: date | None) -> PlanStatus:
    """On time when issued on or before the first `plan_due` milestone (or when there is none)."""
    if issued_on is None:
        return PlanStatus.MISSING
    if first_plan_due is None or issued_on <= first_plan_due:
        return PlanStatus.ON_TIME
    return PlanStatus.LATE
