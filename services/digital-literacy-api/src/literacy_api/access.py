"""Who may see and change learners' data: admins everything, managers what lies in their units'
scope (the units and their communes, learned from campaign-api), API clients by scope."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Protocol

from fastapi import Depends, Request

from service_kit.auth import Principal, PrincipalDep
from service_kit.errors import Forbidden
from service_kit.units import UnitScope

READ_SCOPE = "literacy:read"
WRITE_SCOPE = "literacy:write"


class ScopeSource(Protocol):
    async def scope(self, unit_codes: tuple[str, ...]) -> UnitScope: ...


@dataclass(frozen=True)
class LearnerAccess:
    """A caller allowed to reach learners' data, and how far: `scope` None means the whole province."""

    principal: Principal
    scope: UnitScope | None

    def covers(self, *, unit_code: str | None, commune_code: str | None) -> bool:
        return self.scope is None or self.scope.covers(unit_code=unit_code, commune_code=commune_code)

    def ensure_covers(self, *, unit_code: str | None, commune_code: str | None) -> None:
        if not self.covers(unit_code=unit_code, commune_code=commune_code):
            raise Forbidden("This learner is outside the units and communes you act for.")

    @property
    def sees_sensitive_data(self) -> bool:
        """Ethnicity is shown to administrators only, on the single record."""
        return self.principal.has_role("admin")


async def _access(request: Request, principal: Principal, *, write: bool) -> LearnerAccess:
    if principal.has_role("admin"):
        return LearnerAccess(principal, None)
    if principal.is_client:
        needed = WRITE_SCOPE if write else READ_SCOPE
        if principal.has_scope(needed) or (not write and principal.has_scope(WRITE_SCOPE)):
            return LearnerAccess(principal, None)
        raise Forbidden(f"This needs the scope {needed}.")
    if principal.has_role("manager"):
        tree: ScopeSource | None = getattr(request.app.state, "unit_tree", None)
        if tree is None:
            return LearnerAccess(
                principal, UnitScope(units=frozenset(principal.unit_codes), communes=frozenset())
            )
        return LearnerAccess(principal, await tree.scope(principal.unit_codes))
    raise Forbidden("Learners' personal data is for administrators, unit managers and authorised systems.")


async def reader(request: Request, principal: PrincipalDep) -> LearnerAccess:
    return await _access(request, principal, write=False)


async def writer(request: Request, principal: PrincipalDep) -> LearnerAccess:
    return await _access(request, principal, write=True)


ReaderDep = Annotated[LearnerAccess, Depends(reader)]
WriterDep = Annotated[LearnerAccess, Depends(writer)]
