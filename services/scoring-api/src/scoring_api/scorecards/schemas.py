"""What the scorecard, ranking and proposal endpoints accept and return."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any

from pydantic import AnyHttpUrl, BaseModel, ConfigDict, Field, StringConstraints

ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
Note = Annotated[str, StringConstraints(strip_whitespace=True, max_length=4000)]


class ScorecardStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    REVIEWED = "reviewed"
    APPROVED = "approved"
    RETURNED = "returned"


class ScorecardAction(StrEnum):
    """What a caller may do with one scorecard now (its `allowed_actions`): `score` is entering the scores
    of the present step (the self-assessment, the review or the council's), the others move the workflow."""

    SCORE = "score"
    SUBMIT = "submit"
    REVIEW = "review"
    APPROVE = "approve"
    RETURN = "return"


class IndividualScorecardIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    subject_id: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)]
    subject_name: ShortText
    unit_code: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=32)]
    cluster: ShortText | None = None


class EntryPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    criterion_code: Annotated[str, StringConstraints(min_length=1, max_length=32)]
    self_score: Decimal | None = Field(default=None, ge=0, max_digits=7, decimal_places=2)
    note: Note | None = None
    evidence_url: AnyHttpUrl | None = None
    reviewed_score: Decimal | None = Field(default=None, ge=0, max_digits=7, decimal_places=2)
    review_note: Note | None = None

    @property
    def self_fields(self) -> set[str]:
        return self.model_fields_set & {"self_score", "note", "evidence_url"}

    @property
    def review_fields(self) -> set[str]:
        return self.model_fields_set & {"reviewed_score", "review_note"}


class ScorecardPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    entries: list[EntryPatch] = Field(min_length=1, max_length=200)


class ReturnReason(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]


class EntryOut(BaseModel):
    criterion_code: str
    title: str
    max_points: Decimal
    method: str
    self_score: Decimal | None = None
    reviewed_score: Decimal | None = None
    auto_score: Decimal | None = None
    effective_score: Decimal | None = None
    note: str | None = None
    review_note: str | None = None
    evidence_url: str | None = None
    auto_source: dict[str, Any] | None = Field(
        default=None, description="The value used and when it was fetched"
    )


class ScorecardOut(BaseModel):
    id: uuid.UUID
    round_id: uuid.UUID
    subject_type: str
    subject_id: str
    subject_name: str
    unit_code: str
    cluster: str | None
    status: ScorecardStatus
    entries: list[EntryOut]
    total: Decimal
    band: str | None
    pending: list[str] = Field(description="Leaf criteria without data")
    return_reason: str | None
    updated_at: datetime
    allowed_actions: list[ScorecardAction] = Field(
        default_factory=list, description="What the caller may do with this scorecard now"
    )


class ComputeResult(BaseModel):
    round_id: uuid.UUID
    scorecards: int
    filled: int = Field(description="automatic criterion values written")
    unavailable: list[str] = Field(description="services that did not answer; their criteria stay pending")
    pending: dict[str, list[str]] = Field(description="scorecard id → automatic criteria still without data")


class RankingItem(BaseModel):
    rank: int
    scorecard_id: uuid.UUID
    subject_id: str
    subject_name: str
    unit_code: str
    cluster: str | None
    total: Decimal
    band: str | None
    provisional: bool


class Adjustment(BaseModel):
    scorecard_id: uuid.UUID
    subject_name: str
    from_band: str
    to_band: str | None
    reason: str


class BandGroup(BaseModel):
    label: str
    subjects: list[RankingItem]


class ClusterProposalOut(BaseModel):
    cluster: str | None
    bands: list[BandGroup]
    adjustments: list[Adjustment]
    unbanded: list[RankingItem]


class Proposals(BaseModel):
    round_id: uuid.UUID
    top_band_max_share: Decimal | None
    clusters: list[ClusterProposalOut]


class HistoryEvent(BaseModel):
    occurred_at: datetime
    actor: str
    action: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
