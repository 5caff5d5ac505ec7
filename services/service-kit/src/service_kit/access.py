"""The mechanism every service's access policy is written with: who is acting (with the units and
communes they act for, resolved once per request), rules per kind of object and action, and the
`allowed_actions` that come from the same rules. The rules themselves live in each service's
`access.py`; routers only ask them through chained dependencies."""

from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Annotated, Generic, Protocol, TypeVar

from fastapi import Depends

from service_kit.auth import ADMIN_ROLE, MANAGER_ROLE, Principal, PrincipalDep
from service_kit.errors import Forbidden, NotFound

T = TypeVar("T")
T_contra = TypeVar("T_contra", contravariant=True)

READ = "read"
"""The action every kind of object has: seeing it (in a list or alone)."""


@dataclass(frozen=True)
class UnitScope:
    """What a manager acts for: units (theirs and every sub-unit) and the communes those units are."""

    units: frozenset[str]
    communes: frozenset[str]

    def covers(self, *, unit_code: str | None, commune_code: str | None) -> bool:
        """Reading: the object belongs to one of the units, or lies in one of the communes."""
        return (unit_code is not None and unit_code in self.units) or (
            commune_code is not None and commune_code in self.communes
        )

    def contains(self, *, unit_code: str | None, commune_code: str | None) -> bool:
        """Writing: every place the object names lies in the scope, and it names at least one."""
        if unit_code is None and commune_code is None:
            return False
        return (unit_code is None or unit_code in self.units) and (
            commune_code is None or commune_code in self.communes
        )


EMPTY_SCOPE = UnitScope(units=frozenset(), communes=frozenset())


class ScopeSource(Protocol):
    """Where a manager's scope comes from: campaign-api's directory (over REST, or its own tables)."""

    async def scope(self, unit_codes: tuple[str, ...]) -> UnitScope: ...


@dataclass(frozen=True)
class Actor:
    """The caller of one request. `scope` is None when their rights are not bound to units
    (administrators, API clients, read-only roles); for a manager it is the units they act for."""

    principal: Principal
    scope: UnitScope | None

    @property
    def subject(self) -> str:
        return self.principal.subject

    @property
    def is_admin(self) -> bool:
        return self.principal.has_role(ADMIN_ROLE)

    @property
    def is_manager(self) -> bool:
        return self.principal.has_role(MANAGER_ROLE) and not self.is_admin

    @property
    def is_client(self) -> bool:
        return self.principal.is_client

    @property
    def learner_id(self) -> str | None:
        return self.principal.learner_id

    def has_role(self, *roles: str) -> bool:
        return self.principal.has_role(*roles)

    def has_scope(self, *scopes: str) -> bool:
        return any(self.principal.has_scope(scope) for scope in scopes)

    def acts_for(self, unit_code: str | None) -> bool:
        """May act for this unit: an administrator for every unit, a manager inside their scope."""
        if self.is_admin:
            return True
        return self.is_manager and self.scope is not None and unit_code in self.scope.units

    def reads_place(self, *, unit_code: str | None, commune_code: str | None) -> bool:
        """A manager reads what belongs to a unit of theirs or lies in one of their communes."""
        if self.is_admin:
            return True
        return (
            self.is_manager
            and self.scope is not None
            and self.scope.covers(unit_code=unit_code, commune_code=commune_code)
        )

    def writes_place(self, *, unit_code: str | None, commune_code: str | None) -> bool:
        """A manager writes only what lies wholly in their scope: its unit and its commune both."""
        if self.is_admin:
            return True
        return (
            self.is_manager
            and self.scope is not None
            and self.scope.contains(unit_code=unit_code, commune_code=commune_code)
        )


Rule = Callable[[Actor, T_contra], bool]
"""May this actor do the action on this object? Pure and synchronous: the scope is resolved first."""


def anyone(_actor: Actor, _obj: object) -> bool:
    return True


def nobody(_actor: Actor, _obj: object) -> bool:
    return False


def roles(*names: str) -> Rule[object]:
    """People holding one of the roles."""

    def rule(actor: Actor, _obj: object) -> bool:
        return actor.has_role(*names)

    return rule


def client_scopes(*names: str) -> Rule[object]:
    """API clients granted one of the scopes."""

    def rule(actor: Actor, _obj: object) -> bool:
        return actor.is_client and actor.has_scope(*names)

    return rule


def either(*rules: Rule[T]) -> Rule[T]:
    def rule(actor: Actor, obj: T) -> bool:
        return any(r(actor, obj) for r in rules)

    return rule


def both(*rules: Rule[T]) -> Rule[T]:
    def rule(actor: Actor, obj: T) -> bool:
        return all(r(actor, obj) for r in rules)

    return rule


class Policy(Generic[T]):
    """Who may read one kind of object and do each of its actions.

    `hidden` kinds answer 404 rather than 403 to a caller who may not read the object, so that its
    existence does not leak (a learner, another unit's report). Every action also needs `read`.
    """

    def __init__(
        self,
        kind: str,
        *,
        read: Rule[T],
        actions: Mapping[str, Rule[T]] | None = None,
        when: Mapping[str, Rule[T]] | None = None,
        hidden: bool = False,
        label: str | None = None,
    ) -> None:
        """`when` names, per action, the state the object must be in for the action to be offered in
        `allowed_actions` (a wrong state is the service's own 409, not a refusal: `ensure` ignores it)."""
        self.kind = kind
        self.label = label or kind
        self.hidden = hidden
        self._rules: dict[str, Rule[T]] = {READ: read, **(actions or {})}
        self._when: dict[str, Rule[T]] = dict(when or {})

    @property
    def actions(self) -> tuple[str, ...]:
        return tuple(name for name in self._rules if name != READ)

    def can(self, actor: Actor, action: str, obj: T) -> bool:
        rule = self._rules.get(action)
        if rule is None:
            raise KeyError(f"{self.kind} has no action {action!r}")
        return self._rules[READ](actor, obj) and rule(actor, obj)

    def ensure(self, actor: Actor, action: str, obj: T) -> None:
        """Refuse with 403 (or 404 for hidden kinds the caller may not even read)."""
        if self.can(actor, action, obj):
            return
        if self.hidden and not self._rules[READ](actor, obj):
            raise NotFound(f"No such {self.label}.", code=f"{self.kind}.not_found")
        raise Forbidden(
            f"You may not {action.replace('_', ' ')} this {self.label}.", code=f"{self.kind}.forbidden"
        )

    def allowed_actions(self, actor: Actor, obj: T) -> list[str]:
        """The actions this actor may take on `obj`, in the order the policy names them."""
        if not self._rules[READ](actor, obj):
            return []
        return [
            name
            for name, rule in self._rules.items()
            if name != READ and rule(actor, obj) and self._when.get(name, anyone)(actor, obj)
        ]

    def visible(self, actor: Actor, objects: Iterable[T]) -> list[T]:
        """For lists too small to filter in SQL: the objects this actor may read."""
        return [obj for obj in objects if self._rules[READ](actor, obj)]


async def resolve_actor(principal: Principal, source: ScopeSource | None) -> Actor:
    """Resolve a manager's scope once (cached by the source); everyone else needs none."""
    if principal.has_role(ADMIN_ROLE) or not principal.has_role(MANAGER_ROLE):
        return Actor(principal, None)
    if not principal.unit_codes:
        return Actor(principal, EMPTY_SCOPE)
    if source is None:
        return Actor(principal, UnitScope(units=frozenset(principal.unit_codes), communes=frozenset()))
    return Actor(principal, await source.scope(principal.unit_codes))


def allowed(
    policy: Policy[None], action: str = READ, *, actor: Callable[..., Awaitable[Actor]]
) -> Callable[..., Awaitable[Actor]]:
    """A dependency for collection-level actions (read a list, create in it): the caller, when
    `policy` lets them do `action`; `actor` is the service's actor dependency."""

    async def dependency(who: Annotated[Actor, Depends(actor)]) -> Actor:
        policy.ensure(who, action, None)
        return who

    return dependency


def actor_dependency(
    scope_source: Callable[..., ScopeSource | None] | Callable[..., Awaitable[ScopeSource | None]],
) -> Callable[..., Awaitable[Actor]]:
    """The service's `ActorDep` dependency, given the dependency that provides its scope source."""

    async def dependency(
        principal: PrincipalDep,
        source: Annotated[ScopeSource | None, Depends(scope_source)],
    ) -> Actor:
        return await resolve_actor(principal, source)

    return dependency
