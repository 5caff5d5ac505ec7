"""Issue 13's hostile inputs on campaign-api: each is refused with a coded problem (never a 500, never
stored), the participants sheet survives odd names, and the logs of the failing inputs repeat no name,
password or hash from the request."""

import logging
import uuid
from datetime import timedelta
from io import BytesIO

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select, update

from campaign_api import clock
from campaign_api.campaigns.models import Campaign
from campaign_api.identity.models import Account
from campaign_api.participation.models import Report
from campaign_api.recognition.models import Commendation
from campaign_api.units.models import Unit
from service_kit.testing import assert_problem

PROVINCE = {"code": "66", "name": "UBND tỉnh Đắk Lắk", "kind": "province", "province_code": "66"}
DEPARTMENT = {
    "code": "66-SKHCN",
    "name": "Sở Khoa học và Công nghệ",
    "kind": "department",
    "province_code": "66",
    "parent_code": "66",
}


async def count(app, model, *where) -> int:
    async with app.state.database.sessionmaker() as session:
        return (await session.scalar(select(func.count()).select_from(model).where(*where))) or 0


async def stored(app, model, key):
    async with app.state.database.sessionmaker() as session:
        return await session.get(model, key)


def problem_fields(problem: dict) -> list[str]:
    return [error["field"] for error in problem.get("errors") or []]


@pytest.fixture
async def units(client, admin) -> None:
    for unit in (PROVINCE, DEPARTMENT):
        assert (await client.post("/v1/units", headers=admin, json=unit)).status_code == 201


@pytest.fixture
async def campaign(client, admin, units) -> dict:
    """An active movement running from 2025 into the next years, with a target and one participant."""
    response = await client.post(
        "/v1/campaigns",
        headers=admin,
        json={
            "code": "CDS",
            "title": "Chuyển đổi số",
            "level": "province",
            "organizer_unit_code": "66",
            "starts_on": "2025-01-01",
            "ends_on": "2030-12-31",
        },
    )
    assert response.status_code == 201, response.text
    body = response.json()
    base = f"/v1/campaigns/{body['id']}"
    target = {
        "code": "T1",
        "title": "Hồ sơ số",
        "measure": "percent",
        "baseline": 10,
        "target": 90,
        "direction": "increase",
    }
    assert (await client.post(f"{base}/targets", headers=admin, json=target)).status_code == 201
    assert (
        await client.post(f"{base}/participants", headers=admin, json={"unit_codes": ["66-SKHCN"]})
    ).status_code == 200
    assert (await client.post(f"{base}/launch", headers=admin)).status_code == 200
    return body


# --- control characters ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["Sở\x00 Tài chính", "Sở\x01 Tài chính", "Sở Tài chính\x7f", "Sở\nTài chính"]
)
async def test_a_unit_name_with_a_control_character_is_refused_and_not_stored(
    client, admin, app, units, name
):
    body = {**DEPARTMENT, "code": "66-STC", "name": name}
    problem = assert_problem(await client.post("/v1/units", headers=admin, json=body), 422)
    assert problem_fields(problem) == ["name"]
    assert await stored(app, Unit, "66-STC") is None
    renamed = await client.patch("/v1/units/66-SKHCN", headers=admin, json={"name": name})
    assert problem_fields(assert_problem(renamed, 422)) == ["name"]
    assert (await stored(app, Unit, "66-SKHCN")).name == DEPARTMENT["name"]


@pytest.mark.parametrize(
    ("path", "parameter"),
    [
        ("/v1/units", "q"),
        ("/v1/units", "cluster"),
        ("/v1/units", "parent_code"),
        ("/v1/campaigns", "q"),
        ("/v1/campaigns", "organizer_unit_code"),
        ("/v1/accounts", "q"),
        ("/v1/localities/provinces", "q"),
    ],
)
async def test_a_nul_byte_in_a_query_is_a_422_not_a_500(client, admin, path, parameter):
    problem = assert_problem(await client.get(path, headers=admin, params={parameter: "ab\x00c"}), 422)
    assert problem["code"] == "request.invalid"
    assert problem_fields(problem) == [f"query.{parameter}"]


async def test_a_nul_byte_in_unit_code_queries_of_a_campaign_is_a_422(client, admin, campaign):
    for view in ("reports", "kpis"):
        response = await client.get(
            f"/v1/campaigns/{campaign['id']}/{view}", headers=admin, params={"unit_code": "66\x00"}
        )
        assert problem_fields(assert_problem(response, 422)) == ["query.unit_code"]


async def test_control_characters_in_every_kind_of_text_are_refused(client, admin, app, campaign):
    base = f"/v1/campaigns/{campaign['id']}"
    for path, body, field in (
        (f"{base}/phases", {"name": "GĐ\x00", "starts_on": "2025-01-01", "ends_on": "2025-02-01"}, "name"),
        (
            f"{base}/targets",
            {
                "code": "T2",
                "title": "Chỉ\x01tiêu",
                "measure": "count",
                "baseline": 0,
                "target": 5,
                "direction": "increase",
            },
            "title",
        ),
        (
            "/v1/campaigns",
            {
                "code": "X",
                "title": "Phong\x00trào",
                "level": "province",
                "organizer_unit_code": "66",
                "starts_on": "2025-01-01",
                "ends_on": "2025-12-31",
            },
            "title",
        ),
        (
            f"{base}/initiatives",
            {"title": "Sáng\x00kiến", "unit_code": "66-SKHCN", "authors": ["A"]},
            "title",
        ),
        (
            f"{base}/initiatives",
            {"title": "Sáng kiến", "unit_code": "66-SKHCN", "authors": ["Lê\x01Hoa"]},
            "authors.0",
        ),
    ):
        problem = assert_problem(await client.post(path, headers=admin, json=body), 422)
        assert problem_fields(problem) == [field], path
    assert await count(app, Campaign) == 1


# --- nulls, integers, dates, unknown fields ---------------------------------------------------------


async def test_explicit_null_on_fields_that_cannot_be_empty_is_refused(client, admin, app, campaign, units):
    for field in ("title", "description", "starts_on", "ends_on", "contents", "objectives"):
        response = await client.patch(f"/v1/campaigns/{campaign['id']}", headers=admin, json={field: None})
        assert problem_fields(assert_problem(response, 422)) == [field]
    kept = await stored(app, Campaign, uuid.UUID(campaign["id"]))
    assert (kept.title, kept.description) == ("Chuyển đổi số", "")
    for field in ("name", "kind", "staff_count"):
        response = await client.patch("/v1/units/66-SKHCN", headers=admin, json={field: None})
        assert problem_fields(assert_problem(response, 422)) == [field]
    assert (await stored(app, Unit, "66-SKHCN")).name == DEPARTMENT["name"]
    # A field that may be cleared still may.
    cleared = await client.patch("/v1/units/66-SKHCN", headers=admin, json={"cluster": None})
    assert cleared.status_code == 200, cleared.text


@pytest.mark.parametrize("staff_count", [2**31, 2**63, -1])
async def test_staff_counts_stay_within_their_column(client, admin, app, units, staff_count):
    body = {**DEPARTMENT, "code": "66-SNV", "staff_count": staff_count}
    assert problem_fields(assert_problem(await client.post("/v1/units", headers=admin, json=body), 422)) == [
        "staff_count"
    ]
    assert await stored(app, Unit, "66-SNV") is None
    patched = await client.patch("/v1/units/66-SKHCN", headers=admin, json={"staff_count": staff_count})
    assert_problem(patched, 422)
    assert (await stored(app, Unit, "66-SKHCN")).staff_count == 0


@pytest.mark.parametrize("starts_on", [0, 20250101, 1.5, True, "0001-01-01", "9999-12-31", "01/01/2025"])
async def test_dates_are_only_yyyy_mm_dd_strings(client, admin, app, units, starts_on):
    body = {
        "code": "CDS-X",
        "title": "Ngày lạ",
        "level": "province",
        "organizer_unit_code": "66",
        "starts_on": starts_on,
        "ends_on": "2025-12-31",
    }
    problem = assert_problem(await client.post("/v1/campaigns", headers=admin, json=body), 422)
    assert problem_fields(problem) == ["starts_on"]
    assert await count(app, Campaign) == 0


async def test_unknown_fields_are_refused(client, admin, app, units):
    body = {**DEPARTMENT, "code": "66-SNV", "secret_flag": True}
    problem = assert_problem(await client.post("/v1/units", headers=admin, json=body), 422)
    assert problem_fields(problem) == ["secret_flag"]
    assert await stored(app, Unit, "66-SNV") is None


async def test_a_report_for_a_period_that_has_not_ended_is_refused(client, admin, app, campaign):
    future = (clock.today() + timedelta(days=40)).isoformat()
    report = {"unit_code": "66-SKHCN", "period_end": future, "values": {"T1": 50}}
    problem = assert_problem(
        await client.post(f"/v1/campaigns/{campaign['id']}/reports", headers=admin, json=report), 422
    )
    assert problem_fields(problem) == ["period_end"]
    assert await count(app, Report) == 0
    today = {**report, "period_end": clock.today().isoformat()}
    assert (
        await client.post(f"/v1/campaigns/{campaign['id']}/reports", headers=admin, json=today)
    ).status_code == 201


@pytest.mark.parametrize("value", [-1e30, 1e30, "NaN", "Infinity"])
async def test_report_values_stay_within_their_column(client, admin, app, campaign, value):
    report = {"unit_code": "66-SKHCN", "period_end": "2025-06-30", "values": {"T1": value}}
    response = await client.post(f"/v1/campaigns/{campaign['id']}/reports", headers=admin, json=report)
    assert_problem(response, 422)
    assert await count(app, Report) == 0


async def test_a_plan_issued_in_the_future_is_refused(client, admin, app, campaign):
    future = (clock.today() + timedelta(days=3)).isoformat()
    response = await client.put(
        f"/v1/campaigns/{campaign['id']}/participants/66-SKHCN/plan",
        headers=admin,
        json={"document_no": "1/KH", "issued_on": future},
    )
    assert problem_fields(assert_problem(response, 422)) == ["issued_on"]
    participants = (await client.get(f"/v1/campaigns/{campaign['id']}/participants", headers=admin)).json()
    assert participants["items"][0]["plan_status"] == "missing"


async def test_a_commendation_decided_years_ahead_is_refused(client, admin, app, campaign):
    body = {
        "recipient_type": "unit",
        "unit_code": "66-SKHCN",
        "form": "Bằng khen",
        "decision_no": "12/QĐ-UBND",
        "decided_on": (clock.today() + timedelta(days=3 * 365)).isoformat(),
    }
    response = await client.post(f"/v1/campaigns/{campaign['id']}/commendations", headers=admin, json=body)
    problem = assert_problem(response, 422)
    # A unit's commendation (the schema's discriminated union names its branch in the field).
    assert problem_fields(problem) == ["unit.decided_on"]
    assert await count(app, Commendation) == 0


# --- the participants sheet -------------------------------------------------------------------------


async def test_the_participants_sheet_writes_formulas_as_text_and_drops_control_characters(
    client, admin, app, campaign
):
    # A name starting with "=" is a name like any other; a control character can only be there from
    # before the input was strict (it made the sheet fail on every call).
    assert (
        await client.patch(
            "/v1/units/66-SKHCN", headers=admin, json={"name": '=HYPERLINK("http://x.test","Sở")'}
        )
    ).status_code == 200
    async with app.state.database.sessionmaker() as session, session.begin():
        await session.execute(update(Unit).where(Unit.code == "66-SKHCN").values(cluster="Khối\x01 Sở"))
    response = await client.get(f"/v1/campaigns/{campaign['id']}/participants.xlsx", headers=admin)
    assert response.status_code == 200, response.text
    sheet = load_workbook(BytesIO(response.content)).active
    (row,) = list(sheet.iter_rows(min_row=3))
    name, cluster = row[1], row[2]
    assert name.data_type == "s"
    assert name.value == '\'=HYPERLINK("http://x.test","Sở")'
    assert cluster.value == "Khối Sở"


# --- logs ---------------------------------------------------------------------------------------------


async def test_the_logs_of_failing_inputs_hold_no_name_password_or_hash(
    client, admin, app, units, create_account, login, literacy, caplog
):
    caplog.set_level(logging.DEBUG)
    full_name = "Nguyễn Văn Bí Mật"
    account = await create_account("nguoi.bi.mat", ["viewer"], full_name=full_name)
    password = "mat-khau-khong-duoc-lo-2025"
    async with app.state.database.sessionmaker() as session:
        password_hash = (await session.get(Account, uuid.UUID(account["id"]))).password_hash
    caplog.clear()
    await login("nguoi.bi.mat", password)
    await login("khong.co.ai", password)
    await client.post(
        "/v1/accounts",
        headers=admin,
        json={"username": "nguoi.bi.mat", "password": password, "full_name": full_name, "roles": ["viewer"]},
    )
    await client.post(
        "/v1/accounts",
        headers=admin,
        json={"username": "x.y", "password": password, "full_name": f"{full_name}\x00"},
    )
    await client.post("/v1/units", headers=admin, json={**DEPARTMENT, "name": f"{full_name}\x00"})
    await client.post("/v1/units", headers=admin, json={**DEPARTMENT, "name": full_name})  # duplicate code
    await client.post(
        "/v1/auth/signup",
        json={"national_id": "066190000999", "date_of_birth": "1990-05-17", "password": password},
    )
    await client.post(
        "/v1/auth/token",
        data={"grant_type": "client_credentials", "client_id": "scoring-api", "client_secret": password},
    )
    logged = "\n".join(
        [record.getMessage() for record in caplog.records]
        + [str(record.args) for record in caplog.records]
        + [str(vars(record)) for record in caplog.records]
    )
    for secret in (full_name, password, password_hash, "066190000999", "1990-05-17"):
        assert secret not in logged, secret


# --- what the schema cannot say: references and the stored state -------------------------------------


async def test_a_blank_name_is_refused_by_the_schema_not_after_trimming(client, admin, app, units):
    for name in ("   ", "\u00a0", ""):
        body = {**DEPARTMENT, "code": "66-TRONG", "name": name}
        assert problem_fields(
            assert_problem(await client.post("/v1/units", headers=admin, json=body), 422)
        ) == ["name"]
    trimmed = await client.post(
        "/v1/units", headers=admin, json={**DEPARTMENT, "code": "66-TRONG", "name": "  Sở Mới  "}
    )
    assert trimmed.json()["name"] == "Sở Mới"


async def test_references_to_nothing_and_crossed_dates_change_nothing(client, admin, app, units):
    movement = {
        "code": "CDS-X",
        "title": "Phong trào",
        "level": "province",
        "organizer_unit_code": "66-KHONG",
        "starts_on": "2025-01-01",
        "ends_on": "2025-12-31",
    }
    unknown = assert_problem(await client.post("/v1/campaigns", headers=admin, json=movement), 409)
    assert unknown["code"] == "campaign.unknown_organizer"
    assert problem_fields(unknown) == ["organizer_unit_code"]
    reversed_dates = {
        **movement,
        "organizer_unit_code": "66",
        "starts_on": "2025-12-31",
        "ends_on": "2025-01-01",
    }
    reversed_problem = assert_problem(
        await client.post("/v1/campaigns", headers=admin, json=reversed_dates), 422
    )
    assert reversed_problem["code"] == "campaign.dates_reversed"
    assert await count(app, Campaign) == 0
    created = (
        await client.post("/v1/campaigns", headers=admin, json={**movement, "organizer_unit_code": "66"})
    ).json()
    crossed = await client.patch(
        f"/v1/campaigns/{created['id']}", headers=admin, json={"ends_on": "2024-12-31"}
    )
    assert assert_problem(crossed, 409)["code"] == "campaign.dates_reversed"
    assert (await stored(app, Campaign, uuid.UUID(created["id"]))).ends_on.isoformat() == "2025-12-31"
