"""What the criteria-set and round endpoints accept and return."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from scoring_api import engine

Code = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=32, pattern=r"^[A-Za-z0-9._-]+$")
]
Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]


class SubjectType(StrEnum):
    COLLECTIVE = "collective"
    INDIVIDUAL = "individual"


class CriterionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: Code
    title: Title
    max_points: Decimal = Field(gt=0, max_digits=7, decimal_places=2)
    method: engine.Method = engine.Method.MANUAL
    target_code: Code | None = None
    children: list[CriterionIn] = Field(default_factory=list, max_length=100)

    def to_engine(self) -> engine.Criterion:
        return engine.Criterion(
            code=self.code,
            title=self.title,
            max_points=self.max_points,
            method=self.method,
            target_code=self.target_code,
            children=tuple(child.to_engine() for child in self.children),
        )


class BandIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    label: Title
    min_score: Decimal = Field(ge=0, max_digits=7, decimal_places=2)


def criteria_of(raw: list[dict[str, object]]) -> tuple[engine.Criterion, ...]:
    return tuple(CriterionIn.model_validate(c).to_engine() for c in raw)


def bands_of(raw: list[dict[str, object]]) -> tuple[engine.Band, ...]:
    return tuple(engine.Band(label=str(b["label"]), min_score=Decimal(str(b["min_score"]))) for b in raw)


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
        problems = engine.validate_set([c.to_engine() for c in self.criteria])
        problems += engine.validate_bands([engine.Band(b.label, b.min_score) for b in self.bands])
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


class RoundCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    criteria_set_id: uuid.UUID
    name: Title
    period_start: date
    period_end: date
    top_band_max_share: Decimal | None = Field(
        default=None,
        gt=0,
        le=1,
        description="The top band may hold at most this share of a cluster (e.g. 0.2)",
    )

    @model_validator(mode="after")
    def _dates(self) -> Self:
        if self.period_end < self.period_start:
            raise ValueError("period_end is before period_start")
        return self


class RoundOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    criteria_set_id: uuid.UUID
    name: str
    period_start: date
    period_end: date
    top_band_max_share: Decimal | None
    created_at: datetime
