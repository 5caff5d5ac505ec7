"""What the initiative and commendation endpoints accept and return."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from campaign_api.inputs import UNIT_CODE_PATTERN, Line100, Line200, Line500, LongText, PastDay
from service_kit.types import StrictModel

ShortText = Line500
FormName = Line200
DecisionNo = Line100
PersonName = Line200
UnitCode = Annotated[str, StringConstraints(pattern=UNIT_CODE_PATTERN)]


class InitiativeStatus(StrEnum):
    SUBMITTED = "submitted"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class Decision(StrEnum):
    """What an assessment decides."""

    ACCEPTED = "accepted"
    REJECTED = "rejected"


class InitiativeAction(StrEnum):
    ASSESS = "assess"


class InitiativeIn(StrictModel):
    title: ShortText
    summary: LongText = ""
    unit_code: UnitCode
    authors: list[PersonName] = Field(min_length=1, max_length=50)


class Assessment(StrictModel):
    status: Decision
    assessment: LongText = Field(min_length=1)


class InitiativeOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    campaign_id: uuid.UUID
    title: str
    summary: str
    unit_code: str
    authors: list[str]
    status: InitiativeStatus
    assessment: str | None
    submitted_at: datetime
    assessed_at: datetime | None
    allowed_actions: list[InitiativeAction] = Field(default_factory=list)


class RecipientType(StrEnum):
    UNIT = "unit"
    PERSON = "person"


class _Decision(StrictModel):
    unit_code: UnitCode = Field(description="The unit, or the person's unit")
    form: FormName = Field(description="e.g. Bằng khen của Chủ tịch UBND tỉnh, Giấy khen")
    decision_no: DecisionNo
    decided_on: PastDay = Field(description="The day the decision was signed: not after today")
    reason: LongText = ""


class UnitCommendationIn(_Decision):
    """A unit commended: it names no person."""

    recipient_type: Literal[RecipientType.UNIT]


class PersonCommendationIn(_Decision):
    """A person commended, with their unit."""

    recipient_type: Literal[RecipientType.PERSON]
    person_name: PersonName


CommendationIn = Annotated[UnitCommendationIn | PersonCommendationIn, Field(discriminator="recipient_type")]


class CommendationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    campaign_id: uuid.UUID
    recipient_type: RecipientType
    unit_code: str
    person_name: str | None
    form: str
    decision_no: str
    decided_on: date
    reason: str
