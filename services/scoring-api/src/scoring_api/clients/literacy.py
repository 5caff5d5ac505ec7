"""digital-literacy-api as scoring-api calls it: units' training completion rates, batched."""

from __future__ import annotations

import asyncio
from decimal import Decimal

from pydantic import BaseModel

from service_kit.http_client import ServiceClient

BATCH = 200
"""The most codes digital-literacy-api takes in one call."""
CONCURRENT_BATCHES = 4
"""Batches in flight at once: a province's 10,000 units are 50 calls, not waited for one after another."""


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
        codes = sorted(set(unit_codes))
        slots = asyncio.Semaphore(CONCURRENT_BATCHES)

        async def batch(start: int) -> list[UnitRate]:
            async with slots:
                page = await self.get_model(
                    "/v1/stats/units", _Rates, params={"codes": ",".join(codes[start : start + BATCH])}
                )
                return page.items

        pages = await asyncio.gather(*(batch(start) for start in range(0, len(codes), BATCH)))
        return {item.unit_code: item.rate for items in pages for item in items}

    async def commune_completion(self) -> dict[str, Decimal]:
        """Every commune's completion rate of "Digital literacy for all" (one call: coverage by commune)."""
        page = await self.get_model("/v1/stats/coverage", _Coverage, params={"group_by": "commune"})
        return {item.key: item.completion_rate for item in page.items}
