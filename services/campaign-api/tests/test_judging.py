"""The initiative contest: a round of judging with its criteria and judges, each judge's points per criterion
(changed until the initiative is decided), the ranking by the judges' mean, ties sharing a rank, and the
recognition level recorded once. Every expected number is worked out by hand in the comments."""

from sqlalchemy import text

from service_kit.testing import assert_problem

DEPARTMENTS = (("66-SKHCN", "Sở Khoa học và Công nghệ"), ("66-SYT", "Sở Y tế"))


async def sql(app, statement: str, **params) -> list:
    async with app.state.database.sessionmaker() as session, session.begin():
        result = await session.execute(text(statement), params)
        return list(result.all()) if result.returns_rows else []


async def movement(client, admin) -> dict:
    async def post(path: str, body: dict, expect: int = 201) -> dict:
        response = await client.post(path, headers=admin, json=body)
        assert response.status_code == expect, response.text
        return response.json()

    await post("/v1/units", {"code": "66", "name": "UBND tỉnh", "kind": "province", "province_code": "66"})
    for code, name in DEPARTMENTS:
        await post(
            "/v1/units",
            {"code": code, "name": name, "kind": "department", "province_code": "66", "parent_code": "66"},
        )
    campaign = await post(
        "/v1/campaigns",
        {
            "code": "CCHC",
            "title": "Cải cách hành chính",
            "starts_on": "2025-01-01",
            "ends_on": "2030-12-31",
            "level": "province",
            "organizer_unit_code": "66",
        },
    )
    base = f"/v1/campaigns/{campaign['id']}"
    await post(f"{base}/participants", {"unit_codes": ["66-SKHCN", "66-SYT"]}, 200)
    await post(f"{base}/launch", {}, 200)
    initiatives = {}
    for title, unit in (
        ("Một cửa điện tử", "66-SKHCN"),
        ("Bệnh án điện tử", "66-SYT"),
        ("Chữ ký số cho cán bộ", "66-SKHCN"),
        ("Sổ tay số", "66-SYT"),
        ("Họp giấy", "66-SYT"),
    ):
        created = await post(
            f"{base}/initiatives", {"title": title, "unit_code": unit, "authors": ["Lê Thị Hoa"]}
        )
        initiatives[title] = created["id"]
    await post(
        f"/v1/initiatives/{initiatives['Họp giấy']}/assess",
        {"status": "rejected", "assessment": "Không phải sáng kiến"},
        200,
    )
    return {"campaign": campaign, "initiatives": initiatives}


def points(novelty, effect, scope) -> list[dict]:
    return [
        {"criterion_code": "novelty", "points": novelty},
        {"criterion_code": "effect", "points": effect},
        {"criterion_code": "scope", "points": scope},
    ]


async def test_judges_score_the_ranking_takes_their_mean_and_a_decision_locks_the_scores(
    client, admin, app, create_account, bearer
):
    m = await movement(client, admin)
    ids = m["initiatives"]
    first = await create_account("gk.mot", ["council"], full_name="Trần Giám Khảo")
    second = await create_account("gk.hai", ["evaluator"], full_name="Phạm Giám Khảo")
    judge_1, judge_2 = await bearer("gk.mot"), await bearer("gk.hai")
    created = await client.post(
        f"/v1/campaigns/{m['campaign']['id']}/initiative-judgings",
        headers=admin,
        json={"title": "Chấm sáng kiến CCHC 2025", "judges": [first["id"], second["id"]]},
    )
    assert created.status_code == 201, created.text
    judging = created.json()
    # The default criteria: novelty 30, effect 40, scope 30.
    assert [(c["code"], float(c["max_points"])) for c in judging["criteria"]] == [
        ("novelty", 30.0),
        ("effect", 40.0),
        ("scope", 30.0),
    ]
    assert judging["judge_names"] == ["Trần Giám Khảo", "Phạm Giám Khảo"]
    assert judging["allowed_actions"] == ["decide"]  # the administrator runs it but is no judge
    seen_by_judge = (await client.get(f"/v1/initiative-judgings/{judging['id']}", headers=judge_1)).json()
    assert seen_by_judge["allowed_actions"] == ["score"]
    scores = f"/v1/initiative-judgings/{judging['id']}/scores"

    async def score(headers, title, given, expect=200):
        response = await client.put(
            scores, headers=headers, json={"initiative_id": ids[title], "scores": given}
        )
        assert response.status_code == expect, response.text
        return response

    # Refused and nothing stored: over a maximum (31 > 30), a criterion missing, a judge who is not one.
    assert_problem(await score(judge_1, "Một cửa điện tử", points(31, 35, 20), 422), 422)
    assert_problem(await score(judge_1, "Một cửa điện tử", points(25, 35, 20)[:2], 422), 422)
    assert_problem(await score(admin, "Một cửa điện tử", points(25, 35, 20), 403), 403)
    assert_problem(await score(judge_1, "Họp giấy", points(1, 1, 1), 409), 409)  # rejected: not judged
    assert (await sql(app, "SELECT count(*) FROM campaign.initiative_score"))[0][0] == 0

    # A judge changes their mind: the last points count.
    await score(judge_1, "Một cửa điện tử", points(20, 20, 20))
    total = (await score(judge_1, "Một cửa điện tử", points(25, 35, 20))).json()["total"]
    assert float(total) == 80
    await score(judge_2, "Một cửa điện tử", points(20, 30, 20))  # 70
    await score(judge_1, "Bệnh án điện tử", points(30, 30, 15))  # 75
    await score(judge_2, "Bệnh án điện tử", points(25, 40, 10))  # 75
    await score(judge_1, "Chữ ký số cho cán bộ", points(10, 10, 10))  # 30, one judge only
    # Means: Một cửa (80 + 70) / 2 = 75.00; Bệnh án (75 + 75) / 2 = 75.00, tied: both rank 1, by title
    # "Bệnh án" first; Chữ ký số 30.00 rank 3; Sổ tay số without scores last (rank 4); "Họp giấy" (rejected)
    # is not judged. Một cửa per criterion: novelty (25 + 20) / 2 = 22.5, effect 32.5, scope 20.
    ranking = (await client.get(f"/v1/initiative-judgings/{judging['id']}/ranking", headers=admin)).json()
    assert ranking["judges"] == 2
    assert [
        (
            r["rank"],
            r["title"],
            r["unit_name"],
            r["judges_scored"],
            r["mean_score"] and float(r["mean_score"]),
        )
        for r in ranking["items"]
    ] == [
        (1, "Bệnh án điện tử", "Sở Y tế", 2, 75.0),
        (1, "Một cửa điện tử", "Sở Khoa học và Công nghệ", 2, 75.0),
        (3, "Chữ ký số cho cán bộ", "Sở Khoa học và Công nghệ", 1, 30.0),
        (4, "Sổ tay số", "Sở Y tế", 0, None),
    ]
    one_stop = ranking["items"][1]
    assert {k: float(v) for k, v in one_stop["criteria"].items()} == {
        "novelty": 22.5,
        "effect": 32.5,
        "scope": 20.0,
    }

    # The organiser decides; the initiative's scores are locked and the decision is taken once.
    decisions = f"/v1/initiative-judgings/{judging['id']}/decisions"
    assert_problem(
        await client.post(
            decisions, headers=judge_1, json={"initiative_id": ids["Một cửa điện tử"], "level": "provincial"}
        ),
        403,
    )
    decided = await client.post(
        decisions,
        headers=admin,
        json={"initiative_id": ids["Một cửa điện tử"], "level": "provincial", "note": "Áp dụng toàn tỉnh"},
    )
    assert decided.status_code == 201, decided.text
    assert float(decided.json()["mean_score"]) == 75.0
    assert_problem(await score(judge_2, "Một cửa điện tử", points(30, 40, 30), 409), 409)
    again = await client.post(
        decisions, headers=admin, json={"initiative_id": ids["Một cửa điện tử"], "level": "grassroots"}
    )
    assert_problem(again, 409)
    stored = await sql(
        app,
        "SELECT sum(points) FROM campaign.initiative_score WHERE initiative_id = :id",
        id=ids["Một cửa điện tử"],
    )
    assert float(stored[0][0]) == 150  # 80 + 70, unchanged
    levels = (await client.get(f"/v1/initiative-judgings/{judging['id']}/ranking", headers=admin)).json()
    assert {r["title"]: r["level"] for r in levels["items"]}["Một cửa điện tử"] == "provincial"
    audited = await sql(
        app,
        "SELECT action, count(*) FROM campaign.audit_event WHERE object_type = 'initiative_judging' "
        "GROUP BY action ORDER BY action",
    )
    assert [tuple(r) for r in audited] == [
        ("judging.created", 1),
        ("judging.decided", 1),
        ("judging.scored", 6),
    ]


async def test_judges_must_be_active_officials_and_criteria_are_unique(client, admin, create_account):
    m = await movement(client, admin)
    path = f"/v1/campaigns/{m['campaign']['id']}/initiative-judgings"
    judge = await create_account("gk.ba", ["council"])
    unknown = await client.post(
        path,
        headers=admin,
        json={"title": "Chấm", "judges": [judge["id"], "5e1f3c2a-0000-4000-8000-000000000001"]},
    )
    assert_problem(unknown, 409)
    assert unknown.json()["errors"][0]["field"] == "judges.1"
    repeated = await client.post(
        path,
        headers=admin,
        json={
            "title": "Chấm",
            "judges": [judge["id"]],
            "criteria": [
                {"code": "novelty", "title": "Tính mới", "max_points": 50},
                {"code": "novelty", "title": "Tính mới", "max_points": 50},
            ],
        },
    )
    assert_problem(repeated, 409)
    listed = (await client.get(path, headers=admin)).json()
    assert listed["total"] == 0
