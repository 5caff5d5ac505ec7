"""What the file endpoints return."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict

from service_kit.files import StoredFile


class FileOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    filename: str
    content_type: str
    size: int
    sha256: str
    uploaded_at: datetime
    attached_type: str | None


class AttachedFile(BaseModel):
    """A file as the object it is attached to lists it (downloaded at `GET /v1/files/{id}`)."""

    id: uuid.UUID
    filename: str
    content_type: str
    size: int
    sha256: str


def attached_files(stored: list[StoredFile]) -> list[AttachedFile]:
    return [
        AttachedFile(id=f.id, filename=f.filename, content_type=f.content_type, size=f.size, sha256=f.sha256)
        for f in stored
    ]
