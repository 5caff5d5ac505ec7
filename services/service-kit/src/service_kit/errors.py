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
from starlette.routing import Match

from service_kit import i18n

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
        code: str | None = None,
        params: Mapping[str, Any] | None = None,
        errors: Sequence[Mapping[str, str]] | None = None,
        headers: Mapping[str, str] | None = None,
        **extensions: Any,
    ) -> None:
        """`code` names the problem for machines and picks its text in the caller's language
        (`service_kit.i18n`); `params` fill that text; `detail` is the text when the code has none."""
        super().__init__(detail or self.title)
        self.detail = detail
        self.code = code
        self.params = dict(params or {})
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


def field_error(
    field: str, message: str | None = None, *, code: str | None = None, **params: Any
) -> ValidationFailed:
    """A 422 about one field of the request, in the `errors` list as validation errors are; with a
    registered `code`, the text is in the caller's language (filled with `params`)."""
    text = (i18n.message(code, params) if code else None) or message or ""
    return ValidationFailed(text, code=code, params=params, errors=[{"field": field, "message": text}])


def unknown_reference(field: str, *, code: str, **params: Any) -> Conflict:
    """A well-formed request names something that does not exist, or that the caller may not see (a unit,
    a course, a learner, a target of the campaign): 409 with the field in `errors`, as a 422 would name it,
    so that forms show it by the field. Not 404, which says the resource of the path is missing (and the
    path's resource — the movement enrolling units, the learner being changed — is there); not 422, which
    says the request breaks its schema."""
    text = (i18n.message(code, params) if code else None) or code
    return Conflict(text, code=code, params=params, errors=[{"field": field, "message": text}])


def conflicting_field(field: str, *, code: str, **params: Any) -> Conflict:
    """A well-formed value that contradicts what is stored (a phase outside its campaign's dates, a
    commune of another province): 409 with the field in `errors`."""
    text = (i18n.message(code, params) if code else None) or code
    return Conflict(text, code=code, params=params, errors=[{"field": field, "message": text}])


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
    code: str | None = None,
    params: Mapping[str, Any] | None = None,
) -> JSONResponse:
    """A problem+json response in the request's language, always with a machine `code`: the text
    registered for `code` wins over `detail`, which is the fallback for codes without one."""
    extensions = dict(extensions or {})
    explicit = code or extensions.pop("code", None)
    code = explicit or i18n.DEFAULT_CODES.get(status, f"http.{status}")
    language = i18n.current_language()
    body: dict[str, Any] = {
        "type": type_,
        "title": i18n.title(status) or title or HTTPStatus(status).phrase,
        "status": status,
    }
    # A raise that words its own detail without naming a code keeps its words (the status's code
    # still goes out for machines); a named code speaks the caller's language.
    localized = i18n.message(code, {**extensions, **(params or {})}) if explicit or not detail else None
    if localized or detail:
        body["detail"] = localized or detail
    body["code"] = code
    if instance:
        body["instance"] = instance
    if errors is not None:
        body["errors"] = list(errors)
    if extensions:
        body.update({k: v for k, v in extensions.items() if k not in body})
    all_headers = {"Content-Language": language, **dict(headers or {})}
    return JSONResponse(body, status_code=status, headers=all_headers, media_type=PROBLEM_MEDIA_TYPE)


def _field_name(location: Sequence[int | str]) -> str:
    """`("body", "contents", 0, "title")` → `contents.0.title`; query/path/header keep their origin."""
    parts = [str(part) for part in location]
    if parts and parts[0] == "body":
        parts = parts[1:]
    return ".".join(parts) or "body"


def validation_errors(exc: RequestValidationError) -> list[dict[str, str]]:
    return [
        {"field": _field_name(err.get("loc", ())), "message": i18n.validation_message(err)}
        for err in exc.errors()
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
        code=exc.code,
        params=exc.params,
    )


async def _on_problem(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ProblemError)
    return render_problem(request, exc)


_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")


def _allowed_methods(request: Request) -> list[str]:
    """Every method some route takes at this path (Starlette names only the first route's)."""
    return [
        method
        for method in _METHODS
        if any(
            route.matches({**request.scope, "method": method})[0] is Match.FULL
            for route in request.app.router.routes
        )
    ]


async def _on_http_exception(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    phrase = HTTPStatus(exc.status_code).phrase
    detail = exc.detail if isinstance(exc.detail, str) and exc.detail != phrase else None
    # Starlette's own 404/405 (no route, wrong method) and the body limit say it with the kit's codes.
    code = {404: "route.not_found", 405: "request.method_not_allowed", 413: "request.too_large"}.get(
        exc.status_code
    )
    headers = dict(getattr(exc, "headers", None) or {})
    if exc.status_code == 405:
        headers["Allow"] = ", ".join(_allowed_methods(request))
    return problem_response(
        exc.status_code,
        detail=detail,
        instance=request.url.path,
        headers=headers,
        code=code if detail is None or exc.status_code == 413 else None,
        params={"path": request.url.path, "limit_bytes": getattr(exc, "limit", "")},
    )


async def _on_validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return problem_response(
        422,
        title=ValidationFailed.title,
        type_=f"{PROBLEM_TYPE_BASE}{ValidationFailed.slug}",
        instance=request.url.path,
        errors=validation_errors(exc),
        code="request.invalid",
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
        type_=f"{PROBLEM_TYPE_BASE}{DependencyUnavailable.slug}",
        instance=request.url.path,
        headers={"Retry-After": "5"},
        code="database.unavailable",
    )


def install_problem_handlers(app: FastAPI) -> None:
    """Every error leaves the service as problem+json; unexpected ones are rendered by the middleware."""
    for unreachable in (sa_exc.DBAPIError, sa_exc.DisconnectionError, sa_exc.TimeoutError, OSError):
        app.add_exception_handler(unreachable, _on_database_error)
    app.add_exception_handler(ProblemError, _on_problem)
    app.add_exception_handler(StarletteHTTPException, _on_http_exception)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
