"""The xAPI learning record store (`/xapi/...`, `/api/literacy/xapi/...` through the gateway) and the actor
links (`/v1/actor-links`). Statements are read from the raw body (xAPI's errors are 400, not 422) and every
answer carries `X-Experience-API-Version`; statement answers `X-Experience-API-Consistent-Through`."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from email.utils import format_datetime
from enum import StrEnum
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request, Response, status
from fastapi.responses import JSONResponse

from literacy_api.deps import ActorDep, SessionDep, XapiReader, XapiWriter
from literacy_api.xapi import multipart
from literacy_api.xapi.http import (
    VERSION_HEADER,
    VersionDep,
    agent_parameter,
    json_body,
    moment_parameter,
    parse_json,
    plain_parameters,
)
from literacy_api.xapi.multipart import Part
from literacy_api.xapi.repository import StatementQuery
from literacy_api.xapi.schemas import (
    IRI,
    About,
    ActorLinkIn,
    ActorLinkOut,
    Agent,
    StatementResult,
)
from literacy_api.xapi.service import XapiService, agent_key, canonical_format, ids_format
from service_kit.errors import PROBLEM, BadRequest
from service_kit.pagination import CursorPage

router = APIRouter()

CONSISTENT_HEADER = "X-Experience-API-Consistent-Through"
STATEMENT_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "description": "An xAPI statement, or (POST) a list of them",
                    "anyOf": [{"type": "object"}, {"type": "array", "items": {"type": "object"}}],
                }
            }
        },
    }
}
ANSWERS: dict[int | str, dict[str, Any]] = {400: PROBLEM, 401: PROBLEM, 403: PROBLEM}
URL_TEXT = 512
"""Query texts (IRIs, an agent's JSON) up to 512 characters: an IRI of a statement is at most that long, and
the URL stays within the gateway's 8 KB request line (which answers 414 beyond it, declared below)."""
TOO_LONG: dict[int | str, dict[str, Any]] = {
    414: {**PROBLEM, "description": "The URL is longer than the gateway takes (8 KB)"}
}


class StatementFormat(StrEnum):
    IDS = "ids"
    EXACT = "exact"
    CANONICAL = "canonical"


class Flag(StrEnum):
    TRUE = "true"
    FALSE = "false"


def get_xapi_service(session: SessionDep, request: Request) -> XapiService:
    province = request.app.state.settings.province_code
    return XapiService(session=session, province_code=province)


XapiServiceDep = Annotated[XapiService, Depends(get_xapi_service)]


def _headers(version: str) -> dict[str, str]:
    return {VERSION_HEADER: version}


def _consistent() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@router.get("/xapi/about", tags=["xapi"], summary="The xAPI versions this learning record store speaks")
async def about() -> JSONResponse:
    body = About(version=["2.0.0", "1.0.3"])
    return JSONResponse(body.model_dump(), headers=_headers("2.0.0"))


async def _statements_body(request: Request) -> tuple[Any, dict[str, Part]]:
    """The statements sent, and the attachments' parts by SHA-2 (a multipart/mixed body)."""
    content_type = request.headers.get("content-type", "")
    if content_type.split(";")[0].strip().lower() != "multipart/mixed":
        return await json_body(request), {}
    try:
        mixed = multipart.parse(await request.body(), content_type)
    except ValueError as error:
        raise BadRequest(code="xapi.attachments_invalid", params={"reason": str(error)}) from None
    try:
        return parse_json(mixed.statements), mixed.attachments
    except (ValueError, RecursionError):
        raise BadRequest(code="xapi.json_invalid") from None


@router.put(
    "/xapi/statements",
    tags=["xapi"],
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Store one statement by its id (the same content again is no change; other content is 409)",
    openapi_extra=STATEMENT_BODY,
    responses={**ANSWERS, 409: PROBLEM, 413: PROBLEM},
)
async def put_statement(
    request: Request,
    actor: XapiWriter,
    version: VersionDep,
    service: XapiServiceDep,
    statement_id: Annotated[
        str | None, Query(alias="statementId", max_length=36, description="Required: a UUID")
    ] = None,
) -> Response:
    if statement_id is None:
        raise BadRequest(code="xapi.parameter_invalid", params={"parameter": "statementId"})
    try:
        wanted = uuid.UUID(statement_id)
    except ValueError:
        raise BadRequest(code="xapi.parameter_invalid", params={"parameter": "statementId"}) from None
    body, parts = await _statements_body(request)
    await service.store(actor, body, version_2=version == "2.0.0", statement_id=wanted, attachments=parts)
    return Response(status_code=204, headers={**_headers(version), CONSISTENT_HEADER: _consistent()})


@router.post(
    "/xapi/statements",
    tags=["xapi"],
    summary="Store statements (one, or a list: all or none); answers their ids",
    openapi_extra=STATEMENT_BODY,
    response_model=list[str],
    responses={**ANSWERS, 409: PROBLEM, 413: PROBLEM},
)
async def post_statements(
    request: Request, actor: XapiWriter, version: VersionDep, service: XapiServiceDep
) -> JSONResponse:
    body, parts = await _statements_body(request)
    ids = await service.store(actor, body, version_2=version == "2.0.0", attachments=parts)
    return JSONResponse(
        [str(i) for i in ids], headers={**_headers(version), CONSISTENT_HEADER: _consistent()}
    )


ALLOWED_PARAMS = {
    "statementId",
    "voidedStatementId",
    "agent",
    "verb",
    "activity",
    "registration",
    "related_activities",
    "related_agents",
    "since",
    "until",
    "limit",
    "format",
    "attachments",
    "ascending",
    "cursor",
}
SINGLE_PARAMS = {"statementId", "voidedStatementId", "format", "attachments"}


def _languages(request: Request) -> list[str]:
    header = request.headers.get("accept-language", "")
    return [
        part.split(";")[0].strip()
        for part in header.split(",")
        if part.split(";")[0].strip() not in ("", "*")
    ]


def _formatted(statement: dict[str, Any], fmt: StatementFormat, languages: list[str]) -> dict[str, Any]:
    if fmt is StatementFormat.IDS:
        result: dict[str, Any] = ids_format(statement)
        return result
    if fmt is StatementFormat.CANONICAL:
        canonical: dict[str, Any] = canonical_format(statement, languages)
        return canonical
    return statement


def _multipart(body: Any, attachments: list[tuple[str, str, bytes]], headers: dict[str, str]) -> Response:
    """The statements, then each of their attachments that this store holds (by SHA-2)."""
    boundary = uuid.uuid4().hex
    parts = [({"Content-Type": "application/json"}, json.dumps(body, ensure_ascii=False).encode())]
    for sha2, content_type, content in attachments:
        parts.append(
            (
                {
                    "Content-Type": content_type,
                    "Content-Transfer-Encoding": "binary",
                    "X-Experience-API-Hash": sha2,
                },
                content,
            )
        )
    return Response(
        multipart.build(parts, boundary), media_type=f"multipart/mixed; boundary={boundary}", headers=headers
    )


class StatementParams:
    """The query parameters of `GET /xapi/statements` (also HEAD)."""

    def __init__(
        self,
        statement_id: Annotated[uuid.UUID | None, Query(alias="statementId")] = None,
        voided_statement_id: Annotated[uuid.UUID | None, Query(alias="voidedStatementId")] = None,
        agent: Annotated[
            str | None, Query(max_length=URL_TEXT, description="An agent or identified group (JSON)")
        ] = None,
        verb: Annotated[str | None, Query(max_length=URL_TEXT, description="A verb IRI")] = None,
        activity: Annotated[str | None, Query(max_length=URL_TEXT, description="An activity IRI")] = None,
        registration: Annotated[uuid.UUID | None, Query()] = None,
        related_activities: Annotated[Flag, Query()] = Flag.FALSE,
        related_agents: Annotated[Flag, Query()] = Flag.FALSE,
        since: Annotated[str | None, Query(max_length=40, description="Stored after (ISO 8601)")] = None,
        until: Annotated[
            str | None, Query(max_length=40, description="Stored at or before (ISO 8601)")
        ] = None,
        limit: Annotated[int, Query(ge=0, le=2_147_483_647, description="0: the server's maximum (500)")] = 0,
        fmt: Annotated[StatementFormat, Query(alias="format")] = StatementFormat.EXACT,
        attachments: Annotated[Flag, Query()] = Flag.FALSE,
        ascending: Annotated[Flag, Query()] = Flag.FALSE,
        cursor: Annotated[str | None, Query(max_length=100, description="From a `more` link")] = None,
    ) -> None:
        self.statement_id = statement_id
        self.voided_statement_id = voided_statement_id
        self.agent = agent
        self.verb = verb
        self.activity = activity
        self.registration = registration
        self.related_activities = related_activities
        self.related_agents = related_agents
        self.since = since
        self.until = until
        self.limit = limit
        self.fmt = fmt
        self.attachments = attachments
        self.ascending = ascending
        self.cursor = cursor


async def _statements(
    request: Request, actor: Any, version: str, service: XapiService, p: StatementParams
) -> Response:
    plain_parameters(request)
    unknown = set(request.query_params) - ALLOWED_PARAMS
    if unknown:
        raise BadRequest(code="xapi.parameter_unknown", params={"parameter": sorted(unknown)[0][:40]})
    headers = {**_headers(version), CONSISTENT_HEADER: _consistent()}
    languages = _languages(request)
    body: Any
    if p.statement_id is not None or p.voided_statement_id is not None:
        if (p.statement_id is not None and p.voided_statement_id is not None) or set(
            request.query_params
        ) - SINGLE_PARAMS:
            raise BadRequest(code="xapi.parameter_single")
        wanted = p.statement_id or p.voided_statement_id
        assert wanted is not None
        statement = await service.one(actor, wanted, voided=p.voided_statement_id is not None)
        body = _formatted(statement, p.fmt, languages)
        stored = statement.get("stored")
        if stored:
            headers["Last-Modified"] = _http_date(stored)
    else:
        filters = StatementQuery(
            agent=None if p.agent is None else _agent_key(p.agent),
            related_agents=p.related_agents is Flag.TRUE,
            verb=p.verb,
            activity=p.activity,
            related_activities=p.related_activities is Flag.TRUE,
            registration=p.registration,
            since=moment_parameter("since", p.since),
            until=moment_parameter("until", p.until),
            ascending=p.ascending is Flag.TRUE,
        )
        statements, more = await service.query(actor, filters, p.limit, p.cursor)
        next_url = ""
        if more is not None:
            params = {k: v for k, v in request.query_params.items() if k != "cursor"}
            params["cursor"] = more
            root = request.scope.get("root_path", "")
            next_url = f"{root}/xapi/statements?{urlencode(params)}"
        body = StatementResult(
            statements=[_formatted(s, p.fmt, languages) for s in statements], more=next_url
        ).model_dump()
    if p.attachments is Flag.TRUE:
        shown = body.get("statements", [body])
        return _multipart(body, await service.attachments_of(actor, shown), headers)
    return JSONResponse(body, headers=headers)


def _agent_key(value: str) -> str:
    found = agent_parameter(value)
    assert found is not None
    return agent_key(found)


def _http_date(stored: str) -> str:
    return format_datetime(datetime.fromisoformat(stored.replace("Z", "+00:00")).astimezone(UTC), usegmt=True)


StatementParamsDep = Annotated[StatementParams, Depends()]
STATEMENT_ANSWERS: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "A statement (statementId, voidedStatementId) or a StatementResult; multipart/mixed "
        "with attachments=true",
        "content": {
            "application/json": {"schema": {"type": "object"}},
            "multipart/mixed": {"schema": {"type": "string"}},
        },
    },
    **ANSWERS,
    **TOO_LONG,
    404: PROBLEM,
    422: PROBLEM,
}


@router.get(
    "/xapi/statements",
    tags=["xapi"],
    summary="One statement, or the statements that match every filter (newest first), paged by `more`",
    response_class=Response,
    responses=STATEMENT_ANSWERS,
)
async def get_statements(
    request: Request,
    actor: XapiReader,
    version: VersionDep,
    service: XapiServiceDep,
    params: StatementParamsDep,
) -> Response:
    return await _statements(request, actor, version, service, params)


@router.get(
    "/xapi/activities",
    tags=["xapi"],
    summary="An activity with its definition as last sent",
    response_class=Response,
    responses={
        200: {"content": {"application/json": {"schema": {"type": "object"}}}},
        **ANSWERS,
        **TOO_LONG,
        422: PROBLEM,
    },
)
async def get_activity(
    request: Request,
    actor: XapiReader,
    version: VersionDep,
    service: XapiServiceDep,
    activity_id: Annotated[
        str | None, Query(alias="activityId", max_length=URL_TEXT, description="Required: an IRI")
    ] = None,
) -> Response:
    plain_parameters(request)
    if activity_id is None or not IRI.match(activity_id) or len(activity_id) > 512:
        raise BadRequest(code="xapi.parameter_invalid", params={"parameter": "activityId"})
    return JSONResponse(await service.activity(actor, activity_id), headers=_headers(version))


@router.get(
    "/xapi/agents",
    tags=["xapi"],
    summary="The Person object of an agent",
    response_class=Response,
    responses={
        200: {"content": {"application/json": {"schema": {"type": "object"}}}},
        **ANSWERS,
        **TOO_LONG,
        422: PROBLEM,
    },
)
async def get_agent(
    actor: XapiReader,
    version: VersionDep,
    service: XapiServiceDep,
    agent: Annotated[str | None, Query(max_length=URL_TEXT, description="Required: an agent (JSON)")] = None,
) -> Response:
    if agent is None:
        raise BadRequest(code="xapi.parameter_invalid", params={"parameter": "agent"})
    found = agent_parameter(agent)
    if not isinstance(found, Agent):
        raise BadRequest(code="xapi.parameter_invalid", params={"parameter": "agent"})
    return JSONResponse(await service.person(actor, found), headers=_headers(version))


@router.post(
    "/v1/actor-links",
    tags=["xapi"],
    status_code=status.HTTP_201_CREATED,
    summary="Link an xAPI actor (LMS account, or e-mail SHA-1) to a learner; their waiting statements apply",
    responses={
        200: {"model": ActorLinkOut, "description": "Already linked"},
        403: PROBLEM,
        404: PROBLEM,
        409: PROBLEM,
        422: PROBLEM,
    },
)
async def create_actor_link(
    data: ActorLinkIn, response: Response, actor: ActorDep, service: XapiServiceDep
) -> ActorLinkOut:
    link, created = await service.link(actor, data)
    if not created:
        response.status_code = status.HTTP_200_OK
    return link


@router.get(
    "/v1/actor-links",
    tags=["xapi"],
    summary="Actor links of the learners in the caller's scope",
    responses={400: PROBLEM, 403: PROBLEM},
)
async def list_actor_links(
    actor: ActorDep,
    service: XapiServiceDep,
    learner_id: Annotated[uuid.UUID | None, Query()] = None,
    cursor: Annotated[str | None, Query(max_length=36)] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> CursorPage[ActorLinkOut]:
    return await service.links(actor, learner_id, cursor or None, limit)
