"""What the contest endpoints accept and return.

Correct keys and explanations are in the organisers' `QuestionOut` and in a participant's `AttemptOut`
only once the round has closed; the participant's models of an open round have no field for them."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, WithJsonSchema
from pydantic_core import PydanticCustomError

from campaign_api.inputs import (
    NO_CONTROL,
    TRIM,
    UNIT_CODE_PATTERN,
    Line200,
    Line500,
    LongText,
    PastDay,
    line,
)
from service_kit.types import StrictModel, omittable

UnitCode = Annotated[str, StringConstraints(pattern=UNIT_CODE_PATTERN)]
QuestionText = Annotated[str, StringConstraints(min_length=1, max_length=4000, pattern=NO_CONTROL), TRIM]
Explanation = Annotated[str, StringConstraints(max_length=4000, pattern=NO_CONTROL), TRIM]
OptionKey = Annotated[str, StringConstraints(pattern=r"^[A-Z0-9]{1,8}$")]
Topic = Annotated[str, line(200, required=False), TRIM]
NationalId = Annotated[str, StringConstraints(pattern=r"^[0-9]{12}$")]
Phone = Annotated[str, StringConstraints(pattern=r"^0[0-9]{9,10}$")]
PersonName = Line200

_INSTANT = re.compile(
    r"^(20[0-9]{2})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):([0-5][0-9])"
    r"(:[0-5][0-9](\.[0-9]{1,6})?)?(Z|[+-](0[0-9]|1[0-4]):[0-5][0-9])$"
)


def _instant(value: Any) -> datetime:
    if not isinstance(value, str) or not _INSTANT.match(value):
        raise PydanticCustomError(
            "datetime_parsing", "A moment written YYYY-MM-DDTHH:MM[:SS]±HH:MM (or Z), 2000–2099"
        )
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(UTC)
    except ValueError:
        raise PydanticCustomError("datetime_parsing", "No such moment: {value}", {"value": value}) from None


Instant = Annotated[
    datetime,
    BeforeValidator(_instant),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": _INSTANT.pattern,
            "description": "ISO 8601 with a time zone, 2000–2099 (e.g. 2026-03-02T08:00:00+07:00)",
        }
    ),
]


class ContestStatus(StrEnum):
    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"


class Audience(StrEnum):
    OFFICIALS = "officials"
    CITIZENS = "citizens"
    ALL = "all"


class RoundStatus(StrEnum):
    SCHEDULED = "scheduled"
    OPEN = "open"
    CLOSED = "closed"


class ContestAction(StrEnum):
    EDIT = "edit"
    OPEN = "open"
    CLOSE = "close"
    MANAGE_QUESTIONS = "manage_questions"
    ADD_ROUND = "add_round"
    VIEW_FLAGS = "view_flags"


class ContestListAction(StrEnum):
    CREATE = "create_contest"


QuestionsPerAttempt = Annotated[int, Field(ge=1, le=200)]
TimeLimit = Annotated[int, Field(ge=10, le=86400)]
AttemptsPerRound = Annotated[int, Field(ge=1, le=100)]


class ContestCreate(StrictModel):
    title: Line500
    rules: LongText = ""
    audience: Audience = Audience.ALL
    unit_codes: list[UnitCode] | None = Field(
        default=None,
        max_length=2000,
        description="The units to choose from; null: the campaign's participants",
    )
    questions_per_attempt: QuestionsPerAttempt = 15
    time_limit_seconds: TimeLimit = 900
    attempts_per_round: AttemptsPerRound = 1
    prediction_question: Annotated[str, line(500), TRIM] | None = None


class ContestUpdate(StrictModel):
    title: Line500 = omittable()
    rules: LongText = omittable()
    audience: Audience = omittable()
    unit_codes: list[UnitCode] | None = Field(default=None, max_length=2000)
    questions_per_attempt: QuestionsPerAttempt = omittable()
    time_limit_seconds: TimeLimit = omittable()
    attempts_per_round: AttemptsPerRound = omittable()
    prediction_question: Annotated[str, line(500), TRIM] | None = None


class ContestOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    campaign_id: uuid.UUID
    title: str
    rules: str
    audience: Audience
    status: ContestStatus
    unit_codes: list[str] = Field(description="The units a participant may choose")
    questions_per_attempt: int
    time_limit_seconds: int
    attempts_per_round: int
    prediction_question: str | None
    created_at: datetime
    updated_at: datetime
    allowed_actions: list[ContestAction] = Field(default_factory=list)


class Option(StrictModel):
    key: OptionKey
    text: Annotated[str, StringConstraints(min_length=1, max_length=1000, pattern=NO_CONTROL), TRIM]


class QuestionIn(StrictModel):
    topic: Topic = ""
    text: QuestionText
    options: list[Option] = Field(min_length=2, max_length=8)
    correct_keys: list[OptionKey] = Field(min_length=1, max_length=8)
    explanation: Explanation = ""
    difficulty: Annotated[int, Field(ge=1, le=5)] = 1


class QuestionUpdate(StrictModel):
    topic: Topic = omittable()
    text: QuestionText = omittable()
    options: list[Option] = omittable(min_length=2, max_length=8)
    correct_keys: list[OptionKey] = omittable(min_length=1, max_length=8)
    explanation: Explanation = omittable()
    difficulty: Annotated[int, Field(ge=1, le=5)] = omittable()


class OptionOut(BaseModel):
    key: str
    text: str


class QuestionOut(BaseModel):
    """A question of the bank, as its organisers see it."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    contest_id: uuid.UUID
    topic: str
    text: str
    options: list[OptionOut]
    correct_keys: list[str]
    explanation: str
    difficulty: int


class ImportProblem(BaseModel):
    line: int
    field: str | None = None
    reason: str


class ImportResult(BaseModel):
    imported: int
    errors: list[ImportProblem] = Field(description="Empty when the file was imported; else nothing was")


class RoundCreate(StrictModel):
    no: Annotated[int, Field(ge=1, le=1000)]
    title: Line500
    opens_at: Instant
    closes_at: Instant


class RoundUpdate(StrictModel):
    title: Line500 = omittable()
    opens_at: Instant = omittable()
    closes_at: Instant = omittable()


class RoundOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    contest_id: uuid.UUID
    no: int
    title: str
    opens_at: datetime
    closes_at: datetime
    status: RoundStatus
    attempts_started: int | None = Field(default=None, description="Live count (organisers)")
    attempts_submitted: int | None = Field(default=None, description="Live count (organisers)")


class Registration(StrictModel):
    full_name: PersonName
    national_id: NationalId = Field(description="CCCD, 12 digits; kept only as a keyed hash")
    date_of_birth: PastDay
    phone: Phone = Field(description="Kept encrypted")
    unit_code: UnitCode


class Joining(StrictModel):
    """An official or learner joins with their own token, choosing their unit."""

    unit_code: UnitCode


class ParticipantToken(BaseModel):
    participant_id: uuid.UUID
    participant_token: str = Field(
        description="Send it as the X-Participant-Token header; valid for this contest only"
    )


class PublicContest(BaseModel):
    """What a participant sees of a contest: no question, no key."""

    id: uuid.UUID
    title: str
    rules: str
    audience: Audience
    status: ContestStatus
    questions_per_attempt: int
    time_limit_seconds: int
    attempts_per_round: int
    prediction_question: str | None
    units: list[UnitChoice]
    rounds: list[RoundOut]


class UnitChoice(BaseModel):
    code: str
    name: str


class DrawnQuestion(BaseModel):
    question_id: uuid.UUID
    text: str
    options: list[OptionOut] = Field(description="Shuffled for this attempt")


class AttemptStarted(BaseModel):
    attempt_id: uuid.UUID
    deadline: datetime
    questions: list[DrawnQuestion]


class Answer(StrictModel):
    question_id: uuid.UUID
    keys: list[OptionKey] = Field(max_length=8)


class AnswersIn(StrictModel):
    answers: list[Answer] = Field(max_length=200)
    prediction: Annotated[int, Field(ge=0, le=10_000_000)] | None = None


class Review(BaseModel):
    """A question of the attempt after its round has closed."""

    question_id: uuid.UUID
    text: str
    chosen_keys: list[str]
    correct_keys: list[str]
    explanation: str
    correct: bool


class AttemptOut(BaseModel):
    attempt_id: uuid.UUID
    round_id: uuid.UUID
    deadline: datetime
    submitted_at: datetime | None
    score: int | None
    correct: int | None
    total: int
    seconds: int | None
    prediction: int | None
    questions: list[DrawnQuestion] = Field(description="The draw, with the caller's saved answers below")
    answers: dict[str, list[str]]
    review: list[Review] | None = Field(
        default=None, description="Correct keys and explanations: only once the round has closed"
    )


class ResultItem(BaseModel):
    rank: int
    participant_name_masked: str
    unit_code: str
    score: int
    seconds: int
    prediction: int | None
    prediction_error: int | None
    submitted_at: datetime


class Results(BaseModel):
    items: list[ResultItem]
    total: int
    full_score_count: int = Field(
        description="Participants with every question right (the prediction's answer)"
    )


class UnitResult(BaseModel):
    unit_code: str
    unit_name: str
    participants: int
    staff_count: int
    participation_rate: float | None = Field(description="participants ÷ staff_count; null without staff")
    mean_score: float | None


class FlagKind(StrEnum):
    TOO_FAST = "too_fast"
    SHARED_NATIONAL_ID = "shared_national_id"


class Flag(BaseModel):
    kind: FlagKind
    participant_id: uuid.UUID
    participant_name_masked: str
    attempt_id: uuid.UUID | None = None
    seconds: int | None = None
    addresses: int | None = None


class UnitParticipation(BaseModel):
    """A unit's participation in a movement's contests (what scoring-api's `contest_participation` reads)."""

    unit_code: str
    contests: int = Field(description="The movement's contests (open or closed) that list the unit")
    participants: int = Field(description="Summed over those contests")
    staff_count: int
    participation_rate: float | None = Field(
        description="The mean over those contests of participants ÷ staff_count; null without staff"
    )
