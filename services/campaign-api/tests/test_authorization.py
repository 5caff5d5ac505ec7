"""The authorization matrix: every endpoint, every kind of caller, exactly the status it should get.

Rows are data: each later endpoint adds its row here. `allow` lists who gets `ok`; everyone else
authenticated gets 403 and anonymous callers 401, unless the row is `public`; `refused` callers get
the status it names (404 (another unit's report or initiative, to a manager). Two managers take part: `manager` acts for
66-SKHCN, `manager_b` for 66-SYT, and each is tried on the other's plan, reports and initiatives.
"""

import pytest

from service_kit.testing import AuthorizationRow, authorization_mismatches, routes_without_rows

CALLERS = (
    "anonymous",
    "admin",
    "manager",
    "manager_b",
    "evaluator",
    "council",
    "viewer",
    "learner",
    "client_campaign_read",
    "client_other_scope",
    "client_erasure",
)
PEOPLE = ("admin", "manager", "evaluator", "council", "viewer", "learner")
EVERYONE_SIGNED_IN = tuple(c for c in CALLERS if c != "anonymous")


Row = AuthorizationRow
"""`refused={"manager": 404}`: another unit's report or initiative is 404 to a manager, so that its
existence does not leak."""

READERS = ("admin", "manager", "manager_b", "evaluator", "council", "viewer", "client_campaign_read")
UNIT_ACTORS = ("admin", "manager")  # `manager` acts for 66-SKHCN, `manager_b` for 66-SYT: both take part
UNIT_B_ACTORS = ("admin", "manager_b")


MATRIX = [
    Row("GET", "/healthz", public=True),
    Row("GET", "/readyz", public=True),
    Row("GET", "/.well-known/jwks.json", public=True),
    Row("GET", "/v1/auth/me", allow=EVERYONE_SIGNED_IN),
    # One's own password, with the current one: a wrong one is refused to everybody (clients have none).
    Row(
        "POST",
        "/v1/auth/password",
        body={"current_password": "khong-phai-mat-khau", "new_password": "mat-khau-moi-2026"},
    ),
    Row("GET", "/v1/accounts", allow=("admin",)),
    Row("GET", "/v1/accounts/{viewer_id}", allow=("admin",)),
    Row("PATCH", "/v1/accounts/{viewer_id}", allow=("admin",), body={"full_name": "Nguyễn Thị Xem"}),
    Row(
        "POST",
        "/v1/accounts",
        allow=("admin",),
        ok=201,
        body={
            "username": "{caller}.moi",
            "password": "mat-khau-dai-2025",
            "full_name": "Mới",
            "roles": ["viewer"],
        },
    ),
    Row("GET", "/v1/clients", allow=("admin",)),
    # Token revocations: the services' verifiers (campaign:read clients) and administrators.
    Row("GET", "/v1/auth/revocations", allow=("admin", "client_campaign_read")),
    # An erased learner's account: digital-literacy-api's client and administrators (204 also when the
    # learner has no account); the learner's own account is deactivated last, by the last allowed caller.
    Row(
        "POST",
        "/v1/learner-accounts/{unknown_learner_id}/deactivate",
        allow=("admin", "client_erasure"),
        ok=204,
    ),
    Row(
        "POST",
        "/v1/clients",
        allow=("admin",),
        ok=201,
        body={"name": "Hệ thống {caller}", "scopes": ["campaign:read"]},
    ),
    # Localities: reference data for every signed-in caller.
    Row("GET", "/v1/localities/provinces", allow=EVERYONE_SIGNED_IN),
    Row("GET", "/v1/localities/provinces/66/communes", allow=EVERYONE_SIGNED_IN),
    Row("GET", "/v1/localities/communes/24133", allow=EVERYONE_SIGNED_IN),
    # Units: officials and campaign:read clients read; admins change.
    Row("GET", "/v1/units", allow=READERS),
    Row("GET", "/v1/units/66-SKHCN", allow=READERS),
    Row("GET", "/v1/units/66/subtree", allow=READERS),
    Row(
        "POST",
        "/v1/units",
        allow=("admin",),
        ok=201,
        body={
            "code": "66-{caller}",
            "name": "Đơn vị {caller}",
            "kind": "agency",
            "province_code": "66",
            "parent_code": "66",
        },
    ),
    Row("PATCH", "/v1/units/66-SYT", allow=("admin",), body={"staff_count": 120}),
    # Movements: readers read; admins and the organiser's managers run them.
    Row("GET", "/v1/campaigns", allow=READERS),
    Row("GET", "/v1/campaigns/{campaign_id}", allow=READERS),
    Row(
        "POST",
        "/v1/campaigns",
        allow=("admin",),
        ok=201,
        body={
            "code": "CDS-{caller}",
            "title": "Phong trào {caller}",
            "level": "province",
            "organizer_unit_code": "66",
            "starts_on": "2025-01-01",
            "ends_on": "2025-12-31",
        },
    ),
    Row("PATCH", "/v1/campaigns/{campaign_id}", allow=("admin",), body={"description": "Cập nhật"}),
    Row("POST", "/v1/campaigns/{draft_id}/launch", allow=("admin",), then=409),
    Row("POST", "/v1/campaigns/{draft_id}/close", allow=("admin",), then=409),
    Row("GET", "/v1/campaigns/{campaign_id}/phases", allow=READERS),
    Row(
        "POST",
        "/v1/campaigns/{campaign_id}/phases",
        allow=("admin",),
        ok=201,
        then=409,
        body={"name": "Giai đoạn 2", "starts_on": "2025-11-01", "ends_on": "2025-12-31"},
    ),
    # Correcting a phase's name is free; deleting a phase that reports fall in is refused (409).
    Row(
        "PATCH",
        "/v1/campaigns/{campaign_id}/phases/{phase_id}",
        allow=("admin",),
        body={"name": "Giai đoạn 1 (sửa)"},
    ),
    Row("DELETE", "/v1/campaigns/{campaign_id}/phases/{phase_id}", allow=("admin",), ok=409),
    Row("GET", "/v1/campaigns/{campaign_id}/targets", allow=READERS),
    Row(
        "PATCH",
        "/v1/campaigns/{campaign_id}/targets/{target_id}",
        allow=("admin",),
        body={"title": "Hồ sơ được số hóa"},
    ),
    # A target no report measures is deleted (then gone: 404); a measured one is kept (409).
    Row("DELETE", "/v1/campaigns/{campaign_id}/targets/{free_target_id}", allow=("admin",), ok=204, then=404),
    Row("DELETE", "/v1/campaigns/{campaign_id}/targets/{target_id}", allow=("admin",), ok=409),
    Row(
        "POST",
        "/v1/campaigns/{campaign_id}/targets",
        allow=("admin",),
        ok=201,
        body={
            "code": "T-{caller}",
            "title": "Chỉ tiêu",
            "measure": "count",
            "baseline": 0,
            "target": 10,
            "direction": "increase",
        },
    ),
    Row("GET", "/v1/campaigns/{campaign_id}/participants", allow=READERS),
    Row("GET", "/v1/campaigns/{campaign_id}/participants.xlsx", allow=READERS),
    Row(
        "POST", "/v1/campaigns/{campaign_id}/participants", allow=("admin",), body={"unit_codes": ["66-SYT"]}
    ),
    Row(
        "PUT",
        "/v1/campaigns/{campaign_id}/participants/66-SKHCN/plan",
        allow=UNIT_ACTORS,
        body={"document_no": "15/KH-SKHCN", "issued_on": "2025-03-01"},
    ),
    Row("GET", "/v1/campaigns/{campaign_id}/reports", allow=READERS),
    Row(
        "POST",
        "/v1/campaigns/{campaign_id}/reports",
        allow=UNIT_ACTORS,
        ok=201,
        body={"unit_code": "66-SKHCN", "period_end": "2025-06-30", "values": {"T1": 40}},
    ),
    Row("GET", "/v1/reports/{report_id}", allow=READERS, refused={"manager_b": 404}),
    Row(
        "PUT",
        "/v1/reports/{returned_id}",
        allow=UNIT_ACTORS,
        then=409,
        refused={"manager_b": 404},
        body={"period_end": "2025-06-30", "values": {"T1": 45}},
    ),
    Row("POST", "/v1/reports/{report_id}/accept", allow=("admin",), then=409, refused={"manager_b": 404}),
    Row(
        "POST",
        "/v1/reports/{second_report_id}/return",
        allow=("admin",),
        then=409,
        refused={"manager_b": 404},
        body={"review_note": "Bổ sung minh chứng"},
    ),
    Row("GET", "/v1/campaigns/{campaign_id}/kpis", allow=READERS),
    Row("GET", "/v1/campaigns/{campaign_id}/summary", allow=READERS),
    Row("GET", "/v1/campaigns/{campaign_id}/initiatives", allow=READERS),
    Row(
        "POST",
        "/v1/campaigns/{campaign_id}/initiatives",
        allow=UNIT_ACTORS,
        ok=201,
        body={"title": "Số hóa hồ sơ", "unit_code": "66-SKHCN", "authors": ["Trần Văn Bình"]},
    ),
    Row(
        "POST",
        "/v1/initiatives/{initiative_id}/assess",
        allow=("admin",),
        then=409,
        refused={"manager_b": 404},
        body={"status": "accepted", "assessment": "Có giá trị áp dụng"},
    ),
    Row("GET", "/v1/campaigns/{campaign_id}/commendations", allow=READERS),
    Row(
        "POST",
        "/v1/campaigns/{campaign_id}/commendations",
        allow=("admin",),
        ok=201,
        body={
            "recipient_type": "unit",
            "unit_code": "66-SKHCN",
            "form": "Bằng khen của Chủ tịch UBND tỉnh",
            "decision_no": "123/QĐ-UBND",
            "decided_on": "2025-12-20",
        },
    ),
    # Object level: unit B's (66-SYT's) plan, reports and initiative against the manager of unit A
    # (66-SKHCN); the rows above hold unit A's objects against the manager of unit B.
    Row(
        "PUT",
        "/v1/campaigns/{campaign_id}/participants/66-SYT/plan",
        allow=UNIT_B_ACTORS,
        body={"document_no": "4/KH-SYT", "issued_on": "2025-03-02"},
    ),
    Row(
        "POST",
        "/v1/campaigns/{campaign_id}/reports",
        allow=UNIT_B_ACTORS,
        ok=201,
        body={"unit_code": "66-SYT", "period_end": "2025-06-30", "values": {"T1": 55}},
    ),
    Row(
        "GET",
        "/v1/reports/{b_report_id}",
        allow=("admin", "manager_b", "evaluator", "council", "viewer", "client_campaign_read"),
        refused={"manager": 404},
    ),
    Row(
        "PUT",
        "/v1/reports/{b_returned_id}",
        allow=UNIT_B_ACTORS,
        then=409,
        refused={"manager": 404},
        body={"period_end": "2025-06-30", "values": {"T1": 60}},
    ),
    Row("POST", "/v1/reports/{b_report_id}/accept", allow=("admin",), then=409, refused={"manager": 404}),
    Row(
        "POST",
        "/v1/reports/{b_second_report_id}/return",
        allow=("admin",),
        then=409,
        refused={"manager": 404},
        body={"review_note": "Bổ sung"},
    ),
    Row(
        "POST",
        "/v1/campaigns/{campaign_id}/initiatives",
        allow=UNIT_B_ACTORS,
        ok=201,
        body={"title": "Bệnh án điện tử", "unit_code": "66-SYT", "authors": ["Y Bác Sĩ"]},
    ),
    Row(
        "POST",
        "/v1/initiatives/{b_initiative_id}/assess",
        allow=("admin",),
        then=409,
        refused={"manager": 404},
        body={"status": "rejected", "assessment": "Chưa đủ căn cứ"},
    ),
]


@pytest.fixture
async def callers(client, create_account, bearer, admin, literacy) -> dict[str, dict[str, str]]:
    headers: dict[str, dict[str, str]] = {"anonymous": {}, "admin": admin}
    ids: dict[str, str] = await build_world(client, admin)  # first: managers' units must exist
    for role in ("manager", "evaluator", "council", "viewer"):
        account = await create_account(f"tk.{role}", [role], ["66-SKHCN"] if role == "manager" else [])
        ids[f"{role}_id"] = account["id"]
        headers[role] = await bearer(f"tk.{role}")
    await create_account("tk.manager-b", ["manager"], ["66-SYT"])
    headers["manager_b"] = await bearer("tk.manager-b")
    signed_up = await client.post(
        "/v1/auth/signup",
        json={"national_id": "066190000123", "date_of_birth": "1990-05-17", "password": "hoc-vien-2025"},
    )
    assert signed_up.status_code == 201
    headers["learner"] = await bearer("066190000123", "hoc-vien-2025")
    for name, scopes in (
        ("client_campaign_read", ["campaign:read"]),
        ("client_other_scope", ["literacy:read"]),
        ("client_erasure", ["identity:deactivate-learner"]),
    ):
        created = (
            await client.post("/v1/clients", headers=admin, json={"name": name, "scopes": scopes})
        ).json()
        token = await client.post(
            "/v1/auth/token",
            data={
                "grant_type": "client_credentials",
                "client_id": created["client_id"],
                "client_secret": created["client_secret"],
            },
        )
        headers[name] = {"Authorization": f"Bearer {token.json()['access_token']}"}
    ids["unknown_learner_id"] = "7d1f3c2a-0000-4000-8000-0000000000ff"
    headers["_ids"] = ids
    return headers


async def build_world(client, admin) -> dict[str, str]:
    """A province with two departments, an active campaign with a phase, a target, a participant, reports in
    each state and an initiative; and a draft campaign to launch and close."""

    async def post(path: str, body: dict) -> dict:
        response = await client.post(path, headers=admin, json=body)
        assert response.status_code in (200, 201), response.text
        return response.json()

    await post(
        "/v1/units", {"code": "66", "name": "UBND tỉnh Đắk Lắk", "kind": "province", "province_code": "66"}
    )
    for code, name in (("66-SKHCN", "Sở Khoa học và Công nghệ"), ("66-SYT", "Sở Y tế")):
        await post(
            "/v1/units",
            {
                "code": code,
                "name": name,
                "kind": "department",
                "province_code": "66",
                "parent_code": "66",
                "cluster": "Khối Sở",
            },
        )
    dates = {
        "starts_on": "2025-01-01",
        "ends_on": "2025-12-31",
        "level": "province",
        "organizer_unit_code": "66",
    }
    campaign = await post("/v1/campaigns", {"code": "CDS-2025", "title": "Chuyển đổi số 2025", **dates})
    draft = await post("/v1/campaigns", {"code": "CDS-NHAP", "title": "Phong trào nháp", **dates})
    base = f"/v1/campaigns/{campaign['id']}"
    phase = await post(
        f"{base}/phases", {"name": "Giai đoạn 1", "starts_on": "2025-01-01", "ends_on": "2025-10-31"}
    )
    free_target = await post(
        f"{base}/targets",
        {
            "code": "T9",
            "title": "Chưa đo",
            "measure": "count",
            "baseline": 0,
            "target": 5,
            "direction": "increase",
        },
    )
    target = await post(
        f"{base}/targets",
        {
            "code": "T1",
            "title": "Hồ sơ số hóa",
            "measure": "percent",
            "baseline": 20,
            "target": 100,
            "direction": "increase",
        },
    )
    await post(f"{base}/participants", {"unit_codes": ["66-SKHCN", "66-SYT"]})
    await post(f"{base}/launch", {})
    ids = {
        "campaign_id": campaign["id"],
        "draft_id": draft["id"],
        "phase_id": phase["id"],
        "target_id": target["id"],
        "free_target_id": free_target["id"],
    }
    for unit, prefix in (("66-SKHCN", ""), ("66-SYT", "b_")):
        report = {"unit_code": unit, "period_end": "2025-03-31", "values": {"T1": 30}}
        first = await post(f"{base}/reports", report)
        second = await post(f"{base}/reports", report)
        returned = await post(f"{base}/reports", report)
        await post(f"/v1/reports/{returned['id']}/return", {"review_note": "Thiếu minh chứng"})
        initiative = await post(
            f"{base}/initiatives",
            {"title": "Một cửa điện tử", "unit_code": unit, "authors": ["Lê Thị Hoa"]},
        )
        ids |= {
            f"{prefix}report_id": first["id"],
            f"{prefix}second_report_id": second["id"],
            f"{prefix}returned_id": returned["id"],
            f"{prefix}initiative_id": initiative["id"],
        }
    return ids


async def test_each_caller_gets_exactly_its_status_on_every_endpoint(client, callers):
    # One pass over the whole matrix: building the callers (real accounts, real sign-ins) is the slow part.
    ids = callers.pop("_ids")
    mismatches = await authorization_mismatches(client, MATRIX, {c: callers[c] for c in CALLERS}, ids)
    assert not mismatches, "\n".join(mismatches)


def test_every_route_of_the_app_has_a_row(app):
    generic = {
        "{viewer_id}": "{account_id}",
        "{unknown_learner_id}": "{learner_id}",
        "{b_report_id}": "{report_id}",
        "{b_second_report_id}": "{report_id}",
        "{b_returned_id}": "{report_id}",
        "{b_initiative_id}": "{initiative_id}",
        "{draft_id}": "{campaign_id}",
        "{free_target_id}": "{target_id}",
        "{second_report_id}": "{report_id}",
        "{returned_id}": "{report_id}",
        "/66-SKHCN/": "/{unit_code}/",
        "/66-SKHCN": "/{code}",
        "/66-SYT/": "/{unit_code}/",
        "/66-SYT": "/{code}",
        "/66/": "/{code}/",
        "/24133": "/{code}",
    }
    # Token and sign-up are open by design and covered by their own tests.
    open_by_design = {("POST", "/v1/auth/token"), ("POST", "/v1/auth/signup")}
    missing = routes_without_rows(app, MATRIX, generic=generic, open_by_design=open_by_design)
    assert not missing, f"add authorization rows for: {sorted(missing)}"
