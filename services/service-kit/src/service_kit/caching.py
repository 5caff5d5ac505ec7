"""ETags on single resources: `If-None-Match` → 304, a stale `If-Match` on a change → 412."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Request, Response
from fastapi.encoders import jsonable_encoder

from service_kit.errors import PreconditionFailed

T = TypeVar("T")


def etag_of(representation: Any) -> str:
    """A strong ETag computed from what the client receives."""
    body = json.dumps(jsonable_encoder(representation), sort_keys=True, separators=(",", ":"))
    return '"' + hashlib.sha256(body.encode()).hexdigest()[:32] + '"'


def _matches(header: str | None, etag: str) -> bool:
    if header is None:
        return False
    candidates = {tag.strip().removeprefix("W/") for tag in header.split(",")}
    return "*" in candidates or etag in candidates


def if_none_match(request: Request, etag: str) -> bool:
    """True when the client's `If-None-Match` already names `etag` (answer 304)."""
    return _matches(request.headers.get("if-none-match"), etag)


def not_modified(request: Request, response: Response, representation: Any) -> bool:
    """Set the ETag; True when the client's `If-None-Match` already has it (answer 304)."""
    etag = etag_of(representation)
    response.headers["ETag"] = etag
    return _matches(request.headers.get("if-none-match"), etag)


def conditional(request: Request, response: Response, representation: T) -> T | Response:
    """What a GET of a single resource answers: the representation with its ETag, or 304."""
    if not_modified(request, response, representation):
        kept = {name: response.headers[name] for name in ("ETag", "Vary") if name in response.headers}
        return Response(status_code=304, headers=kept)
    return representation


def check_if_match(request: Request, current: Any) -> None:
    """Refuse a change made against an outdated copy (when the client sent `If-Match`)."""
    header = request.headers.get("if-match")
    if header is not None and not _matches(header, etag_of(current)):
        raise PreconditionFailed(
            "The resource changed since you read it; read it again and retry.", code="resource.changed"
        )


@dataclass
class Versions:
    """A single resource's ETag within one request: a GET answers 304 to a fresh copy; a change made
    against an outdated copy (`If-Match`) is refused with 412 before anything changes; the answer to a
    change carries the new ETag. Representations that depend on the caller (`allowed_actions`) say so
    with `Vary: Authorization`."""

    request: Request
    response: Response

    def answer(self, representation: T) -> T | Response:
        self.response.headers["Vary"] = "Authorization"
        return conditional(self.request, self.response, representation)

    def expect(self, current: object) -> None:
        check_if_match(self.request, current)

    def tag(self, representation: T) -> T:
        self.response.headers["Vary"] = "Authorization"
        not_modified(self.request, self.response, representation)
        return representation


async def get_versions(request: Request, response: Response) -> Versions:
    return Versions(request, response)


VersionsDep = Annotated[Versions, Depends(get_versions)]
