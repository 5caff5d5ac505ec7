"""Every query of the learning record store: statements by id, inserted set-based, filtered by the indexed
columns and paged by their stored order (keyset on `seq`); actor links; the waiting statements of an actor."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, case, cast, func, insert, literal, or_, select, update
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.dialects.postgresql import insert as upsert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from literacy_api.catalog.models import Course
from literacy_api.learners.models import Learner
from literacy_api.xapi.models import ActorLink, XapiActivity, XapiAttachment, XapiStatement
from service_kit.access import UnitScope


@dataclass(frozen=True)
class StatementQuery:
    agent: str | None = None
    related_agents: bool = False
    verb: str | None = None
    activity: str | None = None
    related_activities: bool = False
    registration: uuid.UUID | None = None
    since: datetime | None = None
    until: datetime | None = None
    ascending: bool = False
    after_seq: int | None = None
    upto_seq: int | None = None


async def by_ids(session: AsyncSession, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, XapiStatement]:
    if not ids:
        return {}
    rows = await session.scalars(select(XapiStatement).where(XapiStatement.id.in_(ids)))
    return {row.id: row for row in rows}


async def by_id(
    session: AsyncSession, statement_id: uuid.UUID, *, for_update: bool = False
) -> XapiStatement | None:
    query = select(XapiStatement).where(XapiStatement.id == statement_id)
    if for_update:
        query = query.with_for_update()
    row: XapiStatement | None = await session.scalar(query)
    return row


async def insert_all(session: AsyncSession, rows: list[dict[str, Any]]) -> list[XapiStatement]:
    """One INSERT for the whole batch; the inserted rows come back in the batch's order."""
    if not rows:
        return []
    inserted = await session.scalars(insert(XapiStatement).returning(XapiStatement), rows)
    by_id = {row.id: row for row in inserted}
    return [by_id[row["id"]] for row in rows]


async def save_attachments(session: AsyncSession, attachments: list[tuple[str, str, bytes]]) -> None:
    """Each attachment's content once (by SHA-2; one already kept is kept)."""
    if not attachments:
        return
    rows = [
        {"sha2": sha2, "content_type": kind[:200], "content": content} for sha2, kind, content in attachments
    ]
    await session.execute(upsert(XapiAttachment).values(rows).on_conflict_do_nothing(index_elements=["sha2"]))


async def attachments(session: AsyncSession, sha2s: Sequence[str]) -> list[tuple[str, str, bytes]]:
    if not sha2s:
        return []
    rows = await session.execute(
        select(XapiAttachment.sha2, XapiAttachment.content_type, XapiAttachment.content)
        .where(XapiAttachment.sha2.in_(sha2s))
        .order_by(XapiAttachment.sha2)
    )
    return [(sha2, kind, content) for sha2, kind, content in rows]


async def mark_voided(session: AsyncSession, statement_ids: Sequence[uuid.UUID]) -> None:
    await session.execute(
        update(XapiStatement).where(XapiStatement.id.in_(statement_ids)).values(voided=True)
    )


async def last_seq(session: AsyncSession) -> int:
    value = await session.scalar(select(func.max(XapiStatement.seq)))
    return int(value or 0)


def _matching(s: type[XapiStatement] | Any, query: StatementQuery) -> list[ColumnElement[bool]]:
    """The filters that reach through StatementRefs (agent, verb, activity, registration) on `s`."""
    conditions: list[ColumnElement[bool]] = []
    if query.agent is not None:
        conditions.append(
            s.related_agents.contains([query.agent]) if query.related_agents else s.actor_key == query.agent
        )
    if query.verb is not None:
        conditions.append(s.verb_id == query.verb)
    if query.activity is not None:
        conditions.append(
            s.related_activities.contains([query.activity])
            if query.related_activities
            else s.activity_id == query.activity
        )
    if query.registration is not None:
        conditions.append(s.registration == query.registration)
    return conditions


async def referring(session: AsyncSession, query: StatementQuery) -> list[uuid.UUID]:
    """The statements whose StatementRef names (directly or through other StatementRefs) a statement that
    matches the filters: xAPI returns them with the matches. Driven from the few statements that are
    StatementRefs (a partial index)."""
    if not _matching(XapiStatement, query):
        return []
    target, ref, further = aliased(XapiStatement), aliased(XapiStatement), aliased(XapiStatement)
    reached = (
        select(ref.id.label("id"))
        .join(target, target.id == ref.statement_ref)
        .where(ref.statement_ref.is_not(None), *_matching(target, query))
        .cte("reached", recursive=True)
    )
    reached = reached.union(select(further.id).join(reached, further.statement_ref == reached.c.id))
    return list(await session.scalars(select(reached.c.id)))


async def page(
    session: AsyncSession, query: StatementQuery, limit: int, also: Sequence[uuid.UUID] = ()
) -> list[XapiStatement]:
    """Statements that are not voided and match every filter (or are among `also`, the statements that refer
    to matches), in stored order, `limit + 1` of them (the extra one says whether there is more)."""
    s = XapiStatement
    statement = select(s).where(s.voided.is_(False))
    matching = _matching(s, query)
    if matching and also:
        statement = statement.where(or_(and_(*matching), s.id.in_(list(also))))
    elif matching:
        statement = statement.where(*matching)
    if query.since is not None:
        statement = statement.where(s.stored > query.since)
    if query.until is not None:
        statement = statement.where(s.stored <= query.until)
    if query.upto_seq is not None:
        statement = statement.where(s.seq <= query.upto_seq)
    if query.after_seq is not None:
        statement = statement.where(s.seq > query.after_seq if query.ascending else s.seq < query.after_seq)
    statement = statement.order_by(s.seq.asc() if query.ascending else s.seq.desc()).limit(limit + 1)
    return list(await session.scalars(statement))


MERGED_KEYS = ("name", "description", "extensions")


async def merge_definitions(session: AsyncSession, definitions: dict[str, dict[str, Any]]) -> None:
    """Each activity's definition joined into the one kept: the language maps and extensions key by key,
    everything else as sent now. One statement for the batch, in the activities' order (no deadlock)."""
    if not definitions:
        return
    sent = upsert(XapiActivity).values(
        [{"activity_id": k, "definition": definitions[k]} for k in sorted(definitions)]
    )
    kept, new = XapiActivity.definition, sent.excluded.definition
    merged = kept.op("||")(new)
    for key in MERGED_KEYS:
        merged = merged.op("||")(
            case(
                (
                    and_(kept.has_key(key), new.has_key(key)),
                    func.jsonb_build_object(key, kept[key].op("||")(new[key])),
                ),
                else_=cast(literal("{}"), JSONB),
            )
        )
    await session.execute(
        sent.on_conflict_do_update(index_elements=["activity_id"], set_={"definition": merged})
    )


async def definition(session: AsyncSession, activity_id: str) -> dict[str, Any] | None:
    found: dict[str, Any] | None = await session.scalar(
        select(XapiActivity.definition).where(XapiActivity.activity_id == activity_id)
    )
    return found


async def agent_seen(session: AsyncSession, actor_key: str) -> bool:
    found = await session.scalar(
        select(XapiStatement.seq).where(XapiStatement.related_agents.contains([actor_key])).limit(1)
    )
    return found is not None


async def course_meaning(session: AsyncSession, activity_ids: Sequence[str]) -> str | None:
    """The course whose xAPI activity IRIs hold one of these (the first by code)."""
    if not activity_ids:
        return None
    code: str | None = await session.scalar(
        select(Course.code)
        .where(Course.xapi_activity_ids.overlap(list(activity_ids)))
        .order_by(Course.code)
        .limit(1)
    )
    return code


async def link_of(session: AsyncSession, actor_key: str) -> ActorLink | None:
    link: ActorLink | None = await session.scalar(select(ActorLink).where(ActorLink.actor_key == actor_key))
    return link


async def links_of(session: AsyncSession, actor_keys: Sequence[str]) -> dict[str, ActorLink]:
    if not actor_keys:
        return {}
    rows = await session.scalars(select(ActorLink).where(ActorLink.actor_key.in_(actor_keys)))
    return {row.actor_key: row for row in rows}


async def save_link(session: AsyncSession, link: ActorLink) -> None:
    session.add(link)
    await session.flush()
    await session.refresh(link)


async def links(
    session: AsyncSession,
    scope: UnitScope | None,
    learner_id: uuid.UUID | None,
    after: uuid.UUID | None,
    limit: int,
) -> list[ActorLink]:
    statement = select(ActorLink).join(Learner, Learner.id == ActorLink.learner_id)
    if scope is not None:
        statement = statement.where(
            Learner.unit_code.in_(scope.units) | Learner.commune_code.in_(scope.communes)
        )
    if learner_id is not None:
        statement = statement.where(ActorLink.learner_id == learner_id)
    if after is not None:
        statement = statement.where(ActorLink.id > after)
    return list(await session.scalars(statement.order_by(ActorLink.id).limit(limit + 1)))


async def waiting(session: AsyncSession, actor_key: str) -> list[XapiStatement]:
    """The actor's statements that wait for a link, in stored order, locked."""
    rows = await session.scalars(
        select(XapiStatement)
        .where(XapiStatement.actor_key == actor_key, XapiStatement.effect == "pending")
        .order_by(XapiStatement.seq)
        .with_for_update()
    )
    return list(rows)


async def flush(session: AsyncSession) -> None:
    await session.flush()
