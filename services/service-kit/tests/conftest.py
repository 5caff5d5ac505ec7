"""Fixtures of the kit's own tests: a tiny app built with the kit, on the session's test database."""

import pytest
from fastapi import APIRouter, FastAPI
from sqlalchemy.engine import URL

from service_kit.app import create_service_app
from service_kit.settings import Environment, ServiceSettings


def _text(url: URL | str) -> str:
    return url.render_as_string(hide_password=False) if isinstance(url, URL) else url


def kit_settings(database_url: URL | str, read_url: URL | str | None = None) -> ServiceSettings:
    return ServiceSettings(
        database_url=_text(database_url),
        database_read_url=_text(read_url) if read_url else "",
        environment=Environment.TEST,
        service_name="kit-test",
    )


@pytest.fixture
def build_app(postgres_admin_url: URL):
    def build(
        *routers: APIRouter,
        database_url: URL | str | None = None,
        read_url: URL | str | None = None,
        uploads: tuple[tuple[str, int], ...] = (),
    ) -> FastAPI:
        return create_service_app(
            kit_settings(database_url or postgres_admin_url, read_url),
            schema="kit_test",
            title="kit test",
            description="An app assembled from the kit alone",
            routers=routers,
            uploads=uploads,
        )

    return build
