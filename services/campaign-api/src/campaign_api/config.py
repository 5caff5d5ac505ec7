"""Settings of campaign-api, read from `CAMPAIGN_*` variables (and the shared unprefixed ones)."""

from pydantic_settings import SettingsConfigDict

from service_kit.settings import ServiceSettings


class CampaignSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="CAMPAIGN_", extra="ignore", populate_by_name=True)

    service_name: str = "campaign-api"
