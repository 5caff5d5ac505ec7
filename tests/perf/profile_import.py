"""Where an import's time goes, statement by statement (issue #14): starts the platform as the benchmark
does (its own PostgreSQL, the service's worker off), writes an import file of `--rows` rows, and runs
the worker's own `process` on it in this process, printing how long staging took and each statement of
the checks and the merge; with `--explain`, each statement's `EXPLAIN (ANALYZE, BUFFERS)` instead (the
statements still run: EXPLAIN ANALYZE executes them; the job's final counts are then not meaningful).
`--again` imports the same file a second time (every row unchanged).

    python3 -m uv run --locked python tests/perf/profile_import.py --rows 200000 [--explain] [--again]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from bench_literacy import _courses
from literacy_data import write_import_csv
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, create_async_engine
from stack import platform

from literacy_api.imports.merge import MergeScope
from literacy_api.imports.worker import FILE_FIELD, Claim, ImportWorker, WorkerSettings
from reference_data.personal_data import PersonalDataCipher
from service_kit.db import async_url

CHUNK = 1024 * 1024


class NoUnits:
    async def known_units(self, codes: Iterable[str]) -> list[str]:
        return []


def _watch(explain: bool) -> tuple[list[tuple[str, float]], Any]:
    """Times every statement run on an AsyncConnection (and explains the ones that return no rows)."""
    timings: list[tuple[str, float]] = []
    original = AsyncConnection.execute

    async def execute(self: AsyncConnection, statement: Any, parameters: Any = None, **kw: Any) -> Any:
        sql = str(statement).strip()
        name = " ".join(sql.split())[:110]
        planned = sql.startswith(("INSERT", "UPDATE", "WITH")) or "ON COMMIT DROP AS" in sql
        if explain and planned and "import_job" not in sql:
            started = time.perf_counter()
            plan = await original(self, text(f"EXPLAIN (ANALYZE, BUFFERS) {sql}"), parameters, **kw)
            elapsed = time.perf_counter() - started
            print(f"\n=== {elapsed * 1000:9.1f} ms  {name}")
            print("\n".join(row[0] for row in plan))
            timings.append((name, elapsed))
            return plan
        started = time.perf_counter()
        result = await original(self, statement, parameters, **kw)
        timings.append((name, time.perf_counter() - started))
        return result

    AsyncConnection.execute = execute  # type: ignore[method-assign]
    return timings, original


async def import_once(url: Any, path: Path, cipher: PersonalDataCipher, explain: bool) -> None:
    engine = create_async_engine(async_url(url))
    job = uuid.uuid4()
    async with engine.begin() as connection:
        await connection.execute(
            text(
                "INSERT INTO literacy.import_job (id, status, filename, size_bytes, submitted_by, processed_rows,"
                " inserted, updated, unchanged, rejected, duplicates, certificates_issued, attempts, lease_until)"
                " VALUES (:id, 'running', 'profile.csv', 1, 'admin', 0, 0, 0, 0, 0, 0, 0, 1,"
                " now() + interval '1 hour')"
            ),
            {"id": job},
        )
        with path.open("rb") as file:
            seq = 0
            while chunk := file.read(CHUNK):
                await connection.execute(
                    text(
                        "INSERT INTO literacy.import_file_chunk (job_id, seq, data) VALUES (:id, :seq, :data)"
                    ),
                    {"id": job, "seq": seq, "data": cipher.seal(chunk, field=FILE_FIELD)},
                )
                seq += 1
    worker = ImportWorker(engine, cipher, WorkerSettings(batch_rows=20_000, lease_seconds=600), NoUnits)
    timings, original = _watch(explain)
    started = time.perf_counter()
    await worker.process(Claim(id=job, attempt=1, actor="admin", scope=MergeScope(units=None, communes=None)))
    elapsed = time.perf_counter() - started
    AsyncConnection.execute = original  # type: ignore[method-assign]
    async with engine.connect() as connection:
        row = (
            await connection.execute(text("SELECT * FROM literacy.import_job WHERE id = :id"), {"id": job})
        ).one()
    await engine.dispose()
    print(
        f"\nin all {elapsed:.2f} s; job: {row.status} total {row.total_rows} inserted {row.inserted}"
        f" updated {row.updated} unchanged {row.unchanged} rejected {row.rejected} duplicates {row.duplicates}"
    )
    print("slowest statements:")
    for name, seconds in sorted(timings, key=lambda t: -t[1])[:25]:
        print(f"  {seconds * 1000:9.1f} ms  {name}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--again", action="store_true")
    arguments = parser.parse_args()
    cipher = PersonalDataCipher(os.urandom(32), os.urandom(32))
    with platform(LITERACY_IMPORT_WORKER="false") as stack, tempfile.TemporaryDirectory() as scratch:
        asyncio.run(_courses(stack))
        path = Path(scratch) / "import.csv"
        write_import_csv(path, arguments.rows)
        print(f"{arguments.rows:,} rows, {path.stat().st_size / 1e6:.1f} MB", file=sys.stderr)
        asyncio.run(import_once(stack.admin_url, path, cipher, arguments.explain))
        if arguments.again:
            asyncio.run(import_once(stack.admin_url, path, cipher, arguments.explain))


if __name__ == "__main__":
    main()
