"""What the criteria-set endpoints accept and return."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from scoring_api.fields import Code, Name, Points, Score, Title, Version
from scoring_api.scorecards import scoring
from service_kit.pagination import Page
from service_kit.types import StrictModel, omittable


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


class CriterionIn(StrictModel):
    code: Code
    title: Title
    max_points: Points
    method: scoring.Method = scoring.Method.MANUAL
    target_code: Code | None = None
    children: list[CriterionIn] = Field(default_factory=list, max_length=100)
    index_framework_id: uuid.UUID | None = Field(
        default=None, description="Method index_score: the composite index whose latest run gives the score"
    )

    def to_criterion(self) -> scoring.Criterion:
        return scoring.Criterion(
            code=self.code,
            title=self.title,
            max_points=self.max_points,
            method=self.method,
            target_code=self.target_code,
            children=tuple(child.to_criterion() for child in self.children),
            index_framework_id=str(self.index_framework_id) if self.index_framework_id else None,
        )


class BandIn(StrictModel):
    label: Title
    min_score: Score


def criteria_of(raw: list[dict[str, object]]) -> tuple[scoring.Criterion, ...]:
    return tuple(CriterionIn.model_validate(c).to_criterion() for c in raw)


def bands_of(raw: list[dict[str, object]]) -> tuple[scoring.Band, ...]:
    return tuple(scoring.Band(label=str(b["label"]), min_score=Decimal(str(b["min_score"]))) for b in raw)


class CriteriaSetCreate(StrictModel):
    """A new set; its tree and bands are checked as a whole when it is created (422 `criteria_set.invalid`)."""

    campaign_id: uuid.UUID
    subject_type: SubjectType
    name: Name
    criteria: list[CriterionIn] = Field(min_length=1, max_length=100)
    bands: list[BandIn] = Field(default_factory=list, max_length=20)
    version: Version = Field(default=1, description="A new version of a published set is a new set")


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


class CriteriaSetUpdate(StrictModel):
    """A change of a draft set: each field may be left out, none set to `null`."""

    name: Name = omittable()
    criteria: list[CriterionIn] = omittable(min_length=1, max_length=100)
    bands: list[BandIn] = omittable(max_length=20)
