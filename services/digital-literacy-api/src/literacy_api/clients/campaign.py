"""campaign-api as digital-literacy-api calls it: a manager's scope (their units, every unit below them and
those units' communes) and whether unit codes exist, both cached for `ttl_seconds`; and, on erasure, the
deactivation of the learner's sign-in account (`LearnerAccounts`, with a token of its own scope).

When campaign-api cannot answer, `DependencyUnavailable` propagates (code `campaign.unavailable`): an
access decision, a unit code's validity or an account's deactivation is never guessed.
"""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar
from urllib.parse import quote

import httpx
from pydantic import BaseModel

from service_kit.access import UnitScope
from service_kit.errors import DependencyUnavailable
from service_kit.http_client import ServiceClient

# campaign-api's own rule for unit codes: anything else cannot be a unit (and never goes into a URL).
UNIT_CODE = re.compile(r"^[A-Za-z0-9._-]{1,32}$")
DEACTIVATE_SCOPE = "identity:deactivate-learner"

T = TypeVar("T")


class UnitRef(BaseModel):
    code: str
    commune_code: str | None = None


class _Subtree(BaseModel):
    items: list[UnitRef]


class _CampaignService(ServiceClient):
    """campaign-api's failures answered with literacy's code, in the caller's language."""

    service_name = "campaign-api"

    async def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        try:
            return await super().request(method, path, **kwargs)
        except DependencyUnavailable as unavailable:
            raise DependencyUnavailable(
                code="campaign.unavailable", service=self.service_name
            ) from unavailable

    async def get_model(
        self, path: str, model: type[T], *, params: Mapping[str, Any] | None = None, bulk: bool = False
    ) -> T:
        try:
            return await super().get_model(path, model, params=params, bulk=bulk)
        except DependencyUnavailable as unavailable:
            if unavailable.code is not None:
                raise
            raise DependencyUnavailable(
                code="campaign.unavailable", service=self.service_name
            ) from unavailable


class CampaignClient(_CampaignService):
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
            raise DependencyUnavailable(code="campaign.unavailable", service=self.service_name)
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


class LearnerAccounts(_CampaignService):
    """The learners' sign-in accounts that campaign-api keeps, as erasure needs them (scope
    `identity:deactivate-learner`)."""

    async def deactivate(self, learner_id: uuid.UUID) -> None:
        """The learner's account (if any) can no longer sign in: 204 from campaign-api, also when there is
        none. Any other answer, or none, raises `DependencyUnavailable` (the erasure does not happen)."""
        try:
            response = await self.request(
                "POST", f"/v1/learner-accounts/{learner_id}/deactivate", idempotent=True
            )
        except DependencyUnavailable as unavailable:
            raise DependencyUnavailable(
                code="learner.account_unavailable", service=self.service_name
            ) from unavailable
        if response.status_code != 204:
            raise DependencyUnavailable(code="learner.account_unavailable", service=self.service_name)
