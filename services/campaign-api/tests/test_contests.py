"""Online contests: the bank and its import, rounds, registration, attempts drawn on the server, keys hidden
until the round closes, deadlines, one try per round under concurrent starts, ranking and unit figures.
Every expected number is worked out by hand in the comments."""

import asyncio
import io
import json
from datetime import UTC, datetime, timedelta

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import text

from campaign_api.database import SERVICE_DATABASE
from reference_data.personal_data import PersonalDataCipher
from service_kit.testing import started

NOW = datetime.now(UTC)
QUESTIONS = [
    # text, options, correct keys
    ("Câu 1: Cổng Dịch vụ công quốc gia?", ["dichvucong.gov.vn", "vneid.gov.vn", "chinhphu.vn"], ["A"]),
    ("Câu 2: Ứng dụng định danh điện tử?", ["VNeID", "Zalo", "VssID", "Facebook"], ["A"]),
    ("Câu 3: Những việc nào là chuyển đổi số?", ["Ký số", "Thanh toán trực tuyến", "Nộp giấy"], ["A", "B"]),
]


def iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


async def sql(app, statement: str, **params) -> list:
    async with app.state.database.sessionmaker() as session, session.begin():
        result = await session.execute(text(statement), params)
        return list(result.all()) if result.returns_rows else []


def person(number: int, unit: str = "66-SKHCN", **extra) -> dict:
    return {
        "full_name": extra.pop("full_name", f"Nguyễn Văn {chr(64 + number)}"),
        "national_id": f"0661900003{number:02d}",
        "date_of_birth": "1991-02-03",
        "phone": "0912345678",
        "unit_code": unit,
        **extra,
    }


async def world(client, admin, *, attempts_per_round: int = 1, staff=(4, 10)) -> dict:
    async def post(path: str, body: dict, expect: int = 201) -> dict:
        response = await client.post(path, headers=admin, json=body)
        assert response.status_code == expect, response.text
        return response.json()

    await post("/v1/units", {"code": "66", "name": "UBND tỉnh", "kind": "province", "province_code": "66"})
    for (code, name), count in zip((("66-SKHCN", "Sở KH&CN"), ("66-SYT", "Sở Y tế")), staff, strict=True):
        await post(
            "/v1/units",
            {
                "code": code,
                "name": name,
                "kind": "department",
                "province_code": "66",
                "parent_code": "66",
                "staff_count": count,
            },
        )
    dates = {
        "starts_on": "2025-01-01",
        "ends_on": "2030-12-31",
        "level": "province",
        "organizer_unit_code": "66",
    }
    campaign = await post("/v1/campaigns", {"code": "CDS", "title": "Chuyển đổi số", **dates})
    await post(f"/v1/campaigns/{campaign['id']}/participants", {"unit_codes": ["66-SKHCN", "66-SYT"]}, 200)
    contest = await post(
        f"/v1/campaigns/{campaign['id']}/contests",
        {
            "title": "Tìm hiểu chuyển đổi số",
            "questions_per_attempt": 3,
            "time_limit_seconds": 600,
            "attempts_per_round": attempts_per_round,
            "prediction_question": "Bao nhiêu người trả lời đúng tất cả?",
        },
    )
    keys = {}
    for body, options, correct in QUESTIONS:
        created = await post(
            f"/v1/contests/{contest['id']}/questions",
            {
                "topic": "Chuyển đổi số",
                "text": body,
                "options": [{"key": k, "text": t} for k, t in zip("ABCD", options, strict=False)],
                "correct_keys": correct,
                "explanation": "Giải thích " + body,
            },
        )
        keys[created["id"]] = correct
    await post(f"/v1/contests/{contest['id']}/open", {}, 200)
    round_ = await post(
        f"/v1/contests/{contest['id']}/rounds",
        {
            "no": 1,
            "title": "Tuần 1",
            "opens_at": iso(NOW - timedelta(hours=1)),
            "closes_at": iso(NOW + timedelta(days=6)),
        },
    )
    return {"campaign": campaign, "contest": contest, "round": round_, "keys": keys}


async def register(client, contest_id: str, body: dict) -> dict:
    response = await client.post(f"/v1/contests/{contest_id}/participants", json=body)
    assert response.status_code == 200, response.text
    return response.json()


def holder(token: str) -> dict:
    return {"X-Participant-Token": token}


def walk_keys(value) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in walk_keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in walk_keys(v)}
    return set()


async def test_an_attempt_is_drawn_scored_and_shows_the_keys_only_after_the_round_closes(client, admin, app):
    w = await world(client, admin)
    contest_id, round_id = w["contest"]["id"], w["round"]["id"]
    first = await register(client, contest_id, person(1))
    again = await register(client, contest_id, person(1))
    assert again["participant_id"] == first["participant_id"]
    other_birthday = await client.post(
        f"/v1/contests/{contest_id}/participants", json=person(1, date_of_birth="1991-02-04")
    )
    assert other_birthday.status_code == 409
    stored = await sql(app, "SELECT national_id_hash, phone_encrypted FROM campaign.contest_participant")
    assert len(stored) == 1
    assert b"066190000301" not in bytes(stored[0][0])
    assert b"0912345678" not in bytes(stored[0][1])
    settings = app.state.settings
    cipher = PersonalDataCipher.from_settings(
        settings.personal_data_key.get_secret_value(), settings.national_id_key.get_secret_value()
    )
    assert cipher.decrypt(bytes(stored[0][1]), field="contest_phone") == "0912345678"

    token = holder(first["participant_token"])
    started_ = await client.post(f"/v1/contest-rounds/{round_id}/attempts", headers=token)
    assert started_.status_code == 201, started_.text
    body = started_.json()
    assert not walk_keys(body) & {"correct_keys", "explanation", "review"}
    assert {q["question_id"] for q in body["questions"]} == set(w["keys"])
    seed, draw = (await sql(app, "SELECT seed, draw FROM campaign.contest_attempt"))[0]
    assert seed is not None
    assert [d["question_id"] for d in draw] == [q["question_id"] for q in body["questions"]]
    for question, drawn in zip(body["questions"], draw, strict=True):
        assert [o["key"] for o in question["options"]] == drawn["option_keys"]

    # Right on questions 1 and 3 (both keys), wrong on question 2: 2 of 3.
    by_text = {q["question_id"]: q["text"] for q in body["questions"]}
    answers = [
        {"question_id": qid, "keys": ["B"] if by_text[qid].startswith("Câu 2") else correct}
        for qid, correct in w["keys"].items()
    ]
    attempt_id = body["attempt_id"]
    saved = await client.put(
        f"/v1/attempts/{attempt_id}/answers", headers=token, json={"answers": answers, "prediction": 7}
    )
    assert saved.status_code == 200, saved.text
    assert not walk_keys(saved.json()) & {"correct_keys", "explanation"}
    assert saved.json()["review"] is None
    submitted = await client.post(f"/v1/attempts/{attempt_id}/submit", headers=token)
    assert submitted.status_code == 200, submitted.text
    result = submitted.json()
    assert (result["score"], result["correct"], result["total"]) == (2, 2, 3)
    assert result["review"] is None
    assert "correct_keys" not in json.dumps(result)

    late = await client.put(
        f"/v1/attempts/{attempt_id}/answers", headers=token, json={"answers": [], "prediction": 1}
    )
    assert late.status_code == 409
    assert (await sql(app, "SELECT prediction FROM campaign.contest_attempt"))[0][0] == 7
    second = await client.post(f"/v1/contest-rounds/{round_id}/attempts", headers=token)
    assert second.status_code == 409
    assert (await sql(app, "SELECT count(*) FROM campaign.contest_attempt"))[0][0] == 1

    # Another participant cannot read this attempt.
    stranger = await register(client, contest_id, person(2))
    assert (
        await client.get(f"/v1/attempts/{attempt_id}", headers=holder(stranger["participant_token"]))
    ).status_code == 404
    assert (await client.get(f"/v1/attempts/{attempt_id}")).status_code == 401

    # The round closes: now the keys and explanations are shown.
    closed = await client.patch(
        f"/v1/contest-rounds/{round_id}",
        headers=admin,
        json={"closes_at": iso(datetime.now(UTC) - timedelta(seconds=1))},
    )
    assert closed.status_code == 200, closed.text
    review = (await client.get(f"/v1/attempts/{attempt_id}", headers=token)).json()["review"]
    assert {r["question_id"]: r["correct_keys"] for r in review} == w["keys"]
    assert sorted(r["correct"] for r in review) == [False, True, True]
    assert all(r["explanation"].startswith("Giải thích") for r in review)


async def test_answers_after_the_deadline_are_refused_and_not_kept(client, admin, app):
    w = await world(client, admin)
    token = holder((await register(client, w["contest"]["id"], person(1)))["participant_token"])
    attempt = (await client.post(f"/v1/contest-rounds/{w['round']['id']}/attempts", headers=token)).json()
    qid = attempt["questions"][0]["question_id"]
    first = await client.put(
        f"/v1/attempts/{attempt['attempt_id']}/answers",
        headers=token,
        json={"answers": [{"question_id": qid, "keys": ["A"]}]},
    )
    assert first.status_code == 200
    await sql(app, "UPDATE campaign.contest_attempt SET deadline = now() - interval '1 second'")
    late = await client.put(
        f"/v1/attempts/{attempt['attempt_id']}/answers",
        headers=token,
        json={"answers": [{"question_id": qid, "keys": ["B"]}]},
    )
    assert late.status_code == 409
    assert late.json()["code"] == "contest_attempt.deadline_passed"
    assert (
        await client.post(f"/v1/attempts/{attempt['attempt_id']}/submit", headers=token)
    ).status_code == 409
    (answers,) = (await sql(app, "SELECT answers FROM campaign.contest_attempt"))[0]
    assert answers == {qid: ["A"]}
    # Read after the deadline: finished with what was saved (question 1 is right with A only if its key is A).
    read = (await client.get(f"/v1/attempts/{attempt['attempt_id']}", headers=token)).json()
    assert read["submitted_at"] is not None
    assert read["correct"] == (1 if w["keys"][qid] == ["A"] else 0)


async def test_results_rank_by_score_then_prediction_then_seconds(client, admin, app):
    w = await world(client, admin)
    contest_id, round_id = w["contest"]["id"], w["round"]["id"]
    right = [{"question_id": q, "keys": k} for q, k in w["keys"].items()]
    one_wrong = [*right[:1], {"question_id": right[1]["question_id"], "keys": ["C"]}, *right[2:]]
    # name, unit, answers, prediction, seconds before submit
    plan = [
        ("Trần Văn An", "66-SKHCN", right, 2, 100),  # 3/3, |2-3| = 1, 100 s
        ("Lê Thị Bình", "66-SKHCN", right, 5, 50),  # 3/3, |5-3| = 2,  50 s
        ("Phạm Văn Cường", "66-SYT", right, 4, 200),  # 3/3, |4-3| = 1, 200 s
        ("Hoàng Thị Dung", "66-SYT", one_wrong, 3, 10),  # 2/3 (error 0 does not lift a lower score)
    ]
    for number, (name, unit, answers, prediction, seconds) in enumerate(plan, start=1):
        token = holder(
            (await register(client, contest_id, person(number, unit, full_name=name)))["participant_token"]
        )
        attempt = (await client.post(f"/v1/contest-rounds/{round_id}/attempts", headers=token)).json()
        await sql(
            app,
            "UPDATE campaign.contest_attempt SET started_at = now() - make_interval(secs => :s) WHERE id = :id",
            s=seconds,
            id=attempt["attempt_id"],
        )
        saved = await client.put(
            f"/v1/attempts/{attempt['attempt_id']}/answers",
            headers=token,
            json={"answers": answers, "prediction": prediction},
        )
        assert saved.status_code == 200, saved.text
        assert (
            await client.post(f"/v1/attempts/{attempt['attempt_id']}/submit", headers=token)
        ).status_code == 200
    results = (await client.get(f"/v1/contest-rounds/{round_id}/results", headers=admin)).json()
    assert results["full_score_count"] == 3
    assert [
        (i["rank"], i["participant_name_masked"], i["score"], i["prediction_error"]) for i in results["items"]
    ] == [
        (1, "Trần V. A.", 3, 1),
        (2, "Phạm V. C.", 3, 1),
        (3, "Lê T. B.", 3, 2),
        (4, "Hoàng T. D.", 2, 0),
    ]
    sheet = await client.get(f"/v1/contest-rounds/{round_id}/results.xlsx", headers=admin)
    rows = list(load_workbook(io.BytesIO(sheet.content)).active.iter_rows(values_only=True))
    assert [r[1] for r in rows[1:]] == ["Trần V. A.", "Phạm V. C.", "Lê T. B.", "Hoàng T. D."]

    # Units: 66-SKHCN 2 participants of 4 staff = 0.5, mean (3 + 3) / 2 = 3; 66-SYT 2 of 10 = 0.2, mean 2.5.
    units = (await client.get(f"/v1/contests/{contest_id}/units", headers=admin)).json()["items"]
    assert [
        (u["unit_code"], u["participants"], u["staff_count"], u["participation_rate"], u["mean_score"])
        for u in units
    ] == [
        ("66-SKHCN", 2, 4, 0.5, 3.0),
        ("66-SYT", 2, 10, 0.2, 2.5),
    ]
    # The movement's one contest: the same rates, as scoring-api reads them.
    participation = await client.get(
        f"/v1/campaigns/{w['campaign']['id']}/contest-participation", headers=admin
    )
    assert [
        (u["unit_code"], u["contests"], u["participants"], u["participation_rate"])
        for u in participation.json()["items"]
    ] == [
        ("66-SKHCN", 1, 2, 0.5),
        ("66-SYT", 1, 2, 0.2),
    ]
    # The floor is 20 seconds: of 100, 50, 200 and 10 seconds, only the 10-second attempt is flagged.
    flags = (await client.get(f"/v1/contests/{contest_id}/flags", headers=admin)).json()["items"]
    assert [(f["kind"], f["participant_name_masked"]) for f in flags] == [("too_fast", "Hoàng T. D.")]


async def test_rounds_do_not_overlap_and_a_manager_who_does_not_run_it_changes_nothing(
    client, admin, app, create_account, bearer
):
    w = await world(client, admin)
    contest_id = w["contest"]["id"]
    overlapping = await client.post(
        f"/v1/contests/{contest_id}/rounds",
        headers=admin,
        json={
            "no": 2,
            "title": "Tuần 2",
            "opens_at": iso(NOW + timedelta(days=5)),
            "closes_at": iso(NOW + timedelta(days=12)),
        },
    )
    assert overlapping.status_code == 409
    assert overlapping.json()["code"] == "contest_round.overlaps"
    await create_account("tk.sokhcn", ["manager"], ["66-SKHCN"])
    manager = await bearer("tk.sokhcn")
    question = {
        "text": "Câu?",
        "options": [{"key": "A", "text": "x"}, {"key": "B", "text": "y"}],
        "correct_keys": ["A"],
    }
    for method, path, body in (
        ("POST", f"/v1/contests/{contest_id}/questions", question),
        ("GET", f"/v1/contests/{contest_id}/questions", None),
        (
            "POST",
            f"/v1/contests/{contest_id}/rounds",
            {
                "no": 3,
                "title": "T3",
                "opens_at": iso(NOW + timedelta(days=30)),
                "closes_at": iso(NOW + timedelta(days=31)),
            },
        ),
        ("POST", f"/v1/contests/{contest_id}/close", None),
    ):
        response = await client.request(method, path, headers=manager, json=body)
        assert response.status_code == 403, (path, response.text)
    assert (await sql(app, "SELECT count(*) FROM campaign.contest_question"))[0][0] == 3
    assert (await sql(app, "SELECT count(*) FROM campaign.contest_round"))[0][0] == 1
    assert (await client.get(f"/v1/contests/{contest_id}", headers=manager)).json()["status"] == "open"
    # A reader of the movement does not see the bank's keys anywhere it may go.
    seen = (await client.get(f"/v1/contests/{contest_id}", headers=manager)).json()
    assert seen["allowed_actions"] == []


def workbook(rows: list[list]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["topic", "text", "A", "B", "C", "D", "keys", "explanation", "difficulty"])
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


async def test_an_import_with_bad_rows_reports_each_and_imports_nothing(client, admin, app):
    w = await world(client, admin)
    contest_id = w["contest"]["id"]
    template = await client.get(f"/v1/contests/{contest_id}/questions/template.xlsx", headers=admin)
    assert template.status_code == 200
    bad = workbook(
        [
            ["CCHC", "Câu đúng?", "Có", "Không", "", "", "A", "", 1],  # line 2: good
            ["CCHC", "Thiếu đáp án", "Có", "Không", "", "", "", "", 1],  # line 3: no key
            ["CCHC", "Đáp án lạ", "Có", "Không", "", "", "D", "", 1],  # line 4: D is not an option
            ["CCHC", "Độ khó", "Có", "Không", "", "", "A", "", 9],  # line 5: difficulty outside 1–5
            ["", "", "", "", "", "", "", "", ""],  # line 6: empty, skipped
            ["CCHC", "", "Có", "Không", "", "", "A", "", 1],  # line 7: no question text
            ["CCHC", "Một phương án", "Có", "", "", "", "A", "", 1],  # line 8: fewer than two options
        ]
    )
    files = {"file": ("bank.xlsx", bad, "application/octet-stream")}
    response = await client.post(f"/v1/contests/{contest_id}/questions/import", headers=admin, files=files)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["imported"] == 0
    assert [(e["line"], e["field"]) for e in body["errors"]] == [
        (3, "correct_keys"),
        (4, "correct_keys"),
        (5, "difficulty"),
        (7, "text"),
        (8, "options"),
    ]
    assert all(e["reason"] for e in body["errors"])
    assert (await sql(app, "SELECT count(*) FROM campaign.contest_question"))[0][0] == 3
    not_a_sheet = await client.post(
        f"/v1/contests/{contest_id}/questions/import",
        headers=admin,
        files={"file": ("bank.xlsx", b"not a workbook", "application/octet-stream")},
    )
    assert not_a_sheet.status_code == 200
    assert not_a_sheet.json()["imported"] == 0
    assert [e["line"] for e in not_a_sheet.json()["errors"]] == [0]
    assert (await sql(app, "SELECT count(*) FROM campaign.contest_question"))[0][0] == 3
    good = workbook(
        [
            ["CCHC", "Câu A?", "Có", "Không", "", "", "A", "", 1],
            ["CCHC", "Câu B?", "x", "y", "z", "", "B,C", "", 2],
        ]
    )
    response = await client.post(
        f"/v1/contests/{contest_id}/questions/import",
        headers=admin,
        files={"file": ("b.xlsx", good, "application/octet-stream")},
    )
    assert response.json() == {"imported": 2, "errors": []}
    keys = await sql(app, "SELECT correct_keys FROM campaign.contest_question WHERE text = 'Câu B?'")
    assert keys[0][0] == ["B", "C"]


@pytest.fixture
def committed_app(service_under_test, provision_separate):
    url = provision_separate(SERVICE_DATABASE, "campaign_contest_race")
    return service_under_test.build_app(url)


async def test_two_starts_at_once_exactly_one_succeeds(committed_app):
    async with started(committed_app) as client:
        token = await client.post(
            "/v1/auth/token", data={"grant_type": "password", "username": "admin", "password": "admin"}
        )
        admin = {"Authorization": f"Bearer {token.json()['access_token']}"}
        w = await world(client, admin)
        participant = holder((await register(client, w["contest"]["id"], person(1)))["participant_token"])
        path = f"/v1/contest-rounds/{w['round']['id']}/attempts"
        answers = await asyncio.gather(*(client.post(path, headers=participant) for _ in range(2)))
        assert sorted(r.status_code for r in answers) == [201, 409]
        rows = await sql(committed_app, "SELECT attempt_no FROM campaign.contest_attempt")
        assert [r[0] for r in rows] == [1]


async def finish(client, app, round_id: str, token: dict, answers: list, prediction) -> str:
    attempt = (await client.post(f"/v1/contest-rounds/{round_id}/attempts", headers=token)).json()
    body = {"answers": answers} if prediction is None else {"answers": answers, "prediction": prediction}
    saved = await client.put(f"/v1/attempts/{attempt['attempt_id']}/answers", headers=token, json=body)
    assert saved.status_code == 200, saved.text
    submitted = await client.post(f"/v1/attempts/{attempt['attempt_id']}/submit", headers=token)
    assert submitted.status_code == 200, submitted.text
    return attempt["attempt_id"]


async def test_ties_go_to_the_earlier_submission_a_missing_prediction_last_and_the_best_attempt_counts(
    client, admin, app
):
    w = await world(client, admin, attempts_per_round=2)
    contest_id, round_id = w["contest"]["id"], w["round"]["id"]
    right = [{"question_id": q, "keys": k} for q, k in w["keys"].items()]
    one_wrong = [*right[:1], {"question_id": right[1]["question_id"], "keys": ["C"]}, *right[2:]]
    tokens = {}
    for number, name in enumerate(
        ("Đỗ Văn An", "Vũ Thị Bình", "Ngô Văn Cường", "Bùi Thị Dung", "Lý Văn Em"), 1
    ):
        registered = await register(client, contest_id, person(number, full_name=name))
        tokens[name] = holder(registered["participant_token"])
    # (participant, answers, prediction, seconds, submitted at minute)
    plan = [
        ("Đỗ Văn An", right, 4, 60, 5),
        ("Vũ Thị Bình", right, 4, 60, 1),
        ("Ngô Văn Cường", right, None, 5, 2),
        ("Bùi Thị Dung", one_wrong, 4, 30, 3),  # first try 2/3 ...
        ("Bùi Thị Dung", right, 9, 90, 4),  # ... second try 3/3: the best one counts
        ("Lý Văn Em", one_wrong, 4, 1, 0),
    ]
    base = datetime(2026, 11, 30, 10, 0, tzinfo=UTC)
    for name, answers, prediction, seconds, minute in plan:
        attempt_id = await finish(client, app, round_id, tokens[name], answers, prediction)
        await sql(
            app,
            "UPDATE campaign.contest_attempt SET seconds = :s, submitted_at = :at WHERE id = :id",
            s=seconds,
            at=base + timedelta(minutes=minute),
            id=attempt_id,
        )
    # Full scores: An, Bình, Cường, Dung = 4 people. Errors: An |4-4| = 0, Bình 0, Dung (best try) |9-4| = 5,
    # Cường none. An and Bình tie on score, error and seconds: Bình submitted first (10:01 before 10:05).
    # Dung's error 5 still beats Cường's missing prediction; Em's error 0 does not lift 2/3 above 3/3.
    results = (await client.get(f"/v1/contest-rounds/{round_id}/results", headers=admin)).json()
    assert (results["full_score_count"], results["total"]) == (4, 5)
    assert [
        (i["rank"], i["participant_name_masked"], i["score"], i["prediction_error"], i["seconds"])
        for i in results["items"]
    ] == [
        (1, "Vũ T. B.", 3, 0, 60),
        (2, "Đỗ V. A.", 3, 0, 60),
        (3, "Bùi T. D.", 3, 5, 90),
        (4, "Ngô V. C.", 3, None, 5),
        (5, "Lý V. E.", 2, 0, 1),
    ]
    page = (await client.get(f"/v1/contest-rounds/{round_id}/results?limit=2&offset=2", headers=admin)).json()
    assert [i["rank"] for i in page["items"]] == [3, 4]


async def test_no_participant_response_carries_a_key_or_an_explanation_before_the_round_closes(
    client, admin, app
):
    w = await world(client, admin)
    contest_id, round_id = w["contest"]["id"], w["round"]["id"]
    seen: list = []

    async def call(method: str, path: str, **kwargs):
        response = await client.request(method, path, **kwargs)
        seen.append((path, response.status_code, response.text))
        return response

    public = await call("GET", f"/v1/contests/{contest_id}/public")
    assert public.status_code == 200
    registered = (await call("POST", f"/v1/contests/{contest_id}/participants", json=person(1))).json()
    token = holder(registered["participant_token"])
    attempt = (await call("POST", f"/v1/contest-rounds/{round_id}/attempts", headers=token)).json()
    attempt_id = attempt["attempt_id"]
    answers = [{"question_id": q["question_id"], "keys": ["A"]} for q in attempt["questions"]]
    await call("PUT", f"/v1/attempts/{attempt_id}/answers", headers=token, json={"answers": answers})
    await call("GET", f"/v1/attempts/{attempt_id}", headers=token)
    await call("POST", f"/v1/attempts/{attempt_id}/submit", headers=token)
    await call("GET", f"/v1/attempts/{attempt_id}", headers=token)
    await call("PUT", f"/v1/attempts/{attempt_id}/answers", headers=token, json={"answers": answers})  # 409
    await call("POST", f"/v1/contest-rounds/{round_id}/attempts", headers=token)  # 409: one try
    await call("GET", f"/v1/contests/{contest_id}/public")
    # A participant token opens nothing of the organisers' (the bank, the results).
    assert (await call("GET", f"/v1/contests/{contest_id}/questions", headers=token)).status_code == 401
    assert [s for _, s, _ in seen] == [200, 200, 201, 200, 200, 200, 200, 409, 409, 200, 401]
    for path, _, body in seen:
        assert "correct_keys" not in body, path
        assert "explanation" not in body, path
        assert "Giải thích" not in body, path
        assert '"review":[' not in body.replace(" ", ""), path
