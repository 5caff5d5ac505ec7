"""Async SQLAlchemy engine, sessions (one transaction per request) and schema-bound metadata."""

from __future__ import annotations

import contextlib
import logging
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy import MetaData, Table, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from service_kit.audit import AuditTrail
from service_kit.errors import ProblemError, database_unreachable
from service_kit.idempotency import idempotency_table
from service_kit.postgres import ServiceDatabase

logger = logging.getLogger("service_kit.db")

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def schema_metadata(schema: str) -> MetaData:
    """The `MetaData` of one service: every table in the service's own schema, named by convention."""
    return MetaData(schema=schema, naming_convention=NAMING_CONVENTION)


class ServiceSchema:
    """What one service owns in the database: its schema and login role, the metadata its tables are
    declared on, its audit trail and its idempotency records. A service's `database.py` is one of these."""

    def __init__(self, schema: str, *, role: str, alembic_ini: Path) -> None:
        self.name = schema
        self.database = ServiceDatabase(schema=schema, role=role, alembic_ini=alembic_ini)
        self.metadata = schema_metadata(schema)
        self.audit_trail = AuditTrail(self.metadata)
        self.idempotency_keys: Table = idempotency_table(self.metadata)


async def flush_or_conflict(session: AsyncSession, conflict: ProblemError) -> None:
    """Flush pending changes in a savepoint; a unique or foreign-key violation becomes `conflict`
    (a 409 the caller words), and the request's transaction stays usable."""
    try:
        async with session.begin_nested():
            await session.flush()
    except IntegrityError:
        raise conflict from None


def async_url(url: str | URL) -> URL:
    """Accept `postgresql://…` (as operators write it) and use the asyncpg driver."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres", "postgresql+psycopg", "postgresql+psycopg2"):
        parsed = parsed.set(drivername="postgresql+asyncpg")
    return parsed


def _statement_name() -> str:
    return f"__asyncpg_{uuid.uuid4().hex}__"


class Database:
    """The engine and session factory of one service, created in the lifespan and disposed on shutdown;
    with `read_url`, a second engine on a streaming replica for the reads that tolerate seconds of lag
    (statistics, rankings, exports, lists)."""

    def __init__(
        self,
        url: str | URL,
        *,
        read_url: str | URL | None = None,
        pool_size: int = 20,
        max_overflow: int = 0,
        pool_recycle_seconds: int = 1800,
        statement_timeout_ms: int = 30_000,
        application_name: str = "thidua-so",
        transaction_pooler: bool = False,
    ) -> None:
        if transaction_pooler:
            # Behind PgBouncer in transaction mode a server connection serves other clients between
            # transactions: nothing may outlive one (asyncpg's statement cache, a named statement, a
            # session setting). PgBouncer passes application_name on; the timeout is the role's.
            connect_args: dict[str, Any] = {
                "statement_cache_size": 0,
                "prepared_statement_name_func": _statement_name,
                "server_settings": {"application_name": application_name},
            }
        else:
            connect_args = {
                "server_settings": {
                    "application_name": application_name,
                    "statement_timeout": str(statement_timeout_ms),
                }
            }

        def engine(target: str | URL, *, ping: bool = False) -> AsyncEngine:
            url = async_url(target)
            if transaction_pooler:
                url = url.update_query_dict({"prepared_statement_cache_size": "0"})
            return create_async_engine(
                url,
                pool_size=pool_size,
                max_overflow=max_overflow,
                # No ping per checkout (a round trip on every request): a connection that died fails
                # its one request (503, `database_unreachable`) and SQLAlchemy invalidates the pool's
                # older connections; connections are also renewed every `pool_recycle_seconds`.
                # The replica's engine does ping: a replica that went away must be noticed when a
                # connection is taken, so that the read falls back to the primary instead of failing.
                pool_pre_ping=ping,
                pool_recycle=pool_recycle_seconds,
                # Errors and logs show the statement, never the values bound to it (names, hashes).
                hide_parameters=True,
                connect_args=connect_args,
            )

        self.engine: AsyncEngine = engine(url)
        self.sessionmaker: async_sessionmaker[AsyncSession] = async_sessionmaker(
            self.engine, expire_on_commit=False
        )
        self.shared_connection: AsyncConnection | None = None
        """Tests: the connection whose outer transaction is rolled back after the test, used by
        `autocommit()` too so that its reads see what the test wrote."""
        self.read_engine: AsyncEngine | None = engine(read_url, ping=True) if read_url else None
        self.read_sessionmaker: async_sessionmaker[AsyncSession] | None = (
            async_sessionmaker(self.read_engine, expire_on_commit=False) if self.read_engine else None
        )

    @contextlib.asynccontextmanager
    async def autocommit(self) -> AsyncIterator[AsyncConnection]:
        """A connection without an explicit transaction (each statement its own snapshot): no BEGIN
        and COMMIT round trips around a one-statement read."""
        if self.shared_connection is not None:
            yield self.shared_connection
            return
        async with self.engine.connect() as connection:
            yield await connection.execution_options(isolation_level="AUTOCOMMIT")

    async def ping(self) -> None:
        async with self.engine.connect() as connection:
            await connection.execute(text("SELECT 1"))

    async def dispose(self) -> None:
        await self.engine.dispose()
        if self.read_engine is not None:
            await self.read_engine.dispose()


async def get_database(request: Request) -> Database:
    # `async def`: FastAPI runs a plain `def` dependency in its thread pool, a hand-off per request.
    database: Database = request.app.state.database
    return database


async def get_session(database: Annotated[Database, Depends(get_database)]) -> AsyncIterator[AsyncSession]:
    """One transaction per request: committed when the handler returns, rolled back if it raises.

    Services `flush()` when they need generated values; they never commit.
    """
    async with database.sessionmaker() as session, session.begin():
        yield session


async def get_read_session(
    database: Annotated[Database, Depends(get_database)],
) -> AsyncIterator[AsyncSession]:
    """A session for reads that tolerate seconds of lag: on the replica when there is one and it
    answers, else on the primary (a replica that is down degrades to the primary, never to an error)."""
    if database.read_sessionmaker is not None:
        session = database.read_sessionmaker()
        try:
            await session.connection()
        except Exception as exc:
            await session.close()
            if not database_unreachable(exc):
                raise
            logger.warning("read replica unavailable (%s): reading from the primary", type(exc).__name__)
        else:
            # The check above began the transaction: end it here as `session.begin()` would.
            try:
                yield session
                await session.commit()
            except BaseException:
                await session.rollback()
                raise
            finally:
                await session.close()
            return
    async with database.sessionmaker() as primary, primary.begin():
        yield primary


DatabaseDep = Annotated[Database, Depends(get_database)]
# scope="function": the transaction is committed (or rolled back) before the response leaves, so a client
# that reads right after a write sees it, and a failed commit is an error response, not a silent 201.
SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]
ReadSessionDep = Annotated[AsyncSession, Depends(get_read_session, scope="function")]
"""For statistics, rankings, exports and lists: the replica when configured (`<PREFIX>DATABASE_READ_URL`)."""
