"""Object-level access: a manager of one unit neither reads nor changes another unit's plans, reports,
initiatives, KPIs or figures (unless it runs the movement); every refusal leaves the database as it was;
and each resource's `allowed_actions` says exactly what its caller may do."""

from io import BytesIO

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from campaign_api.database import audit_event
from campaign_api.identity.models import Account
from campaign_api.participation.models import Participant, Report
from campaign_api.recognition.models import Initiative
from service_kit.testing import assert_problem


async def count(app, table) -> int:
    async with app.state.database.sessionmaker() as session:
        return (await session.scalar(select(func.count()).select_from(table))) or 0


async def stored(app, model, key):
    async with app.state.database.sessionmaker() as session:
        return await session.get(model, key)


@pytest.fixture
async def world(client, admin, create_account, bearer) -> dict:
    """Province 66 organises a movement; two of its departments take part (SKHCN and SYT), a third
    (STC) does not. Reports: SKHCN submitted and returned, SYT submitted; an initiative of SKHCN."""

    async def post(path: str, body: dict) -> dict:
        response = await client.post(path, headers=admin, json=body)
        assert response.status_code in (200, 201), response.text
        return response.json()

    await post("/v1/units", {"code": "66", "name": "UBND tỉnh", "kind": "province", "province_code": "66"})
    for code in ("66-SKHCN", "66-SYT", "66-STC"):
        await post(
            "/v1/units",
            {
                "code": code,
                "name": f"Sở {code}",
                "kind": "department",
                "province_code": "66",
                "parent_code": "66",
            },
        )
    campaign = await post(
        "/v1/campaigns",
        {
            "code": "CDS-2025",
            "title": "Chuyển đổi số",
            "level": "province",
            "organizer_unit_code": "66",
            "starts_on": "2025-01-01",
            "ends_on": "2025-12-31",
        },
    )
    base = f"/v1/campaigns/{campaign['id']}"
    target = {"code": "T1", "title": "Số hóa", "measure": "percent", "baseline": 0, "target": 100}
    await post(f"{base}/targets", {**target, "direction": "increase"})
    await post(f"{base}/participants", {"unit_codes": ["66-SKHCN", "66-SYT"]})
    await client.put(
        f"{base}/participants/66-SKHCN/plan",
        headers=admin,
        json={"document_no": "1/KH-SKHCN", "issued_on": "2025-02-01"},
    )
    await post(f"{base}/launch", {})

    def report(unit: str, value: int) -> dict:
        return {"unit_code": unit, "period_end": "2025-03-31", "values": {"T1": value}}

    skhcn = await post(f"{base}/reports", report("66-SKHCN", 40))
    returned = await post(f"{base}/reports", report("66-SKHCN", 10))
    await post(f"/v1/reports/{returned['id']}/return", {"review_note": "Thiếu minh chứng"})
    syt = await post(f"{base}/reports", report("66-SYT", 80))
    accepted = await post(f"{base}/reports", report("66-SKHCN", 60))
    await post(f"/v1/reports/{accepted['id']}/accept", {})
    initiative = await post(
        f"{base}/initiatives", {"title": "Một cửa số", "unit_code": "66-SKHCN", "authors": ["Lê Thị Hoa"]}
    )
    for username, roles, units in (
        ("ql.skhcn", ["manager"], ["66-SKHCN"]),
        ("ql.syt", ["manager"], ["66-SYT"]),
        ("ql.stc", ["manager"], ["66-STC"]),
        ("ql.tinh", ["manager"], ["66"]),
        ("xem", ["viewer"], []),
    ):
        await create_account(username, roles, units)
    return {
        "base": base,
        "campaign": campaign,
        "skhcn_report": skhcn,
        "returned_report": returned,
        "syt_report": syt,
        "initiative": initiative,
        "as": {name: await bearer(name) for name in ("ql.skhcn", "ql.syt", "ql.stc", "ql.tinh", "xem")}
        | {"admin": admin},
    }


# --- the holes: reads ------------------------------------------------------------------------------


async def test_manager_cannot_read_another_units_report(client, world):
    other = world["as"]["ql.syt"]
    problem = assert_problem(
        await client.get(f"/v1/reports/{world['skhcn_report']['id']}", headers=other), 404
    )
    assert problem["code"] == "report.not_found"
    own = await client.get(f"/v1/reports/{world['syt_report']['id']}", headers=other)
    assert own.status_code == 200
    # The organiser's manager reads every participant's report.
    organiser = world["as"]["ql.tinh"]
    assert (
        await client.get(f"/v1/reports/{world['skhcn_report']['id']}", headers=organiser)
    ).status_code == 200


async def test_a_campaigns_reports_list_shows_a_manager_its_own_units_only(client, world):
    url = f"{world['base']}/reports"
    listed = (await client.get(url, headers=world["as"]["ql.syt"])).json()
    assert [r["unit_code"] for r in listed["items"]] == ["66-SYT"]
    assert listed["total"] == 1
    asked = (await client.get(url, headers=world["as"]["ql.syt"], params={"unit_code": "66-SKHCN"})).json()
    assert asked == {"items": [], "total": 0}
    everyone = (await client.get(url, headers=world["as"]["xem"])).json()
    assert everyone["total"] == 4


async def test_participants_list_and_sheet_show_a_manager_its_own_units_only(client, world):
    base = world["base"]
    manager = world["as"]["ql.syt"]
    listed = (await client.get(f"{base}/participants", headers=manager)).json()
    assert [p["unit_code"] for p in listed["items"]] == ["66-SYT"]
    sheet = await client.get(f"{base}/participants.xlsx", headers=manager)
    assert sheet.status_code == 200
    rows = list(load_workbook(BytesIO(sheet.content)).active.iter_rows(min_row=3, values_only=True))
    assert [row[0] for row in rows] == ["66-SYT"]
    # A manager of a unit that does not take part sees no row; the organiser's manager sees all.
    assert (await client.get(f"{base}/participants", headers=world["as"]["ql.stc"])).json()["items"] == []
    organiser = (await client.get(f"{base}/participants", headers=world["as"]["ql.tinh"])).json()
    assert {p["unit_code"] for p in organiser["items"]} == {"66-SKHCN", "66-SYT"}


async def test_kpis_and_summary_cover_a_managers_own_units_only(client, world):
    base = world["base"]
    manager = world["as"]["ql.syt"]
    kpis = (await client.get(f"{base}/kpis", headers=manager)).json()["items"]
    assert kpis == []  # SYT's report is not accepted; SKHCN's accepted value is not SYT's to see
    asked = (await client.get(f"{base}/kpis", headers=manager, params={"unit_code": "66-SKHCN"})).json()
    assert asked["items"] == []
    summary = (await client.get(f"{base}/summary", headers=manager)).json()
    assert summary["participants"] == 1
    assert summary["plans"] == {"on_time": 0, "late": 0, "missing": 1}
    assert summary["reports"] == {"submitted": 1, "accepted": 0, "returned": 0}
    assert summary["targets"][0]["mean_progress"] is None
    whole = (await client.get(f"{base}/summary", headers=world["as"]["xem"])).json()
    assert whole["participants"] == 2
    assert whole["reports"] == {"submitted": 2, "accepted": 1, "returned": 1}
    assert whole["targets"][0]["mean_progress"] == "0.6000"


async def test_initiatives_list_shows_a_manager_its_own_units_only(client, world):
    url = f"{world['base']}/initiatives"
    assert (await client.get(url, headers=world["as"]["ql.syt"])).json() == {"items": [], "total": 0}
    own = (await client.get(url, headers=world["as"]["ql.skhcn"])).json()
    assert [i["unit_code"] for i in own["items"]] == ["66-SKHCN"]


# --- the holes: writes change nothing ------------------------------------------------------------------


async def test_manager_cannot_review_or_resubmit_another_units_report(client, world, app):
    other = world["as"]["ql.syt"]
    events = await count(app, audit_event)
    submitted, returned = world["skhcn_report"]["id"], world["returned_report"]["id"]
    assert_problem(await client.post(f"/v1/reports/{submitted}/accept", headers=other), 404)
    assert_problem(
        await client.post(f"/v1/reports/{submitted}/return", headers=other, json={"review_note": "Không"}),
        404,
    )
    assert_problem(
        await client.put(
            f"/v1/reports/{returned}", headers=other, json={"period_end": "2025-03-31", "values": {"T1": 99}}
        ),
        404,
    )
    assert (await stored(app, Report, submitted)).status == "submitted"
    resubmitted = await stored(app, Report, returned)
    assert (resubmitted.status, resubmitted.values) == ("returned", {"T1": "10"})
    assert await count(app, audit_event) == events


async def test_manager_cannot_file_for_another_unit(client, world, app):
    base, other = world["base"], world["as"]["ql.syt"]
    events, reports, initiatives = (
        await count(app, audit_event),
        await count(app, Report),
        await count(app, Initiative),
    )
    plan = {"document_no": "9/KH", "issued_on": "2025-03-01"}
    assert_problem(await client.put(f"{base}/participants/66-SKHCN/plan", headers=other, json=plan), 403)
    report = {"unit_code": "66-SKHCN", "period_end": "2025-06-30", "values": {"T1": 100}}
    assert_problem(await client.post(f"{base}/reports", headers=other, json=report), 403)
    initiative = {"title": "Mạo danh", "unit_code": "66-SKHCN", "authors": ["Ai đó"]}
    assert_problem(await client.post(f"{base}/initiatives", headers=other, json=initiative), 403)
    # A manager whose units do not take part may not add initiatives to the movement at all.
    stc = {**initiative, "unit_code": "66-STC"}
    assert_problem(await client.post(f"{base}/initiatives", headers=world["as"]["ql.stc"], json=stc), 403)
    participant = await stored(app, Participant, (world["campaign"]["id"], "66-SKHCN"))
    assert participant.plan_document_no == "1/KH-SKHCN"
    assert (await count(app, audit_event), await count(app, Report), await count(app, Initiative)) == (
        events,
        reports,
        initiatives,
    )


async def test_manager_cannot_assess_another_units_initiative(client, world, app):
    events = await count(app, audit_event)
    url = f"/v1/initiatives/{world['initiative']['id']}/assess"
    body = {"status": "rejected", "assessment": "Không"}
    assert_problem(await client.post(url, headers=world["as"]["ql.syt"], json=body), 404)
    assert_problem(await client.post(url, headers=world["as"]["ql.skhcn"], json=body), 403)
    assert (await stored(app, Initiative, world["initiative"]["id"])).status == "submitted"
    assert await count(app, audit_event) == events


async def test_unknown_unit_codes_on_accounts_are_409_and_change_nothing(client, admin, world, app):
    accounts, events = await count(app, Account), await count(app, audit_event)
    body = {
        "username": "ql.ma",
        "password": "mat-khau-du-dai-2025",
        "full_name": "Quản lý ma",
        "roles": ["manager"],
        "unit_codes": ["66-SKHCN", "66-KHONGCO"],
    }
    problem = assert_problem(await client.post("/v1/accounts", headers=admin, json=body), 409)
    assert problem["code"] == "account.unknown_units"
    assert problem["errors"] == [{"field": "unit_codes", "message": "Không có đơn vị mang mã: 66-KHONGCO."}]
    account = (await client.get("/v1/accounts", headers=admin, params={"q": "ql.syt"})).json()["items"][0]
    changed = await client.patch(
        f"/v1/accounts/{account['id']}", headers=admin, json={"unit_codes": ["99-KHONGCO"]}
    )
    assert assert_problem(changed, 409)["errors"][0]["field"] == "unit_codes"
    assert (await stored(app, Account, account["id"])).unit_codes == ["66-SYT"]
    assert (await count(app, Account), await count(app, audit_event)) == (accounts, events)


# --- allowed_actions ---------------------------------------------------------------------------------


CAMPAIGN_ACTIONS = {
    "admin": [
        "edit",
        "close",
        "enrol",
        "add_phase",
        "add_target",
        "add_initiative",
        "add_commendation",
        "export_participants",
        "register",
        "build_dossiers",
        "add_contest",
        "add_judging",
    ],
    "ql.skhcn": ["add_initiative", "export_participants", "register"],  # a participant
    "ql.stc": ["export_participants"],  # takes no part
    "xem": ["export_participants"],
}
CAMPAIGN_ACTIONS["ql.tinh"] = CAMPAIGN_ACTIONS["admin"]  # the organiser's manager


async def test_a_campaigns_allowed_actions_per_caller(client, world):
    # One world for every caller: building it (real accounts, real sign-ins) is the slow part.
    for caller, expected in CAMPAIGN_ACTIONS.items():
        headers = world["as"][caller]
        single = (await client.get(world["base"], headers=headers)).json()
        assert single["allowed_actions"] == expected, caller
        listed = (await client.get("/v1/campaigns", headers=headers)).json()
        assert listed["items"][0]["allowed_actions"] == expected, caller
        assert listed["allowed_actions"] == ([] if caller == "xem" else ["create"]), caller


async def test_a_draft_campaign_may_be_launched_not_closed(client, admin, world):
    draft = await client.post(
        "/v1/campaigns",
        headers=admin,
        json={
            "code": "NHAP",
            "title": "Nháp",
            "level": "province",
            "organizer_unit_code": "66",
            "starts_on": "2025-01-01",
            "ends_on": "2025-12-31",
        },
    )
    assert draft.json()["allowed_actions"] == [
        "edit",
        "launch",
        "enrol",
        "add_phase",
        "add_target",
        "add_commendation",
        "export_participants",
        "register",
        "build_dossiers",
        "add_contest",
        "add_judging",
    ]
    launched = (await client.post(f"/v1/campaigns/{draft.json()['id']}/launch", headers=admin)).json()
    assert "launch" not in launched["allowed_actions"]
    assert "close" in launched["allowed_actions"]


PARTICIPANT_ROWS = {
    "admin": {
        "66-SKHCN": ["file_plan", "file_report", "add_initiative"],
        "66-SYT": ["file_plan", "file_report", "add_initiative"],
    },
    "ql.tinh": {
        "66-SKHCN": ["file_plan", "file_report", "add_initiative"],
        "66-SYT": ["file_plan", "file_report", "add_initiative"],
    },
    "ql.skhcn": {"66-SKHCN": ["file_plan", "file_report", "add_initiative"]},
    "ql.syt": {"66-SYT": ["file_plan", "file_report", "add_initiative"]},
    "xem": {"66-SKHCN": [], "66-SYT": []},
}


async def test_participant_rows_allowed_actions_per_caller(client, world):
    for caller, expected in PARTICIPANT_ROWS.items():
        listed = (await client.get(f"{world['base']}/participants", headers=world["as"][caller])).json()
        assert {p["unit_code"]: p["allowed_actions"] for p in listed["items"]} == expected, caller


REPORT_ACTIONS = {
    # (submitted report of SKHCN, returned report of SKHCN); None: not found for this caller
    "admin": (["accept", "return"], ["resubmit"]),
    "ql.tinh": (["accept", "return"], ["resubmit"]),
    "ql.skhcn": ([], ["resubmit"]),
    "ql.syt": (None, None),
    "xem": ([], []),
}


async def test_a_reports_allowed_actions_per_caller(client, world):
    for caller, expectations in REPORT_ACTIONS.items():
        headers = world["as"][caller]
        reports = (world["skhcn_report"], world["returned_report"])
        for report, expected in zip(reports, expectations, strict=True):
            response = await client.get(f"/v1/reports/{report['id']}", headers=headers)
            if expected is None:
                assert_problem(response, 404)
                continue
            assert response.json()["allowed_actions"] == expected, caller
            listed = (await client.get(f"{world['base']}/reports", headers=headers)).json()["items"]
            assert next(r for r in listed if r["id"] == report["id"])["allowed_actions"] == expected, caller


async def test_the_answer_to_an_action_carries_what_may_follow(client, world):
    organiser = world["as"]["ql.tinh"]
    accepted = await client.post(f"/v1/reports/{world['skhcn_report']['id']}/accept", headers=organiser)
    assert (accepted.json()["status"], accepted.json()["allowed_actions"]) == ("accepted", [])
    assessed = await client.post(
        f"/v1/initiatives/{world['initiative']['id']}/assess",
        headers=organiser,
        json={"status": "accepted", "assessment": "Áp dụng"},
    )
    assert assessed.json()["allowed_actions"] == []


INITIATIVE_ACTIONS = {"admin": ["assess"], "ql.tinh": ["assess"], "ql.skhcn": [], "xem": []}


async def test_initiatives_and_units_allowed_actions_per_caller(client, world):
    for caller, expected in INITIATIVE_ACTIONS.items():
        listed = (await client.get(f"{world['base']}/initiatives", headers=world["as"][caller])).json()
        assert [i["allowed_actions"] for i in listed["items"]] == [expected], caller
    units = {"admin": (["edit"], ["create"]), "ql.skhcn": ([], []), "ql.syt": ([], []), "xem": ([], [])}
    for caller, (unit, collection) in units.items():
        headers = world["as"][caller]
        assert (await client.get("/v1/units/66-SKHCN", headers=headers)).json()["allowed_actions"] == unit
        listed = (await client.get("/v1/units", headers=headers)).json()
        assert listed["allowed_actions"] == collection, caller
        assert {tuple(u["allowed_actions"]) for u in listed["items"]} == {tuple(unit)}, caller


async def test_accounts_and_clients_allowed_actions(client, admin, world):
    accounts = (await client.get("/v1/accounts", headers=admin)).json()
    assert accounts["allowed_actions"] == ["create"]
    assert {tuple(a["allowed_actions"]) for a in accounts["items"]} == {("edit",)}
    one = accounts["items"][0]
    assert (await client.get(f"/v1/accounts/{one['id']}", headers=admin)).json()["allowed_actions"] == [
        "edit"
    ]
    assert (await client.get("/v1/clients", headers=admin)).json()["allowed_actions"] == ["create"]
    for caller in ("ql.tinh", "xem"):
        assert_problem(await client.get("/v1/accounts", headers=world["as"][caller]), 403)
        assert_problem(await client.get(f"/v1/accounts/{one['id']}", headers=world["as"][caller]), 403)
