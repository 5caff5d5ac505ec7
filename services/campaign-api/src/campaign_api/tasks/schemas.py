"""What the tasks inbox returns."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, Field


class TaskKind(StrEnum):
    PLAN_DUE = "plan_due"
    REPORT_DUE = "report_due"
    REPORT_REVIEW = "report_review"
    REGISTRATION = "registration"
    DOSSIER = "dossier"
    VOTE = "vote"
    SCORECARD = "scorecard"
    PENDING = "pending"


class Task(BaseModel):
    kind: TaskKind
    title: str
    link: str = Field(description="Where the dashboard opens it (a path of the dashboard)")
    due_on: date | None
    overdue: bool
    service: str = Field(default="campaign-api", description="The service that holds the object")


class SourceState(StrEnum):
    OK = "ok"
    PENDING = "pending"


class Tasks(BaseModel):
    items: list[Task] = Field(description="By due date (undated last), then title")
    total: int
    counts: dict[TaskKind, int]
    sources: dict[str, SourceState] = Field(
        description="Each service's part: `pending` when it could not be asked (the list lacks its tasks)"
    )
