"""A movement from launch to commendation, with the numbers computed by hand, and every refusal leaving the
database as it was."""

from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from campaign_api.campaigns.models import Campaign, Phase, Target
from campaign_api.database import audit_event
from campaign_api.participation.models import Participant, Report
from reference_data.localities import localities
from service_kit.testing import assert_problem

DAK_LAK = "66"


async def rows(app, model) -> int:
    async with app.state.database.sessionmaker() as session:
        return (await session.scalar(select(func.count()).select_from(model))) or 0


@pytest.fixture
async def directory(client, admin):
    """Đắk Lắk's people's committee, three departments in the "Khối Sở" cluster and a commune."""
    commune = localities.communes(DAK_LAK)[0]
    units = [
        {"code": "66", "name": "UBND tỉnh Đắk Lắk", "kind": "province", "province_code": DAK_LAK},
        *(
            {
                "code": code,
                "name": name,
                "kind": "department",
                "province_code": DAK_LAK,
                "parent_code": "66",
                "cluster": "Khối Sở",
            }
            for code, name in (
                ("66-SKHCN", "Sở Khoa học và Công nghệ"),
                ("66-SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch"),
                ("66-SYT", "Sở Y tế"),
            )
        ),
        {
            "code": "66-X1",
            "name": commune.name,
            "kind": "commune",
            "province_code": DAK_LAK,
            "commune_code": commune.code,
            "parent_code": "66",
            "cluster": "Cụm xã",
        },
    ]
    for unit in units:
        response = await client.post("/v1/units", headers=admin, json=unit)
        assert response.status_code == 201, response.text
    return units


@pytest.fixture
async def movement(client, admin, directory):
    """The department movement: plans due 30 Sep 2025, one target, four participants."""
    campaign = (
        await client.post(
            "/v1/campaigns",
            headers=admin,
            json={
                "code": "SVHTTDL-CDS-2025",
                "title": "Thi đua chuyển đổi số ngành Văn hóa",
                "level": "province",
                "organizer_unit_code": "66",
                "starts_on": "2025-01-01",
                "ends_on": "2025-12-31",
                "contents": [{"no": 1, "title": "Nâng cao nhận thức"}, {"no": 2, "title": "Hạ tầng số"}],
                "objectives": ["Số hóa 100% hồ sơ thủ tục hành chính"],
            },
        )
    ).json()
    base = f"/v1/campaigns/{campaign['id']}"
    phase = await client.post(
        f"{base}/phases",
        headers=admin,
        json={
            "name": "Giai đoạn 1",
            "starts_on": "2025-01-01",
            "ends_on": "2025-10-31",
            "milestones": [
                {"title": "Ban hành kế hoạch", "kind": "plan_due", "due_on": "2025-09-30"},
                {"title": "Sơ kết", "kind": "review", "due_on": "2025-10-31"},
            ],
        },
    )
    assert phase.status_code == 201, phase.text
    for target in (
        {
            "code": "SOHOA",
            "title": "Hồ sơ TTHC được số hóa",
            "measure": "percent",
            "baseline": 20,
            "target": 100,
            "direction": "increase",
        },
        {
            "code": "NGAYXL",
            "title": "Số ngày xử lý hồ sơ",
            "measure": "count",
            "baseline": 10,
            "target": 2,
            "direction": "decrease",
        },
    ):
        assert (await client.post(f"{base}/targets", headers=admin, json=target)).status_code == 201
    enrolled = await client.post(
        f"{base}/participants",
        headers=admin,
        json={"unit_codes": ["66-SKHCN", "66-SVHTTDL", "66-SYT", "66-X1"]},
    )
    assert enrolled.status_code == 200, enrolled.text
    return campaign


async def test_plan_status_on_the_deadline_a_day_after_and_missing(
    client, admin, movement, create_account, bearer
):
    base = f"/v1/campaigns/{movement['id']}"
    await create_account("ql.skhcn", ["manager"], ["66-SKHCN"])
    manager = await bearer("ql.skhcn")
    on_deadline = await client.put(
        f"{base}/participants/66-SKHCN/plan",
        headers=manager,
        json={"document_no": "12/KH-SKHCN", "issued_on": "2025-09-30"},
    )
    assert on_deadline.json()["plan_status"] == "on_time"
    day_after = await client.put(
        f"{base}/participants/66-SVHTTDL/plan",
        headers=admin,
        json={"document_no": "7/KH-SVHTTDL", "issued_on": "2025-10-01"},
    )
    assert day_after.json()["plan_status"] == "late"

    statuses = {
        p["unit_code"]: p["plan_status"]
        for p in (await client.get(f"{base}/participants", headers=admin)).json()["items"]
    }
    assert statuses == {"66-SKHCN": "on_time", "66-SVHTTDL": "late", "66-SYT": "missing", "66-X1": "missing"}
    late = (await client.get(f"{base}/participants", headers=admin, params={"plan_status": "late"})).json()
    assert [p["unit_code"] for p in late["items"]] == ["66-SVHTTDL"]

    # A manager files its own unit's plan only.
    other = await client.put(
        f"{base}/participants/66-SYT/plan",
        headers=manager,
        json={"document_no": "1/KH", "issued_on": "2025-09-01"},
    )
    assert_problem(other, 403)


async def test_kpis_come_from_the_latest_accepted_report_only(client, admin, movement):
    base = f"/v1/campaigns/{movement['id']}"
    assert (await client.post(f"{base}/launch", headers=admin)).status_code == 200

    async def report(unit: str, period_end: str, values: dict, accept: bool | None) -> dict:
        created = await client.post(
            f"{base}/reports",
            headers=admin,
            json={"unit_code": unit, "period_end": period_end, "values": values},
        )
        assert created.status_code == 201, created.text
        body = created.json()
        if accept is True:
            assert (await client.post(f"/v1/reports/{body['id']}/accept", headers=admin)).status_code == 200
        elif accept is False:
            returned = await client.post(
                f"/v1/reports/{body['id']}/return", headers=admin, json={"review_note": "Thiếu số liệu"}
            )
            assert returned.json()["status"] == "returned"
        return body

    await report("66-SKHCN", "2025-03-31", {"SOHOA": 40, "NGAYXL": 8}, accept=True)
    await report("66-SKHCN", "2025-06-30", {"SOHOA": 60, "NGAYXL": 4}, accept=True)  # the latest accepted
    await report(
        "66-SKHCN", "2025-09-30", {"SOHOA": 95, "NGAYXL": 1}, accept=None
    )  # submitted, not yet accepted
    await report("66-SVHTTDL", "2025-06-30", {"SOHOA": 10}, accept=True)
    returned = await report("66-SYT", "2025-06-30", {"SOHOA": 100}, accept=False)

    kpis = (await client.get(f"{base}/kpis", headers=admin)).json()["items"]
    progress = {(k["unit_code"], k["target_code"]): Decimal(k["progress"]) for k in kpis}
    assert progress == {
        ("66-SKHCN", "NGAYXL"): Decimal("0.75"),  # (10 - 4) / (10 - 2)
        ("66-SKHCN", "SOHOA"): Decimal("0.5"),  # (60 - 20) / (100 - 20)
        ("66-SVHTTDL", "SOHOA"): Decimal("0"),  # below the baseline
    }
    only = (await client.get(f"{base}/kpis", headers=admin, params={"unit_code": "66-SVHTTDL"})).json()[
        "items"
    ]
    assert [k["unit_code"] for k in only] == ["66-SVHTTDL"]

    # The returned report is corrected, resubmitted and accepted: it now counts.
    again = await client.put(
        f"/v1/reports/{returned['id']}",
        headers=admin,
        json={"period_end": "2025-06-30", "values": {"SOHOA": 84}},
    )
    assert again.json()["status"] == "submitted"
    await client.post(f"/v1/reports/{returned['id']}/accept", headers=admin)

    summary = (await client.get(f"{base}/summary", headers=admin)).json()
    assert summary["participants"] == 4
    assert summary["plans"] == {"on_time": 0, "late": 0, "missing": 4}
    assert summary["reports"] == {"submitted": 1, "accepted": 4, "returned": 0}
    means = {t["code"]: (t["mean_progress"], t["units_reporting"]) for t in summary["targets"]}
    # SOHOA: SKHCN 0.5, SVHTTDL 0, SYT (84 - 20) / 80 = 0.8 → mean 1.3 / 3 = 0.4333
    assert means["SOHOA"] == ("0.4333", 3)
    assert means["NGAYXL"] == ("0.7500", 1)


async def test_the_participants_sheet_opens_as_a_spreadsheet(client, admin, movement):
    base = f"/v1/campaigns/{movement['id']}"
    await client.put(
        f"{base}/participants/66-SKHCN/plan",
        headers=admin,
        json={"document_no": "12/KH", "issued_on": "2025-09-30"},
    )
    response = await client.get(f"{base}/participants.xlsx", headers=admin)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(BytesIO(response.content)).active
    assert sheet["A2"].value == "Mã đơn vị"
    table = {row[0]: row for row in sheet.iter_rows(min_row=3, values_only=True)}
    assert set(table) == {"66-SKHCN", "66-SVHTTDL", "66-SYT", "66-X1"}
    assert table["66-SKHCN"][6] == "Đúng hạn"
    assert table["66-SKHCN"][5].date() == date(2025, 9, 30)
    assert table["66-SYT"][6] == "Chưa có"


async def test_lifecycle_transitions_and_their_refusals(client, admin, movement, app):
    base = f"/v1/campaigns/{movement['id']}"
    assert_problem(await client.post(f"{base}/close", headers=admin), 409)  # a draft does not close
    assert (await client.post(f"{base}/launch", headers=admin)).json()["status"] == "active"
    assert_problem(await client.post(f"{base}/launch", headers=admin), 409)
    assert (await client.post(f"{base}/close", headers=admin)).json()["status"] == "closed"
    assert_problem(await client.post(f"{base}/launch", headers=admin), 409)
    assert_problem(await client.patch(base, headers=admin, json={"title": "Đổi tên"}), 409)
    async with app.state.database.sessionmaker() as session:
        campaign = await session.get(Campaign, movement["id"])
    assert campaign.status == "closed"
    assert campaign.title == "Thi đua chuyển đổi số ngành Văn hóa"


async def test_invalid_phases_are_refused_and_nothing_is_stored(client, admin, movement, app):
    base = f"/v1/campaigns/{movement['id']}"
    before = await rows(app, Phase)
    overlapping = {"name": "Chồng lấn", "starts_on": "2025-10-15", "ends_on": "2025-11-30"}
    assert_problem(await client.post(f"{base}/phases", headers=admin, json=overlapping), 409)
    outside = {"name": "Ngoài", "starts_on": "2025-11-01", "ends_on": "2026-01-31"}
    assert assert_problem(await client.post(f"{base}/phases", headers=admin, json=outside), 409)["code"] == (
        "phase.outside_campaign"
    )
    backwards = {"name": "Ngược", "starts_on": "2025-12-01", "ends_on": "2025-11-01"}
    assert_problem(await client.post(f"{base}/phases", headers=admin, json=backwards), 422)
    milestone_outside = {
        "name": "Cuối năm",
        "starts_on": "2025-11-01",
        "ends_on": "2025-12-31",
        "milestones": [{"title": "Tổng kết", "kind": "summary", "due_on": "2026-01-15"}],
    }
    assert_problem(await client.post(f"{base}/phases", headers=admin, json=milestone_outside), 422)
    assert await rows(app, Phase) == before
    adjoining = {"name": "Giai đoạn 2", "starts_on": "2025-11-01", "ends_on": "2025-12-31"}
    assert (await client.post(f"{base}/phases", headers=admin, json=adjoining)).status_code == 201


async def test_invalid_enrolment_reports_and_codes_change_nothing(client, admin, movement, app):
    base = f"/v1/campaigns/{movement['id']}"
    participants, reports, targets, campaigns = [
        await rows(app, m) for m in (Participant, Report, Target, Campaign)
    ]

    unknown = await client.post(
        f"{base}/participants", headers=admin, json={"unit_codes": ["66-SYT", "66-KHONGCO"]}
    )
    problem = assert_problem(unknown, 409)
    assert problem["code"] == "participant.unknown_units"
    assert problem["errors"][0]["field"] == "unit_codes"
    assert "66-KHONGCO" in problem["detail"]

    duplicate_target = {
        "code": "SOHOA",
        "title": "Lặp",
        "measure": "percent",
        "baseline": 0,
        "target": 50,
        "direction": "increase",
    }
    assert_problem(await client.post(f"{base}/targets", headers=admin, json=duplicate_target), 409)
    wrong_direction = {**duplicate_target, "code": "MOI", "direction": "decrease"}
    assert_problem(await client.post(f"{base}/targets", headers=admin, json=wrong_direction), 422)

    duplicate_campaign = {
        "code": "SVHTTDL-CDS-2025",
        "title": "Trùng mã",
        "level": "province",
        "organizer_unit_code": "66",
        "starts_on": "2025-01-01",
        "ends_on": "2025-12-31",
    }
    assert_problem(await client.post("/v1/campaigns", headers=admin, json=duplicate_campaign), 409)
    repeated_contents = {
        **duplicate_campaign,
        "code": "KHAC",
        "contents": [{"no": 1, "title": "A"}, {"no": 1, "title": "B"}],
    }
    assert_problem(await client.post("/v1/campaigns", headers=admin, json=repeated_contents), 422)
    unknown_organizer = {**duplicate_campaign, "code": "KHAC2", "organizer_unit_code": "99-KHONGCO"}
    assert_problem(await client.post("/v1/campaigns", headers=admin, json=unknown_organizer), 409)

    # Reports need an active campaign, known target codes, and a period inside the campaign.
    report = {"unit_code": "66-SKHCN", "period_end": "2025-06-30", "values": {"SOHOA": 50}}
    assert_problem(await client.post(f"{base}/reports", headers=admin, json=report), 409)
    await client.post(f"{base}/launch", headers=admin)
    assert_problem(
        await client.post(f"{base}/reports", headers=admin, json={**report, "values": {"KHONGCO": 1}}), 409
    )
    assert_problem(
        await client.post(f"{base}/reports", headers=admin, json={**report, "period_end": "2026-03-31"}), 409
    )
    assert_problem(
        await client.post(f"{base}/reports", headers=admin, json={**report, "unit_code": "66"}), 409
    )

    assert (participants, reports, targets, campaigns) == tuple(
        [await rows(app, m) for m in (Participant, Report, Target, Campaign)]
    )


async def test_report_review_transitions(client, admin, movement):
    base = f"/v1/campaigns/{movement['id']}"
    await client.post(f"{base}/launch", headers=admin)
    report = (
        await client.post(
            f"{base}/reports",
            headers=admin,
            json={"unit_code": "66-SKHCN", "period_end": "2025-03-31", "values": {}},
        )
    ).json()
    url = f"/v1/reports/{report['id']}"
    resubmit = {"period_end": "2025-03-31", "values": {"SOHOA": 30}}
    assert_problem(await client.put(url, headers=admin, json=resubmit), 409)  # not returned
    assert (
        await client.post(f"{url}/return", headers=admin, json={"review_note": "Bổ sung"})
    ).status_code == 200
    assert_problem(await client.post(f"{url}/accept", headers=admin), 409)  # returned, not submitted
    assert_problem(await client.post(f"{url}/return", headers=admin, json={"review_note": ""}), 422)
    assert (await client.put(url, headers=admin, json=resubmit)).json()["status"] == "submitted"
    accepted = (await client.post(f"{url}/accept", headers=admin)).json()
    assert accepted["status"] == "accepted"
    assert accepted["values"] == {"SOHOA": "30"}


async def test_managers_of_the_organiser_run_it_others_do_not(
    client, admin, movement, create_account, bearer
):
    base = f"/v1/campaigns/{movement['id']}"
    await create_account("ql.tinh", ["manager"], ["66"])
    await create_account("ql.syt", ["manager"], ["66-SYT"])
    province_manager, department_manager = await bearer("ql.tinh"), await bearer("ql.syt")
    assert (await client.post(f"{base}/launch", headers=province_manager)).status_code == 200
    assert_problem(await client.post(f"{base}/close", headers=department_manager), 403)
    report = await client.post(
        f"{base}/reports",
        headers=department_manager,
        json={"unit_code": "66-SYT", "period_end": "2025-06-30", "values": {"SOHOA": 50}},
    )
    assert report.status_code == 201
    assert_problem(
        await client.post(f"/v1/reports/{report.json()['id']}/accept", headers=department_manager), 403
    )
    assert (
        await client.post(f"/v1/reports/{report.json()['id']}/accept", headers=province_manager)
    ).status_code == 200


async def test_the_unit_tree_never_loops_and_communes_exist(client, admin, directory, app):
    commune_unit = {
        "code": "66-X2",
        "name": "Xã thử",
        "kind": "commune",
        "province_code": "66",
        "parent_code": "66",
    }
    assert (
        assert_problem(await client.post("/v1/units", headers=admin, json=commune_unit), 409)["errors"][0][
            "field"
        ]
        == "commune_code"
    )
    wrong_commune = {**commune_unit, "commune_code": "99999"}
    assert_problem(await client.post("/v1/units", headers=admin, json=wrong_commune), 409)
    other_province_commune = localities.communes("01")[0].code
    assert_problem(
        await client.post(
            "/v1/units", headers=admin, json={**commune_unit, "commune_code": other_province_commune}
        ),
        409,
    )
    assert_problem(
        await client.post("/v1/units", headers=admin, json={**commune_unit, "province_code": "64"}), 409
    )

    school = {
        "code": "66-X1-THCS",
        "name": "Trường THCS",
        "kind": "school",
        "province_code": "66",
        "parent_code": "66-X1",
    }
    assert (await client.post("/v1/units", headers=admin, json=school)).status_code == 201
    subtree = (await client.get("/v1/units/66/subtree", headers=admin)).json()["items"]
    assert {(u["code"], u["depth"]) for u in subtree} == {
        ("66-SKHCN", 1),
        ("66-SVHTTDL", 1),
        ("66-SYT", 1),
        ("66-X1", 1),
        ("66-X1-THCS", 2),
    }
    assert_problem(await client.patch("/v1/units/66", headers=admin, json={"parent_code": "66-X1-THCS"}), 409)
    assert_problem(await client.patch("/v1/units/66-X1", headers=admin, json={"parent_code": "66-X1"}), 409)
    assert (await client.get("/v1/units/66", headers=admin)).json()["parent_code"] is None
    children = (await client.get("/v1/units", headers=admin, params={"parent_code": "66-X1"})).json()
    assert [u["code"] for u in children["items"]] == ["66-X1-THCS"]
    found = (await client.get("/v1/units", headers=admin, params={"q": "so van hoa"})).json()
    assert [u["code"] for u in found["items"]] == ["66-SVHTTDL"]


async def _phases(client, admin, base) -> dict[str, dict]:
    return {p["name"]: p for p in (await client.get(f"{base}/phases", headers=admin)).json()["items"]}


async def _targets(client, admin, base) -> dict[str, dict]:
    return {t["code"]: t for t in (await client.get(f"{base}/targets", headers=admin)).json()["items"]}


async def _audited(app, action: str) -> int:
    async with app.state.database.sessionmaker() as session:
        return (
            await session.scalar(
                select(func.count()).select_from(audit_event).where(audit_event.c.action == action)
            )
        ) or 0


async def test_a_phase_changes_freely_until_reports_or_plans_depend_on_it(client, admin, movement, app):
    base = f"/v1/campaigns/{movement['id']}"
    phase = (await _phases(client, admin, base))["Giai đoạn 1"]
    second = await client.post(
        f"{base}/phases",
        headers=admin,
        json={"name": "Giai đoạn 2", "starts_on": "2025-11-01", "ends_on": "2025-12-31"},
    )
    second_id = second.json()["id"]

    # Nothing depends on phase 1 yet: its end moves from 31/10 to 15/10 (the review milestone moves too).
    moved = await client.patch(
        f"{base}/phases/{phase['id']}",
        headers=admin,
        json={
            "ends_on": "2025-10-15",
            "milestones": [{"title": "Ban hành kế hoạch", "kind": "plan_due", "due_on": "2025-09-30"}],
        },
    )
    assert moved.status_code == 200, moved.text
    assert moved.json()["ends_on"] == "2025-10-15"
    assert [m["kind"] for m in moved.json()["milestones"]] == ["plan_due"]
    assert await _audited(app, "phase.updated") == 1

    # Refusals that change nothing: overlapping phase 2, ending before it starts, a milestone outside it.
    overlapping = await client.patch(
        f"{base}/phases/{phase['id']}", headers=admin, json={"ends_on": "2025-11-10"}
    )
    assert assert_problem(overlapping, 409)["code"] == "phase.overlaps"
    backwards = await client.patch(
        f"{base}/phases/{phase['id']}", headers=admin, json={"starts_on": "2025-10-20"}
    )
    assert assert_problem(backwards, 409)["code"] == "phase.invalid_ends_on"
    unknown = await client.patch(
        f"{base}/phases/7d1f3c2a-0000-4000-8000-0000000000aa", headers=admin, json={"name": "X"}
    )
    assert assert_problem(unknown, 404)["code"] == "phase.not_found"
    assert (await _phases(client, admin, base))["Giai đoạn 1"]["ends_on"] == "2025-10-15"

    # A plan filed against the plan_due milestone: the dates are fixed, the name is not.
    filed = await client.put(
        f"{base}/participants/66-SKHCN/plan",
        headers=admin,
        json={"document_no": "12/KH-SKHCN", "issued_on": "2025-09-30"},
    )
    assert filed.status_code == 200, filed.text
    fixed = await client.patch(f"{base}/phases/{phase['id']}", headers=admin, json={"ends_on": "2025-10-31"})
    problem = assert_problem(fixed, 409)
    assert problem["code"] == "phase.depended_on"
    assert "đã có 0 báo cáo và 1 kế hoạch" in problem["detail"]
    renamed = await client.patch(f"{base}/phases/{phase['id']}", headers=admin, json={"name": "Đợt 1"})
    assert renamed.json()["name"] == "Đợt 1"
    assert renamed.json()["ends_on"] == "2025-10-15"
    assert assert_problem(await client.delete(f"{base}/phases/{phase['id']}", headers=admin), 409)[
        "code"
    ] == ("phase.in_use")

    # Phase 2 holds no milestone and no report: deleted, and audited.
    before = await rows(app, Phase)
    assert (await client.delete(f"{base}/phases/{second_id}", headers=admin)).status_code == 204
    assert await rows(app, Phase) == before - 1
    assert set(await _phases(client, admin, base)) == {"Đợt 1"}
    assert await _audited(app, "phase.deleted") == 1


async def test_a_report_in_the_phase_fixes_its_dates(client, admin, movement):
    base = f"/v1/campaigns/{movement['id']}"
    await client.post(f"{base}/launch", headers=admin)
    phase = (await _phases(client, admin, base))["Giai đoạn 1"]
    report = await client.post(
        f"{base}/reports",
        headers=admin,
        json={"unit_code": "66-SYT", "period_end": "2025-06-30", "values": {"SOHOA": 50}},
    )
    assert report.status_code == 201, report.text
    refused = await client.patch(
        f"{base}/phases/{phase['id']}", headers=admin, json={"starts_on": "2025-02-01"}
    )
    assert "đã có 1 báo cáo và 0 kế hoạch" in assert_problem(refused, 409)["detail"]
    assert (await _phases(client, admin, base))["Giai đoạn 1"]["starts_on"] == "2025-01-01"


async def test_a_target_keeps_how_it_is_measured_once_a_report_measures_it(client, admin, movement, app):
    base = f"/v1/campaigns/{movement['id']}"
    targets = await _targets(client, admin, base)
    sohoa, ngayxl = targets["SOHOA"], targets["NGAYXL"]

    # Unmeasured: the baseline moves from 20 to 25 and a due date is set.
    changed = await client.patch(
        f"{base}/targets/{sohoa['id']}", headers=admin, json={"baseline": 25, "due_on": "2025-12-31"}
    )
    assert changed.status_code == 200, changed.text
    assert Decimal(changed.json()["baseline"]) == Decimal(25)
    assert changed.json()["due_on"] == "2025-12-31"
    # A decreasing target above its baseline, against what is stored: refused, nothing changed.
    inconsistent = await client.patch(f"{base}/targets/{ngayxl['id']}", headers=admin, json={"target": 12})
    assert assert_problem(inconsistent, 409)["code"] == "target.inconsistent"

    await client.post(f"{base}/launch", headers=admin)
    report = await client.post(
        f"{base}/reports",
        headers=admin,
        json={"unit_code": "66-SYT", "period_end": "2025-06-30", "values": {"SOHOA": 50}},
    )
    assert report.status_code == 201, report.text
    measured = await client.patch(f"{base}/targets/{sohoa['id']}", headers=admin, json={"target": 90})
    problem = assert_problem(measured, 409)
    assert problem["code"] == "target.measured"
    assert problem["detail"].startswith("Đã có 1 báo cáo ghi số liệu cho chỉ tiêu “Hồ sơ TTHC được số hóa”")
    # The same value again is no change; the title and the due date still change.
    retitled = await client.patch(
        f"{base}/targets/{sohoa['id']}",
        headers=admin,
        json={"title": "Hồ sơ được số hóa", "target": 100, "due_on": None},
    )
    assert retitled.status_code == 200, retitled.text
    assert (retitled.json()["title"], retitled.json()["due_on"]) == ("Hồ sơ được số hóa", None)
    assert_problem(await client.delete(f"{base}/targets/{sohoa['id']}", headers=admin), 409)

    before = await rows(app, Target)
    assert (await client.delete(f"{base}/targets/{ngayxl['id']}", headers=admin)).status_code == 204
    assert await rows(app, Target) == before - 1
    stored = await _targets(client, admin, base)
    assert set(stored) == {"SOHOA"}
    assert (Decimal(stored["SOHOA"]["baseline"]), Decimal(stored["SOHOA"]["target"])) == (25, 100)
    assert await _audited(app, "target.updated") == 2
    assert await _audited(app, "target.deleted") == 1


async def test_only_the_organiser_edits_phases_and_targets_and_not_once_closed(
    client, admin, movement, create_account, bearer
):
    base = f"/v1/campaigns/{movement['id']}"
    await create_account("ql.syt", ["manager"], ["66-SYT"])
    department = await bearer("ql.syt")
    phase = (await _phases(client, admin, base))["Giai đoạn 1"]
    target = (await _targets(client, admin, base))["NGAYXL"]
    assert_problem(
        await client.patch(f"{base}/phases/{phase['id']}", headers=department, json={"name": "X"}), 403
    )
    assert_problem(await client.delete(f"{base}/targets/{target['id']}", headers=department), 403)
    assert (await _phases(client, admin, base))["Giai đoạn 1"]["name"] == "Giai đoạn 1"
    assert "NGAYXL" in await _targets(client, admin, base)

    await client.post(f"{base}/launch", headers=admin)
    await client.post(f"{base}/close", headers=admin)
    closed = await client.delete(f"{base}/targets/{target['id']}", headers=admin)
    assert assert_problem(closed, 409)["code"] == "campaign.closed"
    assert "NGAYXL" in await _targets(client, admin, base)
