"""PostgreSQL for development and tests: an embedded server (pgserver) and the per-service provisioning.

Provisioning gives each service a login role that owns its schema and has no rights on the others;
the SQL lives in `infra/postgres/provision.sql` and is passed in by the caller.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import asyncpg
from sqlalchemy.engine import URL, make_url

logger = logging.getLogger("service_kit.postgres")

_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


@dataclass(frozen=True)
class ServiceDatabase:
    """What one service owns in the shared database."""

    schema: str
    role: str
    alembic_ini: Path

    def __post_init__(self) -> None:
        for name in (self.schema, self.role):
            if not _IDENTIFIER.match(name):
                raise ValueError(f"not a plain SQL identifier: {name!r}")


class EmbeddedPostgres:
    """A private PostgreSQL server (from the `pgserver` wheel) in `data_dir`, reached over a Unix socket.

    With `keep=True` the data directory survives `stop()` (for `make run`); otherwise it is deleted.
    """

    def __init__(self, data_dir: Path, *, keep: bool = True) -> None:
        import pgserver  # imported here: only development and tests start an embedded server

        data_dir.mkdir(parents=True, exist_ok=True)
        self._server: Any = pgserver.get_server(data_dir, cleanup_mode="stop" if keep else "delete")

    @property
    def admin_url(self) -> URL:
        return make_url(self._server.get_uri("postgres"))

    def stop(self) -> None:
        self._server.cleanup()


def _plain_url(url: URL) -> str:
    """asyncpg wants `postgresql://`; SQLAlchemy URLs may name a driver."""
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


async def _connect(url: URL) -> asyncpg.Connection:
    return await asyncpg.connect(_plain_url(url))


async def create_database(admin_url: URL, name: str, *, exist_ok: bool = True) -> URL:
    """Create database `name` on the server of `admin_url`; return the admin URL pointing at it."""
    if not _IDENTIFIER.match(name):
        raise ValueError(f"not a plain SQL identifier: {name!r}")
    connection = await _connect(admin_url.set(database="postgres"))
    try:
        exists = await connection.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name)
        if exists and not exist_ok:
            raise RuntimeError(f"database {name} exists")
        if not exists:
            await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()
    return admin_url.set(database=name)


async def drop_database(admin_url: URL, name: str) -> None:
    if not _IDENTIFIER.match(name):
        raise ValueError(f"not a plain SQL identifier: {name!r}")
    connection = await _connect(admin_url.set(database="postgres"))
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await connection.close()


@contextmanager
def throwaway_database(server_url: URL, prefix: str) -> Iterator[URL]:
    """A new, uniquely named database on the server of `server_url`, dropped afterwards (tests)."""
    name = f"{prefix}_{os.getpid()}_{secrets.token_hex(3)}"
    url: URL = run(create_database(server_url, name, exist_ok=False))
    try:
        yield url
    finally:
        run(drop_database(server_url, name))


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


async def provision_service(
    admin_url: URL, service: ServiceDatabase, *, password: str, sql_template: str
) -> URL:
    """Create or update the service's role and schema (idempotent); return the service's own URL."""
    database = admin_url.database or "postgres"
    sql = sql_template.format(
        role=f'"{service.role}"',
        role_literal=_literal(service.role),
        schema=f'"{service.schema}"',
        database=f'"{database}"',
        password=_literal(password),
    )
    connection = await _connect(admin_url)
    try:
        # Roles are cluster-wide: serialise concurrent provisioning (parallel test runs on one server).
        await connection.execute("SELECT pg_advisory_lock(73162025)")
        try:
            await connection.execute(sql)
        finally:
            await connection.execute("SELECT pg_advisory_unlock(73162025)")
    finally:
        await connection.close()
    return service_url(admin_url, service, password=password)


def service_url(admin_url: URL, service: ServiceDatabase, *, password: str) -> URL:
    return admin_url.set(drivername="postgresql+asyncpg", username=service.role, password=password)


def new_password() -> str:
    return secrets.token_urlsafe(24)


def run(coro: Any) -> Any:
    """Run a provisioning coroutine from synchronous code (CLI, session fixtures)."""
    return asyncio.run(coro)
