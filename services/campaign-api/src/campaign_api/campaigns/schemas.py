"""What the campaign, phase and target endpoints accept and return."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from campaign_api.inputs import (
    CODE_PATTERN,
    UNIT_CODE_PATTERN,
    Amount,
    CivilDay,
    Line300,
    Line500,
    LongText,
)
from service_kit.pagination import Page
from service_kit.types import StrictModel, omittable

Code = Annotated[str, StringConstraints(pattern=CODE_PATTERN)]
UnitCode = Annotated[str, StringConstraints(pattern=UNIT_CODE_PATTERN)]
Title = Line500
PhaseName = Line300
Text = LongText


class Level(StrEnum):
    NATIONAL = "national"
    MINISTRY = "ministry"
    PROVINCE = "province"
    DEPARTMENT = "department"
    COMMUNE = "commune"


class CampaignAction(StrEnum):
    """What a caller may do to a movement (its `allowed_actions`)."""

    EDIT = "edit"
    LAUNCH = "launch"
    CLOSE = "close"
    ENROL = "enrol"
    ADD_PHASE = "add_phase"
    ADD_TARGET = "add_target"
    ADD_INITIATIVE = "add_initiative"
    ADD_COMMENDATION = "add_commendation"
    EXPORT_PARTICIPANTS = "export_participants"
    REGISTER = "register"
    """Register a participant unit (and its people) for emulation titles."""
    BUILD_DOSSIERS = "build_dossiers"
    """Build commendation dossiers from a scoring round's proposals (the organiser)."""
    ADD_CONTEST = "add_contest"
    """Create an online contest in the movement (`NEW_CONTESTS`: those who run it)."""
    ADD_JUDGING = "add_judging"
    """Set up a round of initiative judging in the movement (`NEW_JUDGINGS`: those who run it)."""


class CampaignListAction(StrEnum):
    CREATE = "create"


class CampaignStatus(StrEnum):
    DRAFT = "draft"
    ACTIVE = "active"
    CLOSED = "closed"


class Content(StrictModel):
    """One numbered key content of a movement ("Nội dung 1: ...")."""

    no: int = Field(ge=1, le=99)
    title: Title
    description: Text = ""


def _check_dates(starts_on: date | None, ends_on: date | None) -> None:
    if starts_on is not None and ends_on is not None and ends_on < starts_on:
        raise ValueError("ends_on is before starts_on")


def contents_repeat(contents: list[Content] | None) -> bool:
    """Whether two key contents share a number (the service refuses it, after the references)."""
    numbers = [c.no for c in contents or []]
    return len(numbers) != len(set(numbers))


class CampaignCreate(StrictModel):
    code: Code
    title: Title
    level: Level
    organizer_unit_code: UnitCode
    parent_id: uuid.UUID | None = None
    starts_on: CivilDay
    ends_on: CivilDay
    description: Text = ""
    contents: list[Content] = Field(default_factory=list, max_length=50)
    objectives: list[Title] = Field(default_factory=list, max_length=50)


class CampaignUpdate(StrictModel):
    """Each field may be left out; none may be set to null (the columns cannot be empty)."""

    title: Title = omittable()
    description: Text = omittable()
    starts_on: CivilDay = omittable()
    ends_on: CivilDay = omittable()
    contents: list[Content] = omittable(max_length=50)
    objectives: list[Title] = omittable(max_length=50)


class CampaignOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    code: str
    title: str
    level: Level
    organizer_unit_code: str
    parent_id: uuid.UUID | None
    starts_on: date
    ends_on: date
    status: CampaignStatus
    description: str
    contents: list[Content]
    objectives: list[str]
    created_at: datetime
    updated_at: datetime
    allowed_actions: list[CampaignAction] = Field(
        default_factory=list, description="What the caller may do to this movement now"
    )


class CampaignPage(Page[CampaignOut]):
    allowed_actions: list[CampaignListAction] = Field(default_factory=list)


class MilestoneKind(StrEnum):
    PLAN_DUE = "plan_due"
    REPORT_DUE = "report_due"
    REVIEW = "review"
    SUMMARY = "summary"
    OTHER = "other"


class Milestone(StrictModel):
    title: Title
    kind: MilestoneKind
    due_on: CivilDay


class PhaseCreate(StrictModel):
    name: PhaseName
    starts_on: CivilDay
    ends_on: CivilDay
    milestones: list[Milestone] = Field(default_factory=list, max_length=100)

    @model_validator(mode="after")
    def _check(self) -> Self:
        _check_dates(self.starts_on, self.ends_on)
        for milestone in self.milestones:
            if not self.starts_on <= milestone.due_on <= self.ends_on:
                raise ValueError(f"milestone {milestone.title!r} is due outside the phase")
        return self


class PhaseUpdate(StrictModel):
    """Each field may be left out, none set to null. Dates and milestones are refused (409) once plans or
    reports depend on the phase; its name can always be corrected."""

    name: PhaseName = omittable()
    starts_on: CivilDay = omittable()
    ends_on: CivilDay = omittable()
    milestones: list[Milestone] = omittable(max_length=100)


def check_phase(starts_on: date, ends_on: date, milestones: list[Milestone]) -> str | None:
    """What is wrong with a phase's dates and milestones (after an update merges them), or None."""
    if ends_on < starts_on:
        return "ends_on"
    if any(not starts_on <= m.due_on <= ends_on for m in milestones):
        return "milestones"
    return None


class PhaseOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    starts_on: date
    ends_on: date
    milestones: list[Milestone]


class Measure(StrEnum):
    PERCENT = "percent"
    COUNT = "count"
    RATIO = "ratio"


class Direction(StrEnum):
    INCREASE = "increase"
    DECREASE = "decrease"


class TargetCreate(StrictModel):
    code: Code
    title: Title
    measure: Measure
    baseline: Amount
    target: Amount
    direction: Direction
    due_on: CivilDay | None = None

    @model_validator(mode="after")
    def _check(self) -> Self:
        problem = target_problem(self.measure, self.baseline, self.target, self.direction)
        if problem is not None:
            raise ValueError(problem)
        return self


def target_problem(measure: Measure, baseline: Decimal, target: Decimal, direction: Direction) -> str | None:
    """What makes a target's values inconsistent (in English, for the 422), or None."""
    if direction is Direction.INCREASE and target <= baseline:
        return "an increasing target must be above its baseline"
    if direction is Direction.DECREASE and target >= baseline:
        return "a decreasing target must be below its baseline"
    if measure is Measure.PERCENT and not (0 <= baseline <= 100 and 0 <= target <= 100):
        return "percentages lie between 0 and 100"
    return None


TARGET_MEASURING_FIELDS = ("measure", "baseline", "target", "direction")
"""What reports were measured against: refused (409) once a report gives the target a value."""


class TargetUpdate(StrictModel):
    """Each field may be left out, none set to null (except `due_on`, which null clears). The code is what
    reports key their values by and never changes; the measuring fields change only while no report
    gives the target a value."""

    title: Title = omittable()
    measure: Measure = omittable()
    baseline: Amount = omittable()
    target: Amount = omittable()
    direction: Direction = omittable()
    due_on: CivilDay | None = None


class TargetOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    code: str
    title: str
    measure: Measure
    baseline: Decimal
    target: Decimal
    direction: Direction
    due_on: date | None
