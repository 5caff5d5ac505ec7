"""Settings of digital-literacy-api, read from `LITERACY_*` variables (and the shared unprefixed ones)."""

from typing import Literal, Self

from pydantic import AliasChoices, Field, SecretStr, model_validator
from pydantic_settings import SettingsConfigDict

from reference_data.localities import localities
from service_kit.settings import Environment, ServiceSettings

# Development only: production refuses them (see the validator).
DEVELOPMENT_PERSONAL_DATA_KEY = "ZGV2ZWxvcG1lbnQtb25seS1rZXktMzItYnl0ZXMhISE="
DEVELOPMENT_LOOKUP_KEY = "development-only-lookup-key-change-me-please"


class LiteracySettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="LITERACY_", extra="ignore", populate_by_name=True)

    service_name: str = "digital-literacy-api"

    personal_data_key: SecretStr = Field(
        default=SecretStr(DEVELOPMENT_PERSONAL_DATA_KEY),
        description="base64 of 32 random bytes: AES-256-GCM key of national IDs and phone numbers",
    )
    lookup_key: SecretStr = Field(
        default=SecretStr(DEVELOPMENT_LOOKUP_KEY), description="HMAC key of the national-ID look-up hash"
    )
    public_base_url: str = Field(
        default="http://127.0.0.1:8080", validation_alias=AliasChoices("PUBLIC_BASE_URL", "public_base_url")
    )

    import_max_bytes: int = Field(
        default=200 * 1024 * 1024, description="largest import file accepted (413 above); the gateway's limit"
    )
    import_max_rows: int = Field(
        default=1_048_576, ge=1, description="most data rows of one file (Excel's rows per sheet)"
    )
    import_max_unzipped_bytes: int = Field(
        default=1024 * 1024 * 1024, ge=1, description="most bytes an XLSX file may inflate to (all its parts)"
    )
    import_max_compression_ratio: int = Field(
        default=100, ge=1, description="largest inflate ratio of an XLSX part over 1 MB (zip bombs: ~1000)"
    )
    import_worker: bool = Field(default=True, description="run the import worker in this process")
    import_batch_rows: int = Field(default=5_000, ge=1, description="rows checked and copied per batch")
    import_lease_seconds: float = Field(
        default=60.0, gt=0, description="a running import whose worker is silent this long is taken over"
    )
    import_poll_seconds: float = Field(
        default=2.0, gt=0, description="how often an idle worker looks for jobs"
    )

    province_code: str = Field(
        default="66",
        pattern=r"^[0-9]{2}$",
        description="the province this deployment serves (official two-digit code): the xAPI store's "
        "statements and documents are kept under it (their distribution key); one LRS per province",
    )

    progress_cache_entries: int = Field(
        default=20_000,
        ge=0,
        description="learners' progress kept in each process, dropped when the database notifies a change "
        "(0: none; also none when there is no direct URL to LISTEN on, see DATABASE_LISTEN_URL)",
    )

    xapi_unversioned_answer: Literal["2.0.0", "1.0.3"] = Field(
        default="2.0.0",
        description="the xAPI version named on the 400 answered to a request that names none "
        "(1.0.3 where the learning platforms speak only 1.0.x)",
    )

    @model_validator(mode="after")
    def _known_province(self) -> Self:
        if localities.province(self.province_code) is None:
            raise ValueError(
                f"LITERACY_PROVINCE_CODE {self.province_code} is not a province of the official list"
            )
        return self

    @model_validator(mode="after")
    def _refuse_development_keys_in_production(self) -> Self:
        if self.environment is Environment.PRODUCTION and (
            self.personal_data_key.get_secret_value() == DEVELOPMENT_PERSONAL_DATA_KEY
            or self.lookup_key.get_secret_value() == DEVELOPMENT_LOOKUP_KEY
        ):
            raise ValueError(
                "unsafe production settings: set LITERACY_PERSONAL_DATA_KEY and LITERACY_LOOKUP_KEY"
            )
        return self
