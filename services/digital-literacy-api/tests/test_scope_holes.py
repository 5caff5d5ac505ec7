"""The holes of issue 12, each closed: a refused caller gets 403 (or 404, or 422) and changes nothing —
no learner, record, class or audit row, the coverage rollups and the units' rates as they were.

The directory (conftest): commune 0 is unit 66-X1 (a school 66-X1-THCS below it), commune 1 is unit
66-X2; the manager below acts for 66-X1."""

import pytest
from sqlalchemy import text

from service_kit.testing import assert_problem

STATE = {
    "learners": "SELECT count(*) FROM literacy.learner",
    "records": "SELECT count(*) FROM literacy.training_record",
    "classes": "SELECT count(*) FROM literacy.training_class",
    "audit": "SELECT count(*) FROM literacy.audit_event",
    "coverage": "SELECT coalesce(sum(learners), 0) || '/' || coalesce(sum(completed), 0) FROM literacy.coverage_cell WHERE dim = 'total' AND res = 'm'",
    "course_coverage": "SELECT coalesce(sum(learners), 0) FROM literacy.coverage_course_month",
    "course_day_coverage": "SELECT coalesce(sum(learners), 0) FROM literacy.coverage_course_day",
    "links": "SELECT coalesce(sum(learners), 0) || '/' || coalesce(sum(completed), 0) FROM literacy.coverage_link",
    "learner_rows": "SELECT string_agg(commune_code || ':' || coalesce(unit_code, '-'), ',' ORDER BY id) FROM literacy.learner",
}


async def stored(app) -> dict:
    async with app.state.database.sessionmaker() as session:
        return {name: (await session.execute(text(sql))).scalar() for name, sql in STATE.items()}


@pytest.fixture
def manager(token_factory):
    return token_factory.auth("ql-x1", roles=["manager"], unit_codes=["66-X1"])


async def test_a_commune_manager_cannot_create_learners_of_another_unit_or_commune(
    client, app, manager, learner_body, communes
):
    before = await stored(app)
    for body in (
        learner_body("066190000601", unit_code="66-X2"),  # their commune, another unit's staff
        learner_body("066190000602", commune_code=communes[1]),  # living in another unit's commune
        learner_body("066190000603", commune_code=communes[1], unit_code="66-X1"),  # their staff, elsewhere
    ):
        body = assert_problem(await client.post("/v1/learners", headers=manager, json=body), 403)
        assert body["code"] == "learner.forbidden"
    assert await stored(app) == before
    # Inside their scope it works.
    created = await client.post(
        "/v1/learners", headers=manager, json=learner_body("066190000604", unit_code="66-X1-THCS")
    )
    assert created.status_code == 201, created.text


async def test_a_commune_manager_cannot_move_a_learner_out_of_their_scope(
    client, app, manager, create_learner, communes
):
    learner = await create_learner("066190000611", commune_code=communes[0], unit_code="66-X1")
    before = await stored(app)
    url = f"/v1/learners/{learner['id']}"
    for change in ({"unit_code": "66-X2"}, {"commune_code": communes[1]}):
        assert_problem(await client.patch(url, headers=manager, json=change), 403)
    assert await stored(app) == before


async def test_a_manager_cannot_record_training_for_a_learner_they_only_read(
    client, app, manager, admin, create_learner, create_course, record, communes
):
    """Their unit's staff member living in another unit's commune: readable (the unit is theirs), not
    writable (the commune is not) — a record would move that commune's coverage."""
    await create_course("VNEID", required_for=["citizen"])
    staff = await create_learner("066190000621", commune_code=communes[1], unit_code="66-X1")
    other = await create_learner("066190000622", commune_code=communes[1], unit_code="66-X2")
    await record(other["id"], "VNEID", "in_progress")
    rates = (await client.get("/v1/stats/units", headers=admin, params={"codes": "66-X1,66-X2"})).json()
    before = await stored(app)
    body = {"learner_id": staff["id"], "course_code": "VNEID", "status": "completed"}
    assert_problem(await client.post("/v1/records", headers=manager, json=body), 403)
    # Another unit's learner does not exist for them: the same answer as an unknown learner.
    body = {"learner_id": other["id"], "course_code": "VNEID", "status": "completed"}
    assert assert_problem(await client.post("/v1/records", headers=manager, json=body), 409)["code"] == (
        "learner.unknown"
    )
    assert await stored(app) == before
    assert (
        await client.get("/v1/stats/units", headers=admin, params={"codes": "66-X1,66-X2"})
    ).json() == rates
    assert (await client.get(f"/v1/learners/{staff['id']}", headers=manager)).status_code == 200
    assert_problem(await client.get(f"/v1/learners/{other['id']}", headers=manager), 404)


async def test_unknown_unit_codes_are_refused_on_learners(
    client, app, admin, learner_body, create_learner, campaign_directory
):
    learner = await create_learner("066190000631")
    before = await stored(app)
    # A well-formed code of no unit names nothing (409); a code no unit can have is invalid input (422).
    body = learner_body("066190000632", unit_code="66-NOPE")
    refused = assert_problem(await client.post("/v1/learners", headers=admin, json=body), 409)
    assert (refused["code"], refused["errors"][0]["field"]) == ("unit.unknown", "unit_code")
    body = learner_body("066190000633", unit_code="../x")
    refused = assert_problem(await client.post("/v1/learners", headers=admin, json=body), 422)
    assert refused["errors"][0]["field"] == "unit_code"
    refused = await client.patch(
        f"/v1/learners/{learner['id']}", headers=admin, json={"unit_code": "66-NOPE"}
    )
    assert assert_problem(refused, 409)["errors"][0]["field"] == "unit_code"
    assert await stored(app) == before
    # The directory is asked once per code (cached), and an unreachable directory is never a yes.
    assert campaign_directory.requests.count("/v1/units/66-NOPE") == 1
    campaign_directory.down = True
    down = await client.post(
        "/v1/learners", headers=admin, json=learner_body("066190000634", unit_code="66-SKHCN")
    )
    assert_problem(down, 503)
    assert await stored(app) == before


async def test_a_manager_opens_classes_only_in_their_communes(
    client, app, manager, admin, create_course, communes
):
    await create_course("VNEID")
    before = await stored(app)
    body = {
        "course_code": "VNEID",
        "venue_type": "cultural_house",
        "venue_name": "Nhà văn hóa thôn 2",
        "commune_code": communes[1],
        "starts_on": "2025-08-01",
        "ends_on": "2025-08-03",
    }
    refused = assert_problem(await client.post("/v1/classes", headers=manager, json=body), 403)
    assert refused["code"] == "class.forbidden"
    assert await stored(app) == before
    assert (
        await client.post("/v1/classes", headers=manager, json={**body, "commune_code": communes[0]})
    ).status_code == 201
    assert (await client.post("/v1/classes", headers=admin, json=body)).status_code == 201


async def test_scoring_apis_client_reads_unit_rates_and_nothing_of_the_register(
    client, token_factory, create_learner
):
    learner = await create_learner("066190000641")
    scoring = token_factory.auth("scoring-api", client_id="scoring-api", scope="campaign:read literacy:units")
    assert (
        await client.get("/v1/stats/units", headers=scoring, params={"codes": "66-X1"})
    ).status_code == 200
    assert_problem(await client.get("/v1/learners", headers=scoring), 403)
    assert_problem(await client.get(f"/v1/learners/{learner['id']}", headers=scoring), 403)
    assert_problem(await client.get("/v1/records", headers=scoring), 403)
    # Aggregates for the composite index: completion per commune, never the ethnicity groups.
    assert (await client.get("/v1/stats/coverage", headers=scoring)).status_code == 200
    by_ethnicity = {"group_by": "ethnicity"}
    assert_problem(await client.get("/v1/stats/coverage", headers=scoring, params=by_ethnicity), 403)
    match = {"national_id": "066190000641", "date_of_birth": "1990-05-17"}
    assert_problem(await client.post("/v1/learners/match", headers=scoring, json=match), 403)
    # Nor does literacy:read make a client an ID + birth-date oracle: the look-up is literacy:match only.
    reader = token_factory.auth("bao-cao", client_id="bao-cao", scope="literacy:read")
    assert_problem(await client.post("/v1/learners/match", headers=reader, json=match), 403)
