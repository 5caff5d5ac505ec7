"""What every service must do the same way: health, readiness, OpenAPI, self-hosted docs, settings, migrations."""

import pytest
from pydantic import ValidationError
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from service_kit.db import async_url
from service_kit.migrations import downgrade, upgrade
from service_kit.postgres import run
from service_kit.settings import Environment


async def test_healthz_and_readyz_answer_ok(client):
    for path in ("/healthz", "/readyz"):
        response = await client.get(path)
        assert response.status_code == 200, path
        assert response.json() == {"status": "ok"}


async def test_openapi_describes_the_service_and_its_problem_errors(client, service_under_test):
    spec = (await client.get("/openapi.json")).json()
    assert spec["openapi"].startswith("3.1")
    assert spec["info"]["title"].startswith("Thi Đua Số — ")
    assert {"/healthz", "/readyz"} <= set(spec["paths"])


async def test_docs_are_served_without_a_cdn(client):
    page = await client.get("/docs")
    assert page.status_code == 200
    assert "cdn" not in page.text.lower()
    assert "/docs-assets/swagger-ui-bundle.js" in page.text
    bundle = await client.get("/docs-assets/swagger-ui-bundle.js")
    assert bundle.status_code == 200
    assert len(bundle.content) > 100_000


async def test_unknown_path_is_a_problem(client):
    response = await client.get("/v1/no-such-thing")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


async def test_audit_trail_is_append_only(app, service_under_test):
    schema = service_under_test.database.schema
    async with app.state.database.sessionmaker() as session, session.begin():
        await session.execute(
            text(
                f"INSERT INTO {schema}.audit_event (actor, action, object_type, object_id) VALUES ('t', 'x', 'y', '1')"
            )
        )
        for statement in (
            f"UPDATE {schema}.audit_event SET actor = 'forged'",
            f"DELETE FROM {schema}.audit_event",
            f"TRUNCATE {schema}.audit_event",
        ):
            with pytest.raises(Exception, match="append-only"):
                async with session.begin_nested():
                    await session.execute(text(statement))


def test_production_refuses_to_start_without_a_database(service_under_test, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    with pytest.raises(ValidationError, match="database_url is required"):
        service_under_test.settings_class(environment=Environment.PRODUCTION, database_url="")


def test_settings_read_the_service_prefix_and_the_shared_names(service_under_test, monkeypatch):
    prefix = service_under_test.settings_class.model_config["env_prefix"]
    monkeypatch.setenv(f"{prefix}DATABASE_URL", "postgresql://svc@db/thidua")
    monkeypatch.setenv("JWT_ISSUER", "https://sso.example")
    settings = service_under_test.settings_class()
    assert settings.database_url.get_secret_value() == "postgresql://svc@db/thidua"
    assert settings.jwt_issuer == "https://sso.example"


def test_migrations_go_down_to_base_and_up_again(service_under_test, service_database_url):
    schema = service_under_test.database.schema
    alembic_ini = service_under_test.database.alembic_ini

    async def list_tables() -> set[str]:
        engine = create_async_engine(async_url(service_database_url))
        try:
            async with engine.connect() as connection:
                rows = await connection.execute(
                    text("SELECT table_name FROM information_schema.tables WHERE table_schema = :s"),
                    {"s": schema},
                )
                return {row[0] for row in rows}
        finally:
            await engine.dispose()

    assert "audit_event" in run(list_tables())
    downgrade(alembic_ini, service_database_url, "base")
    assert run(list_tables()) == {"alembic_version"}
    upgrade(alembic_ini, service_database_url)
    assert "audit_event" in run(list_tables())
