"""List paging: `limit`/`offset` with `items`/`total`, and opaque keyset cursors for very large tables."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Generic, TypeVar
from uuid import UUID

from fastapi import Depends, Query
from pydantic import BaseModel
from sqlalchemy import ColumnElement, Select, func, literal, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import QueryableAttribute

from service_kit.errors import BadRequest

T = TypeVar("T")
Row = TypeVar("Row")

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
MAX_OFFSET = 2**31 - 1
"""Far past any list of the platform, and inside PostgreSQL's bigint (an offset of 2^63 was a 500)."""


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int | None = None


class CursorPage(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None = None


@dataclass(frozen=True)
class PageParams:
    limit: int = DEFAULT_LIMIT
    offset: int = 0


async def page_params(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page")] = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip")] = 0,
) -> PageParams:
    return PageParams(limit=limit, offset=offset)


@dataclass(frozen=True)
class CursorParams:
    limit: int = DEFAULT_LIMIT
    cursor: str | None = None


async def cursor_params(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page")] = DEFAULT_LIMIT,
    cursor: Annotated[
        str | None,
        Query(
            max_length=2048, pattern=r"^[A-Za-z0-9_=-]*$", description="`next_cursor` of the previous page"
        ),
    ] = None,
) -> CursorParams:
    return CursorParams(limit=limit, cursor=cursor)


PageParamsDep = Annotated[PageParams, Depends(page_params)]
CursorParamsDep = Annotated[CursorParams, Depends(cursor_params)]


async def paginate(
    session: AsyncSession, statement: Select[Any], params: PageParams
) -> tuple[list[Any], int]:
    """One page of `statement` (which must be ordered) and the total count of its rows."""
    count = select(func.count()).select_from(statement.order_by(None).subquery())
    total = (await session.execute(count)).scalar_one()
    rows = (await session.scalars(statement.limit(params.limit).offset(params.offset))).all()
    return list(rows), total


# Cursor values keep their type through JSON, so that keyset comparisons bind dates as dates, etc.
_ENCODERS: dict[type, tuple[str, Callable[[Any], Any]]] = {
    datetime: ("dt", datetime.isoformat),
    date: ("d", date.isoformat),
    UUID: ("u", str),
    Decimal: ("n", str),
}
_DECODERS: dict[str, Callable[[Any], Any]] = {
    "dt": datetime.fromisoformat,
    "d": date.fromisoformat,
    "u": UUID,
    "n": Decimal,
}


def _encode_value(value: Any) -> Any:
    for kind, (tag, encode) in _ENCODERS.items():
        if isinstance(value, kind):
            return {tag: encode(value)}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"cannot put {type(value).__name__} in a cursor")


def _decode_value(value: Any) -> Any:
    if isinstance(value, dict) and len(value) == 1:
        ((tag, raw),) = value.items()
        return _DECODERS[tag](raw)
    return value


def encode_cursor(values: Sequence[Any]) -> str:
    payload = json.dumps([_encode_value(v) for v in values], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(payload).rstrip(b"=").decode()


def decode_cursor(cursor: str) -> list[Any]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        raw = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if not isinstance(raw, list):
            raise TypeError("cursor is not a list")
        return [_decode_value(v) for v in raw]
    except (binascii.Error, ValueError, TypeError, KeyError) as exc:
        raise BadRequest(
            "The cursor is not valid; start again without it.", code="paging.bad_cursor"
        ) from exc


async def keyset_paginate(
    session: AsyncSession,
    statement: Select[Any],
    *,
    keys: Sequence[ColumnElement[Any] | QueryableAttribute[Any]],
    key_of: Callable[[Any], Sequence[Any]],
    params: CursorParams,
    scalars: bool = True,
) -> tuple[list[Any], str | None]:
    """One page of `statement` ordered ascending by `keys` (unique together), after `params.cursor`.

    `key_of(item)` returns an item's key values; the last item's become `next_cursor` when more follow.
    Items are ORM objects / single values (`scalars=True`) or rows (`scalars=False`).
    """
    statement = statement.order_by(*keys)
    if params.cursor is not None:
        after = decode_cursor(params.cursor)
        if len(after) != len(keys):
            raise BadRequest("The cursor is not valid; start again without it.", code="paging.bad_cursor")
        bound = [literal(value, type_=key.type) for key, value in zip(keys, after, strict=True)]
        statement = statement.where(tuple_(*keys) > tuple_(*bound))
    result = await session.execute(statement.limit(params.limit + 1))
    rows = list(result.scalars().all() if scalars else result.all())
    if len(rows) <= params.limit:
        return rows, None
    rows = rows[: params.limit]
    return rows, encode_cursor(key_of(rows[-1]))
