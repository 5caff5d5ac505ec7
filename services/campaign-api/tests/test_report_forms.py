"""The annual report forms 0601–0605 (Thông tư 02/2023/TT-BNV): each sheet's counts, computed by hand from
data made through the API; a revoked decision and another year's are not counted."""

import io

import pytest
from openpyxl import load_workbook

from service_kit.testing import assert_problem

UNITS = (
    {"code": "66", "name": "UBND tỉnh Đắk Lắk", "kind": "province", "province_code": "66"},
    {"code": "66-SNV", "name": "Sở Nội vụ", "kind": "department", "province_code": "66", "parent_code": "66"},
    {
        "code": "66-STC",
        "name": "Sở Tài chính",
        "kind": "department",
        "province_code": "66",
        "parent_code": "66",
    },
    {
        "code": "66-SGD",
        "name": "Sở Giáo dục",
        "kind": "department",
        "province_code": "66",
        "parent_code": "66",
    },
)


async def movement(client, admin, code, level, organiser, starts_on, ends_on, *, launch=True, units=()):
    body = {
        "code": code,
        "title": f"Phong trào {code}",
        "level": level,
        "organizer_unit_code": organiser,
        "starts_on": starts_on,
        "ends_on": ends_on,
    }
    created = await client.post("/v1/campaigns", headers=admin, json=body)
    assert created.status_code == 201, created.text
    campaign_id = created.json()["id"]
    if units:
        enrolled = await client.post(
            f"/v1/campaigns/{campaign_id}/participants", headers=admin, json={"unit_codes": list(units)}
        )
        assert enrolled.status_code == 200, enrolled.text
    if launch:
        launched = await client.post(f"/v1/campaigns/{campaign_id}/launch", headers=admin)
        assert launched.status_code == 200, launched.text
    return campaign_id


# The dossier's nominees (all of 66-SNV) and the decision each is awarded by: (subject, code, kind, decision).
NOMINEES = (
    ("individual", "CSTD_TOAN_QUOC", "title_code", "1/QĐ-TTg", "2025-12-20"),
    ("collective", "CO_THI_DUA_CP", "title_code", "2/QĐ-TTg", "2025-12-20"),
    ("individual", "HUAN_CHUONG_LAO_DONG", "form_code", "3/QĐ-CTN", "2025-12-21"),
    ("collective", "HUAN_CHUONG_LAO_DONG", "form_code", "3/QĐ-CTN", "2025-12-21"),
    ("individual", "BANG_KHEN_TTCP", "form_code", "4/QĐ-TTg", "2025-12-21"),  # revoked below
    ("individual", "CSTD_TINH", "title_code", "5/QĐ-UBND", "2025-12-22"),
    ("collective", "BANG_KHEN_TINH", "form_code", "6/QĐ-UBND", "2026-01-15"),  # another year
    ("individual", "BANG_KHEN_TINH", "form_code", "7/QĐ-UBND", "2025-12-22"),
)


@pytest.fixture
async def province(client, admin, create_account, bearer):
    for unit in UNITS:
        assert (await client.post("/v1/units", headers=admin, json=unit)).status_code == 201
    campaign = await movement(
        client, admin, "CDS-2025", "province", "66", "2025-01-01", "2025-12-31", units=("66-SNV", "66-STC")
    )
    # Launched in 2024, still running in 2025: counted in both years, launched only in 2024.
    await movement(
        client, admin, "CCHC-2024", "department", "66-SNV", "2024-03-01", "2025-06-30", units=("66-SNV",)
    )
    await movement(client, admin, "TD-2024", "province", "66", "2024-01-01", "2024-12-31", units=("66-STC",))
    await movement(
        client, admin, "NHAP-2025", "department", "66-STC", "2025-02-01", "2025-11-30", launch=False
    )

    # Sex and birth date are optional: ages on 31/12/2026 are 36, 30 (born on the 31st), 51, none.
    await create_account("ql.snv", ["manager"], ["66-SNV"], sex="female", birth_date="1990-05-10")
    await create_account("ql.snv2", ["manager"], ["66-SNV"], sex="male", birth_date="1996-12-31")
    await create_account("ql.stc", ["manager"], ["66-STC"], sex="female", birth_date="1975-01-01")
    await create_account("vp.tdkt", ["manager"], ["66"])
    # 66-SGD's manager left: deactivated, not counted.
    gone = await create_account("ql.sgd", ["manager"], ["66-SGD"], sex="male", birth_date="1980-01-01")
    assert (
        await client.patch(f"/v1/accounts/{gone['id']}", headers=admin, json={"active": False})
    ).status_code == 200
    # Council members: 66 and 29 years old, and one who gave neither.
    members = [
        (await create_account("hd.1", ["council"], sex="female", birth_date="1960-06-30"))["id"],
        (await create_account("hd.2", ["council"], sex="male", birth_date="1997-01-01"))["id"],
        (await create_account("hd.3", ["council"]))["id"],
    ]
    office, snv = await bearer("vp.tdkt"), await bearer("ql.snv")

    dossier = await client.post(
        "/v1/dossiers",
        headers=snv,
        json={
            "campaign_id": campaign,
            "unit_code": "66-SNV",
            "title": "Hồ sơ đề nghị khen thưởng năm 2025",
            "nominees": [
                {"subject_type": subject, "subject_name": f"Người {i}", "unit_code": "66-SNV", key: code}
                for i, (subject, code, key, _, _) in enumerate(NOMINEES)
            ],
        },
    )
    assert dossier.status_code == 201, dossier.text
    dossier_id = dossier.json()["id"]
    assert (await client.post(f"/v1/dossiers/{dossier_id}/submit", headers=snv)).status_code == 200
    for step in ("receive", "review", "to-council"):
        assert (await client.post(f"/v1/dossiers/{dossier_id}/{step}", headers=office)).status_code == 200
    council = await client.post(
        "/v1/council-sessions",
        headers=office,
        json={
            "title": "Phiên họp Hội đồng Thi đua – Khen thưởng tỉnh",
            "held_on": "2025-12-15",
            "members": members,
            "dossier_ids": [dossier_id],
            "quorum": 2,
            "threshold": 0.5,
        },
    )
    assert council.status_code == 201, council.text
    session_id = council.json()["id"]
    for i in (1, 2, 3):
        voter = await bearer(f"hd.{i}")
        for index in range(len(NOMINEES)):
            vote = await client.post(
                f"/v1/council-sessions/{session_id}/votes",
                headers=voter,
                json={"dossier_id": dossier_id, "nominee_index": index, "vote": "for"},
            )
            assert vote.status_code == 201, vote.text
    decisions: dict[str, str] = {}
    for number in dict.fromkeys(n[3] for n in NOMINEES):
        indices = [i for i, n in enumerate(NOMINEES) if n[3] == number]
        _, code, key, _, signed_on = NOMINEES[indices[0]]
        issued = await client.post(
            "/v1/decisions",
            headers=office,
            json={
                "session_id": session_id,
                "number": number,
                "signed_on": signed_on,
                "signer": "Nguyễn Văn Chủ",
                key: code,
                "nominees": [{"dossier_id": dossier_id, "nominee_index": i} for i in indices],
            },
        )
        assert issued.status_code == 201, issued.text
        decisions[number] = issued.json()["id"]
    revoked = await client.post(
        f"/v1/decisions/{decisions['4/QĐ-TTg']}/revoke",
        headers=office,
        json={"reason": "Kê khai không trung thực"},
    )
    assert revoked.status_code == 200, revoked.text
    return {"office": office, "snv": snv}


async def sheet_rows(client, headers, form: str, year: int) -> dict[str, list]:
    answer = await client.get(f"/v1/report-forms/{form}.xlsx", headers=headers, params={"year": year})
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert f"bieu-{form}-{year}.xlsx" in answer.headers["content-disposition"]
    sheet = load_workbook(io.BytesIO(answer.content)).active
    assert sheet["A1"].value.startswith(f"Biểu số {form}: ")
    assert sheet["A2"].value == f"Năm {year} (Thông tư 02/2023/TT-BNV)"
    assert sheet["A3"].value == "Đơn vị báo cáo: UBND tỉnh Đắk Lắk. Đơn vị nhận báo cáo: Bộ Nội vụ."
    headers = [cell.value for cell in sheet[4] if cell.value is not None]
    assert headers[:2] == ["STT", "Đối tượng" if form == "0605" else headers[1]]
    # The row numbering the columns, as the statistics forms do: A, B, 1, 2, …
    assert [cell.value for cell in sheet[5]][: len(headers)] == [
        "A",
        "B",
        *map(str, range(1, len(headers) - 1)),
    ]
    rows = {row[1]: list(row[2:]) for row in sheet.iter_rows(min_row=6, values_only=True) if row[1]}
    notes = [
        row[0] for row in sheet.iter_rows(min_row=6, values_only=True) if str(row[0]).startswith("Ghi chú")
    ]
    return {**rows, "headers": headers, "notes": notes}


async def test_movements_by_level_0601(client, province):
    rows = await sheet_rows(client, province["office"], "0601", 2025)
    # Province: CDS-2025 (2 units); department: CCHC-2024 runs into 2025 (1 unit); the draft is not counted.
    assert rows["Tỉnh"] == [1, 1, 2]
    assert rows["Sở, ban, ngành, huyện"] == [1, 0, 1]
    assert rows["Toàn quốc"] == [0, 0, 0]
    assert rows["Tổng cộng"] == [2, 1, 3]
    earlier = await sheet_rows(client, province["office"], "0601", 2024)
    assert earlier["Tỉnh"] == [1, 1, 1]
    assert earlier["Sở, ban, ngành, huyện"] == [1, 1, 1]


async def test_state_and_province_awards_0602_0603(client, province):
    # Columns: decisions, awardees, collectives, individuals.
    state = await sheet_rows(client, province["office"], "0602", 2025)
    assert state["Chiến sĩ thi đua toàn quốc"] == [1, 1, 0, 1]
    assert state["Cờ thi đua của Chính phủ"] == [1, 1, 1, 0]
    assert state["Huân chương Lao động"] == [1, 2, 1, 1]
    assert state["Bằng khen của Thủ tướng Chính phủ"] == [0, 0, 0, 0]  # its only decision was revoked
    assert state["Tổng cộng"] == [3, 4, 2, 2]
    assert "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh" not in state

    provincial = await sheet_rows(client, province["office"], "0603", 2025)
    assert provincial["Chiến sĩ thi đua bộ, ban, ngành, tỉnh"] == [1, 1, 0, 1]
    assert provincial["Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"] == [1, 1, 0, 1]  # 2026's is not counted
    assert provincial["Tổng cộng"] == [2, 2, 0, 2]
    following = await sheet_rows(client, province["office"], "0603", 2026)
    assert following["Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"] == [1, 1, 1, 0]
    assert following["Tổng cộng"] == [1, 1, 1, 0]


async def test_organisations_and_staff_0604_0605(client, province):
    # Units, units with an emulation official (an active manager), officials; at the end of 2026.
    organisations = await sheet_rows(client, province["office"], "0604", 2026)
    assert organisations["Tỉnh"] == [1, 1, 1]
    assert organisations["Sở, ban, ngành"] == [3, 2, 3]  # 66-SGD's only manager was deactivated
    assert organisations["Tổng cộng"] == [4, 3, 4]
    # Per year: the directory and the accounts were all made in 2026, so at the end of 2025 there were none.
    assert (await sheet_rows(client, province["office"], "0604", 2025))["Tổng cộng"] == [0, 0, 0]

    staff = await sheet_rows(client, province["office"], "0605", 2026)
    assert staff["headers"][2:] == [
        "Tổng số",
        "Trong đó: Nữ",
        "Dưới 30 tuổi",
        "Từ 30 đến 40 tuổi",
        "Từ 41 đến 50 tuổi",
        "Từ 51 đến 60 tuổi",
        "Trên 60 tuổi",
        "Chưa khai giới tính",
        "Chưa khai ngày sinh",
    ]
    officials = "Cán bộ làm công tác thi đua, khen thưởng tại các đơn vị"
    # 4 managers: 2 women; 36 and 30 → 30–40, 51 → 51–60; vp.tdkt gave neither.
    assert staff[officials] == [4, 2, 0, 2, 0, 1, 0, 1, 1]
    # 3 council members: 1 woman of 66, a man of 29, one who gave neither.
    assert staff["Thành viên Hội đồng Thi đua – Khen thưởng (chưa tính ở dòng trên)"] == [
        3,
        1,
        1,
        0,
        0,
        0,
        1,
        1,
        1,
    ]
    assert staff["Tổng cộng"] == [7, 3, 1, 2, 0, 1, 1, 2, 2]
    assert staff["notes"][0].startswith("Ghi chú: Độ tuổi tính đến 31/12 của năm báo cáo.")
    assert (await sheet_rows(client, province["office"], "0605", 2025))["Tổng cộng"] == [0] * 9


def test_an_account_stood_at_the_year_end_as_its_audit_trail_says():
    from datetime import UTC, datetime

    from campaign_api.recognition.report_forms import AccountEvent, stood_at

    end = datetime(2026, 1, 1, tzinfo=UTC)
    now = {"roles": ["viewer"], "unit_codes": [], "active": False}
    manager = {"roles": ["manager"], "unit_codes": ["66-SNV"], "active": True}
    moved = {"roles": ["manager"], "unit_codes": ["66-STC"], "active": True}
    created = AccountEvent(datetime(2025, 3, 1, tzinfo=UTC), None, manager)
    moved_in_2025 = AccountEvent(datetime(2025, 9, 1, tzinfo=UTC), manager, moved)
    demoted_in_2026 = AccountEvent(datetime(2026, 2, 1, tzinfo=UTC), moved, now)
    # The last change before the year's end says how it stood: moved to 66-STC.
    assert stood_at(now, [created, moved_in_2025, demoted_in_2026], end) == moved
    # Made before any trail was kept, changed only later: as it was before that change.
    assert stood_at(now, [demoted_in_2026], end) == moved
    # Made after the year's end: it did not exist.
    assert stood_at(now, [AccountEvent(datetime(2026, 5, 1, tzinfo=UTC), None, now)], end) is None
    # Never changed: as it is.
    assert stood_at(now, [], end) == now


async def test_officials_sex_and_birth_date_are_optional_and_checked(client, admin, create_account):
    account = await create_account("cb.moi", ["viewer"])
    assert (account["sex"], account["birth_date"]) == (None, None)
    url = f"/v1/accounts/{account['id']}"
    changed = await client.patch(url, headers=admin, json={"sex": "female", "birth_date": "1988-02-29"})
    assert changed.status_code == 200, changed.text
    assert (changed.json()["sex"], changed.json()["birth_date"]) == ("female", "1988-02-29")
    for wrong in (
        {"sex": "x"},
        {"birth_date": "2015-06-01"},
        {"birth_date": "2999-01-01"},
        {"birth_date": 1988},
    ):
        refused = assert_problem(await client.patch(url, headers=admin, json=wrong), 422)
        assert refused["errors"][0]["field"] == next(iter(wrong))
    assert (await client.get(url, headers=admin)).json()["birth_date"] == "1988-02-29"  # nothing changed
    cleared = (await client.patch(url, headers=admin, json={"birth_date": None})).json()
    assert (cleared["sex"], cleared["birth_date"]) == ("female", None)  # left-out sex kept


async def test_who_may_download_and_bad_requests(client, admin, province):
    assert (await client.get("/v1/report-forms/0602.xlsx?year=2025", headers=admin)).status_code == 200
    # The decisions page offers the forms to whom the policy lets download them, and to no one else.
    for who, offered in (
        (admin, ["issue", "download_report_forms"]),
        (province["office"], ["issue", "download_report_forms"]),
        (province["snv"], ["issue"]),
    ):
        assert (await client.get("/v1/decisions", headers=who)).json()["allowed_actions"] == offered
    # A department's manager files no province report: refused.
    assert_problem(await client.get("/v1/report-forms/0602.xlsx?year=2025", headers=province["snv"]), 403)
    unknown = await client.get(
        "/v1/report-forms/0606.xlsx?year=2025", headers={**province["office"], "Accept-Language": "en"}
    )
    assert_problem(unknown, 422)
    assert unknown.json()["code"] == "request.invalid"
    assert [error["field"] for error in unknown.json()["errors"]] == ["path.form"]
    assert_problem(await client.get("/v1/report-forms/0601.xlsx?year=1999", headers=province["office"]), 422)
    assert_problem(await client.get("/v1/report-forms/0601.xlsx", headers=province["office"]), 422)
