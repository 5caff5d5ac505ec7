"""Settings of campaign-api, read from `CAMPAIGN_*` variables (and the shared unprefixed ones)."""

import base64
from pathlib import Path
from typing import Self

from pydantic import AliasChoices, BaseModel, Field, SecretStr, model_validator
from pydantic_settings import SettingsConfigDict

from service_kit.settings import Environment, ServiceSettings

DEVELOPMENT_NATIONAL_ID_KEY = "development-only-national-id-key-change-me"
DEVELOPMENT_PERSONAL_DATA_KEY = "ZGV2ZWxvcG1lbnQtb25seS1wZXJzb25hbC1kYXRhISE="  # 32 bytes, base64
DEVELOPMENT_CONTEST_TOKEN_KEY = "development-only-contest-token-key-change-me"  # noqa: S105 - development only


class ServiceClientSeed(BaseModel):
    """An API client created (or updated) at start-up: how the other services call this platform."""

    client_id: str
    client_secret: SecretStr
    name: str
    scopes: list[str]


class CampaignSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="CAMPAIGN_", extra="ignore", populate_by_name=True)

    service_name: str = "campaign-api"

    # The first administrator, created on first start when no account has this username.
    admin_username: str = Field(
        default="admin", validation_alias=AliasChoices("ADMIN_USERNAME", "admin_username")
    )
    admin_password: SecretStr = Field(
        default=SecretStr("admin"), validation_alias=AliasChoices("ADMIN_PASSWORD", "admin_password")
    )

    # Token signing: a PEM private key, or a file holding one (generated in development when missing).
    jwt_private_key: SecretStr = SecretStr("")
    jwt_key_file: Path | None = None
    jwt_retired_public_keys: list[str] = Field(
        default_factory=list, description="PEM public keys still published in the JWKS after a rotation"
    )
    access_token_ttl_seconds: int = 900
    refresh_token_ttl_seconds: int = 14 * 24 * 3600
    service_token_ttl_seconds: int = 300

    # Learner accounts are found by a keyed hash of the national ID; the ID itself is never stored here.
    national_id_key: SecretStr = SecretStr(DEVELOPMENT_NATIONAL_ID_KEY)

    # Brute-force protection: this many failures for one login within the window locks it for the window.
    login_max_failures: int = 5
    login_window_seconds: int = 900
    # Sign-ups refused from one source address within the login window before it must wait (per address,
    # so that a class signing up at one centre is not stopped by a neighbour's typo, but guessing is).
    signup_max_failures_per_address: int = 10

    # Online contests: participants' phones are encrypted (AES-GCM, reference_data) under this key; their
    # tokens are HMAC-signed under the other. Rate limits count within the window; an attempt submitted
    # faster than the floor, and a national ID registered from that many addresses, are flagged.
    personal_data_key: SecretStr = SecretStr(DEVELOPMENT_PERSONAL_DATA_KEY)
    contest_token_key: SecretStr = SecretStr(DEVELOPMENT_CONTEST_TOKEN_KEY)
    contest_window_seconds: int = 3600
    contest_registrations_per_address: int = 60
    contest_attempts_per_participant: int = 20
    contest_attempts_per_address: int = 600
    contest_floor_seconds: int = 20
    contest_shared_id_addresses: int = 3

    service_clients: list[ServiceClientSeed] = Field(default_factory=list)

    # Files (dossiers' annexes, decisions, evidence): the largest accepted (413 above).
    file_max_bytes: int = Field(default=10 * 1024 * 1024, ge=1024, le=200 * 1024 * 1024)

    # scoring-api, whose proposals of a round become dossiers.
    scoring_api_url: str = Field(
        default="http://127.0.0.1:8102", validation_alias=AliasChoices("SCORING_API_URL", "scoring_api_url")
    )

    @model_validator(mode="after")
    def _personal_data_key_is_32_bytes(self) -> Self:
        try:
            size = len(base64.b64decode(self.personal_data_key.get_secret_value(), validate=True))
        except ValueError:
            size = -1
        if size != 32:
            raise ValueError("CAMPAIGN_PERSONAL_DATA_KEY is the base64 of 32 random bytes")
        return self

    @model_validator(mode="after")
    def _refuse_development_secrets_in_production(self) -> Self:
        if self.environment is Environment.PRODUCTION:
            problems = []
            if self.admin_password.get_secret_value() in ("", "admin") or len(self.admin_password) < 12:
                problems.append("ADMIN_PASSWORD must be set to a strong password (12+ characters)")
            key = self.national_id_key.get_secret_value()
            if key == DEVELOPMENT_NATIONAL_ID_KEY or len(key) < 32:
                problems.append("CAMPAIGN_NATIONAL_ID_KEY must be a secret of 32+ characters")
            if self.personal_data_key.get_secret_value() == DEVELOPMENT_PERSONAL_DATA_KEY:
                problems.append("CAMPAIGN_PERSONAL_DATA_KEY must be set (base64 of 32 random bytes)")
            contest_key = self.contest_token_key.get_secret_value()
            if contest_key == DEVELOPMENT_CONTEST_TOKEN_KEY or len(contest_key) < 32:
                problems.append("CAMPAIGN_CONTEST_TOKEN_KEY must be a secret of 32+ characters")
            if not self.jwt_private_key.get_secret_value() and self.jwt_key_file is None:
                problems.append("CAMPAIGN_JWT_PRIVATE_KEY or CAMPAIGN_JWT_KEY_FILE is required")
            if problems:
                raise ValueError("unsafe production settings: " + "; ".join(problems))
        return self
