"""What the record, certificate and progress endpoints accept and return."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from literacy_api.inputs import TIDY, WHOLE, CourseCode, JsonNumber, PastDay, line
from service_kit.types import StrictModel


class RecordAction(StrEnum):
    EDIT = "edit"
    REVOKE_CERTIFICATE = "revoke_certificate"


class RecordStatus(StrEnum):
    ENROLLED = "enrolled"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    FAILED = "failed"


STATUS_LABELS = {
    RecordStatus.ENROLLED: "Đã ghi danh",
    RecordStatus.IN_PROGRESS: "Đang học",
    RecordStatus.COMPLETED: "Hoàn thành",
    RecordStatus.FAILED: "Không đạt",
}


class RecordIn(StrictModel):
    learner_id: uuid.UUID
    course_code: CourseCode
    class_id: uuid.UUID | None = None
    status: RecordStatus
    progress: Annotated[int, WHOLE] = Field(default=0, ge=0, le=100)
    score: Annotated[Decimal, JsonNumber(maximum=100, places=2)] | None = None
    enrolled_on: PastDay | None = Field(default=None, description="Default: today")
    completed_on: PastDay | None = Field(
        default=None, description="Default for a completion: today; never changes after"
    )
    source: Annotated[str, line(64), TIDY] = "api"


class RecordOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    learner_id: uuid.UUID
    course_code: str
    class_id: uuid.UUID | None
    status: RecordStatus
    progress: int
    score: Decimal | None
    enrolled_on: date
    completed_on: date | None
    source: str
    commune_code: str
    certificate_code: str | None = None
    allowed_actions: list[RecordAction] = Field(
        default_factory=list, description="What the caller may do on this record"
    )


@dataclass(frozen=True)
class RecordSubject:
    """A record as the access policy sees it: where it lies (its learner's unit, its commune) and its
    certificate."""

    record: Any
    unit_code: str | None
    certificate_code: str | None
    certificate_revoked: bool

    @property
    def commune_code(self) -> str | None:
        return str(self.record.commune_code)


class CourseProgress(BaseModel):
    course_code: str
    title: str
    status: RecordStatus
    progress: int
    completed_on: date | None
    certificate_code: str | None
    hours: Decimal


class CompetenceReached(BaseModel):
    code: str
    level: int


class MyProgress(BaseModel):
    learner_id: uuid.UUID
    full_name: str | None
    courses: list[CourseProgress]
    competences: list[CompetenceReached]
    hours_completed: Decimal
