"""A learner signs up with the national ID and birth date digital-literacy-api knows, then signs in with the ID."""

import json

import jwt
from sqlalchemy import select, text

from campaign_api.database import audit_event
from campaign_api.identity.models import Account
from service_kit.testing import assert_problem

NATIONAL_ID = "066190000123"
LEARNER_ID = "7d1f3c2a-0000-4000-8000-000000000001"
SIGNUP = {"national_id": NATIONAL_ID, "date_of_birth": "1990-05-17", "password": "hoc-vien-manh-2025"}


async def learner_accounts(app) -> list[Account]:
    async with app.state.database.sessionmaker() as session:
        return list(await session.scalars(select(Account).where(Account.learner_id.is_not(None))))


async def test_a_known_learner_signs_up_and_signs_in_with_the_national_id(client, literacy, login, app):
    created = await client.post("/v1/auth/signup", json=SIGNUP)
    assert created.status_code == 201, created.text
    assert created.json()["learner_id"] == LEARNER_ID
    assert created.json()["roles"] == ["learner"]
    assert created.json()["username"] is None

    # campaign-api asked digital-literacy-api with its own client token.
    (asked,) = literacy.requests
    token = asked.headers["authorization"].removeprefix("Bearer ")
    claims = jwt.decode(token, options={"verify_signature": False})
    assert claims["scope"] == "literacy:match"
    assert claims["client_id"] == "campaign-api"
    assert json.loads(asked.content) == {"national_id": NATIONAL_ID, "date_of_birth": "1990-05-17"}

    signed_in = await login(NATIONAL_ID, SIGNUP["password"])
    assert signed_in.status_code == 200
    access = signed_in.json()["access_token"]
    assert jwt.decode(access, options={"verify_signature": False})["learner_id"] == LEARNER_ID
    me = (await client.get("/v1/auth/me", headers={"Authorization": f"Bearer {access}"})).json()
    assert me["roles"] == ["learner"]
    assert me["learner_id"] == LEARNER_ID


async def test_the_national_id_is_never_stored_in_clear(client, literacy, app):
    await client.post("/v1/auth/signup", json=SIGNUP)
    async with app.state.database.sessionmaker() as session:
        dump = await session.execute(text("SELECT row_to_json(a)::text FROM campaign.account a"))
        audit_dump = await session.execute(text("SELECT row_to_json(e)::text FROM campaign.audit_event e"))
        everything = " ".join(row[0] for row in [*dump.all(), *audit_dump.all()])
    assert NATIONAL_ID not in everything


async def test_a_second_sign_up_for_the_same_learner_is_refused(client, literacy, app):
    assert (await client.post("/v1/auth/signup", json=SIGNUP)).status_code == 201
    again = assert_problem(
        await client.post("/v1/auth/signup", json={**SIGNUP, "password": "mot-mat-khau-khac"}), 403
    )
    assert again["code"] == "signup.refused"
    assert len(await learner_accounts(app)) == 1


async def test_no_match_is_refused_without_saying_which_detail_was_wrong(client, literacy, app):
    wrong_birthday = assert_problem(
        await client.post("/v1/auth/signup", json={**SIGNUP, "date_of_birth": "1991-05-17"}), 403
    )
    wrong_id = assert_problem(
        await client.post("/v1/auth/signup", json={**SIGNUP, "national_id": "066190000999"}), 403
    )
    assert wrong_birthday["code"] == wrong_id["code"] == "signup.refused"
    assert wrong_birthday["detail"] == wrong_id["detail"]
    assert await learner_accounts(app) == []


async def test_guessing_birthdays_is_locked_after_five_tries(client, literacy):
    for day in range(1, 6):
        await client.post("/v1/auth/signup", json={**SIGNUP, "date_of_birth": f"1990-01-0{day}"})
    locked = await client.post("/v1/auth/signup", json=SIGNUP)
    assert_problem(locked, 429)
    assert len(literacy.requests) == 5


async def test_literacy_down_is_503_and_nothing_is_created(client, literacy, app):
    literacy.down = True
    problem = assert_problem(await client.post("/v1/auth/signup", json=SIGNUP), 503)
    assert "digital-literacy-api" in problem["detail"]
    assert await learner_accounts(app) == []
    async with app.state.database.sessionmaker() as session:
        actions = list(await session.scalars(select(audit_event.c.action)))
    assert "account.signed_up" not in actions


async def test_malformed_national_ids_are_422(client, literacy):
    for bad in ("06619000012", "0661900001234", "06619000012a", ""):
        problem = assert_problem(
            await client.post("/v1/auth/signup", json={**SIGNUP, "national_id": bad}), 422
        )
        assert problem["errors"][0]["field"] == "national_id"
    assert literacy.requests == []
