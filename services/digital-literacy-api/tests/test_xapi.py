"""The xAPI learning record store: statements stored once and validated to the specification, queried and
paged by their stored order, voided; Basic and Bearer clients; and completions from Open edX and Moodle that
become training records and certificates through the training service (waiting while the actor is unlinked,
undone when voided)."""

from __future__ import annotations

import base64
import hashlib
import uuid

import httpx
import pytest
from sqlalchemy import select

from literacy_api.clients.basic_credentials import BasicCredentials
from literacy_api.config import LiteracySettings
from literacy_api.xapi.models import XapiStatement
from service_kit.testing import assert_problem

V2 = {"X-Experience-API-Version": "2.0.0"}
V1 = {"X-Experience-API-Version": "1.0.3"}
OPEN_EDX = "https://lms.daklak.edu.vn"
MOODLE = "https://moodle.daklak.gov.vn"
COURSE_IRI = f"{OPEN_EDX}/course/course-v1:DakLak+VNEID+2025"
MOODLE_COURSE_IRI = f"{MOODLE}/course/view.php?id=42"
PASSED = "http://adlnet.gov/expapi/verbs/passed"
COMPLETED = "http://adlnet.gov/expapi/verbs/completed"
VOIDED = "http://adlnet.gov/expapi/verbs/voided"


def open_edx_passed(name: str = "a1b2c3d4-anon", statement_id: str | None = None) -> dict:
    """What Open edX's event-routing-backends sends for a passed course (xAPI 1.0.3, an anonymous account)."""
    statement = {
        "actor": {"objectType": "Agent", "account": {"homePage": OPEN_EDX, "name": name}},
        "verb": {"id": PASSED, "display": {"en": "passed"}},
        "object": {
            "objectType": "Activity",
            "id": COURSE_IRI,
            "definition": {"type": "http://adlnet.gov/expapi/activities/course", "name": {"en-US": "VNeID"}},
        },
        "result": {"success": True, "score": {"scaled": 0.85, "raw": 85, "min": 0, "max": 100}},
        "timestamp": "2025-09-02T08:30:00.000Z",
        "context": {"platform": "Open edX", "registration": str(uuid.uuid4())},
        "version": "1.0.3",
    }
    if statement_id:
        statement["id"] = statement_id
    return statement


def moodle_completed(user_id: str = "1207") -> dict:
    """What Moodle's logstore_xapi sends for a course completion."""
    return {
        "actor": {"name": "Hương", "account": {"homePage": MOODLE, "name": user_id}},
        "verb": {"id": COMPLETED, "display": {"en": "completed"}},
        "object": {"id": MOODLE_COURSE_IRI, "objectType": "Activity"},
        "timestamp": "2025-09-03T10:00:00+07:00",
        "context": {
            "platform": "Moodle",
            "language": "vi",
            "extensions": {"http://lrs.learninglocker.net/define/extensions/info": {"moodle": "4.3"}},
        },
    }


@pytest.fixture
def lms(token_factory) -> dict[str, str]:
    return token_factory.auth("open-edx", client_id="open-edx", scope="xapi:write xapi:read") | V2


@pytest.fixture
async def course_and_learner(create_course, create_learner, client, admin):
    await create_course("VNEID", required_for=["citizen"])
    # The course's activity IRIs (Open edX and Moodle) are given when the course is created.
    response = await client.post(
        "/v1/courses",
        headers=admin,
        json={
            "code": "KYNANG",
            "title": "Kỹ năng số",
            "hours": 4,
            "level": 1,
            "xapi_activity_ids": [COURSE_IRI, MOODLE_COURSE_IRI],
        },
    )
    assert response.status_code == 201, response.text
    assert response.json()["xapi_activity_ids"] == sorted([COURSE_IRI, MOODLE_COURSE_IRI])
    return await create_learner("066190000777")


async def link(client, admin, learner_id: str, homepage: str, name: str) -> dict:
    response = await client.post(
        "/v1/actor-links",
        headers=admin,
        json={"actor_account_homepage": homepage, "actor_account_name": name, "learner_id": learner_id},
    )
    assert response.status_code in (200, 201), response.text
    return response.json()


async def records_of(client, admin, learner_id: str) -> list[dict]:
    response = await client.get("/v1/records", headers=admin, params={"learner_id": learner_id})
    assert response.status_code == 200
    return response.json()["items"]


async def test_an_open_edx_pass_of_a_linked_learner_is_a_completed_record_with_a_certificate(
    client, admin, lms, course_and_learner, token_factory
):
    learner = course_and_learner
    await link(client, admin, learner["id"], OPEN_EDX, "a1b2c3d4-anon")
    response = await client.post("/xapi/statements", headers=lms | V1, json=[open_edx_passed()])
    assert response.status_code == 200, response.text
    assert response.headers["X-Experience-API-Version"] == "1.0.3"
    [statement_id] = response.json()
    [record] = await records_of(client, admin, learner["id"])
    assert (record["course_code"], record["status"], record["progress"], record["source"]) == (
        "KYNANG",
        "completed",
        100,
        "xapi",
    )
    assert record["completed_on"] == "2025-09-02"
    assert record["score"] == "85.00"
    certificate = (await client.get(f"/v1/certificates/{record['certificate_code']}")).json()
    assert certificate["valid"] is True
    # The learner's progress page sees it.
    me = token_factory.auth("acc", roles=["learner"], learner_id=learner["id"])
    progress = (await client.get("/v1/me/progress", headers=me)).json()
    assert [(c["course_code"], c["status"]) for c in progress["courses"]] == [("KYNANG", "completed")]
    # The statement is stored with the client as its authority.
    stored = (await client.get("/xapi/statements", headers=lms, params={"statementId": statement_id})).json()
    assert stored["authority"]["account"]["name"] == "open-edx"
    assert stored["version"] == "1.0.3"


async def test_a_moodle_completion_counts_in_the_coverage(client, admin, lms, course_and_learner, communes):
    learner = course_and_learner
    await link(client, admin, learner["id"], MOODLE, "1207")
    before = (await client.get("/v1/stats/coverage", headers=admin, params={"group_by": "commune"})).json()
    response = await client.post("/xapi/statements", headers=lms, json=moodle_completed())
    assert response.status_code == 200, response.text
    [record] = await records_of(client, admin, learner["id"])
    assert (record["status"], record["completed_on"]) == ("completed", "2025-09-03")
    after = (await client.get("/v1/stats/coverage", headers=admin, params={"group_by": "commune"})).json()
    assert after["totals"]["completed"] == before["totals"]["completed"] + 1


async def test_an_unlinked_actors_statement_waits_and_applies_when_linked(
    client, admin, lms, course_and_learner
):
    learner = course_and_learner
    response = await client.post("/xapi/statements", headers=lms, json=moodle_completed("555"))
    assert response.status_code == 200
    assert await records_of(client, admin, learner["id"]) == []
    linked = await link(client, admin, learner["id"], MOODLE, "555")
    assert linked["applied"] == 1
    [record] = await records_of(client, admin, learner["id"])
    assert record["status"] == "completed"
    assert record["certificate_code"]
    # The same link again changes nothing; the account for another learner is a conflict.
    again = await client.post(
        "/v1/actor-links",
        headers=admin,
        json={"actor_account_homepage": MOODLE, "actor_account_name": "555", "learner_id": learner["id"]},
    )
    assert (again.status_code, again.json()["applied"]) == (200, 0)
    listed = (await client.get("/v1/actor-links", headers=admin, params={"learner_id": learner["id"]})).json()
    assert [i["actor_account_name"] for i in listed["items"]] == ["555"]


async def test_voiding_a_completion_reverts_the_record_and_revokes_its_certificate(
    client, admin, lms, course_and_learner
):
    learner = course_and_learner
    await link(client, admin, learner["id"], OPEN_EDX, "a1b2c3d4-anon")
    statement_id = str(uuid.uuid4())
    assert (
        await client.post("/xapi/statements", headers=lms, json=open_edx_passed(statement_id=statement_id))
    ).status_code == 200
    [record] = await records_of(client, admin, learner["id"])
    code = record["certificate_code"]
    voiding = {
        "actor": {"mbox": "mailto:lms@daklak.edu.vn"},
        "verb": {"id": VOIDED, "display": {"en-US": "voided"}},
        "object": {"objectType": "StatementRef", "id": statement_id},
    }
    response = await client.post("/xapi/statements", headers=lms, json=voiding)
    assert response.status_code == 200, response.text
    [record] = await records_of(client, admin, learner["id"])
    assert (record["status"], record["completed_on"]) == ("enrolled", None)
    assert (await client.get(f"/v1/certificates/{code}")).json()["revoked"] is True
    # The voided statement is found only as voided, and no longer in queries: a query by its verb finds the
    # voiding statement that refers to it instead.
    assert_problem(
        await client.get("/xapi/statements", headers=lms, params={"statementId": statement_id}), 404
    )
    voided = await client.get("/xapi/statements", headers=lms, params={"voidedStatementId": statement_id})
    assert voided.status_code == 200
    listed = (await client.get("/xapi/statements", headers=lms, params={"verb": PASSED})).json()
    assert [s["id"] for s in listed["statements"]] == response.json()
    # A voiding statement cannot be voided.
    void_the_void = {**voiding, "object": {"objectType": "StatementRef", "id": response.json()[0]}}
    assert_problem(await client.post("/xapi/statements", headers=lms, json=void_the_void), 400)


async def test_the_same_id_with_other_content_is_409_and_changes_nothing(
    client, admin, lms, course_and_learner
):
    learner = course_and_learner
    statement_id = str(uuid.uuid4())
    first = open_edx_passed(name="someone-else", statement_id=statement_id)
    put = await client.put("/xapi/statements", headers=lms, params={"statementId": statement_id}, json=first)
    assert put.status_code == 204, put.text
    # Sent again as it was: no change.
    again = await client.put(
        "/xapi/statements", headers=lms, params={"statementId": statement_id}, json=first
    )
    assert again.status_code == 204
    assert (await client.post("/xapi/statements", headers=lms, json=first)).json() == [statement_id]
    other = {**first, "actor": {"account": {"homePage": OPEN_EDX, "name": "a1b2c3d4-anon"}}}
    await link(client, admin, learner["id"], OPEN_EDX, "a1b2c3d4-anon")
    problem = assert_problem(
        await client.post("/xapi/statements", headers=lms, json=[open_edx_passed(), other]), 409
    )
    assert problem["code"] == "xapi.statement_conflict"
    # Nothing of the batch was stored: the learner has no record, the stored statement is the first one.
    assert await records_of(client, admin, learner["id"]) == []
    stored = (await client.get("/xapi/statements", headers=lms, params={"statementId": statement_id})).json()
    assert stored["actor"]["account"]["name"] == "someone-else"
    everything = (await client.get("/xapi/statements", headers=lms)).json()["statements"]
    assert [s["id"] for s in everything] == [statement_id]


def _statement(**overrides) -> dict:
    return {
        "actor": {"mbox": "mailto:huong@example.vn"},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/experienced"},
        "object": {"id": "http://example.vn/activities/1"},
        **overrides,
    }


@pytest.mark.parametrize(
    "statement",
    [
        {"verb": {"id": COMPLETED}, "object": {"id": "http://example.vn/a"}},  # no actor
        _statement(actor={"mbox": "mailto:a@b.vn", "openid": "http://openid.example/a"}),  # two identifiers
        _statement(actor={"mbox": "a@b.vn"}),  # not a mailto IRI
        _statement(actor={"objectType": "Group"}),  # an anonymous group without members
        _statement(verb={"id": "completed"}),  # not an IRI
        _statement(verb={"id": COMPLETED, "display": {"not a tag": "x"}}),
        _statement(
            object={"id": "http://example.vn/a", "definition": {"choices": []}}
        ),  # choices without type
        _statement(timestamp="2025-13-01T00:00:00Z"),
        _statement(timestamp="2025-09-01T00:00:00-00:00"),
        _statement(result={"score": {"scaled": 1.5}}),
        _statement(result={"score": {"raw": 5, "min": 10}}),
        _statement(result={"success": "true"}),  # a string is not a boolean
        _statement(result={"duration": "1 hour"}),
        _statement(id="not-a-uuid"),
        _statement(unknown_property=1),
        _statement(version="0.95"),
        _statement(verb={"id": VOIDED}),  # voiding an activity
        _statement(context={"registration": "abc"}),
        _statement(object={"objectType": "Agent", "mbox": "mailto:a@b.vn"}, context={"platform": "x"}),
        _statement(context={"extensions": {"not-an-iri": 1}}),
        _statement(
            object={
                "objectType": "SubStatement",
                "actor": {"mbox": "mailto:a@b.vn"},
                "verb": {"id": COMPLETED},
                "object": {"objectType": "SubStatement"},
            }
        ),
        _statement(
            attachments=[
                {
                    "usageType": "http://example.vn/u",
                    "display": {"en": "x"},
                    "contentType": "text/plain",
                    "length": 1,
                    "sha2": "abc",
                }
            ]
        ),
    ],
)
async def test_statements_outside_the_specification_are_400_and_nothing_is_stored(client, lms, statement):
    assert_problem(await client.post("/xapi/statements", headers=lms, json=[_statement(), statement]), 400)
    assert (await client.get("/xapi/statements", headers=lms)).json()["statements"] == []


async def test_a_statement_sent_again_without_its_timestamp_is_the_same_statement(client, lms):
    statement = {
        **_statement(id=str(uuid.uuid4())),
        "context": {"contextActivities": {"parent": {"id": "http://example.vn/c"}}},
    }
    assert (await client.post("/xapi/statements", headers=lms, json=statement)).status_code == 200
    assert (await client.post("/xapi/statements", headers=lms, json=statement)).status_code == 200
    stored = (
        await client.get("/xapi/statements", headers=lms, params={"statementId": statement["id"]})
    ).json()
    # One context activity is returned as a list; the LRS's timestamp is the stored time.
    assert stored["context"]["contextActivities"]["parent"] == [{"id": "http://example.vn/c"}]
    assert stored["timestamp"] == stored["stored"]


async def test_versions_and_their_differences(client, lms, token_factory):
    headers = {k: v for k, v in lms.items() if k != "X-Experience-API-Version"}
    assert (
        assert_problem(await client.post("/xapi/statements", headers=headers, json=_statement()), 400)["code"]
        == "xapi.version_required"
    )
    assert_problem(
        await client.post(
            "/xapi/statements", headers=headers | {"X-Experience-API-Version": "0.9"}, json=_statement()
        ),
        400,
    )
    context_agents = _statement(
        context={"contextAgents": [{"objectType": "contextAgent", "agent": {"mbox": "mailto:t@b.vn"}}]}
    )
    assert_problem(await client.post("/xapi/statements", headers=headers | V1, json=context_agents), 400)
    response = await client.post("/xapi/statements", headers=headers | V2, json=context_agents)
    assert response.status_code == 200
    stored = (
        await client.get("/xapi/statements", headers=lms, params={"statementId": response.json()[0]})
    ).json()
    assert stored["version"] == "2.0.0"
    about = await client.get("/xapi/about")
    assert about.json()["version"] == ["2.0.0", "1.0.3"]


async def test_queries_filter_and_page_in_stored_order_stable_under_inserts(client, lms):
    ids = []
    for n in range(5):
        response = await client.post(
            "/xapi/statements",
            headers=lms,
            json=_statement(object={"id": f"http://example.vn/activities/{n % 2}"}),
        )
        ids.append(response.json()[0])
    first = await client.get("/xapi/statements", headers=lms, params={"limit": 2})
    assert first.headers["X-Experience-API-Consistent-Through"]
    page = first.json()
    assert [s["id"] for s in page["statements"]] == [ids[4], ids[3]]
    # A statement stored meanwhile does not shift the pages.
    await client.post(
        "/xapi/statements", headers=lms, json=_statement(object={"id": "http://example.vn/later"})
    )
    seen = [s["id"] for s in page["statements"]]
    while page["more"]:
        path, _, query = page["more"].partition("?")
        assert path == "/xapi/statements"
        page = (await client.get(f"{path}?{query}", headers=lms)).json()
        seen += [s["id"] for s in page["statements"]]
    assert seen == ids[::-1]
    by_activity = await client.get(
        "/xapi/statements",
        headers=lms,
        params={"activity": "http://example.vn/activities/1", "ascending": "true"},
    )
    assert [s["id"] for s in by_activity.json()["statements"]] == [ids[1], ids[3]]
    # The mbox and its SHA-1 name the same agent.
    sha1 = hashlib.sha1(b"mailto:huong@example.vn").hexdigest()  # noqa: S324
    by_agent = await client.get(
        "/xapi/statements", headers=lms, params={"agent": f'{{"mbox_sha1sum": "{sha1}"}}'}
    )
    assert len(by_agent.json()["statements"]) == 6
    ids_format = (
        await client.get(
            "/xapi/statements",
            headers=lms,
            params={"limit": 1, "format": "ids", "activity": "http://example.vn/activities/1"},
        )
    ).json()
    assert ids_format["statements"][0]["object"] == {"id": "http://example.vn/activities/1"}
    assert_problem(
        await client.get("/xapi/statements", headers=lms, params={"statementId": ids[0], "verb": COMPLETED}),
        400,
    )
    assert_problem(await client.get("/xapi/statements", headers=lms, params={"unknown": "1"}), 400)
    assert_problem(await client.get("/xapi/statements", headers=lms, params={"cursor": "!!"}), 400)
    head = await client.head("/xapi/statements", headers=lms)
    assert (head.status_code, head.content) == (200, b"")


async def test_basic_credentials_are_exchanged_at_the_token_endpoint(app, client, token_factory):
    calls = []

    def token_endpoint(request: httpx.Request) -> httpx.Response:
        form = dict(x.split("=") for x in request.content.decode().split("&"))
        calls.append(form["client_id"])
        if (form["client_id"], form["client_secret"]) != ("moodle", "s3cret"):
            return httpx.Response(401, json={"error": "invalid_client"})
        token = token_factory.token("moodle", client_id="moodle", scope="xapi:write")
        return httpx.Response(200, json={"access_token": token, "expires_in": 900})

    app.state.basic_credentials = BasicCredentials(
        "http://campaign.test/v1/auth/token", httpx.AsyncClient(transport=httpx.MockTransport(token_endpoint))
    )
    basic = {"Authorization": "Basic " + base64.b64encode(b"moodle:s3cret").decode()} | V2
    for _ in range(2):
        assert (await client.post("/xapi/statements", headers=basic, json=_statement())).status_code == 200
    assert calls == ["moodle"]  # kept between requests
    wrong = {"Authorization": "Basic " + base64.b64encode(b"moodle:wrong").decode()} | V2
    assert (
        assert_problem(await client.post("/xapi/statements", headers=wrong, json=_statement()), 401)["code"]
        == "xapi.credentials_invalid"
    )
    assert_problem(await client.post("/xapi/statements", headers=V2, json=_statement()), 401)
    # A write-only client may not read.
    assert_problem(await client.get("/xapi/statements", headers=basic), 403)


async def test_callers_without_the_write_scope_are_403_and_store_nothing(client, token_factory, lms, admin):
    for scope in ("xapi:read", "literacy:write"):
        headers = token_factory.auth("c", client_id="c", scope=scope) | V2
        assert_problem(await client.post("/xapi/statements", headers=headers, json=_statement()), 403)
    assert_problem(await client.post("/xapi/statements", headers=admin | V2, json=_statement()), 403)
    assert (await client.get("/xapi/statements", headers=lms)).json()["statements"] == []
    # Administrators read the store; learners and other officials do not.
    assert (await client.get("/xapi/statements", headers=admin | V2)).status_code == 200
    viewer = token_factory.auth("v", roles=["viewer"]) | V2
    assert_problem(await client.get("/xapi/statements", headers=viewer), 403)


async def test_browser_content_of_another_origin_may_call_the_store(client, lms):
    preflight = await client.options(
        "/xapi/statements",
        headers={
            "Origin": "https://course.example.vn",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type, x-experience-api-version",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "*"
    response = await client.post(
        "/xapi/statements", headers=lms | {"Origin": "https://course.example.vn"}, json=_statement()
    )
    assert response.headers["access-control-allow-origin"] == "*"
    assert "X-Experience-API-Consistent-Through" in response.headers["access-control-expose-headers"]
    # The rest of the service is not opened to other origins.
    other = await client.get("/v1/courses", headers=lms | {"Origin": "https://course.example.vn"})
    assert "access-control-allow-origin" not in other.headers


@pytest.mark.parametrize("unversioned", ["2.0.0", "1.0.3"])
async def test_every_answer_names_the_version_asked_for_or_the_deployments_own(unversioned):
    """A request naming no version is refused (above); its answer names the version the deployment speaks
    (`LITERACY_XAPI_UNVERSIONED_ANSWER`), any other answer the version the request asked for."""
    from starlette.applications import Starlette
    from starlette.responses import PlainTextResponse
    from starlette.routing import Route

    from literacy_api.xapi.cors import XapiCors

    inner = Starlette(routes=[Route("/xapi/statements", lambda request: PlainTextResponse("", 400))])
    transport = httpx.ASGITransport(app=XapiCors(inner, unversioned=unversioned))
    async with httpx.AsyncClient(transport=transport, base_url="http://lrs") as http:
        for asked, named in ((None, unversioned), ("1.0.1", "1.0.3"), ("2.0.0", "2.0.0")):
            headers = {} if asked is None else {"X-Experience-API-Version": asked}
            response = await http.get("/xapi/statements", headers=headers)
            assert response.headers["X-Experience-API-Version"] == named


async def test_statements_are_kept_under_the_deployments_province_setting(app, client, lms):
    """The LRS's province is a setting (LITERACY_PROVINCE_CODE), checked against the official list."""
    with pytest.raises(ValueError, match="not a province"):
        LiteracySettings(province_code="99")
    app.state.settings = app.state.settings.model_copy(update={"province_code": "01"})
    statement = _statement(id=str(uuid.uuid4()))
    assert (await client.post("/xapi/statements", headers=lms, json=statement)).status_code == 200
    async with app.state.database.sessionmaker() as session:
        stored = await session.scalar(
            select(XapiStatement.province_code).where(XapiStatement.id == uuid.UUID(statement["id"]))
        )
    assert stored == "01"
