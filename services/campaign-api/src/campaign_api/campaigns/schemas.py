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
        if self.direction is Direction.INCREASE and self.target <= self.baseline:
            raise ValueError("an increasing target must be above its baseline")
        if self.direction is Direction.DECREASE and self.target >= self.baseline:
            raise ValueError("a decreasing target must be below its baseline")
        if self.measure is Measure.PERCENT and not (0 <= self.baseline <= 100 and 0 <= self.target <= 100):
            raise ValueError("percentages lie between 0 and 100")
        return self


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
