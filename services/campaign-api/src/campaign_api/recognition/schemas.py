"""What the initiative and commendation endpoints accept and return."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from campaign_api.files.schemas import AttachedFile
from campaign_api.identity.schemas import OfficialRole
from campaign_api.inputs import (
    UNIT_CODE_PATTERN,
    CivilDay,
    Line100,
    Line200,
    Line300,
    Line500,
    LongText,
    PastDay,
)
from campaign_api.recognition.catalogue import FORMS, TITLES
from service_kit.pagination import Page
from service_kit.types import StrictModel

ShortText = Line500
FormName = Line200
DecisionNo = Line100
PersonName = Line200
UnitCode = Annotated[str, StringConstraints(pattern=UNIT_CODE_PATTERN)]


class InitiativeStatus(StrEnum):
    SUBMITTED = "submitted"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class Decision(StrEnum):
    """What an assessment decides."""

    ACCEPTED = "accepted"
    REJECTED = "rejected"


class InitiativeAction(StrEnum):
    ASSESS = "assess"


class InitiativeIn(StrictModel):
    title: ShortText
    summary: LongText = ""
    unit_code: UnitCode
    authors: list[PersonName] = Field(min_length=1, max_length=50)
    file_ids: list[uuid.UUID] = Field(
        default_factory=list, max_length=20, description="Files the caller uploaded (`POST /v1/files`)"
    )


class Assessment(StrictModel):
    status: Decision
    assessment: LongText = Field(min_length=1)


class InitiativeOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    campaign_id: uuid.UUID
    title: str
    summary: str
    unit_code: str
    authors: list[str]
    status: InitiativeStatus
    assessment: str | None
    submitted_at: datetime
    assessed_at: datetime | None
    file_ids: list[uuid.UUID] = Field(default_factory=list)
    files: list[AttachedFile] = Field(default_factory=list)
    allowed_actions: list[InitiativeAction] = Field(default_factory=list)


class RecipientType(StrEnum):
    UNIT = "unit"
    PERSON = "person"


class _Decision(StrictModel):
    unit_code: UnitCode = Field(description="The unit, or the person's unit")
    form: FormName = Field(description="e.g. Bằng khen của Chủ tịch UBND tỉnh, Giấy khen")
    decision_no: DecisionNo
    decided_on: PastDay = Field(description="The day the decision was signed: not after today")
    reason: LongText = ""


class UnitCommendationIn(_Decision):
    """A unit commended: it names no person."""

    recipient_type: Literal[RecipientType.UNIT]


class PersonCommendationIn(_Decision):
    """A person commended, with their unit."""

    recipient_type: Literal[RecipientType.PERSON]
    person_name: PersonName


CommendationIn = Annotated[UnitCommendationIn | PersonCommendationIn, Field(discriminator="recipient_type")]


class CommendationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    campaign_id: uuid.UUID
    recipient_type: RecipientType
    unit_code: str
    person_name: str | None
    form: str
    decision_no: str
    decided_on: date
    reason: str


# --- catalogues ------------------------------------------------------------------------------------


class SubjectType(StrEnum):
    INDIVIDUAL = "individual"
    COLLECTIVE = "collective"
    HOUSEHOLD = "household"


class Rating(StrEnum):
    """A person's yearly quality rating (xếp loại chất lượng, Nghị định 335/2025/NĐ-CP)."""

    EXCELLENT = "excellent"  # Hoàn thành xuất sắc nhiệm vụ
    GOOD = "good"  # Hoàn thành tốt nhiệm vụ
    COMPLETED = "completed"  # Hoàn thành nhiệm vụ
    NOT_COMPLETED = "not_completed"  # Không hoàn thành nhiệm vụ


class CatalogueEntry(BaseModel):
    code: str
    name: str
    subject_type: str = Field(description="individual, collective, household (`any` for forms)")
    level: str = Field(description="state, province (ministry, sector, province) or grassroots")


class Catalogue(BaseModel):
    items: list[CatalogueEntry]


TitleCode = StrEnum("TitleCode", {e.code: e.code for e in TITLES})  # type: ignore[misc]
FormCode = StrEnum("FormCode", {e.code: e.code for e in FORMS})  # type: ignore[misc]


# --- registrations ---------------------------------------------------------------------------------


class RegistrationStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    APPROVED = "approved"


class RegistrationAction(StrEnum):
    SUBMIT = "submit"
    APPROVE = "approve"
    RETURN = "return"


class RegistrationEntry(StrictModel):
    subject_type: SubjectType
    subject_name: PersonName = Field(description="The person, the collective or the household")
    title_code: TitleCode = Field(description="A title of `GET /v1/titles` for this kind of subject")


class RegistrationIn(StrictModel):
    unit_code: UnitCode
    year: int = Field(ge=2000, le=2100)
    entries: list[RegistrationEntry] = Field(min_length=1, max_length=500)
    note: LongText = ""


class Reason(StrictModel):
    reason: LongText = Field(min_length=1, description="Why it is sent back")


class RegistrationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    campaign_id: uuid.UUID
    unit_code: str
    year: int
    entries: list[RegistrationEntry]
    status: RegistrationStatus
    note: str
    created_at: datetime
    updated_at: datetime
    allowed_actions: list[RegistrationAction] = Field(default_factory=list)


class TitleCount(BaseModel):
    title_code: str
    title_name: str
    count: int


class RegistrationSummary(BaseModel):
    total: int
    by_status: dict[RegistrationStatus, int]
    by_title: list[TitleCount]


# --- dossiers --------------------------------------------------------------------------------------


class DossierStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    RECEIVED = "received"
    IN_REVIEW = "in_review"
    COUNCIL = "council"
    APPROVED = "approved"
    RETURNED = "returned"
    INELIGIBLE = "ineligible"


class DossierAction(StrEnum):
    SUBMIT = "submit"
    RECEIVE = "receive"
    ASSIGN = "assign"
    REVIEW = "review"
    TO_COUNCIL = "to-council"
    APPROVE = "approve"
    RETURN = "return"
    REJECT = "reject"


class Nominee(StrictModel):
    subject_type: SubjectType
    subject_id: Line100 | None = Field(default=None, description="The subject's id in its own service")
    subject_name: PersonName
    unit_code: UnitCode
    title_code: TitleCode | None = None
    form_code: FormCode | None = None
    achievements: LongText = ""
    score: float | None = Field(default=None, ge=0, le=100_000)
    rating: Rating | None = Field(
        default=None,
        description="The individual's quality rating of the year (Nghị định 335/2025): what the 20 % quota "
        "counts; from a round's proposals, the band's rank (first: excellent, second: good, others: completed)",
    )


class DossierIn(StrictModel):
    campaign_id: uuid.UUID
    round_id: uuid.UUID | None = None
    unit_code: UnitCode
    title: ShortText = Field(description="e.g. Hồ sơ đề nghị khen thưởng năm 2025")
    nominees: list[Nominee] = Field(min_length=1, max_length=500)
    file_ids: list[uuid.UUID] = Field(default_factory=list, max_length=50)


class Assignment(StrictModel):
    assignee: uuid.UUID = Field(description="The account of the specialist who checks the dossier")


class DossierEventOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    occurred_at: datetime
    actor_name: str
    action: str
    action_label: str
    from_status: DossierStatus | None
    to_status: DossierStatus
    reason: str


class DossierOut(BaseModel):
    id: uuid.UUID
    campaign_id: uuid.UUID
    round_id: uuid.UUID | None
    unit_code: str
    title: str
    nominees: list[Nominee]
    file_ids: list[uuid.UUID]
    files: list[AttachedFile]
    status: DossierStatus
    assignee: uuid.UUID | None
    assignee_name: str | None
    created_at: datetime
    updated_at: datetime
    allowed_actions: list[DossierAction] = Field(default_factory=list)


class DossierDetail(DossierOut):
    history: list[DossierEventOut]


# --- council ---------------------------------------------------------------------------------------


class OfficialOut(BaseModel):
    """An official as those who convene a council or assign a specialist choose them: by name."""

    id: uuid.UUID
    full_name: str
    roles: list[OfficialRole]


class Vote(StrEnum):
    FOR = "for"
    AGAINST = "against"
    ABSTAIN = "abstain"


class CouncilAction(StrEnum):
    VOTE = "vote"
    ISSUE_DECISION = "issue_decision"


class CouncilSessionIn(StrictModel):
    title: ShortText = Field(description="e.g. Phiên họp Hội đồng Thi đua – Khen thưởng tỉnh năm 2025")
    held_on: CivilDay
    members: list[uuid.UUID] = Field(min_length=1, max_length=100, description="The members' accounts")
    dossier_ids: list[uuid.UUID] = Field(min_length=1, max_length=200, description="Dossiers at the council")
    quorum: int = Field(ge=1, le=100, description="Members who must vote for a result to count")
    threshold: float = Field(
        ge=0.0001,
        le=1,
        description="Share of the members' votes a nominee needs (0.5, 0.6667 for two thirds, …); kept to "
        "four places, and a share within 0.01 vote of a whole number of votes counts as that number",
    )


class CouncilSessionOut(BaseModel):
    id: uuid.UUID
    title: str
    held_on: date
    members: list[uuid.UUID]
    member_names: list[str]
    dossier_ids: list[uuid.UUID]
    quorum: int
    threshold: float
    created_at: datetime
    allowed_actions: list[CouncilAction] = Field(default_factory=list)


class VoteIn(StrictModel):
    dossier_id: uuid.UUID
    nominee_index: int = Field(ge=0, le=499, description="The nominee's place in the dossier (from 0)")
    vote: Vote


class VoteOut(BaseModel):
    dossier_id: uuid.UUID
    nominee_index: int
    vote: Vote
    cast_at: datetime


class NomineeResult(BaseModel):
    dossier_id: uuid.UUID
    nominee_index: int
    subject_name: str
    unit_code: str
    title_code: str | None
    form_code: str | None
    subject_type: str
    rating: Rating | None
    votes_for: int
    votes_against: int
    abstentions: int
    voters: int
    needed: int = Field(description="Votes for needed: the threshold's share of the members, rounded up")
    passed: bool


class QuotaBreach(BaseModel):
    rule: str = Field(description="grassroots_fighters_share (15 %) or excellent_rating_share (20 %)")
    unit_code: str
    unit_name: str
    message: str
    allowed: int
    actual: int


class CouncilResults(BaseModel):
    session_id: uuid.UUID
    members: int
    voters: int = Field(description="Members who have cast at least one vote")
    quorum_reached: bool
    nominees: list[NomineeResult]
    quota_breaches: list[QuotaBreach]


# --- decisions -------------------------------------------------------------------------------------


class DecisionStatus(StrEnum):
    ISSUED = "issued"
    REVOKED = "revoked"


class DecisionAction(StrEnum):
    REVOKE = "revoke"


class DecisionListAction(StrEnum):
    ISSUE = "issue"
    DOWNLOAD_REPORT_FORMS = "download_report_forms"


class NomineeRef(StrictModel):
    dossier_id: uuid.UUID
    nominee_index: int = Field(ge=0, le=499)


class DecisionIn(StrictModel):
    session_id: uuid.UUID = Field(description="The council session whose passed nominees are awarded")
    number: DecisionNo = Field(description="e.g. 123/QĐ-UBND")
    signed_on: PastDay
    signer: PersonName
    signer_title: Line200 = "Chủ tịch"
    issuing_body: Line300 = "Ủy ban nhân dân tỉnh"
    title_code: TitleCode | None = None
    form_code: FormCode | None = None
    nominees: list[NomineeRef] = Field(min_length=1, max_length=500)
    file_ids: list[uuid.UUID] = Field(default_factory=list, max_length=20)


class Awardee(BaseModel):
    dossier_id: uuid.UUID
    nominee_index: int
    subject_type: str
    subject_name: str
    unit_code: str
    achievements: str


class RevocationIn(StrictModel):
    reason: LongText = Field(min_length=1, description="Why the award is revoked (e.g. obtained by fraud)")


class DecisionOut(BaseModel):
    id: uuid.UUID
    campaign_id: uuid.UUID
    session_id: uuid.UUID
    number: str
    signed_on: date
    signer: str
    signer_title: str
    issuing_body: str
    title_code: str | None
    form_code: str | None
    award_name: str
    awardees: list[Awardee]
    file_ids: list[uuid.UUID]
    status: DecisionStatus
    revoked_reason: str | None
    revoked_at: datetime | None
    created_at: datetime
    allowed_actions: list[DecisionAction] = Field(default_factory=list)


class DecisionPage(Page[DecisionOut]):
    allowed_actions: list[DecisionListAction] = Field(
        default_factory=list,
        description="issue: issue a decision; download_report_forms: the province's report forms 0601–0605",
    )


class BandTitle(StrictModel):
    band: Line100 = Field(description="A band's label in the round's proposals")
    title_code: TitleCode = Field(
        description="The title proposed for its subjects (for the other kind of subject, its counterpart)"
    )


class FromProposals(StrictModel):
    round_id: uuid.UUID = Field(description="A round of scoring-api whose proposals become dossiers")
    band_titles: list[BandTitle] | None = Field(
        default=None,
        max_length=20,
        description="The title each band proposes. Default: a cluster's first band → Tập thể lao động xuất sắc / Chiến sĩ thi đua cơ "
        "sở, its second → Tập thể lao động tiên tiến / Lao động tiên tiến; later bands are not proposed",
    )


class BuiltDossiers(BaseModel):
    items: list[DossierOut]
    created: int
    existing: int = Field(description="Units that already had a dossier for this round (left as they were)")


class ReportForm(StrEnum):
    """The annual report forms on emulation and commendation (Thông tư 02/2023/TT-BNV)."""

    MOVEMENTS = "0601"
    STATE_AWARDS = "0602"
    PROVINCE_AWARDS = "0603"
    ORGANISATIONS = "0604"
    STAFF = "0605"
