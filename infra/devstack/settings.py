"""Settings of the whole stack (unprefixed environment variables; see README "Settings")."""

from __future__ import annotations

import shutil
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parents[2]


def _find_nginx() -> str:
    return shutil.which("nginx") or "/usr/sbin/nginx"


class StackSettings(BaseSettings):
    model_config = SettingsConfigDict(extra="ignore")

    database_url: SecretStr | None = Field(
        default=None,
        description="Administrator URL of an existing PostgreSQL 15+; embedded server when unset",
    )
    data_dir: Path = REPO_ROOT / ".data"
    environment: str = "development"

    gateway_host: str = "127.0.0.1"
    gateway_port: int = 8080
    service_host: str = "127.0.0.1"
    campaign_port: int = 8101
    scoring_port: int = 8102
    literacy_port: int = 8103

    pooler: str = Field(
        default="",
        description="`pgbouncer`: the services reach PostgreSQL through PgBouncer (transaction mode)",
    )
    pooler_port: int = 8104

    gateway_body_limit: str = "200m"
    gateway_token_rate: str = "5r/s"
    gateway_token_burst: int = 10
    nginx_bin: str = Field(default_factory=_find_nginx)
    spa_root: Path = REPO_ROOT / "frontend" / "dist"

    @property
    def gateway_url(self) -> str:
        return f"http://{self.gateway_host}:{self.gateway_port}"

    def service_port(self, name: str) -> int:
        port: int = getattr(self, f"{name}_port")
        return port
