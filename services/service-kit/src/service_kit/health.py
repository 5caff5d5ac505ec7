"""Liveness (`/healthz`: the process answers) and readiness (`/readyz`: the database answers)."""

from __future__ import annotations

import asyncio
import logging

from fastapi import APIRouter
from pydantic import BaseModel

from service_kit.db import DatabaseDep
from service_kit.errors import DependencyUnavailable

logger = logging.getLogger("service_kit.health")

READINESS_TIMEOUT_SECONDS = 2.0

router = APIRouter(tags=["health"])


class HealthStatus(BaseModel):
    status: str


@router.get("/healthz", summary="The process is up")
async def healthz() -> HealthStatus:
    return HealthStatus(status="ok")


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
