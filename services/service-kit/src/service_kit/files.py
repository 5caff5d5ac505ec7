"""Files each service keeps in its own schema: uploaded once, typed by their bytes, stored in chunks.

The mechanism, not the rules: a service declares the two tables on its metadata (`FileStore`), adds
them in a migration (`create_file_tables`), exposes `POST /v1/files` on an upload route of its app
(`create_service_app(uploads=[("POST /v1/files", limit)])`) and decides itself, in its access policy,
who may read a file: the callers allowed to see the object the file is attached to, or its uploader
alone while it is attached to nothing.

The type is read from the bytes, never from the name or the declared content type: PDF, PNG and JPEG
by their signatures; DOCX, XLSX and ODT, all zip archives, by the parts inside them. The SHA-256 of the
bytes is kept. Nothing here logs a file's name or content.
"""

from __future__ import annotations

import hashlib
import io
import uuid
import zipfile
from collections.abc import AsyncIterator, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from alembic.operations import Operations
from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException
from starlette.requests import Request

from service_kit import i18n
from service_kit.errors import InvalidState, PayloadTooLarge, field_error

FILE_TABLE = "stored_file"
CHUNK_TABLE = "stored_file_chunk"
CHUNK_BYTES = 256 * 1024
DEFAULT_FILE_LIMIT = 10 * 1024 * 1024
"""10 MiB: a scanned decision or a dossier's annex; services set their own by setting."""

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ODT = "application/vnd.oasis.opendocument.text"
ACCEPTED_TYPES = (PDF, DOCX, XLSX, ODT, PNG, JPEG)
KINDS = "PDF, DOCX, XLSX, ODT, PNG, JPEG"


def _printable(text: str) -> str:
    """A name without control characters (nothing else of it is trusted either)."""
    return "".join(char for char in text if char.isprintable())


def sniff(data: bytes) -> str | None:
    """The content type the bytes are, among the accepted ones; None for anything else."""
    if data.startswith(b"%PDF-"):
        return PDF
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith(b"PK\x03\x04"):
        return _sniff_zip(data)
    return None


def _sniff_zip(data: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                declared = archive.read("mimetype")[:100].strip()
                return ODT if declared == ODT.encode() else None
            if "[Content_Types].xml" not in names:
                return None
            if "word/document.xml" in names:
                return DOCX
            if "xl/workbook.xml" in names:
                return XLSX
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, ValueError, OSError, EOFError):
        return None
    return None


def _file_columns() -> list[Column[Any] | CheckConstraint]:
    return [
        Column("id", UUID(as_uuid=True), primary_key=True),
        Column("filename", String(255), nullable=False),
        Column("content_type", String(100), nullable=False),
        Column("size", BigInteger, nullable=False),
        Column("sha256", String(64), nullable=False),
        Column("uploaded_by", Text, nullable=False, comment="token subject of the uploader"),
        Column("uploaded_at", DateTime(timezone=True), server_default=func.now(), nullable=False),
        Column("attached_type", String(40), nullable=True, comment="the kind of object it belongs to"),
        Column("attached_id", Text, nullable=True),
        CheckConstraint("size >= 0", name="size_not_negative"),
        CheckConstraint("(attached_type IS NULL) = (attached_id IS NULL)", name="attached_both_or_neither"),
    ]


def _chunk_columns(schema: str | None) -> list[Column[Any]]:
    target = f"{schema}.{FILE_TABLE}.id" if schema else f"{FILE_TABLE}.id"
    return [
        Column("file_id", UUID(as_uuid=True), ForeignKey(target, ondelete="CASCADE"), primary_key=True),
        Column("seq", Integer, primary_key=True),
        Column("data", LargeBinary, nullable=False),
    ]


def create_file_tables(op: Operations, schema: str) -> None:
    """Migration step: the files table and its chunks."""
    op.create_table(FILE_TABLE, *_file_columns(), schema=schema, comment="Uploaded files")
    op.create_index("ix_stored_file_attached", FILE_TABLE, ["attached_type", "attached_id"], schema=schema)
    op.create_table(CHUNK_TABLE, *_chunk_columns(schema), schema=schema, comment="Uploaded files' bytes")


def drop_file_tables(op: Operations, schema: str) -> None:
    op.drop_table(CHUNK_TABLE, schema=schema)
    op.drop_table(FILE_TABLE, schema=schema)


@dataclass(frozen=True)
class StoredFile:
    id: uuid.UUID
    filename: str
    content_type: str
    size: int
    sha256: str
    uploaded_by: str
    uploaded_at: datetime
    attached_type: str | None
    attached_id: str | None


class FileStore:
    """The files of one service (tables declared on its schema-bound `metadata`)."""

    def __init__(self, metadata: MetaData) -> None:
        self.files = Table(
            FILE_TABLE,
            metadata,
            *_file_columns(),
            Index("ix_stored_file_attached", "attached_type", "attached_id"),
            comment="Uploaded files",
        )
        self.chunks = Table(
            CHUNK_TABLE, metadata, *_chunk_columns(metadata.schema), comment="Uploaded files' bytes"
        )

    async def store(
        self, session: AsyncSession, *, uploaded_by: str, filename: str | None, data: bytes, limit: int
    ) -> StoredFile:
        """Keep the bytes when they are one of the accepted types and within `limit`; 413 or 422 otherwise."""
        if len(data) > limit:
            raise too_large(limit)
        if not data:
            raise field_error("file", code="file.empty")
        content_type = sniff(data)
        if content_type is None:
            raise field_error("file", code="file.unsupported_type", kinds=KINDS)
        file_id = uuid.uuid4()
        name = _printable(filename or "")[:255].strip() or "tep"
        await session.execute(
            insert(self.files).values(
                id=file_id,
                filename=name,
                content_type=content_type,
                size=len(data),
                sha256=hashlib.sha256(data).hexdigest(),
                uploaded_by=uploaded_by,
            )
        )
        for seq, start in enumerate(range(0, len(data), CHUNK_BYTES)):
            await session.execute(
                insert(self.chunks).values(file_id=file_id, seq=seq, data=data[start : start + CHUNK_BYTES])
            )
        stored = await self.get(session, file_id)
        assert stored is not None
        return stored

    async def get(self, session: AsyncSession, file_id: uuid.UUID) -> StoredFile | None:
        row = (await session.execute(select(self.files).where(self.files.c.id == file_id))).mappings().first()
        return StoredFile(**row) if row is not None else None

    async def attached_to(
        self, session: AsyncSession, attached_type: str, attached_id: str
    ) -> list[StoredFile]:
        rows = (
            await session.execute(
                select(self.files)
                .where(self.files.c.attached_type == attached_type, self.files.c.attached_id == attached_id)
                .order_by(self.files.c.uploaded_at, self.files.c.id)
            )
        ).mappings()
        return [StoredFile(**row) for row in rows]

    async def attached_to_many(
        self, session: AsyncSession, attached_type: str, attached_ids: Iterable[str]
    ) -> dict[str, list[StoredFile]]:
        """The files of several objects of one kind, in one query (a list's rows): id → its files."""
        ids = list(dict.fromkeys(attached_ids))
        found: dict[str, list[StoredFile]] = {attached_id: [] for attached_id in ids}
        if not ids:
            return found
        rows = (
            await session.execute(
                select(self.files)
                .where(self.files.c.attached_type == attached_type, self.files.c.attached_id.in_(ids))
                .order_by(self.files.c.uploaded_at, self.files.c.id)
            )
        ).mappings()
        for row in rows:
            found[row["attached_id"]].append(StoredFile(**row))
        return found

    async def attach(
        self,
        session: AsyncSession,
        file_ids: Sequence[uuid.UUID],
        *,
        uploaded_by: str,
        attached_type: str,
        attached_id: str,
        replace: bool = False,
    ) -> None:
        """Attach the caller's own unattached files (or files already attached to this very object) to
        an object; any other id is a 422 naming it, and nothing is attached.

        With `replace`, `file_ids` is the object's whole set: its files not listed are detached (they
        go back to their uploader alone, as before they were attached)."""
        wanted = list(dict.fromkeys(file_ids))
        await self._check_attachable(session, wanted, uploaded_by, attached_type, attached_id)
        if replace:
            detached = update(self.files).where(
                self.files.c.attached_type == attached_type, self.files.c.attached_id == attached_id
            )
            if wanted:
                detached = detached.where(self.files.c.id.not_in(wanted))
            await session.execute(detached.values(attached_type=None, attached_id=None))
        if wanted:
            await session.execute(
                update(self.files)
                .where(self.files.c.id.in_(wanted))
                .values(attached_type=attached_type, attached_id=attached_id)
            )

    async def _check_attachable(
        self,
        session: AsyncSession,
        wanted: list[uuid.UUID],
        uploaded_by: str,
        attached_type: str,
        attached_id: str,
    ) -> None:
        if not wanted:
            return
        rows = (
            await session.execute(select(self.files).where(self.files.c.id.in_(wanted)).with_for_update())
        ).mappings()
        usable = {
            row["id"]
            for row in rows
            if (row["attached_type"] is None and row["uploaded_by"] == uploaded_by)
            or (row["attached_type"] == attached_type and row["attached_id"] == attached_id)
        }
        for index, file_id in enumerate(wanted):
            if file_id not in usable:
                raise field_error(f"file_ids.{index}", code="file.not_attachable", file_id=str(file_id))

    async def content(self, session: AsyncSession, file_id: uuid.UUID) -> AsyncIterator[bytes]:
        """The bytes, chunk by chunk, in order."""
        seq = 0
        while True:
            data = (
                await session.execute(
                    select(self.chunks.c.data).where(
                        self.chunks.c.file_id == file_id, self.chunks.c.seq == seq
                    )
                )
            ).scalar_one_or_none()
            if data is None:
                return
            yield bytes(data)
            seq += 1

    async def read(self, session: AsyncSession, file_id: uuid.UUID) -> bytes:
        return b"".join([chunk async for chunk in self.content(session, file_id)])


def too_large(limit: int) -> PayloadTooLarge:
    return PayloadTooLarge(code="file.too_large", params={"limit_bytes": limit})


def not_attached(kinds: Iterable[str]) -> InvalidState:
    return InvalidState(code="file.wrong_attachment", params={"kinds": ", ".join(kinds)})


async def read_upload(request: Request, limit: int) -> tuple[str | None, bytes]:
    """The one `file` part of a multipart form: its name and bytes, at most `limit` of them (413 above)."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit + 64 * 1024:
        raise too_large(limit)
    try:
        form = await request.form(max_files=2, max_fields=2)
    except (MultiPartException, ValueError, AssertionError):
        raise field_error("file", code="file.missing") from None
    for name in form:
        if name != "file":
            raise field_error(name[:64], code="file.unexpected_field", part=name[:64])
    parts = form.getlist("file")
    if len(parts) != 1 or not isinstance(parts[0], UploadFile):
        raise field_error("file", code="file.missing")
    part = parts[0]
    data = await part.read(limit + 1)
    if len(data) > limit:
        raise too_large(limit)
    return part.filename, data


UPLOAD_BODY: dict[str, Any] = {
    "required": True,
    "content": {
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "required": ["file"],
                "additionalProperties": False,
                "properties": {
                    "file": {
                        "type": "string",
                        "format": "binary",
                        "description": f"The file ({KINDS}); its type is read from its bytes",
                    }
                },
            },
            "encoding": {"file": {"contentType": "application/octet-stream"}},
        }
    },
}
"""The request body of `POST /v1/files`, for the route's `openapi_extra={"requestBody": ...}`."""


i18n.register(
    {
        "file.missing": (
            "Hãy gửi đúng một tệp trong trường “file” (multipart/form-data).",
            "Send exactly one file in the `file` field (multipart/form-data).",
        ),
        "file.unexpected_field": (
            "Biểu mẫu chỉ nhận trường “file”, không nhận “{part}”.",
            "The form takes the `file` field only, not `{part}`.",
        ),
        "file.empty": ("Tệp rỗng.", "The file is empty."),
        "file.unsupported_type": (
            "Loại tệp không được nhận; chỉ nhận {kinds} (xác định theo nội dung tệp, không theo tên).",
            "This kind of file is not accepted; only {kinds} (read from the bytes, not the name).",
        ),
        "file.too_large": (
            "Tệp vượt quá {limit_bytes} byte cho phép.",
            "The file is larger than the {limit_bytes} bytes allowed.",
        ),
        "file.not_attachable": (
            "Tệp {file_id} không tồn tại, không do bạn tải lên hoặc đã gắn với hồ sơ khác.",
            "File {file_id} does not exist, was not uploaded by you or is attached elsewhere.",
        ),
        "file.wrong_attachment": (
            "Tệp được gắn với loại đối tượng không hỗ trợ ({kinds}).",
            "The file is attached to a kind of object not served here ({kinds}).",
        ),
    }
)
