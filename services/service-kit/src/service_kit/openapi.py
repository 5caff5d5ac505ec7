"""The OpenAPI document tells the truth about errors: every operation declares the problems the kit
itself can answer for it (401/403 where a token is needed, 404 where the path names something, 400,
413 and 422 where a request carries input, 409/412 on changes, 414 from the gateway, 429, 503), all as
`application/problem+json` with the `Problem` schema; FastAPI's default 422 (`application/json`,
`HTTPValidationError`) is replaced. What a service's own rule can answer it declares on the route."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from service_kit.errors import PROBLEM_MEDIA_TYPE

PROBLEM_SCHEMA: dict[str, Any] = {
    "title": "Problem",
    "description": "RFC 9457 problem details, in the caller's language, with a stable machine `code`.",
    "type": "object",
    "required": ["type", "title", "status", "code"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer", "minimum": 100, "maximum": 599},
        "detail": {"type": "string"},
        "instance": {"type": "string"},
        "code": {"type": "string", "description": "e.g. `scorecard.wrong_state`, `unit.out_of_scope`"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["field", "message"],
                "properties": {"field": {"type": "string"}, "message": {"type": "string"}},
            },
        },
    },
    "additionalProperties": True,
}

DESCRIPTIONS = {
    "400": "Bad request (a malformed header, cursor or body)",
    "401": "No token, or a token that is not valid",
    "403": "The caller may not do this",
    "404": "Not found (or not visible to the caller)",
    "409": "Conflict with the stored state",
    "412": "`If-Match` names an outdated version",
    "413": "The body is larger than this route takes",
    "414": "The address (path and query) is longer than the gateway takes",
    "422": "The input breaks a rule (see `errors`)",
    "429": "Too many requests",
    "503": "A dependency (the database, another service) cannot answer just now",
}
CHANGES = {"post", "put", "patch", "delete"}


def _problem(status: str) -> dict[str, Any]:
    return {
        "description": DESCRIPTIONS.get(status, "A problem"),
        "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
    }


def declare_problems(document: dict[str, Any]) -> dict[str, Any]:
    """Add the kit's problem responses to every operation of `document` (in place; returned)."""
    components = document.setdefault("components", {}).setdefault("schemas", {})
    components["Problem"] = PROBLEM_SCHEMA
    components.pop("HTTPValidationError", None)
    components.pop("ValidationError", None)
    for path, item in document.get("paths", {}).items():
        for method, operation in item.items():
            if method not in {"get", "head", "post", "put", "patch", "delete", "options"}:
                continue
            responses: dict[str, Any] = operation.setdefault("responses", {})
            # 414: the gateway answers it for any address past its header buffers (a long query).
            needed = {"400", "414", "422", "503"}
            if operation.get("security"):
                needed |= {"401", "403"}
            if "{" in path:
                needed.add("404")
            if method in CHANGES:
                needed |= {"409", "413"}
            if method in {"put", "patch"}:
                needed.add("412")
            if path.endswith("/auth/token"):
                needed.add("429")
            for status in sorted(needed):
                existing = responses.get(status)
                if existing is None or PROBLEM_MEDIA_TYPE not in existing.get("content", {}):
                    responses[status] = _problem(status) | (
                        {"description": existing["description"]}
                        if existing and "description" in existing
                        else {}
                    )
                else:
                    existing["content"][PROBLEM_MEDIA_TYPE].setdefault(
                        "schema", {"$ref": "#/components/schemas/Problem"}
                    )
    return document


def install_truthful_openapi(app: FastAPI) -> None:
    """Make `app.openapi()` return the document with the problems declared (built once, cached)."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = get_openapi(
                title=app.title,
                version=app.version,
                openapi_version=app.openapi_version,
                description=app.description,
                routes=app.routes,
                tags=app.openapi_tags,
                servers=app.servers,
            )
            app.openapi_schema = declare_problems(document)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
