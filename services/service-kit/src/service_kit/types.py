"""Strict field types for request models: every rule a schema can say is in the schema (and so in the
OpenAPI), a value the schema allows is never refused by the type, and nothing a column cannot hold
reaches the database. The services build their own names on these (`campaign_api.inputs`,
`literacy_api.inputs`, `scoring_api.fields`); the mechanisms live here once.

- text refuses control characters (C0 but tab/newline/CR in several lines, DEL, C1), has a length, and
  has at least one visible character where it cannot be empty (the visible characters are spelled out:
  regular-expression engines disagree on what `\\s` holds, e.g. U+0085); surrounding spaces are cut
  after the checks, which never leaves a required text blank;
- integers are JSON integers within their column (int32 unless said otherwise): `"5"` and `true` are
  not numbers;
- decimals are JSON numbers within their bounds (strings only where a type says so), rounded to the
  column's places;
- dates are `YYYY-MM-DD` strings of real calendar days (never numbers, never timestamps), 1900-01-01 to
  2100-12-31 or up to today in Vietnam, the range written in the schema's pattern;
- `StrictModel` refuses unknown fields, an explicit `null` where the type does not admit it, and any
  non-boolean for a `bool` field and any string or boolean for an `int` field, whatever the field's
  declared type says beyond that.
"""

from __future__ import annotations

import calendar
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal
from types import NoneType, UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    StringConstraints,
    WithJsonSchema,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

INT32_MIN = -(2**31)
INT32_MAX = 2**31 - 1

# --- text --------------------------------------------------------------------------------------------

CONTROLS = r"\x00-\x1f\x7f-\x9f"
"""C0, DEL and C1: never in one line of text."""
_LINE_CHAR = rf"[^{CONTROLS}]"
_PARAGRAPH_CHAR = r"[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
VISIBLE = r"[^\x00-\x20\x7f-\xa0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]"
"""A character that is neither a control, a space of any width, nor a zero-width mark."""

ONE_LINE = rf"^{_LINE_CHAR}*$"
ONE_LINE_VISIBLE = rf"^{_LINE_CHAR}*{VISIBLE}{_LINE_CHAR}*$"
NO_CONTROL = rf"^{_PARAGRAPH_CHAR}*$"
"""Several lines: tab, newline and carriage return allowed, no other control character."""
PARAGRAPH_VISIBLE = rf"^{_PARAGRAPH_CHAR}*{VISIBLE}{_PARAGRAPH_CHAR}*$"

_SPACES = re.compile(" {2,}")


def _strip(value: str) -> str:
    return value.strip()


def _tidy(value: str) -> str:
    return _SPACES.sub(" ", value).strip()


STRIP = AfterValidator(_strip)
"""Surrounding spaces cut (after the checks: a required text keeps its visible character)."""
TIDY = AfterValidator(_tidy)
"""Runs of spaces become one, and the ends lose theirs."""


def text_constraints(max_length: int, *, required: bool = True, multiline: bool = False) -> StringConstraints:
    """The constraints of a text of at most `max_length` characters: `Annotated[str, text_constraints(200)]`."""
    if multiline:
        pattern = PARAGRAPH_VISIBLE if required else NO_CONTROL
    else:
        pattern = ONE_LINE_VISIBLE if required else ONE_LINE
    # An optional text sets no minimum, so that a field may still ask for one (`Field(min_length=1)`).
    return StringConstraints(min_length=1 if required else None, max_length=max_length, pattern=pattern)


def line(max_length: int, *, required: bool = True) -> StringConstraints:
    """One line of at most `max_length` characters (with a visible one when `required`)."""
    return text_constraints(max_length, required=required)


def Text(  # noqa: N802 - a type
    max_length: int, *, required: bool = True, multiline: bool = False, tidy: bool = False
) -> Any:
    """A text of at most `max_length` characters without control characters (tab, newline and CR allowed
    when `multiline`); a `required` one has a visible character. Stored without surrounding spaces (and
    with runs of spaces made one when `tidy`)."""
    return Annotated[
        str,
        text_constraints(max_length, required=required, multiline=multiline),
        TIDY if tidy else STRIP,
    ]


CODE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"

Name = Text(255)
"""A person's, unit's or document's name: one line, 1–255 characters, one of them visible."""
Title = Text(500)
Note = Text(4000, required=False, multiline=True)
"""Free text a person writes (a reason, a comment): at most 4,000 characters."""
Code = Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=CODE_PATTERN)]
"""A code people type (a campaign's, a criterion's): letters without diacritics, digits, `.`, `-`, `_`."""

# --- integers ----------------------------------------------------------------------------------------


def _json_integer(value: Any) -> Any:
    # JSON has numbers, not integers: 3 and 3.0 are the same integer; "3" and true are not numbers.
    # (None passes: a field that admits no null refuses it by its own type.)
    if isinstance(value, bool | str | bytes | bytearray):
        raise PydanticCustomError("int_type", "A whole number (not a string, not true or false)")
    return value


JSON_INTEGER = BeforeValidator(_json_integer)
"""On an `int` field: only a JSON number is one (`StrictModel` adds it to every `int` field)."""


def _json_boolean(value: Any) -> Any:
    if value is not None and not isinstance(value, bool):
        raise PydanticCustomError("bool_type", "true or false")
    return value


JSON_BOOLEAN = BeforeValidator(_json_boolean)
"""On a `bool` field: only `true` and `false` (`StrictModel` adds it to every `bool` field)."""

Int32 = Annotated[int, Field(ge=INT32_MIN, le=INT32_MAX), JSON_INTEGER]
NonNegativeInt32 = Annotated[int, Field(ge=0, le=INT32_MAX), JSON_INTEGER]
PositiveInt32 = Annotated[int, Field(ge=1, le=INT32_MAX), JSON_INTEGER]

# --- decimals ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class JsonNumber:
    """`Annotated[Decimal, JsonNumber(maximum=100, places=2)]`: a JSON number within bounds, rounded to
    `places` decimals when it has more (`rounding`: `ROUND_HALF_UP`, or `ROUND_DOWN` to cut).

    A string is not a number unless `string_pattern` admits it (plain decimals such as `"12.5"`, never
    `1e2`, `NaN` or `Infinity`). The bounds are those of the value as written; an exclusive minimum of 0
    at one place is written as a minimum of 0.1, so that a number the schema allows is never refused."""

    maximum: Decimal | int
    places: int
    minimum: Decimal | int = 0
    exclusive_minimum: bool = False
    rounding: str = ROUND_HALF_UP
    string_pattern: str | None = None
    description: str | None = None

    @property
    def step(self) -> Decimal:
        return Decimal(1).scaleb(-self.places)

    @property
    def low(self) -> Decimal:
        return self.step + self.minimum if self.exclusive_minimum else Decimal(self.minimum)

    def parse(self, value: Any) -> Decimal:
        if isinstance(value, str) and self.string_pattern and re.fullmatch(self.string_pattern, value):
            number = Decimal(value)
        elif isinstance(value, bool) or not isinstance(value, int | float | Decimal):
            raise PydanticCustomError("decimal_type", "A number")
        else:
            number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
        if not number.is_finite() or not self.low <= number <= self.maximum:
            raise PydanticCustomError(
                "decimal_range",
                "A number from {minimum} to {maximum}",
                {"minimum": str(self.low), "maximum": str(self.maximum)},
            )
        exponent = number.as_tuple().exponent
        if isinstance(exponent, int) and exponent < -self.places:
            number = number.quantize(self.step, rounding=self.rounding)
        return number

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        return core_schema.no_info_plain_validator_function(self.parse)

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        number: dict[str, Any] = {
            "type": "number",
            "minimum": float(self.low),
            "maximum": float(self.maximum),
        }
        described = (
            self.description or f"{self.low} to {self.maximum}, rounded to {self.places} decimal places"
        )
        if self.string_pattern:
            return {
                "anyOf": [number, {"type": "string", "pattern": self.string_pattern}],
                "description": described,
            }
        return {**number, "description": described}


# --- dates -------------------------------------------------------------------------------------------

EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2100, 12, 31)
VIETNAM = timezone(timedelta(hours=7), "ICT")


def today_in_vietnam() -> date:
    """Today where the province works (UTC+7, no daylight saving time)."""
    return datetime.now(VIETNAM).date()


def _schema_today() -> date | None:
    """`OPENAPI_SCHEMA_TODAY=YYYY-MM-DD` writes the "up to today" patterns up to that day: the dashboard's
    committed copy of the OpenAPI (`make gen-client`) must not change with the calendar. The services
    never set it: what they serve says today, and every request is checked against today."""
    fixed = os.environ.get("OPENAPI_SCHEMA_TODAY")
    return date.fromisoformat(fixed) if fixed else None


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


def _day_parser(first: date, last: Callable[[], date]) -> Callable[[Any], Any]:
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
        upper = last()
        if not first <= day <= upper:
            raise PydanticCustomError(
                "date_range", "A date from {first} to {last}", {"first": str(first), "last": str(upper)}
            )
        return day

    return parse


def years_before(day: date, years: int) -> date:
    """The same day `years` earlier (29 February becomes the 28th in a common year)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def day_type(
    first: date = EARLIEST_DATE,
    last: date | None = LATEST_DATE,
    *,
    years_ago: int = 0,
    today: Callable[[], date] = today_in_vietnam,
) -> Any:
    """A `YYYY-MM-DD` day from `first` to `last` (`None`: up to today, or up to the same day `years_ago`
    years back, checked on each request; the schema's pattern is written up to that day as of when the
    service started, so a schema-valid day is one the service takes)."""

    def until_now() -> date:
        return years_before(today(), years_ago)

    upper: Callable[[], date] = until_now if last is None else (lambda: last)
    shown = last or years_before(_schema_today() or today(), years_ago)
    until = "today" if not years_ago else f"the same day {years_ago} years ago"
    described = f"YYYY-MM-DD, {first.isoformat()} to {until if last is None else last.isoformat()}"
    return Annotated[
        date,
        BeforeValidator(_day_parser(first, upper)),
        WithJsonSchema(
            {
                "type": "string",
                "format": "date",
                "pattern": date_pattern(first.year, shown),
                "description": described,
            }
        ),
    ]


CivilDay = day_type()
"""A calendar day, `YYYY-MM-DD`, 1900-01-01 to 2100-12-31."""
CivilDate = CivilDay
PastDay = day_type(last=None)
"""A day that has come in Vietnam: a report period's end, a decision's date, a birth, a completion."""

# --- models ------------------------------------------------------------------------------------------


def _no_default(schema: dict[str, Any]) -> None:
    schema.pop("default", None)


def omittable(**field: Any) -> Any:
    """The default of a field that a PATCH may leave out but not set to `null`:
    `name: Name = omittable()`. Explicit `null` fails the field's own type (422); the schema shows
    the type without a null default; read what was sent with `model_dump(exclude_unset=True)`."""
    return Field(default=None, json_schema_extra=_no_default, **field)


def _bare(annotation: Any) -> Any:
    """`bool`, `int` (or either `| None`) as declared, else None."""
    if get_origin(annotation) in (Union, UnionType):
        members = [a for a in get_args(annotation) if a is not NoneType]
        annotation = members[0] if len(members) == 1 else None
    return annotation if annotation in (bool, int) else None


class StrictModel(BaseModel):
    """Base of request bodies: unknown fields refused, `null` only where the type says so (a PATCH
    field typed `str | None` may be cleared; one typed `str` with a default may only be left out), and
    booleans and integers only as JSON has them (pydantic would read `0`, `"yes"` as booleans and `"5"`,
    `true` as integers)."""

    model_config = ConfigDict(extra="forbid")

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        changed = False
        for field in cls.model_fields.values():
            kind = _bare(field.annotation)
            check = {bool: JSON_BOOLEAN, int: JSON_INTEGER}.get(kind) if kind else None
            if check is not None and check not in field.metadata:
                field.metadata.append(check)
                changed = True
        if changed:
            cls.model_rebuild(force=True)
