"""The access-policy mechanism: a manager's scope resolved once per request, rules per action, the
same rules answering `allowed_actions`, and refusals that say 403 (or 404 where existence must not
leak)."""

from dataclasses import dataclass
from typing import Annotated

import pytest
from fastapi import APIRouter, Depends

from service_kit.access import (
    Actor,
    Policy,
    UnitScope,
    actor_dependency,
    allowed,
    client_scopes,
    either,
    resolve_actor,
    roles,
)
from service_kit.auth import Principal, PrincipalDep
from service_kit.errors import Forbidden, NotFound
from service_kit.testing import assert_problem, started

SCOPE = UnitScope(units=frozenset({"66-XHOABINH", "66-XHOABINH-THCS"}), communes=frozenset({"24133"}))


@dataclass(frozen=True)
class Report:
    unit_code: str
    status: str


class Directory:
    def __init__(self) -> None:
        self.asked: list[tuple[str, ...]] = []

    async def scope(self, unit_codes: tuple[str, ...]) -> UnitScope:
        self.asked.append(unit_codes)
        return SCOPE


def own_unit(actor: Actor, report: Report) -> bool:
    return actor.acts_for(report.unit_code)


REPORTS = Policy(
    "report",
    read=either(roles("admin", "viewer"), own_unit, client_scopes("campaign:read")),
    actions={
        "submit": lambda actor, report: own_unit(actor, report) and report.status == "draft",
        "accept": lambda actor, report: actor.is_admin and report.status == "submitted",
    },
    hidden=True,
)


def person(*names: str, units: tuple[str, ...] = ()) -> Principal:
    return Principal(subject="p", issuer="i", roles=frozenset(names), unit_codes=units)


async def test_a_manager_reads_and_writes_only_inside_the_scope_resolved_once():
    directory = Directory()
    manager = await resolve_actor(person("manager", units=("66-XHOABINH",)), directory)
    assert directory.asked == [("66-XHOABINH",)]
    assert manager.acts_for("66-XHOABINH-THCS")
    assert not manager.acts_for("66-SVHTTDL")
    assert manager.reads_place(unit_code="66-OTHER", commune_code="24133")
    assert not manager.writes_place(unit_code="66-OTHER", commune_code="24133")
    assert manager.writes_place(unit_code="66-XHOABINH-THCS", commune_code="24133")
    assert not manager.writes_place(unit_code="66-XHOABINH", commune_code="99999")


async def test_admins_and_read_only_roles_need_no_scope():
    directory = Directory()
    admin = await resolve_actor(person("admin", "manager", units=("66",)), directory)
    viewer = await resolve_actor(person("viewer"), directory)
    assert directory.asked == []
    assert admin.acts_for("anything")
    assert admin.scope is None
    assert not viewer.acts_for("66-XHOABINH")


async def test_allowed_actions_come_from_the_rules_that_guard_the_actions():
    manager = await resolve_actor(person("manager", units=("66-XHOABINH",)), Directory())
    admin = await resolve_actor(person("admin"), None)
    viewer = await resolve_actor(person("viewer"), None)
    draft, submitted = Report("66-XHOABINH", "draft"), Report("66-XHOABINH", "submitted")
    assert REPORTS.allowed_actions(manager, draft) == ["submit"]
    assert REPORTS.allowed_actions(manager, submitted) == []
    assert REPORTS.allowed_actions(admin, submitted) == ["accept"]
    assert REPORTS.allowed_actions(viewer, submitted) == []
    assert REPORTS.allowed_actions(manager, Report("66-SVHTTDL", "draft")) == []


async def test_refusals_are_403_or_404_for_what_the_caller_may_not_even_read():
    manager = await resolve_actor(person("manager", units=("66-XHOABINH",)), Directory())
    viewer = await resolve_actor(person("viewer"), None)
    with pytest.raises(NotFound) as hidden:
        REPORTS.ensure(manager, "submit", Report("66-SVHTTDL", "draft"))
    assert hidden.value.code == "report.not_found"
    with pytest.raises(Forbidden) as refused:
        REPORTS.ensure(viewer, "accept", Report("66-XHOABINH", "submitted"))
    assert refused.value.code == "report.forbidden"
    REPORTS.ensure(manager, "submit", Report("66-XHOABINH", "draft"))


async def test_the_actor_dependency_resolves_the_scope_from_the_services_source(build_app, token_factory):
    directory = Directory()
    router = APIRouter()

    def get_directory() -> Directory:
        return directory

    actor_dep = Annotated[Actor, Depends(actor_dependency(get_directory))]

    @router.get("/reports/{unit_code}")
    async def read_report(unit_code: str, actor: actor_dep) -> dict[str, list[str]]:
        report = Report(unit_code, "draft")
        REPORTS.ensure(actor, "read", report)
        return {"allowed_actions": REPORTS.allowed_actions(actor, report)}

    app = build_app(router)
    async with started(app) as http:
        app.state.token_verifier.trust(token_factory.trusted_issuer(), token_factory.key_source())
        token = token_factory.token(roles=["manager"], unit_codes=["66-XHOABINH"])
        headers = {"Authorization": f"Bearer {token}"}
        own = await http.get("/reports/66-XHOABINH-THCS", headers=headers)
        other = await http.get("/reports/66-SVHTTDL", headers=headers)
        document = (await http.get("/openapi.json")).json()
    assert own.status_code == 200
    assert own.json() == {"allowed_actions": ["submit"]}
    assert_problem(other, 404)
    parameters = document["paths"]["/reports/{unit_code}"]["get"].get("parameters", [])
    assert [p["name"] for p in parameters] == ["unit_code"]


STATEFUL = Policy(
    "plan",
    read=roles("admin", "manager"),
    actions={"approve": roles("admin"), "edit": either(roles("admin"), own_unit)},
    when={"approve": lambda _actor, report: report.status == "submitted"},
)


async def test_an_action_is_offered_only_in_its_state_but_refused_only_for_want_of_the_right():
    admin = await resolve_actor(person("admin"), None)
    assert STATEFUL.allowed_actions(admin, Report("66-X", "draft")) == ["edit"]
    assert STATEFUL.allowed_actions(admin, Report("66-X", "submitted")) == ["approve", "edit"]
    STATEFUL.ensure(admin, "approve", Report("66-X", "draft"))  # the wrong state is the service's 409


async def test_a_collection_action_is_guarded_by_the_same_policy(build_app, token_factory):
    router = APIRouter()
    creators = Policy("campaign_list", read=roles("admin", "viewer"), actions={"create": roles("admin")})

    async def get_actor(principal: PrincipalDep) -> Actor:
        return await resolve_actor(principal, None)

    creator = Annotated[Actor, Depends(allowed(creators, "create", actor=get_actor))]

    @router.post("/campaigns")
    async def create(actor: creator) -> dict[str, str]:
        return {"by": actor.subject}

    app = build_app(router)
    async with started(app) as http:
        app.state.token_verifier.trust(token_factory.trusted_issuer(), token_factory.key_source())
        viewer = {"Authorization": f"Bearer {token_factory.token('v', roles=['viewer'])}"}
        admin = {"Authorization": f"Bearer {token_factory.token('a', roles=['admin'])}"}
        refused = await http.post("/campaigns", headers=viewer)
        made = await http.post("/campaigns", headers=admin)
    assert assert_problem(refused, 403)["code"] == "campaign_list.forbidden"
    assert made.json() == {"by": "a"}
