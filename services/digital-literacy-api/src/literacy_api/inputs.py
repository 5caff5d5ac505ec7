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

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints
from pydantic_core import PydanticCustomError

from literacy_api.competences.framework import FRAMEWORKS, known_competence_codes
from reference_data.localities import localities
from service_kit.types import (
    JSON_INTEGER,
    ONE_LINE,
    ONE_LINE_VISIBLE,
    TIDY,
    CivilDay,
    JsonNumber,
    PastDay,
    line,
)

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


WHOLE = JSON_INTEGER
"""On an `int` field: `true`/`false` and strings are not numbers (`StrictModel` adds it to its `int` fields)."""


__all__ = [
    "ONE_LINE",
    "ONE_LINE_VISIBLE",
    "TIDY",
    "WHOLE",
    "CivilDay",
    "JsonNumber",
    "PastDay",
    "line",
]
