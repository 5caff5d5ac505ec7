"""Online contests (issue #15): the weekly round's load, tens of thousands of people each starting an attempt,
saving their 15 answers and the prediction, and submitting.

- **cycles/s**: start (`POST /v1/contest-rounds/{id}/attempts`) + answers (`PUT /v1/attempts/{id}/answers`, all
  15 answers and the prediction) + submit (`POST /v1/attempts/{id}/submit`), one cycle per registered
  participant, over 64 connections straight to campaign-api (the gateway's per-address limit would otherwise
  be what is measured), ÷ requests/s of a bare uvicorn JSON endpoint (`bare_app.py`) fetched by the same
  client over 64 connections. The issue's bar: ≥ 0.2.
- **the database's size per 100,000 attempts**: `pg_database_size` after the cycles minus before the
  registrations (participants, their sightings, the attempts with their draws and answers, the audit
  trail), scaled to 100,000; and the attempts' table alone (with its indexes and TOAST).

`BENCH_SCALE` scales the number of cycles (1 → 20,000; at least 640). `BENCH_PARTS` must name `contests`
(or be unset) for this part to run.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

import asyncpg
import httpx
from bench_literacy import _pg_url, admin_token, bare_uvicorn
from run import Result
from stack import Stack, platform

OFFERS = ("contests",)
"""The parts of `BENCH_PARTS` this module measures."""
SCALE = float(os.environ.get("BENCH_SCALE", "1"))
PARTS = set(os.environ.get("BENCH_PARTS", "contests").split(","))
CYCLES = max(640, int(20_000 * SCALE))
CONNECTIONS = 64
QUESTIONS_IN_BANK = 60
QUESTIONS_PER_ATTEMPT = 15
BARE_SECONDS = 10.0
# The service's own rate limits let the benchmark's single address through (the limits are tested elsewhere).
LIMITS = {
    "CAMPAIGN_CONTEST_REGISTRATIONS_PER_ADDRESS": "10000000",
    "CAMPAIGN_CONTEST_ATTEMPTS_PER_ADDRESS": "10000000",
    "CAMPAIGN_CONTEST_ATTEMPTS_PER_PARTICIPANT": "1000",
}


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _contest(stack: Stack) -> tuple[str, str]:
    """A movement with two departments, a contest of 60 questions (15 per attempt), one round open now."""
    admin = {"Authorization": f"Bearer {admin_token(stack)}"}
    with httpx.Client(base_url=f"{stack.gateway}/api/campaign", headers=admin, timeout=60) as http:

        def post(path: str, body: dict) -> dict:
            response = http.post(path, json=body)
            if response.status_code not in (200, 201):
                raise RuntimeError(f"{path}: {response.status_code} {response.text[:300]}")
            return dict(response.json())

        post("/v1/units", {"code": "66", "name": "UBND tỉnh", "kind": "province", "province_code": "66"})
        for code, name in (("66-SKHCN", "Sở Khoa học và Công nghệ"), ("66-SYT", "Sở Y tế")):
            post(
                "/v1/units",
                {
                    "code": code,
                    "name": name,
                    "kind": "department",
                    "province_code": "66",
                    "parent_code": "66",
                    "staff_count": CYCLES,
                },
            )
        campaign = post(
            "/v1/campaigns",
            {
                "code": "CDS-BENCH",
                "title": "Chuyển đổi số",
                "starts_on": "2025-01-01",
                "ends_on": "2030-12-31",
                "level": "province",
                "organizer_unit_code": "66",
            },
        )
        post(f"/v1/campaigns/{campaign['id']}/participants", {"unit_codes": ["66-SKHCN", "66-SYT"]})
        contest = post(
            f"/v1/campaigns/{campaign['id']}/contests",
            {
                "title": "Tìm hiểu chuyển đổi số và cải cách hành chính",
                "questions_per_attempt": QUESTIONS_PER_ATTEMPT,
                "time_limit_seconds": 3600,
                "prediction_question": "Bao nhiêu người trả lời đúng tất cả?",
            },
        )
        for n in range(QUESTIONS_IN_BANK):
            post(
                f"/v1/contests/{contest['id']}/questions",
                {
                    "topic": "Chuyển đổi số",
                    "text": f"Câu hỏi số {n + 1} về dịch vụ công trực tuyến và Đề án 06?",
                    "options": [{"key": k, "text": f"Phương án {k} của câu {n + 1}"} for k in "ABCD"],
                    "correct_keys": ["ABCD"[n % 4]],
                    "explanation": f"Giải thích câu {n + 1}: theo Nghị định 45/2020/NĐ-CP.",
                    "difficulty": n % 5 + 1,
                },
            )
        post(f"/v1/contests/{contest['id']}/open", {})
        now = datetime.now(UTC)
        round_ = post(
            f"/v1/contests/{contest['id']}/rounds",
            {
                "no": 1,
                "title": "Tuần thứ nhất",
                "opens_at": _iso(now - timedelta(hours=1)),
                "closes_at": _iso(now + timedelta(days=6)),
            },
        )
        return str(contest["id"]), str(round_["id"])


async def _concurrently(count: int, job: Callable[[int], Awaitable[None]]) -> float:
    """Runs `job(0..count-1)` over CONNECTIONS workers; the seconds it took."""
    queue: asyncio.Queue[int] = asyncio.Queue()
    for n in range(count):
        queue.put_nowait(n)

    async def worker() -> None:
        while not queue.empty():
            await job(queue.get_nowait())

    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(CONNECTIONS)))
    return time.perf_counter() - start


def _client(base_url: str) -> httpx.AsyncClient:
    # A connection idle for uvicorn's keep-alive (5 s) is closed by the server; on a loaded machine the client
    # may pick it at that very moment. Connections idle for a second are not reused, and a request whose
    # connection the server had closed (it never reached the service) is sent once more.
    limits = httpx.Limits(
        max_connections=CONNECTIONS, max_keepalive_connections=CONNECTIONS, keepalive_expiry=1.0
    )
    return httpx.AsyncClient(base_url=base_url, timeout=120, limits=limits, transport=_Resend(limits))


class _Resend(httpx.AsyncHTTPTransport):
    resent = 0

    def __init__(self, limits: httpx.Limits) -> None:
        super().__init__(limits=limits)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        try:
            return await super().handle_async_request(request)
        except (httpx.ReadError, httpx.RemoteProtocolError):
            _Resend.resent += 1
            return await super().handle_async_request(request)


async def _register(http: httpx.AsyncClient, contest_id: str) -> list[str]:
    tokens: list[str] = [""] * CYCLES

    async def one(n: int) -> None:
        response = await http.post(
            f"/v1/contests/{contest_id}/participants",
            json={
                "full_name": f"Người dự thi {n}",
                "national_id": f"066{n:09d}",
                "date_of_birth": "1990-01-01",
                "phone": f"09{n:08d}",
                "unit_code": ("66-SKHCN", "66-SYT")[n % 2],
            },
        )
        if response.status_code != 200:
            raise RuntimeError(f"registration: {response.status_code} {response.text[:300]}")
        tokens[n] = response.json()["participant_token"]

    await _concurrently(CYCLES, one)
    return tokens


async def _cycles(http: httpx.AsyncClient, round_id: str, tokens: list[str]) -> tuple[float, int]:
    """Cycles/s and the cycles completed. A start sent again after a lost answer finds its attempt taken
    (409): that participant's cycle is not counted. A submit sent again finds it submitted: done."""
    completed = 0

    async def one(n: int) -> None:
        nonlocal completed
        headers = {"X-Participant-Token": tokens[n]}
        started = await http.post(f"/v1/contest-rounds/{round_id}/attempts", headers=headers)
        if started.status_code == 409 and _Resend.resent:
            return
        if started.status_code != 201:
            raise RuntimeError(f"start: {started.status_code} {started.text[:300]}")
        attempt = started.json()
        answers = [
            {"question_id": q["question_id"], "keys": [q["options"][n % len(q["options"])]["key"]]}
            for q in attempt["questions"]
        ]
        saved = await http.put(
            f"/v1/attempts/{attempt['attempt_id']}/answers",
            headers=headers,
            json={"answers": answers, "prediction": n % 100},
        )
        if saved.status_code != 200:
            raise RuntimeError(f"answers: {saved.status_code} {saved.text[:300]}")
        submitted = await http.post(f"/v1/attempts/{attempt['attempt_id']}/submit", headers=headers)
        resubmitted = (
            submitted.status_code == 409 and submitted.json().get("code") == "contest_attempt.submitted"
        )
        if submitted.status_code != 200 and not (resubmitted and _Resend.resent):
            raise RuntimeError(f"submit: {submitted.status_code} {submitted.text[:300]}")
        completed += 1

    elapsed = await _concurrently(CYCLES, one)
    return completed / elapsed, completed


async def _bare_rate(url: str) -> float:
    """Requests/s of the bare endpoint with the same client and connections, for BARE_SECONDS."""
    done = 0
    async with _client(url) as http:
        await http.get(url)
        stop = time.perf_counter() + BARE_SECONDS

        async def worker() -> None:
            nonlocal done
            while time.perf_counter() < stop:
                response = await http.get(url)
                response.raise_for_status()
                done += 1

        start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(CONNECTIONS)))
        return done / (time.perf_counter() - start)


async def _sizes(stack: Stack) -> tuple[int, int]:
    connection = await asyncpg.connect(_pg_url(stack))
    try:
        database = await connection.fetchval("SELECT pg_database_size(current_database())")
        attempts = await connection.fetchval("SELECT pg_total_relation_size('campaign.contest_attempt')")
        return int(database), int(attempts)
    finally:
        await connection.close()


async def _measure(stack: Stack, contest_id: str, round_id: str) -> tuple[float, int, int, int]:
    before, _ = await _sizes(stack)
    async with _client(stack.service_url("campaign")) as http:
        tokens = await _register(http, contest_id)
        rate, completed = await _cycles(http, round_id, tokens)
    connection = await asyncpg.connect(_pg_url(stack))
    try:
        await connection.execute("CHECKPOINT")
        counted = await connection.fetchval(
            "SELECT count(*) FROM campaign.contest_attempt WHERE submitted_at IS NOT NULL"
        )
    finally:
        await connection.close()
    if counted != completed:
        raise RuntimeError(f"{counted} attempts submitted, {completed} cycles completed")
    after, attempts = await _sizes(stack)
    return rate, after - before, attempts, completed


def run() -> list[Result]:
    if "contests" not in PARTS:
        return []
    with bare_uvicorn() as bare_url, platform(**LIMITS) as stack:
        contest_id, round_id = _contest(stack)
        # The reference just before and just after the cycles (their mean): the load of a shared machine drifts.
        before = asyncio.run(_bare_rate(bare_url))
        try:
            rate, grown, attempts_table, completed = asyncio.run(_measure(stack, contest_id, round_id))
        except Exception:
            print((stack.data_dir / "stack.log").read_text()[-6000:])
            raise
        after = asyncio.run(_bare_rate(bare_url))
    bare = (before + after) / 2
    per_100k = 100_000 / completed / 1e6
    print(
        f"  contests: {rate:,.1f} cycles/s ({completed} of {CYCLES} cycles, {CONNECTIONS} connections);"
        f" bare {before:,.0f} then"
        f" {after:,.0f} req/s; database +{grown / 1e6:,.1f} MB, attempts' table {attempts_table / 1e6:,.1f} MB;"
        f" {_Resend.resent} requests sent again on a connection the server had closed"
    )
    return [
        Result(
            "contest start + answers + submit cycles/s, 64 connections ÷ bare uvicorn JSON req/s (same client)",
            rate,
            bare,
            "cycles/s ÷ req/s",
            aim=0.2,
        ),
        Result(
            "database growth per 100,000 attempts (participants, attempts, audit) ÷ the attempts' table alone",
            grown * per_100k,
            attempts_table * per_100k,
            "MB",
        ),
    ]


if __name__ == "__main__":
    for result in run():
        print(result)
