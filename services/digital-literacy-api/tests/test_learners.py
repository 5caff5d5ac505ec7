"""Learners' personal data: validated, never shown or logged in clear, scoped, erasable."""

import logging
import uuid

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from literacy_api.learners.models import Learner, LearnerIdentity
from service_kit.testing import assert_problem

NATIONAL_ID = "066190000123"


async def count(app) -> int:
    async with app.state.database.sessionmaker() as session:
        return await session.scalar(select(func.count()).select_from(Learner)) or 0


async def test_a_learner_is_stored_with_the_national_id_encrypted_and_shown_masked(
    client, admin, create_learner, app, communes
):
    learner = await create_learner()
    assert learner["national_id_masked"] == "066******123"
    assert learner["phone_masked"] == "091****678"
    assert learner["province_code"] == "66"
    assert "national_id" not in learner
    assert NATIONAL_ID not in str(learner)
    async with app.state.database.sessionmaker() as session:
        rows = await session.execute(text("SELECT row_to_json(l)::text FROM literacy.learner l"))
        audit = await session.execute(text("SELECT row_to_json(a)::text FROM literacy.audit_event a"))
        stored = " ".join(r[0] for r in [*rows.all(), *audit.all()])
    assert NATIONAL_ID not in stored
    assert "0912345678" not in stored


async def test_ethnicity_is_for_admins_on_the_single_record_only(
    client, admin, create_learner, token_factory, communes
):
    learner = await create_learner()
    assert (await client.get(f"/v1/learners/{learner['id']}", headers=admin)).json()["ethnicity"] == "Ê Đê"
    listed = (await client.get("/v1/learners", headers=admin)).json()["items"]
    assert listed[0]["ethnicity"] is None
    reporting = token_factory.auth("bao-cao", client_id="bao-cao", scope="literacy:read")
    assert (await client.get(f"/v1/learners/{learner['id']}", headers=reporting)).json()["ethnicity"] is None


async def test_invalid_learners_are_refused_and_nothing_is_stored(
    client, admin, learner_body, create_learner, app
):
    await create_learner()
    before = await count(app)
    for bad in (
        learner_body("06619000012"),
        learner_body("06619000012a"),
        learner_body("066190000999", commune_code="99999"),
        learner_body("066190000999", gender="unknown"),
        learner_body("066190000999", category="tourist"),
        learner_body("066190000999", phone="12345"),
    ):
        assert_problem(await client.post("/v1/learners", headers=admin, json=bad), 422)
    assert_problem(await client.post("/v1/learners", headers=admin, json=learner_body(NATIONAL_ID)), 409)
    assert await count(app) == before


async def test_lookup_by_national_id_and_it_is_never_logged(client, admin, create_learner, caplog):
    learner = await create_learner()
    await create_learner("066190000124", full_name="Y Niê")
    caplog.set_level(logging.INFO)
    found = (await client.get("/v1/learners", headers=admin, params={"national_id": NATIONAL_ID})).json()
    assert [item["id"] for item in found["items"]] == [learner["id"]]
    service_lines = [r.getMessage() + str(vars(r)) for r in caplog.records if not r.name.startswith("httpx")]
    assert service_lines  # the access line was written
    assert all(NATIONAL_ID not in line for line in service_lines)


async def test_names_are_found_without_diacritics_and_paged_by_cursor(client, admin, create_learner):
    names = ["Trần Văn Đức", "Nguyễn Thị Hương", "Lê Văn Dũng", "H'Hen Niê", "Y Bih Ayun"]
    for index, name in enumerate(names):
        await create_learner(f"06619000010{index}", full_name=name)
    found = (await client.get("/v1/learners", headers=admin, params={"q": "van duc"})).json()["items"]
    assert [item["full_name"] for item in found] == ["Trần Văn Đức"]
    seen, cursor = [], None
    while True:
        params = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        page = (await client.get("/v1/learners", headers=admin, params=params)).json()
        seen += [item["full_name"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == ["H'Hen Niê", "Lê Văn Dũng", "Nguyễn Thị Hương", "Trần Văn Đức", "Y Bih Ayun"]


async def test_managers_see_their_units_and_communes_only(
    client, token_factory, create_learner, unit_tree, communes
):
    in_commune = await create_learner("066190000201", commune_code=communes[0])
    in_school = await create_learner("066190000202", commune_code=communes[1], unit_code="66-X1-THCS")
    elsewhere = await create_learner("066190000203", commune_code=communes[2], unit_code="66-SYT")
    commune_manager = token_factory.auth("ql-x1", roles=["manager"], unit_codes=["66-X1"])
    listed = (await client.get("/v1/learners", headers=commune_manager)).json()["items"]
    assert {item["id"] for item in listed} == {in_commune["id"], in_school["id"]}
    # Another unit's learner does not exist for this manager (404: existence does not leak).
    assert_problem(await client.get(f"/v1/learners/{elsewhere['id']}", headers=commune_manager), 404)
    moved = await client.patch(
        f"/v1/learners/{in_commune['id']}", headers=commune_manager, json={"commune_code": communes[2]}
    )
    assert_problem(moved, 403)
    for role in ("viewer", "evaluator", "council"):
        assert_problem(await client.get("/v1/learners", headers=token_factory.auth(roles=[role])), 403)


async def test_patch_with_a_stale_etag_is_412(client, admin, create_learner):
    learner = await create_learner()
    url = f"/v1/learners/{learner['id']}"
    etag = (await client.get(url, headers=admin)).headers["etag"]
    assert (
        await client.patch(url, headers={**admin, "If-Match": etag}, json={"category": "worker"})
    ).status_code == 200
    stale = await client.patch(url, headers={**admin, "If-Match": etag}, json={"category": "student"})
    assert_problem(stale, 412)
    assert (await client.get(url, headers=admin)).json()["category"] == "worker"


async def test_erasure_removes_the_person_and_keeps_the_counts(
    client, admin, create_learner, create_course, record, app
):
    learner = await create_learner(unit_code="66-SYT")
    await create_course("VNEID", required_for=["citizen"])
    await record(learner["id"], "VNEID", "completed")
    assert (await client.delete(f"/v1/learners/{learner['id']}", headers=admin)).status_code == 204
    erased = (await client.get(f"/v1/learners/{learner['id']}", headers=admin)).json()
    assert erased["erased"] is True
    assert erased["full_name"] is None
    assert erased["national_id_masked"] is None
    assert erased["date_of_birth"] is None
    rates = (await client.get("/v1/stats/units", headers=admin, params={"codes": "66-SYT"})).json()["items"]
    assert rates[0]["staff_learners"] == 1
    assert rates[0]["completed_required"] == 1
    # The person may be registered again; the erased record is not found by the ID any more.
    assert (await client.get("/v1/learners", headers=admin, params={"national_id": NATIONAL_ID})).json()[
        "items"
    ] == []
    await create_learner()


async def test_match_is_for_api_clients_and_needs_both_details(client, token_factory, create_learner):
    learner = await create_learner()
    service = token_factory.auth("campaign-api", client_id="campaign-api", scope="literacy:match")
    found = await client.post(
        "/v1/learners/match",
        headers=service,
        json={"national_id": NATIONAL_ID, "date_of_birth": "1990-05-17"},
    )
    assert found.json() == {"learner_id": learner["id"]}
    wrong_day = await client.post(
        "/v1/learners/match",
        headers=service,
        json={"national_id": NATIONAL_ID, "date_of_birth": "1990-05-18"},
    )
    unknown = await client.post(
        "/v1/learners/match",
        headers=service,
        json={"national_id": "066190000999", "date_of_birth": "1990-05-17"},
    )
    assert assert_problem(wrong_day, 404)["detail"] == assert_problem(unknown, 404)["detail"]
    person = token_factory.auth(roles=["admin"])
    assert_problem(
        await client.post(
            "/v1/learners/match",
            headers=person,
            json={"national_id": NATIONAL_ID, "date_of_birth": "1990-05-17"},
        ),
        403,
    )


async def test_a_learner_exports_their_own_data(client, token_factory, create_learner, create_course, record):
    learner = await create_learner()
    await create_course("VNEID")
    await record(learner["id"], "VNEID", "enrolled")
    mine = token_factory.auth("acc-1", roles=["learner"], learner_id=learner["id"])
    export = (await client.get("/v1/me/data", headers=mine)).json()
    assert export["national_id"] == NATIONAL_ID
    assert export["phone"] == "0912345678"
    assert export["learner"]["ethnicity"] == "Ê Đê"
    assert [r["course_code"] for r in export["records"]] == ["VNEID"]
    assert_problem(await client.get("/v1/me/data", headers=token_factory.auth(roles=["admin"])), 403)


async def test_a_learner_who_moves_to_another_province_keeps_their_records(
    client, admin, create_learner, create_course, record
):
    """The province is in the learner's keys (Citus-ready): a move rewrites it, with the records and
    certificates that follow the learner, and answers 200."""
    learner = await create_learner(unit_code=None)
    await create_course("VNEID", required_for=["citizen"])
    await record(learner["id"], "VNEID", "completed")
    url = f"/v1/learners/{learner['id']}"
    moved = await client.patch(url, headers=admin, json={"commune_code": "11791", "unit_code": None})
    assert moved.status_code == 200, moved.text
    assert moved.json()["commune_code"] == "11791"
    records = (await client.get("/v1/records", headers=admin, params={"learner_id": learner["id"]})).json()
    assert [r["course_code"] for r in records["items"]] == ["VNEID"]


# --- one person, one province: the national look-up of national IDs (learner_identity) ----------------------


async def identities(app) -> set[tuple[str, str]]:
    async with app.state.database.sessionmaker() as session:
        rows = await session.execute(
            select(LearnerIdentity.province_code, LearnerIdentity.learner_id).order_by(
                LearnerIdentity.province_code
            )
        )
        return {(province, str(learner_id)) for province, learner_id in rows}


async def test_the_same_national_id_in_another_province_is_409_not_a_second_person(
    app, client, admin, create_learner, learner_body, communes
):
    """How schemathesis made a duplicate hash across provinces: two creates with one national ID and communes
    of two provinces (the learner's own key is per province). The national look-up refuses the second."""
    first = await create_learner(NATIONAL_ID)
    again = await client.post(
        "/v1/learners",
        headers=admin,
        json=learner_body(NATIONAL_ID, commune_code=communes[3], unit_code=None),
    )
    assert assert_problem(again, 409)["code"] == "learner.exists"
    assert await count(app) == 1
    assert await identities(app) == {("66", first["id"])}


async def test_a_move_erasure_and_bulk_writes_keep_the_look_up_right(
    app, client, admin, create_learner, communes
):
    learner = await create_learner(NATIONAL_ID, unit_code=None)
    other = await create_learner("066190000456", unit_code=None)
    moved = await client.patch(
        f"/v1/learners/{learner['id']}", headers=admin, json={"commune_code": communes[3]}
    )
    assert moved.status_code == 200, moved.text
    assert await identities(app) == {("01", learner["id"]), ("66", other["id"])}
    # An erased person leaves the look-up: the same national ID may be enrolled again, in any province.
    assert (await client.delete(f"/v1/learners/{other['id']}", headers=admin)).status_code == 204
    assert await identities(app) == {("01", learner["id"])}
    again = await create_learner("066190000456", commune_code=communes[3], unit_code=None)
    assert await identities(app) == {("01", learner["id"]), ("01", again["id"])}
    # A set-based writer (as the import's merge is) meets the same rule: one statement, two provinces, one hash.
    async with app.state.database.sessionmaker() as session:
        digest = (await session.get(Learner, uuid.UUID(learner["id"]))).national_id_hash
        with pytest.raises(IntegrityError):
            async with session.begin_nested():
                await session.execute(
                    text(
                        "INSERT INTO literacy.learner (id, province_code, commune_code, national_id_hash, gender, "
                        "category) VALUES (gen_random_uuid(), '66', :commune, :digest, 'male', 'citizen')"
                    ),
                    {"commune": communes[0], "digest": digest},
                )
    assert await identities(app) == {("01", learner["id"]), ("01", again["id"])}
