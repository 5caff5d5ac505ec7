"""Renders the nginx gateway's configuration from settings into a private prefix directory."""

from __future__ import annotations

import shutil
from pathlib import Path

from devstack.settings import REPO_ROOT, StackSettings

TEMPLATE = REPO_ROOT / "infra" / "gateway" / "nginx.conf.template"
MIME_TYPES = REPO_ROOT / "infra" / "gateway" / "mime.types"
SECURITY_HEADERS = REPO_ROOT / "infra" / "gateway" / "security-headers.conf"


def render(settings: StackSettings, prefix: Path) -> Path:
    """Write `nginx.conf` (and what it includes) under `prefix`; return the config path."""
    for sub in ("logs", "tmp"):
        (prefix / sub).mkdir(parents=True, exist_ok=True)
    shutil.copyfile(MIME_TYPES, prefix / "mime.types")
    shutil.copyfile(SECURITY_HEADERS, prefix / "security-headers.conf")
    values = {
        "PREFIX": str(prefix),
        "SPA_ROOT": str(settings.spa_root),
        "GATEWAY_HOST": settings.gateway_host,
        "GATEWAY_PORT": str(settings.gateway_port),
        "SERVICE_HOST": settings.service_host,
        "CAMPAIGN_PORT": str(settings.campaign_port),
        "SCORING_PORT": str(settings.scoring_port),
        "LITERACY_PORT": str(settings.literacy_port),
        "BODY_LIMIT": settings.gateway_body_limit,
        "TOKEN_RATE": settings.gateway_token_rate,
        "TOKEN_BURST": str(settings.gateway_token_burst),
    }
    config = TEMPLATE.read_text()
    for name, value in values.items():
        config = config.replace(f"@@{name}@@", value)
    if "@@" in config:
        raise ValueError("the gateway template names a value that settings do not provide")
    path = prefix / "nginx.conf"
    path.write_text(config)
    return path
