"""The services the stack runs: where their code, schema and port are."""

from __future__ import annotations

from dataclasses import dataclass

from campaign_api.database import SERVICE_DATABASE as CAMPAIGN_DATABASE
from literacy_api.database import SERVICE_DATABASE as LITERACY_DATABASE
from scoring_api.database import SERVICE_DATABASE as SCORING_DATABASE
from service_kit.postgres import ServiceDatabase


@dataclass(frozen=True)
class Service:
    name: str
    package: str
    env_prefix: str
    database: ServiceDatabase
    client_scopes: tuple[str, ...] = ()
    """What the service may ask the others for, as an API client of the built-in issuer."""

    @property
    def client_id(self) -> str:
        return f"{self.name}-api"

    @property
    def path(self) -> str:
        """Where the gateway serves it."""
        return f"/api/{self.name}"


SERVICES = (
    Service("campaign", "campaign_api", "CAMPAIGN_", CAMPAIGN_DATABASE),
    Service(
        "scoring", "scoring_api", "SCORING_", SCORING_DATABASE, ("campaign:read", "literacy:units")
    ),  # unit rates only
    Service(
        "literacy",
        "literacy_api",
        "LITERACY_",
        LITERACY_DATABASE,
        ("campaign:read", "identity:deactivate-learner"),
    ),
)
