"""The field types of scoring-api's requests, named on the kit's strict types (`service_kit.types`), each
saying in its schema exactly what it accepts:

- text has a length and no control characters, and needs one visible character where it cannot be
  empty; it is stored without surrounding spaces, which are cut after the checks (so a text the schema
  allows is never refused, nor one it refuses accepted);
- integers are JSON integers within their column (`"5"` and `true` are refused, as the schema says);
- amounts (points, scores, shares) are JSON numbers within their bounds, cut to the column's decimals, or
  strings written as plain decimals with at most those decimals (never `1e2`, `NaN` or `Infinity`);
- dates are `YYYY-MM-DD` strings between 1900 and 2100, the range written in the schema's pattern.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, Decimal
from typing import Annotated, Any

from pydantic import StringConstraints

from service_kit.types import CONTROLS, CivilDay, JsonNumber, PositiveInt32, Text

Code = Annotated[str, StringConstraints(min_length=1, max_length=32, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
"""A criterion's or a target's code: letters without diacritics, digits, `.`, `-`, `_` (32 at most)."""

UnitCode = Annotated[
    str, StringConstraints(min_length=1, max_length=32, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
]
"""A unit's code in campaign-api's directory (`66-SKHCN`)."""

SubjectId = Annotated[
    str, StringConstraints(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
]
"""An individual's identifier in their unit (`cb-0042`)."""

Name = Text(300)
"""A set's, round's or person's name (the columns hold 300 characters)."""

Title = Text(500)
"""A criterion's title or a band's label."""

Note = Text(2000, required=False, multiline=True)
"""What a person writes on a scorecard (a note, a review note): at most 2,000 characters."""

Reason = Text(2000, multiline=True)
"""Why a scorecard is returned: required, at most 2,000 characters."""

Cluster = Text(100)
"""An emulation cluster's name (`Khối Sở`)."""

_LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_LAST_LABEL = "[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_PORT = "(?::(?:[1-9]\\d{0,3}|[1-5]\\d{4}|6[0-4]\\d{3}|65[0-4]\\d{2}|655[0-2]\\d|6553[0-5]))?"
WEB_ADDRESS = f"^https?://(?:{_LABEL}\\.)*{_LAST_LABEL}{_PORT}(?:[/?#][^\\s{CONTROLS}]*)?$"
WebAddress = Annotated[str, StringConstraints(max_length=2000, pattern=WEB_ADDRESS)]
"""An http(s) address of a web page (evidence of a score), at most 2,000 characters, kept as written."""


Version = PositiveInt32
"""A criteria set's version: a JSON integer from 1 to 2,147,483,647 (the column is an int32)."""


def _amount(*, minimum: Decimal, maximum: Decimal, places: int, string_pattern: str, description: str) -> Any:
    return Annotated[
        Decimal,
        JsonNumber(
            minimum=minimum,
            maximum=maximum,
            places=places,
            rounding=ROUND_DOWN,
            string_pattern=string_pattern,
            description=description,
        ),
    ]


_CENTS = r"(?:\.\d{1,2})?"
Points = _amount(
    minimum=Decimal("0.01"),
    maximum=Decimal("99999.99"),
    places=2,
    string_pattern=r"^0*(?:[1-9]\d{0,4}(?:\.\d{1,2})?|0?\.(?:0[1-9]|[1-9]\d?))$",
    description='Points from 0.01 to 99999.99: a number (cut to 2 decimals) or a string such as "12.5"',
)
"""A criterion's maximum: more than 0."""

Score = _amount(
    minimum=Decimal(0),
    maximum=Decimal("99999.99"),
    places=2,
    string_pattern=rf"^\d{{1,5}}{_CENTS}$",
    description='Points from 0 to 99999.99: a number (cut to 2 decimals) or a string such as "12.5"',
)
"""A score entered, or a band's minimum: 0 or more."""

Share = _amount(
    minimum=Decimal("0.01"),
    maximum=Decimal(1),
    places=4,
    string_pattern=r"^0*(?:1(?:\.0{1,4})?|0?\.(?:0[1-9]\d{0,2}|[1-9]\d{0,3}))$",
    description=(
        'A share from 0.01 (1 %) to 1 (100 %): a number (cut to 4 decimals) or a string such as "0.2"'
    ),
)
"""A round's top-band quota: 1 % to 100 % of a cluster."""

Day = CivilDay
"""A calendar day, a `YYYY-MM-DD` string from 1900-01-01 to 2100-12-31 (the range in the schema's pattern)."""


__all__ = [
    "Cluster",
    "Code",
    "Day",
    "Name",
    "Note",
    "Points",
    "Reason",
    "Score",
    "Share",
    "SubjectId",
    "Text",
    "Title",
    "UnitCode",
    "Version",
    "WebAddress",
]
