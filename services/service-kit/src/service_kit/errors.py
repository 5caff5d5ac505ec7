"""RFC 9457 problem+json errors: exception classes carrying status and title, and one renderer."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from http import HTTPStatus
from typing import Any, ClassVar

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy import exc as sa_exc
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_TYPE_BASE = "urn:thidua-so:problem:"
PROBLEM: dict[str, Any] = {"content": {PROBLEM_MEDIA_TYPE: {}}, "description": "An RFC 9457 problem"}
"""For routes' `responses=` in OpenAPI: an error answered as problem+json."""

logger = logging.getLogger("service_kit.errors")


class ProblemError(Exception):
    """Base of the errors a handler raises on purpose; rendered as problem+json with `status`."""

    status: ClassVar[int] = 500
    title: ClassVar[str] = "Internal Server Error"
    slug: ClassVar[str | None] = None

    def __init__(
        self,
        detail: str | None = None,
        *,
        errors: Sequence[Mapping[str, str]] | None = None,
        headers: Mapping[str, str] | None = None,
        **extensions: Any,
    ) -> None:
        super().__init__(detail or self.title)
        self.detail = detail
        self.errors = list(errors) if errors is not None else None
        self.headers = dict(headers or {})
        self.extensions = extensions


class BadRequest(ProblemError):
    status, title, slug = 400, "Bad Request", "bad-request"


class Unauthorized(ProblemError):
    status, title, slug = 401, "Unauthorized", "unauthorized"

    def __init__(self, detail: str | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("headers", {"WWW-Authenticate": 'Bearer error="invalid_token"'})
        super().__init__(detail, **kwargs)


class Forbidden(ProblemError):
    status, title, slug = 403, "Forbidden", "forbidden"


class NotFound(ProblemError):
    status, title, slug = 404, "Not Found", "not-found"


class Conflict(ProblemError):
    status, title, slug = 409, "Conflict", "conflict"


class InvalidState(ProblemError):
    """The resource exists but is not in a state that allows this action (e.g. a wrong transition)."""

    status, title, slug = 409, "Invalid State", "invalid-state"


class PreconditionFailed(ProblemError):
    status, title, slug = 412, "Precondition Failed", "precondition-failed"


class PayloadTooLarge(ProblemError):
    status, title, slug = 413, "Payload Too Large", "payload-too-large"


class ValidationFailed(ProblemError):
    status, title, slug = 422, "Validation Failed", "validation-error"


def field_error(field: str, message: str, **extensions: Any) -> ValidationFailed:
    """A 422 about one field of the request, in the `errors` list as validation errors are."""
    return ValidationFailed(message, errors=[{"field": field, "message": message}], **extensions)


class TooManyRequests(ProblemError):
    status, title, slug = 429, "Too Many Requests", "too-many-requests"


class DependencyUnavailable(ProblemError):
    """Another service (or the database) could not answer; callers degrade instead of failing."""

    status, title, slug = 503, "Service Unavailable", "dependency-unavailable"


def problem_response(
    status: int,
    *,
    title: str | None = None,
    detail: str | None = None,
    type_: str = "about:blank",
    instance: str | None = None,
    errors: Sequence[Mapping[str, str]] | None = None,
    headers: Mapping[str, str] | None = None,
    extensions: Mapping[str, Any] | None = None,
) -> JSONResponse:
    body: dict[str, Any] = {
        "type": type_,
        "title": title or HTTPStatus(status).phrase,
        "status": status,
    }
    if detail:
        body["detail"] = detail
    if instance:
        body["instance"] = instance
    if errors is not None:
        body["errors"] = list(errors)
    if extensions:
        body.update({k: v for k, v in extensions.items() if k not in body})
    return JSONResponse(body, status_code=status, headers=dict(headers or {}), media_type=PROBLEM_MEDIA_TYPE)


def _field_name(location: Sequence[int | str]) -> str:
    """`("body", "contents", 0, "title")` → `contents.0.title`; query/path/header keep their origin."""
    parts = [str(part) for part in location]
    if parts and parts[0] == "body":
        parts = parts[1:]
    return ".".join(parts) or "body"


def validation_errors(exc: RequestValidationError) -> list[dict[str, str]]:
    return [
        {"field": _field_name(err.get("loc", ())), "message": str(err.get("msg", ""))} for err in exc.errors()
    ]


def render_problem(request: Request, exc: ProblemError) -> JSONResponse:
    """The response for `exc`; a handler may return it instead of raising to keep its transaction."""
    return problem_response(
        exc.status,
        title=exc.title,
        detail=exc.detail,
        type_=f"{PROBLEM_TYPE_BASE}{exc.slug}" if exc.slug else "about:blank",
        instance=request.url.path,
        errors=exc.errors,
        headers=exc.headers,
        extensions=exc.extensions,
    )


async def _on_problem(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ProblemError)
    return render_problem(request, exc)


async def _on_http_exception(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    phrase = HTTPStatus(exc.status_code).phrase
    detail = exc.detail if isinstance(exc.detail, str) and exc.detail != phrase else None
    if exc.status_code == 404 and detail is None:
        detail = f"No resource at {request.url.path}"
    return problem_response(
        exc.status_code, detail=detail, instance=request.url.path, headers=getattr(exc, "headers", None)
    )


async def _on_validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return problem_response(
        422,
        title=ValidationFailed.title,
        detail="The request is not valid; see `errors`.",
        type_=f"{PROBLEM_TYPE_BASE}{ValidationFailed.slug}",
        instance=request.url.path,
        errors=validation_errors(exc),
    )


_DRIVER_MODULES = ("asyncpg", "sqlalchemy.pool", "sqlalchemy.dialects.postgresql.asyncpg")


def database_unreachable(exc: BaseException) -> bool:
    """Whether `exc` says the database cannot be reached (down, restarting, pool exhausted, connection
    lost), as opposed to a statement it refused (a bug, a constraint): the first is a 503."""
    if isinstance(exc, sa_exc.TimeoutError | sa_exc.DisconnectionError):
        return True
    if isinstance(exc, sa_exc.DBAPIError):
        return exc.connection_invalidated or isinstance(exc, sa_exc.OperationalError | sa_exc.InterfaceError)
    if isinstance(exc, OSError | TimeoutError):
        # Connecting raises plain OSErrors (refused, no socket file): count those raised by the driver.
        frame = exc.__traceback__
        while frame is not None:
            if frame.tb_frame.f_globals.get("__name__", "").startswith(_DRIVER_MODULES):
                return True
            frame = frame.tb_next
    return False


async def _on_database_error(request: Request, exc: Exception) -> JSONResponse:
    if not database_unreachable(exc):
        raise exc
    logger.warning("database unavailable: %s", type(exc).__name__)
    return problem_response(
        503,
        title=DependencyUnavailable.title,
        detail="The database cannot be reached just now; try again shortly.",
        type_=f"{PROBLEM_TYPE_BASE}{DependencyUnavailable.slug}",
        instance=request.url.path,
        headers={"Retry-After": "5"},
        extensions={"code": "database.unavailable"},
    )


def install_problem_handlers(app: FastAPI) -> None:
    """Every error leaves the service as problem+json; unexpected ones are rendered by the middleware."""
    for unreachable in (sa_exc.DBAPIError, sa_exc.DisconnectionError, sa_exc.TimeoutError, OSError):
        app.add_exception_handler(unreachable, _on_database_error)
    app.add_exception_handler(ProblemError, _on_problem)
    app.add_exception_handler(StarletteHTTPException, _on_http_exception)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
