"""`Idempotency-Key` on POST: a repeat with the same key and body gets the first response and creates
nothing; the same key with another body gets 422 (API.md, Conventions).

Keys are kept per caller (issuer and subject of the verified token) for a day, in the service's own
`idempotency_key` table. Responses marked `Cache-Control: no-store` (a secret shown once) are not kept:
a repeat of such a request is refused with 409 instead of being performed again.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime, timedelta
from tempfile import SpooledTemporaryFile
from typing import Any

from alembic.operations import Operations
from sqlalchemy import (
    Column,
    DateTime,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    delete,
    func,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import insert
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service_kit.errors import problem_response

TABLE = "idempotency_key"
HEADER = b"idempotency-key"
KEEP_FOR = timedelta(hours=24)
LARGEST_KEPT_RESPONSE = 1_000_000
_VALID_KEY = re.compile(r"^[\x21-\x7e]{1,255}$")


def _columns() -> list[Column[Any]]:
    return [
        Column("principal", Text, primary_key=True),
        Column("key", String(255), primary_key=True),
        Column("request_hash", LargeBinary(32), nullable=False),
        Column("status_code", Integer, nullable=True, comment="null while the first request runs"),
        Column("content_type", Text, nullable=True),
        Column("location", Text, nullable=True),
        Column("response_body", LargeBinary, nullable=True, comment="null when the response was not kept"),
        Column("created_at", DateTime(timezone=True), server_default=func.now(), nullable=False),
    ]


COMMENT = "Idempotency-Key of creating POST requests"


def idempotency_table(metadata: MetaData) -> Table:
    return Table(TABLE, metadata, *_columns(), comment=COMMENT)


def create_idempotency_table(op: Operations, schema: str) -> None:
    op.create_table(TABLE, *_columns(), schema=schema, comment=COMMENT)


def drop_idempotency_table(op: Operations, schema: str) -> None:
    op.drop_table(TABLE, schema=schema)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope["headers"]:
        if key == name:
            return str(value.decode("latin-1"))
    return None


def _multipart_boundary(scope: Scope) -> bytes | None:
    content_type = _header(scope, b"content-type") or ""
    if not content_type.lower().startswith("multipart/"):
        return None
    match = re.search(r'boundary="?([^";]+)"?', content_type)
    return match.group(1).encode("latin-1") if match else None


def _request_hash(scope: Scope, body: Any) -> bytes:
    """SHA-256 of method, path and body. A multipart body is hashed without its boundary, which clients
    draw at random for every request: the same file sent again is the same request."""
    digest = hashlib.sha256(f"{scope['method']} {scope['path']}\n".encode())
    boundary = _multipart_boundary(scope)
    keep = len(boundary) - 1 if boundary else 0
    tail = b""
    body.seek(0)
    while chunk := body.read(65_536):
        data = tail + chunk
        if boundary:
            data = data.replace(boundary, b"")
            # A boundary cut in two by the chunking starts within the last len(boundary) - 1 bytes.
            data, tail = (data[:-keep], data[-keep:]) if len(data) > keep else (b"", data)
        digest.update(data)
    digest.update(tail)
    return digest.digest()


class IdempotencyMiddleware:
    """Pure-ASGI: answers repeats of `POST` requests that carry `Idempotency-Key` from what was kept."""

    def __init__(self, app: ASGIApp, *, schema: str) -> None:
        self.app = app
        self.table = idempotency_table(MetaData(schema=schema))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key = _header(scope, HEADER) if scope["type"] == "http" and scope["method"] == "POST" else None
        if key is None:
            await self.app(scope, receive, send)
            return
        if not _VALID_KEY.match(key):
            response = problem_response(
                400,
                detail="Idempotency-Key is 1 to 255 visible ASCII characters.",
                code="idempotency.bad_key",
            )
            await response(scope, receive, send)
            return
        principal = await self._principal(scope)
        if principal is None:
            # Unauthenticated: the endpoint answers (401) and nothing is kept.
            await self.app(scope, receive, send)
            return

        body = SpooledTemporaryFile(max_size=1_000_000)  # noqa: SIM115 - closed in the finally below
        try:
            while True:
                message = await receive()
                body.write(message.get("body", b""))
                if not message.get("more_body", False):
                    break
            request_hash = _request_hash(scope, body)
            kept = await self._claim(scope, principal, key, request_hash)
            if kept is not None:
                await self._answer_repeat(scope, receive, send, kept, request_hash)
                return
            body.seek(0)
            await self._run_and_keep(scope, send, principal, key, body)
        finally:
            body.close()

    async def _principal(self, scope: Scope) -> str | None:
        authorization = _header(scope, b"authorization") or ""
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer" or not token:
            return None
        try:
            principal = await scope["app"].state.token_verifier.verify(token)
        except Exception:
            return None
        return f"{principal.issuer}|{principal.subject}"

    def _sessionmaker(self, scope: Scope) -> Any:
        return scope["app"].state.database.sessionmaker

    async def _claim(
        self, scope: Scope, principal: str, key: str, request_hash: bytes
    ) -> dict[str, Any] | None:
        """Take the key for this request (None), or return what is kept for it."""
        table = self.table
        async with self._sessionmaker(scope)() as session, session.begin():
            await session.execute(
                delete(table).where(
                    table.c.principal == principal,
                    table.c.key == key,
                    table.c.created_at < datetime.now(UTC) - KEEP_FOR,
                )
            )
            claimed = await session.scalar(
                insert(table)
                .values(principal=principal, key=key, request_hash=request_hash)
                .on_conflict_do_nothing()
                .returning(table.c.key)
            )
            if claimed is not None:
                return None
            row = (
                (
                    await session.execute(
                        select(table).where(table.c.principal == principal, table.c.key == key)
                    )
                )
                .mappings()
                .one()
            )
            return dict(row)

    async def _answer_repeat(
        self, scope: Scope, receive: Receive, send: Send, kept: dict[str, Any], request_hash: bytes
    ) -> None:
        if kept["request_hash"] != request_hash:
            response = problem_response(
                422,
                detail="This Idempotency-Key was used with another request; use a new key.",
                code="idempotency.key_reused",
                instance=scope["path"],
            )
        elif kept["status_code"] is None:
            response = problem_response(
                409,
                detail="The first request with this Idempotency-Key is still running.",
                code="idempotency.in_progress",
                instance=scope["path"],
            )
        elif kept["response_body"] is None:
            response = problem_response(
                409,
                detail="A request with this Idempotency-Key was done already; its answer is shown once only.",
                code="idempotency.shown_once",
                instance=scope["path"],
            )
        else:
            headers = [(b"content-type", (kept["content_type"] or "application/json").encode("latin-1"))]
            if kept["location"]:
                headers.append((b"location", kept["location"].encode("latin-1")))
            headers.append((b"idempotent-replayed", b"true"))
            await send({"type": "http.response.start", "status": kept["status_code"], "headers": headers})
            await send({"type": "http.response.body", "body": kept["response_body"]})
            return
        await response(scope, receive, send)

    async def _run_and_keep(self, scope: Scope, send: Send, principal: str, key: str, body: Any) -> None:
        status = 500
        headers: dict[bytes, bytes] = {}
        chunks: list[bytes] = []
        size = 0

        async def replay_body() -> Message:
            chunk = body.read(65_536)
            return {"type": "http.request", "body": chunk, "more_body": len(chunk) == 65_536}

        async def capture(message: Message) -> None:
            nonlocal status, size
            if message["type"] == "http.response.start":
                status = message["status"]
                headers.update({k.lower(): v for k, v in message.get("headers", [])})
            elif message["type"] == "http.response.body":
                size += len(message.get("body", b""))
                if size <= LARGEST_KEPT_RESPONSE:
                    chunks.append(message.get("body", b""))
            await send(message)

        completed = False
        try:
            await self.app(scope, replay_body, capture)
            completed = True
        finally:
            await self._settle(
                scope, principal, key, status if completed else 500, headers, b"".join(chunks), size
            )

    async def _settle(
        self,
        scope: Scope,
        principal: str,
        key: str,
        status: int,
        headers: dict[bytes, bytes],
        content: bytes,
        size: int,
    ) -> None:
        table = self.table
        where = (table.c.principal == principal) & (table.c.key == key)
        async with self._sessionmaker(scope)() as session, session.begin():
            if not 200 <= status < 300:
                # Nothing was created: the key is free for a corrected retry.
                await session.execute(delete(table).where(where))
                return
            keep = b"no-store" not in headers.get(b"cache-control", b"") and size <= LARGEST_KEPT_RESPONSE
            await session.execute(
                update(table)
                .where(where)
                .values(
                    status_code=status,
                    content_type=headers.get(b"content-type", b"application/json").decode("latin-1"),
                    location=headers[b"location"].decode("latin-1") if b"location" in headers else None,
                    response_body=content if keep else None,
                )
            )
