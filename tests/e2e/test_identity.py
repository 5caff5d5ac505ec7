"""Identity through the real gateway: the demo admin signs in, creates a unit manager and an API client,
and each of them gets a token and sees exactly what its role allows."""

import time

import jwt
import pytest

pytestmark = pytest.mark.e2e


def bearer(access_token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {access_token}"}


def test_admin_creates_a_manager_and_a_client_who_each_see_what_their_role_allows(http, issue_token):
    admin = issue_token({"grant_type": "password", "username": "admin", "password": "admin"})
    admin_headers = bearer(admin["access_token"])

    # The token verifies against the JWKS the gateway publishes.
    jwks = http.get("/api/campaign/.well-known/jwks.json").json()
    kid = jwt.get_unverified_header(admin["access_token"])["kid"]
    (public,) = [k for k in jwks["keys"] if k["kid"] == kid]
    claims = jwt.decode(
        admin["access_token"],
        jwt.PyJWK(public).key,
        algorithms=["RS256"],
        audience="thidua-so",
        issuer="thidua-so",
    )
    assert claims["roles"] == ["admin"]

    # A manager acts for units of the directory (unknown unit codes are refused).
    unit = http.post(
        "/api/campaign/v1/units",
        headers=admin_headers,
        json={
            "code": "66-SKHCN",
            "name": "Sở Khoa học và Công nghệ",
            "kind": "department",
            "province_code": "66",
        },
    )
    assert unit.status_code in (201, 409), unit.text
    manager = http.post(
        "/api/campaign/v1/accounts",
        headers=admin_headers,
        json={
            "username": "pho.giam.doc.skhcn",
            "password": "ke-hoach-cds-2025",
            "full_name": "Hoàng Minh Tuấn",
            "roles": ["manager"],
            "unit_codes": ["66-SKHCN"],
        },
    )
    assert manager.status_code == 201, manager.text
    client = http.post(
        "/api/campaign/v1/clients",
        headers=admin_headers,
        json={"name": "Hệ thống báo cáo của tỉnh", "scopes": ["campaign:read", "scoring:read"]},
    )
    assert client.status_code == 201
    client_id, client_secret = client.json()["client_id"], client.json()["client_secret"]

    manager_token = issue_token(
        {"grant_type": "password", "username": "pho.giam.doc.skhcn", "password": "ke-hoach-cds-2025"}
    )
    client_token = issue_token(
        {"grant_type": "client_credentials", "client_id": client_id, "client_secret": client_secret}
    )

    me = http.get("/api/campaign/v1/auth/me", headers=bearer(manager_token["access_token"])).json()
    assert me["username"] == "pho.giam.doc.skhcn"
    assert me["unit_codes"] == ["66-SKHCN"]
    assert http.get("/api/campaign/v1/auth/me", headers=bearer(client_token["access_token"])).json()[
        "scopes"
    ] == [
        "campaign:read",
        "scoring:read",
    ]

    # Only the admin manages accounts and clients.
    assert http.get("/api/campaign/v1/accounts", headers=admin_headers).status_code == 200
    for who in (manager_token, client_token):
        for path in ("/api/campaign/v1/accounts", "/api/campaign/v1/clients"):
            denied = http.get(path, headers=bearer(who["access_token"]))
            assert denied.status_code == 403
            assert denied.headers["content-type"].startswith("application/problem+json")
    anonymous = http.get("/api/campaign/v1/accounts")
    assert anonymous.status_code == 401
    assert anonymous.headers["www-authenticate"].startswith("Bearer")

    # The manager's refresh token rotates through the gateway too.
    refreshed = issue_token({"grant_type": "refresh_token", "refresh_token": manager_token["refresh_token"]})
    assert refreshed["refresh_token"] != manager_token["refresh_token"]


def test_a_deactivated_accounts_token_stops_working_in_every_service(http, issue_token):
    admin = bearer(
        issue_token({"grant_type": "password", "username": "admin", "password": "admin"})["access_token"]
    )
    created = http.post(
        "/api/campaign/v1/accounts",
        headers=admin,
        json={
            "username": "can.bo.nghi.huu",
            "password": "mat-khau-tam-thoi-2025",
            "full_name": "Lê Văn Hưu",
            "roles": ["viewer"],
            "unit_codes": [],
        },
    )
    assert created.status_code == 201, created.text
    viewer = bearer(
        issue_token(
            {"grant_type": "password", "username": "can.bo.nghi.huu", "password": "mat-khau-tam-thoi-2025"}
        )["access_token"]
    )
    reads = {
        "campaign": "/api/campaign/v1/campaigns",
        "scoring": "/api/scoring/v1/rounds",
        "literacy": "/api/literacy/v1/courses",
    }
    for path in reads.values():
        assert http.get(path, headers=viewer).status_code == 200, path

    account = created.json()
    changed = http.patch(f"/api/campaign/v1/accounts/{account['id']}", headers=admin, json={"active": False})
    assert changed.status_code == 200, changed.text

    # The issuer refuses it at once; the others as soon as they next read its list (every few seconds).
    refused: dict[str, int] = {}
    deadline = time.monotonic() + 300
    while len(refused) < len(reads) and time.monotonic() < deadline:
        for service, path in reads.items():
            if service not in refused:
                answer = http.get(path, headers=viewer)
                if answer.status_code == 401:
                    assert answer.json()["code"] == "auth.token_revoked"
                    refused[service] = answer.status_code
        time.sleep(0.5)
    assert set(refused) == set(reads)
