"""Scoring across the services, through the real gateway: scoring-api reads the participants and KPIs from
campaign-api and the training rates from digital-literacy-api with its own client token, and ranks."""

import pytest

from reference_data.localities import localities

pytestmark = pytest.mark.e2e


def test_automatic_criteria_come_from_the_other_two_services(http, issue_token):
    admin = {
        "Authorization": f"Bearer {issue_token({'grant_type': 'password', 'username': 'admin', 'password': 'admin'})['access_token']}"
    }

    def call(method: str, path: str, body: dict | None = None) -> dict:
        response = http.request(method, path, headers=admin, json=body)
        assert response.status_code in (200, 201), response.text
        return response.json()

    campaign_api, literacy_api, scoring_api = "/api/campaign/v1", "/api/literacy/v1", "/api/scoring/v1"
    call(
        "POST",
        f"{campaign_api}/units",
        {"code": "S-66", "name": "UBND tỉnh", "kind": "province", "province_code": "66"},
    )
    for code, name in (("S-SKHCN", "Sở Khoa học và Công nghệ"), ("S-SYT", "Sở Y tế")):
        call(
            "POST",
            f"{campaign_api}/units",
            {
                "code": code,
                "name": name,
                "kind": "department",
                "province_code": "66",
                "parent_code": "S-66",
                "cluster": "Khối Sở",
            },
        )
    movement = call(
        "POST",
        f"{campaign_api}/campaigns",
        {
            "code": "S-CDS",
            "title": "Chuyển đổi số",
            "level": "province",
            "organizer_unit_code": "S-66",
            "starts_on": "2025-01-01",
            "ends_on": "2025-12-31",
        },
    )
    base = f"{campaign_api}/campaigns/{movement['id']}"
    call(
        "POST",
        f"{base}/targets",
        {
            "code": "SOHOA",
            "title": "Số hóa hồ sơ",
            "measure": "percent",
            "baseline": 20,
            "target": 100,
            "direction": "increase",
        },
    )
    call("POST", f"{base}/participants", {"unit_codes": ["S-SKHCN", "S-SYT"]})
    call("POST", f"{base}/launch", {})
    report = call(
        "POST",
        f"{base}/reports",
        {"unit_code": "S-SKHCN", "period_end": "2025-06-30", "values": {"SOHOA": 60}},
    )
    call("POST", f"/api/campaign/v1/reports/{report['id']}/accept", {})

    commune = localities.communes("66")[0].code
    call(
        "POST",
        f"{literacy_api}/courses",
        {
            "code": "S-KNS",
            "title": "Kỹ năng số cơ bản",
            "hours": 4,
            "level": 1,
            "required_for": ["civil_servant"],
        },
    )
    for index, done in enumerate((True, True, False, True)):
        learner = call(
            "POST",
            f"{literacy_api}/learners",
            {
                "national_id": f"06619900{index:04d}",
                "full_name": f"Công chức {index}",
                "date_of_birth": "1985-01-01",
                "gender": "male",
                "commune_code": commune,
                "category": "civil_servant",
                "unit_code": "S-SYT",
            },
        )
        call(
            "POST",
            f"{literacy_api}/records",
            {
                "learner_id": learner["id"],
                "course_code": "S-KNS",
                "status": "completed" if done else "in_progress",
            },
        )

    criteria_set = call(
        "POST",
        f"{scoring_api}/criteria-sets",
        {
            "campaign_id": movement["id"],
            "subject_type": "collective",
            "name": "Tiêu chí tập thể",
            "criteria": [
                {
                    "code": "1",
                    "title": "Số hóa hồ sơ",
                    "max_points": 40,
                    "method": "target_progress",
                    "target_code": "SOHOA",
                },
                {"code": "2", "title": "Bồi dưỡng kỹ năng số", "max_points": 60, "method": "training_rate"},
            ],
            "bands": [{"label": "Tốt", "min_score": 40}, {"label": "Đạt", "min_score": 0}],
        },
    )
    call("POST", f"{scoring_api}/criteria-sets/{criteria_set['id']}/publish")  # checks SOHOA over REST
    round_ = call(
        "POST",
        f"{scoring_api}/rounds",
        {
            "criteria_set_id": criteria_set["id"],
            "name": "2025",
            "period_start": "2025-01-01",
            "period_end": "2025-12-31",
        },
    )
    cards = call("POST", f"{scoring_api}/rounds/{round_['id']}/scorecards/generate")["items"]
    assert {c["subject_id"] for c in cards} == {"S-SKHCN", "S-SYT"}
    computed = call("POST", f"{scoring_api}/rounds/{round_['id']}/compute")
    assert computed["unavailable"] == []
    ranking = call("GET", f"{scoring_api}/rounds/{round_['id']}/ranking")["items"]
    # S-SYT: 3 of 4 civil servants completed → 60 × 0.75 = 45, no accepted report → its target criterion pending.
    # S-SKHCN: progress (60 - 20) / 80 = 0.5 → 20; no staff learners → rate 0.
    assert [(r["rank"], r["subject_id"], r["total"], r["band"]) for r in ranking] == [
        (1, "S-SYT", "45.00", "Tốt"),
        (2, "S-SKHCN", "20.00", "Đạt"),
    ]

    # The same movement's composite index: the target's progress and the participants (names, clusters) from
    # campaign-api, its contest participation from campaign-api's /contest-participation (no contest yet: every
    # unit's value is missing, the source answered), the training rate from digital-literacy-api.
    def indicator(code: str, source: str, **extra: object) -> dict:
        spec = {"source": source, "normalisation": "goalposts", "goalposts": [0, 1], **extra}
        return {
            "code": f"P-{code}",
            "title": code,
            "children": [{"code": code, "title": code, "indicator": spec}],
        }

    framework = call(
        "POST",
        f"{scoring_api}/index-frameworks",
        {
            "name": "Chỉ số chuyển đổi số của các sở",
            "subject_kind": "department",
            "campaign_id": movement["id"],
            "nodes": [
                indicator("T1", "target_progress", target_code="SOHOA"),
                indicator("C1", "contest_participation"),
                indicator("R1", "training_rate"),
            ],
        },
    )
    call("POST", f"{scoring_api}/index-frameworks/{framework['id']}/publish")
    run = call("POST", f"{scoring_api}/index-runs", {"framework_id": framework["id"], "period": "2025"})
    assert {s["source"]: s["status"] for s in run["report"]["sources"]} == {
        "target_progress": "ok",
        "contest_participation": "ok",
        "training_rate": "ok",
    }
    # S-SYT: R1 0.75 alone → 0.75; S-SKHCN: (T1 0.5 + R1 0) / 2 = 0.25 (the missing pillars reweighted)
    assert [
        (r["rank"], r["subject_code"], r["subject_name"], r["score"], r["missing"]) for r in run["results"]
    ] == [
        (1, "S-SYT", "Sở Y tế", 0.75, ["T1", "C1"]),
        (2, "S-SKHCN", "Sở Khoa học và Công nghệ", 0.25, ["C1"]),
    ]
