"""Rules of the document resources (activity state, activity profile, agent profile): documents stored as sent
with their media type and ETag (the SHA-1 of the bytes); optimistic concurrency by `If-Match` /
`If-None-Match` (412 when the precondition fails; a PUT over an existing document without either header is a
conflict, 409, in 2.0.0 for every kind and in 1.0.3 for the profiles, where even a new profile's PUT needs
one, 400); POST merges two JSON objects (the
posted properties win) and refuses to merge anything else (400)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from literacy_api import access
from literacy_api.xapi_documents import repository
from literacy_api.xapi_documents.models import XapiDocument
from literacy_api.xapi_documents.schemas import Document, Place
from service_kit.access import Actor
from service_kit.errors import BadRequest, Conflict, NotFound, PreconditionFailed

JSON_TYPE = "application/json"
STATE = "state"


def media_type(content_type: str | None) -> str:
    return (content_type or "application/octet-stream").split(";")[0].strip().lower()


def etag_of(content: bytes) -> str:
    return hashlib.sha1(content).hexdigest()  # noqa: S324 - the ETag of xAPI documents is a SHA-1 (1.0.3)


def _tags(header: str) -> list[str]:
    """The entity tags of an If-Match / If-None-Match header, unquoted (weak tags compared as strong)."""
    tags = []
    for part in header.split(","):
        tag = part.strip()
        if tag.startswith("W/"):
            tag = tag[2:]
        tags.append(tag.strip('"'))
    return [t for t in tags if t]


@dataclass(frozen=True)
class Preconditions:
    if_match: str | None = None
    if_none_match: str | None = None

    def check(self, found: XapiDocument | None) -> None:
        if self.if_match is not None:
            tags = _tags(self.if_match)
            if found is None or ("*" not in tags and found.etag not in tags):
                raise PreconditionFailed(code="xapi.document_precondition")
        if self.if_none_match is not None and found is not None:
            tags = _tags(self.if_none_match)
            if "*" in tags or found.etag in tags:
                raise PreconditionFailed(code="xapi.document_precondition")

    @property
    def given(self) -> bool:
        return self.if_match is not None or self.if_none_match is not None


def _json_object(content: bytes) -> dict[str, Any] | None:
    try:
        value = json.loads(content)
    except (ValueError, RecursionError):
        return None
    return value if isinstance(value, dict) else None


@dataclass(kw_only=True)
class DocumentService:
    session: AsyncSession
    province_code: str

    async def get(self, actor: Actor, place: Place, document_id: str) -> Document:
        access.XAPI_STATEMENTS.ensure(actor, "read_documents", None)
        found = await repository.one(self.session, place, document_id)
        if found is None:
            raise NotFound(code="xapi.document_not_found")
        return Document(found.content, found.content_type, found.etag, found.updated)

    async def ids(self, actor: Actor, place: Place, since: datetime | None) -> list[str]:
        access.XAPI_STATEMENTS.ensure(actor, "read_documents", None)
        return await repository.ids(self.session, place, since)

    async def put(
        self,
        actor: Actor,
        place: Place,
        document_id: str,
        content: bytes,
        content_type: str,
        preconditions: Preconditions,
        *,
        version_2: bool,
    ) -> None:
        """Stores the document as sent (replacing the one there). Without a precondition header, replacing an
        existing document is a conflict where the version's concurrency rules cover the kind."""
        access.XAPI_STATEMENTS.ensure(actor, "write", None)
        _valid(content, content_type)
        found = await self._current(place, document_id, preconditions)
        guarded = version_2 or place.kind != STATE
        if guarded and not preconditions.given:
            if found is not None:
                raise Conflict(code="xapi.document_exists")
            if not version_2:  # 1.0.3: a profile is PUT with If-None-Match: * (or If-Match) even when new
                raise BadRequest(code="xapi.document_precondition_required")
        await self._store(place, document_id, found, content, content_type)

    async def post(
        self,
        actor: Actor,
        place: Place,
        document_id: str,
        content: bytes,
        content_type: str,
        preconditions: Preconditions,
    ) -> None:
        """Stores a new document as sent; merges into an existing one when both are JSON objects (the
        posted properties replace those of the same name); anything else over an existing document is 400."""
        access.XAPI_STATEMENTS.ensure(actor, "write", None)
        posted = _json_object(content) if media_type(content_type) == JSON_TYPE else None
        if media_type(content_type) == JSON_TYPE and posted is None:
            raise BadRequest(code="xapi.document_not_json_object")
        found = await self._current(place, document_id, preconditions)
        if found is not None:
            existing = _json_object(found.content) if media_type(found.content_type) == JSON_TYPE else None
            if existing is None or posted is None:
                raise BadRequest(code="xapi.document_not_mergeable")
            content = json.dumps({**existing, **posted}, ensure_ascii=False).encode()
            content_type = JSON_TYPE
        await self._store(place, document_id, found, content, content_type)

    async def delete(
        self, actor: Actor, place: Place, document_id: str | None, preconditions: Preconditions
    ) -> None:
        """Deletes one document (none there is no error, unless a precondition says otherwise), or every
        document of a state's context when no id is given."""
        access.XAPI_STATEMENTS.ensure(actor, "write", None)
        if document_id is None:
            await repository.lock(self.session, place, "")
            await repository.remove_all(self.session, place)
            return
        found = await self._current(place, document_id, preconditions)
        if found is not None:
            await repository.remove(self.session, found)

    async def _current(
        self, place: Place, document_id: str, preconditions: Preconditions
    ) -> XapiDocument | None:
        """The document there now, the writers of it kept waiting, if the preconditions hold (412 if not)."""
        await repository.lock(self.session, place, document_id)
        found = await repository.one(self.session, place, document_id, for_update=True)
        preconditions.check(found)
        return found

    async def _store(
        self,
        place: Place,
        document_id: str,
        found: XapiDocument | None,
        content: bytes,
        content_type: str,
    ) -> None:
        now = datetime.now(UTC)
        if found is None:
            await repository.add(
                self.session,
                XapiDocument(
                    province_code=self.province_code,
                    kind=place.kind,
                    activity_id=place.activity_id,
                    agent_key=place.agent_key,
                    registration=place.registration,
                    document_id=document_id,
                    content=content,
                    content_type=content_type[:200],
                    etag=etag_of(content),
                    updated=now,
                ),
            )
            return
        found.content = content
        found.content_type = content_type[:200]
        found.etag = etag_of(content)
        found.updated = max(now, found.updated)
        await repository.flush(self.session)


def _valid(content: bytes, content_type: str) -> None:
    """A document said to be JSON must be JSON."""
    if media_type(content_type) != JSON_TYPE:
        return
    try:
        json.loads(content)
    except (ValueError, RecursionError):
        raise BadRequest(code="xapi.json_invalid") from None
