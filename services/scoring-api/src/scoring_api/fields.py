"""The field types of scoring-api's requests, each saying in its schema exactly what it accepts (the
kit's `service_kit.types` rules, made exact where the schema and the validation must agree to the letter):

- text has a length and no control characters, and needs one visible character where it cannot be
  empty; it is stored without surrounding spaces, which are cut after the checks (so a text the schema
  allows is never refused, nor one it refuses accepted);
- integers are JSON integers within their column (`"5"` and `true` are refused, as the schema says);
- amounts (points, scores, shares) are JSON numbers within their bounds, cut to the column's decimals, or
  strings written as plain decimals with at most those decimals (never `1e2`, `NaN` or `Infinity`);
- dates are `YYYY-MM-DD` strings between 1900 and 2100, the range written in the schema's pattern.
"""

from __future__ import annotations

import re
from decimal import ROUND_DOWN, Decimal
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints, WithJsonSchema

from service_kit.types import INT32_MAX, CivilDate

_CONTROLS = "\\x00-\\x1f\\x7f-\\x9f"
# Spelled out rather than `\s`: regular-expression engines disagree on what `\s` holds (U+0085).
_VISIBLE = "[^\\x00-\\x20\\x7f-\\xa0\\u1680\\u2000-\\u200b\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]"
_LINE = f"[^{_CONTROLS}]"
_PARAGRAPH = "[^\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f]"


def _strip(text: str) -> str:
    return text.strip()


def Text(max_length: int, *, required: bool = True, multiline: bool = False) -> Any:  # noqa: N802 - a type
    """At most `max_length` characters without control characters (tab, newline and carriage return
    allowed in `multiline` text); one that is `required` has at least one character that is not a space.
    Surrounding spaces are cut once the text passed."""
    char = _PARAGRAPH if multiline else _LINE
    visible = _VISIBLE
    pattern = f"^{char}*{visible}{char}*$" if required else f"^{char}*$"
    return Annotated[
        str,
        StringConstraints(min_length=1 if required else 0, max_length=max_length, pattern=pattern),
        AfterValidator(_strip),
    ]


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
WEB_ADDRESS = f"^https?://(?:{_LABEL}\\.)*{_LAST_LABEL}{_PORT}(?:[/?#][^\\s{_CONTROLS}]*)?$"
WebAddress = Annotated[str, StringConstraints(max_length=2000, pattern=WEB_ADDRESS)]
"""An http(s) address of a web page (evidence of a score), at most 2,000 characters, kept as written."""


def _json_integer(value: Any) -> Any:
    # JSON has numbers, not integers: 3 and 3.0 are the same integer; "3" and true are not numbers.
    if isinstance(value, bool | str | bytes):
        raise ValueError("a JSON integer, not a string or a boolean")
    return value


Version = Annotated[int, Field(ge=1, le=INT32_MAX), BeforeValidator(_json_integer)]
"""A criteria set's version: a JSON integer from 1 to 2,147,483,647 (the column is an int32)."""


def _amount(*, minimum: Decimal, maximum: Decimal, places: int, string_pattern: str, description: str) -> Any:
    matcher = re.compile(string_pattern)
    step = Decimal(1).scaleb(-places)

    def as_written(value: Any) -> Any:
        if isinstance(value, bool):
            raise ValueError("a number or a decimal written as a string")
        if isinstance(value, str) and not matcher.fullmatch(value):
            raise ValueError(f"a decimal from {minimum} to {maximum} with at most {places} decimals")
        return value

    def cut(value: Decimal) -> Decimal:
        # Only what has more decimals than the column keeps is cut (12.5 stays 12.5, 1e-300 becomes 0.00).
        exponent = value.as_tuple().exponent
        if isinstance(exponent, int) and exponent < -places:
            return value.quantize(step, rounding=ROUND_DOWN)
        return value

    return Annotated[
        Decimal,
        BeforeValidator(as_written),
        Field(ge=minimum, le=maximum, allow_inf_nan=False),
        AfterValidator(cut),
        WithJsonSchema(
            {
                "anyOf": [
                    {"type": "number", "minimum": float(minimum), "maximum": float(maximum)},
                    {"type": "string", "pattern": string_pattern},
                ],
                "description": description,
            }
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

_YEAR = "(?:19\\d\\d|20\\d\\d|2100)"
_MONTH_DAY = "(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])"
_DAY = re.compile(f"^{_YEAR}-{_MONTH_DAY}$")


def _written_as_a_day(value: Any) -> Any:
    if isinstance(value, str) and not _DAY.fullmatch(value):
        raise ValueError("a day written YYYY-MM-DD, from 1900-01-01 to 2100-12-31")
    return value


Day = Annotated[
    CivilDate,
    BeforeValidator(_written_as_a_day),
    WithJsonSchema(
        {
            "type": "string",
            "format": "date",
            "pattern": f"^{_YEAR}-{_MONTH_DAY}$",
            "description": "A day written YYYY-MM-DD, from 1900-01-01 to 2100-12-31",
        }
    ),
]
"""A calendar day as the kit's `CivilDate` takes it (a YYYY-MM-DD string, 1900–2100), its range in the
schema's pattern."""


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
