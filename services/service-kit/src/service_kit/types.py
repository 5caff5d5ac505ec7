"""Strict field types for request models, so that each rule a schema can say is in the schema (and
so in the OpenAPI) and nothing a column cannot hold reaches the database:

- text refuses control characters (NUL and the C0 set but tab and newline) and has a length;
- integers are bounded by their column (int32 unless said otherwise);
- dates are `YYYY-MM-DD` strings only (never numbers), between 1900 and 2100;
- `StrictModel` refuses an explicit `null` for a field whose type does not admit it.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

INT32_MIN = -(2**31)
INT32_MAX = 2**31 - 1

# Everything but NUL..BS, VT, FF, SO..US and DEL (tab, newline and carriage return stay allowed in notes).
NO_CONTROL = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"
# One line: not even tab or newline.
ONE_LINE = r"^[^\x00-\x1f\x7f]*$"


def Text(max_length: int, *, min_length: int = 0, multiline: bool = False) -> Any:  # noqa: N802 - a type
    """A text field of at most `max_length` characters without control characters."""
    return Annotated[
        str,
        StringConstraints(
            min_length=min_length, max_length=max_length, pattern=NO_CONTROL if multiline else ONE_LINE
        ),
    ]


Name = Annotated[
    str, StringConstraints(min_length=1, max_length=255, pattern=ONE_LINE, strip_whitespace=True)
]
"""A person's, unit's or document's name: one line, 1–255 characters."""

Title = Annotated[
    str, StringConstraints(min_length=1, max_length=500, pattern=ONE_LINE, strip_whitespace=True)
]
Note = Annotated[str, StringConstraints(max_length=4000, pattern=NO_CONTROL)]
"""Free text a person writes (a reason, a comment): at most 4,000 characters."""

Code = Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
"""A code people type (a campaign's, a criterion's): letters without diacritics, digits, `.`, `-`, `_`."""

Int32 = Annotated[int, Field(ge=INT32_MIN, le=INT32_MAX)]
NonNegativeInt32 = Annotated[int, Field(ge=0, le=INT32_MAX)]
PositiveInt32 = Annotated[int, Field(ge=1, le=INT32_MAX)]

EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2100, 12, 31)


def _date_as_string(value: Any) -> Any:
    if isinstance(value, bool | int | float):
        raise ValueError("a date is written YYYY-MM-DD, as a string")
    return value


def _within_calendar(value: date) -> date:
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise ValueError(f"a date between {EARLIEST_DATE.isoformat()} and {LATEST_DATE.isoformat()}")
    return value


CivilDate = Annotated[
    date,
    BeforeValidator(_date_as_string),
    AfterValidator(_within_calendar),
]
"""A calendar date written `YYYY-MM-DD` (never a number), between 1900-01-01 and 2100-12-31."""


def _no_default(schema: dict[str, Any]) -> None:
    schema.pop("default", None)


def omittable(**field: Any) -> Any:
    """The default of a field that a PATCH may leave out but not set to `null`:
    `name: Name = omittable()`. Explicit `null` fails the field's own type (422); the schema shows
    the type without a null default; read what was sent with `model_dump(exclude_unset=True)`."""
    return Field(default=None, json_schema_extra=_no_default, **field)


class StrictModel(BaseModel):
    """Base of request bodies: unknown fields refused, and `null` only where the type says so (a PATCH
    field typed `str | None` may be cleared; one typed `str` with a default may only be left out)."""

    model_config = ConfigDict(extra="forbid")
