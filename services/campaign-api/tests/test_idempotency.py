"""Idempotency-Key on creating POSTs (API.md): a repeat returns the first answer and creates nothing."""

from sqlalchemy import func, select

from campaign_api.campaigns.models import Campaign
from campaign_api.identity.models import ApiClient
from service_kit.testing import assert_problem

UNIT = {"code": "66", "name": "UBND tỉnh Đắk Lắk", "kind": "province", "province_code": "66"}
MOVEMENT = {
    "code": "CDS-2026",
    "title": "Chuyển đổi số 2026",
    "level": "province",
    "organizer_unit_code": "66",
    "starts_on": "2026-01-01",
    "ends_on": "2026-12-31",
}


async def count(app, model) -> int:
    async with app.state.database.sessionmaker() as session:
        return await session.scalar(select(func.count()).select_from(model)) or 0


async def test_a_repeat_returns_the_first_answer_and_creates_nothing(client, admin, app):
    await client.post("/v1/units", headers=admin, json=UNIT)
    keyed = {**admin, "Idempotency-Key": "tao-phong-trao-2026-01"}
    first = await client.post("/v1/campaigns", headers=keyed, json=MOVEMENT)
    again = await client.post("/v1/campaigns", headers=keyed, json=MOVEMENT)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["idempotent-replayed"] == "true"
    assert await count(app, Campaign) == 1


async def test_the_same_key_with_another_body_is_422(client, admin, app):
    await client.post("/v1/units", headers=admin, json=UNIT)
    keyed = {**admin, "Idempotency-Key": "k-2"}
    assert (await client.post("/v1/campaigns", headers=keyed, json=MOVEMENT)).status_code == 201
    other = await client.post("/v1/campaigns", headers=keyed, json={**MOVEMENT, "code": "CDS-KHAC"})
    assert assert_problem(other, 422)["code"] == "idempotency.key_reused"
    assert await count(app, Campaign) == 1


async def test_a_refused_request_leaves_the_key_free_for_a_corrected_retry(client, admin, app):
    keyed = {**admin, "Idempotency-Key": "k-3"}
    refused = await client.post(
        "/v1/campaigns", headers=keyed, json=MOVEMENT
    )  # the organiser unit does not exist yet
    assert assert_problem(refused, 409)["code"] == "campaign.unknown_organizer"
    await client.post("/v1/units", headers=admin, json=UNIT)
    assert (await client.post("/v1/campaigns", headers=keyed, json=MOVEMENT)).status_code == 201


async def test_keys_belong_to_their_caller(client, admin, create_account, bearer, app):
    await client.post("/v1/units", headers=admin, json=UNIT)
    await create_account("ql.tinh", ["manager"], ["66"])
    manager = await bearer("ql.tinh")
    key = {"Idempotency-Key": "shared-key"}
    assert (await client.post("/v1/campaigns", headers={**admin, **key}, json=MOVEMENT)).status_code == 201
    mine = await client.post("/v1/campaigns", headers={**manager, **key}, json={**MOVEMENT, "code": "CDS-QL"})
    assert mine.status_code == 201
    assert await count(app, Campaign) == 2


async def test_a_secret_shown_once_is_not_replayed(client, admin, app):
    keyed = {**admin, "Idempotency-Key": "client-1"}
    body = {"name": "Cổng thông tin tỉnh", "scopes": ["campaign:read"]}
    first = await client.post("/v1/clients", headers=keyed, json=body)
    assert first.status_code == 201
    assert first.headers["cache-control"] == "no-store"
    repeat = await client.post("/v1/clients", headers=keyed, json=body)
    assert assert_problem(repeat, 409)["code"] == "idempotency.shown_once"
    assert await count(app, ApiClient) == 1


async def test_a_malformed_key_is_400(client, admin):
    response = await client.post(
        "/v1/units", headers={**admin, "Idempotency-Key": "a key with spaces"}, json=UNIT
    )
    assert_problem(response, 400)
