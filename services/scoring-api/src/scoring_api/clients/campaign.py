"""campaign-api as scoring-api calls it: a campaign's participants, targets and KPIs (one call each), and
the unit directory that a manager's scope comes from (cached)."""

from __future__ import annotations

import time
import uuid
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from service_kit.access import UnitScope
from service_kit.http_client import ServiceClient

SCOPE_TTL_SECONDS = 60.0
UNIT_PAGE = 500
"""The directory's largest page: a province's ~3,500 units come in about seven calls."""


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


class ContestParticipation(BaseModel):
    unit_code: str
    participation_rate: Decimal | None = None


class _ContestParticipation(BaseModel):
    items: list[ContestParticipation]


class UnitName(BaseModel):
    code: str
    name: str
    commune_code: str | None = None


class _UnitNames(BaseModel):
    items: list[UnitName]
    total: int


class UnitPlace(BaseModel):
    """A unit of the directory as a scope needs it: its code and the commune it is (if it is one)."""

    code: str
    commune_code: str | None = None


class _Participants(BaseModel):
    items: list[Participant]


class _Targets(BaseModel):
    items: list[Target]


class _Kpis(BaseModel):
    items: list[Kpi]


class _Subtree(BaseModel):
    items: list[UnitPlace]


class CampaignClient(ServiceClient):
    service_name = "campaign-api"

    def __init__(
        self, base_url: str, *, scope_ttl_seconds: float = SCOPE_TTL_SECONDS, **options: Any
    ) -> None:
        super().__init__(base_url, **options)
        self._scope_ttl = scope_ttl_seconds
        self._units: dict[str, tuple[float, tuple[UnitPlace, ...]]] = {}

    async def participants(self, campaign_id: uuid.UUID) -> list[Participant] | None:
        """The campaign's participants; None when campaign-api knows no such campaign."""
        page = await self.get_model_or_none(
            f"/v1/campaigns/{campaign_id}/participants", _Participants, bulk=True
        )
        return None if page is None else page.items

    async def target_codes(self, campaign_id: uuid.UUID) -> set[str] | None:
        """The codes of the campaign's targets; None when campaign-api knows no such campaign."""
        page = await self.get_model_or_none(f"/v1/campaigns/{campaign_id}/targets", _Targets)
        return None if page is None else {t.code for t in page.items}

    async def kpis(self, campaign_id: uuid.UUID) -> list[Kpi]:
        """Every unit's progress per target, from its latest accepted report (one batched call); none for
        a campaign campaign-api does not know."""
        page = await self.get_model_or_none(f"/v1/campaigns/{campaign_id}/kpis", _Kpis, bulk=True)
        return [] if page is None else page.items

    async def contest_participation(self, campaign_id: uuid.UUID) -> dict[str, Decimal]:
        """Each unit's participation rate in the campaign's online contests (one batched call); a unit
        without staff (no rate) or a campaign campaign-api does not know gives none."""
        page = await self.get_model_or_none(
            f"/v1/campaigns/{campaign_id}/contest-participation", _ContestParticipation, bulk=True
        )
        items = [] if page is None else page.items
        return {i.unit_code: i.participation_rate for i in items if i.participation_rate is not None}

    async def unit_names(self, kind: str | None = None) -> dict[str, str]:
        """The name of every unit of the directory (of one `kind`), by unit code and, for a commune's unit,
        by its commune code too (what literacy-api's coverage is keyed by): the directory's pages in turn."""
        names: dict[str, str] = {}
        offset = 0
        while True:
            params: dict[str, Any] = {"limit": UNIT_PAGE, "offset": offset}
            if kind is not None:
                params["kind"] = kind
            page = await self.get_model("/v1/units", _UnitNames, params=params)
            for unit in page.items:
                names[unit.code] = unit.name
                if unit.commune_code:
                    names.setdefault(unit.commune_code, unit.name)
            offset += len(page.items)
            if not page.items or offset >= page.total:
                return names

    async def scope(self, unit_codes: tuple[str, ...]) -> UnitScope:
        """What a manager of `unit_codes` acts for: those units, every unit below them, and the communes
        they are. When campaign-api cannot answer, `DependencyUnavailable` propagates: an access decision
        is never guessed. A unit the directory does not know adds nothing."""
        places = [place for code in unit_codes for place in await self._unit_and_below(code)]
        return UnitScope(
            units=frozenset(p.code for p in places),
            communes=frozenset(p.commune_code for p in places if p.commune_code),
        )

    async def _unit_and_below(self, unit_code: str) -> tuple[UnitPlace, ...]:
        cached = self._units.get(unit_code)
        if cached is not None and time.monotonic() - cached[0] < self._scope_ttl:
            return cached[1]
        own = await self.get_model_or_none(f"/v1/units/{unit_code}", UnitPlace)
        if own is None:
            places: tuple[UnitPlace, ...] = ()
        else:
            below = await self.get_model(f"/v1/units/{unit_code}/subtree", _Subtree)
            places = (own, *below.items)
        self._units[unit_code] = (time.monotonic(), places)
        return places
