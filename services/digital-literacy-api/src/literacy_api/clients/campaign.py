"""campaign-api as digital-literacy-api calls it: a manager's scope (their units, every unit below them and
those units' communes) and whether unit codes exist, both cached for `ttl_seconds`.

When campaign-api cannot answer, `DependencyUnavailable` propagates: an access decision or a unit code's
validity is never guessed.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote

from pydantic import BaseModel

from service_kit.access import UnitScope
from service_kit.errors import DependencyUnavailable
from service_kit.http_client import ServiceClient

# campaign-api's own rule for unit codes: anything else cannot be a unit (and never goes into a URL).
UNIT_CODE = re.compile(r"^[A-Za-z0-9._-]{1,32}$")


class UnitRef(BaseModel):
    code: str
    commune_code: str | None = None


class _Subtree(BaseModel):
    items: list[UnitRef]


class CampaignClient(ServiceClient):
    service_name = "campaign-api"

    def __init__(self, base_url: str, *, ttl_seconds: float = 60.0, **kwargs: Any) -> None:
        super().__init__(base_url, **kwargs)
        self._ttl = ttl_seconds
        self._units: dict[str, tuple[float, UnitRef | None]] = {}
        self._below: dict[str, tuple[float, list[UnitRef]]] = {}

    def _fresh(self, at: float) -> bool:
        return time.monotonic() - at < self._ttl

    async def unit(self, code: str) -> UnitRef | None:
        """The unit with this code, or None when campaign-api has none (both answers cached)."""
        if not UNIT_CODE.match(code) or code in (".", ".."):
            return None
        cached = self._units.get(code)
        if cached is not None and self._fresh(cached[0]):
            return cached[1]
        response = await self.request("GET", f"/v1/units/{quote(code, safe='')}")
        if response.status_code == 404:
            found = None
        elif response.is_success:
            found = UnitRef.model_validate_json(response.content)
        else:
            raise DependencyUnavailable(
                f"{self.service_name} answered {response.status_code}.", service=self.service_name
            )
        self._units[code] = (time.monotonic(), found)
        return found

    async def unit_exists(self, code: str) -> bool:
        return await self.unit(code) is not None

    async def known_units(self, codes: Iterable[str]) -> frozenset[str]:
        """Those of `codes` that are units of the directory."""
        return frozenset([code for code in dict.fromkeys(codes) if await self.unit(code) is not None])

    async def _subtree(self, unit: UnitRef) -> list[UnitRef]:
        cached = self._below.get(unit.code)
        if cached is not None and self._fresh(cached[0]):
            return cached[1]
        below = await self.get_model(f"/v1/units/{quote(unit.code, safe='')}/subtree", _Subtree)
        units = [unit, *below.items]
        self._below[unit.code] = (time.monotonic(), units)
        return units

    async def scope(self, unit_codes: tuple[str, ...]) -> UnitScope:
        """What a manager of `unit_codes` acts for; a code the directory does not know gives nothing."""
        units: list[UnitRef] = []
        for code in unit_codes:
            own = await self.unit(code)
            if own is not None:
                units += await self._subtree(own)
        return UnitScope(
            units=frozenset(u.code for u in units),
            communes=frozenset(u.commune_code for u in units if u.commune_code),
        )
