"""Deactivation and role changes take effect at once: a person's token carries their account's
version (claim `ver`); the issuer publishes the current version of every account changed within an
access token's lifetime; every service keeps that short list in memory, refreshed every few seconds,
and refuses a token whose version is older. One dictionary look-up per request.

API clients' tokens carry their client's version the same way; the list names a client as
`client:<client_id>` (`client_subject`), so that no client id can pass for an account's id.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Protocol

from pydantic import BaseModel

from service_kit.errors import DependencyUnavailable, ProblemError

logger = logging.getLogger("service_kit.revocation")

VERSION_CLAIM = "ver"
CLIENT_PREFIX = "client:"


def client_subject(client_id: str) -> str:
    """How the revocations list names an API client (account ids are UUIDs, without the prefix)."""
    return f"{CLIENT_PREFIX}{client_id}"


class AccountVersion(BaseModel):
    sub: str
    ver: int


class Revocations(BaseModel):
    """What the issuer publishes: accounts (and API clients, `client:<id>`) changed within
    `window_seconds`, with their version now."""

    items: list[AccountVersion]
    window_seconds: int


class RevocationSource(Protocol):
    """The current version of a recently changed account (None: not changed lately, any token goes)."""

    async def current_version(self, subject: str) -> int | None: ...


class VersionsFetcher(Protocol):
    async def __call__(self) -> Revocations: ...


class PolledRevocations:
    """The issuer's list, fetched at most every `refresh_seconds` (lazily, by the request that finds it
    stale; concurrent requests don't wait for the refresh). If the issuer cannot answer, the last list
    stays in force and a later request tries again."""

    def __init__(self, fetch: VersionsFetcher, *, refresh_seconds: float = 5.0) -> None:
        self._fetch = fetch
        self._refresh_seconds = refresh_seconds
        self._versions: dict[str, int] = {}
        self._fetched_at: float | None = None
        self._refreshing: asyncio.Task[None] | None = None

    async def current_version(self, subject: str) -> int | None:
        if self._fetched_at is None:
            await self._refresh()
        elif time.monotonic() - self._fetched_at >= self._refresh_seconds and self._refreshing is None:
            self._refreshing = asyncio.create_task(self._refresh())
            self._refreshing.add_done_callback(self._finished)
        return self._versions.get(subject)

    def _finished(self, _task: asyncio.Task[None]) -> None:
        self._refreshing = None

    async def _refresh(self) -> None:
        attempted = time.monotonic()
        try:
            published = await self._fetch()
        except (DependencyUnavailable, ProblemError, ValueError) as exc:
            logger.warning("token revocations could not be fetched: %s", type(exc).__name__)
            # Keep what we had; try again after the interval.
            self._fetched_at = attempted
            return
        self._versions = {item.sub: item.ver for item in published.items}
        self._fetched_at = attempted


def token_is_current(claims_version: object, current: int | None) -> bool:
    """A token without a version (one issued before versions existed) or of an account or client not
    changed lately is current."""
    if current is None or not isinstance(claims_version, int):
        return True
    return claims_version >= current
