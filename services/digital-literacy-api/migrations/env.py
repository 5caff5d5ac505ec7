"""Alembic environment of digital-literacy-api: the kit runs it against the `literacy` schema only.

The SQL rules of `literacy_api.sql` are registered as replaceable entities, so autogenerate writes
the migration that brings a database to their current definitions."""

from alembic_utils.replaceable_entity import register_entities

from literacy_api.config import LiteracySettings
from literacy_api.database import SCHEMA
from literacy_api.models import metadata
from literacy_api.sql import ENTITIES
from service_kit.migrations import run_migrations

register_entities(ENTITIES, schemas=[SCHEMA])
run_migrations(metadata, SCHEMA, default_url=lambda: LiteracySettings().database_url.get_secret_value())
