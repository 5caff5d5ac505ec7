"""Strict input types of digital-literacy-api: every rule a schema can say is in the schema (and so in the
OpenAPI document), and nothing a column cannot hold reaches the database.

- text: one line, no control character (C0, DEL, C1), bounded by its column; a required text has at least
  one visible character (so a schema-valid value is never refused as blank); runs of spaces are tidied;
- codes: the exact patterns the code checks (national ID, unit and course codes); communes, provinces,
  competences and frameworks are enumerations of the reference data (an unknown one is schema-invalid);
- dates: `YYYY-MM-DD` strings only (never numbers, never `0`), real calendar days between 1900-01-01 and
  2100-12-31, or up to today for what cannot lie in the future (birth, enrolment, completion), all said
  by the pattern itself;
- decimals: a number, or a string of digits, within bounds; rounded to the column's places.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    StringConstraints,
    WithJsonSchema,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

from literacy_api.competences.framework import FRAMEWORKS, known_competence_codes
from reference_data.localities import localities
from service_kit import i18n
from service_kit.errors import NotFound

# One line of text: no C0 control character (tab and newline included), no DEL, no C1 control character.
_CHAR = r"[^\x00-\x1f\x7f-\x9f]"
_VISIBLE = r"[^\x00-\x20\x7f-\x9f]"
ONE_LINE = rf"^{_CHAR}*$"
ONE_LINE_VISIBLE = rf"^{_CHAR}*{_VISIBLE}{_CHAR}*$"
_SPACES = re.compile(" {2,}")


def _tidy(value: str) -> str:
    return _SPACES.sub(" ", value).strip(" ")


def line(max_length: int, *, required: bool = True) -> StringConstraints:
    """One line of at most `max_length` characters (at least one visible one when `required`):
    `Annotated[str, line(200), TIDY]`."""
    return StringConstraints(
        min_length=1 if required else 0,
        max_length=max_length,
        pattern=ONE_LINE_VISIBLE if required else ONE_LINE,
    )


TIDY = AfterValidator(_tidy)
"""Runs of spaces become one, and the ends lose theirs (never making a required text blank)."""


SearchText = Annotated[str, line(100, required=False), TIDY]
"""Words searched for in a name or a title (a query parameter)."""

CODE_PATTERN = r"^[A-Za-z0-9._-]{1,32}$"
NATIONAL_ID_PATTERN = r"^[0-9]{12}$"
PHONE_PATTERN = r"^ *(\+84|0)([ .]?[0-9]){9,10} *$"

NationalId = Annotated[
    str, StringConstraints(pattern=NATIONAL_ID_PATTERN), Field(description="CCCD: exactly 12 digits")
]
UnitCode = Annotated[
    str, StringConstraints(pattern=CODE_PATTERN), Field(description="A unit of campaign-api's directory")
]
CourseCode = Annotated[str, StringConstraints(pattern=CODE_PATTERN)]
ActivityIri = Annotated[
    str,
    StringConstraints(
        min_length=3, max_length=500, pattern=r"^[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20\x7f-\x9f]+$"
    ),
]
"""An absolute IRI (an xAPI activity id): a scheme, a colon and no space or control character."""
CERTIFICATE_CODE_PATTERN = r"^[A-Za-z2-7]{4}(-[A-Za-z2-7]{4}){3}$"
UNIT_CODES_PATTERN = r"^[A-Za-z0-9._-]{1,32}(,[A-Za-z0-9._-]{1,32}){0,199}$"
"""Up to 200 unit codes, comma-separated (scoring-api asks in batches of 200)."""


def _phone(value: str) -> str:
    return value.replace(" ", "").replace(".", "")


Phone = Annotated[
    str,
    StringConstraints(max_length=20, pattern=PHONE_PATTERN),
    AfterValidator(_phone),
    Field(description="0 or +84 and 9 to 10 digits (spaces or dots between them are dropped)"),
]


def _reference(name: str, values: list[str], description: str, error: str) -> Any:
    """A code of the reference data as an enumeration of the schema (a component of its own); an unknown
    value is refused with a short message (pydantic's would list every member)."""
    members = StrEnum(name, [(f"V{value.replace('-', '_').replace('.', '_')}", value) for value in values])  # type: ignore[misc]
    members.__doc__ = description
    known = frozenset(values)

    def check(value: Any) -> Any:
        if isinstance(value, str) and value not in known:
            raise PydanticCustomError("reference_unknown", error, {"value": value})
        return value

    return Annotated[members, BeforeValidator(check)]


if TYPE_CHECKING:
    CommuneCode = str
    ProvinceCode = str
    CompetenceCode = str
    FrameworkCode = str
else:
    CommuneCode = _reference(
        "CommuneCode",
        sorted(c.code for p in localities.provinces() for c in localities.communes(p.code)),
        "A commune, ward or special zone (5 digits) of the reference data",
        "No commune or ward {value}",
    )
    ProvinceCode = _reference(
        "ProvinceCode",
        sorted(p.code for p in localities.provinces()),
        "A province or centrally governed city (2 digits)",
        "No province {value}",
    )
    CompetenceCode = _reference(
        "CompetenceCode",
        sorted(known_competence_codes()),
        "A competence of the frameworks",
        "No competence {value}",
    )
    FrameworkCode = _reference(
        "FrameworkCode",
        [f.code for f in FRAMEWORKS],
        "A digital competence framework",
        "No competence framework {value}",
    )


def _whole(value: Any) -> Any:
    if isinstance(value, bool):
        raise PydanticCustomError("int_type", "A whole number (not true or false)")
    return value


WHOLE = BeforeValidator(_whole)
"""On an `int` field: `true`/`false` are not numbers (pydantic would read them as 1 and 0)."""

# Dates.
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
        common = _alternatives(
            [f"{m:02d}-{_days(2001, m)}" for m in range(1, 13)]  # 2001: not a leap year (February 28)
        )
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
        upper = last or datetime.now(UTC).date()
        if not first <= day <= upper:
            raise PydanticCustomError(
                "date_range", "A date from {first} to {last}", {"first": str(first), "last": str(upper)}
            )
        return day

    return parse


def _today() -> date:
    return datetime.now(UTC).date()


CALENDAR_PATTERN = date_pattern(EARLIEST.year, LATEST)
PAST_PATTERN = date_pattern(EARLIEST.year, _today())
"""Up to the day the service started (a day lived since then is still accepted: the check is today's)."""

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
"""A day that has come: `YYYY-MM-DD`, from 1900-01-01 to today (a birth, an enrolment, a completion)."""


@dataclass(frozen=True)
class JsonNumber:
    """`Annotated[Decimal, JsonNumber(maximum=100, places=2)]`: a JSON number within bounds (a string is not
    a number), rounded to `places` decimal places. The schema's bounds are those of the rounded value: an
    exclusive minimum of 0 at one place is 0.1, so that a number the schema allows is never refused."""

    maximum: int
    places: int
    minimum: int = 0
    exclusive_minimum: bool = False

    @property
    def low(self) -> Decimal:
        step = Decimal(1).scaleb(-self.places)
        return step + self.minimum if self.exclusive_minimum else Decimal(self.minimum)

    def parse(self, value: Any) -> Decimal:
        if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
            raise PydanticCustomError("decimal_type", "A number")
        number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
        if not number.is_finite() or not self.low <= number <= self.maximum:
            raise PydanticCustomError(
                "decimal_range",
                "A number from {minimum} to {maximum}",
                {"minimum": str(self.low), "maximum": self.maximum},
            )
        return number.quantize(Decimal(1).scaleb(-self.places), ROUND_HALF_UP)

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        return core_schema.no_info_plain_validator_function(self.parse)

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "type": "number",
            "minimum": float(self.low),
            "maximum": self.maximum,
            "description": f"{self.low} to {self.maximum}, rounded to {self.places} decimal places",
        }


def unknown_reference(field: str, *, code: str, **params: Any) -> NotFound:
    """The request names something that does not exist, or that the caller may not see (a learner, a
    course, a class, a unit of the directory): 404 with the field in `errors`, as a 422 would say it, so
    that forms show it by the field. (A well-formed reference is valid input: what it names is missing.)"""
    text = i18n.message(code, params) or code
    return NotFound(text, code=code, params=params, errors=[{"field": field, "message": text}])
