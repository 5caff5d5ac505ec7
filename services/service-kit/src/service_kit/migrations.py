"""Alembic for one service: each service keeps its own history with the version table in its schema."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

from alembic import command, context
from alembic.config import Config
from sqlalchemy import MetaData, pool, text
from sqlalchemy.engine import URL, Connection
from sqlalchemy.ext.asyncio import create_async_engine

from service_kit.db import async_url


def alembic_config(alembic_ini: Path, url: str | URL) -> Config:
    config = Config(str(alembic_ini))
    config.set_main_option("script_location", str(alembic_ini.parent / "migrations"))
    rendered = async_url(url).render_as_string(hide_password=False)
    config.set_main_option("sqlalchemy.url", rendered.replace("%", "%%"))
    return config


def upgrade(alembic_ini: Path, url: str | URL, revision: str = "head") -> None:
    """Migrate the service's schema to `revision`, connected as the service's own role."""
    command.upgrade(alembic_config(alembic_ini, url), revision)


def downgrade(alembic_ini: Path, url: str | URL, revision: str) -> None:
    command.downgrade(alembic_config(alembic_ini, url), revision)


def run_migrations(metadata: MetaData, schema: str, *, default_url: Callable[[], str]) -> None:
    """The body of a service's `migrations/env.py` (online and offline modes).

    The URL is the one `upgrade()` put in the config, else `default_url()` (the service's settings).
    """
    config = context.config

    def include_name(name: str | None, type_: str, parent_names: object) -> bool:
        # Autogenerate looks at this service's schema only (the default one, through the search path).
        if type_ == "schema":
            return name in (None, schema)
        return not (type_ == "table" and name == "alembic_version")

    def configure(**target: Any) -> None:
        context.configure(
            **target,
            target_metadata=metadata,
            version_table_schema=schema,
            include_schemas=True,
            include_name=include_name,
        )

    url = config.get_main_option("sqlalchemy.url") or async_url(default_url()).render_as_string(
        hide_password=False
    )
    if context.is_offline_mode():
        configure(url=url, literal_binds=True)
        with context.begin_transaction():
            context.run_migrations()
        return

    def migrate(connection: Connection) -> None:
        connection.execute(text(f'SET search_path TO "{schema}"'))
        configure(connection=connection)
        with context.begin_transaction():
            context.run_migrations()

    async def run_async() -> None:
        engine = create_async_engine(str(url), poolclass=pool.NullPool)
        try:
            async with engine.connect() as connection:
                await connection.run_sync(migrate)
                await connection.commit()
        finally:
            await engine.dispose()

    asyncio.run(run_async())
