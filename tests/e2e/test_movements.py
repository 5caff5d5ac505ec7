"""A movement through the real gateway: an admin sets it up, a unit manager files a plan and a report, the
organiser accepts it, and the summary, the KPIs and the participants sheet show it."""

from io import BytesIO

import pytest
from openpyxl import load_workbook

from reference_data.localities import localities

pytestmark = pytest.mark.e2e


def headers(token: dict) -> dict[str, str]:
    return {"Authorization": f"Bearer {token['access_token']}"}


def test_a_movement_from_setup_to_accepted_report(http, issue_token):
    admin = headers(issue_token({"grant_type": "password", "username": "admin", "password": "admin"}))
    api = "/api/campaign/v1"

    def post(path: str, body: dict, as_: dict[str, str] = admin) -> dict:
        response = http.post(f"{api}{path}", headers=as_, json=body)
        assert response.status_code in (200, 201), response.text
        return response.json()

    commune = localities.communes("66")[1]
    post("/units", {"code": "E2E-66", "name": "UBND tỉnh Đắk Lắk", "kind": "province", "province_code": "66"})
    post(
        "/units",
        {
            "code": "E2E-XA",
            "name": f"UBND {commune.name}",
            "kind": "commune",
            "province_code": "66",
            "commune_code": commune.code,
            "parent_code": "E2E-66",
            "cluster": "Cụm 1",
        },
    )
    campaign = post(
        "/campaigns",
        {
            "code": "E2E-BDHVS",
            "title": "100 ngày cao điểm Bình dân học vụ số",
            "level": "province",
            "organizer_unit_code": "E2E-66",
            "starts_on": "2025-07-15",
            "ends_on": "2025-10-25",
        },
    )
    base = f"/campaigns/{campaign['id']}"
    post(
        f"{base}/phases",
        {
            "name": "Cao điểm",
            "starts_on": "2025-07-15",
            "ends_on": "2025-10-25",
            "milestones": [{"title": "Kế hoạch", "kind": "plan_due", "due_on": "2025-07-31"}],
        },
    )
    post(
        f"{base}/targets",
        {
            "code": "PHOCAP",
            "title": "Người dân được phổ cập kỹ năng số",
            "measure": "percent",
            "baseline": 0,
            "target": 80,
            "direction": "increase",
        },
    )
    post(f"{base}/participants", {"unit_codes": ["E2E-XA"]})
    post(f"{base}/launch", {})

    post(
        "/accounts",
        {
            "username": "chu.tich.xa",
            "password": "xa-so-hoa-2025",
            "full_name": "Y Niê",
            "roles": ["manager"],
            "unit_codes": ["E2E-XA"],
        },
    )
    manager = headers(
        issue_token({"grant_type": "password", "username": "chu.tich.xa", "password": "xa-so-hoa-2025"})
    )
    plan = http.put(
        f"{api}{base}/participants/E2E-XA/plan",
        headers=manager,
        json={"document_no": "05/KH-UBND", "issued_on": "2025-07-30"},
    )
    assert plan.json()["plan_status"] == "on_time"
    report = post(
        f"{base}/reports",
        {
            "unit_code": "E2E-XA",
            "period_end": "2025-09-30",
            "values": {"PHOCAP": 60},
            "narrative": "Đã tập huấn 12 thôn, buôn.",
        },
        as_=manager,
    )
    assert http.post(f"{api}/reports/{report['id']}/accept", headers=manager).status_code == 403
    assert post(f"/reports/{report['id']}/accept", {})["status"] == "accepted"

    summary = http.get(f"{api}{base}/summary", headers=admin).json()
    assert summary["participants"] == 1
    assert summary["plans"] == {"on_time": 1, "late": 0, "missing": 0}
    assert summary["reports"]["accepted"] == 1
    assert summary["targets"][0]["mean_progress"] == "0.7500"  # 60 / 80
    kpis = http.get(f"{api}{base}/kpis", headers=manager).json()["items"]
    assert [(k["unit_code"], k["progress"]) for k in kpis] == [("E2E-XA", "0.7500")]

    sheet = http.get(f"{api}{base}/participants.xlsx", headers=admin)
    assert sheet.status_code == 200
    rows = list(load_workbook(BytesIO(sheet.content)).active.iter_rows(min_row=3, values_only=True))
    assert rows[0][0] == "E2E-XA"
    assert rows[0][6] == "Đúng hạn"
