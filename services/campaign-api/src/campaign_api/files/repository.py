"""SQL of files: the kit's store, on the request's session."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from campaign_api.files.models import FILES
from service_kit.files import StoredFile


async def store(
    session: AsyncSession, *, uploaded_by: str, filename: str | None, data: bytes, limit: int
) -> StoredFile:
    return await FILES.store(session, uploaded_by=uploaded_by, filename=filename, data=data, limit=limit)


async def get(session: AsyncSession, file_id: uuid.UUID) -> StoredFile | None:
    return await FILES.get(session, file_id)


async def attach(
    session: AsyncSession,
    file_ids: Sequence[uuid.UUID],
    *,
    uploaded_by: str,
    attached_type: str,
    attached_id: str,
    replace: bool = False,
) -> None:
    await FILES.attach(
        session,
        file_ids,
        uploaded_by=uploaded_by,
        attached_type=attached_type,
        attached_id=attached_id,
        replace=replace,
    )


async def attached_to(session: AsyncSession, attached_type: str, attached_id: str) -> list[StoredFile]:
    return await FILES.attached_to(session, attached_type, attached_id)


async def attached_to_many(
    session: AsyncSession, attached_type: str, attached_ids: Sequence[str]
) -> dict[str, list[StoredFile]]:
    return await FILES.attached_to_many(session, attached_type, attached_ids)


async def read(session: AsyncSession, file_id: uuid.UUID) -> bytes:
    return await FILES.read(session, file_id)
