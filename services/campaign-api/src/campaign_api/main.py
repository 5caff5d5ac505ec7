"""The campaign-api application: `uvicorn campaign_api.main:create_app --factory`."""

import contextlib
from collections.abc import AsyncIterator
from typing import Any

from fastapi import FastAPI

from campaign_api import messages  # noqa: F401 - registers the service's problem texts
from campaign_api.campaigns.router import router as campaigns_router
from campaign_api.clients.literacy import LiteracyClient
from campaign_api.clients.scoring import ScoringClient
from campaign_api.config import CampaignSettings
from campaign_api.contests.router import router as contests_router
from campaign_api.database import SCHEMA
from campaign_api.files.router import router as files_router
from campaign_api.identity.keys import ServiceToken, SigningKeys
from campaign_api.identity.router import router as identity_router
from campaign_api.identity.schemas import Scope
from campaign_api.identity.service import REVOCATION_LEEWAY_SECONDS, IdentityService
from campaign_api.identity.versions import AccountVersions
from campaign_api.judging.router import router as judging_router
from campaign_api.localities.router import router as localities_router
from campaign_api.participation.router import router as participation_router
from campaign_api.recognition.router import router as recognition_router
from campaign_api.tasks.router import router as tasks_router
from campaign_api.units.router import router as units_router
from service_kit.app import create_service_app
from service_kit.db import Database
from service_kit.settings import TrustedIssuer


def create_app(settings: CampaignSettings | None = None) -> FastAPI:
    settings = settings or CampaignSettings()

    @contextlib.asynccontextmanager
    async def resources(app: FastAPI) -> AsyncIterator[None]:
        keys = SigningKeys.from_settings(settings)
        app.state.signing_keys = keys
        # Our own tokens are verified with the key in memory, never through our own JWKS over HTTP.
        app.state.token_verifier.trust(
            TrustedIssuer(
                issuer=settings.jwt_issuer, jwks_url=settings.jwks_url, audience=settings.jwt_audience
            ),
            keys,
        )
        database: Database = app.state.database
        # Deactivations and role changes take effect at once: our own tokens' versions are checked
        # against our own accounts (the other services poll GET /v1/auth/revocations for the same).
        versions = AccountVersions(
            database,
            window_seconds=settings.access_token_ttl_seconds + REVOCATION_LEEWAY_SECONDS,
            refresh_seconds=settings.revocations_refresh_seconds,
        )
        app.state.account_versions = versions
        app.state.token_verifier.use_revocations(versions)
        literacy = LiteracyClient(
            settings.literacy_api_url,
            timeout=settings.http_timeout_seconds,
            retries=settings.http_retries,
            token=ServiceToken(keys, settings, scope="literacy:match"),
        )
        app.state.literacy_client = literacy
        scoring = ScoringClient(
            settings.scoring_api_url,
            timeout=settings.http_timeout_seconds,
            retries=settings.http_retries,
            token=ServiceToken(keys, settings, scope="scoring:read"),
        )
        app.state.scoring_client = scoring
        # The tasks inbox asks scoring-api with the caller's own token: a client without one of its own.
        scoring_tasks = ScoringClient(
            settings.scoring_api_url, timeout=settings.http_timeout_seconds, retries=settings.http_retries
        )
        app.state.scoring_tasks_client = scoring_tasks
        async with database.sessionmaker() as session, session.begin():
            await IdentityService(session=session, settings=settings, keys=keys).bootstrap()
        try:
            yield
        finally:
            await literacy.aclose()
            await scoring.aclose()
            await scoring_tasks.aclose()

    app = create_service_app(
        settings,
        schema=SCHEMA,
        title="Thi Đua Số — campaign-api (Phong trào thi đua)",
        description=(
            "Movements (campaigns), their phases, targets, participants, plans, reports, initiatives and "
            "commendations; the directory of units and localities; the built-in token issuer."
        ),
        routers=[
            identity_router,
            localities_router,
            units_router,
            campaigns_router,
            participation_router,
            recognition_router,
            contests_router,
            judging_router,
            files_router,
            tasks_router,
        ],
        uploads=[("POST /v1/files", settings.file_max_bytes + 64 * 1024)],
        resources=resources,
    )
    _declare_token_endpoint(app)
    return app


TOKEN_URL = "/api/campaign/v1/auth/token"  # noqa: S105 - an address, not a secret
"""The token endpoint as callers reach it, through the gateway."""


def _declare_token_endpoint(app: FastAPI) -> None:
    """The OpenAPI says that this service is the platform's OAuth2 issuer: its token endpoint takes the
    password, client-credentials and refresh-token grants (and answers OAuth2's 400 and 401 when the
    credentials are not good, whatever their shape)."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        document = build()
        schemes = document.setdefault("components", {}).setdefault("securitySchemes", {})
        schemes.setdefault(
            "OAuth2",
            {
                "type": "oauth2",
                "description": "Tokens of this issuer (RS256, verified by every service)",
                "flows": {
                    "password": {"tokenUrl": TOKEN_URL, "refreshUrl": TOKEN_URL, "scopes": {}},
                    "clientCredentials": {
                        "tokenUrl": TOKEN_URL,
                        "scopes": {scope.value: scope.value for scope in Scope},
                    },
                },
            },
        )
        return document

    app.openapi = openapi  # type: ignore[method-assign]
