"""Statistics are read from a streaming replica when `LITERACY_DATABASE_READ_URL` names one, and from the
primary when the replica is down.

A primary (the embedded PostgreSQL) and a real streaming replica of it (`pg_basebackup -R`, the same
binaries) run on this machine. The test pauses the replica's replay to make the two differ, so an answer
shows which one served it: a statistic that lags the primary's write came from the replica.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import asyncpg
import httpx
import pytest
from sqlalchemy.engine import URL

from literacy_api.config import LiteracySettings
from literacy_api.database import SERVICE_DATABASE
from literacy_api.main import create_app
from reference_data.localities import localities
from service_kit.migrations import upgrade
from service_kit.postgres import EmbeddedPostgres, create_database, new_password, provision_service, run
from service_kit.testing import ServiceUnderTest, TokenFactory, asgi_client

pgserver = pytest.importorskip("pgserver")
BIN = Path(pgserver.__file__).parent / "pginstall" / "bin"
SYSTEM_USER = "pgserver" if os.geteuid() == 0 else None  # PostgreSQL refuses to run as root; pgserver's user


def _as_server_user(command: list[str]) -> list[str]:
    return ["runuser", "-u", SYSTEM_USER, "--", *command] if SYSTEM_USER else command


def _socket_dir(url: URL) -> str:
    return str(url.query["host"])


@pytest.fixture(scope="module")
def primary(tmp_path_factory: pytest.TempPathFactory) -> Iterator[URL]:
    server = EmbeddedPostgres(tmp_path_factory.mktemp("primary"), keep=False)
    try:
        yield server.admin_url
    finally:
        server.stop()


@pytest.fixture(scope="module")
def literacy_url(primary: URL, pytestconfig: pytest.Config) -> URL:
    admin = run(create_database(primary, "thidua_replica"))
    sql = (pytestconfig.rootpath / "infra/postgres/provision.sql").read_text()
    url: URL = run(provision_service(admin, SERVICE_DATABASE, password=new_password(), sql_template=sql))
    upgrade(SERVICE_DATABASE.alembic_ini, url)
    return url


class Replica:
    """A streaming replica of `primary` in its own data directory and socket directory."""

    def __init__(self, primary: URL, root: Path) -> None:
        self.data = root / "data"
        self.sockets = root / "sockets"
        self.sockets.mkdir(parents=True)
        root.chmod(0o777)
        self.sockets.chmod(0o777)
        subprocess.run(
            _as_server_user(
                [
                    str(BIN / "pg_basebackup"),
                    *("-h", _socket_dir(primary), "-U", "postgres", "-D", str(self.data)),
                    *("-R", "-X", "stream", "--checkpoint=fast"),
                ]
            ),
            check=True,
            capture_output=True,
        )
        self.start()

    def pg_ctl(self, *args: str) -> None:
        subprocess.run(
            _as_server_user([str(BIN / "pg_ctl"), "-D", str(self.data), *args]),
            check=True,
            capture_output=True,
        )

    def start(self) -> None:
        # -w waits until the replica accepts connections (no time limit of ours: pg_ctl's own, 60 s by default,
        # is the longest a start may take; -t raises it for a loaded machine).
        self.pg_ctl(
            "-w", "-t", "600", "-l", str(self.data / "log"), "-o", f'-h "" -k {self.sockets}', "start"
        )

    def stop(self) -> None:
        self.pg_ctl("-w", "-t", "600", "-m", "fast", "stop")

    def url_like(self, url: URL) -> URL:
        return url.update_query_dict({"host": str(self.sockets)})


@pytest.fixture(scope="module")
def replica(primary: URL, literacy_url: URL, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Replica]:
    if shutil.which("runuser") is None and SYSTEM_USER:
        pytest.skip("runuser is needed to run PostgreSQL as its own user")
    replica = Replica(primary, tmp_path_factory.mktemp("replica"))
    try:
        yield replica
    finally:
        replica.stop()


async def _sql(url: URL, statement: str) -> object:
    connection = await asyncpg.connect(url.set(drivername="postgresql").render_as_string(hide_password=False))
    try:
        return await connection.fetchval(statement)
    finally:
        await connection.close()


async def _caught_up(primary: URL, replica_admin: URL) -> None:
    """Wait until the replica has replayed everything the primary has written (checked, not timed)."""
    target = await _sql(primary, "SELECT pg_current_wal_lsn()::text")
    while not await _sql(replica_admin, f"SELECT pg_last_wal_replay_lsn() >= '{target}'::pg_lsn"):
        await _sql(replica_admin, "SELECT pg_sleep(0.1)")


@pytest.fixture
async def client(literacy_url: URL, replica: Replica) -> AsyncIterator[httpx.AsyncClient]:
    tokens = TokenFactory()
    service = ServiceUnderTest(SERVICE_DATABASE, create_app, LiteracySettings)
    app = service.build_app(
        literacy_url, database_read_url=replica.url_like(literacy_url).render_as_string(False)
    )
    async with app.router.lifespan_context(app):
        app.state.token_verifier.trust(tokens.trusted_issuer(), tokens.key_source())
        async with asgi_client(app) as http:
            http.headers.update(tokens.auth("admin-1", roles=["admin"]))
            yield http


async def _learner_with_a_record(client: httpx.AsyncClient, national_id: str, commune: str) -> None:
    learner = await client.post(
        "/v1/learners",
        json={
            "national_id": national_id,
            "full_name": "Nguyễn Văn Bản Sao",
            "date_of_birth": "1985-03-02",
            "gender": "male",
            "commune_code": commune,
            "category": "citizen",
        },
    )
    assert learner.status_code == 201, learner.text
    record = await client.post(
        "/v1/records",
        json={"learner_id": learner.json()["id"], "course_code": "REPLICA", "status": "enrolled"},
    )
    assert record.status_code == 201, record.text


def _learners(report: dict, commune: str) -> int:
    return sum(row["learners"] for row in report["items"] if row["key"] == commune)


async def test_statistics_come_from_the_replica_and_from_the_primary_when_it_is_down(
    client: httpx.AsyncClient, primary: URL, replica: Replica
) -> None:
    commune = localities.communes("66")[0].code
    course = await client.post(
        "/v1/courses", json={"code": "REPLICA", "title": "Bản sao", "hours": 2, "level": 1}
    )
    assert course.status_code == 201, course.text
    await _learner_with_a_record(client, "066185000001", commune)
    replica_admin = replica.url_like(primary)
    await _caught_up(primary, replica_admin)
    coverage = {"group_by": "commune", "province_code": "66"}
    first = await client.get("/v1/stats/coverage", params=coverage)
    assert first.status_code == 200, first.text
    assert _learners(first.json(), commune) == 1

    # The replica stops replaying: a second learner is on the primary only.
    await _sql(replica_admin, "SELECT pg_wal_replay_pause()")
    try:
        await _learner_with_a_record(client, "066185000002", commune)
        lagging = await client.get("/v1/stats/coverage", params=coverage)
        assert _learners(lagging.json(), commune) == 1  # served by the replica, seconds behind
        # What a writer reads back right after its write comes from the primary.
        listed = await client.get("/v1/learners", params={"commune_code": commune})
        assert listed.status_code == 200, listed.text
        assert len(listed.json()["items"]) == 2
    finally:
        await _sql(replica_admin, "SELECT pg_wal_replay_resume()")
    await _caught_up(primary, replica_admin)
    assert _learners((await client.get("/v1/stats/coverage", params=coverage)).json(), commune) == 2

    # The replica goes down: statistics degrade to the primary, never to an error.
    replica.stop()
    try:
        await _learner_with_a_record(client, "066185000003", commune)
        served = await client.get("/v1/stats/coverage", params=coverage)
        assert served.status_code == 200, served.text
        assert _learners(served.json(), commune) == 3
    finally:
        replica.start()
