"""What the import endpoints return."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from literacy_api.learners.schemas import ListAction
from service_kit.pagination import Page


class ImportJobAction(StrEnum):
    READ_ERRORS = "read_errors"


class ImportStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"


class ImportJobOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    status: ImportStatus
    filename: str
    size_bytes: int
    total_rows: int | None = Field(description="data rows of the file, known once it has been read through")
    processed_rows: int = Field(description="rows checked and staged so far (for a progress bar)")
    inserted: int = Field(description="rows that created a training record")
    updated: int = Field(description="rows that changed a record or its learner's details")
    unchanged: int = Field(description="rows that changed nothing")
    rejected: int = Field(description="rows refused: see /errors")
    duplicates: int = Field(
        description="rows replaced by a later row of the same file (same person, same course)"
    )
    certificates_issued: int
    failure: str | None = Field(description="why the whole file was refused (status failed)")
    submitted_by: str
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    allowed_actions: list[ImportJobAction] = Field(
        default_factory=list, description="What the caller may do on this import"
    )


class ImportPage(Page[ImportJobOut]):
    allowed_actions: list[ListAction] = Field(
        default_factory=list, description='["create"] when the caller may submit imports'
    )
