"""digital-literacy-api at provincial scale (issue #7): import throughput against a raw COPY and the
service's memory while importing, coverage statistics against a plain GROUP BY over the records, and a
learner's progress under 64 concurrent connections against a bare uvicorn endpoint.

`BENCH_SCALE` (default 1: 1M generated learners with ~3M records, imports of 100k and 1M rows) makes it
smaller for a quick run, e.g. `make bench BENCH_SCALE=0.05`.
"""

from __future__ import annotations

import asyncio
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import asyncpg
import httpx
from literacy_data import (
    CATEGORIES,
    COURSES,
    COURSES_SQL,
    ETHNICITIES,
    HASH_FUNCTION,
    LEARNERS_SQL,
    PEAK_DAYS,
    PEAK_START,
    PROVINCE,
    RECORDS_SQL,
    commune_codes,
    write_import_csv,
)
from run import Result
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine
from stack import Stack, platform

from literacy_api.stats.repository import CoverageQueries, Place, Window
from literacy_api.stats.schemas import GroupBy
from service_kit.db import async_url
from service_kit.testing import free_port

OFFERS = ("imports", "coverage", "progress")
"""The parts of `BENCH_PARTS` this module measures."""

SCALE = float(os.environ.get("BENCH_SCALE", "1"))
LEARNERS = max(1_000, int(1_000_000 * SCALE))
RUN_PARTS = set(os.environ.get("BENCH_PARTS", ",".join(OFFERS)).split(","))
"""Which parts run (`BENCH_PARTS=progress` for a quick look at the request path alone)."""
IMPORT_SIZES = (max(1_000, int(100_000 * SCALE)), max(10_000, int(1_000_000 * SCALE)))
GROUP_BYS = ("commune", "category", "gender", "ethnicity", "month", "course")
HERE = Path(__file__).resolve().parent


def _pg_url(stack: Stack) -> str:
    url = stack.admin_url
    host = url.query.get("host")
    return f"postgresql://{url.username or 'postgres'}@/{url.database}?host={host}" if host else str(url)


def admin_token(stack: Stack) -> str:
    response = httpx.post(
        f"{stack.gateway}/api/campaign/v1/auth/token",
        data={"grant_type": "password", "username": "admin", "password": "admin"},
    )
    response.raise_for_status()
    return str(response.json()["access_token"])


class PeakMemory:
    """Samples a process's resident memory every 50 ms."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def rss_mb(self) -> float:
        status = Path(f"/proc/{self.pid}/status").read_text()
        match = re.search(r"VmRSS:\s+(\d+) kB", status)
        return int(match.group(1)) / 1024 if match else 0.0

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self.rss_mb())
            time.sleep(0.05)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()


async def raw_copy_rate(stack: Stack, path: Path, rows: int) -> float:
    """Rows per second of COPY of the same file into a table of the same columns (text, no checks)."""
    connection = await asyncpg.connect(_pg_url(stack))
    try:
        columns = ", ".join(f"c{i} text" for i in range(14))
        await connection.execute(
            f"DROP TABLE IF EXISTS bench_copy; CREATE UNLOGGED TABLE bench_copy ({columns})"
        )
        started = time.perf_counter()
        await connection.copy_to_table("bench_copy", source=path, format="csv", header=True, delimiter=";")
        elapsed = time.perf_counter() - started
        await connection.execute("DROP TABLE bench_copy")
        return rows / elapsed
    finally:
        await connection.close()


def import_rate(stack: Stack, token: str, path: Path, rows: int) -> tuple[float, float, dict]:
    """Rows per second from the start of the upload (through the gateway) to the job's success, and the
    service's peak resident memory meanwhile."""
    headers = {"Authorization": f"Bearer {token}"}
    with (
        httpx.Client(base_url=stack.gateway, headers=headers, timeout=600) as client,
        PeakMemory(stack.service_pid("literacy")) as memory,
    ):
        started = time.perf_counter()
        with path.open("rb") as file:
            response = client.post("/api/literacy/v1/imports", files={"file": (path.name, file, "text/csv")})
        response.raise_for_status()
        uploaded = time.perf_counter() - started
        job_id = response.json()["id"]
        while True:
            job = client.get(f"/api/literacy/v1/imports/{job_id}").json()
            if job["status"] in ("succeeded", "failed"):
                break
            time.sleep(0.2)
        elapsed = time.perf_counter() - started
    if job["status"] != "succeeded" or job["processed_rows"] != rows:
        raise RuntimeError(f"the import did not succeed: {job}")
    print(f"  upload {uploaded:.1f} s, in all {elapsed:.1f} s")
    return rows / elapsed, memory.peak, job


async def generate(stack: Stack) -> int:
    """LEARNERS learners of the province and their records (two to four courses each), in chunks."""
    connection = await asyncpg.connect(_pg_url(stack), command_timeout=None)
    try:
        await connection.execute("SET statement_timeout = 0; SET ROLE literacy_svc")
        await connection.execute(HASH_FUNCTION)
        communes = commune_codes()
        chunk = 200_000
        for first in range(1, LEARNERS + 1, chunk):
            await connection.execute(
                _asyncpg(
                    LEARNERS_SQL, ["province", "communes", "ethnicities", "categories", "first", "last"]
                ),
                PROVINCE,
                communes,
                ETHNICITIES,
                CATEGORIES,
                first,
                min(first + chunk - 1, LEARNERS),
            )
        for offset in range(0, LEARNERS, chunk):
            await connection.execute(
                _asyncpg(RECORDS_SQL, ["courses", "start", "days", "offset", "limit"]),
                COURSES,
                PEAK_START,
                PEAK_DAYS,
                offset,
                chunk,
            )
        await connection.execute("ANALYZE")
        return int(await connection.fetchval("SELECT count(*) FROM literacy.training_record"))
    finally:
        await connection.close()


def _asyncpg(sql: str, names: list[str] | None = None) -> str:
    """`:name` parameters as asyncpg's `$n`."""
    for index, name in enumerate(names or ["courses"], start=1):
        sql = re.sub(rf"(?<!:):{name}\b", f"${index}", sql)
    return sql


async def group_by_latency(stack: Stack, group_by: str, window: dict[str, str]) -> float:
    """Median milliseconds of the plain GROUP BY over all records that the rollups replace."""
    engine = create_async_engine(async_url(stack.admin_url))
    dates = [date.fromisoformat(window[k]) if window else None for k in ("from", "to")]
    try:
        times = []
        for _ in range(3):
            async with AsyncSession(engine) as session:
                start = time.perf_counter()
                await CoverageQueries(session=session).recount(
                    GroupBy(group_by), Place(PROVINCE, None), Window(dates[0], dates[1])
                )
                times.append((time.perf_counter() - start) * 1000)
        return statistics.median(times)
    finally:
        await engine.dispose()


def endpoint_latency(stack: Stack, token: str, group_by: str, window: dict[str, str]) -> float:
    headers = {"Authorization": f"Bearer {token}"}
    params = {"group_by": group_by, "province_code": PROVINCE, **window}
    times = []
    with httpx.Client(base_url=stack.service_url("literacy"), headers=headers, timeout=120) as client:
        for _ in range(9):
            start = time.perf_counter()
            response = client.get("/v1/stats/coverage", params=params)
            times.append((time.perf_counter() - start) * 1000)
            response.raise_for_status()
    return statistics.median(times[1:])


def wrk_rate(url: str, token: str | None, *headers: str) -> float:
    command = ["wrk", "-t2", "-c64", "-d10s", "--latency", url]
    for header in headers:
        command[1:1] = ["-H", header]
    if token:
        command[1:1] = ["-H", f"Authorization: Bearer {token}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    if "Non-2xx" in output:
        raise RuntimeError(f"wrk saw errors:\n{output}")
    match = re.search(r"Requests/sec:\s+([\d.]+)", output)
    if not match:
        raise RuntimeError(output)
    return float(match.group(1))


def learner_token(stack: Stack, token: str) -> str:
    """A learner of the generated province with three records, signed up through campaign-api."""
    admin = {"Authorization": f"Bearer {token}"}
    national_id, born = "066199012345", "1990-04-12"
    with httpx.Client(base_url=stack.gateway, timeout=30) as client:
        learner = client.post(
            "/api/literacy/v1/learners",
            headers=admin,
            json={
                "national_id": national_id,
                "full_name": "Y Bhăm Niê",
                "date_of_birth": born,
                "gender": "male",
                "commune_code": commune_codes()[0],
                "category": "citizen",
            },
        )
        learner.raise_for_status()
        for course, status in zip(COURSES[:3], ("completed", "in_progress", "enrolled"), strict=True):
            body = {"learner_id": learner.json()["id"], "course_code": course, "status": status}
            client.post("/api/literacy/v1/records", headers=admin, json=body).raise_for_status()
        client.post(
            "/api/campaign/v1/auth/signup",
            json={"national_id": national_id, "date_of_birth": born, "password": "hoc-so-2025"},
        ).raise_for_status()
        issued = client.post(
            "/api/campaign/v1/auth/token",
            data={"grant_type": "password", "username": national_id, "password": "hoc-so-2025"},
        )
        issued.raise_for_status()
        return str(issued.json()["access_token"])


@contextmanager
def bare_uvicorn() -> Iterator[str]:
    """The reference: a bare uvicorn JSON endpoint (`bare_app.py`), its URL."""
    port = free_port()
    bare = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "bare_app:app", "--port", str(port), "--no-access-log"],
        cwd=HERE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        bare_url = f"http://127.0.0.1:{port}/v1/me/progress"
        for _ in range(100):
            try:
                httpx.get(bare_url).raise_for_status()
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        yield bare_url
    finally:
        bare.terminate()
        bare.wait()


def progress_results(stack: Stack, token: str) -> list[Result]:
    """`/v1/me/progress` answered in full (200) and to a fresh copy (304), and the kit's own cost: a
    service's `/healthz` direct, and through the gateway ÷ direct."""
    learner = learner_token(stack, token)
    url = f"{stack.service_url('literacy')}/v1/me/progress"
    first = httpx.get(url, headers={"Authorization": f"Bearer {learner}"})
    first.raise_for_status()
    service_rate = wrk_rate(url, learner)
    fresh = httpx.get(
        url, headers={"Authorization": f"Bearer {learner}", "If-None-Match": first.headers["ETag"]}
    )
    if fresh.status_code != 304:
        raise RuntimeError(f"If-None-Match with the current ETag answered {fresh.status_code}")
    not_modified_rate = wrk_rate(url, learner, f"If-None-Match: {first.headers['ETag']}")
    health_direct = wrk_rate(f"{stack.service_url('literacy')}/healthz", None)
    health_gateway = wrk_rate(f"{stack.gateway}/api/literacy/healthz", None)
    with bare_uvicorn() as bare_url:
        bare_rate = wrk_rate(bare_url, None)
    return [
        Result(
            "GET /v1/me/progress (200), 64 connections ÷ bare uvicorn JSON",
            service_rate,
            bare_rate,
            "req/s",
            aim=0.3,
        ),
        Result(
            "GET /v1/me/progress (304, If-None-Match), 64 connections ÷ bare uvicorn JSON",
            not_modified_rate,
            bare_rate,
            "req/s",
            aim=0.5,
        ),
        Result(
            "GET /healthz direct, 64 connections ÷ bare uvicorn JSON",
            health_direct,
            bare_rate,
            "req/s",
            aim=0.6,
        ),
        Result(
            "GET /api/literacy/healthz through nginx ÷ direct",
            health_gateway,
            health_direct,
            "req/s",
            aim=0.85,
        ),
    ]


def run() -> list[Result]:
    results: list[Result] = []
    with platform(LITERACY_IMPORT_LEASE_SECONDS="120") as stack, tempfile.TemporaryDirectory() as scratch:
        # Courses the import files name.
        asyncio.run(_courses(stack))
        if "imports" in RUN_PARTS:
            results.extend(import_results(stack, Path(scratch)))
        if "coverage" in RUN_PARTS:
            results.extend(coverage_results(stack))
        if "progress" in RUN_PARTS:
            results.extend(progress_results(stack, admin_token(stack)))
    return results


def import_results(stack: Stack, scratch: Path) -> list[Result]:
    results: list[Result] = []
    peaks = []
    first_id = 0
    for rows in IMPORT_SIZES:
        path = scratch / f"import-{rows}.csv"
        write_import_csv(path, rows, first_id=first_id)
        first_id += rows
        copy = asyncio.run(raw_copy_rate(stack, path, rows))
        rate, peak, job = import_rate(stack, admin_token(stack), path, rows)
        print(f"  import {rows:,}: {rate:,.0f} rows/s, COPY {copy:,.0f} rows/s, peak {peak:.0f} MB, {job}")
        results.append(Result(f"import {rows:,} rows end to end ÷ raw COPY", rate, copy, "rows/s", aim=0.2))
        peaks.append(peak)
        path.unlink()
    results.append(
        Result(
            f"service peak memory: import of {IMPORT_SIZES[1]:,} rows ÷ of {IMPORT_SIZES[0]:,}",
            peaks[1],
            peaks[0],
            "MB",
            aim=1.2,
            higher_is_better=False,
        )
    )
    return results


def coverage_results(stack: Stack) -> list[Result]:
    results: list[Result] = []
    records = asyncio.run(generate(stack))
    print(f"  generated {LEARNERS:,} learners, {records:,} records in all")
    token = admin_token(stack)  # access tokens live 15 minutes: a fresh one for each part
    peak_window = {"from": PEAK_START.isoformat(), "to": "2025-10-25"}
    months_window = {"from": "2025-08-01", "to": "2025-09-30"}
    for group_by in GROUP_BYS:
        for name, window in (("", {}), (" (Aug–Sep)", months_window), (" (100 peak days)", peak_window)):
            ours = endpoint_latency(stack, token, group_by, window)
            plain = asyncio.run(group_by_latency(stack, group_by, window))
            label = f"coverage by {group_by}{name} over {records / 1e6:.1f}M records"
            print(f"  {label}: {ours:.1f} ms, GROUP BY {plain:.1f} ms")
            results.append(Result(f"{label}: GROUP BY ms ÷ endpoint ms", plain, ours, "ms", aim=20))
    return results


async def _courses(stack: Stack) -> None:
    connection = await asyncpg.connect(_pg_url(stack))
    try:
        await connection.execute("SET ROLE literacy_svc")
        await connection.execute(_asyncpg(COURSES_SQL), COURSES)
    finally:
        await connection.close()
