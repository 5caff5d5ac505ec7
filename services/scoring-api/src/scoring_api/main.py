"""The scoring-api application: `uvicorn scoring_api.main:create_app --factory`."""

import contextlib
from collections.abc import AsyncIterator

from fastapi import FastAPI

from scoring_api import messages  # noqa: F401 - registers the service's problem codes
from scoring_api.clients.campaign import CampaignClient
from scoring_api.clients.literacy import LiteracyClient
from scoring_api.config import ScoringSettings
from scoring_api.criteria.router import router as criteria_router
from scoring_api.database import SCHEMA
from scoring_api.indices.router import router as indices_router
from scoring_api.rounds.router import router as rounds_router
from scoring_api.scorecards.router import router as scorecards_router
from scoring_api.tasks.router import router as tasks_router
from service_kit.app import create_service_app
from service_kit.http_client import service_client


def create_app(settings: ScoringSettings | None = None) -> FastAPI:
    settings = settings or ScoringSettings()

    @contextlib.asynccontextmanager
    async def resources(app: FastAPI) -> AsyncIterator[None]:
        async with contextlib.AsyncExitStack() as stack:
            campaign = await service_client(
                CampaignClient, settings, settings.campaign_api_url, scope="campaign:read", stack=stack
            )
            app.state.campaign_client = campaign
            app.state.scope_source = campaign  # managers' unit scopes come from its directory
            # Only units' training rates (`GET /v1/stats/units`): never the learner register.
            app.state.literacy_client = await service_client(
                LiteracyClient, settings, settings.literacy_api_url, scope="literacy:units", stack=stack
            )
            yield

    return create_service_app(
        settings,
        schema=SCHEMA,
        title="Thi Đua Số — scoring-api (Chấm điểm thi đua)",
        description=(
            "Criteria sets for collectives and individuals, scorecards with self-assessment → review → council "
            "approval, automatic criteria, rankings inside emulation clusters and commendation proposals."
        ),
        routers=[criteria_router, rounds_router, scorecards_router, tasks_router, indices_router],
        resources=resources,
    )
