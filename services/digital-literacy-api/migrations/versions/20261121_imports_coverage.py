# ruff: noqa: S608 - the SQL below is assembled from constants of this file, never from input
"""Imports (jobs, encrypted file chunks, rejected rows), coverage rollups kept by triggers, population,
certificate codes drawn in the database, and the counted date of a record.

Revision ID: literacy_0004
Revises: literacy_0003
Create Date: 2026-11-21 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "literacy_0004"
down_revision: str | None = "literacy_0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DIMS = ("province_code", "commune_code", "category", "gender", "ethnicity")

# The rollups change by the difference between the affected learners' records after and before a
# statement. `{facts}` yields (sign, learner_id, province_code, commune_code, category, gender, ethnicity,
# course_code, d, done): sign -1 for the state before, +1 for the state after.
APPLY = """
WITH facts (sign, learner_id, province_code, commune_code, category, gender, ethnicity, course_code, d, done)
AS ({facts}),
months AS (
    SELECT sign, learner_id, province_code, commune_code, category, gender, ethnicity,
           date_trunc('month', d)::date AS month, bool_or(done) AS done
    FROM facts GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
),
series AS (
    SELECT *, lead(month) OVER (PARTITION BY sign, learner_id ORDER BY month) AS next_all,
           CASE WHEN done THEN lead(month) OVER (PARTITION BY sign, learner_id, done ORDER BY month) END
               AS next_done
    FROM months
),
month_delta AS (
    INSERT INTO literacy.coverage_month AS t
        (province_code, commune_code, category, gender, ethnicity, month, learners, completed)
    SELECT province_code, commune_code, category, gender, ethnicity, month,
           sum(sign), coalesce(sum(sign) FILTER (WHERE done), 0)
    FROM series GROUP BY 1, 2, 3, 4, 5, 6
    HAVING sum(sign) <> 0 OR coalesce(sum(sign) FILTER (WHERE done), 0) <> 0
    ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (province_code, commune_code, category, gender, ethnicity, month) DO UPDATE
        SET learners = t.learners + excluded.learners, completed = t.completed + excluded.completed
),
pair_delta AS (
    INSERT INTO literacy.coverage_month_pair AS t
        (province_code, commune_code, category, gender, ethnicity, month, next_month, learners, completed)
    SELECT province_code, commune_code, category, gender, ethnicity, month, next_month,
           sum(learners), sum(completed)
    FROM (
        SELECT province_code, commune_code, category, gender, ethnicity, month, next_all AS next_month,
               sign AS learners, 0 AS completed
        FROM series WHERE next_all IS NOT NULL
        UNION ALL
        SELECT province_code, commune_code, category, gender, ethnicity, month, next_done, 0, sign
        FROM series WHERE next_done IS NOT NULL
    ) pairs
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    HAVING sum(learners) <> 0 OR sum(completed) <> 0
    ORDER BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT (province_code, commune_code, category, gender, ethnicity, month, next_month) DO UPDATE
        SET learners = t.learners + excluded.learners, completed = t.completed + excluded.completed
)
INSERT INTO literacy.coverage_course_month AS t
        (province_code, commune_code, course_code, month, learners, completed)
    SELECT province_code, commune_code, course_code, date_trunc('month', d)::date,
           sum(sign), coalesce(sum(sign) FILTER (WHERE done), 0)
    FROM facts GROUP BY 1, 2, 3, 4
    HAVING sum(sign) <> 0 OR coalesce(sum(sign) FILTER (WHERE done), 0) <> 0
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (province_code, commune_code, course_code, month) DO UPDATE
        SET learners = t.learners + excluded.learners, completed = t.completed + excluded.completed
"""

LEARNER_DIMS = "l.province_code, l.commune_code, l.category, l.gender, coalesce(l.ethnicity, '')"
RECORD_FACT = "r.course_code, coalesce(r.completed_on, r.enrolled_on), r.status = 'completed'"

# Records now (+1) and as they were (-1) for the learners a statement touched; `moved` holds the ids of
# the rows whose counted fields the statement changed (their old versions come from `old_rows`). NOT EXISTS,
# not NOT IN: a NOT IN over a million ids that do not fit work_mem is a nested loop.
RECORD_FACTS = f"""
    SELECT 1, r.learner_id, {LEARNER_DIMS}, {RECORD_FACT}
    FROM literacy.training_record r JOIN literacy.learner l ON l.id = r.learner_id
    WHERE r.learner_id IN (SELECT learner_id FROM changed)
    UNION ALL
    SELECT -1, r.learner_id, {LEARNER_DIMS}, {RECORD_FACT}
    FROM literacy.training_record r JOIN literacy.learner l ON l.id = r.learner_id
    WHERE r.learner_id IN (SELECT learner_id FROM changed)
      AND NOT EXISTS (SELECT 1 FROM moved m WHERE m.id = r.id)
    {{old_versions}}
"""
OLD_VERSIONS = f"""
    UNION ALL
    SELECT -1, r.learner_id, {LEARNER_DIMS}, {RECORD_FACT}
    FROM old_rows r JOIN literacy.learner l ON l.id = r.learner_id
    WHERE r.id IN (SELECT id FROM moved)
"""


def _record_trigger_body(operation: str) -> str:
    if operation == "INSERT":
        prelude = "moved AS (SELECT id FROM new_rows), changed AS (SELECT DISTINCT learner_id FROM new_rows)"
        facts = RECORD_FACTS.format(old_versions="")
    elif operation == "DELETE":
        prelude = "moved AS (SELECT id FROM old_rows), changed AS (SELECT DISTINCT learner_id FROM old_rows)"
        facts = RECORD_FACTS.format(old_versions=OLD_VERSIONS)
    else:
        prelude = """
        moved AS (
            SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE (n.learner_id, n.course_code, coalesce(n.completed_on, n.enrolled_on), n.status = 'completed')
                  IS DISTINCT FROM
                  (o.learner_id, o.course_code, coalesce(o.completed_on, o.enrolled_on), o.status = 'completed')
        ),
        changed AS (
            SELECT learner_id FROM new_rows WHERE id IN (SELECT id FROM moved)
            UNION SELECT learner_id FROM old_rows WHERE id IN (SELECT id FROM moved)
        )"""
        facts = RECORD_FACTS.format(old_versions=OLD_VERSIONS)
    return APPLY.format(facts=facts).replace("WITH facts", f"WITH {prelude}, facts", 1)


LEARNER_FACTS = """
    SELECT -1, r.learner_id, o.province_code, o.commune_code, o.category, o.gender, coalesce(o.ethnicity, ''),
           {record_fact}
    FROM literacy.training_record r JOIN moved o ON o.id = r.learner_id
    UNION ALL
    SELECT 1, r.learner_id, n.province_code, n.commune_code, n.category, n.gender, coalesce(n.ethnicity, ''),
           {record_fact}
    FROM literacy.training_record r JOIN new_rows n ON n.id = r.learner_id
    WHERE n.id IN (SELECT id FROM moved)
"""


def _learner_trigger_body() -> str:
    prelude = """
    moved AS (
        SELECT o.* FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE (o.province_code, o.commune_code, o.category, o.gender, o.ethnicity)
              IS DISTINCT FROM (n.province_code, n.commune_code, n.category, n.gender, n.ethnicity)
    )"""
    facts = LEARNER_FACTS.format(record_fact=RECORD_FACT)
    return APPLY.format(facts=facts).replace("WITH facts", f"WITH {prelude}, facts", 1)


def _trigger_function(name: str, body: str, extra: str = "") -> str:
    return f"""
    CREATE FUNCTION literacy.{name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
        {body};
        {extra}
        RETURN NULL;
    END
    $fn$
    """


# The records carry their learner's commune (and province) for paging and scoping: kept in step here.
SYNC_RECORD_PLACES = """
        UPDATE literacy.training_record r SET province_code = n.province_code, commune_code = n.commune_code
        FROM new_rows n
        WHERE r.learner_id = n.id AND (r.province_code, r.commune_code) IS DISTINCT FROM (n.province_code, n.commune_code);
"""

CERTIFICATE_CODE = """
CREATE FUNCTION literacy.new_certificate_code() RETURNS text LANGUAGE sql VOLATILE AS $fn$
    -- 16 characters of base32, each from the low five bits of a byte that gen_random_uuid drew from the
    -- operating system's CSPRNG (bytes 6 and 8 of a UUID carry version and variant bits: skipped).
    SELECT string_agg(
               substr('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', (get_byte(b, i) & 31) + 1, 1)
                   || CASE WHEN n IN (4, 8, 12) THEN '-' ELSE '' END,
               '' ORDER BY n)
    FROM (SELECT uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()) AS b) s,
         LATERAL (SELECT i, row_number() OVER (ORDER BY i) AS n
                  FROM generate_series(0, 31) i WHERE i % 16 NOT IN (6, 8) LIMIT 16) picked
$fn$
"""


def _dims_columns() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("province_code", sa.String(2), primary_key=True),
        sa.Column("commune_code", sa.String(5), primary_key=True),
        sa.Column("category", sa.String(16), primary_key=True),
        sa.Column("gender", sa.String(8), primary_key=True),
        sa.Column("ethnicity", sa.String(64), primary_key=True, comment="'' when unknown"),
    ]


def _counts() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("learners", sa.BigInteger(), nullable=False),
        sa.Column("completed", sa.BigInteger(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "import_job",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("filename", sa.String(255), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("submitted_by", sa.Text(), nullable=False),
        sa.Column(
            "scope_units",
            postgresql.ARRAY(sa.Text()),
            nullable=True,
            comment="null: the whole province (admin, system)",
        ),
        sa.Column("scope_communes", postgresql.ARRAY(sa.Text()), nullable=True),
        sa.Column("total_rows", sa.Integer(), nullable=True),
        sa.Column("processed_rows", sa.Integer(), nullable=False),
        sa.Column("inserted", sa.Integer(), nullable=False),
        sa.Column("updated", sa.Integer(), nullable=False),
        sa.Column("unchanged", sa.Integer(), nullable=False),
        sa.Column("rejected", sa.Integer(), nullable=False),
        sa.Column("duplicates", sa.Integer(), nullable=False),
        sa.Column("certificates_issued", sa.Integer(), nullable=False),
        sa.Column("failure", sa.Text(), nullable=True, comment="why a failed job failed"),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column(
            "lease_until",
            sa.DateTime(timezone=True),
            nullable=True,
            comment="a running job whose lease has passed is taken over",
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "status IN ('queued', 'running', 'succeeded', 'failed')", name=op.f("ck_import_job_known_status")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_job")),
        schema="literacy",
    )
    op.create_index(
        "ix_import_job_status_lease_until", "import_job", ["status", "lease_until"], schema="literacy"
    )
    op.create_index("ix_import_job_created_at", "import_job", ["created_at"], schema="literacy")
    op.create_table(
        "import_file_chunk",
        sa.Column("job_id", sa.Uuid(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["job_id"],
            ["literacy.import_job.id"],
            name=op.f("fk_import_file_chunk_job_id_import_job"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("job_id", "seq", name=op.f("pk_import_file_chunk")),
        schema="literacy",
    )
    op.create_table(
        "import_error",
        sa.Column("job_id", sa.Uuid(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["job_id"],
            ["literacy.import_job.id"],
            name=op.f("fk_import_error_job_id_import_job"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("job_id", "line", name=op.f("pk_import_error")),
        schema="literacy",
    )
    op.create_table(
        "population",
        sa.Column("commune_code", sa.String(5), nullable=False),
        sa.Column("province_code", sa.String(2), nullable=False),
        sa.Column("adults", sa.Integer(), nullable=False),
        sa.Column("reference_year", sa.Integer(), nullable=True),
        sa.Column("updated_by", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("adults > 0", name=op.f("ck_population_adults_positive")),
        sa.PrimaryKeyConstraint("commune_code", name=op.f("pk_population")),
        schema="literacy",
    )
    op.create_index("ix_population_province_code", "population", ["province_code"], schema="literacy")
    op.create_table(
        "coverage_month",
        *_dims_columns(),
        sa.Column("month", sa.Date(), primary_key=True),
        *_counts(),
        sa.PrimaryKeyConstraint(*DIMS, "month", name=op.f("pk_coverage_month")),
        schema="literacy",
    )
    op.create_table(
        "coverage_month_pair",
        *_dims_columns(),
        sa.Column("month", sa.Date(), primary_key=True),
        sa.Column("next_month", sa.Date(), primary_key=True),
        *_counts(),
        sa.PrimaryKeyConstraint(*DIMS, "month", "next_month", name=op.f("pk_coverage_month_pair")),
        schema="literacy",
    )
    op.create_table(
        "coverage_course_month",
        sa.Column("province_code", sa.String(2), primary_key=True),
        sa.Column("commune_code", sa.String(5), primary_key=True),
        sa.Column("course_code", sa.String(32), primary_key=True),
        sa.Column("month", sa.Date(), primary_key=True),
        *_counts(),
        sa.PrimaryKeyConstraint(
            "province_code", "commune_code", "course_code", "month", name=op.f("pk_coverage_course_month")
        ),
        schema="literacy",
    )
    # The date a record counts on in the statistics: its completion, else its enrolment.
    op.execute(
        "ALTER TABLE literacy.training_record ADD COLUMN counted_on date "
        "GENERATED ALWAYS AS (coalesce(completed_on, enrolled_on)) STORED"
    )
    op.create_index("ix_training_record_counted_on", "training_record", ["counted_on"], schema="literacy")
    op.execute(CERTIFICATE_CODE)
    op.execute(
        "ALTER TABLE literacy.certificate ALTER COLUMN code SET DEFAULT literacy.new_certificate_code()"
    )

    for operation in ("INSERT", "UPDATE", "DELETE"):
        name = f"coverage_after_record_{operation.lower()}"
        op.execute(_trigger_function(name, _record_trigger_body(operation)))
        referencing = {
            "INSERT": "NEW TABLE AS new_rows",
            "UPDATE": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
            "DELETE": "OLD TABLE AS old_rows",
        }[operation]
        op.execute(
            f"CREATE TRIGGER {name} AFTER {operation} ON literacy.training_record "
            f"REFERENCING {referencing} FOR EACH STATEMENT EXECUTE FUNCTION literacy.{name}()"
        )
    op.execute(
        _trigger_function("coverage_after_learner_update", _learner_trigger_body(), SYNC_RECORD_PLACES)
    )
    op.execute(
        "CREATE TRIGGER coverage_after_learner_update AFTER UPDATE ON literacy.learner "
        "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows "
        "FOR EACH STATEMENT EXECUTE FUNCTION literacy.coverage_after_learner_update()"
    )
    # Records that exist already (the demo seed) enter the rollups once.
    op.execute(
        APPLY.format(
            facts=f"SELECT 1, r.learner_id, {LEARNER_DIMS}, {RECORD_FACT} "
            "FROM literacy.training_record r JOIN literacy.learner l ON l.id = r.learner_id"
        )
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER coverage_after_learner_update ON literacy.learner")
    op.execute("DROP FUNCTION literacy.coverage_after_learner_update()")
    for operation in ("insert", "update", "delete"):
        op.execute(f"DROP TRIGGER coverage_after_record_{operation} ON literacy.training_record")
        op.execute(f"DROP FUNCTION literacy.coverage_after_record_{operation}()")
    op.execute("ALTER TABLE literacy.certificate ALTER COLUMN code DROP DEFAULT")
    op.execute("DROP FUNCTION literacy.new_certificate_code()")
    op.drop_index("ix_training_record_counted_on", table_name="training_record", schema="literacy")
    op.execute("ALTER TABLE literacy.training_record DROP COLUMN counted_on")
    for table in (
        "coverage_course_month",
        "coverage_month_pair",
        "coverage_month",
        "population",
        "import_error",
        "import_file_chunk",
        "import_job",
    ):
        op.drop_table(table, schema="literacy")
