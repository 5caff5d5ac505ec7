"""The unit tree as other services see it: campaign-api's `GET /v1/units/{code}/subtree`, cached."""

from __future__ import annotations

import time

from pydantic import BaseModel

from service_kit.http_client import ServiceClient


class UnitCode(BaseModel):
    code: str


class Subtree(BaseModel):
    items: list[UnitCode]


class CampaignUnitTree:
    """A `UnitTree` read over REST from campaign-api, each subtree kept for `ttl_seconds`.

    When campaign-api cannot answer, `DependencyUnavailable` propagates: an access decision is never
    guessed.
    """

    def __init__(self, client: ServiceClient, *, ttl_seconds: float = 60.0) -> None:
        self._client = client
        self._ttl = ttl_seconds
        self._cache: dict[str, tuple[float, frozenset[str]]] = {}

    async def subtree(self, unit_code: str) -> frozenset[str]:
        cached = self._cache.get(unit_code)
        if cached is not None and time.monotonic() - cached[0] < self._ttl:
            return cached[1]
        response = await self._client.get_model(f"/v1/units/{unit_code}/subtree", Subtree)
        codes = frozenset({unit_code, *(item.code for item in response.items)})
        self._cache[unit_code] = (time.monotonic(), codes)
        return codes
