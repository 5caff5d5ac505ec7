"""Composite indices through the API: a 4-unit example computed by hand, sources fetched and degraded,
values all or nothing (JSON and xlsx), immutable published frameworks, the uncertainty of a run."""

import io

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from scoring_api.database import audit_event
from scoring_api.indices.models import IndexRun

CAMPAIGN_ID = "7d1f3c2a-0000-4000-8000-00000000c001"  # the campaign of the doubles (conftest)

# P1 (weight 1) = I1 goalposts 0..10 (weight 1) and I2 rank (weight 3); P2 (weight 1) = I3, the units'
# training rate (literacy double: 66-SKHCN 0.8, 66-SYT 0.25, 66-STC 1, 66-X1 0.5). The campaign's participants
# give the clusters: Khối Sở (three departments) and Cụm xã 1 (66-X1).
FRAMEWORK = {
    "name": "Chỉ số thử",
    "subject_kind": "unit",
    "campaign_id": str(CAMPAIGN_ID),
    "nodes": [
        {
            "code": "P1",
            "title": "Chính quyền số",
            "children": [
                {
                    "code": "I1",
                    "title": "Chỉ tiêu 1",
                    "indicator": {"source": "manual", "normalisation": "goalposts", "goalposts": [0, 10]},
                },
                {
                    "code": "I2",
                    "title": "Chỉ tiêu 2",
                    "weight": 3,
                    "indicator": {"source": "uploaded", "normalisation": "rank"},
                },
            ],
        },
        {
            "code": "P2",
            "title": "Xã hội số",
            "children": [
                {
                    "code": "I3",
                    "title": "Bồi dưỡng kỹ năng số",
                    "indicator": {
                        "source": "training_rate",
                        "normalisation": "goalposts",
                        "goalposts": [0, 1],
                    },
                }
            ],
        },
    ],
}
UNITS = ("66-SKHCN", "66-SYT", "66-STC", "66-X1")
RAW = (1, 2, 4, 9)


def _values(indicator: str, raw=RAW) -> list[dict]:
    return [
        {"subject_code": u, "indicator_code": indicator, "value": v} for u, v in zip(UNITS, raw, strict=True)
    ]


@pytest.fixture
def published(client, people, campaign, literacy):
    async def make(framework=FRAMEWORK, *, values=True) -> str:
        admin = people["admin"]
        created = await client.post("/v1/index-frameworks", headers=admin, json=framework)
        assert created.status_code == 201, created.text
        framework_id = created.json()["id"]
        assert (
            await client.post(f"/v1/index-frameworks/{framework_id}/publish", headers=admin)
        ).status_code == 200
        if values:
            items = _values("I1") + _values("I2")
            sent = await client.post(
                f"/v1/index-frameworks/{framework_id}/values", headers=admin, json={"items": items}
            )
            assert sent.status_code == 200, sent.text
            assert sent.json()["total"] == 8
        return framework_id

    return make


def _by_unit(run: dict) -> dict[str, dict]:
    return {r["subject_code"]: r for r in run["results"]}


async def test_a_run_scores_and_ranks_the_four_units_as_computed_by_hand(client, people, published):
    framework_id = await published()
    run = await client.post(
        "/v1/index-runs", headers=people["admin"], json={"framework_id": framework_id, "period": "2025"}
    )
    assert run.status_code == 201, run.text
    results = _by_unit(run.json())
    # P1 = (I1 + 3 × I2) / 4 with I1 = x / 10 and I2 = rank / 4; overall = (P1 + P2) / 2
    expected = {
        "66-SKHCN": (0.50625, 3, 2, (0.2125, 4), (0.8, 2)),
        "66-SYT": (0.3375, 4, 3, (0.425, 3), (0.25, 4)),
        "66-STC": (0.83125, 1, 1, (0.6625, 2), (1.0, 1)),
        "66-X1": (0.7375, 2, 1, (0.975, 1), (0.5, 3)),
    }
    for unit, (score, rank, cluster_rank, p1, p2) in expected.items():
        got = results[unit]
        assert got["score"] == pytest.approx(score)
        assert (got["rank"], got["cluster_rank"]) == (rank, cluster_rank)
        assert [(p["code"], p["score"], p["rank"]) for p in got["pillars"]] == [
            ("P1", pytest.approx(p1[0]), p1[1]),
            ("P2", pytest.approx(p2[0]), p2[1]),
        ]
        assert got["missing"] == []
        assert got["previous_rank"] is None
    assert [r["subject_code"] for r in run.json()["results"]] == ["66-STC", "66-X1", "66-SKHCN", "66-SYT"]
    assert results["66-X1"]["cluster"] == "Cụm xã 1"
    assert results["66-X1"]["subject_name"] == "UBND xã Hòa Phú"  # the campaign's participant
    assert {s["source"]: s["status"] for s in run.json()["report"]["sources"]} == {
        "manual": "ok",
        "uploaded": "ok",
        "training_rate": "ok",
    }

    # 66-SKHCN's I2 becomes the highest: I2 ranks 1, 0.25, 0.5, 0.75, so P1 = 0.775, 0.2375, 0.475, 0.7875
    changed = await client.post(
        f"/v1/index-frameworks/{framework_id}/values",
        headers=people["admin"],
        json={"items": [{"subject_code": "66-SKHCN", "indicator_code": "I2", "value": 100}]},
    )
    assert changed.json() == {"framework_id": framework_id, "written": 1, "total": 8}
    second = await client.post(
        "/v1/index-runs", headers=people["admin"], json={"framework_id": framework_id, "period": "2026"}
    )
    assert second.json()["previous_run_id"] == run.json()["id"]
    again = _by_unit(second.json())
    assert again["66-SKHCN"]["score"] == pytest.approx(0.7875)
    assert {u: (r["rank"], r["previous_rank"], r["rank_change"]) for u, r in again.items()} == {
        "66-SKHCN": (1, 3, 2),
        "66-STC": (2, 1, -1),
        "66-X1": (3, 2, -1),
        "66-SYT": (4, 4, 0),
    }

    read = await client.get(f"/v1/index-runs/{second.json()['id']}", headers=people["viewer"])
    assert read.status_code == 200
    assert read.headers["ETag"]
    assert read.json()["results"] == second.json()["results"]
    assert read.json()["allowed_actions"] == ["export"]

    sheet = await client.get(f"/v1/index-runs/{second.json()['id']}.xlsx", headers=people["viewer"])
    rows = list(load_workbook(io.BytesIO(sheet.content)).active.iter_rows(values_only=True))
    assert rows[0][:8] == (
        "rank",
        "subject_code",
        "subject_name",
        "cluster",
        "score",
        "cluster_rank",
        "previous_rank",
        "rank_change",
    )
    assert rows[1][:8] == (1, "66-SKHCN", "Sở Khoa học và Công nghệ", "Khối Sở", 0.7875, 1, 3, 2)


async def test_a_service_that_does_not_answer_leaves_its_indicators_missing(
    client, people, published, literacy
):
    framework_id = await published()
    literacy.down = True
    run = await client.post(
        "/v1/index-runs", headers=people["admin"], json={"framework_id": framework_id, "period": "2025"}
    )
    assert run.status_code == 201, run.text
    body = run.json()
    assert {s["source"]: s["status"] for s in body["report"]["sources"]}["training_rate"] == "unavailable"
    assert body["report"]["missing_values"] == 4
    results = _by_unit(body)
    # P2 is missing for everyone: the overall score is P1 alone (reweighted)
    assert results["66-X1"]["score"] == pytest.approx(0.975)
    assert results["66-X1"]["missing"] == ["I3"]
    assert results["66-X1"]["pillars"][1] == {"code": "P2", "score": None, "rank": None}


async def test_a_geometric_mean_with_a_zero_refuses_clearly_and_stores_nothing(client, people, published):
    framework = {
        **FRAMEWORK,
        "name": "Chỉ số nhân",
        "aggregation": "geometric",
        "nodes": [
            {
                "code": "P1",
                "title": "Trụ cột",
                "aggregation": "geometric",
                "children": [
                    {"code": "I1", "title": "Chỉ tiêu 1", "indicator": {"source": "manual"}},
                    {
                        "code": "I2",
                        "title": "Chỉ tiêu 2",
                        "indicator": {"source": "manual", "normalisation": "rank"},
                    },
                ],
            }
        ],
    }
    framework_id = await published(framework)
    refused = await client.post(
        "/v1/index-runs",
        headers={**people["admin"], "Accept-Language": "en"},
        json={"framework_id": framework_id, "period": "2025"},
    )
    assert refused.status_code == 422
    problem = refused.json()
    assert problem["code"] == "index.non_positive_input"
    # min–max gives the lowest unit (66-SKHCN, I1 = 1) a 0
    assert problem["detail"] == (
        "The geometric mean of 'P1' cannot be computed: the value of 'I1' (unit 66-SKHCN) is not above 0. "
        "Geometric and harmonic means take positive values only; use the arithmetic mean or a normalisation "
        "giving positive values (rank, goalposts)."
    )
    runs = await client.get(f"/v1/index-runs?framework_id={framework_id}", headers=people["admin"])
    assert runs.json()["total"] == 0


async def test_values_are_written_all_or_none(client, people, published):
    framework_id = await published(values=False)
    items = [*_values("I1"), {"subject_code": "66-SYT", "indicator_code": "I3", "value": 1}]
    refused = await client.post(
        f"/v1/index-frameworks/{framework_id}/values", headers=people["admin"], json={"items": items}
    )
    assert refused.status_code == 422
    assert refused.json()["code"] == "index_values.invalid"
    assert [e["field"] for e in refused.json()["errors"]] == ["items[4].indicator_code"]
    viewer = await client.post(
        f"/v1/index-frameworks/{framework_id}/values", headers=people["viewer"], json={"items": _values("I1")}
    )
    assert viewer.status_code == 403
    nothing = await client.post(
        "/v1/index-runs", headers=people["admin"], json={"framework_id": framework_id, "period": "2025"}
    )
    assert nothing.json()["report"]["missing_values"] == 8  # neither I1 nor I2 has a value


def _workbook(rows) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "values"
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


async def test_the_xlsx_template_and_its_import_report_bad_rows_and_write_nothing(client, people, published):
    framework_id = await published(values=False)
    template = await client.get(
        f"/v1/index-frameworks/{framework_id}/values/template.xlsx", headers=people["viewer"]
    )
    header = next(load_workbook(io.BytesIO(template.content)).active.iter_rows(values_only=True))
    assert header == ("subject_code", "I1", "I2")
    url = f"/v1/index-frameworks/{framework_id}/values.xlsx"
    bad = _workbook([header, ("66-SKHCN", 1, 2), ("66-SYT", "nhiều", 3), ("bad code!", 1, 1)])
    refused = await client.post(url, headers=people["admin"], files={"file": ("v.xlsx", bad)})
    assert refused.status_code == 422
    assert refused.json()["code"] == "index_values.bad_rows"
    assert [e["field"] for e in refused.json()["errors"]] == ["line 3", "line 4"]
    good = _workbook([header, ("66-SKHCN", 1, 2), ("66-SYT", "2,5", None)])
    imported = await client.post(url, headers=people["admin"], files={"file": ("v.xlsx", good)})
    assert imported.status_code == 200, imported.text
    assert imported.json()["written"] == 3
    assert imported.json()["total"] == 3
    forbidden = await client.post(url, headers=people["manager"], files={"file": ("v.xlsx", good)})
    assert forbidden.status_code == 403
    not_a_book = await client.post(url, headers=people["admin"], files={"file": ("v.xlsx", b"x" * 40)})
    assert not_a_book.json()["code"] == "index_values.not_a_workbook"


async def test_a_published_framework_is_immutable_and_a_new_version_is_a_copy(client, people, published):
    framework_id = await published()
    admin = people["admin"]
    current = await client.get(f"/v1/index-frameworks/{framework_id}", headers=admin)
    assert current.json()["allowed_actions"] == ["copy", "values", "run"]
    patched = await client.patch(
        f"/v1/index-frameworks/{framework_id}",
        headers={**admin, "If-Match": current.headers["ETag"]},
        json={"name": "Đổi tên"},
    )
    assert patched.status_code == 409
    assert patched.json()["code"] == "index_framework.wrong_state"
    copy = await client.post(f"/v1/index-frameworks/{framework_id}/copy", headers=admin)
    assert copy.status_code == 201
    assert (copy.json()["version"], copy.json()["status"], copy.json()["copied_from"]) == (
        2,
        "draft",
        framework_id,
    )
    assert copy.json()["nodes"] == current.json()["nodes"]
    not_yet = await client.post(
        "/v1/index-runs", headers=admin, json={"framework_id": copy.json()["id"], "period": "2025"}
    )
    assert not_yet.status_code == 409
    assert not_yet.json()["code"] == "index_framework.not_published"
    draft = await client.get(f"/v1/index-frameworks/{copy.json()['id']}", headers=admin)
    stale = await client.patch(
        f"/v1/index-frameworks/{copy.json()['id']}",
        headers={**admin, "If-Match": '"old"'},
        json={"name": "Mới"},
    )
    assert stale.status_code == 412
    renamed = await client.patch(
        f"/v1/index-frameworks/{copy.json()['id']}",
        headers={**admin, "If-Match": draft.headers["ETag"]},
        json={"missing": "impute_group_mean"},
    )
    assert renamed.status_code == 200
    assert renamed.json()["missing"] == "impute_group_mean"


async def test_a_tree_that_cannot_be_used_is_refused_with_each_problem(client, people):
    bad = {
        "name": "Sai",
        "subject_kind": "commune",
        "total_points": 100,
        "nodes": [
            {
                "code": "P1",
                "title": "Trụ cột",
                "weight": 60,
                "children": [
                    {
                        "code": "I1",
                        "title": "A",
                        "weight": 50,
                        "indicator": {"normalisation": "distance_to_target"},
                    },
                    {"code": "I1", "title": "B", "weight": 20, "indicator": {"source": "target_progress"}},
                ],
            }
        ],
    }
    refused = await client.post(
        "/v1/index-frameworks", headers={**people["admin"], "Accept-Language": "en"}, json=bad
    )
    assert refused.status_code == 422
    assert refused.json()["code"] == "index_framework.invalid"
    messages = [e["message"] for e in refused.json()["errors"]]
    assert "The weights below 'P1' add up to 70; they must add up to 60." in messages
    assert "The weights below '-' add up to 60; they must add up to 100." in messages
    assert "Code 'I1' is used more than once; codes are unique across the framework." in messages
    assert "Indicator 'I1' is normalised by distance to target: it needs a target." in messages
    assert "Indicator 'I1' reads a target's progress: it needs a target_code." in messages
    listed = await client.get("/v1/index-frameworks", headers=people["admin"])
    assert listed.json()["total"] == 0


async def test_uncertainty_is_reproducible_with_its_seed(client, people, published):
    framework_id = await published()
    admin = people["admin"]
    run = await client.post(
        "/v1/index-runs", headers=admin, json={"framework_id": framework_id, "period": "2025"}
    )
    url = f"/v1/index-runs/{run.json()['id']}/uncertainty"
    body = {"samples": 500, "weight_spread": 0.5, "normalisations": ["minmax"], "seed": 42}
    first = await client.post(url, headers=admin, json=body)
    assert first.status_code == 200, first.text
    again = await client.post(url, headers=admin, json=body)
    assert again.json() == first.json()
    result = first.json()
    # 5 weights and the normalisation: 6 inputs, N = 2^floor(log2(500 / 8)) = 32, 32 × 8 evaluations
    assert result["samples"] == 256
    nominal = {r["subject_code"]: r["rank"] for r in run.json()["results"]}
    for interval in result["ranks"]:
        assert interval["p05"] <= nominal[interval["subject_code"]] <= interval["p95"]
    assert [s["input"] for s in result["sensitivity"]] == [
        "weight:I1",
        "weight:I2",
        "weight:I3",
        "weight:P1",
        "weight:P2",
        "normalisation",
    ]
    stored = await client.get(f"/v1/index-runs/{run.json()['id']}", headers=people["viewer"])
    assert stored.json()["uncertainty"] == result
    forbidden = await client.post(url, headers=people["evaluator"], json=body)
    assert forbidden.status_code == 403
    too_few = await client.post(
        url, headers=admin, json={**body, "samples": 16, "aggregations": ["harmonic"]}
    )
    assert too_few.json()["code"] == "index_uncertainty.too_few_samples"


async def test_changes_are_audited(client, people, published, app):
    framework_id = await published()
    run = await client.post(
        "/v1/index-runs", headers=people["admin"], json={"framework_id": framework_id, "period": "2025"}
    )
    async with app.state.database.sessionmaker() as session:
        actions = (
            await session.scalars(
                select(audit_event.c.action).where(
                    audit_event.c.object_id.in_([framework_id, run.json()["id"]])
                )
            )
        ).all()
    assert set(actions) >= {
        "index_framework.created",
        "index_framework.published",
        "index_values.written",
        "index_run.created",
    }


async def test_a_criterion_scores_max_times_the_units_index_score(client, people, published, published_round):
    framework_id = await published()
    admin = people["admin"]
    run = await client.post(
        "/v1/index-runs", headers=admin, json={"framework_id": framework_id, "period": "2025"}
    )
    assert run.status_code == 201
    missing_framework = await client.post(
        "/v1/criteria-sets",
        headers={**admin, "Accept-Language": "en"},
        json={
            "campaign_id": CAMPAIGN_ID,
            "subject_type": "collective",
            "name": "Thiếu khung",
            "criteria": [{"code": "1", "title": "Chỉ số", "max_points": 20, "method": "index_score"}],
        },
    )
    assert missing_framework.status_code == 422
    assert missing_framework.json()["errors"][0]["message"] == (
        "Criterion '1': method 'index_score' needs an index_framework_id."
    )
    round_ = await published_round(
        criteria=[
            {
                "code": "1",
                "title": "Chỉ số chuyển đổi số của tỉnh",
                "max_points": 20,
                "method": "index_score",
                "index_framework_id": framework_id,
            }
        ]
    )
    generated = await client.post(f"/v1/rounds/{round_['id']}/scorecards/generate", headers=admin)
    cards = {c["subject_id"]: c["id"] for c in generated.json()["items"]}
    computed = await client.post(f"/v1/rounds/{round_['id']}/compute", headers=admin)
    assert computed.status_code == 200, computed.text
    expected = {
        "66-SKHCN": "10.1250",
        "66-SYT": "6.7500",
        "66-STC": "16.6250",
        "66-X1": "14.7500",
    }  # 20 × score
    for unit, points in expected.items():
        card = (await client.get(f"/v1/scorecards/{cards[unit]}", headers=admin)).json()
        entry = next(e for e in card["entries"] if e["criterion_code"] == "1")
        assert entry["auto_score"] == points
        assert entry["auto_source"]["source"] == f"index_run:{run.json()['id']}"


CONTEST_FRAMEWORK = {
    "name": "Chỉ số thi",
    "subject_kind": "unit",
    "campaign_id": CAMPAIGN_ID,
    "nodes": [
        # P1 is I1 alone (the first indicator of FRAMEWORK: manual, goalposts 0..10)
        {**FRAMEWORK["nodes"][0], "children": FRAMEWORK["nodes"][0]["children"][:1]},
        {
            "code": "P2",
            "title": "Xã hội số",
            "children": [
                {
                    "code": "C1",
                    "title": "Tham gia cuộc thi",
                    "indicator": {
                        "source": "contest_participation",
                        "normalisation": "goalposts",
                        "goalposts": [0, 1],
                    },
                }
            ],
        },
    ],
}


async def test_contest_participation_is_read_from_campaign_api_and_degrades_when_it_is_down(
    client, people, published, campaign
):
    # campaign-api's /v1/campaigns/{id}/contest-participation: 66-STC has no staff, so no rate.
    campaign.answers[f"/v1/campaigns/{CAMPAIGN_ID}/contest-participation"] = {
        "items": [
            {
                "unit_code": "66-SKHCN",
                "contests": 2,
                "participants": 10,
                "staff_count": 20,
                "participation_rate": 0.5,
            },
            {
                "unit_code": "66-SYT",
                "contests": 2,
                "participants": 4,
                "staff_count": 20,
                "participation_rate": 0.2,
            },
            {
                "unit_code": "66-STC",
                "contests": 2,
                "participants": 0,
                "staff_count": 0,
                "participation_rate": None,
            },
            {
                "unit_code": "66-X1",
                "contests": 1,
                "participants": 9,
                "staff_count": 10,
                "participation_rate": 0.9,
            },
        ],
        "total": 4,
    }
    framework_id = await published(CONTEST_FRAMEWORK, values=False)
    admin = people["admin"]
    sent = await client.post(
        f"/v1/index-frameworks/{framework_id}/values", headers=admin, json={"items": _values("I1")}
    )
    assert sent.status_code == 200, sent.text
    run = await client.post(
        "/v1/index-runs", headers=admin, json={"framework_id": framework_id, "period": "2025"}
    )
    assert run.status_code == 201, run.text
    assert any(r.url.path.endswith("/contest-participation") for r in campaign.requests)
    results = _by_unit(run.json())
    # P1 = x / 10 (0.1, 0.2, 0.4, 0.9), P2 = the rate; 66-STC has no P2: its score is P1 alone (reweighted)
    assert {u: (r["score"], r["rank"]) for u, r in results.items()} == {
        "66-SKHCN": (pytest.approx(0.3), 3),
        "66-SYT": (pytest.approx(0.2), 4),
        "66-STC": (pytest.approx(0.4), 2),
        "66-X1": (pytest.approx(0.9), 1),
    }
    assert results["66-STC"]["missing"] == ["C1"]
    assert results["66-X1"]["subject_name"] == "UBND xã Hòa Phú"
    assert {s["source"]: s["status"] for s in run.json()["report"]["sources"]} == {
        "manual": "ok",
        "contest_participation": "ok",
    }

    campaign.down = True
    degraded = await client.post(
        "/v1/index-runs", headers=admin, json={"framework_id": framework_id, "period": "2025"}
    )
    assert degraded.status_code == 201, degraded.text
    sources = {s["source"]: s["status"] for s in degraded.json()["report"]["sources"]}
    assert sources == {
        "participants": "unavailable",
        "unit_names": "unavailable",
        "manual": "ok",
        "contest_participation": "unavailable",
    }
    # the units come from the values sent; every score is P1 alone, and the names are not known
    again = _by_unit(degraded.json())
    assert {u: r["score"] for u, r in again.items()} == {
        "66-SKHCN": pytest.approx(0.1),
        "66-SYT": pytest.approx(0.2),
        "66-STC": pytest.approx(0.4),
        "66-X1": pytest.approx(0.9),
    }
    assert {r["subject_name"] for r in again.values()} == {None}
    assert again["66-X1"]["missing"] == ["C1"]


async def test_results_name_the_units_from_the_directory(client, people, published, campaign):
    campaign.answers["/v1/units"] = {
        "items": [
            {"code": "66-SKHCN", "name": "Sở Khoa học và Công nghệ", "commune_code": None},
            {"code": "66-SYT", "name": "Sở Y tế", "commune_code": None},
            {"code": "66-STC", "name": "Sở Tài chính", "commune_code": None},
            {"code": "66-X1", "name": "UBND xã Hòa Phú", "commune_code": "24121"},
        ],
        "total": 4,
    }
    framework = {**FRAMEWORK, "campaign_id": None, "nodes": FRAMEWORK["nodes"][:1]}
    framework_id = await published(framework)
    run = await client.post(
        "/v1/index-runs", headers=people["admin"], json={"framework_id": framework_id, "period": "2025"}
    )
    assert run.status_code == 201, run.text
    assert {r["subject_code"]: r["subject_name"] for r in run.json()["results"]} == {
        "66-SKHCN": "Sở Khoa học và Công nghệ",
        "66-SYT": "Sở Y tế",
        "66-STC": "Sở Tài chính",
        "66-X1": "UBND xã Hòa Phú",
    }
    directory_calls = [r for r in campaign.requests if r.url.path == "/v1/units"]
    # one page of the directory, units of every kind (a framework of `unit`s)
    assert [dict(r.url.params) for r in directory_calls] == [{"limit": "500", "offset": "0"}]
    uncertainty = await client.post(
        f"/v1/index-runs/{run.json()['id']}/uncertainty",
        headers=people["admin"],
        json={"samples": 64, "weight_spread": 0.5, "seed": 3},
    )
    assert {r["subject_code"]: r["subject_name"] for r in uncertainty.json()["ranks"]}["66-SYT"] == "Sở Y tế"
    sheet = await client.get(f"/v1/index-runs/{run.json()['id']}.xlsx", headers=people["viewer"])
    rows = list(load_workbook(io.BytesIO(sheet.content)).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("rank", "subject_code", "subject_name")
    assert {row[1]: row[2] for row in rows[1:]}["66-STC"] == "Sở Tài chính"


async def _runs_and_events(app, framework_id: str) -> tuple[int, int]:
    async with app.state.database.sessionmaker() as session:
        runs = await session.scalar(
            select(func.count()).select_from(IndexRun).where(IndexRun.framework_id == framework_id)
        )
        events = await session.scalar(select(func.count()).select_from(audit_event))
    return runs or 0, events or 0


async def test_a_manager_reads_and_runs_only_the_units_of_their_scope(client, people, published, app):
    framework_id = await published()
    admin, manager = people["admin"], people["manager"]  # the manager acts for 66-SKHCN (and its centre)
    whole = await client.post(
        "/v1/index-runs", headers=admin, json={"framework_id": framework_id, "period": "2025"}
    )
    analysed = await client.post(
        f"/v1/index-runs/{whole.json()['id']}/uncertainty",
        headers=admin,
        json={"samples": 64, "weight_spread": 0.5, "seed": 1},
    )
    assert analysed.status_code == 200

    read = await client.get(f"/v1/index-runs/{whole.json()['id']}", headers=manager)
    assert read.status_code == 200
    # their own unit's row, with its rank in the province's run (3rd of 4, as computed by hand above)
    assert [(r["subject_code"], r["rank"]) for r in read.json()["results"]] == [("66-SKHCN", 3)]
    assert [r["subject_code"] for r in read.json()["uncertainty"]["ranks"]] == ["66-SKHCN"]
    assert read.json()["allowed_actions"] == ["export"]
    sheet = await client.get(f"/v1/index-runs/{whole.json()['id']}.xlsx", headers=manager)
    rows = list(load_workbook(io.BytesIO(sheet.content)).active.iter_rows(values_only=True))
    assert [row[1] for row in rows[1:]] == ["66-SKHCN"]
    framework = await client.get(f"/v1/index-frameworks/{framework_id}", headers=manager)
    assert framework.json()["allowed_actions"] == ["run"]

    # Another unit named: 403, and nothing is run or recorded.
    before = await _runs_and_events(app, framework_id)
    refused = await client.post(
        "/v1/index-runs",
        headers={**manager, "Accept-Language": "en"},
        json={"framework_id": framework_id, "period": "2025", "subject_codes": ["66-SKHCN", "66-SYT"]},
    )
    assert refused.status_code == 403
    assert refused.json()["code"] == "unit.out_of_scope"
    assert refused.json()["detail"] == "You may not act for unit 66-SYT."
    assert await _runs_and_events(app, framework_id) == before

    # Without subject_codes, the manager's run covers their scope only, and it is not the province's run.
    own = await client.post(
        "/v1/index-runs", headers=manager, json={"framework_id": framework_id, "period": "2025"}
    )
    assert own.status_code == 201, own.text
    assert [(r["subject_code"], r["rank"]) for r in own.json()["results"]] == [("66-SKHCN", 1)]
    assert own.json()["previous_run_id"] is None
    province = await client.post(
        "/v1/index-runs", headers=admin, json={"framework_id": framework_id, "period": "2026"}
    )
    assert province.json()["previous_run_id"] == whole.json()["id"]
    assert len(province.json()["results"]) == 4
    before = await _runs_and_events(app, framework_id)
    analyse = await client.post(
        f"/v1/index-runs/{own.json()['id']}/uncertainty", headers=manager, json={"samples": 64, "seed": 1}
    )
    assert analyse.status_code == 403
    assert await _runs_and_events(app, framework_id) == before
