"""Import endpoints: submit a file (202, processed in the background), follow the job, read its errors,
download the template."""

from __future__ import annotations

import io
from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, Depends, Request, status
from fastapi.responses import Response, StreamingResponse
from starlette.datastructures import UploadFile as StarletteUploadFile
from starlette.formparsers import MultiPartException

from literacy_api.config import LiteracySettings
from literacy_api.deps import (
    ActorDep,
    CipherDep,
    ImportDesk,
    ImportErrorsDep,
    ImportJobDep,
    ImportSubmitter,
    SessionDep,
)
from literacy_api.imports.schemas import ImportJobOut, ImportPage
from literacy_api.imports.service import SMALLEST_FILE, ImportService, error_report, job_out, too_large
from service_kit.db import DatabaseDep
from service_kit.errors import PROBLEM, field_error
from service_kit.pagination import PageParamsDep

router = APIRouter(tags=["imports"])

_JOB_ID = {"job_id": "$response.body#/id"}
IMPORT_LINKS = {
    "GetImport": {"operationId": "get_import_v1_imports__job_id__get", "parameters": _JOB_ID},
    "ImportErrors": {"operationId": "import_errors_v1_imports__job_id__errors_get", "parameters": _JOB_ID},
}

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _settings(request: Request) -> LiteracySettings:
    settings: LiteracySettings = request.app.state.settings
    return settings


async def get_import_service(session: SessionDep, cipher: CipherDep) -> ImportService:
    return ImportService(session=session, cipher=cipher)


ImportServiceDep = Annotated[ImportService, Depends(get_import_service)]


UPLOAD_BODY: dict[str, Any] = {
    "required": True,
    "content": {
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "required": ["file"],
                "additionalProperties": False,
                "properties": {
                    # Read by the worker, which fails the job with a reason when the bytes are not a CSV
                    # or XLSX file of records; fewer bytes than a header and a row cannot be one.
                    "file": {
                        "type": "string",
                        "format": "binary",
                        "minLength": SMALLEST_FILE,
                        "description": f"The CSV (UTF-8) or XLSX file: at least {SMALLEST_FILE} bytes",
                    }
                },
            },
            "encoding": {"file": {"contentType": "application/octet-stream"}},
        }
    },
}


async def upload_of(request: Request) -> StarletteUploadFile:
    """The one part of the form, `file` (a file part, or a plain field whose text is the file)."""
    try:
        form = await request.form(max_files=8, max_fields=8)
    except (MultiPartException, ValueError):
        raise field_error("file", code="import.unexpected_field", part="…") from None
    for name in form:
        if name != "file":
            raise field_error(name[:64], code="import.unexpected_field", part=name[:64])
    parts = form.getlist("file")
    if len(parts) != 1:
        raise field_error("file", code="import.file_missing")
    part = parts[0]
    if isinstance(part, str):
        data = part.encode("utf-8", "surrogateescape")
        return StarletteUploadFile(io.BytesIO(data), size=len(data), filename="file")
    return part


@router.post(
    "/v1/imports",
    status_code=status.HTTP_202_ACCEPTED,
    summary="Upload a CSV or XLSX file of training records; it is processed in the background",
    responses={
        202: {"description": "Accepted: queued", "links": IMPORT_LINKS},
        403: PROBLEM,
        413: PROBLEM,
        422: PROBLEM,
    },
    openapi_extra={"requestBody": UPLOAD_BODY},
)
async def submit_import(
    request: Request, actor: ImportSubmitter, service: ImportServiceDep, background: BackgroundTasks
) -> ImportJobOut:
    limit = _settings(request).import_max_bytes
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit + 64 * 1024:
        raise too_large(limit)
    file = await upload_of(request)
    if (file.size or 0) < SMALLEST_FILE:
        raise field_error("file", code="import.too_small", smallest=SMALLEST_FILE)
    job = await service.submit(
        actor, filename=file.filename, size=file.size or 0, read=file.read, limit=limit
    )
    worker = getattr(request.app.state, "import_worker", None)
    if worker is not None:
        background.add_task(worker.wake)  # after the commit, so the worker sees the job
    return job


@router.get(
    "/v1/imports/template.xlsx",
    summary="The import template (Vietnamese headers, drop-down lists, instructions, course codes)",
    response_class=Response,
    responses={200: {"content": {XLSX: {}}}, 403: PROBLEM},
)
async def import_template(_: ImportDesk, service: ImportServiceDep) -> Response:
    return Response(
        await service.template(),
        media_type=XLSX,
        headers={"Content-Disposition": 'attachment; filename="mau-nhap-lieu-binh-dan-hoc-vu-so.xlsx"'},
    )


@router.get(
    "/v1/imports",
    summary="Recent imports (the caller's own; administrators see all)",
    responses={403: PROBLEM},
)
async def list_imports(actor: ImportDesk, service: ImportServiceDep, page: PageParamsDep) -> ImportPage:
    return await service.page(actor, page)


@router.get(
    "/v1/imports/{job_id:uuid_any}",
    summary="An import's status and exact counts",
    responses={403: PROBLEM, 404: PROBLEM},
)
async def get_import(job: ImportJobDep, actor: ActorDep) -> ImportJobOut:
    return job_out(actor, job)


@router.get(
    "/v1/imports/{job_id:uuid_any}/errors",
    summary="The rejected rows: line and reason (CSV, UTF-8 with BOM for Excel)",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/csv": {}}}, 403: PROBLEM, 404: PROBLEM},
)
async def import_errors(job: ImportErrorsDep, database: DatabaseDep) -> StreamingResponse:
    return StreamingResponse(
        error_report(database, job.id),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="loi-nhap-lieu-{job.id}.csv"'},
    )
