"""Settings of digital-literacy-api, read from `LITERACY_*` variables (and the shared unprefixed ones)."""

from pydantic_settings import SettingsConfigDict

from service_kit.settings import ServiceSettings


class LiteracySettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="LITERACY_", extra="ignore", populate_by_name=True)

    service_name: str = "digital-literacy-api"
