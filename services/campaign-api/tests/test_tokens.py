"""The built-in issuer's grants, its JWKS, and what it refuses."""

import base64
import time

import jwt
from sqlalchemy import select

from campaign_api.database import audit_event
from campaign_api.identity.models import LoginFailure
from service_kit.testing import TokenFactory, assert_problem


def claims_of(token: str) -> dict:
    return jwt.decode(token, options={"verify_signature": False})


async def audit_actions(app) -> list[str]:
    async with app.state.database.sessionmaker() as session:
        return list(await session.scalars(select(audit_event.c.action).order_by(audit_event.c.id)))


async def test_password_grant_gives_an_rs256_token_with_the_contract_claims(login, client, app):
    response = await login("admin", "admin")
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    body = response.json()
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == 900
    assert body["refresh_token"]
    header = jwt.get_unverified_header(body["access_token"])
    assert header["alg"] == "RS256"
    assert header["kid"] == app.state.signing_keys.kid
    claims = claims_of(body["access_token"])
    assert claims["iss"] == "thidua-so"
    assert claims["aud"] == "thidua-so"
    assert claims["roles"] == ["admin"]
    assert claims["unit_codes"] == []
    assert claims["exp"] - claims["iat"] == 900
    assert {"sub", "scope", "jti"} <= set(claims)

    me = await client.get("/v1/auth/me", headers={"Authorization": f"Bearer {body['access_token']}"})
    assert me.json() == {
        "username": "admin",
        "full_name": "Quản trị hệ thống",
        "roles": ["admin"],
        "unit_codes": [],
        "learner_id": None,
        "scopes": [],
    }


async def test_wrong_password_and_unknown_user_get_the_same_401(login):
    wrong = assert_problem(await login("admin", "not-the-password"), 401)
    unknown = assert_problem(await login("nobody", "not-the-password"), 401)
    assert wrong["code"] == unknown["code"] == "auth.wrong_credentials"
    assert wrong["detail"] == unknown["detail"] == "Tên đăng nhập hoặc mật khẩu không đúng."
    assert wrong["error"] == "invalid_grant"


async def test_login_is_case_insensitive_for_usernames(login):
    assert (await login("ADMIN", "admin")).status_code == 200


async def test_an_inactive_account_cannot_sign_in(login, create_account, client, admin, default_password):
    account = await create_account("nguyen.van.a", ["viewer"])
    response = await client.patch(f"/v1/accounts/{account['id']}", headers=admin, json={"active": False})
    assert response.status_code == 200
    body = assert_problem(await login("nguyen.van.a", default_password), 401)
    assert body["code"] == "auth.account_deactivated"
    assert body["detail"] == "Tài khoản này đã bị khóa."


async def test_five_failures_lock_the_login_even_for_the_right_password(login, app):
    for _ in range(5):
        assert (await login("admin", "guess")).status_code == 401
    locked = await login("admin", "admin")
    body = assert_problem(locked, 429)
    assert 1 <= int(locked.headers["retry-after"]) <= 900
    assert body["code"] == "auth.locked"
    assert f"chờ {locked.headers['retry-after']} giây" in body["detail"]
    # Other logins are not affected.
    assert (await login("someone-else", "guess")).status_code == 401
    async with app.state.database.sessionmaker() as session:
        failures = list(await session.scalars(select(LoginFailure.login_key)))
    assert failures.count("user:admin") == 5
    assert (await audit_actions(app)).count("auth.login_failed") == 6


async def test_a_success_clears_earlier_failures(login, app):
    for _ in range(4):
        await login("admin", "guess")
    assert (await login("admin", "admin")).status_code == 200
    for _ in range(4):
        await login("admin", "guess")
    assert (await login("admin", "admin")).status_code == 200


async def test_refresh_rotates_and_a_reused_refresh_token_ends_the_sign_in(login, client):
    first = (await login("admin", "admin")).json()
    rotated = await client.post(
        "/v1/auth/token", data={"grant_type": "refresh_token", "refresh_token": first["refresh_token"]}
    )
    assert rotated.status_code == 200
    second = rotated.json()
    assert second["refresh_token"] != first["refresh_token"]
    assert claims_of(second["access_token"])["sub"] == claims_of(first["access_token"])["sub"]

    reused = await client.post(
        "/v1/auth/token", data={"grant_type": "refresh_token", "refresh_token": first["refresh_token"]}
    )
    assert assert_problem(reused, 401)["error"] == "invalid_grant"
    # The leak ends the whole family: the newest token is refused too.
    after_reuse = await client.post(
        "/v1/auth/token", data={"grant_type": "refresh_token", "refresh_token": second["refresh_token"]}
    )
    assert_problem(after_reuse, 401)


async def test_a_forged_refresh_token_is_refused(client):
    for forged in ("not-a-token", "7d1f3c2a-0000-4000-8000-000000000001.secret"):
        response = await client.post(
            "/v1/auth/token", data={"grant_type": "refresh_token", "refresh_token": forged}
        )
        assert_problem(response, 401)


async def test_client_credentials_grant_with_form_or_basic_and_scopes(client, admin):
    created = await client.post(
        "/v1/clients",
        headers=admin,
        json={
            "client_id": "bao-cao-tinh",
            "name": "Hệ thống báo cáo tỉnh",
            "scopes": ["campaign:read", "literacy:read"],
        },
    )
    assert created.status_code == 201
    secret = created.json()["client_secret"]

    form = await client.post(
        "/v1/auth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": "bao-cao-tinh",
            "client_secret": secret,
            "scope": "campaign:read",
        },
    )
    assert form.status_code == 200
    assert form.json()["scope"] == "campaign:read"
    assert "refresh_token" not in form.json() or form.json()["refresh_token"] is None
    claims = claims_of(form.json()["access_token"])
    assert claims["client_id"] == "bao-cao-tinh"
    assert claims["scope"] == "campaign:read"

    basic = base64.b64encode(f"bao-cao-tinh:{secret}".encode()).decode()
    all_scopes = await client.post(
        "/v1/auth/token",
        data={"grant_type": "client_credentials"},
        headers={"Authorization": f"Basic {basic}"},
    )
    assert all_scopes.json()["scope"] == "campaign:read literacy:read"

    too_much = await client.post(
        "/v1/auth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": "bao-cao-tinh",
            "client_secret": secret,
            "scope": "literacy:write",
        },
    )
    assert assert_problem(too_much, 400)["error"] == "invalid_scope"

    wrong = await client.post(
        "/v1/auth/token",
        data={"grant_type": "client_credentials", "client_id": "bao-cao-tinh", "client_secret": "x"},
    )
    assert assert_problem(wrong, 401)["error"] == "invalid_client"

    me = await client.get("/v1/auth/me", headers={"Authorization": f"Bearer {form.json()['access_token']}"})
    assert me.json()["username"] == "bao-cao-tinh"
    assert me.json()["scopes"] == ["campaign:read"]


async def test_unsupported_grant_and_missing_fields_are_400(client):
    assert assert_problem(await client.post("/v1/auth/token", data={"grant_type": "implicit"}), 400)[
        "error"
    ] == ("unsupported_grant_type")
    assert_problem(
        await client.post("/v1/auth/token", data={"grant_type": "password", "username": "admin"}), 400
    )
    assert_problem(await client.post("/v1/auth/token", data={}), 422)


async def test_jwks_publishes_the_public_key_only(client, app):
    response = await client.get("/.well-known/jwks.json")
    assert response.status_code == 200
    (key,) = response.json()["keys"]
    assert key["kid"] == app.state.signing_keys.kid
    assert key["kty"] == "RSA"
    assert key["alg"] == "RS256"
    assert "d" not in key
    assert "p" not in key


async def test_expired_tampered_and_foreign_tokens_are_401(client, app):
    keys = app.state.signing_keys
    expired = keys.sign(
        {"sub": "x", "roles": ["admin"]}, issuer="thidua-so", audience="thidua-so", ttl_seconds=-120
    )
    good = keys.sign(
        {"sub": "x", "roles": ["viewer"]}, issuer="thidua-so", audience="thidua-so", ttl_seconds=60
    )
    head, _payload, signature = good.split(".")
    forged_payload = (
        base64.urlsafe_b64encode(
            f'{{"sub":"x","roles":["admin"],"iss":"thidua-so","aud":"thidua-so","exp":{int(time.time()) + 60}}}'.encode()
        )
        .rstrip(b"=")
        .decode()
    )
    foreign = TokenFactory(issuer="https://not-trusted.example").token(roles=["admin"])
    for token in (expired, f"{head}.{forged_payload}.{signature}", foreign):
        response = await client.get("/v1/auth/me", headers={"Authorization": f"Bearer {token}"})
        assert_problem(response, 401)
        assert response.headers["www-authenticate"].startswith("Bearer")


async def test_logins_are_audited_with_the_client_address(login, app):
    await login("admin", "wrong")
    await login("admin", "admin")
    async with app.state.database.sessionmaker() as session:
        rows = (await session.execute(select(audit_event).order_by(audit_event.c.id))).mappings().all()
    failed, succeeded = [r for r in rows if r["action"].startswith("auth.login")][-2:]
    assert failed["action"] == "auth.login_failed"
    assert failed["actor"] == "user:admin"
    assert succeeded["action"] == "auth.login_succeeded"
    assert succeeded["client_ip"] == "127.0.0.1"
