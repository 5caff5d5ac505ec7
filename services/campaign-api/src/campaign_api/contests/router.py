"""Online contest endpoints: contests, question bank, rounds, participants, attempts, results."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response, status
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException

from campaign_api.access import ContestSeen
from campaign_api.campaigns.models import Campaign
from campaign_api.contests.models import ContestAttempt, ContestQuestion, ContestRound
from campaign_api.contests.schemas import (
    AnswersIn,
    AttemptOut,
    AttemptStarted,
    ContestAction,
    ContestCreate,
    ContestOut,
    ContestStatus,
    ContestUpdate,
    Flag,
    ImportResult,
    Joining,
    ParticipantToken,
    PublicContest,
    QuestionIn,
    QuestionOut,
    QuestionUpdate,
    Registration,
    Results,
    RoundCreate,
    RoundOut,
    RoundUpdate,
    Topic,
    UnitParticipation,
    UnitResult,
)
from campaign_api.deps import (
    CampaignDep,
    CampaignReader,
    ContestJoiner,
    ContestServiceDep,
    ParticipantDep,
    VersionsDep,
    attempt_for,
    campaign_for_contests,
    contest_for,
    contest_round_for,
    question_for,
)
from service_kit.errors import PROBLEM, field_error
from service_kit.pagination import Page, PageParamsDep

router = APIRouter(tags=["contests"])

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ERRORS: dict[int | str, dict[str, Any]] = {403: PROBLEM, 404: PROBLEM, 409: PROBLEM, 422: PROBLEM}
READ_ERRORS: dict[int | str, dict[str, Any]] = {403: PROBLEM, 404: PROBLEM}
PARTICIPANT_ERRORS: dict[int | str, dict[str, Any]] = {
    401: PROBLEM,
    404: PROBLEM,
    409: PROBLEM,
    422: PROBLEM,
    429: PROBLEM,
}

ContestCampaign = Annotated[Campaign, Depends(campaign_for_contests())]
ContestDep = Annotated[ContestSeen, Depends(contest_for())]
ContestToEdit = Annotated[ContestSeen, Depends(contest_for(ContestAction.EDIT))]
ContestToOpen = Annotated[ContestSeen, Depends(contest_for(ContestAction.OPEN))]
ContestToClose = Annotated[ContestSeen, Depends(contest_for(ContestAction.CLOSE))]
ContestBank = Annotated[ContestSeen, Depends(contest_for(ContestAction.MANAGE_QUESTIONS))]
ContestForRound = Annotated[ContestSeen, Depends(contest_for(ContestAction.ADD_ROUND))]
ContestFlags = Annotated[ContestSeen, Depends(contest_for(ContestAction.VIEW_FLAGS))]
QuestionToChange = Annotated[ContestQuestion, Depends(question_for(ContestAction.MANAGE_QUESTIONS))]
RoundDep = Annotated[ContestRound, Depends(contest_round_for())]
RoundToEdit = Annotated[ContestRound, Depends(contest_round_for(ContestAction.ADD_ROUND))]
OwnAttempt = Annotated[ContestAttempt, Depends(attempt_for(for_update=False))]
OwnAttemptToChange = Annotated[ContestAttempt, Depends(attempt_for(for_update=True))]
ResultsLimit = Annotated[int, Query(ge=1, le=500, description="How many ranks")]
ResultsOffset = Annotated[int, Query(ge=0, le=10_000_000)]

CONTEST_LINKS: dict[int | str, dict[str, Any]] = {
    201: {
        "links": {
            name: {"operationId": operation, "parameters": {"contest_id": "$response.body#/id"}}
            for name, operation in (
                ("get_contest", "get_contest_v1_contests__contest_id__get"),
                ("add_question", "add_question_v1_contests__contest_id__questions_post"),
                ("add_round", "add_round_v1_contests__contest_id__rounds_post"),
                ("register", "register_v1_contests__contest_id__participants_post"),
            )
        }
    }
}


def _sheet(filename: str, content: bytes) -> Response:
    return Response(
        content, media_type=XLSX, headers={"Content-Disposition": f'attachment; filename="{filename}"'}
    )


# --- contests ------------------------------------------------------------------------------------------


@router.post(
    "/v1/campaigns/{campaign_id}/contests",
    status_code=status.HTTP_201_CREATED,
    summary="Create an online contest in a movement (as draft)",
    responses={**ERRORS, **CONTEST_LINKS},
)
async def create_contest(
    campaign: ContestCampaign, data: ContestCreate, actor: CampaignReader, service: ContestServiceDep
) -> ContestOut:
    return await service.create(actor, campaign, data)


@router.get("/v1/campaigns/{campaign_id}/contests", summary="The movement's contests", responses=READ_ERRORS)
async def list_contests(
    campaign: CampaignDep, actor: CampaignReader, page: PageParamsDep, service: ContestServiceDep
) -> Page[ContestOut]:
    return await service.list(actor, campaign, page)


@router.get("/v1/contests/{contest_id}", response_model=ContestOut, responses={304: {}, **READ_ERRORS})
async def get_contest(
    contest: ContestDep, actor: CampaignReader, versions: VersionsDep, service: ContestServiceDep
) -> ContestOut | Response:
    return versions.answer(await service.out(actor, contest))


@router.patch("/v1/contests/{contest_id}", responses={**ERRORS, 412: PROBLEM})
async def update_contest(
    contest: ContestToEdit,
    data: ContestUpdate,
    actor: CampaignReader,
    versions: VersionsDep,
    service: ContestServiceDep,
) -> ContestOut:
    return versions.tag(await service.update(actor, contest, data, expect=versions.expect))


@router.post("/v1/contests/{contest_id}/open", summary="draft → open (needs questions)", responses=ERRORS)
async def open_contest(
    contest: ContestToOpen, actor: CampaignReader, service: ContestServiceDep
) -> ContestOut:
    return await service.transition(actor, contest, ContestStatus.OPEN)


@router.post("/v1/contests/{contest_id}/close", summary="open → closed", responses=ERRORS)
async def close_contest(
    contest: ContestToClose, actor: CampaignReader, service: ContestServiceDep
) -> ContestOut:
    return await service.transition(actor, contest, ContestStatus.CLOSED)


@router.get(
    "/v1/contests/{contest_id}/public",
    summary="What a participant sees before registering: rules, units to choose, rounds (no questions)",
    responses={404: PROBLEM},
)
async def public_contest(contest_id: uuid.UUID, service: ContestServiceDep) -> PublicContest:
    return await service.public(contest_id)


# --- question bank ---------------------------------------------------------------------------------------


@router.post(
    "/v1/contests/{contest_id}/questions",
    status_code=status.HTTP_201_CREATED,
    summary="Add a question to the bank",
    responses=ERRORS,
)
async def add_question(
    contest: ContestBank, data: QuestionIn, actor: CampaignReader, service: ContestServiceDep
) -> QuestionOut:
    return await service.add_question(actor, contest, data)


@router.get(
    "/v1/contests/{contest_id}/questions",
    summary="The bank with correct keys and explanations (those who run the contest)",
    responses=READ_ERRORS,
)
async def list_questions(
    contest: ContestBank,
    page: PageParamsDep,
    service: ContestServiceDep,
    topic: Annotated[Topic | None, Query()] = None,
) -> Page[QuestionOut]:
    return await service.questions(contest, page, topic=topic)


@router.get(
    "/v1/contests/{contest_id}/questions/template.xlsx",
    summary="The question bank's import template",
    response_class=Response,
    responses={200: {"content": {XLSX: {}}}, **READ_ERRORS},
)
async def questions_template(contest: ContestBank, service: ContestServiceDep) -> Response:
    return _sheet("mau-ngan-hang-cau-hoi.xlsx", service.template())


IMPORT_BODY = {
    "required": True,
    "content": {
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "required": ["file"],
                "additionalProperties": False,
                "properties": {
                    "file": {"type": "string", "format": "binary", "description": "The XLSX file"}
                },
            }
        }
    },
}


async def _upload(request: Request) -> bytes:
    try:
        form = await request.form(max_files=2, max_fields=2)
    except (MultiPartException, ValueError):
        raise field_error("file", code="question_import.no_file") from None
    parts = form.getlist("file")
    if len(parts) != 1 or any(name != "file" for name in form):
        raise field_error("file", code="question_import.no_file")
    part = parts[0]
    if isinstance(part, str):
        return part.encode("utf-8", "surrogateescape")
    assert isinstance(part, UploadFile)
    return await part.read()


@router.post(
    "/v1/contests/{contest_id}/questions/import",
    summary="Import questions from the template (xlsx): every bad row reported, and then nothing imported",
    responses={**ERRORS, 413: PROBLEM},
    openapi_extra={"requestBody": IMPORT_BODY},
)
async def import_questions(
    request: Request, contest: ContestBank, actor: CampaignReader, service: ContestServiceDep
) -> ImportResult:
    return await service.import_questions(actor, contest, await _upload(request))


@router.patch("/v1/questions/{question_id}", summary="Change a question of the bank", responses=ERRORS)
async def update_question(
    question: QuestionToChange, data: QuestionUpdate, actor: CampaignReader, service: ContestServiceDep
) -> QuestionOut:
    return await service.update_question(actor, question, data)


@router.delete(
    "/v1/questions/{question_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Remove a question from the bank (attempts that drew it keep it)",
    responses=ERRORS,
)
async def delete_question(
    question: QuestionToChange, actor: CampaignReader, service: ContestServiceDep
) -> Response:
    await service.delete_question(actor, question)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


# --- rounds ------------------------------------------------------------------------------------------------


@router.post(
    "/v1/contests/{contest_id}/rounds",
    status_code=status.HTTP_201_CREATED,
    summary="Add a round (overlapping no other round of the contest)",
    responses=ERRORS,
)
async def add_round(
    contest: ContestForRound, data: RoundCreate, actor: CampaignReader, service: ContestServiceDep
) -> RoundOut:
    return await service.add_round(actor, contest, data)


@router.get(
    "/v1/contests/{contest_id}/rounds", summary="Rounds with live counts of attempts", responses=READ_ERRORS
)
async def list_rounds(contest: ContestDep, service: ContestServiceDep) -> Page[RoundOut]:
    return await service.rounds(contest)


@router.get("/v1/contest-rounds/{round_id}", response_model=RoundOut, responses={304: {}, **READ_ERRORS})
async def get_round(
    round_: RoundDep, versions: VersionsDep, service: ContestServiceDep
) -> RoundOut | Response:
    return versions.answer(await service.round_out(round_))


@router.patch("/v1/contest-rounds/{round_id}", responses={**ERRORS, 412: PROBLEM})
async def update_round(
    round_: RoundToEdit,
    data: RoundUpdate,
    actor: CampaignReader,
    versions: VersionsDep,
    service: ContestServiceDep,
) -> RoundOut:
    return versions.tag(await service.update_round(actor, round_, data, expect=versions.expect))


@router.get(
    "/v1/contest-rounds/{round_id}/results",
    summary="Ranked: score, then closeness of the prediction, then seconds, then submission time",
    responses=READ_ERRORS,
)
async def round_results(
    round_: RoundDep, service: ContestServiceDep, limit: ResultsLimit = 50, offset: ResultsOffset = 0
) -> Results:
    return await service.results(round_, limit=limit, offset=offset)


@router.get(
    "/v1/contest-rounds/{round_id}/results.xlsx",
    summary="The ranked results as a spreadsheet (names masked)",
    response_class=Response,
    responses={200: {"content": {XLSX: {}}}, **READ_ERRORS},
)
async def round_results_sheet(
    round_: RoundDep, service: ContestServiceDep, limit: ResultsLimit = 500, offset: ResultsOffset = 0
) -> Response:
    results = await service.results(round_, limit=limit, offset=offset)
    return _sheet(*service.results_sheet(round_, results))


@router.get(
    "/v1/contests/{contest_id}/units",
    summary="Per unit: participants, staff count, participation rate, mean score",
    responses=READ_ERRORS,
)
async def contest_units(contest: ContestDep, service: ContestServiceDep) -> Page[UnitResult]:
    return await service.units(contest)


@router.get(
    "/v1/campaigns/{campaign_id}/contest-participation",
    summary="Per unit, its mean participation rate over the movement's contests (for scoring-api)",
    responses=READ_ERRORS,
)
async def campaign_contest_participation(
    campaign: CampaignDep, service: ContestServiceDep
) -> Page[UnitParticipation]:
    return await service.campaign_participation(campaign)


@router.get(
    "/v1/contests/{contest_id}/units.xlsx",
    summary="The unit figures as a spreadsheet",
    response_class=Response,
    responses={200: {"content": {XLSX: {}}}, **READ_ERRORS},
)
async def contest_units_sheet(contest: ContestDep, service: ContestServiceDep) -> Response:
    return _sheet(*service.units_sheet(await service.units(contest)))


@router.get(
    "/v1/contests/{contest_id}/flags",
    summary="Attempts faster than the floor; national IDs registered from many addresses",
    responses=READ_ERRORS,
)
async def contest_flags(contest: ContestFlags, service: ContestServiceDep) -> Page[Flag]:
    return await service.flags(contest)


# --- participants and attempts ----------------------------------------------------------------------------


@router.post(
    "/v1/contests/{contest_id}/participants",
    summary="Register without an account (public); the same national ID and birth date: the same participant",
    responses={403: PROBLEM, 404: PROBLEM, 409: PROBLEM, 422: PROBLEM, 429: PROBLEM},
)
async def register(contest_id: uuid.UUID, data: Registration, service: ContestServiceDep) -> ParticipantToken:
    return await service.register(contest_id, data)


@router.post(
    "/v1/contests/{contest_id}/join",
    summary="An official or learner joins with their own account",
    responses=ERRORS,
)
async def join(
    contest_id: uuid.UUID, data: Joining, actor: ContestJoiner, service: ContestServiceDep
) -> ParticipantToken:
    return await service.join(actor, contest_id, data)


@router.post(
    "/v1/contest-rounds/{round_id}/attempts",
    status_code=status.HTTP_201_CREATED,
    summary="Start an attempt: questions drawn and options shuffled on the server, no keys",
    responses=PARTICIPANT_ERRORS,
)
async def start_attempt(
    round_id: uuid.UUID, participant: ParticipantDep, service: ContestServiceDep
) -> AttemptStarted:
    return await service.start(participant, round_id)


@router.put(
    "/v1/attempts/{attempt_id}/answers",
    summary="Save answers (and the prediction) until submitted or the deadline",
    responses=PARTICIPANT_ERRORS,
)
async def save_answers(
    attempt: OwnAttemptToChange, data: AnswersIn, service: ContestServiceDep
) -> AttemptOut:
    return await service.save_answers(attempt, data)


@router.post("/v1/attempts/{attempt_id}/submit", summary="Submit and score", responses=PARTICIPANT_ERRORS)
async def submit_attempt(attempt: OwnAttemptToChange, service: ContestServiceDep) -> AttemptOut:
    return await service.submit(attempt)


@router.get(
    "/v1/attempts/{attempt_id}",
    summary="The attempt's score; correct keys and explanations once the round has closed",
    responses={401: PROBLEM, 404: PROBLEM},
)
async def get_attempt(attempt: OwnAttempt, service: ContestServiceDep) -> AttemptOut:
    return await service.read_attempt(attempt)
