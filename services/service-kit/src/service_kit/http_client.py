"""Typed service-to-service HTTP clients: timeouts, retries with backoff, request ids and client tokens."""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Mapping
from contextlib import AsyncExitStack
from typing import Any, Protocol, TypeVar

import httpx
from pydantic import TypeAdapter

from service_kit.errors import DependencyUnavailable
from service_kit.observability import REQUEST_ID_HEADER, current_request_id
from service_kit.settings import ServiceSettings

logger = logging.getLogger("service_kit.http_client")

T = TypeVar("T")
C = TypeVar("C", bound="ServiceClient")

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
RETRYABLE_STATUSES = frozenset({502, 503, 504})
TOKEN_EXPIRY_MARGIN_SECONDS = 30.0


class TokenProvider(Protocol):
    """Gives the access token a service sends downstream, and forgets it when it is refused."""

    async def get(self) -> str: ...

    def invalidate(self) -> None: ...


class ClientCredentialsToken:
    """Obtains and caches an access token with the OAuth2 client-credentials grant."""

    def __init__(
        self,
        token_url: str,
        client_id: str,
        client_secret: str,
        *,
        scope: str = "",
        http: httpx.AsyncClient,
    ) -> None:
        self._token_url = token_url
        self._form = {
            "grant_type": "client_credentials",
            "client_id": client_id,
            "client_secret": client_secret,
        }
        if scope:
            self._form["scope"] = scope
        self._http = http
        self._token: str | None = None
        self._expires_at = 0.0
        self._lock = asyncio.Lock()

    async def get(self) -> str:
        async with self._lock:
            if self._token is None or time.monotonic() >= self._expires_at:
                response = await self._http.post(self._token_url, data=self._form)
                response.raise_for_status()
                body = response.json()
                self._token = str(body["access_token"])
                lifetime = float(body.get("expires_in", 300))
                self._expires_at = time.monotonic() + max(lifetime - TOKEN_EXPIRY_MARGIN_SECONDS, 1.0)
            return self._token

    def invalidate(self) -> None:
        self._token = None


class ServiceClient:
    """Base of one downstream service's client; subclasses add typed methods (`get_model`, ...).

    Created in the lifespan, closed on shutdown. Raises `DependencyUnavailable` when the service
    cannot be reached or keeps failing, so callers can degrade instead of answering 500.
    """

    service_name = "service"

    def __init__(
        self,
        base_url: str,
        *,
        timeout: float = 5.0,
        bulk_timeout: float | None = None,
        retries: int = 2,
        backoff_seconds: float = 0.1,
        token: TokenProvider | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self._http = httpx.AsyncClient(
            base_url=base_url,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 2.0)),
            transport=transport,
            headers={"Accept": "application/json"},
        )
        self._bulk_timeout = httpx.Timeout(max(bulk_timeout or 0.0, timeout), connect=min(timeout, 2.0))
        self._retries = retries
        self._backoff = backoff_seconds
        self._token = token

    async def aclose(self) -> None:
        await self._http.aclose()

    async def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        idempotent: bool | None = None,
        bulk: bool = False,
    ) -> httpx.Response:
        """Send one request, retrying where it is safe.

        A connection that could not be opened is retried for any method (nothing was sent);
        502/503/504 and read time-outs only for idempotent calls. A 401 refreshes the client token once.
        A `bulk` call (one answer for many items) waits for the client's bulk timeout instead of its own.
        """
        timeout = self._bulk_timeout if bulk else httpx.USE_CLIENT_DEFAULT
        method = method.upper()
        retry_responses = idempotent if idempotent is not None else method in IDEMPOTENT_METHODS
        token_refreshed = False
        attempt = 0
        while True:
            try:
                response = await self._http.request(
                    method,
                    path,
                    json=json,
                    params=params,
                    headers=await self._headers(headers),
                    timeout=timeout,
                )
            except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as exc:
                if attempt < self._retries:
                    attempt += 1
                    await self._sleep(attempt)
                    continue
                raise self._unavailable(exc) from exc
            except httpx.TimeoutException as exc:
                if retry_responses and attempt < self._retries:
                    attempt += 1
                    await self._sleep(attempt)
                    continue
                raise self._unavailable(exc) from exc
            except httpx.HTTPError as exc:
                raise self._unavailable(exc) from exc

            if response.status_code == 401 and self._token is not None and not token_refreshed:
                self._token.invalidate()
                token_refreshed = True
                continue
            if response.status_code in RETRYABLE_STATUSES:
                if retry_responses and attempt < self._retries:
                    attempt += 1
                    await self._sleep(attempt)
                    continue
                raise DependencyUnavailable(
                    f"{self.service_name} answered {response.status_code}.", service=self.service_name
                )
            return response

    async def get_model(
        self, path: str, model: type[T], *, params: Mapping[str, Any] | None = None, bulk: bool = False
    ) -> T:
        """GET a JSON resource and validate it into `model`; a non-2xx answer raises `DependencyUnavailable`."""
        response = await self.request("GET", path, params=params, bulk=bulk)
        return self._parse(response, model)

    async def get_model_or_none(
        self, path: str, model: type[T], *, params: Mapping[str, Any] | None = None, bulk: bool = False
    ) -> T | None:
        """As `get_model`, but a 404 (the other service knows no such thing) is None, not a failure."""
        response = await self.request("GET", path, params=params, bulk=bulk)
        if response.status_code == 404:
            return None
        return self._parse(response, model)

    async def post_model(self, path: str, model: type[T], *, json: Any, idempotent: bool = False) -> T:
        response = await self.request("POST", path, json=json, idempotent=idempotent)
        return self._parse(response, model)

    def _parse(self, response: httpx.Response, model: type[T]) -> T:
        if response.is_error:
            raise DependencyUnavailable(
                f"{self.service_name} answered {response.status_code}.", service=self.service_name
            )
        return TypeAdapter(model).validate_json(response.content)

    async def _headers(self, extra: Mapping[str, str] | None) -> dict[str, str]:
        headers = dict(extra or {})
        request_id = current_request_id()
        if request_id:
            headers[REQUEST_ID_HEADER] = request_id
        if self._token is not None:
            try:
                headers["Authorization"] = f"Bearer {await self._token.get()}"
            except (httpx.HTTPError, KeyError, ValueError) as exc:
                raise self._unavailable(exc) from exc
        return headers

    async def _sleep(self, attempt: int) -> None:
        delay = self._backoff * (2 ** (attempt - 1))
        await asyncio.sleep(delay + random.uniform(0, delay / 2))  # noqa: S311 - jitter, not security

    def _unavailable(self, exc: Exception) -> DependencyUnavailable:
        logger.warning("%s unreachable: %s", self.service_name, type(exc).__name__)
        return DependencyUnavailable(f"{self.service_name} could not be reached.", service=self.service_name)


async def service_client(
    client_class: type[C],
    settings: ServiceSettings,
    base_url: str,
    *,
    scope: str,
    stack: AsyncExitStack,
) -> C:
    """A typed client of another service, authenticated as this service's API client (when it has one),
    closed when `stack` closes (the lifespan's)."""
    token = None
    if settings.client_id:
        token_http = await stack.enter_async_context(httpx.AsyncClient(timeout=settings.http_timeout_seconds))
        token = ClientCredentialsToken(
            settings.token_url,
            settings.client_id,
            settings.client_secret.get_secret_value(),
            scope=scope,
            http=token_http,
        )
    client = client_class(
        base_url,
        timeout=settings.http_timeout_seconds,
        bulk_timeout=settings.http_bulk_timeout_seconds,
        retries=settings.http_retries,
        token=token,
    )
    stack.push_async_callback(client.aclose)
    return client
