"""Strict input types of campaign-api, so that every rule a schema can say is in the schema (and a value
the schema allows is never refused by the type):

- text: one line, no control character (C0, DEL, C1), bounded by its column; a required text has at least
  one visible character, so that cutting the spaces around it never leaves it blank;
- dates: `YYYY-MM-DD` strings of real calendar days only (never numbers), 1900-01-01 to 2100-12-31, or up
  to today (in Vietnam) for what cannot lie in the future (a report period's end, a plan's or a
  decision's date, a birth), all said by the schema's pattern;
- amounts: JSON numbers within what `numeric(18, 4)` holds, rounded to four places.

(`service_kit.types` has the first versions of these; its `CivilDate` does not say its 1900–2100 range in
the schema and its texts admit a blank value after trimming: see the report to the integrator.)
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, StringConstraints, WithJsonSchema
from pydantic_core import PydanticCustomError

from campaign_api import clock

_CHAR = r"[^\x00-\x1f\x7f-\x9f]"
_VISIBLE = r"[^\x00-\x20\x7f-\xa0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]"
ONE_LINE = rf"^{_CHAR}*$"
ONE_LINE_VISIBLE = rf"^{_CHAR}*{_VISIBLE}{_CHAR}*$"
NO_CONTROL = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]*$"
"""Free text of several lines: tab, newline and carriage return allowed, no other control character."""


def _trim(value: str) -> str:
    return value.strip(" ")


TRIM = AfterValidator(_trim)


def line(max_length: int, *, required: bool = True) -> StringConstraints:
    """One line of at most `max_length` characters (with a visible one when `required`):
    `Annotated[str, line(200), TRIM]` (spaces around cut)."""
    return StringConstraints(
        min_length=1 if required else 0,
        max_length=max_length,
        pattern=ONE_LINE_VISIBLE if required else ONE_LINE,
    )


Line100 = Annotated[str, line(100), TRIM]
Line200 = Annotated[str, line(200), TRIM]
Line300 = Annotated[str, line(300), TRIM]
Line500 = Annotated[str, line(500), TRIM]
SearchText = Annotated[str, line(100, required=False), TRIM]
"""Words searched for (a query parameter); may be empty."""
LongText = Annotated[str, StringConstraints(max_length=20_000, pattern=NO_CONTROL), TRIM]
"""Free text (several lines allowed) of at most 20,000 characters."""


CODE_PATTERN = r"^[A-Za-z0-9._-]{1,64}$"
UNIT_CODE_PATTERN = r"^[A-Za-z0-9._-]{1,32}$"

# --- dates -------------------------------------------------------------------------------------------

EARLIEST = date(1900, 1, 1)
LATEST = date(2100, 12, 31)


def _alternatives(values: list[str]) -> str:
    return "(" + "|".join(values) + ")"


def _days(year: int, month: int, last: int | None = None) -> str:
    days = calendar.monthrange(year, month)[1] if last is None else last
    return _alternatives([f"{day:02d}" for day in range(1, days + 1)])


def date_pattern(first_year: int, last: date) -> str:
    """A regular expression of exactly the calendar days from `first_year`-01-01 to `last`."""
    whole_years = list(range(first_year, last.year))
    parts = []
    if whole_years:
        years = _alternatives([str(y) for y in whole_years])
        common = _alternatives([f"{m:02d}-{_days(2001, m)}" for m in range(1, 13)])  # 2001: no leap year
        parts.append(f"{years}-{common}")
        leap = [str(y) for y in whole_years if calendar.isleap(y)]
        if leap:
            parts.append(f"{_alternatives(leap)}-02-29")
    months = [f"{m:02d}-{_days(last.year, m)}" for m in range(1, last.month)]
    months.append(f"{last.month:02d}-{_days(last.year, last.month, last.day)}")
    parts.append(f"{last.year}-{_alternatives(months)}")
    return "^(" + "|".join(parts) + ")$"


_ISO_DAY = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def _date_of(first: date, last: date | None) -> Any:
    def parse(value: Any) -> Any:
        if isinstance(value, date) and not isinstance(value, datetime):
            day = value
        elif isinstance(value, str) and _ISO_DAY.match(value):
            try:
                day = date.fromisoformat(value)
            except ValueError:
                raise PydanticCustomError("date_parsing", "No such day: {value}", {"value": value}) from None
        else:
            raise PydanticCustomError("date_parsing", "A date is written YYYY-MM-DD, as a string")
        upper = last or clock.today()
        if not first <= day <= upper:
            raise PydanticCustomError(
                "date_range", "A date from {first} to {last}", {"first": str(first), "last": str(upper)}
            )
        return day

    return parse


CALENDAR_PATTERN = date_pattern(EARLIEST.year, LATEST)
PAST_PATTERN = date_pattern(EARLIEST.year, clock.today())
"""Up to the day the service started (a day come since is still accepted: the check is today's)."""

CivilDay = Annotated[
    date,
    BeforeValidator(_date_of(EARLIEST, LATEST)),
    WithJsonSchema(
        {"type": "string", "pattern": CALENDAR_PATTERN, "description": "YYYY-MM-DD, 1900-01-01 to 2100-12-31"}
    ),
]
"""A calendar day, `YYYY-MM-DD`, 1900–2100."""

PastDay = Annotated[
    date,
    BeforeValidator(_date_of(EARLIEST, None)),
    WithJsonSchema(
        {"type": "string", "pattern": PAST_PATTERN, "description": "YYYY-MM-DD, 1900-01-01 to today"}
    ),
]
"""A day that has come (in Vietnam): a report period's end, a plan's or a decision's date, a birth."""

# --- amounts -----------------------------------------------------------------------------------------

AMOUNT_LIMIT = 10**14 - 1
"""numeric(18, 4): fourteen digits before the point."""
_PLACES = Decimal("0.0001")


def _amount(value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise PydanticCustomError("decimal_type", "A number")
    number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    if not number.is_finite() or not -AMOUNT_LIMIT <= number <= AMOUNT_LIMIT:
        raise PydanticCustomError(
            "decimal_range",
            "A number from {minimum} to {maximum}",
            {"minimum": -AMOUNT_LIMIT, "maximum": AMOUNT_LIMIT},
        )
    exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -4:
        number = number.quantize(_PLACES, ROUND_HALF_UP)
    return number


Amount = Annotated[
    Decimal,
    BeforeValidator(_amount),
    WithJsonSchema(
        {
            "type": "number",
            "minimum": -AMOUNT_LIMIT,
            "maximum": AMOUNT_LIMIT,
            "description": "A number (at most 14 digits before the point), rounded to 4 places",
        }
    ),
]
