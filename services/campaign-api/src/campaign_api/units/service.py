"""Rules of the units directory: references must exist, and the tree never loops."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from campaign_api.auditing import AuditedService
from campaign_api.units import repository
from campaign_api.units.models import Unit
from campaign_api.units.schemas import UnitCreate, UnitKind, UnitOut, UnitUpdate
from reference_data.localities import localities
from service_kit.auth import Principal
from service_kit.errors import Conflict, NotFound, ValidationFailed
from service_kit.text import fold


def _field_error(field: str, message: str) -> ValidationFailed:
    return ValidationFailed(message, errors=[{"field": field, "message": message}])


class SessionUnitTree:
    """The unit tree read in the current transaction (campaign-api owns it: no HTTP, no cache)."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def subtree(self, unit_code: str) -> frozenset[str]:
        return frozenset(
            {unit_code, *(code for code, *_ in await repository.descendants(self._session, unit_code))}
        )


@dataclass(kw_only=True)
class UnitService(AuditedService):
    async def get(self, code: str, *, for_update: bool = False) -> Unit:
        unit = await repository.get(self.session, code, for_update=for_update)
        if unit is None:
            raise NotFound(f"No unit {code}.")
        return unit

    async def create(self, actor: Principal, data: UnitCreate) -> Unit:
        await self._check_references(
            kind=data.kind,
            province_code=data.province_code,
            commune_code=data.commune_code,
            parent_code=data.parent_code,
        )
        unit = Unit(**data.model_dump(), name_folded=fold(data.name))
        self.session.add(unit)
        try:
            async with self.session.begin_nested():
                await self.session.flush()
        except IntegrityError:
            raise Conflict(f"A unit with code {data.code} exists.") from None
        await self.session.refresh(unit)
        await self.audit(actor, "unit.created", "unit", unit.code, after=_snapshot(unit))
        return unit

    async def update(self, actor: Principal, unit: Unit, data: UnitUpdate) -> Unit:
        before = _snapshot(unit)
        changes = data.model_dump(exclude_unset=True)
        kind = UnitKind(changes.get("kind") or unit.kind)
        commune_code = changes.get("commune_code", unit.commune_code)
        parent_code = changes.get("parent_code", unit.parent_code)
        await self._check_references(
            kind=kind, province_code=unit.province_code, commune_code=commune_code, parent_code=parent_code
        )
        if (
            parent_code is not None
            and parent_code != unit.parent_code
            and (
                parent_code == unit.code
                or parent_code in await SessionUnitTree(self.session).subtree(unit.code)
            )
        ):
            raise Conflict(
                f"{unit.code} cannot move under itself or one of its own sub-units ({parent_code})."
            )
        for name, value in changes.items():
            setattr(unit, name, value)
        if "name" in changes:
            unit.name_folded = fold(unit.name)
        await self.session.flush()
        await self.session.refresh(unit)
        await self.audit(actor, "unit.updated", "unit", unit.code, before=before, after=_snapshot(unit))
        return unit

    async def _check_references(
        self, *, kind: UnitKind, province_code: str, commune_code: str | None, parent_code: str | None
    ) -> None:
        if localities.province(province_code) is None:
            raise _field_error(
                "province_code", f"No province {province_code} (34 provinces since July 2025)."
            )
        if kind is UnitKind.COMMUNE and commune_code is None:
            raise _field_error("commune_code", "A commune or ward unit names its commune_code.")
        if commune_code is not None:
            if not localities.commune_exists(commune_code):
                raise _field_error("commune_code", f"No commune or ward {commune_code}.")
            if localities.province_of_commune(commune_code) != province_code:
                raise _field_error(
                    "commune_code", f"Commune {commune_code} is not in province {province_code}."
                )
        if parent_code is not None and await repository.get(self.session, parent_code) is None:
            raise _field_error("parent_code", f"No unit {parent_code}.")


def _snapshot(unit: Unit) -> dict[str, object]:
    return UnitOut.model_validate(unit).model_dump(mode="json", exclude={"created_at", "updated_at"})
