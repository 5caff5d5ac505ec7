"""The contest tables of migrations campaign_0006 and campaign_0008 are exactly those of `contests/models.py`
and `judging/models.py`: autogenerate finds nothing to change in them (the older tables have their own history)."""

import asyncio
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection, text
from sqlalchemy.ext.asyncio import create_async_engine

import campaign_api.models  # noqa: F401 - every table registers on the metadata
from campaign_api.database import SCHEMA, SERVICE_DATABASE, metadata
from service_kit.db import async_url

CONTEST_TABLES = {
    # campaign_0008: the initiative contest
    "initiative_judging",
    "initiative_score",
    "initiative_recognition",
    "contest",
    "contest_question",
    "contest_round",
    "contest_participant",
    "contest_attempt",
    "contest_sighting",
}


def _table_of(difference: Any) -> str | None:
    item = difference[0] if isinstance(difference, list) else difference
    for part in item[1:]:
        table = getattr(part, "table", None)
        if table is not None and getattr(table, "name", None):
            return str(table.name)
        name = getattr(part, "name", None)
        if isinstance(part, str) or name is None:
            continue
    if len(item) > 3 and isinstance(item[2], str):
        return item[2]
    return None


def test_autogenerate_finds_no_difference_in_the_contest_tables(provision_separate):
    url = provision_separate(SERVICE_DATABASE, "campaign_contest_autogenerate")

    async def differences() -> list[Any]:
        engine = create_async_engine(async_url(url))

        def compare(connection: Connection) -> list[Any]:
            connection.execute(text(f'SET search_path TO "{SCHEMA}"'))
            context = MigrationContext.configure(
                connection,
                opts={
                    "include_schemas": True,
                    "include_name": lambda name, type_, _: type_ != "table" or name in CONTEST_TABLES,
                    "version_table_schema": SCHEMA,
                },
            )
            return compare_metadata(context, metadata)

        try:
            async with engine.connect() as connection:
                return await connection.run_sync(compare)
        finally:
            await engine.dispose()

    found = [d for d in asyncio.run(differences()) if _table_of(d) in CONTEST_TABLES]
    # Foreign keys reflected from inside the schema name their table unqualified: the same key, not a change.
    removed = {(d[1].name, d[1].table.name) for d in found if not isinstance(d, list) and d[0] == "remove_fk"}
    added = {(d[1].name, d[1].table.name) for d in found if not isinstance(d, list) and d[0] == "add_fk"}
    real = [
        d
        for d in found
        if isinstance(d, list)
        or d[0] not in ("remove_fk", "add_fk")
        or (d[1].name, d[1].table.name) not in removed & added
    ]
    assert real == []
