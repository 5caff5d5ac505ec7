"""Across the services, through the real gateway: digital-literacy-api trusts campaign-api's tokens (JWKS over
HTTP), a learner signs up (campaign-api asks digital-literacy-api with its service token) and sees their
progress, a certificate verifies publicly, and a manager's scope comes from campaign-api's unit tree."""

import pytest

from reference_data.localities import localities

pytestmark = pytest.mark.e2e

NATIONAL_ID = "066195001234"


def headers(token: dict) -> dict[str, str]:
    return {"Authorization": f"Bearer {token['access_token']}"}


def test_a_learner_signs_up_completes_a_course_and_a_manager_sees_them(http, issue_token):
    admin = headers(issue_token({"grant_type": "password", "username": "admin", "password": "admin"}))
    commune = localities.communes("66")[5]

    def call(
        method: str, path: str, body: dict | None = None, as_: dict[str, str] = admin, expect: int = 200
    ) -> dict:
        response = http.request(method, path, headers=as_, json=body)
        assert response.status_code == expect, response.text
        return response.json() if response.content else {}

    call(
        "POST",
        "/api/literacy/v1/courses",
        {
            "code": "E2E-VNEID",
            "title": "Sử dụng VNeID",
            "hours": 4,
            "level": 1,
            "competence_codes": ["VN.1.1"],
        },
        expect=201,
    )
    learner = call(
        "POST",
        "/api/literacy/v1/learners",
        {
            "national_id": NATIONAL_ID,
            "full_name": "H'Linh Niê",
            "date_of_birth": "1988-03-08",
            "gender": "female",
            "ethnicity": "Ê Đê",
            "commune_code": commune.code,
            "category": "citizen",
        },
        expect=201,
    )

    # Sign-up: campaign-api asks digital-literacy-api over REST with its own service token.
    wrong = http.post(
        "/api/campaign/v1/auth/signup",
        json={"national_id": NATIONAL_ID, "date_of_birth": "1988-03-09", "password": "hoc-so-2025"},
    )
    assert wrong.status_code == 403  # one answer for every mismatch
    account = http.post(
        "/api/campaign/v1/auth/signup",
        json={"national_id": NATIONAL_ID, "date_of_birth": "1988-03-08", "password": "hoc-so-2025"},
    )
    assert account.status_code == 201, account.text
    assert account.json()["learner_id"] == learner["id"]
    me = headers(issue_token({"grant_type": "password", "username": NATIONAL_ID, "password": "hoc-so-2025"}))

    certificate = call(
        "POST",
        "/api/literacy/v1/records",
        {"learner_id": learner["id"], "course_code": "E2E-VNEID", "status": "completed"},
        expect=201,
    )["certificate_code"]
    progress = call("GET", "/api/literacy/v1/me/progress", as_=me)
    assert progress["courses"][0]["certificate_code"] == certificate
    assert progress["competences"] == [{"code": "VN.1.1", "level": 1}]
    assert http.get("/api/literacy/v1/learners", headers=me).status_code == 403

    verified = http.get(f"/api/literacy/v1/certificates/{certificate}").json()
    assert verified["valid"] is True
    assert verified["learner_name_masked"] == "H'Linh N."
    pdf = http.get(f"/api/literacy/v1/certificates/{certificate}.pdf")
    assert pdf.headers["content-type"] == "application/pdf"

    # A commune manager: digital-literacy-api learns the scope from campaign-api (as the literacy-api client).
    call(
        "POST",
        "/api/campaign/v1/units",
        {"code": "E2E-L-66", "name": "UBND tỉnh", "kind": "province", "province_code": "66"},
        expect=201,
    )
    call(
        "POST",
        "/api/campaign/v1/units",
        {
            "code": "E2E-L-XA",
            "name": commune.name,
            "kind": "commune",
            "province_code": "66",
            "commune_code": commune.code,
            "parent_code": "E2E-L-66",
        },
        expect=201,
    )
    call(
        "POST",
        "/api/campaign/v1/accounts",
        {
            "username": "can.bo.van.hoa.xa",
            "password": "van-hoa-xa-2025",
            "full_name": "Y Moan",
            "roles": ["manager"],
            "unit_codes": ["E2E-L-XA"],
        },
        expect=201,
    )
    manager = headers(
        issue_token(
            {"grant_type": "password", "username": "can.bo.van.hoa.xa", "password": "van-hoa-xa-2025"}
        )
    )
    listed = call("GET", "/api/literacy/v1/learners", as_=manager)
    assert [item["id"] for item in listed["items"]] == [learner["id"]]
    assert listed["items"][0]["ethnicity"] is None
