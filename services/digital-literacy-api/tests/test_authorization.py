"""The authorization matrix of digital-literacy-api: every endpoint, every kind of caller, exactly the status it
should get. Rows are data: each later endpoint adds its row. `allow` lists who gets `ok`; everyone else
signed in gets 403 and anonymous callers 401, unless the row is `public` or names the caller in `refused`.

The world's objects (learners, records, certificates, an import) belong to unit 66-X1 and its commune;
`manager_b` acts for 66-X2 (another commune), `learner_b` is another learner, `client_units` is
scoring-api's client (literacy:units): object-level rows say what each of them gets on unit A's objects."""

from dataclasses import dataclass, field

import pytest

from service_kit.testing import AuthorizationRow, authorization_mismatches, routes_without_rows

CALLERS = (
    "anonymous",
    "admin",
    "manager",
    "evaluator",
    "council",
    "viewer",
    "learner",
    "client_read",
    "client_write",
    "client_match",
    "client_other",
    "manager_b",
    "learner_b",
    "client_units",
    "client_xapi",
)
SIGNED_IN = CALLERS[1:]
PERSONAL_DATA_READERS = ("admin", "manager", "manager_b", "client_read", "client_write")
PERSONAL_DATA_WRITERS = ("admin", "manager", "manager_b", "client_write")
STATISTICS_READERS = ("admin", "manager", "manager_b", "evaluator", "council", "viewer", "client_read")
LEARNERS = ("learner", "learner_b")
# The learning record store's callers get as far as the xAPI version check (the matrix sends no
# X-Experience-API-Version header): 400 means "let in".
XAPI_READERS = ("admin", "client_xapi")
# Unit A's learner does not exist for unit B's manager: 404, never 403 (existence must not leak).
HIDDEN_FROM_B = {"manager_b": 404}


@dataclass(frozen=True)
class Row(AuthorizationRow):
    """A row whose `refused` callers get a status of their own (404 for objects hidden from them)."""

    refused: dict[str, int] = field(default_factory=dict, hash=False)

    def expected(self, caller: str, order) -> int:
        if caller in self.refused:
            return self.refused[caller]
        return super().expected(caller, order)


MATRIX = [
    Row("GET", "/healthz", public=True),
    Row("GET", "/readyz", public=True),
    Row("GET", "/v1/competences", allow=SIGNED_IN),
    Row("GET", "/v1/courses", allow=SIGNED_IN),
    Row(
        "POST",
        "/v1/courses",
        allow=("admin",),
        ok=201,
        body={"code": "C-{caller}", "title": "Khóa {caller}", "hours": 2, "level": 1},
    ),
    Row("GET", "/v1/classes", allow=SIGNED_IN),
    Row(
        "POST",
        "/v1/classes",
        allow=("admin", "manager"),
        ok=201,
        body={
            "course_code": "VNEID",
            "venue_type": "cultural_house",
            "venue_name": "Nhà văn hóa buôn Ko Tam",
            "commune_code": "{commune}",
            "starts_on": "2025-08-01",
            "ends_on": "2025-08-03",
        },
    ),
    Row("GET", "/v1/learners", allow=PERSONAL_DATA_READERS),
    Row(
        "POST",
        "/v1/learners",
        allow=PERSONAL_DATA_WRITERS,
        ok=201,
        body={
            "national_id": "0661910{row_number:02d}{caller_number:03d}",
            "full_name": "Người học {caller}",
            "date_of_birth": "1995-01-01",
            "gender": "male",
            "commune_code": "{commune}",
            "category": "citizen",
        },
        # Unit A's commune: not unit B's manager's to fill with learners.
        refused={"manager_b": 403},
    ),
    Row("GET", "/v1/learners/{learner_id}", allow=PERSONAL_DATA_READERS, refused=HIDDEN_FROM_B),
    Row(
        "PATCH",
        "/v1/learners/{learner_id}",
        allow=PERSONAL_DATA_WRITERS,
        body={"category": "worker"},
        refused=HIDDEN_FROM_B,
    ),
    # A learner in their unit but living in unit B's commune: the manager reads it, may not change it.
    Row("GET", "/v1/learners/{staff_elsewhere_id}", allow=PERSONAL_DATA_READERS),
    Row(
        "PATCH",
        "/v1/learners/{staff_elsewhere_id}",
        allow=("admin", "client_write"),
        body={"category": "worker"},
    ),
    Row("DELETE", "/v1/learners/{erasable_id}", allow=("admin",), ok=204, refused=HIDDEN_FROM_B),
    Row(
        "POST",
        "/v1/learners/match",
        allow=("client_match",),  # literacy:match only: an ID + birth-date oracle is not for readers
        body={"national_id": "066190000500", "date_of_birth": "1990-05-17"},
    ),
    Row("GET", "/v1/records", allow=PERSONAL_DATA_READERS),
    # Another learner's records: not for learners (they have /v1/me/*); filtered to nothing for manager B.
    Row("GET", "/v1/records?learner_id={learner_id}", allow=PERSONAL_DATA_READERS),
    Row(
        "POST",
        "/v1/records",
        allow=PERSONAL_DATA_WRITERS,
        ok=201,
        then=200,
        body={"learner_id": "{learner_id}", "course_code": "VNEID", "status": "in_progress", "progress": 20},
        # Unit A's learner is "no learner" to unit B's manager: the answer to an unknown one (409, with
        # the field named in `errors`).
        refused={"manager_b": 409},
    ),
    Row(
        "POST",
        "/v1/records",
        allow=("admin", "client_write"),
        ok=201,
        then=200,
        body={"learner_id": "{staff_elsewhere_id}", "course_code": "VNEID", "status": "enrolled"},
    ),
    Row("GET", "/v1/certificates/{certificate}", public=True),
    Row("GET", "/v1/certificates/{certificate}.pdf", public=True),
    Row(
        "POST", "/v1/certificates/{revocable}/revoke", allow=("admin",), then=409, body={"reason": "Cấp nhầm"}
    ),
    Row("GET", "/v1/me/progress", allow=LEARNERS),
    Row("GET", "/v1/me/data", allow=LEARNERS),
    Row("GET", "/v1/stats/units?codes=66-X1", allow=(*STATISTICS_READERS, "client_units")),
    Row("GET", "/v1/stats/coverage?group_by=commune", allow=(*STATISTICS_READERS, "client_units")),
    Row("GET", "/v1/stats/coverage?group_by=ethnicity", allow=("admin", "council", "viewer", "client_read")),
    Row("GET", "/v1/population", allow=(*STATISTICS_READERS, "client_units")),  # the denominators of coverage
    # No file: the callers allowed in get as far as validation.
    Row("POST", "/v1/imports", allow=PERSONAL_DATA_WRITERS, ok=422),
    Row("GET", "/v1/imports", allow=PERSONAL_DATA_WRITERS),
    Row("GET", "/v1/imports/template.xlsx", allow=PERSONAL_DATA_WRITERS),
    Row("GET", "/v1/imports/{missing_job}", allow=PERSONAL_DATA_WRITERS, ok=404),
    Row("GET", "/v1/imports/{missing_job}/errors", allow=PERSONAL_DATA_WRITERS, ok=404),
    # Manager A's import: theirs and the administrators'; it does not exist for anyone else at the desk.
    Row(
        "GET",
        "/v1/imports/{job}",
        allow=("admin", "manager"),
        refused={"manager_b": 404, "client_write": 404},
    ),
    Row(
        "GET",
        "/v1/imports/{job}/errors",
        allow=("admin", "manager"),
        refused={"manager_b": 404, "client_write": 404},
    ),
    Row("GET", "/xapi/about", public=True),
    Row(
        "PUT",
        "/xapi/statements?statementId=00000000-0000-4000-8000-0000000000aa",
        allow=("client_xapi",),
        ok=400,
        body={},
    ),
    Row("POST", "/xapi/statements", allow=("client_xapi",), ok=400, body={}),
    Row("GET", "/xapi/statements", allow=XAPI_READERS, ok=400),
    Row("HEAD", "/xapi/statements", allow=XAPI_READERS, ok=400),
    Row("GET", "/xapi/activities?activityId=http://example.vn/a", allow=XAPI_READERS, ok=400),
    Row("GET", "/xapi/agents?agent={{}}", allow=XAPI_READERS, ok=400),
    Row("GET", "/xapi/activities/state", allow=XAPI_READERS, ok=400),
    Row("PUT", "/xapi/activities/state", allow=("client_xapi",), ok=400, body={}),
    Row("POST", "/xapi/activities/state", allow=("client_xapi",), ok=400, body={}),
    Row("DELETE", "/xapi/activities/state", allow=("client_xapi",), ok=400),
    Row("GET", "/xapi/activities/profile", allow=XAPI_READERS, ok=400),
    Row("PUT", "/xapi/activities/profile", allow=("client_xapi",), ok=400, body={}),
    Row("POST", "/xapi/activities/profile", allow=("client_xapi",), ok=400, body={}),
    Row("DELETE", "/xapi/activities/profile", allow=("client_xapi",), ok=400),
    Row("GET", "/xapi/agents/profile", allow=XAPI_READERS, ok=400),
    Row("PUT", "/xapi/agents/profile", allow=("client_xapi",), ok=400, body={}),
    Row("POST", "/xapi/agents/profile", allow=("client_xapi",), ok=400, body={}),
    Row("DELETE", "/xapi/agents/profile", allow=("client_xapi",), ok=400),
    Row(
        "POST",
        "/v1/actor-links",
        allow=PERSONAL_DATA_WRITERS,
        ok=201,
        then=200,
        body={
            "actor_account_homepage": "https://lms.example.vn",
            "actor_account_name": "u1",
            "learner_id": "{learner_id}",
        },
        refused={"manager_b": 404},
    ),
    Row("GET", "/v1/actor-links", allow=PERSONAL_DATA_WRITERS),
    Row(
        "PUT",
        "/v1/population",
        allow=("admin", "client_write"),
        body={"items": [{"commune_code": "{commune}", "adults": 1000}]},
    ),
]


@pytest.fixture
async def world(
    client, admin, token_factory, create_learner, create_course, record, unit_tree, communes
) -> dict:
    await create_course("VNEID", required_for=["citizen"])
    learner = await create_learner("066190000500", commune_code=communes[0])
    erasable = await create_learner("066190000501", commune_code=communes[0])
    certified = await create_learner("066190000502", commune_code=communes[0])
    certificate = (await record(certified["id"], "VNEID", "completed"))["certificate_code"]
    revocable_learner = await create_learner("066190000503", commune_code=communes[0])
    revocable = (await record(revocable_learner["id"], "VNEID", "completed"))["certificate_code"]
    staff_elsewhere = await create_learner("066190000504", commune_code=communes[1], unit_code="66-X1")
    other_learner = await create_learner("066190000505", commune_code=communes[1], unit_code="66-X2")
    auth = token_factory.auth
    callers = {
        "anonymous": {},
        "admin": admin,
        "manager": auth("ql-x1", roles=["manager"], unit_codes=["66-X1"]),
        "evaluator": auth(roles=["evaluator"]),
        "council": auth(roles=["council"]),
        "viewer": auth(roles=["viewer"]),
        "learner": auth("acc-learner", roles=["learner"], learner_id=learner["id"]),
        "client_read": auth("bao-cao", client_id="bao-cao", scope="literacy:read"),
        "client_write": auth("nen-tang-hoc", client_id="nen-tang-hoc", scope="literacy:write"),
        "client_match": auth("campaign-api", client_id="campaign-api", scope="literacy:match"),
        "client_other": auth("khac", client_id="khac", scope="campaign:read"),
        "manager_b": auth("ql-x2", roles=["manager"], unit_codes=["66-X2"]),
        "learner_b": auth("acc-learner-b", roles=["learner"], learner_id=other_learner["id"]),
        "client_units": auth("scoring-api", client_id="scoring-api", scope="campaign:read literacy:units"),
        "client_xapi": auth("open-edx", client_id="open-edx", scope="xapi:write xapi:read"),
    }
    upload = await client.post(
        "/v1/imports",
        headers=callers["manager"],
        files={"file": ("a.csv", b"\xef\xbb\xbf" + b"\n" * 70, "text/csv")},
    )
    assert upload.status_code == 202, upload.text
    ids = {
        "learner_id": learner["id"],
        "erasable_id": erasable["id"],
        "certificate": certificate,
        "revocable": revocable,
        "commune": communes[0],
        "missing_job": "00000000-0000-4000-8000-000000000000",
        "staff_elsewhere_id": staff_elsewhere["id"],
        "commune_b": communes[1],
        "job": upload.json()["id"],
    }
    return {"callers": callers, "ids": ids}


async def test_each_caller_gets_exactly_its_status_on_every_endpoint(client, world):
    mismatches = await authorization_mismatches(
        client, MATRIX, {c: world["callers"][c] for c in CALLERS}, world["ids"]
    )
    assert not mismatches, "\n".join(mismatches)


def test_every_route_of_the_app_has_a_row(app):
    generic = {
        "?learner_id={learner_id}": "",
        "{staff_elsewhere_id}": "{learner_id}",
        "{job}": "{job_id}",
        "{erasable_id}": "{learner_id}",
        "{certificate}": "{code}",
        "{revocable}": "{code}",
        "?codes=66-X1": "",
        "?group_by=commune": "",
        "{missing_job}": "{job_id}",
        "?group_by=ethnicity": "",
        "?statementId=00000000-0000-4000-8000-0000000000aa": "",
        "?activityId=http://example.vn/a": "",
        "?agent={{}}": "",
    }
    missing = routes_without_rows(app, MATRIX, generic=generic)
    assert not missing, f"add authorization rows for: {sorted(missing)}"


async def test_lists_hold_only_what_the_caller_may_read(client, world):
    """Unit B's manager is let into the lists, and finds none of unit A's learners, records or imports."""
    manager_b = world["callers"]["manager_b"]
    learners = (await client.get("/v1/learners", headers=manager_b)).json()["items"]
    assert learners
    assert {item["commune_code"] for item in learners} == {world["ids"]["commune_b"]}
    records = (
        await client.get("/v1/records", headers=manager_b, params={"learner_id": world["ids"]["learner_id"]})
    ).json()
    assert records["items"] == []
    assert (await client.get("/v1/imports", headers=manager_b)).json()["items"] == []
    manager = world["callers"]["manager"]
    mine = (await client.get("/v1/imports", headers=manager)).json()["items"]
    assert [job["id"] for job in mine] == [world["ids"]["job"]]
