"""What the initiative and commendation endpoints accept and return."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from service_kit.types import NO_CONTROL, ONE_LINE, CivilDate, StrictModel

ShortText = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500, pattern=ONE_LINE)
]
FormName = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200, pattern=ONE_LINE)
]
DecisionNo = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100, pattern=ONE_LINE)
]
LongText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=20_000, pattern=NO_CONTROL)]
PersonName = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200, pattern=ONE_LINE)
]
UnitCode = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=32, pattern=r"^[A-Za-z0-9._-]+$")
]


class InitiativeStatus(StrEnum):
    SUBMITTED = "submitted"
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
    status: InitiativeStatus
    assessment: LongText = Field(min_length=1)

    @model_validator(mode="after")
    def _decided(self) -> Self:
        if self.status is InitiativeStatus.SUBMITTED:
            raise ValueError("an assessment accepts or rejects")
        return self


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


class CommendationIn(StrictModel):
    recipient_type: RecipientType
    unit_code: UnitCode = Field(description="The unit, or the person's unit")
    person_name: PersonName | None = None
    form: FormName = Field(description="e.g. Bằng khen của Chủ tịch UBND tỉnh, Giấy khen")
    decision_no: DecisionNo
    decided_on: CivilDate = Field(description="The day the decision was signed: not after today")
    reason: LongText = ""

    @model_validator(mode="after")
    def _person_named(self) -> Self:
        if self.recipient_type is RecipientType.PERSON and not self.person_name:
            raise ValueError("a commendation of a person names the person")
        if self.recipient_type is RecipientType.UNIT and self.person_name:
            raise ValueError("a commendation of a unit names no person")
        return self


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
