"""xAPI statements stored per second through the gateway (issue #18): batches of 100 statements, as Open edX
and Moodle send them, POSTed by 8 concurrent clients to `/api/literacy/xapi/statements` with a bearer token
of an `xapi:write` client. The issue's bar is 2,000 statements/s: the reference is that bar, so the ratio
says how far above or below it this machine is."""

from __future__ import annotations

import asyncio
import os
import time
import uuid

import httpx
from run import Result
from stack import platform

OFFERS = ("xapi",)
"""The parts of `BENCH_PARTS` this module measures."""
SCALE = float(os.environ.get("BENCH_SCALE", "1"))
BATCHES = max(10, int(400 * SCALE))
BATCH = 100
CONCURRENCY = 8
BAR = 2_000.0


def _batch(n: int) -> list[dict]:
    return [
        {
            "id": str(uuid.uuid4()),
            "actor": {
                "objectType": "Agent",
                "account": {"homePage": "https://lms.daklak.edu.vn", "name": f"anon-{n}-{i}"},
            },
            "verb": {"id": "http://adlnet.gov/expapi/verbs/progressed", "display": {"en": "progressed"}},
            "object": {
                "objectType": "Activity",
                "id": f"https://lms.daklak.edu.vn/xblock/block-v1:DakLak+VNEID+2025+type@problem+block@{i % 40}",
                "definition": {"type": "http://adlnet.gov/expapi/activities/question"},
            },
            "result": {"score": {"scaled": 0.5}, "completion": False},
            "context": {"registration": str(uuid.uuid4()), "platform": "Open edX"},
            "timestamp": "2025-09-02T08:30:00.000Z",
        }
        for i in range(BATCH)
    ]


def _client_token(gateway: str) -> str:
    with httpx.Client(base_url=gateway, timeout=30) as http:
        admin = http.post(
            "/api/campaign/v1/auth/token",
            data={"grant_type": "password", "username": "admin", "password": "admin"},
        )
        admin.raise_for_status()
        created = http.post(
            "/api/campaign/v1/clients",
            headers={"Authorization": f"Bearer {admin.json()['access_token']}"},
            json={"name": "xAPI bench", "scopes": ["xapi:write"]},
        )
        created.raise_for_status()
        client = created.json()
        token = http.post(
            "/api/campaign/v1/auth/token",
            data={
                "grant_type": "client_credentials",
                "client_id": client["client_id"],
                "client_secret": client["client_secret"],
            },
        )
        token.raise_for_status()
        return str(token.json()["access_token"])


async def _post_all(gateway: str, token: str) -> float:
    batches = [_batch(n) for n in range(BATCHES)]
    headers = {"Authorization": f"Bearer {token}", "X-Experience-API-Version": "1.0.3"}
    queue: asyncio.Queue[list[dict]] = asyncio.Queue()
    for batch in batches:
        queue.put_nowait(batch)

    async def worker(http: httpx.AsyncClient) -> None:
        while not queue.empty():
            batch = queue.get_nowait()
            response = await http.post("/api/literacy/xapi/statements", json=batch, headers=headers)
            assert response.status_code == 200, response.text[:300]

    async with httpx.AsyncClient(base_url=gateway, timeout=60) as http:
        # Warm up (connections, the token's keys, the plans).
        await http.post("/api/literacy/xapi/statements", json=_batch(-1), headers=headers)
        start = time.perf_counter()
        await asyncio.gather(*(worker(http) for _ in range(CONCURRENCY)))
        elapsed = time.perf_counter() - start
    return BATCHES * BATCH / elapsed


def run() -> list[Result]:
    with platform() as stack:
        rate = asyncio.run(_post_all(stack.gateway, _client_token(stack.gateway)))
        print(
            f"  xAPI: {rate:,.0f} statements/s in batches of {BATCH} ({BATCHES} batches, {CONCURRENCY} clients)"
        )
    return [
        Result(
            f"xAPI statements/s in batches of {BATCH} through the gateway ÷ the bar",
            rate,
            BAR,
            "statements/s",
            aim=1.0,
        )
    ]


if __name__ == "__main__":
    for result in run():
        print(result)
