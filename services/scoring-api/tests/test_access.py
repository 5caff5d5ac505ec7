"""The access policy through the API: a change refused changes nothing (no stored change, no audit event),
a manager sees only their units' scorecards (another unit's are 404), individual cards only for units in
scope, managers' scopes from campaign-api's directory (cached, never guessed), and `allowed_actions` of
each kind for each role and state."""

import httpx
import pytest

from scoring_api.clients.campaign import CampaignClient
from service_kit.errors import DependencyUnavailable
from service_kit.testing import assert_problem

from .conftest import Downstream

CRITERIA = [
    {"code": "M1", "title": "Kết quả thực hiện kế hoạch", "max_points": 60},
    {"code": "M2", "title": "Sáng kiến", "max_points": 40},
]


@pytest.fixture
def callers(people, token_factory) -> dict[str, dict[str, str]]:
    auth = token_factory.auth
    return {
        **people,
        "learner": auth("hv", roles=["learner"], learner_id="7d1f3c2a-0000-4000-8000-000000000001"),
        "client_read": auth("bao-cao", client_id="bao-cao", scope="scoring:read"),
        "client_other": auth("khac", client_id="khac", scope="literacy:read"),
        "sub_manager": auth("ql-ttcds", roles=["manager"], unit_codes=["66-SKHCN-TTCDS"]),
    }


@pytest.fixture
async def cards(client, people, published_round) -> dict[str, dict]:
    round_ = await published_round(criteria=CRITERIA)
    response = await client.post(f"/v1/rounds/{round_['id']}/scorecards/generate", headers=people["admin"])
    assert response.status_code == 200, response.text
    return {card["subject_id"]: card for card in response.json()["items"]}


async def _move(client, people, card_id: str, *steps: str) -> None:
    for step in steps:
        body = {"reason": "Bổ sung"} if step == "return" else None
        response = await client.post(f"/v1/scorecards/{card_id}/{step}", headers=people["admin"], json=body)
        assert response.status_code == 200, response.text


async def _stored(client, people, card_id: str) -> tuple[dict, list[str]]:
    """The card as stored and the actions of its audit trail, read back by an administrator."""
    card = (await client.get(f"/v1/scorecards/{card_id}", headers=people["admin"])).json()
    history = (await client.get(f"/v1/scorecards/{card_id}/history", headers=people["admin"])).json()
    return card, [event["action"] for event in history["items"]]


@pytest.mark.parametrize(
    ("caller", "state", "status"),
    [
        ("learner", "draft", 403),
        ("viewer", "draft", 403),
        ("client_read", "draft", 403),
        ("client_other", "draft", 403),
        ("other_manager", "draft", 404),
        ("evaluator", "draft", 403),
        ("council", "draft", 403),
        ("manager", "submitted", 403),
        # A reviewer out of turn: the card has moved on (or not come yet) — 409, and still nothing changes.
        ("evaluator", "reviewed", 409),
        ("council", "submitted", 409),
    ],
)
async def test_an_entry_naming_no_score_is_refused_to_whoever_is_not_at_that_step(
    client, people, callers, cards, caller, state, status
):
    card_id = cards["66-SKHCN"]["id"]
    steps = {"draft": (), "submitted": ("submit",), "reviewed": ("submit", "review")}[state]
    await _move(client, people, card_id, *steps)
    before, trail = await _stored(client, people, card_id)

    response = await client.patch(
        f"/v1/scorecards/{card_id}", headers=callers[caller], json={"entries": [{"criterion_code": "M1"}]}
    )

    problem = assert_problem(response, status)
    codes = {403: "scorecard.forbidden", 404: "scorecard.not_found", 409: "scorecard.wrong_state"}
    assert problem["code"] == codes[status]
    after, trail_after = await _stored(client, people, card_id)
    assert after == before
    assert trail_after == trail
    assert "scorecard.scored" not in trail_after


@pytest.mark.parametrize("caller", ["learner", "viewer", "client_read", "other_manager", "evaluator"])
async def test_a_self_assessment_from_anyone_but_the_units_manager_changes_nothing(
    client, people, callers, cards, caller
):
    card_id = cards["66-SKHCN"]["id"]
    before, trail = await _stored(client, people, card_id)
    response = await client.patch(
        f"/v1/scorecards/{card_id}",
        headers=callers[caller],
        json={"entries": [{"criterion_code": "M1", "self_score": 60}]},
    )
    assert response.status_code in (403, 404)
    assert await _stored(client, people, card_id) == (before, trail)


async def test_the_units_manager_and_the_manager_above_it_score_while_others_cannot_even_see(
    client, people, callers, cards
):
    card_id = cards["66-SKHCN"]["id"]
    scored = await client.patch(
        f"/v1/scorecards/{card_id}",
        headers=people["manager"],
        json={"entries": [{"criterion_code": "M1", "self_score": 50}]},
    )
    assert scored.status_code == 200, scored.text
    # A manager of a sub-unit does not act for the unit above it.
    assert_problem(
        await client.patch(
            f"/v1/scorecards/{card_id}",
            headers=callers["sub_manager"],
            json={"entries": [{"criterion_code": "M1", "self_score": 1}]},
        ),
        404,
    )


async def test_managers_read_only_their_units_scorecards_and_history(client, people, cards):
    other = cards["66-SYT"]["id"]
    for path in (f"/v1/scorecards/{other}", f"/v1/scorecards/{other}/history"):
        assert assert_problem(await client.get(path, headers=people["manager"]), 404)["code"] == (
            "scorecard.not_found"
        )
        assert (await client.get(path, headers=people["other_manager"])).status_code == 200
        assert (await client.get(path, headers=people["viewer"])).status_code == 200
    round_id = cards["66-SYT"]["round_id"]
    listed = (await client.get(f"/v1/rounds/{round_id}/scorecards", headers=people["manager"])).json()
    assert [card["subject_id"] for card in listed["items"]] == ["66-SKHCN"]
    assert listed["total"] == 1
    everyone = (await client.get(f"/v1/rounds/{round_id}/scorecards", headers=people["evaluator"])).json()
    assert everyone["total"] == 4


async def test_individual_scorecards_only_for_units_in_the_managers_scope(
    client, people, callers, published_round
):
    round_ = await published_round(criteria=CRITERIA, subject_type="individual")
    url = f"/v1/rounds/{round_['id']}/scorecards"
    person = {"subject_id": "cb-7", "subject_name": "Lê Văn Tám", "unit_code": "66-SYT"}
    problem = assert_problem(await client.post(url, headers=people["manager"], json=person), 403)
    assert problem["code"] == "unit.out_of_scope"
    assert (await client.get(url, headers=people["admin"])).json()["total"] == 0
    for caller in ("viewer", "evaluator", "learner", "client_read"):
        assert_problem(await client.post(url, headers=callers[caller], json=person), 403)
    assert (await client.get(url, headers=people["admin"])).json()["total"] == 0
    # A sub-unit of the manager's unit is in their scope.
    below = {**person, "unit_code": "66-SKHCN-TTCDS"}
    assert (await client.post(url, headers=people["manager"], json=below)).status_code == 201


async def test_a_managers_scope_is_never_guessed_when_the_directory_is_down(client, people, cards, directory):
    directory.down = True
    card_id = cards["66-SKHCN"]["id"]
    assert_problem(await client.get(f"/v1/scorecards/{card_id}", headers=people["manager"]), 503)
    assert (await client.get(f"/v1/scorecards/{card_id}", headers=people["admin"])).status_code == 200


async def test_the_directory_is_read_once_per_unit_and_kept_for_a_while():
    directory = Downstream(
        {
            "/v1/units/A": {"code": "A", "commune_code": None},
            "/v1/units/A/subtree": {"items": [{"code": "A1", "commune_code": "12345"}]},
        }
    )
    client = CampaignClient("http://campaign.test", transport=httpx.MockTransport(directory), retries=0)
    scope = await client.scope(("A", "GONE"))
    assert scope.units == {"A", "A1"}
    assert scope.communes == {"12345"}
    await client.scope(("A",))
    assert [r.url.path for r in directory.requests] == [
        "/v1/units/A",
        "/v1/units/A/subtree",
        "/v1/units/GONE",
    ]
    expired = CampaignClient(
        "http://campaign.test", transport=httpx.MockTransport(directory), retries=0, scope_ttl_seconds=0
    )
    directory.down = True
    with pytest.raises(DependencyUnavailable):
        await expired.scope(("A",))


# --- allowed_actions ---

DRAFT = {
    "admin": ["score", "submit"],
    "manager": ["score", "submit"],
    "evaluator": [],
    "council": [],
    "viewer": [],
    "client_read": [],
}
EXPECTED = {
    "draft": DRAFT,
    "submitted": {
        "admin": ["score", "review", "return"],
        "manager": [],
        "evaluator": ["score", "review", "return"],
        "council": ["return"],
        "viewer": [],
        "client_read": [],
    },
    "reviewed": {
        "admin": ["score", "approve", "return"],
        "manager": [],
        "evaluator": ["return"],
        "council": ["score", "approve", "return"],
        "viewer": [],
        "client_read": [],
    },
    "approved": {caller: [] for caller in DRAFT},
    "returned": DRAFT,
}
STEPS = {
    "draft": (),
    "submitted": ("submit",),
    "reviewed": ("submit", "review"),
    "approved": ("submit", "review", "approve"),
    "returned": ("submit", "return"),
}


@pytest.mark.parametrize("state", list(EXPECTED))
async def test_a_scorecards_allowed_actions_per_role_and_state(client, people, callers, cards, state):
    card = cards["66-SKHCN"]
    await _move(client, people, card["id"], *STEPS[state])
    for caller, expected in EXPECTED[state].items():
        single = (await client.get(f"/v1/scorecards/{card['id']}", headers=callers[caller])).json()
        assert single["status"] == state
        assert single["allowed_actions"] == expected, (state, caller)
        listed = (
            await client.get(f"/v1/rounds/{card['round_id']}/scorecards", headers=callers[caller])
        ).json()
        item = next(i for i in listed["items"] if i["id"] == card["id"])
        assert item["allowed_actions"] == expected, (state, caller, "list")


async def test_every_listed_action_is_answered_and_action_responses_say_what_comes_next(
    client, people, cards
):
    card_id = cards["66-SKHCN"]["id"]
    url = f"/v1/scorecards/{card_id}"
    scored = await client.patch(
        url, headers=people["manager"], json={"entries": [{"criterion_code": "M1", "self_score": 40}]}
    )
    assert scored.json()["allowed_actions"] == ["score", "submit"]
    submitted = await client.post(f"{url}/submit", headers=people["manager"])
    assert submitted.json()["allowed_actions"] == []  # now it is the evaluator's turn
    reviewed = await client.patch(
        url, headers=people["evaluator"], json={"entries": [{"criterion_code": "M1", "reviewed_score": 35}]}
    )
    assert reviewed.json()["allowed_actions"] == ["score", "review", "return"]
    assert (await client.post(f"{url}/review", headers=people["evaluator"])).json()["allowed_actions"] == [
        "return"
    ]
    # The council's turn: it may adjust the reviewed scores before approving.
    council = await client.patch(
        url, headers=people["council"], json={"entries": [{"criterion_code": "M1", "reviewed_score": 30}]}
    )
    assert council.status_code == 200, council.text
    assert council.json()["total"] == "30.00"
    assert (await client.post(f"{url}/approve", headers=people["council"])).json()["allowed_actions"] == []


async def test_reviewed_scores_out_of_turn_are_409(client, people, cards):
    card_id = cards["66-SKHCN"]["id"]
    await _move(client, people, card_id, "submit")
    problem = assert_problem(
        await client.patch(
            f"/v1/scorecards/{card_id}",
            headers=people["council"],
            json={"entries": [{"criterion_code": "M1", "reviewed_score": 30}]},
        ),
        409,
    )
    assert problem["code"] == "scorecard.wrong_state"


async def test_rounds_and_criteria_sets_allowed_actions(client, people, published_round):
    collective = await published_round(criteria=CRITERIA)
    individual = await published_round(criteria=CRITERIA, subject_type="individual")
    expected = {
        ("admin", "collective"): ["generate", "compute", "export"],
        ("admin", "individual"): ["add_scorecard", "compute", "export"],
        ("manager", "collective"): ["export"],
        ("manager", "individual"): ["add_scorecard", "export"],
        ("viewer", "collective"): ["export"],
        ("evaluator", "individual"): ["export"],
    }
    rounds = {"collective": collective, "individual": individual}
    for (caller, kind), actions in expected.items():
        single = await client.get(f"/v1/rounds/{rounds[kind]['id']}", headers=people[caller])
        assert single.json()["allowed_actions"] == actions, (caller, kind)
        listed = (await client.get("/v1/rounds", headers=people[caller])).json()
        item = next(i for i in listed["items"] if i["id"] == rounds[kind]["id"])
        assert item["allowed_actions"] == actions
        assert listed["allowed_actions"] == (["create"] if caller == "admin" else [])

    published = (
        await client.get(f"/v1/criteria-sets/{collective['criteria_set_id']}", headers=people["admin"])
    ).json()
    assert published["allowed_actions"] == []
    draft = await client.post(
        "/v1/criteria-sets",
        headers=people["admin"],
        json={
            "campaign_id": published["campaign_id"],
            "subject_type": "collective",
            "name": "Nháp",
            "criteria": CRITERIA,
        },
    )
    assert draft.json()["allowed_actions"] == ["edit", "publish"]
    seen = (await client.get(f"/v1/criteria-sets/{draft.json()['id']}", headers=people["viewer"])).json()
    assert seen["allowed_actions"] == []
    assert (await client.get("/v1/criteria-sets", headers=people["admin"])).json()["allowed_actions"] == [
        "create"
    ]
    assert (await client.get("/v1/criteria-sets", headers=people["manager"])).json()["allowed_actions"] == []
