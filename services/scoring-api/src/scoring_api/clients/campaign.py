"""campaign-api as scoring-api calls it: a campaign's participants, targets and KPIs (one call each)."""

from __future__ import annotations

import uuid
from decimal import Decimal

from pydantic import BaseModel

from service_kit.http_client import ServiceClient


class Participant(BaseModel):
    unit_code: str
    unit_name: str
    cluster: str | None = None


class Target(BaseModel):
    code: str


class Kpi(BaseModel):
    unit_code: str
    target_code: str
    progress: Decimal


class _Participants(BaseModel):
    items: list[Participant]


class _Targets(BaseModel):
    items: list[Target]


class _Kpis(BaseModel):
    items: list[Kpi]


class CampaignClient(ServiceClient):
    service_name = "campaign-api"

    async def participants(self, campaign_id: uuid.UUID) -> list[Participant]:
        return (await self.get_model(f"/v1/campaigns/{campaign_id}/participants", _Participants)).items

    async def target_codes(self, campaign_id: uuid.UUID) -> set[str]:
        return {
            t.code for t in (await self.get_model(f"/v1/campaigns/{campaign_id}/targets", _Targets)).items
        }

    async def kpis(self, campaign_id: uuid.UUID) -> list[Kpi]:
        """Every unit's progress per target, from its latest accepted report (one batched call)."""
        return (await self.get_model(f"/v1/campaigns/{campaign_id}/kpis", _Kpis)).items
