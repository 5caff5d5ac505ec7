"""What `GET /v1/me/tasks` returns."""

from __future__ import annotations

import uuid
from datetime import date
from enum import StrEnum

from pydantic import BaseModel, Field


class ScorecardTaskKind(StrEnum):
    FILL = "fill"
    REVIEW = "review"
    APPROVE = "approve"


class ScorecardTask(BaseModel):
    kind: ScorecardTaskKind
    title: str
    link: str = Field(description="Where the dashboard opens the scorecard")
    due_on: date | None = Field(description="The end of the round's period")
    scorecard_id: uuid.UUID


class ScorecardTasks(BaseModel):
    items: list[ScorecardTask]
    total: int
