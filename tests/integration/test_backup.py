"""`make backup` / `make restore`: the demo data of the three services, dumped per schema and restored
into a fresh database, answers the same — rows, and the API's answers that decrypt personal data — and
a backup made with other personal-data keys is refused before anything is replaced.

(A plain test: the stack's commands run their own event loops, as `make backup` does.)"""

from __future__ import annotations

import base64
import os
import secrets

import asyncpg
import pytest
from sqlalchemy.engine import URL

from devstack import backup
from devstack.__main__ import seed
from devstack.database import migrate
from devstack.services import SERVICES
from literacy_api.config import LiteracySettings
from literacy_api.database import SERVICE_DATABASE as LITERACY_DATABASE
from literacy_api.main import create_app
from service_kit.postgres import new_password, run, throwaway_database
from service_kit.testing import ServiceUnderTest, TokenFactory, asgi_client

KEYS = {
    "CAMPAIGN_NATIONAL_ID_KEY": secrets.token_urlsafe(32),
    "LITERACY_PERSONAL_DATA_KEY": base64.b64encode(os.urandom(32)).decode(),
    "LITERACY_LOOKUP_KEY": secrets.token_urlsafe(32),
}


async def _rows(url: URL) -> dict[str, int]:
    connection = await asyncpg.connect(url.set(drivername="postgresql").render_as_string(hide_password=False))
    try:
        counts = {}
        for service in SERVICES:
            schema = service.database.schema
            tables = await connection.fetch(
                "SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY tablename", schema
            )
            for (table,) in tables:
                counts[f"{schema}.{table}"] = await connection.fetchval(
                    f'SELECT count(*) FROM "{schema}"."{table}"'
                )
        return counts
    finally:
        await connection.close()


async def _answers(url: URL) -> dict[str, object]:
    """What the literacy API answers on this database: learners (their masked national IDs are decrypted
    from the stored ciphertext) and the coverage of the province."""
    tokens = TokenFactory()
    app = ServiceUnderTest(LITERACY_DATABASE, create_app, LiteracySettings).build_app(url)
    async with app.router.lifespan_context(app):
        app.state.token_verifier.trust(tokens.trusted_issuer(), tokens.key_source())
        async with asgi_client(app) as client:
            client.headers.update(tokens.auth("admin-1", roles=["admin"]))
            learners = await client.get("/v1/learners", params={"limit": 20})
            coverage = await client.get("/v1/stats/coverage", params={"group_by": "category"})
            assert learners.status_code == 200, learners.text
            assert coverage.status_code == 200, coverage.text
            return {"learners": learners.json()["items"], "coverage": coverage.json()}


def test_a_restored_backup_answers_the_same(postgres_server_url, role_passwords, tmp_path, monkeypatch):
    for name, value in KEYS.items():
        monkeypatch.setenv(name, value)
    passwords = {s.name: role_passwords.setdefault(s.database.role, new_password()) for s in SERVICES}
    with (
        throwaway_database(postgres_server_url, "thidua_backup_from") as source,
        throwaway_database(postgres_server_url, "thidua_backup_into") as target,
    ):
        urls = migrate(source, passwords)
        seed(urls)
        rows, answers = run(_rows(source)), run(_answers(urls["literacy"]))
        assert rows["literacy.learner"] > 0
        assert answers["learners"]
        made = backup.backup(source, tmp_path)
        assert oct(made.stat().st_mode & 0o777) == "0o700"
        assert {p.name for p in made.iterdir()} == {"manifest.json"} | {
            f"{s.database.schema}.dump" for s in SERVICES
        }
        assert all(value not in (made / "manifest.json").read_text() for value in KEYS.values())

        restored_urls = migrate(target, passwords)
        empty = run(_rows(target))
        other_keys = {**KEYS, "LITERACY_PERSONAL_DATA_KEY": base64.b64encode(os.urandom(32)).decode()}
        with pytest.raises(backup.BackupRefused, match="LITERACY_PERSONAL_DATA_KEY"):
            backup.restore(target, made, environment=other_keys)
        assert run(_rows(target)) == empty  # refused before anything was replaced

        assert backup.restore(target, made) == [s.database.schema for s in SERVICES]
        migrate(target, passwords)
        assert run(_rows(target)) == rows
        assert run(_answers(restored_urls["literacy"])) == answers
