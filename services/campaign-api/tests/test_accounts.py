"""Administrators manage officials' accounts and API clients; every change is audited."""

from sqlalchemy import select

from campaign_api.config import ServiceClientSeed
from campaign_api.database import audit_event
from campaign_api.identity.models import Account, ApiClient
from service_kit.testing import assert_problem


async def count(app, model) -> int:
    async with app.state.database.sessionmaker() as session:
        return len((await session.scalars(select(model))).all())


async def test_admin_creates_a_unit_manager_who_can_sign_in(create_account, bearer, client, admin):
    # A manager's units are units of the directory.
    unit = {
        "code": "66-SKHCN",
        "name": "Sở Khoa học và Công nghệ",
        "kind": "department",
        "province_code": "66",
    }
    assert (await client.post("/v1/units", headers=admin, json=unit)).status_code == 201
    account = await create_account("truong.phong.cntt", ["manager"], ["66-SKHCN"], full_name="Trần Thị Bích")
    assert account["username"] == "truong.phong.cntt"
    assert account["roles"] == ["manager"]
    assert account["unit_codes"] == ["66-SKHCN"]
    assert account["active"] is True
    assert "password" not in account
    assert "password_hash" not in account
    me = await client.get("/v1/auth/me", headers=await bearer("truong.phong.cntt"))
    assert me.json()["full_name"] == "Trần Thị Bích"
    assert me.json()["unit_codes"] == ["66-SKHCN"]


async def test_invalid_accounts_are_422_and_nothing_is_stored(client, admin, app):
    before = await count(app, Account)
    cases = [
        {"username": "x", "password": "mat-khau-dai", "full_name": "A", "roles": ["viewer"]},
        {"username": "hoc.vien", "password": "mat-khau-dai", "full_name": "A", "roles": ["learner"]},
        {"username": "066190000123", "password": "mat-khau-dai", "full_name": "A", "roles": ["viewer"]},
        {"username": "ngan", "password": "short", "full_name": "A", "roles": ["viewer"]},
        {"username": "cung.ten", "password": "cung.ten", "full_name": "A", "roles": ["viewer"]},
        {"username": "vai.tro.la", "password": "mat-khau-dai", "full_name": "A", "roles": ["superuser"]},
    ]
    for body in cases:
        problem = assert_problem(await client.post("/v1/accounts", headers=admin, json=body), 422)
        assert problem["errors"], body
    assert await count(app, Account) == before
    # A manager without units breaks no rule of the schema: it conflicts with what a manager is.
    manager = {"username": "quan.ly", "password": "mat-khau-dai", "full_name": "A", "roles": ["manager"]}
    problem = assert_problem(await client.post("/v1/accounts", headers=admin, json=manager), 409)
    assert problem["code"] == "account.manager_needs_units"
    assert await count(app, Account) == before


async def test_a_second_account_with_the_same_username_is_409(create_account, client, admin, app):
    await create_account("can.bo.xa", ["viewer"])
    before = await count(app, Account)
    duplicate = await client.post(
        "/v1/accounts",
        headers=admin,
        json={"username": "CAN.BO.XA", "password": "mat-khau-khac", "full_name": "B", "roles": ["viewer"]},
    )
    assert_problem(duplicate, 409)
    assert await count(app, Account) == before


async def test_list_filters_by_role_and_name(create_account, client, admin):
    await create_account("danh.gia.1", ["evaluator"], full_name="Lê Văn Đánh Giá")
    await create_account("hoi.dong.1", ["council"], full_name="Phạm Hội Đồng")
    evaluators = (await client.get("/v1/accounts", headers=admin, params={"role": "evaluator"})).json()
    assert [a["username"] for a in evaluators["items"]] == ["danh.gia.1"]
    assert evaluators["total"] == 1
    named = (await client.get("/v1/accounts", headers=admin, params={"q": "hoi.dong"})).json()
    assert [a["username"] for a in named["items"]] == ["hoi.dong.1"]


async def test_get_has_an_etag_and_patch_with_a_stale_if_match_is_412(create_account, client, admin, app):
    account = await create_account("nv.van.thu", ["viewer"])
    url = f"/v1/accounts/{account['id']}"
    first = await client.get(url, headers=admin)
    etag = first.headers["etag"]
    assert (await client.get(url, headers={**admin, "If-None-Match": etag})).status_code == 304

    changed = await client.patch(url, headers={**admin, "If-Match": etag}, json={"roles": ["evaluator"]})
    assert changed.status_code == 200
    assert changed.json()["roles"] == ["evaluator"]
    assert changed.headers["etag"] != etag

    stale = await client.patch(url, headers={**admin, "If-Match": etag}, json={"roles": ["council"]})
    assert_problem(stale, 412)
    assert (await client.get(url, headers=admin)).json()["roles"] == ["evaluator"]


async def test_unknown_account_is_404(client, admin):
    assert_problem(await client.get("/v1/accounts/7d1f3c2a-0000-4000-8000-00000000ffff", headers=admin), 404)
    assert_problem(await client.get("/v1/accounts/not-a-uuid", headers=admin), 422)


async def test_deactivating_ends_the_sign_in_and_is_audited_without_secrets(
    create_account, login, client, admin, app, default_password
):
    account = await create_account("sap.nghi.huu", ["viewer"])
    tokens = (await login("sap.nghi.huu", default_password)).json()
    response = await client.patch(f"/v1/accounts/{account['id']}", headers=admin, json={"active": False})
    assert response.json()["active"] is False
    refresh = await client.post(
        "/v1/auth/token", data={"grant_type": "refresh_token", "refresh_token": tokens["refresh_token"]}
    )
    assert_problem(refresh, 401)
    me = await client.get("/v1/auth/me", headers={"Authorization": f"Bearer {tokens['access_token']}"})
    assert_problem(me, 401)

    async with app.state.database.sessionmaker() as session:
        event = (
            (
                await session.execute(
                    select(audit_event).where(
                        audit_event.c.action == "account.updated", audit_event.c.object_id == account["id"]
                    )
                )
            )
            .mappings()
            .one()
        )
    assert event["before"]["active"] is True
    assert event["after"]["active"] is False
    assert "password_hash" not in str(event)


async def test_a_password_change_is_audited_as_changed_only(create_account, client, admin, app, login):
    account = await create_account("doi.mat.khau", ["viewer"])
    await client.patch(f"/v1/accounts/{account['id']}", headers=admin, json={"password": "mat-khau-moi-2026"})
    assert (await login("doi.mat.khau", "mat-khau-moi-2026")).status_code == 200
    async with app.state.database.sessionmaker() as session:
        after = await session.scalar(
            select(audit_event.c.after).where(
                audit_event.c.action == "account.updated", audit_event.c.object_id == account["id"]
            )
        )
    assert after["password"] == "changed"
    assert "mat-khau-moi-2026" not in str(after)


async def test_an_admin_cannot_lock_themself_out(client, admin):
    me = (await client.get("/v1/auth/me", headers=admin)).json()
    accounts = (await client.get("/v1/accounts", headers=admin, params={"q": me["username"]})).json()["items"]
    own = next(a for a in accounts if a["username"] == "admin")
    for change in ({"active": False}, {"roles": ["viewer"]}):
        assert_problem(await client.patch(f"/v1/accounts/{own['id']}", headers=admin, json=change), 409)


async def test_client_secret_is_shown_once_and_stored_hashed(client, admin, app):
    created = await client.post(
        "/v1/clients", headers=admin, json={"name": "Cổng dịch vụ công", "scopes": ["literacy:read"]}
    )
    assert created.status_code == 201
    body = created.json()
    assert body["client_id"].startswith("client-")
    secret = body["client_secret"]
    assert len(secret) >= 32
    listed = (await client.get("/v1/clients", headers=admin)).json()
    assert all("client_secret" not in c for c in listed["items"])
    async with app.state.database.sessionmaker() as session:
        stored = await session.get(ApiClient, body["client_id"])
    assert stored.secret_hash.startswith("$argon2id$")
    assert secret not in stored.secret_hash

    again = await client.post(
        "/v1/clients",
        headers=admin,
        json={"client_id": body["client_id"], "name": "Trùng", "scopes": ["literacy:read"]},
    )
    assert_problem(again, 409)
    assert_problem(
        await client.post("/v1/clients", headers=admin, json={"name": "Sai", "scopes": ["everything"]}), 422
    )


async def client_token(client, client_id: str, secret: str):
    return await client.post(
        "/v1/auth/token",
        data={"grant_type": "client_credentials", "client_id": client_id, "client_secret": secret},
    )


async def test_admin_renames_rescopes_deactivates_and_reactivates_a_client(client, admin, app):
    created = (
        await client.post("/v1/clients", headers=admin, json={"name": "Cổng cũ", "scopes": ["literacy:read"]})
    ).json()
    client_id, secret = created["client_id"], created["client_secret"]
    assert created["allowed_actions"] == ["edit"]

    changed = await client.patch(
        f"/v1/clients/{client_id}",
        headers=admin,
        json={"name": "Cổng dịch vụ công tỉnh", "scopes": ["campaign:read", "literacy:read"]},
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["name"] == "Cổng dịch vụ công tỉnh"
    assert changed.json()["scopes"] == ["campaign:read", "literacy:read"]
    assert (await client_token(client, client_id, secret)).json()["scope"] == "campaign:read literacy:read"

    off = await client.patch(f"/v1/clients/{client_id}", headers=admin, json={"active": False})
    assert off.json()["active"] is False
    listed = (await client.get("/v1/clients", headers=admin)).json()["items"]
    assert next(c for c in listed if c["client_id"] == client_id)["active"] is False
    assert assert_problem(await client_token(client, client_id, secret), 401)["error"] == "invalid_client"

    await client.patch(f"/v1/clients/{client_id}", headers=admin, json={"active": True})
    assert (await client_token(client, client_id, secret)).status_code == 200

    async with app.state.database.sessionmaker() as session:
        changes = (
            await session.execute(
                select(audit_event.c.before, audit_event.c.after)
                .where(audit_event.c.action == "api_client.updated", audit_event.c.object_id == client_id)
                .order_by(audit_event.c.id)
            )
        ).all()
    assert [(before["active"], after["active"]) for before, after in changes] == [
        (True, True),
        (True, False),
        (False, True),
    ]
    assert changes[0].before["name"] == "Cổng cũ"
    assert "secret" not in str(changes)


async def test_a_client_change_that_is_refused_changes_nothing(client, admin, app):
    created = (
        await client.post(
            "/v1/clients", headers=admin, json={"name": "Giữ nguyên", "scopes": ["literacy:read"]}
        )
    ).json()
    path = f"/v1/clients/{created['client_id']}"
    for body in ({"scopes": []}, {"scopes": ["everything"]}, {"name": None}, {"active": "false"}):
        assert_problem(await client.patch(path, headers=admin, json=body), 422)
    assert_problem(await client.patch("/v1/clients/khong-co", headers=admin, json={"active": False}), 404)
    async with app.state.database.sessionmaker() as session:
        stored = await session.get(ApiClient, created["client_id"])
    assert (stored.name, stored.scopes, stored.active) == ("Giữ nguyên", ["literacy:read"], True)


async def test_the_platforms_own_service_client_is_not_changed_here(client, admin, app):
    created = await client.post(
        "/v1/clients",
        headers=admin,
        json={"client_id": "scoring-api", "name": "scoring-api", "scopes": ["campaign:read"]},
    )
    app.state.settings.service_clients = [
        ServiceClientSeed(
            client_id="scoring-api",
            client_secret=created.json()["client_secret"],
            name="scoring-api",
            scopes=["campaign:read"],
        )
    ]
    refused = await client.patch("/v1/clients/scoring-api", headers=admin, json={"active": False})
    assert assert_problem(refused, 409)["code"] == "api_client.service_client"
    async with app.state.database.sessionmaker() as session:
        assert (await session.get(ApiClient, "scoring-api")).active is True
