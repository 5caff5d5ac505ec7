"""`make run` keeps its PostgreSQL in the data directory: a second start finds the first one's data."""

import json
import os
import subprocess
import sys
from pathlib import Path

import asyncpg
import pytest
from sqlalchemy.engine import URL

from devstack.database import EMBEDDED_DATABASE
from service_kit.postgres import EmbeddedPostgres, _plain_url, run

pytestmark = pytest.mark.e2e

REPO_ROOT = Path(__file__).resolve().parents[2]


def devstack(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"} | {"DATA_DIR": str(data_dir)}
    return subprocess.run(
        [sys.executable, "-m", "devstack", *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


async def execute_as_campaign(admin_url: URL, password: str, sql: str) -> object:
    url = admin_url.set(database=EMBEDDED_DATABASE, username="campaign_svc", password=password)
    connection = await asyncpg.connect(_plain_url(url))
    try:
        return await connection.fetchval(sql)
    finally:
        await connection.close()


def test_a_second_start_reuses_the_data_directory_and_keeps_its_data(tmp_path):
    first = devstack(tmp_path, "migrate")
    assert first.returncode == 0, first.stderr
    passwords = json.loads((tmp_path / "secrets" / "db-roles.json").read_text())
    assert set(passwords) == {"campaign", "scoring", "literacy"}

    server = EmbeddedPostgres(tmp_path / "postgres", keep=True)
    try:
        run(
            execute_as_campaign(
                server.admin_url,
                passwords["campaign"],
                "INSERT INTO campaign.audit_event (actor, action, object_type, object_id)"
                " VALUES ('tester', 'kept.across.runs', 'check', '1') RETURNING id",
            )
        )
    finally:
        server.stop()

    second = devstack(tmp_path, "migrate")
    assert second.returncode == 0, second.stderr
    assert json.loads((tmp_path / "secrets" / "db-roles.json").read_text()) == passwords

    # The demo data loads once: seeding again changes nothing.
    for _ in range(2):
        seeded = devstack(tmp_path, "seed")
        assert seeded.returncode == 0, seeded.stderr

    server = EmbeddedPostgres(tmp_path / "postgres", keep=True)
    try:
        movements = run(
            execute_as_campaign(
                server.admin_url,
                passwords["campaign"],
                "SELECT string_agg(code, ',' ORDER BY code) FROM campaign.campaign",
            )
        )
        kept = run(
            execute_as_campaign(
                server.admin_url,
                passwords["campaign"],
                "SELECT count(*) FROM campaign.audit_event WHERE action = 'kept.across.runs'",
            )
        )
    finally:
        server.stop()
    assert kept == 1
    assert movements == "BDHVS-100-NGAY,CDS-2025-2030,SVHTTDL-CDS-2025"
