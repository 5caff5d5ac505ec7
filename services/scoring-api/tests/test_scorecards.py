"""Scorecards through the API: criteria sets, the workflow by role, automatic criteria with services up,
down and slow, totals, ranking, proposals, exports and history — numbers computed by hand."""

import csv
import io
from decimal import Decimal

from openpyxl import load_workbook

from service_kit.testing import assert_problem

CAMPAIGN = "7d1f3c2a-0000-4000-8000-00000000c001"


async def generate(client, people, round_id) -> dict[str, dict]:
    response = await client.post(f"/v1/rounds/{round_id}/scorecards/generate", headers=people["admin"])
    assert response.status_code == 200, response.text
    return {card["subject_id"]: card for card in response.json()["items"]}


async def test_a_set_naming_an_unknown_target_is_not_published_and_a_published_set_is_immutable(
    client, people, campaign
):
    admin = people["admin"]
    bad = await client.post(
        "/v1/criteria-sets",
        headers=admin,
        json={
            "campaign_id": CAMPAIGN,
            "subject_type": "collective",
            "name": "Sai chỉ tiêu",
            "criteria": [
                {
                    "code": "1",
                    "title": "Chỉ tiêu lạ",
                    "max_points": 10,
                    "method": "target_progress",
                    "target_code": "KHONGCO",
                }
            ],
        },
    )
    set_id = bad.json()["id"]
    assert (
        "KHONGCO"
        in assert_problem(await client.post(f"/v1/criteria-sets/{set_id}/publish", headers=admin), 422)[
            "detail"
        ]
    )
    fixed = await client.patch(
        f"/v1/criteria-sets/{set_id}",
        headers=admin,
        json={
            "criteria": [
                {
                    "code": "1",
                    "title": "Số hóa",
                    "max_points": 10,
                    "method": "target_progress",
                    "target_code": "SOHOA",
                }
            ]
        },
    )
    assert fixed.status_code == 200
    assert (await client.post(f"/v1/criteria-sets/{set_id}/publish", headers=admin)).json()[
        "status"
    ] == "published"
    assert_problem(
        await client.patch(f"/v1/criteria-sets/{set_id}", headers=admin, json={"name": "Đổi"}), 409
    )
    assert_problem(await client.post(f"/v1/criteria-sets/{set_id}/publish", headers=admin), 409)
    # Invalid trees: repeated codes, a target criterion without its target.
    repeated = {
        "campaign_id": CAMPAIGN,
        "subject_type": "collective",
        "name": "Lặp",
        "criteria": [
            {"code": "1", "title": "A", "max_points": 5},
            {"code": "1", "title": "B", "max_points": 5},
        ],
    }
    assert_problem(await client.post("/v1/criteria-sets", headers=admin, json=repeated), 422)
    no_target = {
        **repeated,
        "criteria": [{"code": "1", "title": "A", "max_points": 5, "method": "target_progress"}],
    }
    assert_problem(await client.post("/v1/criteria-sets", headers=admin, json=no_target), 422)
    # A draft set has no round.
    draft = await client.post(
        "/v1/criteria-sets",
        headers=admin,
        json={**repeated, "name": "Nháp", "criteria": [{"code": "1", "title": "A", "max_points": 5}]},
    )
    round_ = {
        "criteria_set_id": draft.json()["id"],
        "name": "R",
        "period_start": "2025-01-01",
        "period_end": "2025-12-31",
    }
    assert_problem(await client.post("/v1/rounds", headers=admin, json=round_), 409)


async def test_the_workflow_by_role_and_state(client, people, published_round):
    round_ = await published_round()
    cards = await generate(client, people, round_["id"])
    assert set(cards) == {"66-SKHCN", "66-SYT", "66-STC", "66-X1"}
    card = cards["66-SKHCN"]
    url = f"/v1/scorecards/{card['id']}"
    manager, evaluator, council = people["manager"], people["evaluator"], people["council"]

    etag = (await client.get(url, headers=manager)).headers["etag"]
    scored = await client.patch(
        url,
        headers={**manager, "If-Match": etag},
        json={
            "entries": [
                {
                    "criterion_code": "1.1",
                    "self_score": 22,
                    "note": "Đạt 9/10 nhiệm vụ",
                    "evidence_url": "https://skhcn.daklak.gov.vn/bao-cao",
                },
                {"criterion_code": "3", "self_score": 15},
                {"criterion_code": "4", "self_score": 10},
            ]
        },
    )
    assert scored.status_code == 200, scored.text
    assert scored.json()["total"] == "47.00"
    assert_problem(
        await client.patch(
            url,
            headers={**manager, "If-Match": etag},
            json={"entries": [{"criterion_code": "3", "self_score": 16}]},
        ),
        412,
    )
    assert_problem(
        await client.patch(
            url, headers=manager, json={"entries": [{"criterion_code": "3", "self_score": 21}]}
        ),
        422,
    )
    assert_problem(
        await client.patch(
            url, headers=manager, json={"entries": [{"criterion_code": "4", "self_score": 5}]}
        ),
        422,
    )
    assert_problem(
        await client.patch(
            url, headers=manager, json={"entries": [{"criterion_code": "1", "self_score": 5}]}
        ),
        422,
    )
    assert_problem(
        await client.patch(
            url, headers=people["other_manager"], json={"entries": [{"criterion_code": "3", "self_score": 1}]}
        ),
        404,  # another unit's card does not exist for a manager (ARCHITECTURE.md: not even read)
    )
    assert_problem(
        await client.patch(
            url, headers=evaluator, json={"entries": [{"criterion_code": "3", "reviewed_score": 1}]}
        ),
        409,
    )

    assert_problem(await client.post(f"{url}/review", headers=evaluator), 409)  # not submitted yet
    assert_problem(await client.post(f"{url}/submit", headers=people["other_manager"]), 404)
    assert (await client.post(f"{url}/submit", headers=manager)).json()["status"] == "submitted"
    assert_problem(
        await client.patch(
            url, headers=manager, json={"entries": [{"criterion_code": "3", "self_score": 20}]}
        ),
        409,
    )
    reviewed = await client.patch(
        url,
        headers=evaluator,
        json={
            "entries": [{"criterion_code": "3", "reviewed_score": 12, "review_note": "Sáng kiến cấp cơ sở"}]
        },
    )
    assert reviewed.json()["total"] == "44.00"  # the reviewed 12 replaces the self-assessed 15
    assert_problem(await client.post(f"{url}/review", headers=manager), 403)
    assert (
        await client.post(f"{url}/return", headers=evaluator, json={"reason": "Bổ sung minh chứng"})
    ).json()["status"] == "returned"
    assert (
        await client.patch(
            url, headers=manager, json={"entries": [{"criterion_code": "1.1", "self_score": 23}]}
        )
    ).status_code == 200
    await client.post(f"{url}/submit", headers=manager)
    await client.post(f"{url}/review", headers=evaluator)
    assert_problem(await client.post(f"{url}/approve", headers=evaluator), 403)
    approved = await client.post(f"{url}/approve", headers=council)
    assert approved.json()["status"] == "approved"
    for action, who in (("submit", manager), ("review", evaluator), ("approve", council)):
        assert_problem(await client.post(f"{url}/{action}", headers=who), 409)
    assert_problem(await client.post(f"{url}/return", headers=council, json={"reason": "Muộn"}), 409)
    assert_problem(
        await client.patch(
            url, headers=evaluator, json={"entries": [{"criterion_code": "3", "reviewed_score": 20}]}
        ),
        409,
    )

    history = (await client.get(f"{url}/history", headers=people["viewer"])).json()["items"]
    actions = [event["action"] for event in history]
    assert actions == [
        "scorecard.created",
        "scorecard.scored",
        "scorecard.submit",
        "scorecard.scored",
        "scorecard.return",
        "scorecard.scored",
        "scorecard.submit",
        "scorecard.review",
        "scorecard.approve",
    ]
    # Who acted, by the name their token carried when they did (written then, not looked up now).
    assert [(event["actor"], event["actor_name"]) for event in history] == [
        ("admin-1", "Quản trị hệ thống"),
        ("ql-skhcn", "Nguyễn Thị Quản Lý"),
        ("ql-skhcn", "Nguyễn Thị Quản Lý"),
        ("tham-dinh", "Trần Thẩm Định"),
        ("tham-dinh", "Trần Thẩm Định"),
        ("ql-skhcn", "Nguyễn Thị Quản Lý"),
        ("ql-skhcn", "Nguyễn Thị Quản Lý"),
        ("tham-dinh", "Trần Thẩm Định"),
        ("hoi-dong", "Lê Hội Đồng"),
    ]
    assert history[3]["after"] == {"3": {"reviewed_score": "12", "review_note": "Sáng kiến cấp cơ sở"}}
    assert history[5]["before"]["1.1"]["self_score"] == "22"


async def test_compute_fills_automatic_criteria_and_degrades_when_a_service_fails(
    client, people, published_round, campaign, literacy
):
    round_ = await published_round()
    cards = await generate(client, people, round_["id"])
    compute = f"/v1/rounds/{round_['id']}/compute"

    campaign.down = True
    result = (await client.post(compute, headers=people["admin"])).json()
    assert result["unavailable"] == ["campaign-api"]
    skhcn = (await client.get(f"/v1/scorecards/{cards['66-SKHCN']['id']}", headers=people["admin"])).json()
    assert skhcn["pending"] == ["1.1", "1.2", "3", "4"]
    entries = {e["criterion_code"]: e for e in skhcn["entries"]}
    assert entries["2"]["auto_score"] == "24.0000"  # 30 × 0.8 from digital-literacy-api, which answered
    assert entries["2"]["auto_source"]["value"] == "0.8"
    assert entries["1.2"]["auto_score"] is None

    campaign.down, literacy.slow = False, True
    result = (await client.post(compute, headers=people["admin"])).json()
    assert result["unavailable"] == ["digital-literacy-api"]
    skhcn = (await client.get(f"/v1/scorecards/{cards['66-SKHCN']['id']}", headers=people["admin"])).json()
    entries = {e["criterion_code"]: e for e in skhcn["entries"]}
    assert entries["1.2"]["auto_score"] == "10.0000"  # 20 × 0.5
    assert entries["2"]["auto_score"] == "24.0000"  # kept from the earlier compute
    assert skhcn["total"] == "34.00"
    # The commune has no KPI yet: its target criterion stays pending.
    assert result["pending"][cards["66-X1"]["id"]] == ["1.2"]

    literacy.slow = False
    result = (await client.post(compute, headers=people["admin"])).json()
    assert result["unavailable"] == []
    # One call to each service per compute, whatever the number of scorecards (the slow one was tried twice).
    assert [r.url.path for r in literacy.requests].count("/v1/stats/units") == 4


async def test_ranking_bands_and_proposals_hand_computed(client, people, published_round, campaign, literacy):
    round_ = await published_round(share=Decimal("0.34"))
    cards = await generate(client, people, round_["id"])
    await client.post(f"/v1/rounds/{round_['id']}/compute", headers=people["admin"])
    admin = people["admin"]
    # Automatic: SKHCN 1.2 = 10, 2 = 24; SYT 1.2 = 20, 2 = 7.5; STC 1.2 = 6, 2 = 30; X1 1.2 pending, 2 = 15.
    manual = {
        "66-SKHCN": {"1.1": 25, "3": 20, "4": 10},  # 1: min(25 + 10, 40) = 35; 35 + 24 + 20 + 10 = 89
        "66-SYT": {
            "1.1": 25,
            "3": 20,
            "4": 10,
        },  # 1: min(25 + 20, 40) = 40 (capped); 40 + 7.5 + 20 + 10 = 77.5
        "66-STC": {"1.1": 24, "3": 20, "4": 10},  # 1: 24 + 6 = 30; 30 + 30 + 20 + 10 = 90
        "66-X1": {"1.1": 20, "3": 5, "4": 0},  # 1: 20; 20 + 15 + 5 + 0 = 40
    }
    for unit, scores in manual.items():
        response = await client.patch(
            f"/v1/scorecards/{cards[unit]['id']}",
            headers=admin,
            json={
                "entries": [{"criterion_code": code, "self_score": value} for code, value in scores.items()]
            },
        )
        assert response.status_code == 200, response.text

    ranking = (await client.get(f"/v1/rounds/{round_['id']}/ranking", headers=people["viewer"])).json()[
        "items"
    ]
    assert [
        (r["cluster"], r["rank"], r["subject_id"], r["total"], r["band"], r["provisional"]) for r in ranking
    ] == [
        ("Cụm xã 1", 1, "66-X1", "40.00", "Không hoàn thành nhiệm vụ", True),
        ("Khối Sở", 1, "66-STC", "90.00", "Hoàn thành xuất sắc nhiệm vụ", True),
        ("Khối Sở", 2, "66-SKHCN", "89.00", "Hoàn thành tốt nhiệm vụ", True),
        ("Khối Sở", 3, "66-SYT", "77.50", "Hoàn thành tốt nhiệm vụ", True),
    ]
    only = (
        await client.get(f"/v1/rounds/{round_['id']}/ranking", headers=admin, params={"cluster": "Khối Sở"})
    ).json()["items"]
    assert [r["rank"] for r in only] == [1, 2, 3]

    proposals = (await client.get(f"/v1/rounds/{round_['id']}/proposals", headers=admin)).json()
    so = next(c for c in proposals["clusters"] if c["cluster"] == "Khối Sở")
    excellent = next(b for b in so["bands"] if b["label"] == "Hoàn thành xuất sắc nhiệm vụ")
    assert [s["subject_id"] for s in excellent["subjects"]] == ["66-STC"]  # 34% of 3 → 1 place, no one moves
    assert so["adjustments"] == []

    sheet = load_workbook(
        io.BytesIO((await client.get(f"/v1/rounds/{round_['id']}/ranking.xlsx", headers=admin)).content)
    ).active
    assert [c.value for c in sheet[2]][:3] == ["Cụm/khối thi đua", "Hạng", "Đơn vị/cá nhân"]
    assert sheet["F4"].value == 90.0
    table = (await client.get(f"/v1/rounds/{round_['id']}/ranking.csv", headers=admin)).content.decode(
        "utf-8-sig"
    )
    rows = list(csv.reader(io.StringIO(table)))
    assert rows[0][5] == "Tổng điểm"
    assert rows[2][2] == "Sở Tài chính"
    assert rows[2][5] == "90.00"


async def test_individual_scorecards_are_added_by_the_unit(client, people, published_round):
    criteria = [
        {"code": "1", "title": "Hoàn thành nhiệm vụ được giao", "max_points": 60},
        {"code": "2", "title": "Sáng kiến", "max_points": 40},
    ]
    round_ = await published_round(criteria=criteria, subject_type="individual")
    person = {
        "subject_id": "cb-0042",
        "subject_name": "Trần Thị Bích",
        "unit_code": "66-SKHCN",
        "cluster": "Khối Sở",
    }
    assert_problem(
        await client.post(
            f"/v1/rounds/{round_['id']}/scorecards", headers=people["other_manager"], json=person
        ),
        403,
    )
    created = await client.post(
        f"/v1/rounds/{round_['id']}/scorecards", headers=people["manager"], json=person
    )
    assert created.status_code == 201
    assert created.json()["pending"] == ["1", "2"]
    assert_problem(
        await client.post(f"/v1/rounds/{round_['id']}/scorecards", headers=people["manager"], json=person),
        409,
    )
    assert_problem(
        await client.post(f"/v1/rounds/{round_['id']}/scorecards/generate", headers=people["admin"]), 409
    )


async def test_contest_participation_is_max_times_the_units_rate_from_campaign_api(
    client, people, published_round, campaign, literacy
):
    # campaign-api's batched answer: SKHCN took part at 0.5, SYT at 1.4 (citizens beyond the staff: capped
    # at 1), STC without staff (no rate: pending); the commune is not listed.
    campaign.answers[f"/v1/campaigns/{CAMPAIGN}/contest-participation"] = {
        "items": [
            {
                "unit_code": "66-SKHCN",
                "contests": 2,
                "participants": 20,
                "staff_count": 20,
                "participation_rate": 0.5,
            },
            {
                "unit_code": "66-SYT",
                "contests": 1,
                "participants": 14,
                "staff_count": 10,
                "participation_rate": 1.4,
            },
            {
                "unit_code": "66-STC",
                "contests": 1,
                "participants": 3,
                "staff_count": 0,
                "participation_rate": None,
            },
        ]
    }
    criteria = [
        {
            "code": "1",
            "title": "Hưởng ứng cuộc thi trực tuyến",
            "max_points": 20,
            "method": "contest_participation",
        },
        {"code": "2", "title": "Khác", "max_points": 80},
    ]
    round_ = await published_round(criteria=criteria)
    cards = await generate(client, people, round_["id"])
    result = (await client.post(f"/v1/rounds/{round_['id']}/compute", headers=people["admin"])).json()
    assert result["unavailable"] == []
    autos = {}
    for unit in ("66-SKHCN", "66-SYT", "66-STC"):
        card = (await client.get(f"/v1/scorecards/{cards[unit]['id']}", headers=people["admin"])).json()
        autos[unit] = {e["criterion_code"]: e for e in card["entries"]}.get("1", {}).get("auto_score")
    assert autos == {"66-SKHCN": "10.0000", "66-SYT": "20.0000", "66-STC": None}  # 20 × 0.5; 20 × min(1.4, 1)
    assert result["pending"][cards["66-STC"]["id"]] == ["1"]
    calls = [r.url.path for r in campaign.requests].count(f"/v1/campaigns/{CAMPAIGN}/contest-participation")
    assert calls == 1

    campaign.down = True
    result = (await client.post(f"/v1/rounds/{round_['id']}/compute", headers=people["admin"])).json()
    assert result["unavailable"] == ["campaign-api"]
