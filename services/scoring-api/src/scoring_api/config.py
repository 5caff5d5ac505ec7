"""Settings of scoring-api, read from `SCORING_*` variables (and the shared unprefixed ones)."""

from pydantic_settings import SettingsConfigDict

from service_kit.settings import ServiceSettings


class ScoringSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="SCORING_", extra="ignore", populate_by_name=True)

    service_name: str = "scoring-api"
