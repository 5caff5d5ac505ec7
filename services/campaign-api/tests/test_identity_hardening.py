"""Issue 13's identity holes on campaign-api: argon2 off the event loop and as costly for an unknown user
as for a real one; the platform's service clients never locked by strangers; sign-up answering the same
for every mismatch and rate-limited per address; tokens carrying the account's version so that
deactivation and role changes take effect at once; administrators who cannot lock themselves out; an
erased learner's account deactivated for digital-literacy-api."""

import asyncio
import logging
import os
import threading
import uuid

import httpx
import jwt
import pytest
from argon2 import PasswordHasher
from sqlalchemy import func, select

from campaign_api.config import ServiceClientSeed
from campaign_api.database import audit_event
from campaign_api.identity import hashing
from campaign_api.identity.models import Account, ApiClient, LoginFailure
from service_kit.testing import assert_problem

LEARNER_ID = "7d1f3c2a-0000-4000-8000-000000000001"
SIGNUP = {"national_id": "066190000123", "date_of_birth": "1990-05-17", "password": "hoc-vien-manh-2025"}


def claims_of(token: str) -> dict:
    return jwt.decode(token, options={"verify_signature": False})


def client_from(app, address: str) -> httpx.AsyncClient:
    """A client calling the app from `address` (what the gateway's X-Forwarded-For says, applied by uvicorn)."""
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False, client=(address, 40000))
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")


async def account_row(app, account_id: str) -> Account:
    async with app.state.database.sessionmaker() as session:
        account = await session.get(Account, uuid.UUID(account_id))
        assert account is not None
        return account


async def audit_actions(app) -> list[str]:
    async with app.state.database.sessionmaker() as session:
        return list(await session.scalars(select(audit_event.c.action).order_by(audit_event.c.id)))


# --- argon2 ------------------------------------------------------------------------------------------


async def test_a_wrong_password_costs_one_verification_for_a_real_and_for_an_unknown_user(
    login, create_account, monkeypatch
):
    await create_account("nguoi.that", ["viewer"])
    calls: list[tuple[str, bool]] = []
    verify = hashing.verify_secret_sync

    def counting(secret_hash: str, secret: str) -> bool:
        calls.append((secret_hash[:9], threading.current_thread() is threading.main_thread()))
        return verify(secret_hash, secret)

    monkeypatch.setattr(hashing, "verify_secret_sync", counting)
    real = assert_problem(await login("nguoi.that", "sai-mat-khau"), 401)
    assert len(calls) == 1
    unknown = assert_problem(await login("khong.ton.tai", "sai-mat-khau"), 401)
    assert len(calls) == 2
    assert real["code"] == unknown["code"] == "auth.wrong_credentials"
    assert real["detail"] == unknown["detail"]
    # Both were real argon2 verifications, and neither ran on the event loop's thread.
    assert calls == [("$argon2id", False), ("$argon2id", False)]


async def test_hashing_runs_in_a_pool_sized_to_the_machine():
    assert (os.cpu_count() or 1) == hashing.THREADS
    loop_thread = threading.get_ident()
    seen: list[int] = []
    original = hashing.hash_secret_sync

    def spy(secret: str) -> str:
        seen.append(threading.get_ident())
        return original(secret)

    hashing.hash_secret_sync = spy  # type: ignore[assignment]
    try:
        hashes = await asyncio.gather(*(hashing.hash_secret(f"mat-khau-{n}") for n in range(3)))
    finally:
        hashing.hash_secret_sync = original  # type: ignore[assignment]
    assert all(h.startswith("$argon2id") for h in hashes)
    assert loop_thread not in seen


async def test_passwords_are_hashed_as_owasp_recommends_and_older_hashes_upgraded_at_sign_in(
    app, login, create_account
):
    password = "mat-khau-bam-cu-2025"
    created = await create_account("bam.cu", ["viewer"], password=password)
    # OWASP's argon2id parameters: 19 MiB, 2 passes, one lane.
    assert (await account_row(app, created["id"])).password_hash.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    # A hash made before, with argon2-cffi's defaults, still signs in and is re-hashed then.
    async with app.state.database.sessionmaker() as session, session.begin():
        account = await session.get(Account, uuid.UUID(created["id"]))
        assert account is not None
        account.password_hash = PasswordHasher().hash(password)
    assert (await account_row(app, created["id"])).password_hash.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert (await login("bam.cu", password)).status_code == 200
    upgraded = (await account_row(app, created["id"])).password_hash
    assert upgraded.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert hashing.verify_secret_sync(upgraded, password)


# --- service clients and lockouts ----------------------------------------------------------------------


@pytest.fixture
async def scoring_client(client, admin, app) -> str:
    """scoring-api's client as the platform seeds it (settings' `service_clients`); its secret."""
    created = await client.post(
        "/v1/clients",
        headers=admin,
        json={"client_id": "scoring-api", "name": "scoring-api", "scopes": ["campaign:read"]},
    )
    assert created.status_code == 201, created.text
    secret = created.json()["client_secret"]
    app.state.settings.service_clients = [
        ServiceClientSeed(
            client_id="scoring-api", client_secret=secret, name="scoring-api", scopes=["campaign:read"]
        )
    ]
    return secret


def client_grant(client_id: str, secret: str) -> dict[str, str]:
    return {"grant_type": "client_credentials", "client_id": client_id, "client_secret": secret}


async def test_five_wrong_secrets_from_one_address_do_not_stop_the_real_service_client(
    app, scoring_client, caplog
):
    caplog.set_level(logging.WARNING, logger="campaign_api.identity")
    async with client_from(app, "203.0.113.66") as stranger, client_from(app, "10.0.0.12") as platform:
        for _ in range(6):
            refused = await stranger.post("/v1/auth/token", data=client_grant("scoring-api", "doan-bua"))
            assert assert_problem(refused, 401)["error"] == "invalid_client"
        real = await platform.post("/v1/auth/token", data=client_grant("scoring-api", scoring_client))
        assert real.status_code == 200, real.text
        # Not even from the stranger's own address is the platform's client locked.
        again = await stranger.post("/v1/auth/token", data=client_grant("scoring-api", scoring_client))
        assert again.status_code == 200, again.text
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("scoring-api" in w and "203.0.113.66" in w for w in warnings)
    assert not any("doan-bua" in w for w in warnings)
    async with app.state.database.sessionmaker() as session:
        assert await session.scalar(select(func.count()).select_from(LoginFailure)) == 0


async def test_another_clients_lock_holds_per_client_and_source_address(app, client, admin):
    created = (
        await client.post(
            "/v1/clients", headers=admin, json={"name": "Báo cáo tỉnh", "scopes": ["campaign:read"]}
        )
    ).json()
    client_id, secret = created["client_id"], created["client_secret"]
    async with client_from(app, "203.0.113.66") as stranger, client_from(app, "10.0.0.12") as owner:
        for _ in range(5):
            assert_problem(await stranger.post("/v1/auth/token", data=client_grant(client_id, "doan")), 401)
        locked = await stranger.post("/v1/auth/token", data=client_grant(client_id, secret))
        problem = assert_problem(locked, 429)
        assert problem["code"] == "auth.locked"
        assert int(locked.headers["retry-after"]) >= 1
        assert (await owner.post("/v1/auth/token", data=client_grant(client_id, secret))).status_code == 200


# --- sign-up -------------------------------------------------------------------------------------------


async def test_every_sign_up_mismatch_gets_the_same_answer(client, literacy, app):
    assert (await client.post("/v1/auth/signup", json=SIGNUP)).status_code == 201
    answers = [
        await client.post("/v1/auth/signup", json={**SIGNUP, "national_id": "066190000999"}),  # unknown ID
        await client.post("/v1/auth/signup", json={**SIGNUP, "national_id": "066190000998"}),
        await client.post(
            "/v1/auth/signup", json={**SIGNUP, "date_of_birth": "1991-05-17"}
        ),  # wrong birth date
        await client.post(
            "/v1/auth/signup", json={**SIGNUP, "password": "mat-khau-khac-2025"}
        ),  # has an account
    ]
    bodies = [assert_problem(answer, 403) for answer in answers]
    assert {(b["code"], b["detail"], b["type"]) for b in bodies} == {
        ("signup.refused", bodies[0]["detail"], bodies[0]["type"])
    }
    assert "errors" not in bodies[0]
    async with app.state.database.sessionmaker() as session:
        learners = await session.scalar(
            select(func.count()).select_from(Account).where(Account.learner_id.is_not(None))
        )
    assert learners == 1


async def test_sign_up_is_rate_limited_per_source_address(app, literacy):
    async with client_from(app, "198.51.100.7") as guesser, client_from(app, "198.51.100.8") as neighbour:
        for n in range(10):
            answer = await guesser.post(
                "/v1/auth/signup", json={**SIGNUP, "national_id": f"0661900010{n:02d}"}
            )
            assert_problem(answer, 403)
        asked = len(literacy.requests)
        limited = await guesser.post("/v1/auth/signup", json={**SIGNUP, "national_id": "066190001099"})
        problem = assert_problem(limited, 429)
        assert problem["code"] == "signup.too_many"
        assert 1 <= int(limited.headers["retry-after"]) <= 900
        # Refused before digital-literacy-api is asked; another address still signs up.
        assert len(literacy.requests) == asked
        assert (await neighbour.post("/v1/auth/signup", json=SIGNUP)).status_code == 201


# --- versions: deactivation and role changes take effect at once -----------------------------------------


async def test_tokens_carry_the_accounts_version(login):
    token = (await login("admin", "admin")).json()["access_token"]
    assert claims_of(token)["ver"] == 1


async def test_a_deactivated_accounts_token_is_refused_at_once(client, admin, create_account, bearer, app):
    account = await create_account("nguoi.xem", ["viewer"])
    viewer = await bearer("nguoi.xem")
    assert (await client.get("/v1/units", headers=viewer)).status_code == 200
    changed = await client.patch(f"/v1/accounts/{account['id']}", headers=admin, json={"active": False})
    assert changed.status_code == 200, changed.text
    problem = assert_problem(await client.get("/v1/units", headers=viewer), 401)
    assert problem["code"] == "auth.token_revoked"
    assert (await account_row(app, account["id"])).version == 2


async def test_a_re_roled_accounts_old_token_is_refused_at_once(
    client, admin, create_account, bearer, app, default_password, login
):
    account = await create_account("qtv.hai", ["admin"])
    second_admin = await bearer("qtv.hai")
    assert (await client.get("/v1/accounts", headers=second_admin)).status_code == 200
    demoted = await client.patch(f"/v1/accounts/{account['id']}", headers=admin, json={"roles": ["viewer"]})
    assert demoted.status_code == 200, demoted.text
    assert (
        assert_problem(await client.get("/v1/accounts", headers=second_admin), 401)["code"]
        == "auth.token_revoked"
    )
    # Signing in again gives a token of the new version, with the new roles.
    fresh = (await login("qtv.hai", default_password)).json()["access_token"]
    assert claims_of(fresh)["ver"] == 2
    assert claims_of(fresh)["roles"] == ["viewer"]
    assert assert_problem(await client.get("/v1/accounts", headers={"Authorization": f"Bearer {fresh}"}), 403)


async def test_a_name_change_keeps_the_accounts_tokens(client, admin, create_account, bearer, app):
    account = await create_account("nguoi.doi.ten", ["viewer"])
    viewer = await bearer("nguoi.doi.ten")
    renamed = await client.patch(
        f"/v1/accounts/{account['id']}", headers=admin, json={"full_name": "Tên mới"}
    )
    assert renamed.status_code == 200
    assert (await client.get("/v1/units", headers=viewer)).status_code == 200
    assert (await account_row(app, account["id"])).version == 1


async def test_a_password_change_raises_the_version(client, admin, create_account, bearer, app):
    account = await create_account("nguoi.doi.mk", ["viewer"])
    viewer = await bearer("nguoi.doi.mk")
    changed = await client.patch(
        f"/v1/accounts/{account['id']}", headers=admin, json={"password": "mat-khau-moi-2026"}
    )
    assert changed.status_code == 200
    assert assert_problem(await client.get("/v1/units", headers=viewer), 401)["code"] == "auth.token_revoked"


async def test_the_revocations_list_names_changed_accounts(client, admin, create_account, app):
    account = await create_account("nguoi.bi.khoa", ["viewer"])
    untouched = await create_account("nguoi.yen", ["viewer"])
    await client.patch(f"/v1/accounts/{account['id']}", headers=admin, json={"active": False})
    response = await client.get("/v1/auth/revocations", headers=admin)
    assert response.status_code == 200, response.text
    assert response.headers["cache-control"] == "no-store"
    body = response.json()
    assert body["window_seconds"] >= app.state.settings.access_token_ttl_seconds
    assert {"sub": account["id"], "ver": 2} in body["items"]
    assert untouched["id"] not in {item["sub"] for item in body["items"]}


async def _new_client(client, admin, scopes: list[str]) -> tuple[str, dict[str, str], str]:
    created = (
        await client.post("/v1/clients", headers=admin, json={"name": "Cổng thử", "scopes": scopes})
    ).json()
    issued = await client.post(
        "/v1/auth/token", data=client_grant(created["client_id"], created["client_secret"])
    )
    assert issued.status_code == 200, issued.text
    token = issued.json()["access_token"]
    return created["client_id"], {"Authorization": f"Bearer {token}"}, token


async def test_a_deactivated_clients_live_token_is_refused_at_once(client, admin, app):
    client_id, bearer_header, token = await _new_client(client, admin, ["campaign:read"])
    assert claims_of(token)["ver"] == 1
    assert (await client.get("/v1/units", headers=bearer_header)).status_code == 200
    off = await client.patch(f"/v1/clients/{client_id}", headers=admin, json={"active": False})
    assert off.status_code == 200, off.text
    problem = assert_problem(await client.get("/v1/units", headers=bearer_header), 401)
    assert problem["code"] == "auth.token_revoked"
    # The other services learn it from the revocations list, which names the client apart from accounts.
    listed = (await client.get("/v1/auth/revocations", headers=admin)).json()["items"]
    assert {"sub": f"client:{client_id}", "ver": 2} in listed
    # Reactivated, the old token stays refused; a new one (of the new version) works.
    await client.patch(f"/v1/clients/{client_id}", headers=admin, json={"active": True})
    assert (
        assert_problem(await client.get("/v1/units", headers=bearer_header), 401)["code"]
        == "auth.token_revoked"
    )
    async with app.state.database.sessionmaker() as session:
        stored = await session.get(ApiClient, client_id)
    assert stored is not None
    assert stored.version == 2


async def test_a_scope_taken_from_a_client_ends_its_live_tokens_and_a_rename_does_not(client, admin):
    client_id, bearer_header, _ = await _new_client(client, admin, ["campaign:read", "literacy:read"])
    renamed = await client.patch(f"/v1/clients/{client_id}", headers=admin, json={"name": "Tên mới"})
    assert renamed.status_code == 200
    widened = await client.patch(
        f"/v1/clients/{client_id}",
        headers=admin,
        json={"scopes": ["campaign:read", "literacy:read", "scoring:read"]},
    )
    assert widened.status_code == 200, widened.text
    assert (await client.get("/v1/units", headers=bearer_header)).status_code == 200
    narrowed = await client.patch(
        f"/v1/clients/{client_id}", headers=admin, json={"scopes": ["campaign:read"]}
    )
    assert narrowed.status_code == 200, narrowed.text
    assert (
        assert_problem(await client.get("/v1/units", headers=bearer_header), 401)["code"]
        == "auth.token_revoked"
    )


async def test_the_verifier_reads_versions_cheaply(client, admin, create_account, bearer, app):
    """One small query every few seconds at most, whatever the number of requests (plus one after a change)."""
    await create_account("nguoi.doc", ["viewer"])
    viewer = await bearer("nguoi.doc")
    versions = app.state.account_versions
    before = versions.refreshes
    for _ in range(10):
        assert (await client.get("/v1/units", headers=viewer)).status_code == 200
    assert versions.refreshes - before <= 1


# --- administrators cannot lock themselves out -------------------------------------------------------------


async def test_an_administrator_cannot_deactivate_or_demote_themselves(client, admin, app):
    me = claims_of(admin["Authorization"].removeprefix("Bearer "))["sub"]
    for change in ({"active": False}, {"roles": ["viewer"]}, {"roles": ["evaluator", "council"]}):
        response = await client.patch(f"/v1/accounts/{me}", headers=admin, json=change)
        assert assert_problem(response, 409)["code"] == "account.own_admin", change
    own = await account_row(app, me)
    assert (own.active, own.roles, own.version) == (True, ["admin"], 1)
    # Still an administrator, still signed in.
    assert (await client.get("/v1/accounts", headers=admin)).status_code == 200


async def test_an_administrators_own_password_changes_only_with_the_current_one(client, admin, app, login):
    me = claims_of(admin["Authorization"].removeprefix("Bearer "))["sub"]
    # Through the accounts endpoint a token alone would change it (and end its own session): refused.
    refused = await client.patch(f"/v1/accounts/{me}", headers=admin, json={"password": "mot-mat-khau-moi"})
    assert assert_problem(refused, 409)["code"] == "account.own_password"
    # Other changes of one's own account keep one's tokens: an administrator who stays one loses nothing.
    for change in ({"roles": ["admin", "viewer"]}, {"roles": ["admin"]}, {"full_name": "Quản trị"}):
        assert (await client.patch(f"/v1/accounts/{me}", headers=admin, json=change)).status_code == 200
    assert (await client.get("/v1/accounts", headers=admin)).status_code == 200
    assert (await account_row(app, me)).version == 1

    url = "/v1/auth/password"
    wrong = await client.post(
        url, headers=admin, json={"current_password": "sai", "new_password": "mat-khau-moi-2026"}
    )
    assert assert_problem(wrong, 403)["code"] == "account.wrong_password"
    assert (await client.get("/v1/accounts", headers=admin)).status_code == 200
    changed = await client.post(
        url, headers=admin, json={"current_password": "admin", "new_password": "mat-khau-moi-2026"}
    )
    assert changed.status_code == 200, changed.text
    assert changed.headers["cache-control"] == "no-store"
    fresh = {"Authorization": f"Bearer {changed.json()['access_token']}"}
    assert claims_of(changed.json()["access_token"])["ver"] == 2
    # The old token ends, the new one works, the new password signs in.
    assert (
        assert_problem(await client.get("/v1/accounts", headers=admin), 401)["code"] == "auth.token_revoked"
    )
    assert (await client.get("/v1/accounts", headers=fresh)).status_code == 200
    assert_problem(await login("admin", "admin"), 401)
    assert (await login("admin", "mat-khau-moi-2026")).status_code == 200


async def test_wrong_current_passwords_lock_the_change_not_the_sign_in(
    client, create_account, bearer, login, default_password
):
    await create_account("nguoi.doan", ["viewer"])
    viewer = await bearer("nguoi.doan")
    for _ in range(5):
        body = {"current_password": "doan-mo", "new_password": "mat-khau-moi-2026"}
        assert_problem(await client.post("/v1/auth/password", headers=viewer, json=body), 403)
    locked = await client.post(
        "/v1/auth/password",
        headers=viewer,
        json={"current_password": default_password, "new_password": "mat-khau-moi-2026"},
    )
    assert assert_problem(locked, 429)["code"] == "auth.locked"
    assert (await login("nguoi.doan", default_password)).status_code == 200


# --- an erased learner's account -------------------------------------------------------------------------


@pytest.fixture
async def erasure_client(client, admin) -> dict[str, str]:
    created = (
        await client.post(
            "/v1/clients",
            headers=admin,
            json={
                "client_id": "digital-literacy-api",
                "name": "literacy",
                "scopes": ["identity:deactivate-learner"],
            },
        )
    ).json()
    token = await client.post(
        "/v1/auth/token", data=client_grant(created["client_id"], created["client_secret"])
    )
    return {"Authorization": f"Bearer {token.json()['access_token']}"}


async def test_an_erased_learners_account_is_deactivated_and_its_tokens_stop(
    client, literacy, login, erasure_client, app
):
    assert (await client.post("/v1/auth/signup", json=SIGNUP)).status_code == 201
    token = (await login(SIGNUP["national_id"], SIGNUP["password"])).json()["access_token"]
    learner = {"Authorization": f"Bearer {token}"}
    assert (await client.get("/v1/auth/me", headers=learner)).status_code == 200

    response = await client.post(f"/v1/learner-accounts/{LEARNER_ID}/deactivate", headers=erasure_client)
    assert response.status_code == 204, response.text
    assert response.content == b""
    assert (
        assert_problem(await client.get("/v1/localities/provinces", headers=learner), 401)["code"]
        == "auth.token_revoked"
    )
    assert_problem(await login(SIGNUP["national_id"], SIGNUP["password"]), 401)
    async with app.state.database.sessionmaker() as session:
        account = await session.scalar(select(Account).where(Account.learner_id == uuid.UUID(LEARNER_ID)))
    assert account is not None
    assert not account.active
    assert account.version == 2
    assert "account.deactivated_for_erasure" in await audit_actions(app)
    # Again, and for a learner who never signed up: 204 all the same.
    for learner_id in (LEARNER_ID, str(uuid.uuid4())):
        again = await client.post(f"/v1/learner-accounts/{learner_id}/deactivate", headers=erasure_client)
        assert again.status_code == 204


async def test_only_erasure_clients_and_admins_deactivate_learner_accounts(client, literacy, admin, app):
    assert (await client.post("/v1/auth/signup", json=SIGNUP)).status_code == 201
    read_client = (
        await client.post("/v1/clients", headers=admin, json={"name": "doc", "scopes": ["campaign:read"]})
    ).json()
    token = (
        await client.post(
            "/v1/auth/token", data=client_grant(read_client["client_id"], read_client["client_secret"])
        )
    ).json()
    reader = {"Authorization": f"Bearer {token['access_token']}"}
    problem = assert_problem(
        await client.post(f"/v1/learner-accounts/{LEARNER_ID}/deactivate", headers=reader), 403
    )
    assert problem["code"] == "learner_account.forbidden"
    async with app.state.database.sessionmaker() as session:
        account = await session.scalar(select(Account).where(Account.learner_id == uuid.UUID(LEARNER_ID)))
    assert account is not None
    assert account.active
    assert account.version == 1
    assert "account.deactivated_for_erasure" not in await audit_actions(app)
