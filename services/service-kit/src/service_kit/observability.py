"""Request ids, structured JSON logs and the catch-all for unexpected errors (pure ASGI, no BaseHTTPMiddleware)."""

from __future__ import annotations

import atexit
import collections
import contextlib
import json
import logging
import re
import sys
import threading
import time
import traceback
import uuid
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.exc import DBAPIError, StatementError
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service_kit import i18n
from service_kit.errors import problem_response

REQUEST_ID_HEADER = "X-Request-ID"
_VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")

request_id_var: ContextVar[str | None] = ContextVar("request_id", default=None)
client_address_var: ContextVar[str | None] = ContextVar("client_address", default=None)

access_logger = logging.getLogger("service_kit.access")
error_logger = logging.getLogger("service_kit.error")

# Attributes every LogRecord has; anything else passed through `extra=` is emitted as a field.
_STANDARD_ATTRS = frozenset(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}


def current_request_id() -> str | None:
    return request_id_var.get()


def current_client_address() -> str | None:
    """The address of the caller of the request being served (the gateway's X-Forwarded-For, applied
    by uvicorn), for the audit trail: set by the middleware, so nobody threads it by hand."""
    return client_address_var.get()


def client_address(request: Request) -> str | None:
    return request.client.host if request.client else None


def _database_error_summary(exc: BaseException) -> str | None:
    """What a log may say of a database error: its kind, SQLSTATE and constraint, never its message
    (PostgreSQL's message and DETAIL repeat the values: "Failing row contains (Nguyễn Văn A, ...)")."""
    if not isinstance(exc, StatementError):
        return None
    original = exc.orig if isinstance(exc, DBAPIError) else None
    cause = getattr(original, "__cause__", None) or original
    parts = [type(exc).__name__, type(cause).__name__ if cause is not None else ""]
    for attribute in ("sqlstate", "constraint_name", "table_name", "column_name"):
        value = getattr(cause, attribute, None) or getattr(original, attribute, None)
        if value:
            parts.append(f"{attribute}={value}")
    return " ".join(p for p in parts if p)


def _safe_exception_text(exc_info: Any) -> str:
    """The traceback of the outermost exception; for a database error, its summary instead of its
    message, and none of the driver exceptions chained under it."""
    _, exc, tb = exc_info
    if exc is None:
        return ""
    summary = _database_error_summary(exc)
    if summary is None:
        return "".join(traceback.format_exception(exc))
    return "".join(traceback.format_tb(tb)) + summary


class JsonFormatter(logging.Formatter):
    """One JSON object per line, always with the request id of the request being served, and never a
    value bound to a database statement."""

    def format(self, record: logging.LogRecord) -> str:
        seconds = int(record.created)
        entry: dict[str, Any] = {
            "ts": f"{_utc_second(seconds)}.{int((record.created - seconds) * 1000):03d}+00:00",
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None) or request_id_var.get(),
        }
        entry.update({k: v for k, v in vars(record).items() if k not in _STANDARD_ATTRS and k not in entry})
        if record.exc_info:
            entry["exception"] = _safe_exception_text(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


_second_cache: tuple[int, str] = (0, "")


def _utc_second(seconds: int) -> str:
    """`YYYY-MM-DDTHH:MM:SS` of a Unix second (formatted once per second, not once per line)."""
    global _second_cache
    if _second_cache[0] != seconds:
        _second_cache = (seconds, datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%S"))
    return _second_cache[1]


class _LineWriter:
    """Writes the log's lines from a thread of its own, in batches: the serving task only appends to a
    deque (no lock, no wake-up per line), and a slow stderr (a full pipe, as under honcho) never blocks
    the event loop. Every `INTERVAL_SECONDS` the thread formats what has gathered and writes it at once.
    Past `MOST_PENDING` unwritten lines (stderr stuck) the oldest are dropped, and the count is logged."""

    INTERVAL_SECONDS = 0.05
    MOST_PENDING = 100_000

    def __init__(self, stream: Any) -> None:
        self._stream = stream
        self._pending: collections.deque[logging.LogRecord | tuple[Any, ...]] = collections.deque(
            maxlen=self.MOST_PENDING
        )
        self._appended = 0
        self._taken = 0
        self._formatter = JsonFormatter()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="log-writer", daemon=True)
        self._thread.start()

    def put(self, item: logging.LogRecord | tuple[Any, ...]) -> None:
        self._appended += 1
        self._pending.append(item)

    def _run(self) -> None:
        while not self._stop.wait(self.INTERVAL_SECONDS):
            self.flush()
        self.flush()

    def flush(self) -> None:
        lines = []
        while True:
            try:
                item = self._pending.popleft()
            except IndexError:
                break
            self._taken += 1
            try:
                lines.append(self._format(item))
            except Exception:  # a record that cannot be formatted must not stop the writer
                lines.append(
                    json.dumps(
                        {"level": "ERROR", "logger": "service_kit", "message": "unformattable log record"}
                    )
                )
        lost = self._appended - self._taken - len(self._pending)
        if lost > 0:
            self._taken += lost
            lines.append(
                json.dumps(
                    {
                        "level": "WARNING",
                        "logger": "service_kit",
                        "message": f"{lost} log lines dropped (stderr too slow)",
                    }
                )
            )
        if lines:
            with contextlib.suppress(Exception):
                self._stream.write("\n".join(lines) + "\n")
                self._stream.flush()

    def _format(self, item: logging.LogRecord | tuple[Any, ...]) -> str:
        if isinstance(item, logging.LogRecord):
            return self._formatter.format(item)
        created, request_id, method, path, status, duration_ms, client = item
        seconds = int(created)
        return json.dumps(
            {
                "ts": f"{_utc_second(seconds)}.{int((created - seconds) * 1000):03d}+00:00",
                "level": "INFO",
                "logger": access_logger.name,
                "message": f"{method} {path} {status}",
                "request_id": request_id,
                "method": method,
                "path": path,
                "status": status,
                "duration_ms": duration_ms,
                "client": client,
            },
            ensure_ascii=False,
        )

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


class _OffLoopHandler(logging.Handler):
    """Hands each record to the line writer. What depends on the serving task (the request id, the
    exception) is taken here; the JSON is formatted and written by the writer's thread."""

    def __init__(self, writer: _LineWriter) -> None:
        super().__init__()
        self._writer = writer

    def emit(self, record: logging.LogRecord) -> None:
        if getattr(record, "request_id", None) is None:
            record.request_id = request_id_var.get()
        if record.exc_info:
            record.exception = _safe_exception_text(record.exc_info)
            record.exc_info = None
            record.exc_text = None
        record.msg = record.getMessage()
        record.args = None
        self._writer.put(record)


_writer: _LineWriter | None = None


def configure_logging(level: str = "INFO") -> None:
    """Route every logger (ours and uvicorn's) through one JSON writer on stderr, a thread of its own.
    Access lines go to it straight from `RequestContextMiddleware`, without a `LogRecord`."""
    global _writer
    if _writer is not None:
        _writer.stop()
    _writer = _LineWriter(sys.stderr)
    atexit.register(_writer.stop)
    root = logging.getLogger()
    root.handlers = [_OffLoopHandler(_writer)]
    root.setLevel(level.upper())
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        uv_logger = logging.getLogger(name)
        uv_logger.handlers = []
        uv_logger.propagate = True
    # Access lines come from RequestContextMiddleware, with the request id.
    logging.getLogger("uvicorn.access").disabled = True
    # httpx logs every URL it calls at INFO; query strings may carry personal data.
    logging.getLogger("httpx").setLevel(logging.WARNING)


class RequestContextMiddleware:
    """Accepts or creates `X-Request-ID`, echoes it, logs one access line per request, and turns an
    unexpected exception into a 500 problem without internals (the details go to the log)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        incoming = language = None
        for key, value in scope["headers"]:
            if key == b"x-request-id":
                incoming = value
            elif key == b"accept-language":
                language = value
        request_id = (
            incoming.decode("latin-1")
            if incoming is not None and _VALID_REQUEST_ID.match(incoming.decode("latin-1"))
            else uuid.uuid4().hex
        )
        request_id_header = (b"x-request-id", request_id.encode("latin-1"))
        token = request_id_var.set(request_id)
        language_token = i18n.language_var.set(
            i18n.negotiate(language.decode("latin-1")) if language is not None else i18n.DEFAULT_LANGUAGE
        )
        client = scope.get("client")
        address_token = client_address_var.set(client[0] if client else None)
        started = time.perf_counter()
        status = 500
        response_started = False

        async def send_with_request_id(message: Message) -> None:
            nonlocal status, response_started
            if message["type"] == "http.response.start":
                response_started = True
                status = message["status"]
                headers = message.get("headers", [])
                if any(k.lower() == b"x-request-id" for k, _ in headers):
                    headers = [(k, v) for k, v in headers if k.lower() != b"x-request-id"]
                else:
                    headers = list(headers)
                headers.append(request_id_header)
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, send_with_request_id)
        except Exception:
            error_logger.exception(
                "unhandled error",
                extra={"method": scope["method"], "path": scope["path"], "request_id": request_id},
            )
            if response_started:
                raise
            response = problem_response(
                500,
                instance=scope["path"],
                code="server.error",
                params={"request_id": request_id},
            )
            await response(scope, receive, send_with_request_id)
        finally:
            if access_logger.isEnabledFor(logging.INFO):
                duration_ms = round((time.perf_counter() - started) * 1000, 2)
                address = client[0] if client else ""
                if _writer is not None and not access_logger.handlers:
                    _writer.put(
                        (
                            time.time(),
                            request_id,
                            scope["method"],
                            scope["path"],
                            status,
                            duration_ms,
                            address,
                        )
                    )
                else:
                    access_logger.info(
                        "%s %s %s",
                        scope["method"],
                        scope["path"],
                        status,
                        extra={
                            "request_id": request_id,
                            "method": scope["method"],
                            "path": scope["path"],
                            "status": status,
                            "duration_ms": duration_ms,
                            "client": address,
                        },
                    )
            request_id_var.reset(token)
            client_address_var.reset(address_token)
            i18n.language_var.reset(language_token)
