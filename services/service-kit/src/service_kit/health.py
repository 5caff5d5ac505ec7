"""Liveness (`/healthz`: the process answers) and readiness (`/readyz`: the database answers)."""

from __future__ import annotations

import asyncio
import logging

from fastapi import APIRouter, Response
from pydantic import BaseModel

from service_kit.db import DatabaseDep
from service_kit.errors import DependencyUnavailable

logger = logging.getLogger("service_kit.health")

READINESS_TIMEOUT_SECONDS = 2.0

router = APIRouter(tags=["health"])


class HealthStatus(BaseModel):
    status: str


_OK = HealthStatus(status="ok").model_dump_json().encode()


@router.get("/healthz", summary="The process is up", response_model=HealthStatus)
async def healthz() -> Response:
    # Probed every few seconds by the orchestrator: the answer is encoded once.
    return Response(_OK, media_type="application/json")


@router.get(
    "/readyz",
    summary="The service can reach its database",
    responses={503: {"description": "The database does not answer"}},
)
async def readyz(database: DatabaseDep) -> HealthStatus:
    try:
        await asyncio.wait_for(database.ping(), timeout=READINESS_TIMEOUT_SECONDS)
    except Exception as exc:
        logger.warning("readiness check failed: %s", type(exc).__name__)
        raise DependencyUnavailable("The database does not answer.", code="database.unavailable") from exc
    return HealthStatus(status="ok")
