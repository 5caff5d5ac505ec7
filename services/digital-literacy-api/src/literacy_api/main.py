"""The digital-literacy-api application: `uvicorn literacy_api.main:create_app --factory`."""

import asyncio
import contextlib
from collections.abc import AsyncIterator

import httpx
from fastapi import FastAPI

from literacy_api import messages  # noqa: F401 - registers the service's problem codes
from literacy_api.catalog.router import router as catalog_router
from literacy_api.certificates.router import router as certificates_router
from literacy_api.clients.basic_credentials import BasicCredentials
from literacy_api.clients.campaign import DEACTIVATE_SCOPE, CampaignClient, LearnerAccounts
from literacy_api.competences.router import router as competences_router
from literacy_api.config import LiteracySettings
from literacy_api.database import SCHEMA
from literacy_api.imports.router import router as imports_router
from literacy_api.imports.worker import ImportWorker, WorkerSettings
from literacy_api.imports.xlsx import WorkbookLimits
from literacy_api.learners.router import router as learners_router
from literacy_api.sql.progress import CHANNEL as PROGRESS_CHANNEL
from literacy_api.stats.router import router as stats_router
from literacy_api.training.cache import ProgressCache
from literacy_api.training.router import router as training_router
from literacy_api.xapi.alternate import AlternateSyntax
from literacy_api.xapi.cors import XapiCors
from literacy_api.xapi.router import router as xapi_router
from literacy_api.xapi_documents.router import router as xapi_documents_router
from reference_data.personal_data import PersonalDataCipher
from service_kit.app import create_service_app
from service_kit.http_client import service_client
from service_kit.notifications import Listener


def create_app(settings: LiteracySettings | None = None) -> FastAPI:
    settings = settings or LiteracySettings()

    @contextlib.asynccontextmanager
    async def resources(app: FastAPI) -> AsyncIterator[None]:
        app.state.cipher = PersonalDataCipher.from_settings(
            settings.personal_data_key.get_secret_value(), settings.lookup_key.get_secret_value()
        )
        async with contextlib.AsyncExitStack() as stack:
            # Managers' scope (their units and those units' communes) and the unit codes that exist
            # come from campaign-api's directory (cached by the client).
            app.state.campaign = await service_client(
                CampaignClient, settings, settings.campaign_api_url, scope="campaign:read", stack=stack
            )
            # Erasure deactivates the learner's sign-in account there, with a token of that scope only.
            app.state.learner_accounts = await service_client(
                LearnerAccounts, settings, settings.campaign_api_url, scope=DEACTIVATE_SCOPE, stack=stack
            )
            # xAPI clients' Basic credentials, exchanged for tokens at campaign-api's token endpoint.
            basic_http = await stack.enter_async_context(
                httpx.AsyncClient(timeout=settings.http_timeout_seconds)
            )
            app.state.basic_credentials = BasicCredentials(settings.token_url, basic_http)
            worker = ImportWorker(
                app.state.database.engine,
                app.state.cipher,
                WorkerSettings(
                    batch_rows=settings.import_batch_rows,
                    lease_seconds=settings.import_lease_seconds,
                    poll_seconds=settings.import_poll_seconds,
                    limits=WorkbookLimits(
                        max_part_bytes=settings.import_max_unzipped_bytes,
                        max_total_bytes=settings.import_max_unzipped_bytes,
                        max_ratio=settings.import_max_compression_ratio,
                        max_rows=settings.import_max_rows,
                    ),
                ),
                units=lambda: app.state.campaign,
            )
            app.state.import_worker = worker
            # Learners' progress kept in the process while the database's notifications are heard.
            listen_url = settings.listen_url if settings.progress_cache_entries else None
            listener: Listener | None = None
            cache = ProgressCache(
                settings.progress_cache_entries, lambda: listener is not None and listener.listening
            )
            if listen_url is not None:
                listener = Listener(
                    listen_url,
                    PROGRESS_CHANNEL,
                    cache.drop,
                    cache.reset,
                    application_name=settings.service_name,
                )
                await listener.start()
                stack.push_async_callback(listener.stop)
            app.state.progress_cache = cache
            task = asyncio.create_task(worker.run()) if settings.import_worker else None
            try:
                yield
            finally:
                if task is not None:
                    task.cancel()
                    with contextlib.suppress(asyncio.CancelledError):
                        await task

    app = create_service_app(
        settings,
        schema=SCHEMA,
        title="Thi Đua Số — digital-literacy-api (Bình dân học vụ số)",
        description=(
            "Learners, courses, classes at training hubs, training records and certificates of the "
            "'Digital literacy for all' (Bình dân học vụ số) movement, bulk imports, personal progress and "
            "coverage statistics."
        ),
        # Imports take files up to their own limit; every other body is held to the kit's JSON limit.
        uploads=[("POST /v1/imports", settings.import_max_bytes)],
        routers=[
            competences_router,
            catalog_router,
            learners_router,
            training_router,
            certificates_router,
            imports_router,
            stats_router,
            xapi_router,
            xapi_documents_router,
        ],
        resources=resources,
    )
    # xAPI 1.0.3's alternate request syntax (a form POST standing for another request), inside the CORS layer.
    app.add_middleware(AlternateSyntax)
    # Browser-based xAPI content posts statements from other origins (on /xapi/ only).
    app.add_middleware(XapiCors, unversioned=settings.xapi_unversioned_answer)
    return app
