"""ETags of representations that carry the caller's `allowed_actions`: they differ per caller, so every
answer that has one (200 and 304, GET and PATCH) says `Vary: Authorization`."""

from __future__ import annotations

from .test_access import CRITERIA


async def test_a_scorecards_etag_differs_per_caller_and_says_so(client, people, published_round):
    round_ = await published_round(criteria=CRITERIA)
    generated = await client.post(f"/v1/rounds/{round_['id']}/scorecards/generate", headers=people["admin"])
    card = next(c for c in generated.json()["items"] if c["subject_id"] == "66-SKHCN")
    url = f"/v1/scorecards/{card['id']}"

    manager = await client.get(url, headers=people["manager"])
    viewer = await client.get(url, headers=people["viewer"])

    assert manager.json()["allowed_actions"] != viewer.json()["allowed_actions"]
    assert manager.headers["etag"] != viewer.headers["etag"]
    for response in (manager, viewer):
        assert response.headers["vary"] == "Authorization"
    unchanged = await client.get(url, headers={**people["manager"], "If-None-Match": manager.headers["etag"]})
    assert unchanged.status_code == 304
    assert unchanged.headers["vary"] == "Authorization"
    assert unchanged.headers["etag"] == manager.headers["etag"]
    scored = await client.patch(
        url,
        headers={**people["manager"], "If-Match": manager.headers["etag"]},
        json={"entries": [{"criterion_code": "M1", "self_score": 30}]},
    )
    assert scored.status_code == 200, scored.text
    assert scored.headers["vary"] == "Authorization"
    assert scored.headers["etag"] != manager.headers["etag"]


async def test_a_criteria_sets_etag_says_it_varies_per_caller(client, people, published_round):
    round_ = await published_round(criteria=CRITERIA)
    url = f"/v1/criteria-sets/{round_['criteria_set_id']}"

    admin = await client.get(url, headers=people["admin"])
    viewer = await client.get(url, headers=people["viewer"])

    assert admin.headers["etag"] != viewer.headers["etag"] or admin.json() == viewer.json()
    assert admin.headers["vary"] == viewer.headers["vary"] == "Authorization"
    unchanged = await client.get(url, headers={**people["viewer"], "If-None-Match": viewer.headers["etag"]})
    assert unchanged.status_code == 304
    assert unchanged.headers["vary"] == "Authorization"


def test_the_openapi_declares_the_304_and_the_headers(app):
    document = app.openapi()
    for path in ("/v1/scorecards/{scorecard_id}", "/v1/criteria-sets/{set_id}"):
        responses = document["paths"][path]["get"]["responses"]
        assert set(responses["304"]["headers"]) == {"ETag", "Vary"}
        assert set(responses["200"]["headers"]) == {"ETag", "Vary"}
        assert "content" not in responses["304"]
