"""Alembic environment of digital-literacy-api: the kit runs it against the `literacy` schema only."""

from literacy_api.config import LiteracySettings
from literacy_api.database import SCHEMA
from literacy_api.models import metadata
from service_kit.migrations import run_migrations

run_migrations(metadata, SCHEMA, default_url=lambda: LiteracySettings().database_url.get_secret_value())
