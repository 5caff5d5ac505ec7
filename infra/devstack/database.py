"""PostgreSQL for the stack: the embedded server or `DATABASE_URL`, each service's role and schema, migrations."""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.engine import URL, make_url

from devstack.secrets import kept_secrets
from devstack.services import SERVICES, Service
from devstack.settings import REPO_ROOT, StackSettings
from service_kit.migrations import upgrade
from service_kit.postgres import (
    EmbeddedPostgres,
    create_database,
    provision_service,
    run,
    throwaway_database,
)

logger = logging.getLogger("devstack")

PROVISION_SQL = REPO_ROOT / "infra" / "postgres" / "provision.sql"
EMBEDDED_DATABASE = "thidua"


@contextmanager
def platform_database(settings: StackSettings, *, ephemeral: bool) -> Iterator[URL]:
    """An administrator URL on the platform's database, for as long as the stack runs.

    Persistent: `DATABASE_URL` as given, else the embedded server in `.data/postgres` (kept).
    Ephemeral (tests): a throw-away database on `TEST_DATABASE_URL`'s server, else an embedded
    server in a temporary directory; both are gone afterwards.
    """
    if ephemeral:
        configured = os.environ.get("TEST_DATABASE_URL")
        if configured:
            with throwaway_database(make_url(configured), "thidua_e2e") as url:
                yield url
            return
        with tempfile.TemporaryDirectory(prefix="thidua-pg-") as scratch:
            embedded = EmbeddedPostgres(Path(scratch) / "pg", keep=False)
            try:
                yield run(create_database(embedded.admin_url, EMBEDDED_DATABASE))
            finally:
                embedded.stop()
        return
    if settings.database_url is not None:
        yield make_url(settings.database_url.get_secret_value())
        return
    embedded = EmbeddedPostgres(settings.data_dir / "postgres", keep=True)
    try:
        yield run(create_database(embedded.admin_url, EMBEDDED_DATABASE))
    finally:
        embedded.stop()


def role_passwords(settings: StackSettings, *, ephemeral: bool) -> dict[str, str]:
    """Each service role's password: `<PREFIX>DB_PASSWORD`, else generated once and kept in `.data/secrets`."""
    return kept_secrets(
        settings,
        "db-roles.json",
        {s.name: f"{s.env_prefix}DB_PASSWORD" for s in SERVICES},
        ephemeral=ephemeral,
    )


def migrate(admin_url: URL, passwords: dict[str, str]) -> dict[str, URL]:
    """Provision every service's role and schema, run its migrations as that role; return their URLs."""
    sql_template = PROVISION_SQL.read_text()
    urls: dict[str, URL] = {}
    for service in SERVICES:
        urls[service.name] = migrate_service(admin_url, service, passwords[service.name], sql_template)
    return urls


def migrate_service(admin_url: URL, service: Service, password: str, sql_template: str) -> URL:
    url: URL = run(
        provision_service(admin_url, service.database, password=password, sql_template=sql_template)
    )
    upgrade(service.database.alembic_ini, url)
    logger.info("%s: schema %s migrated", service.name, service.database.schema)
    return url
