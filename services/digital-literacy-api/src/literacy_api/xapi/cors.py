"""CORS for browser-based xAPI content (a course player in another origin sends statements from the browser):
on `/xapi/` paths only, any origin, the xAPI headers allowed and exposed; never cookies. The rest of the
service keeps the gateway's same-origin rules."""

from __future__ import annotations

from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

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


class XapiCors:
    def __init__(self, app: ASGIApp) -> None:
        self._app = app
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
        if scope["type"] == "http" and path.startswith("/xapi/"):
            await self._cors(scope, receive, send)
        else:
            await self._app(scope, receive, send)
