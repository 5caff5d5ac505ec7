"""Issue 13's hostile inputs against scoring-api: each is refused with a coded 422 (not a 500, not stored
as nonsense), the stored state is read back unchanged, and the logs of the failing inputs never repeat a
name or a note from the request."""

from __future__ import annotations

import logging
from decimal import Decimal

import httpx
import pytest
from sqlalchemy.engine import make_url

from service_kit.testing import assert_problem

from .conftest import BANDS, CAMPAIGN_ID, COLLECTIVE
from .test_access import CRITERIA

NAME_WITH_NUL = "Bộ tiêu chí\x00 Nguyễn Văn Độc"
NAME_WITH_CONTROL = "Sở Khoa học\x01 Trần Thị Lạ"
SECRET_NOTE = "Ghi chú riêng của Lê Văn Bí Mật "


def new_set(**change) -> dict:
    return {
        "campaign_id": str(CAMPAIGN_ID),
        "subject_type": "collective",
        "name": "Bộ tiêu chí 2026",
        "criteria": CRITERIA,
        "bands": BANDS,
        **change,
    }


async def _total(client, people, path: str) -> int:
    response = await client.get(path, headers=people["admin"])
    assert response.status_code == 200, response.text
    return int(response.json()["total"])


def _invalid(response, *fields: str) -> dict:
    problem = assert_problem(response, 422)
    assert problem["code"] == "request.invalid", problem
    named = {error["field"] for error in problem["errors"]}
    for field in fields:
        assert field in named, (field, problem["errors"])
    return problem


@pytest.fixture
def captured(caplog) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG)
    return caplog


def _assert_logs_hold_none_of(caplog: pytest.LogCaptureFixture, *texts: str) -> None:
    lines = []
    for record in caplog.records:
        lines.append(record.getMessage())
        lines.append(repr(record.__dict__))
        if record.exc_info:
            lines.append(logging.Formatter().formatException(record.exc_info))
    logged = "\n".join(lines)
    for text in texts:
        for part in {text, text.replace("\x00", ""), text.split("\x00")[-1], text.split("\x01")[-1].strip()}:
            if part.strip():
                assert part.strip() not in logged, part


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"name": NAME_WITH_NUL}, "name"),
        ({"name": NAME_WITH_CONTROL}, "name"),
        ({"name": "   "}, "name"),
        ({"name": "x" * 301}, "name"),
        ({"criteria": [{"code": "1", "title": "Tiêu chí\x00", "max_points": 10}]}, "criteria.0.title"),
        ({"criteria": [{"code": "1\x00", "title": "A", "max_points": 10}]}, "criteria.0.code"),
        ({"bands": [{"label": "Tốt\x01", "min_score": 50}]}, "bands.0.label"),
        ({"version": 2**31}, "version"),  # past int32 was a 500
        ({"version": 0}, "version"),
        ({"version": "5"}, "version"),
        ({"version": True}, "version"),
        ({"criteria": [{"code": "1", "title": "A", "max_points": "1e2"}]}, "criteria.0.max_points"),
        ({"criteria": [{"code": "1", "title": "A", "max_points": 0}]}, "criteria.0.max_points"),
        ({"criteria": [{"code": "1", "title": "A", "max_points": "12.345"}]}, "criteria.0.max_points"),
        ({"owner": "me"}, "owner"),  # unknown fields are refused
    ],
)
async def test_a_criteria_set_with_hostile_fields_is_refused_and_nothing_is_stored(
    client, people, captured, change, field
):
    before = await _total(client, people, "/v1/criteria-sets")

    response = await client.post("/v1/criteria-sets", headers=people["admin"], json=new_set(**change))

    _invalid(response, field)
    assert await _total(client, people, "/v1/criteria-sets") == before
    _assert_logs_hold_none_of(captured, NAME_WITH_NUL, NAME_WITH_CONTROL)


async def test_the_largest_version_an_int32_holds_is_stored(client, people):
    response = await client.post(
        "/v1/criteria-sets", headers=people["admin"], json=new_set(version=2**31 - 1)
    )
    assert response.status_code == 201, response.text
    assert response.json()["version"] == 2**31 - 1


@pytest.mark.parametrize("field", ["name", "criteria", "bands"])
async def test_null_on_a_criteria_set_field_that_cannot_be_empty_is_refused(client, people, field):
    created = await client.post("/v1/criteria-sets", headers=people["admin"], json=new_set())
    url = f"/v1/criteria-sets/{created.json()['id']}"
    before = (await client.get(url, headers=people["admin"])).json()

    _invalid(await client.patch(url, headers=people["admin"], json={field: None}), field)

    after = (await client.get(url, headers=people["admin"])).json()
    assert after == before


async def test_a_patch_leaving_fields_out_keeps_them(client, people):
    created = await client.post("/v1/criteria-sets", headers=people["admin"], json=new_set())
    url = f"/v1/criteria-sets/{created.json()['id']}"
    renamed = await client.patch(url, headers=people["admin"], json={"name": "  Bộ đổi tên  "})
    assert renamed.status_code == 200, renamed.text
    assert renamed.json()["name"] == "Bộ đổi tên"  # surrounding spaces cut
    assert renamed.json()["criteria"] == created.json()["criteria"]
    assert renamed.json()["bands"] == created.json()["bands"]


@pytest.fixture
async def published_set(client, people, campaign) -> str:
    created = await client.post(
        "/v1/criteria-sets", headers=people["admin"], json=new_set(criteria=COLLECTIVE)
    )
    set_id = created.json()["id"]
    assert (
        await client.post(f"/v1/criteria-sets/{set_id}/publish", headers=people["admin"])
    ).status_code == 200
    return set_id


def new_round(set_id: str, **change) -> dict:
    return {
        "criteria_set_id": set_id,
        "name": "Năm 2026",
        "period_start": "2026-01-01",
        "period_end": "2026-12-31",
        **change,
    }


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"top_band_max_share": -10}, "top_band_max_share"),  # silently became 1 %
        ({"top_band_max_share": "-10"}, "top_band_max_share"),
        ({"top_band_max_share": 0}, "top_band_max_share"),
        ({"top_band_max_share": 0.005}, "top_band_max_share"),
        ({"top_band_max_share": "0.0099"}, "top_band_max_share"),
        ({"top_band_max_share": 1.5}, "top_band_max_share"),
        ({"top_band_max_share": 20}, "top_band_max_share"),
        ({"period_start": 0}, "period_start"),  # stored as 1970-01-01
        ({"period_end": 0}, "period_end"),
        ({"period_start": "0001-01-01"}, "period_start"),
        ({"period_end": "9999-12-31"}, "period_end"),
        ({"period_start": "2026-01-01T00:00:00"}, "period_start"),
        ({"period_start": "2026-02-30"}, "period_start"),
        ({"name": NAME_WITH_CONTROL}, "name"),
        ({"name": NAME_WITH_NUL}, "name"),
        ({"quota": 0.2}, "quota"),
    ],
)
async def test_a_round_with_hostile_fields_is_refused_and_nothing_is_stored(
    client, people, published_set, captured, change, field
):
    before = await _total(client, people, "/v1/rounds")

    _invalid(
        await client.post("/v1/rounds", headers=people["admin"], json=new_round(published_set, **change)),
        field,
    )

    assert await _total(client, people, "/v1/rounds") == before
    _assert_logs_hold_none_of(captured, NAME_WITH_NUL, NAME_WITH_CONTROL)


async def test_a_round_ending_before_it_starts_is_refused_with_its_code(client, people, published_set):
    response = await client.post(
        "/v1/rounds",
        headers=people["admin"],
        json=new_round(published_set, period_start="2026-06-01", period_end="2026-05-31"),
    )
    problem = assert_problem(response, 422)
    assert problem["code"] == "round.ends_before_start"
    assert problem["errors"][0]["field"] == "period_end"
    assert await _total(client, people, "/v1/rounds") == 0


@pytest.mark.parametrize(
    ("share", "stored"), [(0.01, "0.01"), ("1", "1"), (0.2, "0.2"), ("0.34", "0.34"), (1 / 3, "0.3333")]
)
async def test_quotas_from_one_to_a_hundred_percent_are_stored(client, people, published_set, share, stored):
    response = await client.post(
        "/v1/rounds", headers=people["admin"], json=new_round(published_set, top_band_max_share=share)
    )
    assert response.status_code == 201, response.text
    read = (await client.get(f"/v1/rounds/{response.json()['id']}", headers=people["admin"])).json()
    assert Decimal(read["top_band_max_share"]) == Decimal(stored)


@pytest.fixture
async def card(client, people, published_set) -> dict:
    round_ = await client.post("/v1/rounds", headers=people["admin"], json=new_round(published_set))
    generated = await client.post(
        f"/v1/rounds/{round_.json()['id']}/scorecards/generate", headers=people["admin"]
    )
    assert generated.status_code == 200, generated.text
    return next(c for c in generated.json()["items"] if c["subject_id"] == "66-SKHCN")


@pytest.mark.parametrize(
    ("entry", "field"),
    [
        ({"note": SECRET_NOTE * 1000}, "entries.0.note"),  # 30,000 characters were stored
        ({"note": "x" * 2001}, "entries.0.note"),
        ({"note": "Ghi chú\x00"}, "entries.0.note"),
        ({"review_note": "Nhận xét\x0b"}, "entries.0.review_note"),
        ({"evidence_url": "javascript:alert(1)"}, "entries.0.evidence_url"),
        ({"evidence_url": "https://a.vn/\x00"}, "entries.0.evidence_url"),
        ({"self_score": "1e1"}, "entries.0.self_score"),
        ({"self_score": -1}, "entries.0.self_score"),
        ({"self_score": True}, "entries.0.self_score"),
        ({"criterion_code": "1.1\x00"}, "entries.0.criterion_code"),
        ({"weight": 2}, "entries.0.weight"),
    ],
)
async def test_a_scorecard_entry_with_hostile_fields_is_refused_and_the_card_is_unchanged(
    client, people, card, captured, entry, field
):
    url = f"/v1/scorecards/{card['id']}"
    before = (await client.get(url, headers=people["admin"])).json()
    history = (await client.get(f"{url}/history", headers=people["admin"])).json()["total"]

    body = {"entries": [{"criterion_code": "1.1", "self_score": 10, **entry}]}
    _invalid(await client.patch(url, headers=people["manager"], json=body), field)

    assert (await client.get(url, headers=people["admin"])).json() == before
    assert (await client.get(f"{url}/history", headers=people["admin"])).json()["total"] == history
    _assert_logs_hold_none_of(captured, SECRET_NOTE)


async def test_a_note_of_two_thousand_characters_is_stored_with_its_lines(client, people, card):
    note = ("Dòng một\tcột\r\nDòng hai " * 100)[:2000]
    response = await client.patch(
        f"/v1/scorecards/{card['id']}",
        headers=people["manager"],
        json={"entries": [{"criterion_code": "1.1", "self_score": 10, "note": note}]},
    )
    assert response.status_code == 200, response.text
    stored = next(e for e in response.json()["entries"] if e["criterion_code"] == "1.1")
    assert stored["note"] == note.strip()


@pytest.mark.parametrize(
    "body",
    [
        {"reason": "Bổ sung\x00"},
        {"reason": "   "},
        {"reason": "x" * 2001},
        {"reason": None},
        {"reason": "Bổ sung", "extra": 1},
    ],
)
async def test_a_return_with_a_hostile_reason_is_refused_and_the_card_stays_submitted(
    client, people, card, body
):
    url = f"/v1/scorecards/{card['id']}"
    assert (await client.post(f"{url}/submit", headers=people["manager"])).status_code == 200

    assert_problem(await client.post(f"{url}/return", headers=people["evaluator"], json=body), 422)

    stored = (await client.get(url, headers=people["admin"])).json()
    assert stored["status"] == "submitted"
    assert stored["return_reason"] is None


@pytest.mark.parametrize(
    "change",
    [
        {"subject_name": NAME_WITH_NUL},
        {"subject_name": NAME_WITH_CONTROL},
        {"cluster": "Khối\x00"},
        {"subject_id": "cb 42"},
        {"unit_code": "66-SKHCN\x00"},
        {"subject_name": "x" * 301},
    ],
)
async def test_an_individual_with_hostile_fields_is_refused_and_nothing_is_stored(
    client, people, campaign, captured, published_round, change
):
    round_ = await published_round(
        criteria=[{"code": "1", "title": "Hoàn thành nhiệm vụ", "max_points": 100}], subject_type="individual"
    )
    url = f"/v1/rounds/{round_['id']}/scorecards"
    person = {"subject_id": "cb-0042", "subject_name": "Trần Thị Bích", "unit_code": "66-SKHCN", **change}

    assert_problem(await client.post(url, headers=people["manager"], json=person), 422)

    assert (await client.get(url, headers=people["admin"])).json()["total"] == 0
    _assert_logs_hold_none_of(captured, NAME_WITH_NUL, NAME_WITH_CONTROL)


@pytest.mark.parametrize("cluster", ["Khối\x00Sở", "Khối\x01", "x" * 101])
@pytest.mark.parametrize("path", ["scorecards", "ranking", "ranking.csv", "ranking.xlsx"])
async def test_a_hostile_cluster_in_the_query_is_refused(client, people, card, cluster, path):
    response = await client.get(
        f"/v1/rounds/{card['round_id']}/{path}", headers=people["admin"], params={"cluster": cluster}
    )
    problem = _invalid(response, "query.cluster")
    assert problem["status"] == 422


async def test_generating_for_a_campaign_campaign_api_does_not_know_is_409_not_503(
    client, people, published_round, campaign
):
    round_ = await published_round()
    del campaign.answers[f"/v1/campaigns/{CAMPAIGN_ID}/participants"]  # campaign-api answers 404

    problem = assert_problem(
        await client.post(f"/v1/rounds/{round_['id']}/scorecards/generate", headers=people["admin"]), 409
    )

    assert problem["code"] == "round.campaign_unknown"
    assert (await client.get(f"/v1/rounds/{round_['id']}/scorecards", headers=people["admin"])).json()[
        "total"
    ] == 0


async def test_generating_while_campaign_api_cannot_answer_is_503(client, people, published_round, campaign):
    round_ = await published_round()
    campaign.down = True

    problem = assert_problem(
        await client.post(f"/v1/rounds/{round_['id']}/scorecards/generate", headers=people["admin"]), 503
    )

    assert problem["code"] == "dependency.unavailable"
    assert (await client.get(f"/v1/rounds/{round_['id']}/scorecards", headers=people["admin"])).json()[
        "total"
    ] == 0


async def test_publishing_a_set_of_a_campaign_campaign_api_does_not_know_is_409(client, people, campaign):
    created = await client.post(
        "/v1/criteria-sets", headers=people["admin"], json=new_set(criteria=COLLECTIVE)
    )
    url = f"/v1/criteria-sets/{created.json()['id']}"
    del campaign.answers[f"/v1/campaigns/{CAMPAIGN_ID}/targets"]

    problem = assert_problem(await client.post(f"{url}/publish", headers=people["admin"]), 409)

    assert problem["code"] == "criteria_set.campaign_unknown"
    assert (await client.get(url, headers=people["admin"])).json()["status"] == "draft"


async def test_compute_for_a_campaign_without_kpis_leaves_target_criteria_pending(
    client, people, published_round, campaign, literacy
):
    round_ = await published_round()
    generated = await client.post(f"/v1/rounds/{round_['id']}/scorecards/generate", headers=people["admin"])
    assert generated.status_code == 200
    del campaign.answers[f"/v1/campaigns/{CAMPAIGN_ID}/kpis"]

    result = await client.post(f"/v1/rounds/{round_['id']}/compute", headers=people["admin"])

    assert result.status_code == 200, result.text
    assert result.json()["unavailable"] == []
    assert all("1.2" in pending for pending in result.json()["pending"].values())


@pytest.mark.parametrize(
    ("path", "params"),
    [
        *[
            (path, params)
            for path in ("/v1/criteria-sets", "/v1/rounds")
            for params in ({"offset": str(2**63)}, {"offset": "-1"}, {"limit": "0"}, {"limit": "x\x00"})
        ],
        ("/v1/criteria-sets", {"campaign_id": "7d1f3c2a\x00"}),
        ("/v1/criteria-sets", {"subject_type": "collective\x00"}),
        ("/v1/rounds", {"criteria_set_id": "x\x00"}),
    ],
)
async def test_hostile_paging_and_filters_on_the_lists_are_refused(client, people, path, params):
    assert_problem(await client.get(path, headers=people["admin"], params=params), 422)


async def test_a_body_past_the_limit_without_a_token_is_refused_before_it_is_read(client):
    response = await client.post(
        "/v1/criteria-sets",
        content=b"{" + b" " * (2 * 1024 * 1024) + b"}",
        headers={"Content-Type": "application/json"},
    )
    problem = assert_problem(response, 413)
    assert problem["code"] == "request.too_large"


async def test_a_manager_acting_for_another_unit_is_told_in_vietnamese(
    client, people, published_round, captured
):
    round_ = await published_round(
        criteria=[{"code": "1", "title": "Hoàn thành nhiệm vụ", "max_points": 100}], subject_type="individual"
    )
    person = {"subject_id": "cb-0042", "subject_name": "Trần Thị Bích", "unit_code": "66-SYT"}

    problem = assert_problem(
        await client.post(f"/v1/rounds/{round_['id']}/scorecards", headers=people["manager"], json=person),
        403,
    )

    assert problem["code"] == "unit.out_of_scope"
    assert problem["detail"] == "Bạn không được thao tác thay cho đơn vị 66-SYT."
    _assert_logs_hold_none_of(captured, "Trần Thị Bích")


async def test_reads_and_writes_while_postgresql_is_down_are_503_problems(
    service_under_test, token_factory, captured
):
    app = service_under_test.build_app(make_url("postgresql+asyncpg://nobody:x@127.0.0.1:1/none"))
    admin = token_factory.auth("admin-1", roles=["admin"])
    async with app.router.lifespan_context(app):
        app.state.token_verifier.trust(token_factory.trusted_issuer(), token_factory.key_source())
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            listing = await http.get("/v1/rounds", headers=admin)
            created = await http.post(
                "/v1/criteria-sets", headers=admin, json=new_set(name="Bộ của Nguyễn Văn Mật")
            )
    for response in (listing, created):
        assert assert_problem(response, 503)["code"] == "database.unavailable"
    _assert_logs_hold_none_of(captured, "Bộ của Nguyễn Văn Mật")


async def test_renaming_a_set_onto_another_sets_name_and_version_is_409_not_500(client, people):
    first = await client.post("/v1/criteria-sets", headers=people["admin"], json=new_set(name="Bộ A"))
    second = await client.post("/v1/criteria-sets", headers=people["admin"], json=new_set(name="Bộ B"))
    url = f"/v1/criteria-sets/{second.json()['id']}"

    problem = assert_problem(await client.patch(url, headers=people["admin"], json={"name": "Bộ A"}), 409)

    assert problem["code"] == "criteria_set.version_taken"
    assert (await client.get(url, headers=people["admin"])).json()["name"] == "Bộ B"
    assert first.status_code == 201
