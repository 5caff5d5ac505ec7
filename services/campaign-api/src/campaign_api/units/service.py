"""Rules of the units directory: references must exist, the tree never loops; and the scope a manager
acts for, read from this directory."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from campaign_api.access import UNIT_LIST, UNITS
from campaign_api.auditing import AuditedService
from campaign_api.units import repository
from campaign_api.units.models import Unit
from campaign_api.units.schemas import (
    UnitAction,
    UnitCodeOut,
    UnitCreate,
    UnitKind,
    UnitListAction,
    UnitOut,
    UnitPage,
    UnitUpdate,
)
from reference_data.localities import localities
from service_kit.access import Actor, UnitScope
from service_kit.db import flush_or_conflict
from service_kit.errors import Conflict, NotFound, conflicting_field, unknown_reference
from service_kit.pagination import Page, PageParams
from service_kit.text import fold


class DirectoryScope:
    """The kit's `ScopeSource`, read from campaign-api's own tables in the request's transaction
    (campaign-api owns the directory: no HTTP, no cache)."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def scope(self, unit_codes: tuple[str, ...]) -> UnitScope:
        rows = await repository.with_descendants(self._session, unit_codes)
        return UnitScope(
            units=frozenset(code for code, _ in rows),
            communes=frozenset(commune for _, commune in rows if commune),
        )


def unit_out(actor: Actor, unit: Unit) -> UnitOut:
    out = UnitOut.model_validate(unit)
    out.allowed_actions = [UnitAction(a) for a in UNITS.allowed_actions(actor, unit)]
    return out


@dataclass(kw_only=True)
class UnitService(AuditedService):
    async def get(self, code: str, *, for_update: bool = False) -> Unit:
        unit = await repository.get(self.session, code, for_update=for_update)
        if unit is None:
            raise NotFound(code="unit.not_found")
        return unit

    async def unknown_codes(self, codes: Iterable[str]) -> list[str]:
        """The codes among `codes` that name no unit of the directory, sorted."""
        wanted = set(codes)
        return sorted(wanted - await repository.existing_codes(self.session, wanted))

    async def list(
        self,
        actor: Actor,
        params: PageParams,
        *,
        parent_code: str | None,
        kind: str | None,
        cluster: str | None,
        province_code: str | None,
        q: str | None,
    ) -> UnitPage:
        statement = repository.query(
            parent_code=parent_code,
            kind=kind,
            cluster=cluster,
            province_code=province_code,
            folded_words=fold(q).split() if q else None,
        )
        units, total = await repository.page(self.session, statement, params)
        return UnitPage(
            items=[unit_out(actor, u) for u in units],
            total=total,
            allowed_actions=[UnitListAction(a) for a in UNIT_LIST.allowed_actions(actor, None)],
        )

    async def subtree(self, unit: Unit) -> Page[UnitCodeOut]:
        rows = await repository.descendants(self.session, unit.code)
        items = [
            UnitCodeOut(code=c, name=n, parent_code=p, commune_code=k, depth=d) for c, n, p, k, d in rows
        ]
        return Page(items=items, total=len(items))

    async def create(self, actor: Actor, data: UnitCreate) -> UnitOut:
        await self._check_references(
            kind=data.kind,
            province_code=data.province_code,
            commune_code=data.commune_code,
            parent_code=data.parent_code,
        )
        unit = Unit(**data.model_dump(), name_folded=fold(data.name))
        self.session.add(unit)
        await flush_or_conflict(self.session, Conflict(code="unit.exists", params={"code": data.code}))
        await self.session.refresh(unit)
        await self.audit(actor, "unit.created", "unit", unit.code, after=_snapshot(unit))
        return unit_out(actor, unit)

    async def update(
        self, actor: Actor, unit: Unit, data: UnitUpdate, *, expect: Callable[[UnitOut], None]
    ) -> UnitOut:
        """`expect` refuses a change made against an outdated copy (If-Match) before anything changes."""
        expect(unit_out(actor, unit))
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
                or parent_code in {code for code, *_ in await repository.descendants(self.session, unit.code)}
            )
        ):
            raise Conflict(code="unit.cycle", params={"code": unit.code, "parent_code": parent_code})
        for name, value in changes.items():
            setattr(unit, name, value)
        if "name" in changes:
            unit.name_folded = fold(unit.name)
        await self.session.flush()
        await self.session.refresh(unit)
        await self.audit(actor, "unit.updated", "unit", unit.code, before=before, after=_snapshot(unit))
        return unit_out(actor, unit)

    async def _check_references(
        self, *, kind: UnitKind, province_code: str, commune_code: str | None, parent_code: str | None
    ) -> None:
        if localities.province(province_code) is None:
            raise unknown_reference(
                "province_code", code="unit.unknown_province", province_code=province_code
            )
        if kind is UnitKind.COMMUNE and commune_code is None:
            raise conflicting_field("commune_code", code="unit.commune_required")
        if commune_code is not None:
            if not localities.commune_exists(commune_code):
                raise unknown_reference(
                    "commune_code", code="unit.unknown_commune", commune_code=commune_code
                )
            if localities.province_of_commune(commune_code) != province_code:
                raise conflicting_field(
                    "commune_code",
                    code="unit.commune_outside_province",
                    commune_code=commune_code,
                    province_code=province_code,
                )
        if parent_code is not None and await repository.get(self.session, parent_code) is None:
            raise unknown_reference("parent_code", code="unit.unknown_parent", parent_code=parent_code)


def _snapshot(unit: Unit) -> dict[str, object]:
    return UnitOut.model_validate(unit).model_dump(
        mode="json", exclude={"created_at", "updated_at", "allowed_actions"}
    )
