"""The dashboard's session: the refresh token in an HttpOnly cookie, refreshed from it, revoked at sign-out."""

from http.cookies import SimpleCookie

from sqlalchemy import select

from campaign_api.database import audit_event
from campaign_api.identity.models import RefreshToken
from service_kit.testing import assert_problem

COOKIE_MODE = {"X-Refresh-Cookie": "1"}


def set_cookie(response) -> SimpleCookie:
    jar: SimpleCookie = SimpleCookie()
    for header in response.headers.get_list("set-cookie"):
        jar.load(header)
    return jar


def sent(value: str) -> dict[str, str]:
    """What the browser sends to the token path once the cookie is set (httpx keeps no Secure cookie on http)."""
    return {**COOKIE_MODE, "Cookie": f"tds_refresh={value}"}


async def cookie_sign_in(client) -> tuple[dict, str]:
    response = await client.post(
        "/v1/auth/token",
        headers=COOKIE_MODE,
        data={"grant_type": "password", "username": "admin", "password": "admin"},
    )
    assert response.status_code == 200
    return response.json(), set_cookie(response)["tds_refresh"].value


async def test_the_dashboard_gets_its_refresh_token_in_a_strict_httponly_cookie_on_the_token_path(client):
    response = await client.post(
        "/v1/auth/token",
        headers=COOKIE_MODE,
        data={"grant_type": "password", "username": "admin", "password": "admin"},
    )
    assert response.status_code == 200
    body = response.json()
    # The body carries the access token only: scripts never see the refresh token.
    assert body["access_token"]
    assert body["refresh_token"] is None
    cookie = set_cookie(response)["tds_refresh"]
    assert cookie.value.count(".") == 1
    assert cookie["httponly"] is True
    assert cookie["secure"] is True
    assert cookie["samesite"] == "strict"
    assert cookie["path"] == "/v1/auth/token"  # behind the gateway: /api/campaign/v1/auth/token
    assert cookie["max-age"] == str(14 * 24 * 3600)


async def test_without_the_header_the_refresh_token_stays_in_the_body_and_no_cookie_is_set(login):
    response = await login("admin", "admin")
    assert response.json()["refresh_token"]
    assert "set-cookie" not in response.headers


async def test_a_refresh_grant_reads_the_cookie_and_rotates_it(client):
    _, cookie = await cookie_sign_in(client)
    refreshed = await client.post(
        "/v1/auth/token", headers=sent(cookie), data={"grant_type": "refresh_token"}
    )
    assert refreshed.status_code == 200
    assert refreshed.json()["refresh_token"] is None
    rotated = set_cookie(refreshed)["tds_refresh"].value
    assert rotated != cookie
    me = await client.get(
        "/v1/auth/me", headers={"Authorization": f"Bearer {refreshed.json()['access_token']}"}
    )
    assert me.json()["username"] == "admin"

    # The spent cookie seen again ends the sign-in, and the answer clears the cookie.
    reused = await client.post("/v1/auth/token", headers=sent(cookie), data={"grant_type": "refresh_token"})
    assert assert_problem(reused, 401)["code"] == "auth.refresh_token_reused"
    assert set_cookie(reused)["tds_refresh"]["max-age"] == "0"
    after = await client.post("/v1/auth/token", headers=sent(rotated), data={"grant_type": "refresh_token"})
    assert_problem(after, 401)


async def test_the_cookie_is_ignored_without_the_header(client):
    _, cookie = await cookie_sign_in(client)
    # A form posted from another site carries no custom header: the cookie is not read.
    response = await client.post(
        "/v1/auth/token", headers={"Cookie": f"tds_refresh={cookie}"}, data={"grant_type": "refresh_token"}
    )
    assert assert_problem(response, 400)["code"] == "auth.refresh_grant_fields"
    # ... and nothing was spent: the cookie still refreshes.
    ok = await client.post("/v1/auth/token", headers=sent(cookie), data={"grant_type": "refresh_token"})
    assert ok.status_code == 200


async def test_sign_out_revokes_the_whole_sign_in_and_clears_the_cookie(client, app):
    _, cookie = await cookie_sign_in(client)
    refreshed = await client.post(
        "/v1/auth/token", headers=sent(cookie), data={"grant_type": "refresh_token"}
    )
    current = set_cookie(refreshed)["tds_refresh"].value

    out = await client.post("/v1/auth/token/revoke", headers=sent(current))
    assert out.status_code == 204
    assert out.headers["cache-control"] == "no-store"
    cleared = set_cookie(out)["tds_refresh"]
    assert cleared.value == ""
    assert cleared["max-age"] == "0"
    assert cleared["path"] == "/v1/auth/token"

    # Another tab (same cookie) or a stolen copy can no longer refresh.
    again = await client.post("/v1/auth/token", headers=sent(current), data={"grant_type": "refresh_token"})
    assert_problem(again, 401)
    async with app.state.database.sessionmaker() as session:
        tokens = list(await session.scalars(select(RefreshToken)))
        actions = list(await session.scalars(select(audit_event.c.action)))
    assert len(tokens) == 2
    assert all(token.revoked_at is not None for token in tokens)
    assert actions.count("auth.signed_out") == 1


async def test_sign_out_needs_the_header_and_changes_nothing_without_it(client, app):
    _, cookie = await cookie_sign_in(client)
    refused = await client.post("/v1/auth/token/revoke", headers={"Cookie": f"tds_refresh={cookie}"})
    assert assert_problem(refused, 422)["code"] == "request.invalid"
    async with app.state.database.sessionmaker() as session:
        tokens = list(await session.scalars(select(RefreshToken)))
    assert [token.revoked_at for token in tokens] == [None]
    ok = await client.post("/v1/auth/token", headers=sent(cookie), data={"grant_type": "refresh_token"})
    assert ok.status_code == 200


async def test_sign_out_without_a_cookie_or_with_an_unknown_one_is_204_and_revokes_nothing(client, app):
    _, cookie = await cookie_sign_in(client)
    assert (await client.post("/v1/auth/token/revoke", headers=COOKIE_MODE)).status_code == 204
    forged = "7d1f3c2a-0000-4000-8000-000000000001.secret"
    assert (await client.post("/v1/auth/token/revoke", headers=sent(forged))).status_code == 204
    wrong_secret = cookie.split(".")[0] + ".not-the-secret"
    assert (await client.post("/v1/auth/token/revoke", headers=sent(wrong_secret))).status_code == 204
    async with app.state.database.sessionmaker() as session:
        tokens = list(await session.scalars(select(RefreshToken)))
    assert [token.revoked_at for token in tokens] == [None]
