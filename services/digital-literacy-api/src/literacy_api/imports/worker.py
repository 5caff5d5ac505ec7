# ruff: noqa: S608 - the SQL here is assembled from this module's constants; values are bound
"""The import worker: runs in every replica of the service, takes queued jobs from Postgres (one at a time,
`FOR UPDATE SKIP LOCKED`), and holds each under a lease it renews. A replica that stops mid-way puts its
job back in the queue; one that dies lets the lease run out and another (or its successor) takes the job
over and starts it again from the stored file. After `max_attempts` tries the job fails with a reason."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import tempfile
import uuid
from collections.abc import AsyncIterator, Callable, Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from literacy_api.imports.checks import Lookups, check, lookups
from literacy_api.imports.merge import MergeScope, merge
from literacy_api.imports.reader import FileRejected, ImportFile, open_import_file
from literacy_api.imports.staging import STAGE_COLUMNS, STAGE_DDL, NationalIds, staged_rows
from literacy_api.imports.xlsx import WorkbookLimits
from reference_data.personal_data import PersonalDataCipher
from service_kit.errors import DependencyUnavailable
from service_kit.types import today_in_vietnam

logger = logging.getLogger(__name__)

FILE_FIELD = "import_file"

CLAIM = """
UPDATE literacy.import_job SET status = 'running', attempts = attempts + 1,
    lease_until = now() + make_interval(secs => :lease), started_at = coalesce(started_at, now()),
    processed_rows = 0, rejected = 0
WHERE id = (
    SELECT id FROM literacy.import_job
    WHERE status = 'queued' OR (status = 'running' AND lease_until < now())
    ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1
)
RETURNING id, attempts, submitted_by, scope_units, scope_communes
"""
OWNED = "id = :id AND status = 'running' AND attempts = :attempt"
DIRECTORY_DOWN = (
    "Không kiểm tra được mã đơn vị: hệ thống danh mục đơn vị không trả lời. Hãy gửi lại tệp sau ít phút."
)


class UnitDirectory(Protocol):
    """campaign-api's directory of units (cached by the client): which of these codes are units."""

    async def known_units(self, codes: Iterable[str]) -> Collection[str]: ...


@dataclass(frozen=True)
class WorkerSettings:
    batch_rows: int = 5_000
    lease_seconds: float = 60.0
    poll_seconds: float = 2.0
    max_attempts: int = 3
    limits: WorkbookLimits = field(default_factory=WorkbookLimits)
    """What a file may hold: rows, and for XLSX the inflated size and compression ratio of its parts."""


@dataclass(frozen=True)
class Claim:
    id: uuid.UUID
    attempt: int
    actor: str
    scope: MergeScope

    @property
    def stage(self) -> str:
        return f"import_stage_{self.id.hex}"

    def params(self, **extra: Any) -> dict[str, Any]:
        return {"id": self.id, "attempt": self.attempt, **extra}


class JobLost(Exception):
    """Another replica took the job over (this one's lease ran out)."""


class ImportWorker:
    def __init__(
        self,
        engine: AsyncEngine,
        cipher: PersonalDataCipher,
        settings: WorkerSettings,
        units: Callable[[], UnitDirectory],
    ) -> None:
        self.engine = engine
        self.units = units
        self.cipher = cipher
        self.settings = settings
        self._wake = asyncio.Event()
        self._current: Claim | None = None

    def wake(self) -> None:
        """A job was queued: look now rather than at the next poll."""
        self._wake.set()

    async def run(self) -> None:
        while True:
            try:
                claim = await self._claim()
            except Exception:
                logger.exception("import worker: cannot claim a job")
                claim = None
            if claim is None:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), self.settings.poll_seconds)
                self._wake.clear()
                continue
            self._current = claim
            try:
                await self.process(claim)
            except asyncio.CancelledError:
                await asyncio.shield(self._requeue(claim))
                raise
            except JobLost:
                logger.warning("import %s was taken over by another worker", claim.id)
            except Exception:
                logger.exception("import %s failed unexpectedly", claim.id)
                await self._fail(
                    claim, "Lỗi hệ thống khi xử lý tệp; đã ghi nhận để kiểm tra. Hãy thử lại sau."
                )
            finally:
                self._current = None

    async def _claim(self) -> Claim | None:
        async with self.engine.begin() as connection:
            row = (
                await connection.execute(text(CLAIM), {"lease": self.settings.lease_seconds})
            ).one_or_none()
        if row is None:
            return None
        claim = Claim(
            id=row.id,
            attempt=row.attempts,
            actor=row.submitted_by,
            scope=MergeScope(units=row.scope_units, communes=row.scope_communes),
        )
        if claim.attempt > self.settings.max_attempts:
            await self._fail(
                claim, f"Việc nhập bị gián đoạn {self.settings.max_attempts} lần; hãy gửi lại tệp."
            )
            return None
        return claim

    async def process(self, claim: Claim) -> None:
        async with self._heartbeat(claim), self._local_copy(claim) as path:
            try:
                import_file = open_import_file(path, self.settings.limits)
            except FileRejected as rejected:
                await self._fail(claim, str(rejected))
                return
            async with self.engine.begin() as connection:
                await self._owned(connection, claim, "total_rows = NULL")
                await connection.execute(text(f"DROP TABLE IF EXISTS literacy.{claim.stage}"))
                await connection.execute(text(STAGE_DDL.format(table=claim.stage)))
                await connection.execute(
                    text("DELETE FROM literacy.import_error WHERE job_id = :id"), claim.params()
                )
            try:
                total = await self._stage(claim, import_file)
                if total == 0:
                    raise FileRejected("Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.")
                async with self.engine.begin() as connection:
                    await self._owned(connection, claim, "total_rows = :total", total=total)
                    found = await lookups(connection, stage=claim.stage, directory=self.units())
            except FileRejected as rejected:
                await self._fail(claim, str(rejected))
                return
            except DependencyUnavailable:
                # Unit codes are never guessed: without the directory the file cannot be checked.
                await self._fail(claim, DIRECTORY_DOWN)
                return
            await self._merge(claim, found)

    async def _stage(self, claim: Claim, import_file: ImportFile) -> int:
        """COPYs the file's rows into the staging table as they are read, a batch at a time (each batch
        committed with the job's progress); returns the number of rows."""
        ids = NationalIds(self.cipher)
        rows = import_file.rows()
        processed = 0
        async with self.engine.connect() as connection:
            while True:
                batch = await asyncio.to_thread(staged_rows, rows, ids, self.settings.batch_rows)
                if not batch:
                    return processed
                processed += len(batch)
                async with connection.begin():
                    raw = await connection.get_raw_connection()
                    driver: Any = raw.driver_connection
                    await driver.copy_records_to_table(
                        claim.stage, records=batch, columns=STAGE_COLUMNS, schema_name="literacy"
                    )
                    await self._owned(
                        connection,
                        claim,
                        "processed_rows = :processed, lease_until = now() + make_interval(secs => :lease)",
                        processed=processed,
                        lease=self.settings.lease_seconds,
                    )

    async def _merge(self, claim: Claim, found: Lookups) -> None:
        for attempt in range(3):
            try:
                async with self.engine.begin() as connection:
                    await connection.execute(text("SET LOCAL statement_timeout = 0"))
                    # Hash joins and aggregates over a million staged rows stay in memory.
                    await connection.execute(text("SET LOCAL work_mem = '256MB'"))
                    today = today_in_vietnam()
                    await check(
                        connection,
                        job_id=str(claim.id),
                        stage=claim.stage,
                        lookups=found,
                        scope=claim.scope,
                        today=today,
                    )
                    counts = await merge(
                        connection, job_id=str(claim.id), actor=claim.actor, scope=claim.scope, today=today
                    )
                    await self._owned(
                        connection,
                        claim,
                        "status = 'succeeded', inserted = :inserted, updated = :updated, unchanged = :unchanged,"
                        " duplicates = :duplicates, certificates_issued = :issued, finished_at = clock_timestamp(),"
                        " lease_until = NULL,"
                        " rejected = (SELECT count(*) FROM literacy.import_error WHERE job_id = :id)",
                        inserted=counts.inserted,
                        updated=counts.updated,
                        unchanged=counts.unchanged,
                        duplicates=counts.duplicates,
                        issued=counts.certificates_issued,
                    )
                    await self._discard(connection, claim)
                return
            except Exception as error:
                # Two imports touching the same rollup rows may deadlock: PostgreSQL cancels one; try again.
                if "deadlock" not in str(error) or attempt == 2:
                    raise
                logger.warning("import %s: deadlock in the merge, retrying", claim.id)

    async def _owned(
        self, connection: AsyncConnection, claim: Claim, assignments: str, **params: Any
    ) -> None:
        result = await connection.execute(
            text(f"UPDATE literacy.import_job SET {assignments} WHERE {OWNED}"),
            claim.params(**params),
        )
        if result.rowcount != 1:
            raise JobLost

    async def _discard(self, connection: AsyncConnection, claim: Claim) -> None:
        """The staged rows and the file (national IDs in clear, though encrypted) go once the job is done."""
        await connection.execute(text(f"DROP TABLE IF EXISTS literacy.{claim.stage}"))
        await connection.execute(
            text("DELETE FROM literacy.import_file_chunk WHERE job_id = :id"), claim.params()
        )

    async def _fail(self, claim: Claim, reason: str) -> None:
        async with self.engine.begin() as connection:
            await connection.execute(
                text(
                    "UPDATE literacy.import_job SET status = 'failed', failure = :reason, finished_at = clock_timestamp(),"
                    " lease_until = NULL, inserted = 0, updated = 0, unchanged = 0, duplicates = 0"
                    f" WHERE {OWNED}"
                ),
                claim.params(reason=reason),
            )
            await self._discard(connection, claim)

    async def _requeue(self, claim: Claim) -> None:
        """Stopping (a deploy, Ctrl-C): the job goes back to the queue for the next worker."""
        try:
            async with self.engine.begin() as connection:
                await connection.execute(
                    text(
                        "UPDATE literacy.import_job SET status = 'queued', lease_until = NULL,"
                        f" attempts = attempts - 1 WHERE {OWNED}"
                    ),
                    claim.params(),
                )
        except Exception:
            logger.exception(
                "import %s: could not put it back in the queue (its lease will run out)", claim.id
            )

    @contextlib.asynccontextmanager
    async def _heartbeat(self, claim: Claim) -> AsyncIterator[None]:
        async def beat() -> None:
            while True:
                await asyncio.sleep(self.settings.lease_seconds / 3)
                async with self.engine.begin() as connection:
                    await connection.execute(
                        text(
                            "UPDATE literacy.import_job SET lease_until = now() + make_interval(secs => :lease)"
                            f" WHERE {OWNED}"
                        ),
                        claim.params(lease=self.settings.lease_seconds),
                    )

        task = asyncio.create_task(beat())
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task

    @contextlib.asynccontextmanager
    async def _local_copy(self, claim: Claim) -> AsyncIterator[Path]:
        """The stored file, decrypted chunk by chunk into a temporary file that is removed afterwards."""
        with tempfile.TemporaryDirectory(prefix="literacy-import-") as directory:
            path = Path(directory) / "upload"
            async with self.engine.connect() as connection:
                result = await connection.stream(
                    text("SELECT data FROM literacy.import_file_chunk WHERE job_id = :id ORDER BY seq"),
                    claim.params(),
                )
                with path.open("wb") as out:
                    async for (data,) in result:
                        out.write(self.cipher.unseal(bytes(data), field=FILE_FIELD))
            yield path
