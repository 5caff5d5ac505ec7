"""HTTP Basic credentials of API clients (xAPI's usual authentication), exchanged for an access token at
campaign-api's token endpoint (the client registry) with the client-credentials grant, and the token kept
until shortly before it expires. The cache is keyed by a hash of the id and secret, never the secret."""

from __future__ import annotations

import asyncio
import hashlib
import time

import httpx

from service_kit.errors import DependencyUnavailable, Unauthorized

MARGIN_SECONDS = 30.0
MAX_CACHED = 1024


class BasicCredentials:
    def __init__(self, token_url: str, http: httpx.AsyncClient, *, max_ttl_seconds: float = 300.0) -> None:
        self._token_url = token_url
        self._http = http
        self._max_ttl = max_ttl_seconds
        self._tokens: dict[bytes, tuple[float, str]] = {}
        self._lock = asyncio.Lock()

    async def token(self, client_id: str, secret: str) -> str:
        key = hashlib.sha256(f"{len(client_id)}:{client_id}:{secret}".encode()).digest()
        cached = self._tokens.get(key)
        if cached is not None and time.monotonic() < cached[0]:
            return cached[1]
        async with self._lock:
            try:
                response = await self._http.post(
                    self._token_url,
                    data={
                        "grant_type": "client_credentials",
                        "client_id": client_id,
                        "client_secret": secret,
                    },
                )
            except httpx.HTTPError:
                raise DependencyUnavailable(code="campaign.unavailable", service="campaign-api") from None
            if response.status_code in (400, 401, 403):
                raise Unauthorized(
                    code="xapi.credentials_invalid", headers={"WWW-Authenticate": 'Basic realm="xapi"'}
                )
            if not response.is_success:
                raise DependencyUnavailable(code="campaign.unavailable", service="campaign-api")
            try:
                body = response.json()
                token = str(body["access_token"])
                ttl = float(body.get("expires_in", 60))
            except (ValueError, KeyError, TypeError):
                raise DependencyUnavailable(code="campaign.unavailable", service="campaign-api") from None
            if len(self._tokens) >= MAX_CACHED:
                self._tokens.clear()
            self._tokens[key] = (time.monotonic() + max(0.0, min(ttl, self._max_ttl) - MARGIN_SECONDS), token)
            return token

    async def aclose(self) -> None:
        await self._http.aclose()
