"""SQL of the identity domain."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import Select, Text, cast, delete, event, func, literal, select, union_all, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from campaign_api.identity.models import Account, ApiClient, LoginFailure, RefreshToken
from service_kit.pagination import PageParams, paginate
from service_kit.revocation import CLIENT_PREFIX


async def account_by_username(session: AsyncSession, username: str) -> Account | None:
    result: Account | None = await session.scalar(select(Account).where(Account.username == username))
    return result


async def account_by_national_id_hash(session: AsyncSession, digest: bytes) -> Account | None:
    result: Account | None = await session.scalar(select(Account).where(Account.national_id_hash == digest))
    return result


async def account_by_learner_id(
    session: AsyncSession, learner_id: uuid.UUID, *, for_update: bool = False
) -> Account | None:
    statement = select(Account).where(Account.learner_id == learner_id)
    if for_update:
        statement = statement.with_for_update()
    result: Account | None = await session.scalar(statement)
    return result


async def account_by_id(
    session: AsyncSession, account_id: uuid.UUID, *, for_update: bool = False
) -> Account | None:
    statement = select(Account).where(Account.id == account_id)
    if for_update:
        statement = statement.with_for_update()
    result: Account | None = await session.scalar(statement)
    return result


def accounts_query(*, q: str | None, role: str | None, active: bool | None) -> Select[Account]:
    statement = select(Account).order_by(Account.username.nulls_last(), Account.created_at)
    if q:
        pattern = f"%{q.lower()}%"
        statement = statement.where(
            func.lower(Account.username).like(pattern) | func.lower(Account.full_name).like(pattern)
        )
    if role:
        statement = statement.where(Account.roles.contains([role]))
    if active is not None:
        statement = statement.where(Account.active.is_(active))
    return statement


async def client_by_id(
    session: AsyncSession, client_id: str, *, for_update: bool = False
) -> ApiClient | None:
    return await session.get(ApiClient, client_id, with_for_update=for_update)


def clients_query() -> Select[ApiClient]:
    return select(ApiClient).order_by(ApiClient.client_id)


async def accounts_page(
    session: AsyncSession, params: PageParams, *, q: str | None, role: str | None, active: bool | None
) -> tuple[list[Account], int]:
    return await paginate(session, accounts_query(q=q, role=role, active=active), params)


async def clients_page(session: AsyncSession, params: PageParams) -> tuple[list[ApiClient], int]:
    return await paginate(session, clients_query(), params)


async def insert_account_unless_named(session: AsyncSession, **values: Any) -> uuid.UUID | None:
    """Insert the account unless one has its username (race-safe); its id when inserted."""
    inserted: uuid.UUID | None = await session.scalar(
        insert(Account)
        .values(id=uuid.uuid4(), **values)
        .on_conflict_do_nothing(index_elements=[Account.username])
        .returning(Account.id)
    )
    return inserted


async def upsert_client(session: AsyncSession, client_id: str, **values: Any) -> None:
    await session.execute(
        insert(ApiClient)
        .values(client_id=client_id, **values)
        .on_conflict_do_update(index_elements=[ApiClient.client_id], set_=values)
    )


async def refresh_token_for_update(session: AsyncSession, token_id: uuid.UUID) -> RefreshToken | None:
    result: RefreshToken | None = await session.scalar(
        select(RefreshToken).where(RefreshToken.id == token_id).with_for_update()
    )
    return result


async def revoke_family(session: AsyncSession, family_id: uuid.UUID, now: datetime) -> None:
    await session.execute(
        update(RefreshToken)
        .where(RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=now)
    )


async def revoke_account_tokens(session: AsyncSession, account_id: uuid.UUID, now: datetime) -> None:
    await session.execute(
        update(RefreshToken)
        .where(RefreshToken.account_id == account_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=now)
    )


async def recent_failures(session: AsyncSession, login_key: str, since: datetime) -> list[datetime]:
    rows = await session.scalars(
        select(LoginFailure.failed_at)
        .where(LoginFailure.login_key == login_key, LoginFailure.failed_at > since)
        .order_by(LoginFailure.failed_at)
    )
    return list(rows)


async def forget_failures(session: AsyncSession, login_key: str) -> None:
    await session.execute(delete(LoginFailure).where(LoginFailure.login_key == login_key))


async def versions_changed_since(session: AsyncSession, since: datetime) -> list[tuple[str, int]]:
    """(subject, version) of the accounts and API clients whose version rose after `since`: an account by
    its id, a client as `client:<client_id>` (the revocations list's names)."""
    accounts = select(
        cast(Account.id, Text).label("subject"), Account.version, Account.version_changed_at
    ).where(Account.version_changed_at > since)
    clients = select(
        (literal(CLIENT_PREFIX) + ApiClient.client_id).label("subject"),
        ApiClient.version,
        ApiClient.version_changed_at,
    ).where(ApiClient.version_changed_at > since)
    changed = union_all(accounts, clients).subquery()
    rows = await session.execute(
        select(changed.c.subject, changed.c.version).order_by(changed.c.version_changed_at)
    )
    return [(subject, version) for subject, version in rows]


def after_commit(session: AsyncSession, callback: Callable[[], None]) -> None:
    """Call `callback` once the session's transaction has committed (not if it rolls back)."""
    event.listen(session.sync_session, "after_commit", lambda _session: callback(), once=True)
