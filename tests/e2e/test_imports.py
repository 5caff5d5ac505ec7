"""Through the gateway: an official downloads the import template, fills in a few thousand rows (some
wrong), uploads it, watches it progress, gets exact counts and the error report, and the coverage
statistics move."""

import csv
import io
import time

import openpyxl
import pytest

from reference_data.localities import localities

pytestmark = pytest.mark.e2e

ROWS = 3_000


def test_the_filled_template_imports_with_exact_counts_and_moves_coverage(http, issue_token):
    token = issue_token({"grant_type": "password", "username": "admin", "password": "admin"})
    admin = {"Authorization": f"Bearer {token['access_token']}"}
    course = {
        "code": "E2E-DVC",
        "title": "Dịch vụ công trực tuyến",
        "hours": 3,
        "level": 1,
        "competence_codes": [],
    }
    assert http.post("/api/literacy/v1/courses", headers=admin, json=course).status_code == 201
    communes = [c.code for c in localities.communes("66")[10:14]]

    def coverage() -> dict:
        response = http.get("/api/literacy/v1/stats/coverage", headers=admin, params={"group_by": "course"})
        assert response.status_code == 200, response.text
        return {item["key"]: item for item in response.json()["items"]}

    assert "E2E-DVC" not in coverage()

    template = http.get("/api/literacy/v1/imports/template.xlsx", headers=admin)
    assert template.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(template.content))
    sheet = workbook.worksheets[0]
    for n in range(ROWS):
        completed = n % 2 == 0
        sheet.append(
            [
                f"066180{n:06d}",
                f"Người học {n}",
                "12/03/1979",
                "Nữ" if n % 3 else "Nam",
                "Ê Đê" if n % 4 == 0 else "Kinh",
                communes[n % len(communes)],
                "Người dân",
                None,
                "E2E-DVC",
                "Hoàn thành" if completed else "Đang học",
                None if completed else 40,
                None,
                "20/09/2025" if completed else None,
                "01/09/2025",
            ]
        )
    sheet.append(["066180999999", "Sai Ngày", "31/02/1980", "Nam", None, communes[0], "Người dân", None,
                  "E2E-DVC", "Đang học", 10, None, None, None])  # fmt: skip
    buffer = io.BytesIO()
    workbook.save(buffer)

    response = http.post(
        "/api/literacy/v1/imports",
        headers=admin,
        files={"file": ("mau-da-dien.xlsx", buffer.getvalue(), "application/octet-stream")},
    )
    assert response.status_code == 202, response.text
    job_id = response.json()["id"]
    seen = []
    deadline = time.monotonic() + 600
    while True:
        job = http.get(f"/api/literacy/v1/imports/{job_id}", headers=admin).json()
        seen.append(job["processed_rows"])
        if job["status"] in ("succeeded", "failed"):
            break
        assert time.monotonic() < deadline, job
        time.sleep(0.05)
    assert job["status"] == "succeeded", job["failure"]
    assert seen == sorted(seen)  # progress only moves forward
    assert {
        k: job[k] for k in ("total_rows", "processed_rows", "inserted", "updated", "unchanged", "rejected")
    } == {
        "total_rows": ROWS + 1,
        "processed_rows": ROWS + 1,
        "inserted": ROWS,
        "updated": 0,
        "unchanged": 0,
        "rejected": 1,
    }
    assert job["certificates_issued"] == ROWS // 2

    errors = http.get(f"/api/literacy/v1/imports/{job_id}/errors", headers=admin)
    assert errors.status_code == 200
    rows = list(csv.reader(io.StringIO(errors.text.lstrip("\ufeff"))))
    assert rows[0] == ["Dòng", "Lý do"]
    assert len(rows) == 2
    assert rows[1][0] == str(ROWS + 2)
    assert "Ngày sinh" in rows[1][1]

    moved = coverage()["E2E-DVC"]
    assert (moved["learners"], moved["completed"], moved["completion_rate"]) == (ROWS, ROWS // 2, "0.5000")
