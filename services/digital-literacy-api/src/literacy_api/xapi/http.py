"""What every resource of the learning record store reads the same way: the xAPI version asked for, JSON as xAPI
takes it (finite numbers, storable text), query values PostgreSQL can compare, an agent given as JSON in a query
parameter."""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import Depends, Header, Request

from literacy_api.xapi.schemas import VERSIONS_1, VERSIONS_2, Agent, Group, _timestamp
from service_kit.errors import BadRequest

VERSION_HEADER = "X-Experience-API-Version"


def xapi_version(
    version: Annotated[
        str | None,
        Header(
            alias=VERSION_HEADER, description="Required: 2.0.0 or 1.0.3 (1.0.x); answered with the one used"
        ),
    ] = None,
) -> str:
    if version is None:
        raise BadRequest(code="xapi.version_required")
    if VERSIONS_2.match(version):
        return "2.0.0"
    if VERSIONS_1.match(version):
        return "1.0.3"
    raise BadRequest(code="xapi.version_unsupported", params={"version": version[:20]})


VersionDep = Annotated[str, Depends(xapi_version)]


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError("a number out of range")
    return value


def _no_constant(text: str) -> Any:
    raise ValueError(f"{text} is not JSON")


def storable(value: Any, depth: int = 0) -> None:
    """What PostgreSQL's JSONB can keep: no NUL character, no lone surrogate, a bounded depth."""
    if depth > 64:
        raise ValueError("nested too deep")
    if isinstance(value, str):
        if "\x00" in value:
            raise ValueError("a NUL character")
        value.encode("utf-8")  # a lone surrogate raises UnicodeEncodeError (a ValueError)
    elif isinstance(value, dict):
        for key, item in value.items():
            storable(key, depth + 1)
            storable(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            storable(item, depth + 1)


def parse_json(text: str | bytes) -> Any:
    """JSON as xAPI takes it: finite numbers only, and only what can be stored."""
    value = json.loads(text, parse_float=_finite, parse_constant=_no_constant)
    storable(value)
    return value


async def json_body(request: Request) -> Any:
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/json":
        raise BadRequest(code="xapi.content_type", params={"content_type": content_type[:60]})
    try:
        return parse_json(await request.body())
    except (ValueError, RecursionError):
        raise BadRequest(code="xapi.json_invalid") from None


def plain_parameters(request: Request) -> None:
    """Query values PostgreSQL can compare: no NUL character, no lone surrogate."""
    for name, value in request.query_params.multi_items():
        try:
            storable(value)
        except ValueError:
            raise BadRequest(code="xapi.parameter_invalid", params={"parameter": name[:40]}) from None


def agent_parameter(value: str | None) -> Agent | Group | None:
    if value is None:
        return None
    try:
        raw = parse_json(value)
        if isinstance(raw, dict) and raw.get("objectType") == "Group":
            return Group.model_validate(raw)
        return Agent.model_validate(raw)
    except (ValueError, RecursionError):
        raise BadRequest(code="xapi.parameter_invalid", params={"parameter": "agent"}) from None


def moment_parameter(name: str, value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        _timestamp(value)
    except ValueError:
        raise BadRequest(code="xapi.parameter_invalid", params={"parameter": name}) from None
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
