"""Hostile input (issue 13): a NUL or control character in any text field or query, an explicit null where a
learner cannot be empty, numbers past their columns, dates that are not dates: a coded 422 (never a 500),
and nothing stored."""

import pytest
from sqlalchemy import text

from service_kit.testing import assert_problem

NUL = "\x00"


async def stored(app) -> tuple:
    async with app.state.database.sessionmaker() as session:
        rows = await session.execute(
            text(
                "SELECT (SELECT json_agg(l ORDER BY id)::text FROM literacy.learner l),"
                " (SELECT count(*) FROM literacy.training_record), (SELECT count(*) FROM literacy.course),"
                " (SELECT count(*) FROM literacy.training_class), (SELECT count(*) FROM literacy.audit_event),"
                " (SELECT count(*) FROM literacy.population)"
            )
        )
        return tuple(rows.one())


@pytest.mark.parametrize(
    "query",
    [
        {"q": f"Hương{NUL}"},
        {"q": "a\x01"},
        {"unit_code": f"66{NUL}"},
        {"national_id": f"06619000012{NUL}"},
        {"commune_code": f"2411{NUL}"},
        {"cursor": f"abc{NUL}"},
    ],
)
async def test_a_control_character_in_a_learner_query_is_422(client, admin, query):
    response = await client.get("/v1/learners", headers=admin, params=query)
    assert assert_problem(response, 422)["code"] == "request.invalid"


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("/v1/records", {"course_code": f"A{NUL}"}),
        ("/v1/courses", {"q": f"x{NUL}"}),
        ("/v1/classes", {"course_code": "\x8f\x140\x00"}),
        ("/v1/stats/units", {"codes": f"66-X1,{NUL}"}),
        ("/v1/stats/units", {"codes": ",".join(f"66-{n}" for n in range(201))}),
        ("/v1/stats/coverage", {"from": "0001-01-01"}),
        ("/v1/stats/coverage", {"to": "9999-12-31"}),
        ("/v1/stats/coverage", {"to": "0"}),
        ("/v1/stats/coverage", {"from": "2025-02-30"}),
        ("/v1/competences", {"framework": f"VN{NUL}"}),
        ("/v1/population", {"province_code": f"6{NUL}"}),
    ],
)
async def test_a_bad_query_anywhere_is_422_never_500(client, admin, path, query):
    assert_problem(await client.get(path, headers=admin, params=query), 422)


async def test_learner_bodies_with_control_characters_nulls_or_non_dates_change_nothing(
    client, admin, app, learner_body, create_learner
):
    learner = await create_learner()
    before = await stored(app)
    for body in (
        learner_body("066190000201", full_name=f"Hương{NUL}"),
        learner_body("066190000202", full_name="Hà\u0001Thị"),
        learner_body("066190000203", ethnicity=f"Kinh{NUL}"),
        learner_body("066190000204", full_name="   "),
        learner_body("066190000205", date_of_birth=0),
        learner_body("066190000206", date_of_birth="0"),
        learner_body("066190000207", date_of_birth="0001-01-01"),
        learner_body("066190000208", date_of_birth="9999-12-31"),
        learner_body("066190000209", date_of_birth="2100-01-01"),  # not born yet
        learner_body("066190000210", unit_code=f"66-X1{NUL}"),
        learner_body("06619000021\u0663"),  # an Arabic-Indic digit is not a digit of a CCCD
    ):
        assert_problem(await client.post("/v1/learners", headers=admin, json=body), 422)
    url = f"/v1/learners/{learner['id']}"
    for change in (
        {"full_name": None},
        {"date_of_birth": None},
        {"gender": None},
        {"commune_code": None},
        {"category": None},
        {"full_name": f"X{NUL}"},
        {"date_of_birth": 19900517},
    ):
        refused = assert_problem(await client.patch(url, headers=admin, json=change), 422)
        assert refused["errors"][0]["field"] == next(iter(change)), refused
    assert await stored(app) == before
    # Ethnicity, unit and phone may be cleared with null.
    cleared = await client.patch(url, headers=admin, json={"ethnicity": None, "phone": None})
    assert cleared.status_code == 200, cleared.text


async def test_records_courses_classes_and_population_hold_to_their_columns(
    client, admin, app, create_learner, create_course, communes
):
    learner = await create_learner()
    await create_course("VNEID")
    before = await stored(app)
    base = {"learner_id": learner["id"], "course_code": "VNEID"}
    for body in (
        {**base, "status": "in_progress", "progress": 2**31},
        {**base, "status": "in_progress", "progress": True},
        {**base, "status": "enrolled", "score": "8.5"},
        {**base, "status": "enrolled", "score": 100.5},
        {**base, "status": "enrolled", "enrolled_on": 0},
        {**base, "status": "enrolled", "source": f"api{NUL}"},
        {**base, "course_code": f"VNEID{NUL}", "status": "enrolled"},
    ):
        assert_problem(await client.post("/v1/records", headers=admin, json=body), 422)
    course = {"code": "K2", "title": "Khóa 2", "hours": 4, "level": 1}
    for body in (
        {**course, "level": 2**31},
        {**course, "hours": 0},
        {**course, "hours": "4"},
        {**course, "title": f"Khóa{NUL}"},
        {**course, "title": '=HYPERLINK("x")\u0001'},
        {**course, "competence_codes": ["VN.99.99"]},
    ):
        assert_problem(await client.post("/v1/courses", headers=admin, json=body), 422)
    venue = {
        "course_code": "VNEID",
        "venue_type": "school",
        "venue_name": "Trường A",
        "commune_code": communes[0],
        "starts_on": "2025-08-01",
        "ends_on": "2025-08-03",
    }
    for body in (
        {**venue, "starts_on": 0},
        {**venue, "starts_on": "0001-01-01"},
        {**venue, "venue_name": f"A{NUL}"},
        {**venue, "trainer": "x\x1b[31m"},
        {**venue, "ends_on": "2025-07-31"},
    ):
        assert_problem(await client.post("/v1/classes", headers=admin, json=body), 422)
    for items in (
        [{"commune_code": communes[0], "adults": -10}],
        [{"commune_code": communes[0], "adults": 2**31}],
        [{"commune_code": communes[0], "adults": 10, "reference_year": 2999}],
        [{"commune_code": f"{communes[0]}{NUL}", "adults": 10}],
    ):
        assert_problem(await client.put("/v1/population", headers=admin, json={"items": items}), 422)
    revoke = await client.post(
        "/v1/certificates/AAAA-BBBB-CCCC-DDDD/revoke", headers=admin, json={"reason": NUL}
    )
    assert_problem(revoke, 422)
    assert await stored(app) == before


async def test_the_schema_says_the_rules_the_service_checks(app):
    document = app.openapi()
    schemas = document["components"]["schemas"]
    learner = schemas["LearnerCreate"]["properties"]
    assert learner["national_id"]["pattern"] == "^[0-9]{12}$"
    assert learner["unit_code"]["anyOf"][0]["pattern"] == "^[A-Za-z0-9._-]{1,32}$"
    assert learner["commune_code"] == {"$ref": "#/components/schemas/CommuneCode"}
    assert len(schemas["CommuneCode"]["enum"]) > 3000
    assert "pattern" in learner["date_of_birth"]
    assert "maxLength" in learner["full_name"]
    # PATCH fields that cannot be empty are not nullable; those that can be cleared are.
    update = schemas["LearnerUpdate"]["properties"]
    assert "anyOf" not in update["full_name"]
    assert "default" not in update["full_name"]
    assert {"type": "null"} in update["phone"]["anyOf"]
    score = schemas["RecordIn"]["properties"]["score"]["anyOf"][0]
    assert (score["type"], score["minimum"], score["maximum"]) == ("number", 0, 100)
    coverage = {p["name"]: p["schema"] for p in document["paths"]["/v1/stats/coverage"]["get"]["parameters"]}
    assert "pattern" in coverage["from"]["anyOf"][0]
    assert "304" in document["paths"]["/v1/learners/{learner_id}"]["get"]["responses"]
    assert "404" in document["paths"]["/v1/records"]["post"]["responses"]


async def test_a_commune_named_twice_in_population_takes_its_last_figure(client, admin, communes):
    items = [{"commune_code": communes[0], "adults": 10}, {"commune_code": communes[0], "adults": 12}]
    response = await client.put("/v1/population", headers=admin, json={"items": items})
    assert response.status_code == 200, response.text
    listed = (await client.get("/v1/population", headers=admin)).json()["items"]
    assert [(i["commune_code"], i["adults"]) for i in listed] == [(communes[0], 12)]
