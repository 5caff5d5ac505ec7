"""The set-based merge of an import's staged rows into learners, records and certificates, in one
transaction: the last row of each (person, course) wins, a completed record stays completed on its date,
nothing outside the submitter's scope is touched (a manager's: learners whose commune, and unit if
any, are theirs), and every row gets exactly one outcome."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from service_kit.text import fold

PLAN = """
CREATE TEMP TABLE import_plan ON COMMIT DROP AS
SELECT s.*, l.id AS learner_id, l.commune_code AS current_commune, l.unit_code AS current_unit,
       r.id AS record_id, r.status AS current_status, r.completed_on AS current_completed_on,
       s.status AS new_status,
       coalesce(r.completed_on, s.completed_on) AS new_completed_on,
       CASE WHEN s.status = 'completed' THEN 100 ELSE coalesce(s.progress, r.progress, 0) END AS new_progress,
       coalesce(s.score, r.score) AS new_score,
       coalesce(s.enrolled_on, r.enrolled_on, least(s.completed_on, :today)) AS new_enrolled_on,
       false AS record_changed
FROM (SELECT DISTINCT ON (nid_hash, course_code) * FROM import_checked WHERE reasons = ''
      ORDER BY nid_hash, course_code, line DESC) s
LEFT JOIN literacy.learner l ON l.national_id_hash = s.nid_hash
LEFT JOIN literacy.training_record r ON r.learner_id = l.id AND r.course_code = s.course_code
"""

REJECT = """
WITH rejected AS (
    DELETE FROM import_plan p
    WHERE (p.current_status = 'completed' AND p.status <> 'completed')
       OR (:scoped AND p.learner_id IS NOT NULL
           AND NOT (p.current_commune = ANY(:communes) AND (p.current_unit IS NULL OR p.current_unit = ANY(:units))))
    RETURNING p.line,
        CASE WHEN p.current_status = 'completed' AND p.status <> 'completed'
             THEN 'khóa học này đã Hoàn thành ngày ' || to_char(p.current_completed_on, 'DD/MM/YYYY')
                  || ': không đổi được trạng thái'
             ELSE 'người học này thuộc xã/phường hoặc đơn vị ngoài phạm vi bạn phụ trách' END AS reason
)
INSERT INTO literacy.import_error (job_id, line, reason) SELECT :job, line, reason FROM rejected
"""

RECORD_CHANGED = """
UPDATE import_plan SET record_changed = (new_status, new_progress, new_score, new_enrolled_on, new_completed_on)
    IS DISTINCT FROM (r.status, r.progress, r.score, r.enrolled_on, r.completed_on)
FROM literacy.training_record r WHERE r.id = import_plan.record_id
"""

PEOPLE = """
CREATE TEMP TABLE import_person ON COMMIT DROP AS
SELECT x.*, x.learner_id IS NULL AS created,
       x.learner_id IS NOT NULL AND
       (l.full_name, l.date_of_birth, l.gender, l.ethnicity, l.commune_code, l.category, l.unit_code)
       IS DISTINCT FROM
       (x.full_name, x.date_of_birth, x.gender, x.ethnicity, x.commune_code, x.category, x.unit_code) AS changed
FROM (
    SELECT DISTINCT ON (nid_hash) nid_hash, nid_encrypted, nid_masked, full_name, date_of_birth,
           gender, ethnicity, commune_code, province_code, category, unit_code, learner_id
    FROM import_plan ORDER BY nid_hash, line DESC
) x LEFT JOIN literacy.learner l ON l.id = x.learner_id
"""

CREATE_LEARNERS = """
INSERT INTO literacy.learner (id, province_code, commune_code, national_id_hash, national_id_encrypted,
    national_id_masked, full_name, full_name_folded, date_of_birth, birth_year, gender, ethnicity, category,
    unit_code)
SELECT gen_random_uuid(), p.province_code, p.commune_code, p.nid_hash, p.nid_encrypted, p.nid_masked, p.full_name,
       f.folded, p.date_of_birth, extract(year FROM p.date_of_birth)::int, p.gender, p.ethnicity, p.category,
       p.unit_code
FROM import_person p JOIN import_folded f ON f.full_name = p.full_name WHERE p.created
ON CONFLICT (province_code, national_id_hash) DO NOTHING
"""

LINK_NEW_LEARNERS = """
UPDATE import_person p SET learner_id = l.id FROM literacy.learner l
WHERE p.created AND l.province_code = p.province_code AND l.national_id_hash = p.nid_hash
"""

UPDATE_LEARNERS = """
UPDATE literacy.learner l SET full_name = p.full_name, full_name_folded = f.folded,
    date_of_birth = p.date_of_birth, birth_year = extract(year FROM p.date_of_birth)::int, gender = p.gender,
    ethnicity = p.ethnicity, commune_code = p.commune_code, province_code = p.province_code,
    category = p.category, unit_code = p.unit_code, updated_at = now()
FROM import_person p JOIN import_folded f ON f.full_name = p.full_name WHERE l.id = p.learner_id AND p.changed
"""

NAMES = "SELECT DISTINCT full_name FROM import_person WHERE created OR changed"
FOLDED_DDL = (
    "CREATE TEMP TABLE import_folded (full_name text PRIMARY KEY, folded text NOT NULL) ON COMMIT DROP"
)

LINK_PLAN = """
UPDATE import_plan x SET learner_id = p.learner_id FROM import_person p
WHERE x.learner_id IS NULL AND p.nid_hash = x.nid_hash
"""

CREATE_RECORDS = """
INSERT INTO literacy.training_record (id, learner_id, course_code, province_code, commune_code, status,
    progress, score, enrolled_on, completed_on, source)
SELECT gen_random_uuid(), x.learner_id, x.course_code, p.province_code, p.commune_code, x.new_status,
       x.new_progress, x.new_score, x.new_enrolled_on, x.new_completed_on, :source
FROM import_plan x JOIN import_person p ON p.nid_hash = x.nid_hash
WHERE x.record_id IS NULL
ORDER BY x.learner_id, x.course_code
ON CONFLICT (province_code, learner_id, course_code) DO NOTHING
"""

UPDATE_RECORDS = """
UPDATE literacy.training_record r SET status = x.new_status, progress = x.new_progress, score = x.new_score,
    enrolled_on = x.new_enrolled_on, completed_on = x.new_completed_on, source = :source, updated_at = now()
FROM import_plan x WHERE r.id = x.record_id AND x.record_changed
"""

ISSUE_CERTIFICATES = """
INSERT INTO literacy.certificate (province_code, record_id, learner_id, course_code, issued_on)
SELECT r.province_code, r.id, r.learner_id, r.course_code, r.completed_on
FROM import_plan x JOIN literacy.training_record r ON r.learner_id = x.learner_id AND r.course_code = x.course_code
WHERE r.status = 'completed' AND NOT EXISTS (SELECT 1 FROM literacy.certificate c WHERE c.record_id = r.id)
"""

# Who changed what: learners created or updated and records created or moved to another status, as the
# API records them, with the import's id (the values themselves stay out of the trail).
AUDIT = """
INSERT INTO literacy.audit_event (actor, action, object_type, object_id, before, after)
SELECT :actor, CASE WHEN created THEN 'learner.created' ELSE 'learner.updated' END, 'learner', learner_id::text,
       NULL, jsonb_build_object('import_id', CAST(:job_text AS text), 'national_id_masked', nid_masked)
FROM import_person WHERE created OR changed
UNION ALL
SELECT :actor, CASE WHEN x.record_id IS NULL THEN 'record.created' ELSE 'record.status_changed' END,
       'training_record', r.id::text,
       CASE WHEN x.record_id IS NULL THEN NULL ELSE jsonb_build_object('status', x.current_status) END,
       jsonb_build_object('status', x.new_status, 'import_id', CAST(:job_text AS text))
FROM import_plan x JOIN literacy.training_record r ON r.learner_id = x.learner_id AND r.course_code = x.course_code
WHERE x.record_id IS NULL OR x.current_status IS DISTINCT FROM x.new_status
"""

COUNTS = """
SELECT count(*) FILTER (WHERE x.record_id IS NULL) AS inserted,
       count(*) FILTER (WHERE x.record_id IS NOT NULL AND (x.record_changed OR p.changed)) AS updated,
       count(*) FILTER (WHERE x.record_id IS NOT NULL AND NOT x.record_changed AND NOT p.changed) AS unchanged
FROM import_plan x JOIN import_person p ON p.nid_hash = x.nid_hash
"""


@dataclass(frozen=True)
class MergeCounts:
    inserted: int
    updated: int
    unchanged: int
    duplicates: int
    certificates_issued: int


@dataclass(frozen=True)
class MergeScope:
    units: list[str] | None
    communes: list[str] | None


async def merge(
    connection: AsyncConnection,
    *,
    job_id: str,
    actor: str,
    scope: MergeScope,
    today: date,
) -> MergeCounts:
    """Runs inside the caller's transaction; the caller commits it with the job's final counts."""

    async def run(sql: str, **params: Any) -> Any:
        return await connection.execute(text(sql), params)

    await run(PLAN, today=today)
    staged = (await run("SELECT count(*) FROM import_checked WHERE reasons = ''")).scalar_one()
    planned = (await run("SELECT count(*) FROM import_plan")).scalar_one()
    await run(
        REJECT,
        job=job_id,
        scoped=scope.communes is not None,
        communes=scope.communes or [],
        units=scope.units or [],
    )
    await run(RECORD_CHANGED)
    await run(PEOPLE)
    await _fold_names(connection)
    await run(CREATE_LEARNERS)
    await run(LINK_NEW_LEARNERS)
    await run(UPDATE_LEARNERS)
    await run(LINK_PLAN)
    source = f"import:{job_id}"
    await run(CREATE_RECORDS, source=source)
    await run(UPDATE_RECORDS, source=source)
    issued = (await run(ISSUE_CERTIFICATES)).rowcount
    await run(AUDIT, actor=actor, job_text=job_id)
    counts = (await run(COUNTS)).one()
    return MergeCounts(
        inserted=counts.inserted,
        updated=counts.updated,
        unchanged=counts.unchanged,
        duplicates=staged - planned,
        certificates_issued=issued,
    )


async def _fold_names(connection: AsyncConnection) -> None:
    """The names of the learners the import creates or renames, folded for search (in Python, the one
    definition of folding), each distinct name once."""
    names = (await connection.execute(text(NAMES))).scalars().all()
    folded = await asyncio.to_thread(lambda: [(name, fold(name)) for name in names])
    await connection.execute(text(FOLDED_DDL))
    raw = await connection.get_raw_connection()
    driver: Any = raw.driver_connection
    await driver.copy_records_to_table("import_folded", records=folded, columns=("full_name", "folded"))
