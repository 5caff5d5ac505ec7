"""A learner's progress kept in the process (`training.cache`) is dropped when the database says it changed:
on a database of its own, so that writes really commit and the triggers' notifications are delivered.
Each change below is followed by a read that must show it (waiting for the notification, never a fixed
delay); a listener whose connection drops answers nothing from the cache until it is back."""

import asyncio
import uuid

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from literacy_api.config import LiteracySettings
from literacy_api.database import SERVICE_DATABASE
from literacy_api.main import create_app
from literacy_api.training.cache import KeptProgress, ProgressCache
from service_kit.db import async_url
from service_kit.testing import ServiceUnderTest, started

TABLES = "literacy.learner, literacy.training_record, literacy.certificate, literacy.course"
PATIENCE_SECONDS = 60.0
"""How long a notification may take on a loaded machine before the test gives up (it is normally ms)."""


async def until(condition, what: str) -> None:
    async with asyncio.timeout(PATIENCE_SECONDS):
        # The condition is changed by the listener's callback, which has no event to wait on.
        while not condition():  # noqa: ASYNC110
            await asyncio.sleep(0.01)
    assert condition(), what


@pytest.fixture(scope="module")
def cache_database_url(provision_separate):
    return provision_separate(SERVICE_DATABASE, "thidua_progress_cache")


@pytest.fixture
async def service(cache_database_url, token_factory, campaign_directory):
    app = ServiceUnderTest(SERVICE_DATABASE, create_app, LiteracySettings).build_app(
        cache_database_url, import_worker=False
    )
    async with started(app) as client:
        app.state.token_verifier.trust(token_factory.trusted_issuer(), token_factory.key_source())
        app.state.campaign = campaign_directory.client()
        async with app.state.database.engine.begin() as connection:
            await connection.execute(text(f"TRUNCATE {TABLES} CASCADE"))
        yield app, client


@pytest.fixture
async def learner(service, admin, learner_body):
    _app, client = service
    for code, hours in (("VNEID", 4), ("DVC", 6)):
        course = {"code": code, "title": f"Khóa {code}", "hours": hours, "level": 1, "competence_codes": []}
        assert (await client.post("/v1/courses", headers=admin, json=course)).status_code == 201
    created = await client.post("/v1/learners", headers=admin, json=learner_body())
    assert created.status_code == 201, created.text
    return created.json()


async def test_kept_progress_is_dropped_by_each_change_the_database_notifies(
    service, learner, admin, token_factory, postgres_server_url, cache_database_url
):
    app, client = service
    cache: ProgressCache = app.state.progress_cache
    learner_id = uuid.UUID(learner["id"])
    me = token_factory.auth("acc-1", roles=["learner"], learner_id=learner["id"])
    await until(lambda: cache.listening, "the listener connects")

    async def progress() -> dict:
        response = await client.get("/v1/me/progress", headers=me)
        assert response.status_code == 200, response.text
        return response.json()

    assert (await progress())["courses"] == []
    kept = cache.get(learner_id)
    assert kept is not None
    # Answered from the cache: the same body, and 304 for its ETag.
    again = await client.get("/v1/me/progress", headers={**me, "If-None-Match": kept.etag})
    assert again.status_code == 304
    assert again.headers["etag"] == kept.etag

    # A record (statement on training_record): the learner's copy goes.
    body = {"learner_id": learner["id"], "course_code": "VNEID", "status": "completed"}
    assert (await client.post("/v1/records", headers=admin, json=body)).status_code == 201
    await until(lambda: cache.get(learner_id) is None, "a new record drops the kept progress")
    now = await progress()
    assert [(c["course_code"], c["status"], c["certificate_code"] is not None) for c in now["courses"]] == [
        ("VNEID", "completed", True)
    ]
    assert now["hours_completed"] == "4.0"
    stale = await client.get("/v1/me/progress", headers={**me, "If-None-Match": kept.etag})
    assert stale.status_code == 200

    # The learner renamed.
    renamed = await client.patch(f"/v1/learners/{learner['id']}", headers=admin, json={"full_name": "Hà Mai"})
    assert renamed.status_code == 200, renamed.text
    await until(lambda: cache.get(learner_id) is None, "a new name drops the kept progress")
    assert (await progress())["full_name"] == "Hà Mai"

    # A course edited (in everyone's progress): everything kept goes.
    assert cache.get(learner_id) is not None
    async with app.state.database.engine.begin() as connection:
        await connection.execute(text("UPDATE literacy.course SET hours = 5 WHERE code = 'VNEID'"))
    await until(lambda: len(cache) == 0, "a course edited drops everything")
    assert (await progress())["hours_completed"] == "5.0"

    # The listener's connection dropped: nothing is answered from the cache until it is back.
    assert cache.get(learner_id) is not None
    administrator = create_async_engine(async_url(postgres_server_url), poolclass=NullPool)
    try:
        async with administrator.begin() as connection:
            ended = await connection.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE application_name = 'digital-literacy-api listener' AND datname = :database"
                ),
                {"database": cache_database_url.database},
            )
            assert ended.scalars().all() == [True]
    finally:
        await administrator.dispose()
    await until(lambda: cache.get(learner_id) is None, "a dropped listener empties the cache")
    await until(lambda: cache.listening, "the listener reconnects")
    assert (await progress())["full_name"] == "Hà Mai"
    assert cache.get(learner_id) is not None


def test_a_read_that_raced_a_change_is_not_kept():
    cache = ProgressCache(2, lambda: True)
    one, two, three = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    token = cache.begin()
    cache.drop(str(one))  # a change arrives while `one` is being read
    cache.keep(one, KeptProgress('"a"', b"{}"), token)
    assert cache.get(one) is None

    token = cache.begin()
    for learner in (one, two, three):
        cache.keep(learner, KeptProgress('"a"', b"{}"), token)
    assert (cache.get(one), len(cache)) == (None, 2)  # the oldest went first
    cache.drop(f"{two},{uuid.uuid4()}")
    assert (cache.get(two), cache.get(three)) == (None, KeptProgress('"a"', b"{}"))
    cache.drop("*")
    assert len(cache) == 0


def test_nothing_is_kept_or_answered_while_not_listening():
    listening = False
    cache = ProgressCache(10, lambda: listening)
    learner = uuid.uuid4()
    cache.keep(learner, KeptProgress('"a"', b"{}"), cache.begin())
    assert len(cache) == 0
    listening = True
    cache.keep(learner, KeptProgress('"a"', b"{}"), cache.begin())
    listening = False
    assert cache.get(learner) is None


def test_a_pooled_service_listens_only_on_a_direct_url():
    pooled = LiteracySettings(database_url="postgresql://pooler:6432/thidua", db_transaction_pooler=True)
    assert pooled.listen_url is None
    direct = LiteracySettings(
        database_url="postgresql://pooler:6432/thidua",
        db_transaction_pooler=True,
        database_listen_url="postgresql://primary:5432/thidua",
    )
    assert direct.listen_url == "postgresql://primary:5432/thidua"
    assert (
        LiteracySettings(database_url="postgresql://primary/thidua").listen_url
        == "postgresql://primary/thidua"
    )
