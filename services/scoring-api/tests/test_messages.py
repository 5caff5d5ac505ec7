"""Problems in the caller's language: every code the service raises is registered in Vietnamese and
English, a refusal answers Vietnamese by default and English for `Accept-Language: en`, and every
problem carries its machine `code`."""

import re
from pathlib import Path

import pytest

import scoring_api
from scoring_api import access
from scoring_api.messages import MESSAGES
from service_kit import i18n
from service_kit.testing import assert_problem

from .test_access import CRITERIA

SOURCE = Path(scoring_api.__file__).parent
CODE = re.compile(r"""code=f?["']([^"'{}]+)["']""")


def _codes_in_source() -> set[str]:
    return {code for path in SOURCE.rglob("*.py") for code in CODE.findall(path.read_text(encoding="utf-8"))}


def test_every_code_the_package_raises_is_registered_in_both_languages():
    codes = _codes_in_source()
    assert len(codes) > 25  # the scan finds the raise sites
    assert sorted(code for code in codes if not i18n.is_registered(code)) == []
    for code in codes | set(MESSAGES):
        vietnamese, english = i18n.message(code, language="vi"), i18n.message(code, language="en")
        assert vietnamese, code
        assert english, code
        assert vietnamese != english, code


def test_every_kind_of_the_policy_has_its_refusals_registered():
    policies = [
        access.CRITERIA_SETS.policy,
        access.CRITERIA_SET_LIST,
        access.ROUNDS.policy,
        access.ROUND_LIST,
        access.SCORECARDS.policy,
    ]
    for policy in policies:
        assert i18n.is_registered(f"{policy.kind}.forbidden"), policy.kind
        assert i18n.is_registered(f"{policy.kind}.not_found"), policy.kind


@pytest.fixture
async def card(client, people, published_round) -> dict:
    round_ = await published_round(criteria=CRITERIA)
    response = await client.post(f"/v1/rounds/{round_['id']}/scorecards/generate", headers=people["admin"])
    assert response.status_code == 200, response.text
    return next(c for c in response.json()["items"] if c["subject_id"] == "66-SKHCN")


async def test_a_forbidden_call_answers_in_vietnamese_by_default_and_in_english_on_request(client, people):
    body = {
        "campaign_id": "7d1f3c2a-0000-4000-8000-00000000c001",
        "subject_type": "collective",
        "name": "Bộ của người xem",
        "criteria": [{"code": "1", "title": "A", "max_points": 10}],
    }
    default = await client.post("/v1/criteria-sets", headers=people["viewer"], json=body)
    problem = assert_problem(default, 403)
    assert problem["code"] == "criteria_set.forbidden"
    assert problem["detail"] == MESSAGES["criteria_set.forbidden"][0]
    assert default.headers["content-language"] == "vi"

    english = await client.post(
        "/v1/criteria-sets", headers={**people["viewer"], "Accept-Language": "en"}, json=body
    )
    problem = assert_problem(english, 403)
    assert problem["code"] == "criteria_set.forbidden"
    assert problem["detail"] == MESSAGES["criteria_set.forbidden"][1]
    assert english.headers["content-language"] == "en"


async def test_workflow_refusals_say_the_state_in_the_callers_language(client, people, card):
    url = f"/v1/scorecards/{card['id']}"
    # Not yet submitted: an evaluator's review is not their turn yet.
    early = assert_problem(await client.post(f"{url}/review", headers=people["evaluator"]), 409)
    assert early["code"] == "scorecard.wrong_state"
    assert early["detail"].startswith(
        "Phiếu chấm đang ở trạng thái “nháp”: chưa đến hoặc đã qua lượt thẩm định"
    )
    english = await client.post(f"{url}/review", headers={**people["evaluator"], "Accept-Language": "en"})
    assert assert_problem(english, 409)["detail"].startswith(
        "This scorecard is draft: it is not your turn to review"
    )

    # The manager's scores while the card is submitted: not their step.
    assert (await client.post(f"{url}/submit", headers=people["manager"])).status_code == 200
    late = await client.patch(
        url, headers=people["manager"], json={"entries": [{"criterion_code": "M1", "self_score": 10}]}
    )
    problem = assert_problem(late, 409)
    assert problem["code"] == "scorecard.wrong_state"
    assert problem["detail"].startswith(
        "Phiếu chấm đang ở trạng thái “đã nộp”: chưa đến hoặc đã qua lượt chấm điểm"
    )

    # Approved: locked for everyone.
    for step in ("review", "approve"):
        assert (await client.post(f"{url}/{step}", headers=people["admin"])).status_code == 200
    locked = assert_problem(
        await client.post(f"{url}/return", headers=people["council"], json={"reason": "x"}), 409
    )
    assert locked["code"] == "scorecard.wrong_state"
    assert "“đã phê duyệt”" in locked["detail"]


async def test_refusals_of_each_kind_carry_their_code(client, people, card):
    missing = "00000000-0000-4000-8000-000000000000"
    for path, code in (
        (f"/v1/criteria-sets/{missing}", "criteria_set.not_found"),
        (f"/v1/rounds/{missing}", "round.not_found"),
        (f"/v1/scorecards/{missing}", "scorecard.not_found"),
    ):
        problem = assert_problem(await client.get(path, headers=people["admin"]), 404)
        assert problem["code"] == code
        assert problem["detail"] == MESSAGES[code][0]
    hidden = assert_problem(
        await client.get(f"/v1/scorecards/{card['id']}", headers=people["other_manager"]), 404
    )
    assert hidden["code"] == "scorecard.not_found"
    scores = await client.patch(
        f"/v1/scorecards/{card['id']}",
        headers={**people["manager"], "Accept-Language": "en"},
        json={
            "entries": [
                {"criterion_code": "M1", "self_score": 61},
                {"criterion_code": "NOPE", "self_score": 1},
            ]
        },
    )
    problem = assert_problem(scores, 422)
    assert problem["code"] == "scorecard.invalid_scores"
    assert problem["errors"] == [
        {
            "field": "entries.0.self_score",
            "message": "The score of criterion 'M1' must lie between 0 and 60; got 61.",
        },
        {"field": "entries.1.criterion_code", "message": "'NOPE' is not a leaf criterion of this set."},
    ]
    vietnamese = assert_problem(
        await client.patch(
            f"/v1/scorecards/{card['id']}",
            headers=people["manager"],
            json={"entries": [{"criterion_code": "M1", "self_score": 61}]},
        ),
        422,
    )
    assert vietnamese["errors"][0]["message"] == "Điểm của tiêu chí “M1” phải từ 0 đến 60; nhận được 61."
