"""Migration campaign_0009: a unit stored with a draft commune code takes the official one; down and up."""

import asyncio

import asyncpg
import pytest

from campaign_api.database import SERVICE_DATABASE
from service_kit.migrations import downgrade, upgrade
from service_kit.postgres import _plain_url

pytestmark = pytest.mark.asyncio


async def _communes(url) -> dict[str, str | None]:
    connection = await asyncpg.connect(_plain_url(url))
    try:
        rows = await connection.fetch("SELECT code, commune_code FROM campaign.unit WHERE code LIKE 'T-%'")
        return {row["code"]: row["commune_code"] for row in rows}
    finally:
        await connection.close()


@pytest.fixture
def url(provision_separate):
    return provision_separate(SERVICE_DATABASE, "campaign_official_communes")


async def test_units_take_the_official_commune_codes(url):
    await asyncio.to_thread(downgrade, SERVICE_DATABASE.alembic_ini, url, "campaign_0008")
    connection = await asyncpg.connect(_plain_url(url))
    try:
        # Hà Nội: Văn Miếu - Quốc Tử Giám was 00196 in the draft (00226 officially), Kim Liên 00226 (00229).
        await connection.execute(
            "INSERT INTO campaign.unit (code, name, name_folded, kind, province_code, commune_code, staff_count) "
            "VALUES ('T-VM', 'UBND phường Văn Miếu', 'ubnd phuong van mieu', 'commune', '01', '00196', 0), "
            "('T-KL', 'UBND phường Kim Liên', 'ubnd phuong kim lien', 'commune', '01', '00226', 0), "
            "('T-HK', 'UBND phường Hoàn Kiếm', 'ubnd phuong hoan kiem', 'commune', '01', '00070', 0), "
            "('T-SO', 'Sở Nội vụ', 'so noi vu', 'department', '01', NULL, 0)"
        )
    finally:
        await connection.close()
    await asyncio.to_thread(upgrade, SERVICE_DATABASE.alembic_ini, url)
    assert await _communes(url) == {"T-VM": "00226", "T-KL": "00229", "T-HK": "00070", "T-SO": None}
    await asyncio.to_thread(downgrade, SERVICE_DATABASE.alembic_ini, url, "campaign_0008")
    assert await _communes(url) == {"T-VM": "00196", "T-KL": "00226", "T-HK": "00070", "T-SO": None}
    await asyncio.to_thread(upgrade, SERVICE_DATABASE.alembic_ini, url)
