"""Request and response models of initiative judging."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints

from campaign_api.inputs import Line200, Line500, LongText
from service_kit.types import JsonNumber, StrictModel

CriterionCode = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]{1,32}$")]
Points = Annotated[
    Decimal, JsonNumber(minimum=0, maximum=1000, places=2, description="Points, 0 to the criterion's maximum")
]


class JudgingAction(StrEnum):
    SCORE = "score"
    DECIDE = "decide"


class RecognitionLevel(StrEnum):
    GRASSROOTS = "grassroots"
    PROVINCIAL = "provincial"
    NONE = "none"


class Criterion(StrictModel):
    code: CriterionCode
    title: Line200
    max_points: Annotated[Decimal, JsonNumber(minimum=1, maximum=1000, places=2)]


DEFAULT_CRITERIA = [
    Criterion(code="novelty", title="Tính mới, sáng tạo", max_points=Decimal(30)),
    Criterion(code="effect", title="Hiệu quả mang lại", max_points=Decimal(40)),
    Criterion(code="scope", title="Phạm vi ảnh hưởng, khả năng nhân rộng", max_points=Decimal(30)),
]


class JudgingIn(StrictModel):
    title: Line500 = Field(description="e.g. Chấm sáng kiến cải cách hành chính năm 2025")
    criteria: list[Criterion] = Field(
        default_factory=lambda: list(DEFAULT_CRITERIA),
        min_length=1,
        max_length=20,
        description="Default: novelty (30), effect (40), scope (30)",
    )
    judges: list[uuid.UUID] = Field(min_length=1, max_length=50, description="The judges' accounts")


class CriterionOut(BaseModel):
    code: str
    title: str
    max_points: Decimal


class JudgingOut(BaseModel):
    id: uuid.UUID
    campaign_id: uuid.UUID
    title: str
    criteria: list[CriterionOut]
    judges: list[uuid.UUID]
    judge_names: list[str]
    created_at: datetime
    allowed_actions: list[JudgingAction] = Field(default_factory=list)


class PointsIn(StrictModel):
    criterion_code: CriterionCode
    points: Points


class ScoresIn(StrictModel):
    """One judge's points for one initiative, every criterion (sent again to change them until decided)."""

    initiative_id: uuid.UUID
    scores: list[PointsIn] = Field(min_length=1, max_length=20)


class ScoresOut(BaseModel):
    initiative_id: uuid.UUID
    judge_id: uuid.UUID
    scores: dict[str, Decimal]
    total: Decimal


class InitiativeDecisionIn(StrictModel):
    initiative_id: uuid.UUID
    level: RecognitionLevel
    note: LongText = ""


class InitiativeDecisionOut(BaseModel):
    initiative_id: uuid.UUID
    level: RecognitionLevel
    note: str
    mean_score: Decimal | None
    decided_at: datetime


class RankedInitiative(BaseModel):
    rank: int = Field(description="By the mean of the judges' totals, ties sharing a rank (1, 2, 2, 4)")
    initiative_id: uuid.UUID
    title: str
    unit_code: str
    unit_name: str
    judges_scored: int = Field(description="Judges who gave every criterion")
    criteria: dict[str, Decimal | None] = Field(description="Per criterion, the judges' mean")
    mean_score: Decimal | None = Field(description="The mean of the judges' totals; null before any")
    level: RecognitionLevel | None = Field(description="The recognition decided, if any")


class Ranking(BaseModel):
    judging_id: uuid.UUID
    judges: int
    items: list[RankedInitiative]
