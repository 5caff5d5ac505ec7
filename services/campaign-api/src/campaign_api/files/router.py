"""File endpoints: upload (multipart, typed by its bytes) and download."""

from __future__ import annotations

import uuid
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Request, status
from fastapi.responses import Response

from campaign_api.access import FILE_LIST
from campaign_api.deps import ActorDep, FileServiceDep, may
from campaign_api.files.schemas import FileOut
from service_kit.access import Actor
from service_kit.errors import PROBLEM
from service_kit.files import ACCEPTED_TYPES, UPLOAD_BODY, read_upload

router = APIRouter(tags=["files"])

FileUploader = Annotated[Actor, Depends(may(FILE_LIST, "upload"))]


@router.post(
    "/v1/files",
    status_code=status.HTTP_201_CREATED,
    summary="Upload a file (PDF, DOCX, XLSX, ODT, PNG, JPEG: its type is read from its bytes)",
    responses={403: PROBLEM, 413: PROBLEM, 422: PROBLEM},
    openapi_extra={"requestBody": UPLOAD_BODY},
)
async def upload_file(request: Request, actor: FileUploader, service: FileServiceDep) -> FileOut:
    limit: int = request.app.state.settings.file_max_bytes
    filename, data = await read_upload(request, limit)
    return await service.upload(actor, filename=filename, data=data, limit=limit)


@router.get(
    "/v1/files/{file_id}",
    summary="A file's bytes, to whoever may read what it is attached to (its uploader while unattached)",
    response_class=Response,
    responses={200: {"content": {t: {} for t in ACCEPTED_TYPES}}, 403: PROBLEM, 404: PROBLEM},
)
async def download_file(file_id: uuid.UUID, actor: ActorDep, service: FileServiceDep) -> Response:
    stored, data = await service.readable(actor, file_id)
    return Response(
        data,
        media_type=stored.content_type,
        headers={
            "Content-Disposition": f"attachment; filename*=UTF-8''{quote(stored.filename)}",
            "X-Content-Type-Options": "nosniff",
            "ETag": f'"{stored.sha256}"',
        },
    )
