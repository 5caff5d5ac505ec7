"""`allowed_actions`, computed by the access policy for each caller: exactly what the dashboard may show.

The manager acts for 66-X1 (commune 0, and the school 66-X1-THCS below it)."""

import pytest


@pytest.fixture
def callers(token_factory, admin) -> dict[str, dict[str, str]]:
    auth = token_factory.auth
    return {
        "admin": admin,
        "manager": auth("ql-x1", roles=["manager"], unit_codes=["66-X1"]),
        "viewer": auth(roles=["viewer"]),
        "client_read": auth("bao-cao", client_id="bao-cao", scope="literacy:read"),
        "client_write": auth("nen-tang-hoc", client_id="nen-tang-hoc", scope="literacy:write"),
    }


async def test_a_learner_and_the_learner_list(client, callers, create_learner, communes):
    own = await create_learner("066190000701", commune_code=communes[0], unit_code="66-X1")
    # Their unit's staff member living in another unit's commune: read, not written.
    staff_elsewhere = await create_learner("066190000702", commune_code=communes[1], unit_code="66-X1")
    expected = {
        "admin": (["edit", "erase", "add_record"], ["edit", "erase", "add_record"], ["create"]),
        "manager": (["edit", "add_record"], [], ["create"]),
        "client_read": ([], [], []),
        "client_write": (["edit", "add_record"], ["edit", "add_record"], ["create"]),
    }
    for caller, (on_own, on_staff, on_list) in expected.items():
        headers = callers[caller]
        got = (await client.get(f"/v1/learners/{own['id']}", headers=headers)).json()["allowed_actions"]
        assert got == on_own, caller
        got = (await client.get(f"/v1/learners/{staff_elsewhere['id']}", headers=headers)).json()
        assert got["allowed_actions"] == on_staff, caller
        listed = (await client.get("/v1/learners", headers=headers)).json()
        assert listed["allowed_actions"] == on_list, caller
        by_id = {item["id"]: item["allowed_actions"] for item in listed["items"]}
        assert by_id == {own["id"]: on_own, staff_elsewhere["id"]: on_staff}, caller


async def test_a_record_with_and_without_a_live_certificate(
    client, callers, admin, create_learner, create_course, record, communes
):
    await create_course("VNEID")
    learner = await create_learner("066190000711", commune_code=communes[0])
    completed = await record(learner["id"], "VNEID", "completed")
    assert completed["allowed_actions"] == ["edit", "revoke_certificate"]
    expected = {
        "admin": ["edit", "revoke_certificate"],
        "manager": ["edit"],
        "client_read": [],
        "client_write": ["edit"],
    }
    for caller, actions in expected.items():
        items = (await client.get("/v1/records", headers=callers[caller])).json()["items"]
        assert [item["allowed_actions"] for item in items] == [actions], caller
    revoked = await client.post(
        f"/v1/certificates/{completed['certificate_code']}/revoke", headers=admin, json={"reason": "Cấp nhầm"}
    )
    assert revoked.status_code == 200
    items = (await client.get("/v1/records", headers=admin)).json()["items"]
    assert [item["allowed_actions"] for item in items] == [["edit"]]


async def test_courses_classes_imports_and_population(client, callers, create_course):
    await create_course("VNEID")
    expected = {
        #               courses list, a course, classes list, imports list, population
        "admin": (["create"], ["edit", "add_class"], ["create"], ["create"], ["edit"]),
        "manager": ([], ["add_class"], ["create"], ["create"], []),
        "viewer": ([], [], [], None, []),
        "client_read": ([], [], [], None, []),
        "client_write": ([], [], [], ["create"], None),
    }
    for caller, (courses, course, classes, imports, population) in expected.items():
        headers = callers[caller]
        listed = (await client.get("/v1/courses", headers=headers)).json()
        assert listed["allowed_actions"] == courses, caller
        assert [item["allowed_actions"] for item in listed["items"]] == [course], caller
        assert (await client.get("/v1/classes", headers=headers)).json()["allowed_actions"] == classes, caller
        response = await client.get("/v1/imports", headers=headers)
        if imports is None:
            assert response.status_code == 403, caller
        else:
            assert response.json()["allowed_actions"] == imports, caller
        response = await client.get("/v1/population", headers=headers)
        if population is None:
            assert response.status_code == 403, caller
        else:
            assert response.json()["allowed_actions"] == population, caller
