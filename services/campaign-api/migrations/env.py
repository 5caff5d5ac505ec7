"""Alembic environment of campaign-api: the kit runs it against the `campaign` schema only."""

from campaign_api.config import CampaignSettings
from campaign_api.database import SCHEMA
from campaign_api.models import metadata
from service_kit.migrations import run_migrations

run_migrations(metadata, SCHEMA, default_url=lambda: CampaignSettings().database_url.get_secret_value())
