"""CORS for browser-based xAPI content (a course player in another origin sends statements from the browser):
on `/xapi/` paths only, any origin, the xAPI headers allowed and exposed; never cookies. The rest of the
service keeps the gateway's same-origin rules."""

from __future__ import annotations

from datetime import UTC, datetime

from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

ALLOWED_HEADERS = [
    "Authorization",
    "Content-Type",
    "X-Experience-API-Version",
    "If-Match",
    "If-None-Match",
    "Accept-Language",
]
EXPOSED_HEADERS = [
    "X-Experience-API-Version",
    "X-Experience-API-Consistent-Through",
    "ETag",
    "Last-Modified",
    "Content-Type",
]


def _now() -> bytes:
    """Every statement is readable once its write has answered: the store is consistent through now."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z").encode()


class XapiCors:
    """On `/xapi/` paths: CORS; every answer (errors too) names the xAPI version
    (`X-Experience-API-Version`: 1.0.3 when the request asked for 1.0.x, 2.0.0 for 2.0.x, the
    `unversioned` setting when it named none); HEAD is answered
    as the GET without its body, on every resource of the store; statement answers (errors too) carry
    `X-Experience-API-Consistent-Through`."""

    def __init__(self, app: ASGIApp, unversioned: str = "2.0.0") -> None:
        self._app = app
        self._unversioned = unversioned.encode()
        self._cors = CORSMiddleware(
            app,
            allow_origins=["*"],
            allow_methods=["GET", "HEAD", "PUT", "POST", "DELETE", "OPTIONS"],
            allow_headers=ALLOWED_HEADERS,
            expose_headers=EXPOSED_HEADERS,
            allow_credentials=False,
            max_age=600,
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path, root = str(scope.get("path", "")), str(scope.get("root_path", ""))
        if root and path.startswith(root):
            path = path[len(root) :]
        if scope["type"] != "http" or not path.startswith("/xapi/"):
            await self._app(scope, receive, send)
            return
        asked = dict(scope.get("headers") or []).get(b"x-experience-api-version", b"")
        version = b"1.0.3" if asked.startswith(b"1.0") else b"2.0.0" if asked else self._unversioned
        head = scope["method"] == "HEAD"
        statements = path.rstrip("/") == "/xapi/statements"
        if head:
            scope = {**scope, "method": "GET"}

        async def answer(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (k, v) for k, v in message.get("headers", []) if k.lower() != b"x-experience-api-version"
                ]
                kept = [v for k, v in message.get("headers", []) if k.lower() == b"x-experience-api-version"]
                headers.append((b"x-experience-api-version", kept[0] if kept else version))
                if statements and not any(
                    k.lower() == b"x-experience-api-consistent-through" for k, _ in headers
                ):
                    headers.append((b"x-experience-api-consistent-through", _now()))
                message = {**message, "headers": headers}
            elif message["type"] == "http.response.body" and head:
                message = {**message, "body": b"", "more_body": message.get("more_body", False)}
            await send(message)

        await self._cors(scope, receive, answer)
