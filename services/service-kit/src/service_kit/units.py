"""The unit tree as other services see it: campaign-api's `GET /v1/units/{code}/subtree`, cached."""

from __future__ import annotations

import time
from dataclasses import dataclass

from pydantic import BaseModel

from service_kit.http_client import ServiceClient


class UnitCode(BaseModel):
    code: str
    commune_code: str | None = None


class Subtree(BaseModel):
    items: list[UnitCode]


@dataclass(frozen=True)
class UnitScope:
    """What a manager acts for: units (theirs and every sub-unit) and the communes those units are."""

    units: frozenset[str]
    communes: frozenset[str]

    def covers(self, *, unit_code: str | None, commune_code: str | None) -> bool:
        return (unit_code is not None and unit_code in self.units) or (
            commune_code is not None and commune_code in self.communes
        )


class CampaignUnitTree:
    """A `UnitTree` read over REST from campaign-api, each subtree kept for `ttl_seconds`.

    When campaign-api cannot answer, `DependencyUnavailable` propagates: an access decision is never
    guessed.
    """

    def __init__(self, client: ServiceClient, *, ttl_seconds: float = 60.0) -> None:
        self._client = client
        self._ttl = ttl_seconds
        self._cache: dict[str, tuple[float, list[UnitCode]]] = {}

    async def _units(self, unit_code: str) -> list[UnitCode]:
        """The unit itself and every unit below it, with their commune codes (cached)."""
        cached = self._cache.get(unit_code)
        if cached is not None and time.monotonic() - cached[0] < self._ttl:
            return cached[1]
        own = await self._client.get_model(f"/v1/units/{unit_code}", UnitCode)
        below = await self._client.get_model(f"/v1/units/{unit_code}/subtree", Subtree)
        units = [own, *below.items]
        self._cache[unit_code] = (time.monotonic(), units)
        return units

    async def subtree(self, unit_code: str) -> frozenset[str]:
        return frozenset(unit.code for unit in await self._units(unit_code))

    async def scope(self, unit_codes: tuple[str, ...]) -> UnitScope:
        units = [unit for code in unit_codes for unit in await self._units(code)]
        return UnitScope(
            units=frozenset(u.code for u in units),
            communes=frozenset(u.commune_code for u in units if u.commune_code),
        )
