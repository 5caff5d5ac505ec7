"""The document resources of the learning record store: `/xapi/activities/state`, `/xapi/activities/profile`
and `/xapi/agents/profile` (PUT, POST, GET one or the ids, DELETE; HEAD as GET). Bodies are read raw (any
media type); a document answers with its ETag and Last-Modified; errors are xAPI's 400, not 422."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Query, Request, Response
from fastapi.responses import JSONResponse

from literacy_api.deps import SessionDep, XapiDocumentReader, XapiWriter
from literacy_api.xapi.http import (
    VERSION_HEADER,
    VersionDep,
    agent_parameter,
    moment_parameter,
    plain_parameters,
)
from literacy_api.xapi.schemas import IRI
from literacy_api.xapi.service import agent_key
from literacy_api.xapi_documents.schemas import Place
from literacy_api.xapi_documents.service import DocumentService, Preconditions
from service_kit.errors import PROBLEM, BadRequest

router = APIRouter()

URL_TEXT = 512
ID_TEXT = 512
DOCUMENT_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": {"description": "A JSON document (POST: an object, merged)"}},
            "application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
        },
    }
}
WRITE_ANSWERS: dict[int | str, dict[str, Any]] = {
    400: PROBLEM,
    401: PROBLEM,
    403: PROBLEM,
    409: PROBLEM,
    412: PROBLEM,
    413: PROBLEM,
    414: {**PROBLEM, "description": "The URL is longer than the gateway takes (8 KB)"},
    422: PROBLEM,
}
READ_ANSWERS: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The document as stored (its own media type, ETag, Last-Modified), or (without an id) "
        "the ids of the documents",
        "content": {
            "application/json": {"schema": {}},
            "application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
        },
    },
    400: PROBLEM,
    401: PROBLEM,
    403: PROBLEM,
    404: PROBLEM,
    414: WRITE_ANSWERS[414],
    422: PROBLEM,
}


def get_document_service(session: SessionDep, request: Request) -> DocumentService:
    province = request.app.state.settings.province_code
    return DocumentService(session=session, province_code=province)


DocumentServiceDep = Annotated[DocumentService, Depends(get_document_service)]


def _preconditions(
    if_match: Annotated[str | None, Header(alias="If-Match", max_length=1000)] = None,
    if_none_match: Annotated[str | None, Header(alias="If-None-Match", max_length=1000)] = None,
) -> Preconditions:
    return Preconditions(if_match=if_match, if_none_match=if_none_match)


PreconditionsDep = Annotated[Preconditions, Depends(_preconditions)]
ActivityParam = Annotated[
    str | None, Query(alias="activityId", max_length=URL_TEXT, description="Required: an activity IRI")
]
AgentParam = Annotated[
    str | None, Query(max_length=URL_TEXT, description="Required: an agent or identified group (JSON)")
]
RegistrationParam = Annotated[str | None, Query(max_length=36, description="A UUID")]
StateIdParam = Annotated[str | None, Query(alias="stateId", max_length=ID_TEXT)]
ProfileIdParam = Annotated[str | None, Query(alias="profileId", max_length=ID_TEXT)]
SinceParam = Annotated[
    str | None, Query(max_length=40, description="Only the ids of documents updated after (ISO 8601)")
]


def _required(name: str, value: str | None) -> str:
    if value is None or value == "":
        raise BadRequest(code="xapi.parameter_invalid", params={"parameter": name})
    return value


def _activity(value: str | None) -> str:
    activity = _required("activityId", value)
    if not IRI.match(activity):
        raise BadRequest(code="xapi.parameter_invalid", params={"parameter": "activityId"})
    return activity


def _agent(value: str | None) -> str:
    found = agent_parameter(_required("agent", value))
    assert found is not None
    if found.identifiers() != 1:
        raise BadRequest(code="xapi.parameter_invalid", params={"parameter": "agent"})
    return agent_key(found)


def _registration(value: str | None) -> str:
    if value is None:
        return ""
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise BadRequest(code="xapi.parameter_invalid", params={"parameter": "registration"}) from None


def state_place(
    request: Request,
    activity_id: ActivityParam = None,
    agent: AgentParam = None,
    registration: RegistrationParam = None,
) -> Place:
    plain_parameters(request)
    return Place(
        kind="state",
        activity_id=_activity(activity_id),
        agent_key=_agent(agent),
        registration=_registration(registration),
    )


def activity_profile_place(request: Request, activity_id: ActivityParam = None) -> Place:
    plain_parameters(request)
    return Place(kind="activity_profile", activity_id=_activity(activity_id))


def agent_profile_place(request: Request, agent: AgentParam = None) -> Place:
    plain_parameters(request)
    return Place(kind="agent_profile", agent_key=_agent(agent))


def state_id(state_id: StateIdParam = None) -> str | None:
    return state_id


def profile_id(profile_id: ProfileIdParam = None) -> str | None:
    return profile_id


def _headers(version: str) -> dict[str, str]:
    return {VERSION_HEADER: version}


def _http_date(moment: datetime) -> str:
    return format_datetime(moment.astimezone(UTC), usegmt=True)


async def _read(
    request: Request,
    actor: Any,
    version: str,
    service: DocumentService,
    place: Place,
    document_id: str | None,
    since: str | None,
) -> Response:
    if document_id is None:
        ids = await service.ids(actor, place, moment_parameter("since", since))
        return JSONResponse(ids, headers=_headers(version))
    document = await service.get(actor, place, document_id)
    return Response(
        document.content,
        media_type=document.content_type,
        headers={
            **_headers(version),
            "ETag": f'"{document.etag}"',
            "Last-Modified": _http_date(document.updated),
        },
    )


async def _write(
    request: Request,
    actor: Any,
    version: str,
    service: DocumentService,
    place: Place,
    document_id: str | None,
    preconditions: Preconditions,
    *,
    merge: bool,
) -> Response:
    name = "stateId" if place.kind == "state" else "profileId"
    wanted = _required(name, document_id)
    content = await request.body()
    content_type = request.headers.get("content-type", "application/octet-stream")
    if merge:
        await service.post(actor, place, wanted, content, content_type, preconditions)
    else:
        await service.put(
            actor, place, wanted, content, content_type, preconditions, version_2=version == "2.0.0"
        )
    return Response(status_code=204, headers=_headers(version))


@dataclass(frozen=True)
class Resource:
    path: str
    place: Callable[..., Place]
    document_id: Callable[..., str | None]
    what: str
    of: str
    delete_all: bool = False
    """DELETE without an id deletes every document of the place (the state resource only)."""


RESOURCES = (
    Resource(
        "/xapi/activities/state",
        state_place,
        state_id,
        "a state document (stateId)",
        "the stateIds of the activity, agent and registration",
        delete_all=True,
    ),
    Resource(
        "/xapi/activities/profile",
        activity_profile_place,
        profile_id,
        "an activity profile document (profileId)",
        "the profileIds of the activity",
    ),
    Resource(
        "/xapi/agents/profile",
        agent_profile_place,
        profile_id,
        "an agent profile document (profileId)",
        "the profileIds of the agent",
    ),
)


def _writer(resource: Resource, *, merge: bool) -> Callable[..., Awaitable[Response]]:
    """The PUT (replace) or POST (store or merge) endpoint of a document resource."""

    async def write(
        request: Request,
        actor: XapiWriter,
        version: VersionDep,
        service: DocumentServiceDep,
        preconditions: PreconditionsDep,
        place: Place = Depends(resource.place),
        document_id: str | None = Depends(resource.document_id),
    ) -> Response:
        return await _write(request, actor, version, service, place, document_id, preconditions, merge=merge)

    return write


def _mount(resource: Resource) -> None:
    """GET (one, or the ids), PUT (replace), POST (store or merge) and DELETE of one document resource."""

    @router.get(
        resource.path,
        tags=["xapi"],
        summary=f"Read {resource.what}, or (no id) {resource.of}",
        response_class=Response,
        responses=READ_ANSWERS,
    )
    async def read(
        request: Request,
        actor: XapiDocumentReader,
        version: VersionDep,
        service: DocumentServiceDep,
        place: Place = Depends(resource.place),
        document_id: str | None = Depends(resource.document_id),
        since: SinceParam = None,
    ) -> Response:
        return await _read(request, actor, version, service, place, document_id, since)

    for method, merging, summary in (
        ("PUT", False, f"Store {resource.what}, replacing it (If-Match, or If-None-Match: * for a new one)"),
        ("POST", True, f"Store {resource.what}, or merge a JSON object into the stored one"),
    ):
        router.add_api_route(
            resource.path,
            _writer(resource, merge=merging),
            methods=[method],
            name="merge" if merging else "replace",
            tags=["xapi"],
            status_code=204,
            summary=summary,
            response_class=Response,
            openapi_extra=DOCUMENT_BODY,
            responses=WRITE_ANSWERS,
        )

    @router.delete(
        resource.path,
        tags=["xapi"],
        status_code=204,
        summary=f"Delete {resource.what}"
        + (" or (no id) every one of the place" if resource.delete_all else ""),
        response_class=Response,
        responses=WRITE_ANSWERS,
    )
    async def remove(
        actor: XapiWriter,
        version: VersionDep,
        service: DocumentServiceDep,
        preconditions: PreconditionsDep,
        place: Place = Depends(resource.place),
        document_id: str | None = Depends(resource.document_id),
    ) -> Response:
        if not resource.delete_all:
            document_id = _required("profileId", document_id)
        await service.delete(actor, place, document_id, preconditions)
        return Response(status_code=204, headers=_headers(version))


for _resource in RESOURCES:
    _mount(_resource)
