"""Import endpoints: submit a file (202, processed in the background), follow the job, read its errors,
download the template."""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Depends, Request, UploadFile, status
from fastapi.responses import Response, StreamingResponse
from sqlalchemy import insert, select

from literacy_api.access import WriterDep
from literacy_api.catalog.models import Course
from literacy_api.config import LiteracySettings
from literacy_api.imports.models import ImportFileChunk, ImportJob, ImportRowError
from literacy_api.imports.schemas import ImportJobOut
from literacy_api.imports.template import build_template
from literacy_api.imports.worker import FILE_FIELD
from service_kit.auth import Principal
from service_kit.db import DatabaseDep, SessionDep
from service_kit.errors import PROBLEM, Forbidden, NotFound, PayloadTooLarge
from service_kit.pagination import Page, PageParamsDep, paginate

router = APIRouter(tags=["imports"])

CHUNK_BYTES = 1024 * 1024
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _settings(request: Request) -> LiteracySettings:
    settings: LiteracySettings = request.app.state.settings
    return settings


def _too_large(limit: int) -> PayloadTooLarge:
    return PayloadTooLarge(
        f"The file is larger than {limit // (1024 * 1024)} MB; split it into several files."
    )


@router.post(
    "/v1/imports",
    status_code=status.HTTP_202_ACCEPTED,
    summary="Upload a CSV or XLSX file of training records; it is processed in the background",
    responses={403: PROBLEM, 413: PROBLEM, 422: PROBLEM},
)
async def submit_import(
    request: Request,
    access: WriterDep,
    session: SessionDep,
    file: UploadFile,
    background: BackgroundTasks,
) -> ImportJobOut:
    limit = _settings(request).import_max_bytes
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit + 64 * 1024:
        raise _too_large(limit)
    size = file.size if file.size is not None else 0
    if size > limit:
        raise _too_large(limit)
    scope = access.scope
    job = ImportJob(
        filename=(file.filename or "upload")[:255],
        size_bytes=size,
        submitted_by=access.principal.subject,
        scope_units=None if scope is None else sorted(scope.units),
        scope_communes=None if scope is None else sorted(scope.communes),
    )
    session.add(job)
    await session.flush()
    cipher = request.app.state.cipher
    seq = 0
    while chunk := await file.read(CHUNK_BYTES):
        await session.execute(
            insert(ImportFileChunk).values(job_id=job.id, seq=seq, data=cipher.seal(chunk, field=FILE_FIELD))
        )
        seq += 1
    await session.refresh(job)
    worker = getattr(request.app.state, "import_worker", None)
    if worker is not None:
        background.add_task(worker.wake)  # after the commit, so the worker sees the job
    return ImportJobOut.model_validate(job)


@router.get(
    "/v1/imports/template.xlsx",
    summary="The import template (Vietnamese headers, drop-down lists, instructions, course codes)",
    response_class=Response,
    responses={200: {"content": {XLSX: {}}}, 403: PROBLEM},
)
async def import_template(_: WriterDep, session: SessionDep) -> Response:
    courses = [(c.code, c.title) for c in await session.scalars(select(Course).order_by(Course.code))]
    return Response(
        build_template(courses),
        media_type=XLSX,
        headers={"Content-Disposition": 'attachment; filename="mau-nhap-lieu-binh-dan-hoc-vu-so.xlsx"'},
    )


def _visible(principal: Principal, job: ImportJob) -> bool:
    return principal.has_role("admin") or job.submitted_by == principal.subject


async def get_job(job_id: uuid.UUID, access: WriterDep, session: SessionDep) -> ImportJob:
    job = await session.get(ImportJob, job_id)
    if job is None:
        raise NotFound(f"No import {job_id}.")
    if not _visible(access.principal, job):
        raise Forbidden("This import was submitted by someone else.")
    return job


JobDep = Annotated[ImportJob, Depends(get_job)]


@router.get(
    "/v1/imports",
    summary="Recent imports (the caller's own; administrators see all)",
    responses={403: PROBLEM},
)
async def list_imports(access: WriterDep, session: SessionDep, page: PageParamsDep) -> Page[ImportJobOut]:
    statement = select(ImportJob).order_by(ImportJob.created_at.desc(), ImportJob.id)
    if not access.principal.has_role("admin"):
        statement = statement.where(ImportJob.submitted_by == access.principal.subject)
    jobs, total = await paginate(session, statement, page)
    return Page(items=[ImportJobOut.model_validate(job) for job in jobs], total=total)


@router.get(
    "/v1/imports/{job_id}",
    summary="An import's status and exact counts",
    responses={403: PROBLEM, 404: PROBLEM},
)
async def get_import(job: JobDep) -> ImportJobOut:
    return ImportJobOut.model_validate(job)


@router.get(
    "/v1/imports/{job_id}/errors",
    summary="The rejected rows: line and reason (CSV, UTF-8 with BOM for Excel)",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/csv": {}}}, 403: PROBLEM, 404: PROBLEM},
)
async def import_errors(job: JobDep, database: DatabaseDep) -> StreamingResponse:
    async def lines() -> AsyncIterator[bytes]:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["Dòng", "Lý do"])
        yield ("\ufeff" + buffer.getvalue()).encode()
        async with database.sessionmaker() as session:
            result = await session.stream(
                select(ImportRowError.line, ImportRowError.reason)
                .where(ImportRowError.job_id == job.id)
                .order_by(ImportRowError.line)
                .execution_options(yield_per=5_000)
            )
            async for partition in result.partitions():
                buffer.seek(0)
                buffer.truncate()
                writer.writerows(partition)
                yield buffer.getvalue().encode()

    return StreamingResponse(
        lines(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="loi-nhap-lieu-{job.id}.csv"'},
    )
