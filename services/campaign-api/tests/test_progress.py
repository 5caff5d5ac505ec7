"""The contract's arithmetic, computed by hand."""

from datetime import date
from decimal import Decimal

import pytest

from campaign_api.participation.progress import plan_status, progress
from campaign_api.participation.schemas import PlanStatus


@pytest.mark.parametrize(
    ("value", "baseline", "target", "expected"),
    [
        # Increasing: share of records digitised, 20% → 80%.
        ("50", "20", "80", "0.5000"),  # (50 - 20) / (80 - 20) = 30 / 60
        ("80", "20", "80", "1.0000"),
        ("95", "20", "80", "1.0000"),  # beyond the target: clamped at 1
        ("10", "20", "80", "0.0000"),  # below the baseline: clamped at 0
        ("40", "20", "80", "0.3333"),  # 20 / 60, rounded once
        # Decreasing: days to settle a procedure, 10 → 2.
        ("4", "10", "2", "0.7500"),  # (10 - 4) / (10 - 2) = 6 / 8
        ("12", "10", "2", "0.0000"),
        ("1", "10", "2", "1.0000"),
    ],
)
def test_progress(value, baseline, target, expected):
    assert progress(Decimal(value), Decimal(baseline), Decimal(target)) == Decimal(expected)


def test_plan_status_on_the_deadline_a_day_after_and_without_a_plan():
    due = date(2025, 9, 30)
    assert plan_status(date(2025, 9, 30), due) is PlanStatus.ON_TIME
    assert plan_status(date(2025, 7, 1), due) is PlanStatus.ON_TIME
    assert plan_status(date(2025, 10, 1), due) is PlanStatus.LATE
    assert plan_status(None, due) is PlanStatus.MISSING
    assert plan_status(date(2025, 12, 1), None) is PlanStatus.ON_TIME
