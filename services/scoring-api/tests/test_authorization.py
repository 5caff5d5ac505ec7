"""The authorization matrix of scoring-api: every endpoint, every kind of caller, exactly the status it should
get. `allow` lists who gets `ok`; `hidden` who gets 404 (a manager before another unit's scorecard: its
existence does not leak); everyone else signed in gets 403 and anonymous callers 401 (unless `public`);
`then` is what the later allowed callers get once the first one changed the state. The manager acts for
66-SKHCN; object-level rows put them before 66-STC's and 66-SYT's cards and an individual of 66-SYT."""

from dataclasses import dataclass, field

import pytest

CALLERS = (
    "anonymous",
    "admin",
    "manager",
    "evaluator",
    "council",
    "viewer",
    "learner",
    "client_read",
    "client_other",
)
READERS = ("admin", "manager", "evaluator", "council", "viewer", "client_read")
PROVINCE_READERS = ("admin", "evaluator", "council", "viewer", "client_read")
CAMPAIGN = "7d1f3c2a-0000-4000-8000-00000000c001"


@dataclass(frozen=True)
class Row:
    method: str
    path: str
    allow: tuple[str, ...] = ()
    ok: int = 200
    public: bool = False
    body: dict | None = field(default=None, hash=False)
    then: int | None = None
    hidden: tuple[str, ...] = ()

    def expected(self, caller: str) -> int:
        if self.public or caller in self.allow:
            if self.then is not None and caller != next(c for c in CALLERS if c in self.allow):
                return self.then
            return self.ok
        if caller == "anonymous":
            return 401
        return 404 if caller in self.hidden else 403


SET = {
    "campaign_id": CAMPAIGN,
    "subject_type": "collective",
    "name": "Bộ {caller}",
    "criteria": [{"code": "1", "title": "A", "max_points": 10}],
}

FRAMEWORK = {
    "name": "Chỉ số {caller}",
    "subject_kind": "department",
    "nodes": [
        {
            "code": "P1",
            "title": "Trụ cột 1",
            "children": [{"code": "I1", "title": "Chỉ tiêu 1", "indicator": {"source": "manual"}}],
        }
    ],
}

MATRIX = [
    Row("GET", "/healthz", public=True),
    Row("GET", "/readyz", public=True),
    Row("POST", "/v1/criteria-sets", allow=("admin",), ok=201, body=SET),
    Row("GET", "/v1/criteria-sets", allow=READERS),
    Row("GET", "/v1/criteria-sets/{set_id}", allow=READERS),
    Row("PATCH", "/v1/criteria-sets/{draft_set_id}", allow=("admin",), body={"name": "Bộ đã sửa"}),
    Row("POST", "/v1/criteria-sets/{draft_set_id}/publish", allow=("admin",), then=409),
    Row(
        "POST",
        "/v1/rounds",
        allow=("admin",),
        ok=201,
        body={
            "criteria_set_id": "{set_id}",
            "name": "Vòng {caller}",
            "period_start": "2025-01-01",
            "period_end": "2025-12-31",
        },
    ),
    Row("GET", "/v1/rounds", allow=READERS),
    Row("GET", "/v1/rounds/{round_id}", allow=READERS),
    Row("POST", "/v1/rounds/{round_id}/scorecards/generate", allow=("admin",)),
    Row(
        "POST",
        "/v1/rounds/{individual_round_id}/scorecards",
        allow=("admin", "manager"),
        ok=201,
        body={"subject_id": "cb-{caller}", "subject_name": "Cán bộ {caller}", "unit_code": "66-SKHCN"},
    ),
    Row("GET", "/v1/rounds/{round_id}/scorecards", allow=READERS),
    Row("GET", "/v1/scorecards/{card_id}", allow=READERS),
    Row(
        "PATCH",
        "/v1/scorecards/{card_id}",
        allow=("admin", "manager"),
        body={"entries": [{"criterion_code": "1", "self_score": 7}]},
    ),
    Row("POST", "/v1/scorecards/{card_id}/submit", allow=("admin", "manager"), then=409),
    Row("POST", "/v1/scorecards/{card_id}/review", allow=("admin", "evaluator"), then=409),
    Row(
        "POST",
        "/v1/scorecards/{card_id}/return",
        allow=("admin", "evaluator", "council"),
        then=409,
        body={"reason": "Bổ sung"},
    ),
    Row(
        "POST",
        "/v1/scorecards/{reviewed_card_id}/approve",
        allow=("admin", "council"),
        then=409,
        hidden=("manager",),
    ),
    Row("POST", "/v1/rounds/{round_id}/compute", allow=("admin",)),
    Row("GET", "/v1/rounds/{round_id}/ranking", allow=READERS),
    Row("GET", "/v1/rounds/{round_id}/ranking.xlsx", allow=READERS),
    Row("GET", "/v1/rounds/{round_id}/ranking.csv", allow=READERS),
    Row("GET", "/v1/rounds/{round_id}/proposals", allow=READERS),
    Row("GET", "/v1/me/tasks", allow=("admin", "manager", "evaluator", "council", "viewer")),
    Row("GET", "/v1/scorecards/{card_id}/history", allow=READERS),
    # Object level: the manager of 66-SKHCN before another unit's card (66-STC, a draft) and person.
    Row("GET", "/v1/scorecards/{other_card_id}", allow=PROVINCE_READERS, hidden=("manager",)),
    Row("GET", "/v1/scorecards/{other_card_id}/history", allow=PROVINCE_READERS, hidden=("manager",)),
    Row(
        "PATCH",
        "/v1/scorecards/{other_card_id}",
        allow=("admin",),
        body={"entries": [{"criterion_code": "1", "self_score": 3}]},
        hidden=("manager",),
    ),
    Row(
        "PATCH",
        "/v1/scorecards/{other_card_id}",
        allow=("admin",),
        body={"entries": [{"criterion_code": "1"}]},
        hidden=("manager",),
    ),
    Row("POST", "/v1/scorecards/{other_card_id}/submit", allow=("admin",), hidden=("manager",)),
    Row(
        "POST",
        "/v1/scorecards/{other_card_id}/return",
        allow=("admin", "evaluator", "council"),
        then=409,
        body={"reason": "Bổ sung"},
        hidden=("manager",),
    ),
    Row(
        "POST",
        "/v1/rounds/{individual_round_id}/scorecards",
        allow=("admin",),
        ok=201,
        body={"subject_id": "syt-{caller}", "subject_name": "Cán bộ {caller}", "unit_code": "66-SYT"},
    ),
    # Composite indices: administrators build, fill and run them; officials read them (a manager the rows of
    # their scope's units).
    Row("POST", "/v1/index-frameworks", allow=("admin",), ok=201, body=FRAMEWORK),
    Row("GET", "/v1/index-frameworks", allow=READERS),
    Row("GET", "/v1/index-frameworks/{framework_id}", allow=READERS),
    Row(
        "PATCH", "/v1/index-frameworks/{draft_framework_id}", allow=("admin",), body={"name": "Chỉ số đã sửa"}
    ),
    Row("POST", "/v1/index-frameworks/{draft_framework_id}/publish", allow=("admin",), then=409),
    Row("POST", "/v1/index-frameworks/{framework_id}/copy", allow=("admin",), ok=201),
    Row(
        "POST",
        "/v1/index-frameworks/{framework_id}/values",
        allow=("admin",),
        body={"items": [{"subject_code": "66-STC", "indicator_code": "I1", "value": 3}]},
    ),
    Row("GET", "/v1/index-frameworks/{framework_id}/values/template.xlsx", allow=READERS),
    # JSON is not the form the import reads: the administrator reaches it and gets 422.
    Row("POST", "/v1/index-frameworks/{framework_id}/values.xlsx", allow=("admin",), ok=422, body={}),
    # A manager runs an index over the units of their scope (without subject_codes: their scope's)...
    Row(
        "POST",
        "/v1/index-runs",
        allow=("admin", "manager"),
        ok=201,
        body={"framework_id": "{framework_id}", "period": "2025"},
    ),
    Row(
        "POST",
        "/v1/index-runs",
        allow=("admin", "manager"),
        ok=201,
        body={"framework_id": "{framework_id}", "period": "2025", "subject_codes": ["66-SKHCN"]},
    ),
    # ... and never over another unit: 403 (test_indices checks that nothing is run).
    Row(
        "POST",
        "/v1/index-runs",
        allow=("admin",),
        ok=201,
        body={"framework_id": "{framework_id}", "period": "2025", "subject_codes": ["66-SKHCN", "66-SYT"]},
    ),
    Row("GET", "/v1/index-runs", allow=READERS),
    Row("GET", "/v1/index-runs/{run_id_index}", allow=READERS),
    Row("GET", "/v1/index-runs/{run_id_index}.xlsx", allow=READERS),
    Row(
        "POST",
        "/v1/index-runs/{run_id_index}/uncertainty",
        allow=("admin",),
        body={"samples": 64, "seed": 1},
    ),
]


@pytest.fixture
async def world(client, people, token_factory, published_round, campaign, literacy) -> dict:
    admin = people["admin"]
    round_ = await published_round(criteria=[{"code": "1", "title": "Hoàn thành nhiệm vụ", "max_points": 10}])
    individual = await published_round(
        criteria=[{"code": "1", "title": "Cá nhân", "max_points": 10}], subject_type="individual"
    )
    cards = {
        c["subject_id"]: c
        for c in (await client.post(f"/v1/rounds/{round_['id']}/scorecards/generate", headers=admin)).json()[
            "items"
        ]
    }
    reviewed = cards["66-SYT"]["id"]
    for action in ("submit", "review"):
        assert (await client.post(f"/v1/scorecards/{reviewed}/{action}", headers=admin)).status_code == 200
    draft = await client.post("/v1/criteria-sets", headers=admin, json={**SET, "name": "Bộ nháp"})
    framework = await client.post("/v1/index-frameworks", headers=admin, json={**FRAMEWORK, "name": "Chỉ số"})
    framework_id = framework.json()["id"]
    assert (
        await client.post(f"/v1/index-frameworks/{framework_id}/publish", headers=admin)
    ).status_code == 200
    values = [
        {"subject_code": c, "indicator_code": "I1", "value": v} for c, v in (("66-SKHCN", 2), ("66-SYT", 5))
    ]
    written = await client.post(
        f"/v1/index-frameworks/{framework_id}/values", headers=admin, json={"items": values}
    )
    assert written.status_code == 200, written.text
    run = await client.post(
        "/v1/index-runs", headers=admin, json={"framework_id": framework_id, "period": "2025"}
    )
    assert run.status_code == 201, run.text
    draft_framework = await client.post(
        "/v1/index-frameworks", headers=admin, json={**FRAMEWORK, "name": "Chỉ số nháp"}
    )
    auth = token_factory.auth
    callers = {
        "anonymous": {},
        "admin": admin,
        "manager": people["manager"],
        "evaluator": people["evaluator"],
        "council": people["council"],
        "viewer": people["viewer"],
        "learner": auth("hv", roles=["learner"], learner_id="7d1f3c2a-0000-4000-8000-000000000001"),
        "client_read": auth("bao-cao", client_id="bao-cao", scope="scoring:read"),
        "client_other": auth("khac", client_id="khac", scope="literacy:read"),
    }
    ids = {
        "set_id": round_["criteria_set_id"],
        "draft_set_id": draft.json()["id"],
        "round_id": round_["id"],
        "individual_round_id": individual["id"],
        "card_id": cards["66-SKHCN"]["id"],
        "reviewed_card_id": reviewed,
        "other_card_id": cards["66-STC"]["id"],
        "framework_id": framework_id,
        "draft_framework_id": draft_framework.json()["id"],
        "run_id_index": run.json()["id"],
    }
    return {"callers": callers, "ids": ids}


def _fill(value, values):
    if isinstance(value, str):
        return value.format(**values)
    if isinstance(value, dict):
        return {k: _fill(v, values) for k, v in value.items()}
    if isinstance(value, list):
        return [_fill(v, values) for v in value]
    return value


async def test_each_caller_gets_exactly_its_status_on_every_endpoint(client, world):
    mismatches = []
    for row in MATRIX:
        for caller in CALLERS:
            values = {**world["ids"], "caller": caller.replace("_", "-")}
            body = _fill(row.body, values) if row.body is not None else None
            response = await client.request(
                row.method, row.path.format(**values), headers=world["callers"][caller], json=body
            )
            if response.status_code != row.expected(caller):
                mismatches.append(
                    f"{row.method} {row.path} as {caller}: {response.status_code} (expected {row.expected(caller)}) {response.text[:100]}"
                )
    assert not mismatches, "\n".join(mismatches)


def test_every_route_of_the_app_has_a_row(app):
    documented = {
        (method.upper(), path) for path, operations in app.openapi()["paths"].items() for method in operations
    }
    generic = {
        "{draft_set_id}": "{set_id}",
        "{individual_round_id}": "{round_id}",
        "{card_id}": "{scorecard_id}",
        "{reviewed_card_id}": "{scorecard_id}",
        "{other_card_id}": "{scorecard_id}",
        "{draft_framework_id}": "{framework_id}",
        "{run_id_index}": "{run_id}",
    }

    def general(path: str) -> str:
        for concrete, placeholder in generic.items():
            path = path.replace(concrete, placeholder)
        return path

    missing = documented - {(row.method, general(row.path)) for row in MATRIX}
    assert not missing, f"add authorization rows for: {sorted(missing)}"


def test_the_matrix_covers_every_caller_on_every_row():
    # rows × callers, object-level rows included: the size the closing note reports
    assert len(MATRIX) * len(CALLERS) == 49 * 9
