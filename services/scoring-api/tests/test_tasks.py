"""The caller's scorecards to act on, for campaign-api's tasks inbox."""

from service_kit.testing import assert_problem


async def generate(client, people, round_id) -> dict[str, dict]:
    response = await client.post(f"/v1/rounds/{round_id}/scorecards/generate", headers=people["admin"])
    assert response.status_code == 200, response.text
    return {card["subject_id"]: card for card in response.json()["items"]}


async def test_each_role_is_told_exactly_its_scorecards(client, people, published_round, token_factory):
    round_ = await published_round()
    cards = await generate(client, people, round_["id"])

    def kinds(body):
        return [(t["kind"], t["scorecard_id"], t["due_on"]) for t in body["items"]]

    own = cards["66-SKHCN"]
    mine = (await client.get("/v1/me/tasks", headers=people["manager"])).json()
    assert kinds(mine) == [("fill", own["id"], "2025-12-31")]
    assert mine["items"][0]["title"].startswith("Tự chấm điểm: ")
    assert (await client.get("/v1/me/tasks", headers=people["evaluator"])).json()["total"] == 0

    submitted = await client.post(f"/v1/scorecards/{own['id']}/submit", headers=people["manager"])
    assert submitted.status_code == 200, submitted.text
    assert (await client.get("/v1/me/tasks", headers=people["manager"])).json()["items"] == []
    review = (await client.get("/v1/me/tasks", headers=people["evaluator"])).json()
    assert kinds(review) == [("review", own["id"], "2025-12-31")]
    assert (await client.get("/v1/me/tasks", headers=people["council"])).json()["total"] == 0
    assert (await client.get("/v1/me/tasks", headers=people["viewer"])).json()["total"] == 0

    learner = token_factory.auth("hv-1", roles=["learner"])
    assert_problem(await client.get("/v1/me/tasks", headers=learner), 403)
