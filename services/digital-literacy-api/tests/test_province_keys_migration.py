"""Migration literacy_0008: stored draft commune codes become the official ones (the statistics the
triggers keep move with them, unchanged in number), and the keys carry the province. Down and up again."""

import asyncio
import datetime
import uuid

import asyncpg
import pytest

from literacy_api.database import SERVICE_DATABASE
from service_kit.migrations import downgrade, upgrade
from service_kit.postgres import _plain_url

pytestmark = pytest.mark.asyncio

HANOI = "01"
# Văn Miếu - Quốc Tử Giám: 00196 in the draft, 00226 officially; Kim Liên: 00226 → 00229 (a swap chain).
VAN_MIEU_DRAFT, VAN_MIEU = "00196", "00226"
KIM_LIEN_DRAFT, KIM_LIEN = "00226", "00229"
HOAN_KIEM = "00070"  # the same code in both lists


@pytest.fixture(scope="module")
def database_url(provision_separate):
    return provision_separate(SERVICE_DATABASE, "thidua_province_keys")


async def _learner(connection, commune: str, course: str, status: str) -> uuid.UUID:
    learner = uuid.uuid4()
    await connection.execute(
        "INSERT INTO literacy.learner (id, province_code, commune_code, gender, category, full_name_folded) "
        "VALUES ($1, $2, $3, 'female', 'citizen', '')",
        learner,
        HANOI,
        commune,
    )
    await connection.execute(
        "INSERT INTO literacy.training_record (id, learner_id, course_code, province_code, commune_code, status, "
        "progress, enrolled_on, completed_on, source) VALUES ($1, $2, $3, $4, $5, $6, $7, DATE '2026-03-02', $8, 'api')",
        uuid.uuid4(),
        learner,
        course,
        HANOI,
        commune,
        status,
        100 if status == "completed" else 10,
        None if status == "enrolled" else datetime.date(2026, 3, 20),
    )
    return learner


async def _coverage(
    connection, table: str = "coverage_cell WHERE dim = 'total' AND res = 'm' AND"
) -> dict[str, tuple[int, int]]:
    """Learners and completers per commune in the monthly rollups: the fine ones before `literacy_0012`
    (`table="coverage_month WHERE"`), the cells per dimension from it on."""
    rows = await connection.fetch(
        "SELECT commune_code, sum(learners)::int AS learners, sum(completed)::int AS completed "
        f"FROM literacy.{table} province_code = $1 GROUP BY commune_code HAVING sum(learners) <> 0",
        HANOI,
    )
    return {row["commune_code"]: (row["learners"], row["completed"]) for row in rows}


FINE = "coverage_month WHERE"


async def test_draft_codes_are_renumbered_and_keys_carry_the_province(database_url):
    await asyncio.to_thread(downgrade, SERVICE_DATABASE.alembic_ini, database_url, "literacy_0007")
    connection = await asyncpg.connect(_plain_url(database_url))
    try:
        course = "PM-TEST"
        await connection.execute(
            "INSERT INTO literacy.course (code, title, title_folded, hours, level, competence_codes, required_for) "
            "VALUES ($1, 'Kỹ năng số', 'ky nang so', 4, 1, '{}', '{}')",
            course,
        )
        van_mieu = await _learner(connection, VAN_MIEU_DRAFT, course, "completed")
        kim_lien = await _learner(connection, KIM_LIEN_DRAFT, course, "enrolled")
        hoan_kiem = await _learner(connection, HOAN_KIEM, course, "completed")
        await connection.execute(
            "INSERT INTO literacy.population (commune_code, province_code, adults, updated_by) "
            "VALUES ($1, '01', 900, 'tester'), ($2, '01', 800, 'tester')",
            VAN_MIEU_DRAFT,
            KIM_LIEN_DRAFT,
        )
        await connection.execute(
            "INSERT INTO literacy.import_job (id, status, filename, size_bytes, submitted_by, scope_communes, "
            "processed_rows, inserted, updated, unchanged, rejected, duplicates, certificates_issued, attempts) "
            "VALUES ($1, 'succeeded', 'a.xlsx', 1, 'tester', $2, 0, 0, 0, 0, 0, 0, 0, 0)",
            uuid.uuid4(),
            [HOAN_KIEM, KIM_LIEN_DRAFT, VAN_MIEU_DRAFT],
        )
        assert await _coverage(connection, FINE) == {
            VAN_MIEU_DRAFT: (1, 1),
            KIM_LIEN_DRAFT: (1, 0),
            HOAN_KIEM: (1, 1),
        }
    finally:
        await connection.close()

    await asyncio.to_thread(upgrade, SERVICE_DATABASE.alembic_ini, database_url, "literacy_0008")
    connection = await asyncpg.connect(_plain_url(database_url))
    try:
        # The same counts, under the official codes; the triggers did not count the move a second time.
        assert await _coverage(connection, FINE) == {VAN_MIEU: (1, 1), KIM_LIEN: (1, 0), HOAN_KIEM: (1, 1)}
    finally:
        await connection.close()

    await asyncio.to_thread(upgrade, SERVICE_DATABASE.alembic_ini, database_url)

    connection = await asyncpg.connect(_plain_url(database_url))
    try:
        learners = dict(await connection.fetch("SELECT id, commune_code FROM literacy.learner"))
        assert learners == {van_mieu: VAN_MIEU, kim_lien: KIM_LIEN, hoan_kiem: HOAN_KIEM}
        records = dict(
            await connection.fetch("SELECT learner_id, commune_code FROM literacy.training_record")
        )
        assert records == learners
        # The rollups of literacy_0012, counted anew from the records, say the same.
        assert await _coverage(connection) == {VAN_MIEU: (1, 1), KIM_LIEN: (1, 0), HOAN_KIEM: (1, 1)}
        population = dict(await connection.fetch("SELECT commune_code, adults FROM literacy.population"))
        assert population == {VAN_MIEU: 900, KIM_LIEN: 800}
        assert await connection.fetchval("SELECT scope_communes FROM literacy.import_job") == [
            HOAN_KIEM,
            KIM_LIEN,
            VAN_MIEU,
        ]
        primary = await connection.fetchval(
            "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'pk_training_record'"
        )
        assert primary == "PRIMARY KEY (province_code, id)"
        # A certificate took its learner's province; the triggers work again after the migration.
        record = await connection.fetchval(
            "SELECT id FROM literacy.training_record WHERE learner_id = $1", kim_lien
        )
        await connection.execute(
            "UPDATE literacy.training_record SET status = 'completed', progress = 100, "
            "completed_on = DATE '2026-03-25' WHERE id = $1",
            record,
        )
        assert (await _coverage(connection))[KIM_LIEN] == (1, 1)
        await connection.execute(
            "INSERT INTO literacy.certificate (province_code, record_id, learner_id, course_code, issued_on) "
            "VALUES ($1, $2, $3, $4, DATE '2026-03-25')",
            HANOI,
            record,
            kim_lien,
            course,
        )
        with pytest.raises(asyncpg.ForeignKeyViolationError):  # a record of another province is not its own
            await connection.execute(
                "INSERT INTO literacy.certificate (province_code, record_id, learner_id, course_code, issued_on) "
                "VALUES ('66', $1, $2, $3, DATE '2026-03-25')",
                record,
                kim_lien,
                course,
            )
        # A learner who moves province takes their records and certificate along (ON UPDATE CASCADE).
        await connection.execute(
            "UPDATE literacy.learner SET province_code = '66', commune_code = '24133' WHERE id = $1", kim_lien
        )
        assert (
            await connection.fetchval(
                "SELECT province_code FROM literacy.certificate WHERE learner_id = $1", kim_lien
            )
            == "66"
        )
    finally:
        await connection.close()
