"""Scoring at provincial scale (issue #14): compute and ranking of a round of 1,000 and of 10,000 scorecards ×
40 criteria.

Each size has its own movement in campaign-api (its units enrolled, five targets, each unit's accepted
progress report) and its own published criteria set and round in scoring-api: 40 leaves under 8 groups of 5
(five `target_progress`, one `training_rate`, one `contest_participation`, three `boolean`, thirty `manual`),
with four bands. The units, their enrolment and reports, and the scorecards with their self-assessment are
written straight into PostgreSQL, set-based, as they would stand once every unit has reported and assessed
itself; the movement, its targets, the criteria set and the rounds go through the API.

Measured, straight to scoring-api (the gateway's per-address limits are not what is measured), with the
administrator's token: the first `POST /v1/rounds/{id}/compute` (it fills every automatic criterion, writes
every scorecard and its audit event, calling campaign-api for the KPIs and the contest participation and
digital-literacy-api for the units' training rates) plus `GET /v1/rounds/{id}/ranking` (the median of three).

- **compute + ranking of 10,000 scorecards ÷ the bar of 2 s** (aim ≤ 1);
- **10,000 ÷ 1,000** (aim ≤ 12: linear);
- for information, `GET /v1/rounds/{id}/ranking.xlsx` of 10,000 rows ÷ the ranking it exports.

Full scale is only 10,000 scorecards, so `BENCH_SCALE` scales the larger round (1 → 10,000; at least 2,000);
the smaller one is always a tenth of it. `BENCH_PARTS` must name `scoring` (or be unset).
"""

from __future__ import annotations

import asyncio
import os
import statistics
import time

import asyncpg
import httpx
from bench_literacy import _pg_url, admin_token
from run import Result
from stack import Stack, platform

OFFERS = ("scoring",)
"""The parts of `BENCH_PARTS` this module measures."""
SCALE = float(os.environ.get("BENCH_SCALE", "1"))
PARTS = set(os.environ.get("BENCH_PARTS", "scoring").split(","))
LARGE = max(2_000, int(10_000 * SCALE))
SMALL = LARGE // 10
BAR_MS = 2_000.0
TARGETS = ("SOHOA", "DVCTT", "HSCV", "CKS", "TTHC")
GROUPS = 8
LEAVES_PER_GROUP = 5
LEAF_POINTS = 2.5
PROVINCE = "66"


def _leaf(group: int, n: int) -> dict:
    """Leaf n of group `group` (1-based): the automatic ones are spread over the first groups."""
    code = f"{group}.{n}"
    leaf: dict = {"code": code, "title": f"Tiêu chí {code}", "max_points": LEAF_POINTS}
    if group == 1:
        leaf |= {
            "method": "target_progress",
            "target_code": TARGETS[n - 1],
            "title": f"Chỉ tiêu {TARGETS[n - 1]}",
        }
    elif group == 2 and n == 1:
        leaf |= {"method": "training_rate", "title": "Tỷ lệ cán bộ hoàn thành bồi dưỡng kỹ năng số"}
    elif group == 2 and n == 2:
        leaf |= {"method": "contest_participation", "title": "Tỷ lệ tham gia cuộc thi trực tuyến"}
    elif group == 3 and n <= 3:
        leaf |= {"method": "boolean", "title": f"Đáp ứng yêu cầu {code}"}
    return leaf


CRITERIA = [
    {
        "code": str(group),
        "title": f"Nhóm tiêu chí {group}",
        # The eighth group is capped below the sum of its leaves, so totals go through the cap.
        "max_points": LEAF_POINTS * LEAVES_PER_GROUP - (2.5 if group == GROUPS else 0),
        "children": [_leaf(group, n) for n in range(1, LEAVES_PER_GROUP + 1)],
    }
    for group in range(1, GROUPS + 1)
]
MANUAL = [
    leaf["code"]
    for group in CRITERIA
    for leaf in group["children"]
    if leaf.get("method", "manual") in ("manual", "boolean")
]
BOOLEAN = {
    leaf["code"] for group in CRITERIA for leaf in group["children"] if leaf.get("method") == "boolean"
}
BANDS = [
    {"label": "Hoàn thành xuất sắc nhiệm vụ", "min_score": 90},
    {"label": "Hoàn thành tốt nhiệm vụ", "min_score": 70},
    {"label": "Hoàn thành nhiệm vụ", "min_score": 50},
    {"label": "Không hoàn thành nhiệm vụ", "min_score": 0},
]


def _check(response: httpx.Response) -> dict:
    if response.status_code not in (200, 201):
        raise RuntimeError(f"{response.request.url.path}: {response.status_code} {response.text[:300]}")
    return dict(response.json())


def _movement(http: httpx.Client, size: int) -> str:
    """A movement with five targets (through the API); its units are enrolled in SQL."""
    campaign = _check(
        http.post(
            "/api/campaign/v1/campaigns",
            json={
                "code": f"CDS-SCORING-{size}",
                "title": f"Phong trào thi đua chuyển đổi số ({size:,} đơn vị)",
                "starts_on": "2025-01-01",
                "ends_on": "2025-12-31",
                "level": "province",
                "organizer_unit_code": PROVINCE,
            },
        )
    )
    for code in TARGETS:
        _check(
            http.post(
                f"/api/campaign/v1/campaigns/{campaign['id']}/targets",
                json={
                    "code": code,
                    "title": f"Chỉ tiêu {code}",
                    "measure": "percent",
                    "baseline": 0,
                    "target": 100,
                    "direction": "increase",
                },
            )
        )
    return str(campaign["id"])


def _round(http: httpx.Client, campaign_id: str, size: int) -> str:
    created = _check(
        http.post(
            "/api/scoring/v1/criteria-sets",
            json={
                "campaign_id": campaign_id,
                "subject_type": "collective",
                "name": f"Bộ tiêu chí chấm điểm chuyển đổi số ({size:,} đơn vị)",
                "criteria": CRITERIA,
                "bands": BANDS,
            },
        )
    )
    _check(http.post(f"/api/scoring/v1/criteria-sets/{created['id']}/publish"))
    round_ = _check(
        http.post(
            "/api/scoring/v1/rounds",
            json={
                "criteria_set_id": created["id"],
                "name": f"Năm 2025 ({size:,} đơn vị)",
                "period_start": "2025-01-01",
                "period_end": "2025-12-31",
            },
        )
    )
    return str(round_["id"])


async def _data(stack: Stack, rounds: dict[int, tuple[str, str]]) -> None:
    """The units (one directory for both sizes), each size's enrolment and accepted reports, and its round's
    scorecards with the self-assessment entered (a deterministic mix of scores), set-based."""
    connection = await asyncpg.connect(_pg_url(stack))
    try:
        await connection.execute(
            """
            INSERT INTO campaign.unit (code, name, name_folded, kind, parent_code, province_code, cluster,
                                       staff_count)
            SELECT format('66-DV%s', lpad(n::text, 5, '0')), format('Đơn vị số %s', n),
                   format('don vi so %s', n), 'agency', $1, $1, format('Cụm thi đua %s', n % 20 + 1), 50
            FROM generate_series(1, $2) AS n
            """,
            PROVINCE,
            LARGE,
        )
        manual = [code for code in MANUAL if code not in BOOLEAN]
        for size, (campaign_id, round_id) in rounds.items():
            await connection.execute(
                """
                INSERT INTO campaign.participant (campaign_id, unit_code)
                SELECT $1::uuid, format('66-DV%s', lpad(n::text, 5, '0')) FROM generate_series(1, $2) AS n
                """,
                campaign_id,
                size,
            )
            # Each unit's accepted report: a value per target spread over 0..110 (so some overshoot).
            await connection.execute(
                """
                INSERT INTO campaign.report (id, campaign_id, unit_code, period_end, values, narrative, evidence,
                                             status, reviewed_at)
                SELECT gen_random_uuid(), $1::uuid, format('66-DV%s', lpad(n::text, 5, '0')), DATE '2025-06-30',
                       (SELECT jsonb_object_agg(t, ((n * 37 + i * 11) % 111)::text)
                        FROM unnest($3::text[]) WITH ORDINALITY AS x(t, i)),
                       '', '[]'::jsonb, 'accepted', now()
                FROM generate_series(1, $2) AS n
                """,
                campaign_id,
                size,
                list(TARGETS),
            )
            # The self-assessment: manual leaves 0..2.5 by quarter points, booleans 0 or 2.5; a tenth of the
            # cards already reviewed (a reviewed score on the first manual leaf), a hundredth approved.
            await connection.execute(
                """
                INSERT INTO scoring.scorecard (id, round_id, subject_type, subject_id, subject_name, unit_code,
                                               cluster, status, entries, auto_sources)
                SELECT gen_random_uuid(), $1::uuid, 'collective', u, format('Đơn vị số %s', n), u,
                       format('Cụm thi đua %s', n % 20 + 1),
                       CASE WHEN n % 100 = 0 THEN 'approved' WHEN n % 10 = 0 THEN 'reviewed' ELSE 'submitted' END,
                       (SELECT jsonb_object_agg(code, jsonb_build_object('self_score',
                                   ((n * 7 + i * 3) % 11 * 0.25)::text, 'note', 'Tự đánh giá')
                                   || CASE WHEN i = 1 AND n % 10 = 0
                                      THEN jsonb_build_object('reviewed_score', '1.5') ELSE '{}' END)
                        FROM unnest($3::text[]) WITH ORDINALITY AS m(code, i))
                       || (SELECT jsonb_object_agg(code, jsonb_build_object('self_score',
                                   CASE WHEN (n + i) % 3 = 0 THEN '0' ELSE '2.5' END))
                           FROM unnest($4::text[]) WITH ORDINALITY AS b(code, i)),
                       '{}'::jsonb
                FROM generate_series(1, $2) AS n, format('66-DV%s', lpad(n::text, 5, '0')) AS u
                """,
                round_id,
                size,
                manual,
                sorted(BOOLEAN),
            )
        await connection.execute(
            "ANALYZE campaign.unit, campaign.participant, campaign.report, scoring.scorecard"
        )
    finally:
        await connection.close()


def _timed(http: httpx.Client, method: str, path: str) -> tuple[float, httpx.Response]:
    start = time.perf_counter()
    response = http.request(method, path)
    elapsed = (time.perf_counter() - start) * 1000
    if response.status_code != 200:
        raise RuntimeError(f"{path}: {response.status_code} {response.text[:300]}")
    return elapsed, response


def _kpis_ms(stack: Stack, headers: dict[str, str], campaign_id: str) -> float:
    """campaign-api's own answer to the batched KPI call that compute makes (median of three)."""
    with httpx.Client(base_url=stack.service_url("campaign"), headers=headers, timeout=300) as http:
        return statistics.median(
            _timed(http, "GET", f"/v1/campaigns/{campaign_id}/kpis")[0] for _ in range(3)
        )


def _measure(http: httpx.Client, round_id: str, size: int) -> tuple[float, float, float]:
    """The first compute's ms, the median ranking's ms and the xlsx export's ms."""
    compute_ms, computed = _timed(http, "POST", f"/v1/rounds/{round_id}/compute")
    result = computed.json()
    if result["scorecards"] != size - size // 100 or result["unavailable"]:
        raise RuntimeError(
            f"compute of {size}: {result['scorecards']} cards, unavailable {result['unavailable']}"
        )
    rankings = []
    for _ in range(3):
        ms, ranked = _timed(http, "GET", f"/v1/rounds/{round_id}/ranking")
        rankings.append(ms)
    if ranked.json()["total"] != size:
        raise RuntimeError(f"ranking of {size}: {ranked.json()['total']} rows")
    sheet_ms, _ = _timed(http, "GET", f"/v1/rounds/{round_id}/ranking.xlsx")
    print(
        f"  scoring {size:,} × {GROUPS * LEAVES_PER_GROUP}: compute {compute_ms:,.0f} ms"
        f" ({result['filled']:,} filled), ranking {', '.join(f'{r:,.0f}' for r in rankings)} ms,"
        f" xlsx {sheet_ms:,.0f} ms; load average {os.getloadavg()[0]:.1f}",
        flush=True,
    )
    return compute_ms, statistics.median(rankings), sheet_ms


def run() -> list[Result]:
    if "scoring" not in PARTS:
        return []
    with platform() as stack:
        token = admin_token(stack)
        headers = {"Authorization": f"Bearer {token}"}
        with httpx.Client(base_url=stack.gateway, headers=headers, timeout=300) as http:
            _check(
                http.post(
                    "/api/campaign/v1/units",
                    json={
                        "code": PROVINCE,
                        "name": "UBND tỉnh",
                        "kind": "province",
                        "province_code": PROVINCE,
                    },
                )
            )
            rounds = {}
            for size in (SMALL, LARGE):
                campaign_id = _movement(http, size)
                rounds[size] = (campaign_id, _round(http, campaign_id, size))
        asyncio.run(_data(stack, rounds))
        with httpx.Client(base_url=stack.service_url("scoring"), headers=headers, timeout=300) as http:
            try:
                small = _measure(http, rounds[SMALL][1], SMALL)
                large = _measure(http, rounds[LARGE][1], LARGE)
                kpis_ms = _kpis_ms(stack, headers, rounds[LARGE][0])
            except Exception:
                print((stack.data_dir / "stack.log").read_text()[-6000:])
                raise
    small_ms, large_ms = small[0] + small[1], large[0] + large[1]
    return [
        Result(
            f"compute + ranking of {LARGE:,} scorecards × 40 criteria ÷ the bar (2 s)",
            large_ms,
            BAR_MS,
            "ms",
            aim=1,
            higher_is_better=False,
        ),
        Result(
            f"compute + ranking: {LARGE:,} scorecards ÷ {SMALL:,}",
            large_ms,
            small_ms,
            "ms",
            aim=12,
            higher_is_better=False,
        ),
        Result(
            f"compute of {LARGE:,} scorecards ÷ campaign-api's KPI answer alone (the batched call it makes)",
            large[0],
            kpis_ms,
            "ms",
        ),
        Result(f"ranking.xlsx of {LARGE:,} rows ÷ the ranking it exports", large[2], large[1], "ms"),
    ]


if __name__ == "__main__":
    for outcome in run():
        print(outcome)
