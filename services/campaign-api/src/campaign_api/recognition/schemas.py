"""What the initiative and commendation endpoints accept and return."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
LongText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=20_000)]
PersonName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


class InitiativeStatus(StrEnum):
    SUBMITTED = "submitted"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class InitiativeAction(StrEnum):
    ASSESS = "assess"


class InitiativeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: ShortText
    summary: LongText = ""
    unit_code: ShortText
    authors: list[PersonName] = Field(min_length=1, max_length=50)


class Assessment(BaseModel):
    model_config = ConfigDict(extra="forbid")

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


class CommendationIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    recipient_type: RecipientType
    unit_code: ShortText = Field(description="The unit, or the person's unit")
    person_name: PersonName | None = None
    form: ShortText = Field(description="e.g. Bằng khen của Chủ tịch UBND tỉnh, Giấy khen")
    decision_no: ShortText
    decided_on: date
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
