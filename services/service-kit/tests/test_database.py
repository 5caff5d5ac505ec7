"""One transaction per request, readiness against the database, and limit/offset and keyset paging."""

import datetime as dt
import uuid

import httpx
import pytest
from fastapi import APIRouter
from sqlalchemy import Column, Date, Integer, MetaData, Table, Text, event, insert, select, text
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.engine import URL
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.orm import Session

from service_kit.db import ReadSessionDep, SessionDep, async_url
from service_kit.errors import Conflict
from service_kit.observability import JsonFormatter
from service_kit.pagination import (
    CursorPage,
    CursorParamsDep,
    Page,
    PageParamsDep,
    decode_cursor,
    encode_cursor,
    keyset_paginate,
    paginate,
)
from service_kit.testing import assert_problem, started

metadata = MetaData(schema="kit_test")
note = Table(
    "note",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("written_on", Date, nullable=False),
    Column("body", Text, nullable=False),
    Column("position", Integer, nullable=False),
)

router = APIRouter()


@router.get("/notes/as-number")
async def note_as_number(who: str, session: SessionDep) -> int:
    # A statement PostgreSQL refuses with the value in its message ("invalid input syntax: ...").
    return int(await session.scalar(text("SELECT CAST(CAST(:who AS text) AS integer)"), {"who": who}) or 0)


@router.post("/notes", status_code=201)
async def add_note(body: str, session: SessionDep) -> dict[str, str]:
    await session.execute(
        insert(note).values(id=uuid.uuid4(), written_on=dt.date(2025, 7, 15), body=body, position=0)
    )
    if body == "refuse":
        raise Conflict("Refused after the insert: the insert must not stay.")
    return {"body": body}


@router.get("/notes")
async def list_notes(session: SessionDep, page: PageParamsDep) -> Page[int]:
    items, total = await paginate(session, select(note.c.position).order_by(note.c.position), page)
    return Page(items=items, total=total)


@router.get("/notes-by-day")
async def list_notes_by_day(session: SessionDep, page: CursorParamsDep) -> CursorPage[str]:
    rows, next_cursor = await keyset_paginate(
        session,
        select(note),
        keys=[note.c.written_on, note.c.id],
        key_of=lambda row: (row.written_on, row.id),
        params=page,
        scalars=False,
    )
    return CursorPage(items=[row.body for row in rows], next_cursor=next_cursor)


@pytest.fixture(scope="module")
async def notes_table(postgres_admin_url: URL):
    engine = create_async_engine(async_url(postgres_admin_url))
    async with engine.begin() as connection:
        await connection.execute(text("CREATE SCHEMA IF NOT EXISTS kit_test"))
        await connection.run_sync(metadata.create_all)
    yield note
    async with engine.begin() as connection:
        await connection.execute(text("DROP SCHEMA kit_test CASCADE"))
    await engine.dispose()


@pytest.fixture
async def client(build_app, notes_table, postgres_admin_url: URL):
    engine = create_async_engine(async_url(postgres_admin_url))
    async with engine.begin() as connection:
        await connection.execute(note.delete())
    await engine.dispose()
    async with started(build_app(router)) as http:
        yield http


async def count_notes(client) -> int:
    return (await client.get("/notes")).json()["total"]


async def test_successful_request_commits(client):
    assert (await client.post("/notes", params={"body": "kept"})).status_code == 201
    assert await count_notes(client) == 1


async def test_failed_request_rolls_back_everything_it_wrote(client):
    response = await client.post("/notes", params={"body": "refuse"})
    assert response.status_code == 409
    assert await count_notes(client) == 0


async def test_readyz_answers_200_when_the_database_answers(client):
    response = await client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_readyz_answers_503_problem_when_the_database_is_down(build_app):
    unreachable = "postgresql://nobody:x@127.0.0.1:1/none"
    async with started(build_app(database_url=unreachable)) as http:
        assert (await http.get("/healthz")).status_code == 200
        response = await http.get("/readyz")
    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    assert "127.0.0.1" not in response.text


async def test_limit_offset_pages_carry_the_total(client):
    for position in range(7):
        await client.post("/notes", params={"body": f"n{position}"})
    response = await client.get("/notes", params={"limit": 3, "offset": 3})
    assert response.json() == {"items": [0, 0, 0], "total": 7}
    assert (await client.get("/notes", params={"limit": 501})).status_code == 422
    assert (await client.get("/notes", params={"offset": -1})).status_code == 422


async def test_keyset_pages_walk_every_row_once_in_order(client, postgres_admin_url):
    engine = create_async_engine(async_url(postgres_admin_url))
    days = [dt.date(2025, 7, 15) + dt.timedelta(days=i % 3) for i in range(7)]
    async with engine.begin() as connection:
        await connection.execute(
            insert(note),
            [
                {"id": uuid.uuid4(), "written_on": day, "body": f"b{i}", "position": i}
                for i, day in enumerate(days)
            ],
        )
        expected = (
            (await connection.execute(select(note.c.body).order_by(note.c.written_on, note.c.id)))
            .scalars()
            .all()
        )
    await engine.dispose()

    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        params = {"limit": 3} | ({"cursor": cursor} if cursor else {})
        body = (await client.get("/notes-by-day", params=params)).json()
        seen += body["items"]
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == list(expected)
    assert pages == 3


async def test_a_forged_cursor_is_a_400_problem(client):
    response = await client.get("/notes-by-day", params={"cursor": "not-a-cursor"})
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"


def test_cursor_keeps_value_types():
    values = [dt.date(2025, 10, 25), uuid.UUID(int=5), "Đắk Lắk", 3]
    assert decode_cursor(encode_cursor(values)) == values


async def test_the_commit_happens_before_the_response_leaves(build_app, notes_table):
    """A client that reads right after its write must see it: the transaction ends before the answer starts."""
    order: list[str] = []

    def on_commit(session: Session) -> None:
        order.append("commit")

    app = build_app(router)

    async def watching(scope, receive, send):
        async def watched_send(message):
            if message["type"] == "http.response.start":
                order.append("response")
            await send(message)

        await app(scope, receive, watched_send)

    event.listen(Session, "after_commit", on_commit)
    try:
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=watching)
            async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
                assert (await http.post("/notes", params={"body": "probe"})).status_code == 201
    finally:
        event.remove(Session, "after_commit", on_commit)
    assert order == ["commit", "response"]


async def test_a_database_that_cannot_be_reached_is_a_503_problem_not_a_500(build_app, caplog):
    unreachable = "postgresql://nobody:x@127.0.0.1:1/none"
    async with started(build_app(router, database_url=unreachable)) as http:
        response = await http.post("/notes", params={"body": "Nguyễn Văn A 1990-01-02"})
        listing = await http.get("/notes")
    problem = assert_problem(response, 503)
    assert problem["code"] == "database.unavailable"
    assert response.headers["retry-after"] == "5"
    assert assert_problem(listing, 503)["code"] == "database.unavailable"
    assert "Nguyễn" not in caplog.text
    assert "127.0.0.1" not in response.text


async def test_a_statement_the_database_refuses_is_logged_without_its_values(client, caplog):
    response = await client.get("/notes/as-number", params={"who": "Nguyễn Văn A"})
    assert_problem(response, 500)
    written = [JsonFormatter().format(record) for record in caplog.records]
    assert any("InvalidTextRepresentationError sqlstate=22P02" in line for line in written), written
    assert not [line for line in written if "Nguyễn" in line]


replica_router = APIRouter()


@replica_router.get("/where")
async def where_reads_go(session: ReadSessionDep) -> dict[str, str]:
    name = await session.scalar(text("SELECT current_setting('application_name')"))
    port = await session.scalar(text("SELECT current_setting('port')"))
    return {"application_name": str(name), "port": str(port)}


async def test_reads_that_tolerate_lag_go_to_the_replica_when_one_is_set(build_app, postgres_admin_url):
    async with started(build_app(replica_router, read_url=postgres_admin_url)) as http:
        response = await http.get("/where")
    assert response.status_code == 200
    assert response.json()["application_name"] == "kit-test"


async def test_a_replica_that_is_down_degrades_to_the_primary(build_app, caplog):
    unreachable = "postgresql://nobody:x@127.0.0.1:1/none"
    async with started(build_app(replica_router, read_url=unreachable)) as http:
        response = await http.get("/where")
    assert response.status_code == 200
    assert "reading from the primary" in caplog.text
