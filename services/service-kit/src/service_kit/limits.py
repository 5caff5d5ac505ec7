"""Request-body size limits per route, enforced before anything reads the body or checks the token.

JSON bodies are small; only the upload routes a service names (imports, files) take large ones.
A declared `Content-Length` over the limit is refused at once, without reading a byte; a body sent
without one (chunked) is counted as it streams and refused as soon as it passes the limit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service_kit.errors import problem_response

DEFAULT_BODY_LIMIT = 1024 * 1024
"""1 MiB: more than any JSON request of the platform needs."""


def _too_large(limit: int) -> str:
    return f"The request body is larger than the {limit} bytes allowed here."


class BodyTooLarge(HTTPException):
    """Raised inside `receive` when a streamed body passes its route's limit. An HTTPException, so
    that whatever is reading the body (FastAPI, a form parser) lets it through as the 413 it is."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, _too_large(limit), headers={"Connection": "close"})
        self.limit = limit


class BodyLimitMiddleware:
    """Pure ASGI: 413 problem+json for bodies over the route's limit. `uploads` maps
    `"METHOD /path"` patterns (path segments in braces match one segment) to their own limits."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        default_limit: int = DEFAULT_BODY_LIMIT,
        uploads: Iterable[tuple[str, int]] = (),
    ) -> None:
        self.app = app
        self.default_limit = default_limit
        self._uploads = [(self._pattern(route), limit) for route, limit in uploads]

    @staticmethod
    def _pattern(route: str) -> re.Pattern[str]:
        method, _, path = route.partition(" ")
        escaped = re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(path))
        return re.compile(f"^{method.upper()} {escaped}$")

    def limit_for(self, method: str, path: str) -> int:
        key = f"{method.upper()} {path}"
        for pattern, limit in self._uploads:
            if pattern.match(key):
                return limit
        return self.default_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS", "DELETE"):
            await self.app(scope, receive, send)
            return
        path, root = scope["path"], scope.get("root_path", "")
        if root and path.startswith(root + "/"):
            # Behind the gateway (`--root-path /api/<service>`) the path carries the prefix: the
            # routes the service names do not.
            path = path[len(root) :]
        limit = self.limit_for(scope["method"], path)
        declared = next((v for k, v in scope["headers"] if k == b"content-length"), None)
        if declared is not None:
            try:
                length = int(declared)
            except ValueError:
                length = -1
            if length < 0 or length > limit:
                await self._refuse(scope, send, limit, bad_length=length < 0)
                return

        received = 0
        started = False

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        async def tracked_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted_receive, tracked_send)
        except BodyTooLarge:
            if not started:
                await self._refuse(scope, send, limit)

    @staticmethod
    async def _refuse(scope: Scope, send: Send, limit: int, *, bad_length: bool = False) -> None:
        if bad_length:
            response = problem_response(
                400,
                detail="The Content-Length header is not a number.",
                instance=scope["path"],
                code="request.bad_content_length",
            )
        else:
            response = problem_response(
                413,
                detail=_too_large(limit),
                instance=scope["path"],
                headers={"Connection": "close"},
                code="request.too_large",
                extensions={"limit_bytes": limit},
            )

        async def no_body() -> Message:
            return {"type": "http.disconnect"}

        await response(scope, no_body, send)
