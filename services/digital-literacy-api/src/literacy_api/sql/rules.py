# ruff: noqa: S608 - the SQL below is assembled from constants of this module, never from input
"""The SQL that holds rules: the coverage rollups kept by statement-level triggers on training
records and learners, and the certificate code drawn in the database."""

from __future__ import annotations

from alembic_utils.pg_function import PGFunction
from alembic_utils.pg_trigger import PGTrigger
from alembic_utils.replaceable_entity import ReplaceableEntity

SCHEMA = "literacy"

COUNTED_ON = "coalesce(completed_on, enrolled_on)"
"""The date a record counts on in the statistics: its completion, else its enrolment. The generated
column `training_record.counted_on` is this expression; the triggers read that column."""

# The rollups change by the difference between the affected learners' records after and before a
# statement. `{facts}` yields (sign, learner_id, province_code, commune_code, category, gender, ethnicity,
# course_code, d, done): sign -1 for the state before, +1 for the state after.
#
# Each learner's records become learner-months (the first and last day with a record in the month, and with
# a completed one) chained to the learner's next month with records (and next month with a completed one).
# Every learner-month is counted under four dimensions of its commune ('total', and the learner's category,
# gender, ethnicity) in `coverage_cell` (res 'm': the month; 'f'/'l': by the first/last day in it) and every
# link in `coverage_link` ('mm' month → next month, 'dm' last day → next month, 'md' month → next first day,
# 'dd' last day → next first day). Distinct learners of any window are sums over these rows (see
# `literacy_api.stats.repository`); records per course and day are plain counts (one record per learner and
# course).
APPLY = """
WITH facts (sign, learner_id, province_code, commune_code, category, gender, ethnicity, course_code, d, done)
AS ({facts}),
learner_months AS (
    SELECT sign, learner_id, province_code, commune_code, category, gender, ethnicity,
           date_trunc('month', d)::date AS month, min(d) AS first, max(d) AS last,
           min(d) FILTER (WHERE done) AS first_done, max(d) FILTER (WHERE done) AS last_done
    FROM facts GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
),
chained AS (
    SELECT *, lead(month) OVER every_month AS next_month, lead(first) OVER every_month AS next_first,
           CASE WHEN first_done IS NOT NULL THEN lead(month) OVER done_months END AS next_done_month,
           CASE WHEN first_done IS NOT NULL THEN lead(first_done) OVER done_months END AS next_first_done
    FROM learner_months
    WINDOW every_month AS (PARTITION BY sign, learner_id ORDER BY month),
           done_months AS (PARTITION BY sign, learner_id, first_done IS NOT NULL ORDER BY month)
),
expanded AS (
    SELECT c.*, x.dim, x.key FROM chained c
    CROSS JOIN LATERAL (VALUES ('total', ''), ('category', c.category), ('gender', c.gender),
                               ('ethnicity', c.ethnicity)) AS x (dim, key)
),
cell_delta AS (
    INSERT INTO literacy.coverage_cell AS t
        (province_code, commune_code, dim, key, res, day, learners, completed)
    SELECT province_code, commune_code, dim, key, res, day, sum(learners), sum(completed)
    FROM (
        SELECT province_code, commune_code, dim, key, 'm' AS res, month AS day, sign AS learners,
               CASE WHEN first_done IS NOT NULL THEN sign ELSE 0 END AS completed
        FROM expanded
        UNION ALL
        SELECT province_code, commune_code, dim, key, 'f', first, sign, 0 FROM expanded
        UNION ALL
        SELECT province_code, commune_code, dim, key, 'l', last, sign, 0 FROM expanded
        UNION ALL
        SELECT province_code, commune_code, dim, key, 'f', first_done, 0, sign
        FROM expanded WHERE first_done IS NOT NULL
        UNION ALL
        SELECT province_code, commune_code, dim, key, 'l', last_done, 0, sign
        FROM expanded WHERE first_done IS NOT NULL
    ) cells
    GROUP BY 1, 2, 3, 4, 5, 6
    HAVING sum(learners) <> 0 OR sum(completed) <> 0
    ORDER BY 1, 3, 5, 6, 2, 4
    ON CONFLICT (province_code, dim, res, day, commune_code, key) DO UPDATE
        SET learners = t.learners + excluded.learners, completed = t.completed + excluded.completed
),
link_delta AS (
    INSERT INTO literacy.coverage_link AS t
        (province_code, commune_code, dim, key, res, day, next_day, learners, completed)
    SELECT province_code, commune_code, dim, key, res, day, next_day, sum(learners), sum(completed)
    FROM (
        SELECT province_code, commune_code, dim, key, r.res, r.day, r.next_day, sign AS learners,
               0 AS completed
        FROM expanded CROSS JOIN LATERAL (VALUES ('mm', month, next_month), ('dm', last, next_month),
                                                 ('md', month, next_first), ('dd', last, next_first))
            AS r (res, day, next_day)
        WHERE next_month IS NOT NULL
        UNION ALL
        SELECT province_code, commune_code, dim, key, r.res, r.day, r.next_day, 0, sign
        FROM expanded CROSS JOIN LATERAL (VALUES ('mm', month, next_done_month),
                                                 ('dm', last_done, next_done_month),
                                                 ('md', month, next_first_done),
                                                 ('dd', last_done, next_first_done))
            AS r (res, day, next_day)
        WHERE next_done_month IS NOT NULL
    ) links
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    HAVING sum(learners) <> 0 OR sum(completed) <> 0
    ORDER BY 1, 3, 5, 6, 7, 2, 4
    ON CONFLICT (province_code, dim, res, day, next_day, commune_code, key) DO UPDATE
        SET learners = t.learners + excluded.learners, completed = t.completed + excluded.completed
),
course_month_delta AS (
    INSERT INTO literacy.coverage_course_month AS t
            (province_code, commune_code, course_code, month, learners, completed)
        SELECT province_code, commune_code, course_code, date_trunc('month', d)::date,
               sum(sign), coalesce(sum(sign) FILTER (WHERE done), 0)
        FROM facts GROUP BY 1, 2, 3, 4
        HAVING sum(sign) <> 0 OR coalesce(sum(sign) FILTER (WHERE done), 0) <> 0
        ORDER BY 1, 2, 3, 4
        ON CONFLICT (province_code, commune_code, course_code, month) DO UPDATE
            SET learners = t.learners + excluded.learners, completed = t.completed + excluded.completed
)
INSERT INTO literacy.coverage_course_day AS t
        (province_code, commune_code, course_code, day, learners, completed)
    SELECT province_code, commune_code, course_code, d, sum(sign), coalesce(sum(sign) FILTER (WHERE done), 0)
    FROM facts GROUP BY 1, 2, 3, 4
    HAVING sum(sign) <> 0 OR coalesce(sum(sign) FILTER (WHERE done), 0) <> 0
    ORDER BY 1, 4, 2, 3
    ON CONFLICT (province_code, day, commune_code, course_code) DO UPDATE
        SET learners = t.learners + excluded.learners, completed = t.completed + excluded.completed
"""

LEARNER_DIMS = "l.province_code, l.commune_code, l.category, l.gender, coalesce(l.ethnicity, '')"
RECORD_FACT = "r.course_code, r.counted_on, r.status = 'completed'"

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
MOVED_ON_UPDATE = """
    moved AS (
        SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n.learner_id, n.course_code, n.counted_on, n.status = 'completed')
              IS DISTINCT FROM (o.learner_id, o.course_code, o.counted_on, o.status = 'completed')
    ),
    changed AS (
        SELECT learner_id FROM new_rows WHERE id IN (SELECT id FROM moved)
        UNION SELECT learner_id FROM old_rows WHERE id IN (SELECT id FROM moved)
    )"""

RECORD_TRIGGERS = {
    "INSERT": (
        "moved AS (SELECT id FROM new_rows), changed AS (SELECT DISTINCT learner_id FROM new_rows)",
        RECORD_FACTS.format(old_versions=""),
        "NEW TABLE AS new_rows",
    ),
    "UPDATE": (
        MOVED_ON_UPDATE,
        RECORD_FACTS.format(old_versions=OLD_VERSIONS),
        "OLD TABLE AS old_rows NEW TABLE AS new_rows",
    ),
    "DELETE": (
        "moved AS (SELECT id FROM old_rows), changed AS (SELECT DISTINCT learner_id FROM old_rows)",
        RECORD_FACTS.format(old_versions=OLD_VERSIONS),
        "OLD TABLE AS old_rows",
    ),
}

LEARNER_FACTS = f"""
    SELECT -1, r.learner_id, o.province_code, o.commune_code, o.category, o.gender, coalesce(o.ethnicity, ''),
           {RECORD_FACT}
    FROM literacy.training_record r JOIN moved o ON o.id = r.learner_id
    UNION ALL
    SELECT 1, r.learner_id, n.province_code, n.commune_code, n.category, n.gender, coalesce(n.ethnicity, ''),
           {RECORD_FACT}
    FROM literacy.training_record r JOIN new_rows n ON n.id = r.learner_id
    WHERE n.id IN (SELECT id FROM moved)
"""
LEARNER_MOVED = """
    moved AS (
        SELECT o.* FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE (o.province_code, o.commune_code, o.category, o.gender, o.ethnicity)
              IS DISTINCT FROM (n.province_code, n.commune_code, n.category, n.gender, n.ethnicity)
    )"""

# The records carry their learner's commune (and province) for paging and scoping: kept in step here.
SYNC_RECORD_PLACES = """
        UPDATE literacy.training_record r SET province_code = n.province_code, commune_code = n.commune_code
        FROM new_rows n
        WHERE r.learner_id = n.id AND (r.province_code, r.commune_code) IS DISTINCT FROM (n.province_code, n.commune_code);
"""

CERTIFICATE_CODE = """RETURNS text LANGUAGE sql VOLATILE AS $fn$
    -- 16 characters of base32, each from the low five bits of a byte that gen_random_uuid drew from the
    -- operating system's CSPRNG (bytes 6 and 8 of a UUID carry version and variant bits: skipped).
    SELECT string_agg(
               substr('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', (get_byte(b, i) & 31) + 1, 1)
                   || CASE WHEN n IN (4, 8, 12) THEN '-' ELSE '' END,
               '' ORDER BY n)
    FROM (SELECT uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()) AS b) s,
         LATERAL (SELECT i, row_number() OVER (ORDER BY i) AS n
                  FROM generate_series(0, 31) i WHERE i % 16 NOT IN (6, 8) LIMIT 16) picked
$fn$"""


def _rollup_statement(prelude: str, facts: str) -> str:
    return APPLY.format(facts=facts).replace("WITH facts", f"WITH {prelude}, facts", 1)


def _trigger_function(name: str, statement: str, extra: str = "") -> PGFunction:
    return PGFunction(
        schema=SCHEMA,
        signature=f"{name}()",
        definition=f"""RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
        {statement};
        {extra}
        RETURN NULL;
    END
    $fn$""",
    )


def _statement_trigger(name: str, operation: str, table: str, referencing: str) -> PGTrigger:
    return PGTrigger(
        schema=SCHEMA,
        signature=name,
        on_entity=f"{SCHEMA}.{table}",
        is_constraint=False,
        definition=f"AFTER {operation} ON {SCHEMA}.{table} REFERENCING {referencing} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {SCHEMA}.{name}()",
    )


def _entities() -> list[ReplaceableEntity]:
    entities: list[ReplaceableEntity] = [
        PGFunction(schema=SCHEMA, signature="new_certificate_code()", definition=CERTIFICATE_CODE)
    ]
    for operation, (prelude, facts, referencing) in RECORD_TRIGGERS.items():
        name = f"coverage_after_record_{operation.lower()}"
        entities.append(_trigger_function(name, _rollup_statement(prelude, facts)))
        entities.append(_statement_trigger(name, operation, "training_record", referencing))
    name = "coverage_after_learner_update"
    entities.append(
        _trigger_function(name, _rollup_statement(LEARNER_MOVED, LEARNER_FACTS), SYNC_RECORD_PLACES)
    )
    entities.append(
        _statement_trigger(name, "UPDATE", "learner", "OLD TABLE AS old_rows NEW TABLE AS new_rows")
    )
    return entities


ENTITIES = _entities()
"""Every rule-holding SQL object of the schema, in the order they can be created."""


def initial_rollups() -> str:
    """The rollups counted from scratch: every record of every learner enters once (a new schema,
    or a repair after the rules changed)."""
    return APPLY.format(
        facts=f"SELECT 1, r.learner_id, {LEARNER_DIMS}, {RECORD_FACT} "
        "FROM literacy.training_record r JOIN literacy.learner l ON l.id = r.learner_id"
    )
