"""What the participation endpoints accept and return."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated

from pydantic import AnyHttpUrl, BaseModel, ConfigDict, Field, StringConstraints

from campaign_api.campaigns.schemas import Code
from campaign_api.files.schemas import AttachedFile
from campaign_api.inputs import UNIT_CODE_PATTERN, Amount, Line100, Line500, LongText, PastDay
from service_kit.types import StrictModel

UnitCode = Annotated[str, StringConstraints(pattern=UNIT_CODE_PATTERN)]
ShortText = Line500
DocumentNo = Line100


class PlanStatus(StrEnum):
    MISSING = "missing"
    ON_TIME = "on_time"
    LATE = "late"


class ReportStatus(StrEnum):
    SUBMITTED = "submitted"
    ACCEPTED = "accepted"
    RETURNED = "returned"


class ParticipantAction(StrEnum):
    """What a caller may do for a participant unit (a row of /participants)."""

    FILE_PLAN = "file_plan"
    FILE_REPORT = "file_report"
    ADD_INITIATIVE = "add_initiative"


class ReportAction(StrEnum):
    ACCEPT = "accept"
    RETURN = "return"
    RESUBMIT = "resubmit"


class Enrolment(StrictModel):
    unit_codes: list[UnitCode] = Field(min_length=1, max_length=5000)


class ParticipantOut(BaseModel):
    unit_code: str
    unit_name: str
    cluster: str | None
    joined_at: datetime
    plan_status: PlanStatus
    plan_document_no: str | None = None
    plan_issued_on: date | None = None
    last_report_on: date | None = None
    plan_files: list[AttachedFile] = Field(default_factory=list, description="The plan's files")
    allowed_actions: list[ParticipantAction] = Field(default_factory=list)


class PlanIn(StrictModel):
    document_no: DocumentNo
    issued_on: PastDay = Field(description="Not after today")
    summary: LongText = ""
    file_ids: list[uuid.UUID] = Field(
        default_factory=list,
        max_length=20,
        description="The whole set of files attached (uploaded by the caller with `POST /v1/files`)",
    )


class Evidence(StrictModel):
    title: ShortText
    url: AnyHttpUrl = Field(max_length=2000)


class ReportIn(StrictModel):
    unit_code: UnitCode
    period_end: PastDay = Field(description="Within the campaign, and not after today")
    values: dict[Code, Amount] = Field(
        default_factory=dict,
        max_length=200,
        description="target code → value",
        json_schema_extra={"additionalProperties": False},
    )
    narrative: LongText = ""
    evidence: list[Evidence] = Field(default_factory=list, max_length=50)
    file_ids: list[uuid.UUID] = Field(
        default_factory=list,
        max_length=50,
        description="The whole set of files attached (uploaded by the caller with `POST /v1/files`)",
    )


class ReportResubmission(StrictModel):
    period_end: PastDay = Field(description="Within the campaign, and not after today")
    values: dict[Code, Amount] = Field(
        default_factory=dict, max_length=200, json_schema_extra={"additionalProperties": False}
    )
    narrative: LongText = ""
    evidence: list[Evidence] = Field(default_factory=list, max_length=50)
    file_ids: list[uuid.UUID] = Field(
        default_factory=list,
        max_length=50,
        description="The whole set of files attached (uploaded by the caller with `POST /v1/files`)",
    )


class ReviewNote(StrictModel):
    review_note: LongText = Field(min_length=1)


class ReportOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    campaign_id: uuid.UUID
    unit_code: str
    period_end: date
    values: dict[str, Decimal]
    narrative: str
    evidence: list[Evidence]
    file_ids: list[uuid.UUID] = Field(default_factory=list)
    files: list[AttachedFile] = Field(default_factory=list, description="The evidence's files")
    status: ReportStatus
    review_note: str | None
    submitted_at: datetime
    reviewed_at: datetime | None
    allowed_actions: list[ReportAction] = Field(default_factory=list)


class Kpi(BaseModel):
    unit_code: str
    target_code: str
    value: Decimal
    progress: Decimal = Field(description="clamp((value - baseline) / (target - baseline), 0, 1)")
    period_end: date


class PlanCounts(BaseModel):
    on_time: int
    late: int
    missing: int


class ReportCounts(BaseModel):
    submitted: int
    accepted: int
    returned: int


class TargetProgress(BaseModel):
    code: str
    title: str
    mean_progress: Decimal | None = Field(
        description="mean over units with an accepted value; null when none"
    )
    units_reporting: int


class Summary(BaseModel):
    campaign_id: uuid.UUID
    status: str
    participants: int
    plans: PlanCounts
    reports: ReportCounts
    targets: list[TargetProgress]
    days_left: int
