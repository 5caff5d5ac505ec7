"""The kit's strict input types: what the schema says is exactly what the validation takes."""

import re
from datetime import date, timedelta
from decimal import ROUND_DOWN, Decimal
from typing import Annotated

import pytest
from pydantic import Field, TypeAdapter, ValidationError

from service_kit.types import (
    CivilDay,
    Int32,
    JsonNumber,
    PastDay,
    StrictModel,
    Text,
    date_pattern,
    day_type,
    omittable,
    today_in_vietnam,
    years_before,
)


class Body(StrictModel):
    active: bool = True
    maybe: bool | None = None
    count: int = 0
    staff: Int32 = 0
    name: Text(20) = "x"  # type: ignore[valid-type]
    note: Text(50, required=False, multiline=True) = ""  # type: ignore[valid-type]
    title: Text(20) = omittable()  # type: ignore[valid-type]


@pytest.mark.parametrize(
    "body",
    [
        {"active": 0},
        {"active": 1},
        {"active": "true"},
        {"active": "yes"},
        {"maybe": 0},
        {"count": "5"},
        {"count": True},
        {"staff": "5"},
        {"staff": False},
        {"staff": 2**31},
        {"name": "   "},
        {"name": "\u00a0\u2003"},
        {"name": "\u200b"},
        {"name": "a\x85b"},
        {"name": "a\x00"},
        {"name": "a\nb"},
        {"note": "a\x01"},
        {"title": None},
        {"unknown": 1},
    ],
)
def test_what_json_does_not_say_is_refused(body):
    with pytest.raises(ValidationError):
        Body(**body)


def test_what_json_says_is_taken_as_written():
    body = Body(
        active=False, maybe=None, count=3, staff=-(2**31), name="  Sở KH&CN  ", note="dòng 1\n\tdòng 2"
    )
    assert (body.active, body.maybe, body.count, body.staff) == (False, None, 3, -(2**31))
    assert body.name == "Sở KH&CN"  # surrounding spaces cut after the checks
    assert body.note == "dòng 1\n\tdòng 2"
    assert Body(count=3.0).count == 3  # JSON has numbers: 3.0 is the integer 3


def test_a_required_text_pattern_agrees_with_the_validation_on_every_space_character():
    """The schema's pattern is used by other engines (schemathesis, the dashboard): every character that
    Python strips must be refused as the only content, and the pattern must say so."""
    pattern = re.compile(Body.model_json_schema()["properties"]["name"]["pattern"])
    for code in range(0x3100):
        character = chr(code)
        accepted = True
        try:
            Body(name=character)
        except ValidationError:
            accepted = False
        assert accepted == bool(pattern.search(character)), hex(code)
        if accepted:
            assert Body(name=character).name == character  # nothing visible is ever cut away


def test_days_are_strings_of_real_calendar_days_within_the_range():
    days = TypeAdapter(CivilDay)
    assert days.validate_python("2024-02-29") == date(2024, 2, 29)
    for wrong in [
        "2023-02-29",
        "2025-13-01",
        "1899-12-31",
        "2101-01-01",
        "2025-01-01T00:00:00",
        0,
        20250101,
        "",
    ]:
        with pytest.raises(ValidationError):
            days.validate_python(wrong)
    pattern = re.compile(days.json_schema()["pattern"])
    assert all(pattern.match(day) for day in ("2100-12-31", "1900-01-01", "2000-02-29"))
    assert not any(pattern.match(day) for day in ("1900-02-29", "2101-01-01", "2023-02-29"))


def test_a_day_that_has_come_is_today_in_vietnam_at_the_latest():
    days = TypeAdapter(PastDay)
    today = today_in_vietnam()
    assert days.validate_python(today.isoformat()) == today
    with pytest.raises(ValidationError):
        days.validate_python((today + timedelta(days=1)).isoformat())


def test_a_day_years_ago_is_checked_and_written_in_the_schema_alike():
    # Fixed "today"s, so that the validation and the schema are read on the same calendar.
    for today, last in ((date(2026, 12, 3), date(2011, 12, 3)), (date(2024, 2, 29), date(2009, 2, 28))):
        days = TypeAdapter(day_type(last=None, years_ago=15, today=lambda today=today: today))
        assert days.validate_python(last.isoformat()) == last
        with pytest.raises(ValidationError):
            days.validate_python((last + timedelta(days=1)).isoformat())
    schema = TypeAdapter(day_type(last=None, years_ago=15)).json_schema()
    last = years_before(today_in_vietnam(), 15)
    assert re.match(schema["pattern"], last.isoformat())
    assert not re.match(schema["pattern"], (last + timedelta(days=1)).isoformat())
    assert not re.match(schema["pattern"], today_in_vietnam().isoformat())
    assert schema["description"] == "YYYY-MM-DD, 1900-01-01 to the same day 15 years ago"


def test_date_pattern_holds_exactly_the_days_up_to_its_last():
    pattern = re.compile(date_pattern(2024, date(2025, 3, 2)))
    assert all(pattern.match(day) for day in ("2024-02-29", "2025-03-02"))
    assert not any(pattern.match(day) for day in ("2025-03-03", "2025-02-29", "2023-01-01"))


def test_json_numbers_are_bounded_and_rounded_to_the_columns_places():
    percent = TypeAdapter(Annotated[Decimal, JsonNumber(maximum=100, places=2)])
    assert percent.validate_python(12.345) == Decimal("12.35")  # half up
    assert percent.validate_python(12.5) == Decimal("12.5")  # fewer places are kept as written
    for wrong in ["12", True, 100.01, -0.01, float("nan"), float("inf")]:
        with pytest.raises(ValidationError):
            percent.validate_python(wrong)
    assert (percent.json_schema()["minimum"], percent.json_schema()["maximum"]) == (0, 100)
    share = TypeAdapter(
        Annotated[
            Decimal, JsonNumber(minimum=0, exclusive_minimum=True, maximum=1, places=1, rounding=ROUND_DOWN)
        ]
    )
    assert share.json_schema()["minimum"] == 0.1  # what the rounded value can be
    assert share.validate_python(0.19) == Decimal("0.1")
    written = TypeAdapter(
        Annotated[Decimal, JsonNumber(maximum=10, places=2, string_pattern=r"^\d{1,2}(\.\d{1,2})?$")]
    )
    assert written.validate_python("2.5") == Decimal("2.5")
    with pytest.raises(ValidationError):
        written.validate_python("1e1")


def test_strict_integers_keep_their_bounds_in_the_schema():
    """The JSON-integer check added to every `int` field leaves the field's bounds where other engines read
    them (`minimum`/`maximum`), not as pydantic's own `ge`/`le` keys."""

    class Bounded(StrictModel):
        no: int = Field(ge=1, le=99)

    assert Bounded.model_json_schema()["properties"]["no"] == {
        "maximum": 99,
        "minimum": 1,
        "title": "No",
        "type": "integer",
    }
    with pytest.raises(ValidationError):
        Bounded(no="5")
