"""Campaign-api's names for the kit's strict input types (`service_kit.types` holds the mechanisms):

- text: one line, no control character, bounded by its column; a required text has a visible character
  and is stored without surrounding spaces;
- dates: `YYYY-MM-DD` strings of real days, 1900–2100, or up to today in Vietnam for what cannot lie in
  the future (a report period's end, a plan's or a decision's date, a birth), or up to 15 years ago for
  an official's birth date;
- amounts: JSON numbers within what `numeric(18, 4)` holds, rounded to four places.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from service_kit.types import (
    NO_CONTROL,
    ONE_LINE,
    STRIP,
    CivilDay,
    JsonNumber,
    PastDay,
    day_type,
    line,
    text_constraints,
)

Line100 = Annotated[str, line(100), STRIP]
Line200 = Annotated[str, line(200), STRIP]
Line300 = Annotated[str, line(300), STRIP]
Line500 = Annotated[str, line(500), STRIP]
SearchText = Annotated[str, line(100, required=False), STRIP]
"""Words searched for (a query parameter); may be empty."""
LongText = Annotated[str, text_constraints(20_000, required=False, multiline=True), STRIP]
"""Free text (several lines allowed) of at most 20,000 characters."""

TRIM = STRIP
"""Surrounding spaces cut (after the checks)."""

CODE_PATTERN = r"^[A-Za-z0-9._-]{1,64}$"
UNIT_CODE_PATTERN = r"^[A-Za-z0-9._-]{1,32}$"

WORKING_AGE = 15
"""Bộ luật Lao động 2019, art. 143: the age from which a person may work (an official is at least that)."""

BirthDate = day_type(last=None, years_ago=WORKING_AGE)
"""An official's birth date: at least 15 years ago (form 0605 counts ages); the schema says so too."""

AMOUNT_LIMIT = 10**14 - 1
"""numeric(18, 4): fourteen digits before the point."""

Amount = Annotated[
    Decimal,
    JsonNumber(
        minimum=-AMOUNT_LIMIT,
        maximum=AMOUNT_LIMIT,
        places=4,
        description="A number (at most 14 digits before the point), rounded to 4 places",
    ),
]

__all__ = [
    "CODE_PATTERN",
    "NO_CONTROL",
    "ONE_LINE",
    "TRIM",
    "UNIT_CODE_PATTERN",
    "WORKING_AGE",
    "Amount",
    "BirthDate",
    "CivilDay",
    "Line100",
    "Line200",
    "Line300",
    "Line500",
    "LongText",
    "PastDay",
    "SearchText",
    "line",
]
