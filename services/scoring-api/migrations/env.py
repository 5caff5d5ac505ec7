"""Alembic environment of scoring-api: the kit runs it against the `scoring` schema only. Every domain's
models are imported so that autogenerate sees all the tables of the schema."""

import scoring_api.criteria.models
import scoring_api.indices.models
import scoring_api.rounds.models
import scoring_api.scorecards.models  # noqa: F401 - the tables register on the metadata
from scoring_api.config import ScoringSettings
from scoring_api.database import SCHEMA, metadata
from service_kit.migrations import run_migrations

run_migrations(metadata, SCHEMA, default_url=lambda: ScoringSettings().database_url.get_secret_value())
