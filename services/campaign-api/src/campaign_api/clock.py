"""The calendar the province works by: a day is a day in Vietnam (UTC+7, no daylight saving time)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from service_kit.types import today_in_vietnam


def now() -> datetime:
    return datetime.now(UTC)


def today() -> date:
    """Today's date in Vietnam: a report period, a plan or a decision cannot end or be dated later."""
    return today_in_vietnam()
