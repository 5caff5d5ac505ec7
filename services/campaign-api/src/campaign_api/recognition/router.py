"""Initiative and commendation endpoints."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Response, status

from campaign_api.campaigns.models import Campaign
from campaign_api.campaigns.schemas import CampaignAction
from campaign_api.deps import (
    ActorDep,
    AwardsServiceDep,
    CampaignDep,
    CampaignReader,
    CommendationsCampaignDep,
    CouncilConvener,
    CouncilReader,
    DecisionIssuer,
    DecisionReader,
    DossierCreator,
    DossierReader,
    OfficialsReader,
    RecognitionServiceDep,
    ReportFormReader,
    VersionsDep,
    campaign_for,
    council_for,
    decision_for,
    dossier_for,
    initiative_for,
    registration_for,
)
from campaign_api.identity.schemas import OfficialRole
from campaign_api.links import INITIATIVE_ID, INITIATIVE_OPERATIONS, links
from campaign_api.recognition import service as recognition
from campaign_api.recognition.models import AwardDecision, CouncilSession, Dossier, Initiative, Registration
from campaign_api.recognition.schemas import (
    Assessment,
    Assignment,
    BuiltDossiers,
    Catalogue,
    CommendationIn,
    CommendationOut,
    CouncilAction,
    CouncilResults,
    CouncilSessionIn,
    CouncilSessionOut,
    DecisionAction,
    DecisionIn,
    DecisionOut,
    DecisionPage,
    DossierAction,
    DossierDetail,
    DossierIn,
    DossierOut,
    DossierStatus,
    FromProposals,
    InitiativeAction,
    InitiativeIn,
    InitiativeOut,
    OfficialOut,
    Reason,
    RegistrationAction,
    RegistrationIn,
    RegistrationOut,
    RegistrationSummary,
    ReportForm,
    RevocationIn,
    VoteIn,
    VoteOut,
)
from service_kit.errors import PROBLEM
from service_kit.files import XLSX
from service_kit.pagination import Page, PageParamsDep

router = APIRouter(tags=["recognition"])

ERRORS: dict[int | str, dict[str, Any]] = {403: PROBLEM, 404: PROBLEM, 409: PROBLEM, 422: PROBLEM}

CampaignForInitiative = Annotated[Campaign, Depends(campaign_for(CampaignAction.ADD_INITIATIVE))]
CampaignForCommendation = Annotated[Campaign, Depends(campaign_for(CampaignAction.ADD_COMMENDATION))]
InitiativeToAssess = Annotated[tuple[Initiative, Campaign], Depends(initiative_for(InitiativeAction.ASSESS))]


@router.post(
    "/v1/campaigns/{campaign_id}/initiatives",
    status_code=status.HTTP_201_CREATED,
    summary="A participant unit submits an initiative",
    responses={**ERRORS, **links(201, INITIATIVE_ID, *INITIATIVE_OPERATIONS)},
)
async def submit_initiative(
    campaign: CampaignForInitiative, data: InitiativeIn, actor: CampaignReader, service: RecognitionServiceDep
) -> InitiativeOut:
    return await service.submit_initiative(actor, campaign, data)


@router.get(
    "/v1/campaigns/{campaign_id}/initiatives",
    summary="Initiatives (a manager who does not run the movement sees its own units')",
    responses={403: PROBLEM, 404: PROBLEM},
)
async def list_initiatives(
    campaign: CampaignDep, actor: CampaignReader, page: PageParamsDep, service: RecognitionServiceDep
) -> Page[InitiativeOut]:
    return await service.initiatives(actor, campaign, page)


@router.post(
    "/v1/initiatives/{initiative_id}/assess", summary="The organiser accepts or rejects", responses=ERRORS
)
async def assess_initiative(
    initiative: InitiativeToAssess, data: Assessment, actor: CampaignReader, service: RecognitionServiceDep
) -> InitiativeOut:
    return await service.assess(actor, *initiative, data)


@router.post(
    "/v1/campaigns/{campaign_id}/commendations",
    status_code=status.HTTP_201_CREATED,
    summary="Record a commendation decided for a unit or a person",
    responses=ERRORS,
)
async def add_commendation(
    campaign: CampaignForCommendation,
    data: CommendationIn,
    actor: CampaignReader,
    service: RecognitionServiceDep,
) -> CommendationOut:
    return await service.add_commendation(actor, campaign, data)


@router.get("/v1/campaigns/{campaign_id}/commendations", responses={403: PROBLEM, 404: PROBLEM})
async def list_commendations(
    campaign: CommendationsCampaignDep, page: PageParamsDep, service: RecognitionServiceDep
) -> Page[CommendationOut]:
    return await service.commendations(campaign, page)


# --- catalogues ------------------------------------------------------------------------------------


@router.get(
    "/v1/titles",
    summary="Emulation titles of the Law on Emulation and Commendation 2022",
    responses={403: PROBLEM},
)
async def list_titles(_: CampaignReader) -> Catalogue:
    return recognition.titles()


@router.get(
    "/v1/commendation-forms",
    summary="Commendation forms (Huân chương, Bằng khen, Giấy khen, …)",
    responses={403: PROBLEM},
)
async def list_commendation_forms(_: CampaignReader) -> Catalogue:
    return recognition.forms()


# --- registrations ---------------------------------------------------------------------------------

Year = Annotated[int | None, Query(ge=2000, le=2100, description="Only this year's")]
RegistrationDep = Annotated[tuple[Registration, Campaign], Depends(registration_for())]
RegistrationToSubmit = Annotated[
    tuple[Registration, Campaign], Depends(registration_for(RegistrationAction.SUBMIT))
]
RegistrationToApprove = Annotated[
    tuple[Registration, Campaign], Depends(registration_for(RegistrationAction.APPROVE))
]
RegistrationToReturn = Annotated[
    tuple[Registration, Campaign], Depends(registration_for(RegistrationAction.RETURN))
]


@router.post(
    "/v1/campaigns/{campaign_id}/registrations",
    status_code=status.HTTP_201_CREATED,
    summary="A unit registers itself and its people for emulation titles (a draft until submitted)",
    responses=ERRORS,
)
async def register_for_titles(
    campaign: CampaignDep, data: RegistrationIn, actor: CampaignReader, service: AwardsServiceDep
) -> RegistrationOut:
    return await service.register(actor, campaign, data)


@router.get(
    "/v1/campaigns/{campaign_id}/registrations",
    summary="Registrations (a manager who does not run the movement sees its own units')",
    responses={403: PROBLEM, 404: PROBLEM, 422: PROBLEM},
)
async def list_registrations(
    campaign: CampaignDep,
    actor: CampaignReader,
    page: PageParamsDep,
    service: AwardsServiceDep,
    year: Year = None,
) -> Page[RegistrationOut]:
    return await service.registrations(actor, campaign, page, year)


@router.get(
    "/v1/campaigns/{campaign_id}/registrations/summary",
    summary="The roll-up: registrations per status, registered entries per title",
    responses={403: PROBLEM, 404: PROBLEM, 422: PROBLEM},
)
async def registration_summary(
    campaign: CampaignDep, actor: CampaignReader, service: AwardsServiceDep, year: Year = None
) -> RegistrationSummary:
    return await service.registration_summary(actor, campaign, year)


@router.get(
    "/v1/registrations/{registration_id}",
    response_model=RegistrationOut,
    responses={304: {}, 403: PROBLEM, 404: PROBLEM},
)
async def get_registration(
    registration: RegistrationDep, actor: ActorDep, versions: VersionsDep
) -> RegistrationOut | Response:
    return versions.answer(recognition.registration_out(actor, *registration))


@router.post(
    "/v1/registrations/{registration_id}/submit", summary="draft | returned → submitted", responses=ERRORS
)
async def submit_registration(
    registration: RegistrationToSubmit, actor: ActorDep, service: AwardsServiceDep
) -> RegistrationOut:
    return await service.move_registration(actor, *registration, RegistrationAction.SUBMIT)


@router.post("/v1/registrations/{registration_id}/approve", summary="submitted → approved", responses=ERRORS)
async def approve_registration(
    registration: RegistrationToApprove, actor: ActorDep, service: AwardsServiceDep
) -> RegistrationOut:
    return await service.move_registration(actor, *registration, RegistrationAction.APPROVE)


@router.post(
    "/v1/registrations/{registration_id}/return",
    summary="submitted → returned, with the reason",
    responses=ERRORS,
)
async def return_registration(
    registration: RegistrationToReturn, data: Reason, actor: ActorDep, service: AwardsServiceDep
) -> RegistrationOut:
    return await service.move_registration(actor, *registration, RegistrationAction.RETURN, data)


# --- dossiers --------------------------------------------------------------------------------------

DossierDep = Annotated[tuple[Dossier, Campaign], Depends(dossier_for())]


@router.post(
    "/v1/dossiers",
    status_code=status.HTTP_201_CREATED,
    summary="A unit builds its commendation dossier (nominees and files); a draft until sent",
    responses=ERRORS,
)
async def create_dossier(data: DossierIn, actor: DossierCreator, service: AwardsServiceDep) -> DossierDetail:
    return await service.create_dossier(actor, data)


@router.post(
    "/v1/dossiers/from-proposals",
    status_code=status.HTTP_201_CREATED,
    summary="One draft dossier per proposing unit from a scoring round's proposals (scoring-api over REST)",
    responses={**ERRORS, 503: PROBLEM},
)
async def dossiers_from_proposals(
    data: FromProposals, actor: DossierCreator, service: AwardsServiceDep
) -> BuiltDossiers:
    return await service.from_proposals(actor, data)


@router.get(
    "/v1/dossiers",
    summary="Dossiers (a manager sees its units' and those of the movements it runs)",
    responses={403: PROBLEM, 422: PROBLEM},
)
async def list_dossiers(
    actor: DossierReader,
    page: PageParamsDep,
    service: AwardsServiceDep,
    campaign_id: Annotated[uuid.UUID | None, Query()] = None,
    status_: Annotated[DossierStatus | None, Query(alias="status")] = None,
) -> Page[DossierOut]:
    return await service.dossiers(actor, page, campaign_id=campaign_id, status=status_)


@router.get(
    "/v1/dossiers/{dossier_id:uuid}",  # a UUID only: `/v1/dossiers/from-proposals` is another resource
    summary="A dossier with its files and its history (who, when, what, why)",
    response_model=DossierDetail,
    responses={304: {}, 403: PROBLEM, 404: PROBLEM},
)
async def get_dossier(
    dossier: DossierDep, actor: ActorDep, versions: VersionsDep, service: AwardsServiceDep
) -> DossierDetail | Response:
    return versions.answer(await service.dossier_detail(actor, *dossier))


DossierToSubmit = Annotated[tuple[Dossier, Campaign], Depends(dossier_for(DossierAction.SUBMIT))]


@router.post(
    "/v1/dossiers/{dossier_id}/submit",
    summary="The unit sends it: draft | returned → submitted",
    responses=ERRORS,
)
async def dossier_submit(
    dossier: DossierToSubmit, actor: ActorDep, service: AwardsServiceDep
) -> DossierDetail:
    return await service.move_dossier(actor, *dossier, DossierAction.SUBMIT)


DossierToReceive = Annotated[tuple[Dossier, Campaign], Depends(dossier_for(DossierAction.RECEIVE))]


@router.post(
    "/v1/dossiers/{dossier_id}/receive",
    summary="The emulation office receives it: submitted → received",
    responses=ERRORS,
)
async def dossier_receive(
    dossier: DossierToReceive, actor: ActorDep, service: AwardsServiceDep
) -> DossierDetail:
    return await service.move_dossier(actor, *dossier, DossierAction.RECEIVE)


DossierToReview = Annotated[tuple[Dossier, Campaign], Depends(dossier_for(DossierAction.REVIEW))]


@router.post(
    "/v1/dossiers/{dossier_id}/review", summary="Checking starts: received → in_review", responses=ERRORS
)
async def dossier_review(
    dossier: DossierToReview, actor: ActorDep, service: AwardsServiceDep
) -> DossierDetail:
    return await service.move_dossier(actor, *dossier, DossierAction.REVIEW)


DossierToToCouncil = Annotated[tuple[Dossier, Campaign], Depends(dossier_for(DossierAction.TO_COUNCIL))]


@router.post(
    "/v1/dossiers/{dossier_id}/to-council",
    summary="Taken to the council: in_review → council",
    responses=ERRORS,
)
async def dossier_to_council(
    dossier: DossierToToCouncil, actor: ActorDep, service: AwardsServiceDep
) -> DossierDetail:
    return await service.move_dossier(actor, *dossier, DossierAction.TO_COUNCIL)


DossierToApprove = Annotated[tuple[Dossier, Campaign], Depends(dossier_for(DossierAction.APPROVE))]


@router.post(
    "/v1/dossiers/{dossier_id}/approve",
    summary="The council's approval recorded: council → approved",
    responses=ERRORS,
)
async def dossier_approve(
    dossier: DossierToApprove, actor: ActorDep, service: AwardsServiceDep
) -> DossierDetail:
    return await service.move_dossier(actor, *dossier, DossierAction.APPROVE)


DossierToReturn = Annotated[tuple[Dossier, Campaign], Depends(dossier_for(DossierAction.RETURN))]


@router.post(
    "/v1/dossiers/{dossier_id}/return",
    summary="Sent back to the unit to complete, with the reason: submitted | received | in_review → returned",
    responses=ERRORS,
)
async def dossier_return(
    dossier: DossierToReturn, data: Reason, actor: ActorDep, service: AwardsServiceDep
) -> DossierDetail:
    return await service.move_dossier(actor, *dossier, DossierAction.RETURN, reason=data.reason)


DossierToReject = Annotated[tuple[Dossier, Campaign], Depends(dossier_for(DossierAction.REJECT))]


@router.post(
    "/v1/dossiers/{dossier_id}/reject",
    summary="Found ineligible, with the reason: received | in_review | council → ineligible",
    responses=ERRORS,
)
async def dossier_reject(
    dossier: DossierToReject, data: Reason, actor: ActorDep, service: AwardsServiceDep
) -> DossierDetail:
    return await service.move_dossier(actor, *dossier, DossierAction.REJECT, reason=data.reason)


DossierToAssign = Annotated[tuple[Dossier, Campaign], Depends(dossier_for(DossierAction.ASSIGN))]


@router.post(
    "/v1/dossiers/{dossier_id}/assign",
    summary="A specialist is assigned to check it (received | in_review)",
    responses=ERRORS,
)
async def assign_dossier(
    dossier: DossierToAssign, data: Assignment, actor: ActorDep, service: AwardsServiceDep
) -> DossierDetail:
    return await service.move_dossier(actor, *dossier, DossierAction.ASSIGN, assignee=data.assignee)


# --- council ---------------------------------------------------------------------------------------


@router.get(
    "/v1/officials",
    summary="Active officials by name (council members, specialists to assign), those of a role if given",
    responses={403: PROBLEM, 422: PROBLEM},
)
async def list_officials(
    _: OfficialsReader,
    page: PageParamsDep,
    service: AwardsServiceDep,
    role: Annotated[OfficialRole | None, Query()] = None,
) -> Page[OfficialOut]:
    return await service.officials(page, role)


CouncilDep = Annotated[CouncilSession, Depends(council_for())]
CouncilToVote = Annotated[CouncilSession, Depends(council_for(CouncilAction.VOTE))]


@router.post(
    "/v1/council-sessions",
    status_code=status.HTTP_201_CREATED,
    summary="The emulation office convenes the council on dossiers taken to it",
    responses=ERRORS,
)
async def convene_council(
    data: CouncilSessionIn, actor: CouncilConvener, service: AwardsServiceDep
) -> CouncilSessionOut:
    return await service.convene(actor, data)


@router.get(
    "/v1/council-sessions", summary="Council sessions, latest first", responses={403: PROBLEM, 422: PROBLEM}
)
async def list_council_sessions(
    actor: CouncilReader, page: PageParamsDep, service: AwardsServiceDep
) -> Page[CouncilSessionOut]:
    return await service.councils(actor, page)


@router.get(
    "/v1/council-sessions/{session_id}",
    response_model=CouncilSessionOut,
    responses={304: {}, 403: PROBLEM, 404: PROBLEM},
)
async def get_council_session(
    council: CouncilDep, actor: ActorDep, versions: VersionsDep, service: AwardsServiceDep
) -> CouncilSessionOut | Response:
    return versions.answer(await service.council_out(actor, council))


@router.post(
    "/v1/council-sessions/{session_id}/votes",
    status_code=status.HTTP_201_CREATED,
    summary="A member votes on one nominee (for, against, abstain): once",
    responses=ERRORS,
)
async def cast_vote(
    council: CouncilToVote, data: VoteIn, actor: ActorDep, service: AwardsServiceDep
) -> VoteOut:
    return await service.vote(actor, council, data)


@router.get(
    "/v1/council-sessions/{session_id}/results",
    summary="The tally per nominee, whether each passed, and the quota rules broken",
    responses={403: PROBLEM, 404: PROBLEM},
)
async def council_results(council: CouncilDep, service: AwardsServiceDep) -> CouncilResults:
    return await service.results(council)


# --- decisions -------------------------------------------------------------------------------------

DecisionDep = Annotated[tuple[AwardDecision, Campaign], Depends(decision_for())]
DecisionToRevoke = Annotated[tuple[AwardDecision, Campaign], Depends(decision_for(DecisionAction.REVOKE))]


@router.post(
    "/v1/decisions",
    status_code=status.HTTP_201_CREATED,
    summary="Issue a commendation decision for nominees the council passed",
    responses=ERRORS,
)
async def issue_decision(data: DecisionIn, actor: DecisionIssuer, service: AwardsServiceDep) -> DecisionOut:
    return await service.issue(actor, data)


@router.get(
    "/v1/decisions", summary="Commendation decisions, latest first", responses={403: PROBLEM, 422: PROBLEM}
)
async def list_decisions(
    actor: DecisionReader,
    page: PageParamsDep,
    service: AwardsServiceDep,
    campaign_id: Annotated[uuid.UUID | None, Query()] = None,
) -> DecisionPage:
    return await service.decisions(actor, page, campaign_id)


@router.get(
    "/v1/decisions/{decision_id}.pdf",
    summary="The decision as a document in the administrative layout",
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}}}, 403: PROBLEM, 404: PROBLEM},
)
async def decision_pdf(decision: DecisionDep, service: AwardsServiceDep) -> Response:
    document = await service.decision_pdf(*decision)
    return Response(
        document,
        media_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="quyet-dinh-{decision[0].id}.pdf"'},
    )


@router.get(
    "/v1/decisions/{decision_id}",
    response_model=DecisionOut,
    responses={304: {}, 403: PROBLEM, 404: PROBLEM},
)
async def get_decision(
    decision: DecisionDep, actor: ActorDep, versions: VersionsDep, service: AwardsServiceDep
) -> DecisionOut | Response:
    return versions.answer(await service.decision_out(actor, decision[0]))


@router.post(
    "/v1/decisions/{decision_id}/revoke",
    summary="Revoke the award (e.g. obtained by fraud), with the reason; the decision is kept",
    responses=ERRORS,
)
async def revoke_decision(
    decision: DecisionToRevoke, data: RevocationIn, actor: ActorDep, service: AwardsServiceDep
) -> DecisionOut:
    return await service.revoke(actor, decision[0], data)


# --- report forms ----------------------------------------------------------------------------------


@router.get(
    "/v1/report-forms/{form}.xlsx",
    summary="An annual report form on emulation and commendation (Thông tư 02/2023/TT-BNV, 0601–0605)",
    description="0601 movements by level; 0602 state-level awards; 0603 ministry/province-level awards; "
    "0604 emulation and commendation organisations; 0605 their staff by age and sex. Revoked awards "
    "are not counted.",
    response_class=Response,
    responses={200: {"content": {XLSX: {}}}, 403: PROBLEM, 422: PROBLEM},
)
async def report_form(
    form: Annotated[ReportForm, Path(description="The form: 0601, 0602, 0603, 0604 or 0605")],
    year: Annotated[int, Query(ge=2000, le=2100, description="The reporting year")],
    actor: ReportFormReader,
    service: AwardsServiceDep,
) -> Response:
    filename, content = await service.report_form(form, year)
    return Response(
        content, media_type=XLSX, headers={"Content-Disposition": f'attachment; filename="{filename}"'}
    )
