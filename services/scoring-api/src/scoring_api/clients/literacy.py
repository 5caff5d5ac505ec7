"""digital-literacy-api as scoring-api calls it: units' training completion rates, batched."""

from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel

from service_kit.http_client import ServiceClient

BATCH = 200


class UnitRate(BaseModel):
    unit_code: str
    rate: Decimal


class _Rates(BaseModel):
    items: list[UnitRate]


class CommuneCoverage(BaseModel):
    key: str
    completion_rate: Decimal


class _Coverage(BaseModel):
    items: list[CommuneCoverage]


class LiteracyClient(ServiceClient):
    service_name = "digital-literacy-api"

    async def unit_rates(self, unit_codes: list[str]) -> dict[str, Decimal]:
        """Each unit's completion rate of required courses, in batches of codes (not one call per unit)."""
        rates: dict[str, Decimal] = {}
        codes = sorted(set(unit_codes))
        for start in range(0, len(codes), BATCH):
            batch = codes[start : start + BATCH]
            page = await self.get_model("/v1/stats/units", _Rates, params={"codes": ",".join(batch)})
            rates.update({item.unit_code: item.rate for item in page.items})
        return rates

    async def commune_completion(self) -> dict[str, Decimal]:
        """Every commune's completion rate of "Digital literacy for all" (one call: coverage by commune)."""
        page = await self.get_model("/v1/stats/coverage", _Coverage, params={"group_by": "commune"})
        return {item.key: item.completion_rate for item in page.items}
