"""Typed settings shared by every service; each service subclasses with its own `env_prefix`."""

from __future__ import annotations

from enum import StrEnum
from typing import Self

from pydantic import AliasChoices, BaseModel, Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Environment(StrEnum):
    DEVELOPMENT = "development"
    TEST = "test"
    PRODUCTION = "production"


class TrustedIssuer(BaseModel):
    """A token issuer every service accepts, with how its claims map onto ours."""

    issuer: str
    jwks_url: str
    audience: str = "thidua-so"
    roles_claim: str = "roles"
    """Dotted path of the roles list in the token (Keycloak: `realm_access.roles`)."""


def _shared(name: str) -> AliasChoices:
    """Settings that all services read under the same, unprefixed variable name."""
    return AliasChoices(name, name.lower())


class ServiceSettings(BaseSettings):
    """Base of each service's settings.

    Service-specific values use the subclass's `env_prefix` (e.g. `CAMPAIGN_DATABASE_URL`); values
    that every service shares (environment, issuer, other services' URLs) are read unprefixed.
    """

    model_config = SettingsConfigDict(extra="ignore", populate_by_name=True)

    service_name: str = "service"
    environment: Environment = Field(default=Environment.DEVELOPMENT, validation_alias=_shared("ENVIRONMENT"))
    log_level: str = Field(default="INFO", validation_alias=_shared("LOG_LEVEL"))

    # Bodies of JSON requests (uploads have their own limits, named by the service's app).
    max_body_bytes: int = Field(default=1024 * 1024, ge=1024, validation_alias=_shared("MAX_BODY_BYTES"))

    # This service's own login: a role that owns the service's schema and nothing else.
    database_url: SecretStr = SecretStr("")
    database_read_url: SecretStr = SecretStr("")
    """A streaming replica of the same database (empty: reads go to the primary)."""
    db_pool_size: int = 20
    db_max_overflow: int = 0
    """Connections kept open, and none beyond: under a sustained load an overflow connection is opened
    for one request and closed after it (a new PostgreSQL backend each time, the bottleneck of a hot
    read); requests beyond the pool wait for a connection instead (they hold one for a millisecond)."""
    db_pool_recycle_seconds: int = 1800
    """Pooled connections older than this are replaced (no ping per checkout: a connection that died
    fails its request with 503, and the pool drops every connection of that generation)."""
    db_statement_timeout_ms: int = 30_000
    db_transaction_pooler: bool = False
    """`<PREFIX>DB_TRANSACTION_POOLER=true` when `DATABASE_URL` goes through a transaction-pooling PgBouncer:
    no prepared-statement cache, a new name for each statement, no per-connection settings (the role's
    `statement_timeout`, set by provisioning, applies instead)."""
    database_listen_url: SecretStr = SecretStr("")
    """A direct URL (never through a transaction pooler) for `LISTEN`, which the in-process caches that the
    database invalidates depend on. Empty: `DATABASE_URL`, unless that is pooled (then those caches are off)."""

    # Identity: the built-in issuer (campaign-api) and any additional trusted issuers.
    jwt_issuer: str = Field(default="thidua-so", validation_alias=_shared("JWT_ISSUER"))
    jwt_audience: str = Field(default="thidua-so", validation_alias=_shared("JWT_AUDIENCE"))
    jwks_url: str = Field(
        default="http://127.0.0.1:8101/.well-known/jwks.json", validation_alias=_shared("JWKS_URL")
    )
    jwks_min_refresh_seconds: float = Field(
        default=10.0, validation_alias=_shared("JWKS_MIN_REFRESH_SECONDS")
    )
    trusted_issuers: list[TrustedIssuer] = Field(
        default_factory=list, validation_alias=_shared("TRUSTED_ISSUERS")
    )

    # The other services, reached over REST (through the gateway or directly).
    campaign_api_url: str = Field(
        default="http://127.0.0.1:8101", validation_alias=_shared("CAMPAIGN_API_URL")
    )
    scoring_api_url: str = Field(default="http://127.0.0.1:8102", validation_alias=_shared("SCORING_API_URL"))
    literacy_api_url: str = Field(
        default="http://127.0.0.1:8103", validation_alias=_shared("LITERACY_API_URL")
    )
    token_url: str = Field(
        default="http://127.0.0.1:8101/v1/auth/token", validation_alias=_shared("TOKEN_URL")
    )
    revocations_url: str = Field(
        default="http://127.0.0.1:8101/v1/auth/revocations",
        validation_alias=_shared("REVOCATIONS_URL"),
        description="The issuer's list of accounts changed lately (tokens older than their account's version refused)",
    )
    revocations_refresh_seconds: float = Field(
        default=5.0, validation_alias=_shared("REVOCATIONS_REFRESH_SECONDS")
    )
    http_timeout_seconds: float = Field(default=5.0, validation_alias=_shared("HTTP_TIMEOUT_SECONDS"))
    http_bulk_timeout_seconds: float = Field(
        default=30.0,
        validation_alias=_shared("HTTP_BULK_TIMEOUT_SECONDS"),
        description="The read timeout of a batched call (a province's units in one answer), not of a single look-up",
    )
    http_retries: int = Field(default=2, validation_alias=_shared("HTTP_RETRIES"))

    # This service's API-client credentials for calling the others (client-credentials grant).
    client_id: str = ""
    client_secret: SecretStr = SecretStr("")

    @property
    def listen_url(self) -> str | None:
        """Where to `LISTEN` (see `database_listen_url`); None when there is nowhere to."""
        direct = self.database_listen_url.get_secret_value()
        if direct:
            return direct
        if self.db_transaction_pooler:
            return None
        return self.database_url.get_secret_value() or None

    @property
    def issuers(self) -> list[TrustedIssuer]:
        """The built-in issuer first, then any configured external ones."""
        own = TrustedIssuer(issuer=self.jwt_issuer, jwks_url=self.jwks_url, audience=self.jwt_audience)
        return [own, *self.trusted_issuers]

    @model_validator(mode="after")
    def _refuse_unsafe_production(self) -> Self:
        if self.environment is Environment.PRODUCTION:
            problems = []
            if not self.database_url.get_secret_value():
                problems.append("database_url is required")
            if self.client_id and len(self.client_secret.get_secret_value()) < 24:
                problems.append("client_secret must be a real secret (24+ characters)")
            if problems:
                raise ValueError("unsafe production settings: " + "; ".join(problems))
        return self
