"""Dependencies of digital-literacy-api's routers: the caller as an `Actor` (a manager's scope resolved once,
from campaign-api), and chained dependencies that load an object or 404 and then ask the access policy."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBasic, HTTPBasicCredentials, HTTPBearer
from starlette.convertors import Convertor, register_url_convertor

from literacy_api import access
from literacy_api.clients.basic_credentials import BasicCredentials
from literacy_api.clients.campaign import CampaignClient, LearnerAccounts
from literacy_api.imports import repository as imports_repository
from literacy_api.imports.models import ImportJob
from literacy_api.learners import repository as learners_repository
from literacy_api.learners.models import Learner
from reference_data.personal_data import PersonalDataCipher
from service_kit.access import READ, Actor, Policy, resolve_actor
from service_kit.auth import Principal, PrincipalDep, get_token_verifier
from service_kit.db import ReadSessionDep, SessionDep
from service_kit.errors import NotFound, Unauthorized
from service_kit.pagination import CursorParams, cursor_params

__all__ = [
    "AccountsDep",
    "ActorDep",
    "CampaignDep",
    "CipherDep",
    "ReadSessionDep",
    "SessionDep",
]


class AnyCaseUUID(Convertor[uuid.UUID]):
    """Path segments that are UUIDs (either case): `/v1/learners/{learner_id:uuid_any}`. A route whose
    segment is not one does not match, so that `PATCH /v1/learners/match` is 405 (that path takes POST
    only), not a 422 about an identifier."""

    regex = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"

    def convert(self, value: str) -> uuid.UUID:
        return uuid.UUID(value)

    def to_string(self, value: uuid.UUID) -> str:
        return str(value)


register_url_convertor("uuid_any", AnyCaseUUID())


async def get_campaign(request: Request) -> CampaignClient:
    """campaign-api's directory: managers' scopes and the unit codes that exist (cached)."""
    campaign: CampaignClient = request.app.state.campaign
    return campaign


async def get_learner_accounts(request: Request) -> LearnerAccounts | None:
    """campaign-api's learner accounts (deactivated on erasure); None when the app has no such client."""
    accounts: LearnerAccounts | None = getattr(request.app.state, "learner_accounts", None)
    return accounts


async def get_cipher(request: Request) -> PersonalDataCipher:
    cipher: PersonalDataCipher = request.app.state.cipher
    return cipher


CampaignDep = Annotated[CampaignClient, Depends(get_campaign)]
CipherDep = Annotated[PersonalDataCipher, Depends(get_cipher)]
AccountsDep = Annotated[LearnerAccounts | None, Depends(get_learner_accounts)]


async def get_actor(principal: PrincipalDep, campaign: CampaignDep) -> Actor:
    """The caller, a manager's scope resolved once per request (the kit's `actor_dependency` cannot be
    used yet: under `from __future__ import annotations` its closure's `Depends` is not resolved)."""
    return await resolve_actor(principal, campaign)


ActorDep = Annotated[Actor, Depends(get_actor)]


async def page_cursor(params: Annotated[CursorParams, Depends(cursor_params)]) -> CursorParams:
    """The kit's cursor paging, an empty `cursor` read as none (the first page): the schema allows it."""
    return params if params.cursor else CursorParams(limit=params.limit)


CursorDep = Annotated[CursorParams, Depends(page_cursor)]


def allowed(policy: Policy[object], action: str = READ) -> Callable[..., Awaitable[Actor]]:
    """The caller, when the policy lets them do `action` on the collection (403 otherwise)."""

    async def dependency(actor: ActorDep) -> Actor:
        policy.ensure(actor, action, None)
        return actor

    return dependency


RegisterReader = Annotated[Actor, Depends(allowed(access.LEARNER_REGISTER))]
RegisterWriter = Annotated[Actor, Depends(allowed(access.LEARNER_REGISTER, "create"))]
RecordReader = Annotated[Actor, Depends(allowed(access.RECORD_REGISTER))]
RecordWriter = Annotated[Actor, Depends(allowed(access.RECORD_REGISTER, "create"))]
ImportDesk = Annotated[Actor, Depends(allowed(access.IMPORT_DESK))]
ImportSubmitter = Annotated[Actor, Depends(allowed(access.IMPORT_DESK, "create"))]
CourseCreator = Annotated[Actor, Depends(allowed(access.COURSE_LIST, "create"))]
ClassCreator = Annotated[Actor, Depends(allowed(access.CLASS_LIST, "create"))]
UnitStatisticsReader = Annotated[Actor, Depends(allowed(access.UNIT_STATISTICS))]
StatisticsReader = Annotated[Actor, Depends(allowed(access.COVERAGE))]
PopulationEditor = Annotated[Actor, Depends(allowed(access.POPULATION, "edit"))]
Matcher = Annotated[Actor, Depends(allowed(access.LEARNER_MATCH))]
LearnerSelf = Annotated[Actor, Depends(allowed(access.OWN_DATA))]
CertificateRevoker = Annotated[Actor, Depends(allowed(access.CERTIFICATES, "revoke"))]


def learner_for(action: str = READ) -> Callable[..., Awaitable[Learner]]:
    """The learner of the path, for a caller who may use the register (403) and do `action` on this
    learner (404 when they may not even read it); locked for a change."""
    gate = access.LEARNER_REGISTER

    async def dependency(learner_id: uuid.UUID, actor: ActorDep, session: SessionDep) -> Learner:
        gate.ensure(actor, READ, None)
        learner = await learners_repository.get(session, learner_id, for_update=action != READ)
        if learner is None:
            raise NotFound(code="learner.not_found")
        access.LEARNERS.ensure(actor, action, learner)
        return learner

    return dependency


LearnerDep = Annotated[Learner, Depends(learner_for())]


def import_job_for(action: str = READ) -> Callable[..., Awaitable[ImportJob]]:
    """The import of the path, for its submitter (and administrators); 404 for everyone else at the desk."""

    async def dependency(job_id: uuid.UUID, actor: ActorDep, session: SessionDep) -> ImportJob:
        access.IMPORT_DESK.ensure(actor, READ, None)
        job = await imports_repository.get(session, job_id)
        if job is None:
            raise NotFound(code="import.not_found")
        access.IMPORT_JOBS.ensure(actor, action, job)
        return job

    return dependency


ImportJobDep = Annotated[ImportJob, Depends(import_job_for())]
ImportErrorsDep = Annotated[ImportJob, Depends(import_job_for("read_errors"))]


_XAPI_CHALLENGE = {"WWW-Authenticate": 'Basic realm="xapi", Bearer'}
_xapi_basic = HTTPBasic(auto_error=False, realm="xapi", description="An API client's id and secret (xAPI)")
_xapi_bearer = HTTPBearer(
    auto_error=False, description="An access token from `POST /api/campaign/v1/auth/token`"
)


async def xapi_principal(
    request: Request,
    basic: Annotated[HTTPBasicCredentials | None, Depends(_xapi_basic)],
    bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(_xapi_bearer)],
) -> Principal:
    """The caller of the learning record store: HTTP Basic credentials of an API client (exchanged for a
    token at campaign-api's token endpoint, kept briefly), or a bearer token; both verified as every token."""
    if basic is not None:
        if not basic.username or not basic.password:
            raise Unauthorized(code="xapi.credentials_invalid", headers=_XAPI_CHALLENGE)
        exchange: BasicCredentials = request.app.state.basic_credentials
        token = await exchange.token(basic.username, basic.password)
    elif bearer is not None and bearer.scheme.lower() == "bearer":
        token = bearer.credentials
    else:
        raise Unauthorized(code="xapi.credentials_required", headers=_XAPI_CHALLENGE)
    principal = await (await get_token_verifier(request)).verify(token)
    request.state.principal = principal
    return principal


async def get_xapi_actor(
    principal: Annotated[Principal, Depends(xapi_principal)], campaign: CampaignDep
) -> Actor:
    return await resolve_actor(principal, campaign)


XapiActorDep = Annotated[Actor, Depends(get_xapi_actor)]


def xapi_allowed(action: str) -> Callable[..., Awaitable[Actor]]:
    """The caller of the learning record store, when the policy lets them do `action` (403 otherwise)."""

    async def dependency(actor: XapiActorDep) -> Actor:
        access.XAPI_STATEMENTS.ensure(actor, action, None)
        return actor

    return dependency


XapiReader = Annotated[Actor, Depends(xapi_allowed("read_statements"))]
XapiWriter = Annotated[Actor, Depends(xapi_allowed("write"))]
XapiDocumentReader = Annotated[Actor, Depends(xapi_allowed("read_documents"))]
