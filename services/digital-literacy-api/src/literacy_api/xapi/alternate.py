"""xAPI 1.0.3's alternate request syntax (§1.3, for clients that can only POST a form): `POST
/xapi/<resource>?method=PUT|GET|DELETE|POST` with an `application/x-www-form-urlencoded` body whose fields
`Authorization`, `X-Experience-API-Version`, `Content-Type`, `Content-Length`, `If-Match` and `If-None-Match`
are the headers, `content` is the body and every other field a query parameter. The request is rewritten into
the one it stands for and goes on as that. xAPI 2.0.0 removed the syntax: there (and for anything malformed:
another query parameter, another verb, not a form) a `method` parameter is answered 400."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from literacy_api.xapi.schemas import VERSIONS_1
from service_kit.errors import problem_response

METHODS = {"GET", "HEAD", "PUT", "POST", "DELETE"}
HEADER_FIELDS = {
    "authorization",
    "x-experience-api-version",
    "content-type",
    "content-length",
    "if-match",
    "if-none-match",
}
FORM = "application/x-www-form-urlencoded"
MAX_FORM = 1024 * 1024


class Refused(ValueError):
    pass


def _rewrite(scope: Scope, body: bytes) -> tuple[Scope, bytes]:
    query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
    if scope["method"] != "POST" or len(query) != 1:
        raise Refused("the alternate syntax is a POST with the method as its only query parameter")
    method = query[0][1].upper()
    if method not in METHODS:
        raise Refused("the alternate syntax's method is GET, PUT, POST or DELETE")
    headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers") or []}
    if headers.get("content-type", "").split(";")[0].strip().lower() != FORM:
        raise Refused("the alternate syntax sends a form (application/x-www-form-urlencoded)")
    try:
        fields = parse_qsl(body.decode("utf-8"), keep_blank_values=True, strict_parsing=bool(body))
    except (UnicodeDecodeError, ValueError):
        raise Refused("the form is not URL-encoded") from None
    content = b""
    parameters: list[tuple[str, str]] = []
    for name, value in fields:
        lowered = name.lower()
        if lowered in HEADER_FIELDS:
            headers[lowered] = value
        elif name == "content":
            content = value.encode("utf-8")
        else:
            parameters.append((name, value))
    if not VERSIONS_1.match(headers.get("x-experience-api-version", "")):
        raise Refused("the alternate syntax is xAPI 1.0.x (2.0.0 removed it)")
    headers.pop("content-length", None)
    if content:
        headers.setdefault("content-type", "application/json")
        if headers["content-type"].split(";")[0].strip().lower() == FORM:
            headers["content-type"] = "application/json"
    else:
        headers.pop("content-type", None)
    headers["content-length"] = str(len(content))
    rewritten = {
        **scope,
        "method": method,
        "query_string": urlencode(parameters).encode("latin-1"),
        "headers": [(k.encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()],
    }
    return rewritten, content


class AlternateSyntax:
    def __init__(self, app: ASGIApp) -> None:
        self._app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path, root = str(scope.get("path", "")), str(scope.get("root_path", ""))
        if root and path.startswith(root):
            path = path[len(root) :]
        if (
            scope["type"] != "http"
            or not path.startswith("/xapi/")
            or "method" not in dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
        ):
            await self._app(scope, receive, send)
            return
        body = b""
        more = True
        while more:
            message = await receive()
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > MAX_FORM:
                await problem_response(413, code="http.413")(scope, receive, send)
                return
        try:
            rewritten, content = _rewrite(scope, body)
        except Refused as error:
            response = problem_response(400, code="xapi.alternate_syntax", params={"reason": str(error)})
            await response(scope, receive, send)
            return
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": content, "more_body": False}

        await self._app(rewritten, replay, send)
