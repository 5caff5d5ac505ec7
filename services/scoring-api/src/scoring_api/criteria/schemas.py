"""What the criteria-set endpoints accept and return."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from scoring_api.scorecards import scoring
from service_kit.pagination import Page

Code = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=32, pattern=r"^[A-Za-z0-9._-]+$")
]
Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]


class CriteriaSetAction(StrEnum):
    """What a caller may do with one criteria set (its `allowed_actions`)."""

    EDIT = "edit"
    PUBLISH = "publish"


class CriteriaSetListAction(StrEnum):
    """What a caller may do with the list of criteria sets."""

    CREATE = "create"


class SubjectType(StrEnum):
    COLLECTIVE = "collective"
    INDIVIDUAL = "individual"


class CriterionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: Code
    title: Title
    max_points: Decimal = Field(gt=0, max_digits=7, decimal_places=2)
    method: scoring.Method = scoring.Method.MANUAL
    target_code: Code | None = None
    children: list[CriterionIn] = Field(default_factory=list, max_length=100)

    def to_criterion(self) -> scoring.Criterion:
        return scoring.Criterion(
            code=self.code,
            title=self.title,
            max_points=self.max_points,
            method=self.method,
            target_code=self.target_code,
            children=tuple(child.to_criterion() for child in self.children),
        )


class BandIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    label: Title
    min_score: Decimal = Field(ge=0, max_digits=7, decimal_places=2)


def criteria_of(raw: list[dict[str, object]]) -> tuple[scoring.Criterion, ...]:
    return tuple(CriterionIn.model_validate(c).to_criterion() for c in raw)


def bands_of(raw: list[dict[str, object]]) -> tuple[scoring.Band, ...]:
    return tuple(scoring.Band(label=str(b["label"]), min_score=Decimal(str(b["min_score"]))) for b in raw)


class CriteriaSetCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    campaign_id: uuid.UUID
    subject_type: SubjectType
    name: Title
    criteria: list[CriterionIn] = Field(min_length=1, max_length=100)
    bands: list[BandIn] = Field(default_factory=list, max_length=20)
    version: int = Field(default=1, ge=1, description="A new version of a published set is a new set")

    @model_validator(mode="after")
    def _valid(self) -> Self:
        problems = scoring.validate_set([c.to_criterion() for c in self.criteria])
        problems += scoring.validate_bands([scoring.Band(b.label, b.min_score) for b in self.bands])
        if problems:
            raise ValueError("; ".join(problems))
        return self


class CriteriaSetOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    campaign_id: uuid.UUID
    subject_type: SubjectType
    name: str
    version: int
    status: str
    criteria: list[CriterionIn]
    bands: list[BandIn]
    max_total: Decimal = Decimal(0)
    created_at: datetime
    published_at: datetime | None
    allowed_actions: list[CriteriaSetAction] = Field(
        default_factory=list, description="What the caller may do with this set now"
    )


class CriteriaSetPage(Page[CriteriaSetOut]):
    allowed_actions: list[CriteriaSetListAction] = Field(
        default_factory=list, description="What the caller may do with the list (create a set)"
    )


class CriteriaSetUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, min_length=1, max_length=500)
    criteria: list[CriterionIn] | None = Field(default=None, min_length=1, max_length=100)
    bands: list[BandIn] | None = Field(default=None, max_length=20)
