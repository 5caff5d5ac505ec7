"""The migrations make exactly the tables of every domain's models: autogenerate finds nothing to change."""

import asyncio
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic_utils.replaceable_entity import registry as alembic_utils_registry
from sqlalchemy import Connection, ForeignKeyConstraint, text
from sqlalchemy.ext.asyncio import create_async_engine

import scoring_api.criteria.models
import scoring_api.indices.models
import scoring_api.rounds.models
import scoring_api.scorecards.models  # noqa: F401 - the tables register on the metadata
from scoring_api.database import SCHEMA, SERVICE_DATABASE, metadata
from service_kit.db import async_url


def _ours(name: str | None, type_: str, parent_names: Any) -> bool:
    if type_ == "schema":
        return name in (None, SCHEMA)
    return not (type_ == "table" and name == "alembic_version")


def _foreign_key(constraint: ForeignKeyConstraint) -> tuple[str | None, str, tuple[str, ...], str]:
    referred = constraint.elements[0].target_fullname.split(".")[-2]
    return constraint.name, constraint.table.name, tuple(constraint.column_keys), referred  # type: ignore[return-value]


def _real(differences: list[Any]) -> list[Any]:
    """Without the foreign keys that only look changed: reflected from inside the schema (the search path
    the migrations run with), a key names its table unqualified where the models say `scoring.round`."""
    removed = {_foreign_key(d[1]) for d in differences if d[0] == "remove_fk"}
    added = {_foreign_key(d[1]) for d in differences if d[0] == "add_fk"}
    same = removed & added
    return [
        d
        for d in differences
        if not (d[0] in ("remove_fk", "add_fk") and _foreign_key(d[1]) in same)
        # alembic_utils' comparators are process-wide once another service registered its SQL entities:
        # scoring-api keeps none, and the kit's audit trigger is not one of them.
        and not str(d[0]).endswith("_entity")
    ]


def test_autogenerate_finds_no_difference_between_the_models_and_the_migrated_schema(provision_separate):
    # A database of its own: reflection must not meet the other services' schemas (no rights on them).
    url = provision_separate(SERVICE_DATABASE, "scoring_autogenerate")
    # alembic_utils' comparators are process-wide: another service's registered SQL entities must not
    # be compared against this schema (scoring-api keeps none).
    kept = dict(alembic_utils_registry._entities)
    alembic_utils_registry.clear()
    try:
        assert asyncio.run(_differences(url)) == []
    finally:
        alembic_utils_registry._entities.update(kept)
    assert {"criteria_set", "round", "scorecard"} <= {table.name for table in metadata.sorted_tables}


async def _differences(url: Any) -> list[Any]:
    engine = create_async_engine(async_url(url))

    def differences(connection: Connection) -> list[Any]:
        connection.execute(text(f'SET search_path TO "{SCHEMA}"'))  # as migrations/env.py runs
        context = MigrationContext.configure(
            connection, opts={"include_schemas": True, "include_name": _ours, "version_table_schema": SCHEMA}
        )
        return compare_metadata(context, metadata)

    try:
        async with engine.connect() as connection:
            found = await connection.run_sync(differences)
    finally:
        await engine.dispose()
    return _real(found)
