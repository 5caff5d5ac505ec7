"""campaign-api's own revocation source: the versions of the accounts changed lately, read from its own
database (the other services poll `GET /v1/auth/revocations` for the same list).

One small query every `refresh_seconds` at most, none in between (a dictionary look-up per request);
a change made here is seen at once, because the transaction that raises a version tells this cache when
it commits (`invalidate`). If the database cannot answer, the last list stays in force.
"""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import UTC, datetime, timedelta

from sqlalchemy.exc import SQLAlchemyError

from campaign_api.identity import repository
from service_kit.db import Database

logger = logging.getLogger("campaign_api.identity.versions")


class AccountVersions:
    """The kit's `RevocationSource` for this issuer's own tokens."""

    def __init__(self, database: Database, *, window_seconds: int, refresh_seconds: float = 5.0) -> None:
        self._database = database
        self._window = timedelta(seconds=window_seconds)
        self._refresh_seconds = refresh_seconds
        self._versions: dict[str, int] = {}
        self._fetched_at: float | None = None
        self._lock: asyncio.Lock | None = None
        self.refreshes = 0

    def invalidate(self) -> None:
        """An account's version rose (and is committed): read the list again before the next answer."""
        self._fetched_at = None

    def _fresh(self) -> bool:
        return self._fetched_at is not None and time.monotonic() - self._fetched_at < self._refresh_seconds

    async def current_version(self, subject: str) -> int | None:
        if not self._fresh():
            if self._lock is None:
                self._lock = asyncio.Lock()
            async with self._lock:
                if not self._fresh():
                    await self._refresh()
        return self._versions.get(subject)

    async def _refresh(self) -> None:
        attempted = time.monotonic()
        since = datetime.now(UTC) - self._window
        try:
            async with self._database.sessionmaker() as session:
                changed = await repository.versions_changed_since(session, since)
        except (SQLAlchemyError, OSError) as exc:
            logger.warning("account versions could not be read: %s", type(exc).__name__)
            self._fetched_at = attempted
            return
        self._versions = {str(account_id): version for account_id, version in changed}
        self._fetched_at = attempted
        self.refreshes += 1
