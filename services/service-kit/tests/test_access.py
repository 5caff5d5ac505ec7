"""Object-level access to units (managers: their units and sub-units), and ETag preconditions."""

import httpx
import pytest
from fastapi import APIRouter, Depends, Request, Response

from service_kit.auth import Principal, ensure_unit_access, require_unit_access
from service_kit.caching import check_if_match, etag_of, not_modified
from service_kit.errors import DependencyUnavailable, Forbidden
from service_kit.http_client import ServiceClient
from service_kit.testing import TokenFactory, started
from service_kit.units import CampaignUnitTree

# Đắk Lắk: the province's people's committee, a department, and a commune with a school.
TREE = {"66": ["66-SVHTTDL", "66-XHOABINH", "66-XHOABINH-THCS"], "66-XHOABINH": ["66-XHOABINH-THCS"]}


COMMUNES = {"66-XHOABINH": "24133"}


def campaign_answers(calls: list[str]):
    def handle(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        code = request.url.path.split("/")[3]
        if not request.url.path.endswith("/subtree"):
            return httpx.Response(200, json={"code": code, "commune_code": COMMUNES.get(code)})
        return httpx.Response(
            200, json={"items": [{"code": c, "commune_code": COMMUNES.get(c)} for c in TREE.get(code, [])]}
        )

    return handle


def tree_with(calls: list[str], handler=None) -> CampaignUnitTree:
    transport = httpx.MockTransport(handler or campaign_answers(calls))
    return CampaignUnitTree(ServiceClient("http://campaign.test", transport=transport, backoff_seconds=0))


def person(*roles: str, units: tuple[str, ...] = ()) -> Principal:
    return Principal(subject="p", issuer="i", roles=frozenset(roles), unit_codes=units)


async def test_manager_acts_for_its_unit_and_sub_units_only():
    calls: list[str] = []
    tree = tree_with(calls)
    commune_manager = person("manager", units=("66-XHOABINH",))
    await ensure_unit_access(commune_manager, "66-XHOABINH", tree)
    await ensure_unit_access(commune_manager, "66-XHOABINH-THCS", tree)
    with pytest.raises(Forbidden):
        await ensure_unit_access(commune_manager, "66-SVHTTDL", tree)
    with pytest.raises(Forbidden):
        await ensure_unit_access(commune_manager, "66", tree)
    # The unit and its subtree were read once, then served from the cache.
    assert calls == ["/v1/units/66-XHOABINH", "/v1/units/66-XHOABINH/subtree"]


async def test_a_managers_scope_holds_its_units_and_their_communes():
    scope = await tree_with([]).scope(("66",))
    assert scope.units == {"66", "66-SVHTTDL", "66-XHOABINH", "66-XHOABINH-THCS"}
    assert scope.communes == {"24133"}
    assert scope.covers(unit_code=None, commune_code="24133")
    assert scope.covers(unit_code="66-SVHTTDL", commune_code=None)
    assert not scope.covers(unit_code="77-X", commune_code="00070")


async def test_admin_acts_for_every_unit_and_read_only_roles_for_none():
    tree = tree_with([])
    await ensure_unit_access(person("admin"), "66-SVHTTDL", tree)
    for role in ("viewer", "evaluator", "council", "learner"):
        with pytest.raises(Forbidden):
            await ensure_unit_access(person(role, units=("66-SVHTTDL",)), "66-SVHTTDL", tree)


async def test_an_unreachable_unit_tree_is_never_taken_as_a_yes():
    tree = tree_with([], handler=lambda request: httpx.Response(503))
    with pytest.raises(DependencyUnavailable):
        await ensure_unit_access(person("manager", units=("66",)), "66-XHOABINH", tree)


router = APIRouter()


@router.get("/units/{unit_code}/plan")
async def unit_plan(unit_code: str, principal: Principal = Depends(require_unit_access())) -> dict[str, str]:
    return {"unit": unit_code}


DOCUMENT = {"id": "d1", "title": "Kế hoạch chuyển đổi số 2025", "version": 3}


@router.get("/documents/d1", response_model=None)
async def read_document(request: Request, response: Response) -> dict[str, object] | Response:
    if not_modified(request, response, DOCUMENT):
        return Response(status_code=304, headers={"ETag": response.headers["ETag"]})
    return DOCUMENT


@router.patch("/documents/d1")
async def change_document(request: Request) -> dict[str, str]:
    check_if_match(request, DOCUMENT)
    return {"changed": "yes"}


@pytest.fixture
async def client(build_app):
    issuer = TokenFactory()
    app = build_app(router)
    async with started(app) as http:
        app.state.token_verifier = issuer.verifier()
        app.state.unit_tree = tree_with([])
        yield http, issuer


async def test_route_guard_answers_403_problem_for_another_units_manager(client):
    http, issuer = client
    school_manager = issuer.auth(roles=["manager"], unit_codes=["66-XHOABINH-THCS"])
    commune_manager = issuer.auth(roles=["manager"], unit_codes=["66-XHOABINH"])
    assert (await http.get("/units/66-XHOABINH-THCS/plan", headers=commune_manager)).status_code == 200
    denied = await http.get("/units/66-XHOABINH/plan", headers=school_manager)
    assert denied.status_code == 403
    assert denied.headers["content-type"] == "application/problem+json"
    assert (await http.get("/units/66-XHOABINH/plan")).status_code == 401


async def test_etag_gives_304_and_a_stale_if_match_gives_412(client):
    http, _ = client
    first = await http.get("/documents/d1")
    etag = first.headers["etag"]
    assert etag == etag_of(DOCUMENT)
    assert (await http.get("/documents/d1", headers={"If-None-Match": etag})).status_code == 304
    assert (await http.get("/documents/d1", headers={"If-None-Match": '"other"'})).status_code == 200
    assert (await http.patch("/documents/d1", headers={"If-Match": etag})).status_code == 200
    stale = await http.patch("/documents/d1", headers={"If-Match": '"an-old-version"'})
    assert stale.status_code == 412
    assert stale.headers["content-type"] == "application/problem+json"
    assert (await http.patch("/documents/d1")).status_code == 200
