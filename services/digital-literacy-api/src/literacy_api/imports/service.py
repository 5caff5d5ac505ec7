"""Rules of the import desk: files within the size limit stored encrypted with the submitter's scope,
jobs seen by their submitter (administrators see all), the error report as CSV for Excel."""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from literacy_api import access
from literacy_api.imports import repository
from literacy_api.imports.models import ImportJob
from literacy_api.imports.schemas import ImportJobAction, ImportJobOut, ImportPage
from literacy_api.imports.template import build_template
from literacy_api.imports.worker import FILE_FIELD
from literacy_api.learners.schemas import ListAction
from literacy_api.spreadsheets import csv_cell, printable
from reference_data.personal_data import PersonalDataCipher
from service_kit.access import Actor
from service_kit.db import Database
from service_kit.errors import PayloadTooLarge
from service_kit.pagination import PageParams

CHUNK_BYTES = 1024 * 1024
SMALLEST_FILE = 64
"""Fewer bytes cannot hold the header of the required columns and one row (the shortest spellings)."""


def too_large(limit: int) -> PayloadTooLarge:
    return PayloadTooLarge(code="import.too_large", params={"limit_mb": limit // (1024 * 1024)})


def job_out(actor: Actor, job: ImportJob) -> ImportJobOut:
    return ImportJobOut.model_validate(job).model_copy(
        update={"allowed_actions": access.actions(access.IMPORT_JOBS, ImportJobAction, actor, job)}
    )


@dataclass(kw_only=True)
class ImportService:
    session: AsyncSession
    cipher: PersonalDataCipher

    async def submit(
        self,
        actor: Actor,
        *,
        filename: str | None,
        size: int,
        read: Callable[[int], Awaitable[bytes]],
        limit: int,
    ) -> ImportJobOut:
        """Store the file (encrypted, in chunks) as a queued job; the worker checks every row against the
        scope the submitter had at this moment."""
        if size > limit:
            raise too_large(limit)
        scope = access.learner_scope(actor)
        job = ImportJob(
            filename=printable(filename or "")[:255] or "upload",
            size_bytes=size,
            submitted_by=actor.subject,
            scope_units=None if scope is None else sorted(scope.units),
            scope_communes=None if scope is None else sorted(scope.communes),
        )
        await repository.add(self.session, job)
        seq = 0
        while chunk := await read(CHUNK_BYTES):
            await repository.add_chunk(self.session, job.id, seq, self.cipher.seal(chunk, field=FILE_FIELD))
            seq += 1
        await repository.refresh(self.session, job)
        return job_out(actor, job)

    async def template(self) -> bytes:
        return build_template(await repository.courses(self.session))

    async def page(self, actor: Actor, params: PageParams) -> ImportPage:
        jobs, total = await repository.jobs(
            self.session, params, submitted_by=None if actor.is_admin else actor.subject
        )
        return ImportPage(
            items=[job_out(actor, job) for job in jobs],
            total=total,
            allowed_actions=access.actions(access.IMPORT_DESK, ListAction, actor, None),
        )


async def error_report(database: Database, job_id: uuid.UUID) -> AsyncIterator[bytes]:
    """The rejected rows as CSV: line and reason, UTF-8 with a BOM so that Excel reads the diacritics;
    every cell neutralised (`spreadsheets.csv_cell`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["Dòng", "Lý do"])
    yield ("\ufeff" + buffer.getvalue()).encode()
    async for partition in repository.error_pages(database, job_id):
        buffer.seek(0)
        buffer.truncate()
        # A reason quotes the cell it refuses: written as text, never as a formula, without control bytes.
        writer.writerows([[csv_cell(value) for value in row] for row in partition])
        yield buffer.getvalue().encode()
