"""Alembic environment of scoring-api: the kit runs it against the `scoring` schema only."""

from scoring_api.config import ScoringSettings
from scoring_api.database import SCHEMA
from scoring_api.models import metadata
from service_kit.migrations import run_migrations

run_migrations(metadata, SCHEMA, default_url=lambda: ScoringSettings().database_url.get_secret_value())
