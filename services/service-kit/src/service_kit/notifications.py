"""PostgreSQL `LISTEN` on a connection of its own, for in-process caches that the database invalidates.

A trigger says what changed with `pg_notify(channel, payload)`; every process of the service listens and
drops what it kept of it. The connection is dedicated (never one of the pool's) and direct: behind
PgBouncer in transaction mode `LISTEN` does not survive the transaction, so a pooled service is given a
direct URL for it (`<PREFIX>DATABASE_LISTEN_URL`) or does without. While the connection is not up — before
it first connects, after it drops, until it is back — `listening` is False and nothing may be answered
from what was kept: a notification sent meanwhile is lost. Each time it (re)connects, `on_reset` runs
first, so a cache starts empty.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from typing import Any

from sqlalchemy.engine import URL
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool

from service_kit.db import async_url

logger = logging.getLogger("service_kit.notifications")

RETRY_SECONDS = (0.5, 1.0, 2.0, 5.0)
CHECK_SECONDS = 15.0
"""How often the idle connection is asked `SELECT 1`, so that a connection lost without a word (a
dropped network path) is noticed within this long, not only at the next notification."""


class Listener:
    """Delivers the payloads of `channel` to `on_payload` (on the event loop, in the order sent)."""

    def __init__(
        self,
        url: str | URL,
        channel: str,
        on_payload: Callable[[str], None],
        on_reset: Callable[[], None],
        *,
        application_name: str = "thidua-so",
    ) -> None:
        self.channel = channel
        self._on_payload = on_payload
        self._on_reset = on_reset
        self._engine: AsyncEngine = create_async_engine(
            async_url(url),
            poolclass=NullPool,
            connect_args={"server_settings": {"application_name": f"{application_name} listener"}},
        )
        self._connection: AsyncConnection | None = None
        self._driver: Any = None
        self._lost = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self.listening = False

    async def start(self) -> None:
        """Connect once (failing quietly: the loop keeps trying), then keep the connection up."""
        with contextlib.suppress(Exception):
            await self._connect()
        self._task = asyncio.create_task(self._keep_up(), name=f"listen {self.channel}")

    async def stop(self) -> None:
        self.listening = False
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        await self._close()
        await self._engine.dispose()

    async def _connect(self) -> None:
        connection = await self._engine.connect()
        try:
            raw = await connection.get_raw_connection()
            driver = raw.driver_connection
            assert driver is not None
            driver.add_termination_listener(lambda _connection: self._dropped())
            await driver.add_listener(self.channel, self._deliver)
        except BaseException:
            await connection.close()
            raise
        self._connection, self._driver = connection, driver
        self._lost.clear()
        # Whatever was kept before this point may have missed a notification.
        self._on_reset()
        self.listening = True

    async def _close(self) -> None:
        connection, self._connection, self._driver = self._connection, None, None
        if connection is not None:
            with contextlib.suppress(Exception):
                await connection.close()

    def _deliver(self, _connection: object, _pid: int, _channel: str, payload: str) -> None:
        self._on_payload(payload)

    def _dropped(self) -> None:
        if self.listening:
            logger.warning("lost the connection listening on %s", self.channel)
        self.listening = False
        self._on_reset()
        self._lost.set()

    async def _keep_up(self) -> None:
        attempt = 0
        while True:
            if self._driver is not None and self.listening:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._lost.wait(), timeout=CHECK_SECONDS)
                if not self._lost.is_set():
                    try:
                        await asyncio.wait_for(self._driver.fetchval("SELECT 1"), timeout=CHECK_SECONDS)
                        continue
                    except Exception:
                        self._dropped()
            await self._close()
            try:
                await self._connect()
                attempt = 0
                logger.info("listening on %s", self.channel)
            except Exception as exc:
                logger.warning("cannot listen on %s: %s", self.channel, type(exc).__name__)
                await asyncio.sleep(RETRY_SECONDS[min(attempt, len(RETRY_SECONDS) - 1)])
                attempt += 1
