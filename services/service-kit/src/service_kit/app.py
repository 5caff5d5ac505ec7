"""The app factory every service uses: lifespan resources, middleware, problem handlers, health, docs."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable, Sequence
from importlib.resources import files
from urllib.parse import urlsplit

import httpx
from fastapi import APIRouter, FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from service_kit import health
from service_kit.auth import TokenVerifier
from service_kit.db import Database
from service_kit.errors import install_problem_handlers
from service_kit.http_client import ServiceClient, service_client
from service_kit.idempotency import IdempotencyMiddleware
from service_kit.limits import BodyLimitMiddleware
from service_kit.observability import RequestContextMiddleware, configure_logging
from service_kit.openapi import install_truthful_openapi
from service_kit.revocation import PolledRevocations, Revocations
from service_kit.settings import Environment, ServiceSettings

Resources = Callable[[FastAPI], contextlib.AbstractAsyncContextManager[None]]
"""A service's own lifespan resources (typed clients, ...), entered after the kit's and left before."""

DOCS_ASSETS = "/docs-assets"


def create_service_app(
    settings: ServiceSettings,
    *,
    schema: str,
    title: str,
    description: str,
    version: str = "0.1.0",
    routers: Sequence[APIRouter] = (),
    resources: Resources | None = None,
    openapi_tags: Sequence[dict[str, str]] = (),
    uploads: Sequence[tuple[str, int]] = (),
) -> FastAPI:
    """The service's app. `uploads` names the routes that take large bodies (`("POST /v1/imports",
    limit)`); every other body is held to `settings.max_body_bytes` before it is read."""

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if settings.environment is not Environment.TEST:
            configure_logging(settings.log_level)
        database = Database(
            settings.database_url.get_secret_value(),
            read_url=settings.database_read_url.get_secret_value() or None,
            pool_size=settings.db_pool_size,
            max_overflow=settings.db_max_overflow,
            pool_recycle_seconds=settings.db_pool_recycle_seconds,
            statement_timeout_ms=settings.db_statement_timeout_ms,
            application_name=settings.service_name,
            transaction_pooler=settings.db_transaction_pooler,
        )
        jwks_http = httpx.AsyncClient(timeout=settings.http_timeout_seconds)
        app.state.settings = settings
        app.state.database = database
        app.state.token_verifier = TokenVerifier(
            settings.issuers, jwks_http, min_refresh_seconds=settings.jwks_min_refresh_seconds
        )
        try:
            async with contextlib.AsyncExitStack() as stack:
                if settings.client_id:
                    # A service with its own API client follows the issuer's revocations (the issuer
                    # itself, which has none, reads its own accounts).
                    where = urlsplit(settings.revocations_url)
                    issuer = await service_client(
                        ServiceClient,
                        settings,
                        f"{where.scheme}://{where.netloc}",
                        scope="campaign:read",
                        stack=stack,
                    )

                    async def fetch() -> Revocations:
                        return await issuer.get_model(where.path, Revocations)

                    app.state.token_verifier.use_revocations(
                        PolledRevocations(fetch, refresh_seconds=settings.revocations_refresh_seconds)
                    )
                if resources is not None:
                    await stack.enter_async_context(resources(app))
                yield
        finally:
            await jwks_http.aclose()
            await database.dispose()

    app = FastAPI(
        title=title,
        description=description,
        version=version,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        openapi_tags=list(openapi_tags) or None,
    )
    # Added last is outermost: request ids and the error catch-all wrap everything.
    app.add_middleware(IdempotencyMiddleware, schema=schema)
    app.add_middleware(BodyLimitMiddleware, default_limit=settings.max_body_bytes, uploads=uploads)
    app.add_middleware(RequestContextMiddleware)
    install_problem_handlers(app)
    app.include_router(health.router)
    for router in routers:
        app.include_router(router)
    _mount_docs(app)
    install_truthful_openapi(app)
    return app


def _mount_docs(app: FastAPI) -> None:
    """Swagger UI served from the service itself: no CDN, so it works offline and under a strict CSP."""
    assets = files("swagger_ui") / "static"
    app.mount(DOCS_ASSETS, StaticFiles(directory=str(assets)), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    async def swagger_ui(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "").rstrip("/")
        return get_swagger_ui_html(
            openapi_url=f"{root}{app.openapi_url}",
            title=f"{app.title} — API",
            swagger_js_url=f"{root}{DOCS_ASSETS}/swagger-ui-bundle.js",
            swagger_css_url=f"{root}{DOCS_ASSETS}/swagger-ui.css",
            swagger_favicon_url=f"{root}{DOCS_ASSETS}/favicon-32x32.png",
            oauth2_redirect_url=f"{root}/docs/oauth2-redirect",
        )

    @app.get("/docs/oauth2-redirect", include_in_schema=False)
    async def swagger_ui_redirect() -> HTMLResponse:
        return get_swagger_ui_oauth2_redirect_html()
