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

    await create_account("ql.snv", ["manager"], ["66-SNV"])
    await create_account("ql.snv2", ["manager"], ["66-SNV"])
    await create_account("ql.stc", ["manager"], ["66-STC"])
    await create_account("vp.tdkt", ["manager"], ["66"])
    members = [(await create_account(f"hd.{i}", ["council"]))["id"] for i in (1, 2, 3)]
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
    rows = {row[1]: list(row[2:]) for row in sheet.iter_rows(min_row=5, values_only=True) if row[1]}
    notes = [
        row[0] for row in sheet.iter_rows(min_row=5, values_only=True) if str(row[0]).startswith("Ghi chú")
    ]
    return {**rows, "notes": notes}


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
    # Units, units with an emulation official (a manager), officials.
    organisations = await sheet_rows(client, province["office"], "0604", 2025)
    assert organisations["Tỉnh"] == [1, 1, 1]
    assert organisations["Sở, ban, ngành"] == [3, 2, 3]
    assert organisations["Tổng cộng"] == [4, 3, 4]
    # The directory and the accounts as they stand when the form is downloaded (they keep no history).
    assert (await sheet_rows(client, province["office"], "0604", 2024))["Tổng cộng"] == [4, 3, 4]

    staff = await sheet_rows(client, province["office"], "0605", 2025)
    officials = "Cán bộ làm công tác thi đua, khen thưởng tại các đơn vị"
    assert staff[officials] == [4, None, None, None, None]
    assert staff["Thành viên Hội đồng Thi đua – Khen thưởng (chưa tính ở dòng trên)"] == [
        3,
        None,
        None,
        None,
        None,
    ]
    assert staff["Tổng cộng"] == [7, None, None, None, None]
    assert staff["notes"][0].startswith("Ghi chú: Nền tảng chưa lưu ngày sinh và giới tính")


async def test_who_may_download_and_bad_requests(client, admin, province):
    assert (await client.get("/v1/report-forms/0602.xlsx?year=2025", headers=admin)).status_code == 200
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
