"""What the scorecard, ranking and proposal endpoints accept and return."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, Field

from scoring_api.fields import Cluster, Code, Name, Note, Reason, Score, SubjectId, UnitCode, WebAddress
from service_kit.types import StrictModel


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


class IndividualScorecardIn(StrictModel):
    subject_id: SubjectId
    subject_name: Name
    unit_code: UnitCode
    cluster: Cluster | None = None


class EntryPatch(StrictModel):
    """The scores of one leaf criterion; a field sent as `null` clears it, one left out is kept."""

    criterion_code: Code
    self_score: Score | None = None
    note: Note | None = None
    evidence_url: WebAddress | None = None
    reviewed_score: Score | None = None
    review_note: Note | None = None

    @property
    def self_fields(self) -> set[str]:
        return self.model_fields_set & {"self_score", "note", "evidence_url"}

    @property
    def review_fields(self) -> set[str]:
        return self.model_fields_set & {"reviewed_score", "review_note"}


class ScorecardPatch(StrictModel):
    entries: list[EntryPatch] = Field(min_length=1, max_length=200)


class ReturnReason(StrictModel):
    reason: Reason


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
    actor_name: str | None = Field(
        description="Who acted, by the name their token carried then; none for the system and for events "
        "recorded before names were kept"
    )
    action: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
