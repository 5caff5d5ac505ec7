"""Migration scoring_0005: the values of a commune framework stored under draft commune codes move to the
official ones (codes that swap included); a unit framework's subject codes are left alone. Down and up."""

import asyncio
import uuid

import asyncpg
import pytest

from scoring_api.database import SERVICE_DATABASE
from service_kit.migrations import downgrade, upgrade
from service_kit.postgres import _plain_url

pytestmark = pytest.mark.asyncio


async def _values(url) -> set[tuple[str, str, str, float]]:
    connection = await asyncpg.connect(_plain_url(url))
    try:
        rows = await connection.fetch(
            "SELECT f.subject_kind, v.subject_code, v.indicator_code, v.value FROM scoring.index_value v "
            "JOIN scoring.index_framework f ON f.id = v.framework_id"
        )
        return {tuple(row) for row in rows}
    finally:
        await connection.close()


@pytest.fixture
def url(provision_separate):
    return provision_separate(SERVICE_DATABASE, "scoring_official_communes")


async def test_commune_values_take_the_official_codes(url):
    await asyncio.to_thread(downgrade, SERVICE_DATABASE.alembic_ini, url, "scoring_0004")
    communes, units = uuid.uuid4(), uuid.uuid4()
    connection = await asyncpg.connect(_plain_url(url))
    try:
        await connection.execute(
            "INSERT INTO scoring.index_framework (id, name, subject_kind, version, status, aggregation, missing, "
            "outliers, nodes) VALUES ($1, 'Chỉ số xã', 'commune', 1, 'draft', 'arithmetic', 'reweight', "
            "'winsorise', '[]'), ($2, 'Chỉ số đơn vị', 'unit', 1, 'draft', 'arithmetic', 'reweight', "
            "'winsorise', '[]')",
            communes,
            units,
        )
        # Cao Bằng's ring: 01537 → 01561, 01558 → 01537, 01561 → 01558; 00070 keeps its code.
        await connection.executemany(
            "INSERT INTO scoring.index_value (framework_id, subject_code, indicator_code, value) VALUES ($1, $2, 'I1', $3)",
            [
                (communes, "01537", 1.0),
                (communes, "01558", 2.0),
                (communes, "01561", 3.0),
                (communes, "00070", 4.0),
                (units, "01537", 5.0),
            ],
        )
    finally:
        await connection.close()
    before = {
        ("commune", "01537", "I1", 1.0),
        ("commune", "01558", "I1", 2.0),
        ("commune", "01561", "I1", 3.0),
        ("commune", "00070", "I1", 4.0),
        ("unit", "01537", "I1", 5.0),
    }
    assert await _values(url) == before
    await asyncio.to_thread(upgrade, SERVICE_DATABASE.alembic_ini, url)
    assert await _values(url) == {
        ("commune", "01561", "I1", 1.0),
        ("commune", "01537", "I1", 2.0),
        ("commune", "01558", "I1", 3.0),
        ("commune", "00070", "I1", 4.0),
        ("unit", "01537", "I1", 5.0),
    }
    await asyncio.to_thread(downgrade, SERVICE_DATABASE.alembic_ini, url, "scoring_0004")
    assert await _values(url) == before
    await asyncio.to_thread(upgrade, SERVICE_DATABASE.alembic_ini, url)
