"""The dependencies campaign-api's routers resolve: who is calling (`ActorDep`), the services, and the
chained "load it or 404, then ask the policy" dependencies (`CampaignDep`, `ReportDep`, ...)."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated, TypeVar

from fastapi import Depends, Path, Request, Response
from fastapi.security import APIKeyHeader

from campaign_api.access import (
    ACCOUNT_LIST,
    ACCOUNTS,
    CAMPAIGN_LIST,
    CAMPAIGNS,
    CLIENT_LIST,
    CLIENTS,
    COMMENDATIONS,
    CONTEST_JOINERS,
    CONTESTS,
    COUNCIL_LIST,
    COUNCILS,
    DECISION_LIST,
    DECISIONS,
    DOSSIER_LIST,
    DOSSIERS,
    INITIATIVES,
    JUDGINGS,
    LEARNER_ACCOUNTS,
    LOCALITIES,
    NEW_CONTESTS,
    NEW_JUDGINGS,
    OFFICIALS,
    PARTICIPANTS,
    REGISTRATIONS,
    REPORT_FORMS,
    REPORTS,
    REVOCATIONS,
    TASKS,
    UNIT_LIST,
    UNITS,
    CampaignSeen,
    ContestSeen,
    DecisionSeen,
    Filing,
    JudgingSeen,
)
from campaign_api.campaigns.models import Campaign
from campaign_api.campaigns.service import CampaignService
from campaign_api.contests.models import ContestAttempt, ContestParticipant, ContestQuestion, ContestRound
from campaign_api.contests.service import ContestService
from campaign_api.files.service import FileService
from campaign_api.identity.models import Account, ApiClient
from campaign_api.identity.schemas import LearnerAccountAction
from campaign_api.identity.service import IdentityService
from campaign_api.judging.service import JudgingService
from campaign_api.localities.service import LocalityService
from campaign_api.participation.models import Participant, Report
from campaign_api.participation.service import ParticipationService
from campaign_api.recognition.models import AwardDecision, CouncilSession, Dossier, Initiative, Registration
from campaign_api.recognition.service import AwardsService, RecognitionService
from campaign_api.tasks.service import TaskService
from campaign_api.units.models import Unit
from campaign_api.units.service import DirectoryScope, UnitService
from reference_data.localities import LocalityDirectory, get_localities
from service_kit.access import READ, Actor, Policy, ScopeSource, actor_dependency
from service_kit.caching import check_if_match, conditional, not_modified
from service_kit.db import SessionDep

T = TypeVar("T")

UnitCodePath = Annotated[
    str, Path(min_length=1, max_length=32, pattern=r"^[A-Za-z0-9._-]+$", description="A unit's code")
]


# --- who is calling ----------------------------------------------------------------------------


def get_scope_source(session: SessionDep) -> ScopeSource:
    """Managers' scopes come from campaign-api's own directory, in the request's transaction."""
    return DirectoryScope(session)


ActorDep = Annotated[Actor, Depends(actor_dependency(get_scope_source))]


def may(policy: Policy[None], action: str = READ) -> Callable[..., Awaitable[Actor]]:
    """The caller, when `policy` lets them do `action` on its collection (read it, create in it)."""

    async def dependency(actor: ActorDep) -> Actor:
        policy.ensure(actor, action, None)
        return actor

    return dependency


LocalityReader = Annotated[Actor, Depends(may(LOCALITIES))]
UnitReader = Annotated[Actor, Depends(may(UNIT_LIST))]
UnitCreator = Annotated[Actor, Depends(may(UNIT_LIST, "create"))]
CampaignReader = Annotated[Actor, Depends(may(CAMPAIGN_LIST))]
CampaignCreator = Annotated[Actor, Depends(may(CAMPAIGN_LIST, "create"))]
AccountReader = Annotated[Actor, Depends(may(ACCOUNT_LIST))]
AccountCreator = Annotated[Actor, Depends(may(ACCOUNT_LIST, "create"))]
ClientReader = Annotated[Actor, Depends(may(CLIENT_LIST))]
ClientCreator = Annotated[Actor, Depends(may(CLIENT_LIST, "create"))]
RevocationReader = Annotated[Actor, Depends(may(REVOCATIONS))]
ContestJoiner = Annotated[Actor, Depends(may(CONTEST_JOINERS))]
LearnerAccountDeactivator = Annotated[Actor, Depends(may(LEARNER_ACCOUNTS, LearnerAccountAction.DEACTIVATE))]


# --- services ----------------------------------------------------------------------------------


def get_unit_service(session: SessionDep) -> UnitService:
    return UnitService(session=session)


def get_campaign_service(session: SessionDep) -> CampaignService:
    return CampaignService(session=session)


UnitServiceDep = Annotated[UnitService, Depends(get_unit_service)]
CampaignServiceDep = Annotated[CampaignService, Depends(get_campaign_service)]


def get_participation_service(session: SessionDep, campaigns: CampaignServiceDep) -> ParticipationService:
    return ParticipationService(session=session, campaigns=campaigns)


def get_recognition_service(session: SessionDep, campaigns: CampaignServiceDep) -> RecognitionService:
    return RecognitionService(session=session, campaigns=campaigns)


def get_identity_service(request: Request, session: SessionDep) -> IdentityService:
    state = request.app.state
    return IdentityService(
        session=session,
        settings=state.settings,
        keys=state.signing_keys,
        literacy=getattr(state, "literacy_client", None),
        on_versions_changed=versions.invalidate
        if (versions := getattr(state, "account_versions", None))
        else None,
    )


def get_locality_service(
    directory: Annotated[LocalityDirectory, Depends(get_localities)],
) -> LocalityService:
    return LocalityService(directory)


def get_contest_service(
    request: Request, session: SessionDep, campaigns: CampaignServiceDep
) -> ContestService:
    return ContestService(session=session, campaigns=campaigns, settings=request.app.state.settings)


ContestServiceDep = Annotated[ContestService, Depends(get_contest_service)]


def get_judging_service(session: SessionDep, campaigns: CampaignServiceDep) -> JudgingService:
    return JudgingService(session=session, campaigns=campaigns)


JudgingServiceDep = Annotated[JudgingService, Depends(get_judging_service)]


def get_file_service(session: SessionDep, campaigns: CampaignServiceDep) -> FileService:
    return FileService(session=session, campaigns=campaigns)


def get_awards_service(request: Request, session: SessionDep, campaigns: CampaignServiceDep) -> AwardsService:
    return AwardsService(
        session=session, campaigns=campaigns, scoring=getattr(request.app.state, "scoring_client", None)
    )


def get_task_service(request: Request, session: SessionDep) -> TaskService:
    return TaskService(session=session, scoring=getattr(request.app.state, "scoring_tasks_client", None))


TaskServiceDep = Annotated[TaskService, Depends(get_task_service)]
TaskReader = Annotated[Actor, Depends(may(TASKS))]
FileServiceDep = Annotated[FileService, Depends(get_file_service)]
AwardsServiceDep = Annotated[AwardsService, Depends(get_awards_service)]
DossierReader = Annotated[Actor, Depends(may(DOSSIER_LIST))]
DossierCreator = Annotated[Actor, Depends(may(DOSSIER_LIST, "create"))]
OfficialsReader = Annotated[Actor, Depends(may(OFFICIALS))]
CouncilReader = Annotated[Actor, Depends(may(COUNCIL_LIST))]
CouncilConvener = Annotated[Actor, Depends(may(COUNCIL_LIST, "create"))]
DecisionReader = Annotated[Actor, Depends(may(DECISION_LIST))]
DecisionIssuer = Annotated[Actor, Depends(may(DECISION_LIST, "issue"))]
ParticipationServiceDep = Annotated[ParticipationService, Depends(get_participation_service)]
RecognitionServiceDep = Annotated[RecognitionService, Depends(get_recognition_service)]
IdentityServiceDep = Annotated[IdentityService, Depends(get_identity_service)]
LocalityServiceDep = Annotated[LocalityService, Depends(get_locality_service)]


# --- objects: load or 404, then ask the policy ---------------------------------------------------


def unit_for(action: str = READ) -> Callable[..., Awaitable[Unit]]:
    async def dependency(code: UnitCodePath, actor: ActorDep, service: UnitServiceDep) -> Unit:
        unit = await service.get(code, for_update=action != READ)
        UNITS.ensure(actor, action, unit)
        return unit

    return dependency


ClientId = Annotated[str, Path(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9._-]+$")]
"""An API client's id (what `POST /v1/clients` chose or was given)."""


def client_for(action: str = READ) -> Callable[..., Awaitable[ApiClient]]:
    async def dependency(client_id: ClientId, actor: ActorDep, service: IdentityServiceDep) -> ApiClient:
        # Clients are the administrators' alone: refused before anyone learns whether the id exists.
        CLIENT_LIST.ensure(actor, READ, None)
        client = await service.get_client(client_id, for_update=action != READ)
        CLIENTS.ensure(actor, action, client)
        return client

    return dependency


def account_for(action: str = READ) -> Callable[..., Awaitable[Account]]:
    async def dependency(account_id: uuid.UUID, actor: ActorDep, service: IdentityServiceDep) -> Account:
        # Accounts are the administrators' alone: refused before anyone learns whether the id exists.
        ACCOUNT_LIST.ensure(actor, READ, None)
        account = await service.get_account(account_id, for_update=action != READ)
        ACCOUNTS.ensure(actor, action, account)
        return account

    return dependency


async def _seen_campaign(
    campaign_id: uuid.UUID, actor: Actor, service: CampaignService, *, action: str, for_update: bool
) -> CampaignSeen:
    CAMPAIGN_LIST.ensure(actor, READ, None)
    campaign = await service.get(campaign_id, for_update=for_update)
    (seen,) = await service.seen(actor, [campaign])
    CAMPAIGNS.ensure(actor, action, seen)
    return seen


async def _readable_campaign(campaign_id: uuid.UUID, actor: Actor, service: CampaignService) -> Campaign:
    return (await _seen_campaign(campaign_id, actor, service, action=READ, for_update=False)).campaign


def campaign_for(action: str = READ) -> Callable[..., Awaitable[Campaign]]:
    """The campaign of the path, when the caller may do `action` to it (locked for a change)."""

    async def dependency(campaign_id: uuid.UUID, actor: ActorDep, service: CampaignServiceDep) -> Campaign:
        seen = await _seen_campaign(campaign_id, actor, service, action=action, for_update=action != READ)
        return seen.campaign

    return dependency


async def _commendations_campaign(
    campaign_id: uuid.UUID, actor: ActorDep, service: CampaignServiceDep
) -> Campaign:
    seen = await _seen_campaign(campaign_id, actor, service, action=READ, for_update=False)
    COMMENDATIONS.ensure(actor, READ, seen)
    return seen.campaign


def plan_for(action: str) -> Callable[..., Awaitable[tuple[Campaign, Participant]]]:
    """A participant of the path's campaign, for its plan. Whether the caller may file for the unit is
    asked before whether the unit takes part: a manager learns nothing of other units."""

    async def dependency(
        campaign_id: uuid.UUID,
        unit_code: UnitCodePath,
        actor: ActorDep,
        campaigns: CampaignServiceDep,
        service: ParticipationServiceDep,
    ) -> tuple[Campaign, Participant]:
        campaign = await _readable_campaign(campaign_id, actor, campaigns)
        PARTICIPANTS.ensure(actor, action, Filing(campaign, unit_code))
        return campaign, await service.participant(campaign, unit_code)

    return dependency


def report_for(action: str = READ) -> Callable[..., Awaitable[tuple[Report, Campaign]]]:
    """A report and its campaign; another unit's report is 404 to a manager (hidden)."""

    async def dependency(
        report_id: uuid.UUID, actor: ActorDep, service: ParticipationServiceDep
    ) -> tuple[Report, Campaign]:
        CAMPAIGN_LIST.ensure(actor, READ, None)
        report, campaign = await service.get_report(report_id, for_update=action != READ)
        REPORTS.ensure(actor, action, Filing(campaign, report.unit_code, report.status))
        return report, campaign

    return dependency


def initiative_for(action: str) -> Callable[..., Awaitable[tuple[Initiative, Campaign]]]:
    async def dependency(
        initiative_id: uuid.UUID, actor: ActorDep, service: RecognitionServiceDep
    ) -> tuple[Initiative, Campaign]:
        CAMPAIGN_LIST.ensure(actor, READ, None)
        initiative, campaign = await service.get_initiative(initiative_id, for_update=action != READ)
        INITIATIVES.ensure(actor, action, Filing(campaign, initiative.unit_code, initiative.status))
        return initiative, campaign

    return dependency


def campaign_for_contests() -> Callable[..., Awaitable[Campaign]]:
    """The path's campaign, when the caller runs it (creates contests in it)."""

    async def dependency(campaign_id: uuid.UUID, actor: ActorDep, service: CampaignServiceDep) -> Campaign:
        seen = await _seen_campaign(campaign_id, actor, service, action=READ, for_update=False)
        NEW_CONTESTS.ensure(actor, "create", seen)
        return seen.campaign

    return dependency


def campaign_for_judgings() -> Callable[..., Awaitable[Campaign]]:
    """The path's campaign, when the caller runs it (sets up initiative judging in it)."""

    async def dependency(campaign_id: uuid.UUID, actor: ActorDep, service: CampaignServiceDep) -> Campaign:
        seen = await _seen_campaign(campaign_id, actor, service, action=READ, for_update=False)
        NEW_JUDGINGS.ensure(actor, "create", seen)
        return seen.campaign

    return dependency


def judging_for(action: str = READ) -> Callable[..., Awaitable[JudgingSeen]]:
    """The path's round of initiative judging (locked for a change), when the caller may do `action`."""

    async def dependency(judging_id: uuid.UUID, actor: ActorDep, service: JudgingServiceDep) -> JudgingSeen:
        CAMPAIGN_LIST.ensure(actor, READ, None)
        seen = await service.get(judging_id, for_update=action != READ)
        JUDGINGS.ensure(actor, action, seen)
        return seen

    return dependency


def contest_for(action: str = READ) -> Callable[..., Awaitable[ContestSeen]]:
    """The path's contest (locked for a change), when the caller may do `action` to it."""

    async def dependency(contest_id: uuid.UUID, actor: ActorDep, service: ContestServiceDep) -> ContestSeen:
        CAMPAIGN_LIST.ensure(actor, READ, None)
        seen = await service.get(contest_id, for_update=action != READ)
        CONTESTS.ensure(actor, action, seen)
        return seen

    return dependency


def question_for(action: str) -> Callable[..., Awaitable[ContestQuestion]]:
    async def dependency(
        question_id: uuid.UUID, actor: ActorDep, service: ContestServiceDep
    ) -> ContestQuestion:
        CAMPAIGN_LIST.ensure(actor, READ, None)
        question, seen = await service.get_question(question_id, for_update=True)
        CONTESTS.ensure(actor, action, seen)
        return service.ensure_in_bank(question)

    return dependency


def registration_for(action: str = READ) -> Callable[..., Awaitable[tuple[Registration, Campaign]]]:
    async def dependency(
        registration_id: uuid.UUID, actor: ActorDep, service: AwardsServiceDep
    ) -> tuple[Registration, Campaign]:
        CAMPAIGN_LIST.ensure(actor, READ, None)
        registration, campaign = await service.get_registration(registration_id, for_update=action != READ)
        REGISTRATIONS.ensure(actor, action, Filing(campaign, registration.unit_code, registration.status))
        return registration, campaign

    return dependency


def contest_round_for(action: str = READ) -> Callable[..., Awaitable[ContestRound]]:
    async def dependency(round_id: uuid.UUID, actor: ActorDep, service: ContestServiceDep) -> ContestRound:
        CAMPAIGN_LIST.ensure(actor, READ, None)
        round_, seen = await service.get_round(round_id, for_update=action != READ)
        CONTESTS.ensure(actor, action, seen)
        return round_

    return dependency


_participant_token = APIKeyHeader(
    name="X-Participant-Token",
    auto_error=False,
    scheme_name="ParticipantToken",
    description="The token `POST /v1/contests/{contest_id}/participants` (or `.../join`) answered",
)


async def _participant(
    token: Annotated[str | None, Depends(_participant_token)], service: ContestServiceDep
) -> ContestParticipant:
    return await service.participant_of_token(token)


ParticipantDep = Annotated[ContestParticipant, Depends(_participant)]


def attempt_for(*, for_update: bool) -> Callable[..., Awaitable[ContestAttempt]]:
    """The path's attempt, when it is the participant's own (another's is 404)."""

    async def dependency(
        attempt_id: uuid.UUID, participant: ParticipantDep, service: ContestServiceDep
    ) -> ContestAttempt:
        return await service.own_attempt(participant, attempt_id, for_update=for_update)

    return dependency


def dossier_for(action: str = READ) -> Callable[..., Awaitable[tuple[Dossier, Campaign]]]:
    """A dossier and its campaign; another unit's dossier is 404 to a manager (hidden)."""

    async def dependency(
        dossier_id: uuid.UUID, actor: ActorDep, service: AwardsServiceDep
    ) -> tuple[Dossier, Campaign]:
        DOSSIER_LIST.ensure(actor, READ, None)
        dossier, campaign = await service.get_dossier(dossier_id, for_update=action != READ)
        DOSSIERS.ensure(actor, action, Filing(campaign, dossier.unit_code, dossier.status))
        return dossier, campaign

    return dependency


def council_for(action: str = READ) -> Callable[..., Awaitable[CouncilSession]]:
    async def dependency(session_id: uuid.UUID, actor: ActorDep, service: AwardsServiceDep) -> CouncilSession:
        COUNCIL_LIST.ensure(actor, READ, None)
        council = await service.get_council(session_id, for_update=action != READ)
        COUNCILS.ensure(actor, action, council)
        return council

    return dependency


async def report_form_reader(actor: ActorDep, service: AwardsServiceDep) -> Actor:
    """The caller, when they may download the province's report forms (administrators, provincial office)."""
    REPORT_FORMS.ensure(actor, READ, await service.province())
    return actor


ReportFormReader = Annotated[Actor, Depends(report_form_reader)]


def decision_for(action: str = READ) -> Callable[..., Awaitable[tuple[AwardDecision, Campaign]]]:
    async def dependency(
        decision_id: uuid.UUID, actor: ActorDep, service: AwardsServiceDep
    ) -> tuple[AwardDecision, Campaign]:
        DECISION_LIST.ensure(actor, READ, None)
        decision, campaign = await service.get_decision(decision_id, for_update=action != READ)
        DECISIONS.ensure(actor, action, DecisionSeen(campaign, decision.status))
        return decision, campaign

    return dependency


UnitDep = Annotated[Unit, Depends(unit_for())]
AccountDep = Annotated[Account, Depends(account_for())]
CampaignDep = Annotated[Campaign, Depends(campaign_for())]
CommendationsCampaignDep = Annotated[Campaign, Depends(_commendations_campaign)]
ReportDep = Annotated[tuple[Report, Campaign], Depends(report_for())]


# --- versions (ETag / If-Match) --------------------------------------------------------------------


@dataclass
class Versions:
    """A single resource's ETag: a GET answers 304 to a fresh copy; a change made against an outdated
    copy (`If-Match`) is refused with 412 before anything changes, and its answer carries the new ETag."""

    request: Request
    response: Response

    def answer(self, representation: T) -> T | Response:
        return conditional(self.request, self.response, representation)

    def expect(self, current: object) -> None:
        check_if_match(self.request, current)

    def tag(self, representation: T) -> T:
        not_modified(self.request, self.response, representation)
        return representation


def get_versions(request: Request, response: Response) -> Versions:
    return Versions(request, response)


VersionsDep = Annotated[Versions, Depends(get_versions)]
