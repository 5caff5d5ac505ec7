"""Every query of the document resources: one document by its key (locked for a write), the ids of a
context's documents (optionally updated after a moment), stored, deleted."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from literacy_api.xapi_documents.models import XapiDocument
from literacy_api.xapi_documents.schemas import Place


def _in(place: Place) -> list[ColumnElement[bool]]:
    d = XapiDocument
    return [
        d.kind == place.kind,
        d.activity_id == place.activity_id,
        d.agent_key == place.agent_key,
        d.registration == place.registration,
    ]


async def lock(session: AsyncSession, place: Place, document_id: str) -> None:
    """Writers of one document (or of a context's documents, `document_id` '') take turns until the end of
    the transaction, so that two first PUTs of the same document do not both insert."""
    key = "\n".join((place.kind, place.activity_id, place.agent_key, place.registration, document_id))
    await session.execute(select(func.pg_advisory_xact_lock(func.hashtextextended(key, 0))))


async def one(
    session: AsyncSession, place: Place, document_id: str, *, for_update: bool = False
) -> XapiDocument | None:
    query = select(XapiDocument).where(*_in(place), XapiDocument.document_id == document_id)
    if for_update:
        query = query.with_for_update()
    found: XapiDocument | None = await session.scalar(query)
    return found


async def ids(session: AsyncSession, place: Place, since: datetime | None) -> list[str]:
    query = select(XapiDocument.document_id).where(*_in(place))
    if since is not None:
        query = query.where(XapiDocument.updated > since)
    return list(await session.scalars(query.order_by(XapiDocument.document_id)))


async def add(session: AsyncSession, document: XapiDocument) -> None:
    session.add(document)
    await session.flush()


async def remove(session: AsyncSession, document: XapiDocument) -> None:
    await session.delete(document)
    await session.flush()


async def remove_all(session: AsyncSession, place: Place) -> None:
    await session.execute(delete(XapiDocument).where(*_in(place)))


async def flush(session: AsyncSession) -> None:
    await session.flush()
