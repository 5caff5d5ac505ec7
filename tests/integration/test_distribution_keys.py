"""Citus-ready keys, read from the live (migrated) schema of every service.

Every table is classified here, by name, so that a new table fails this test until someone decides what it
is (docs/scale-out.md, "Citus: sharding by province"):

- `DISTRIBUTED`: a table that grows with people, and the column it is to be distributed by. Its primary key
  and each of its unique keys (constraints and unique indexes) contain that column, and a foreign key to
  another table of the same group includes it on both sides (Citus refuses anything else).
- `REFERENCE`: a national or provincial catalogue, small, copied to every node; no requirement.
- `SCHEMA_DISTRIBUTED`: the tables of a service whose whole schema moves as one unit
  (`citus_schema_distribute`), so no column is needed; the growing ones are named as such, to be keyed
  by province when the schema outgrows one node.
"""

from dataclasses import dataclass

import asyncpg
import pytest

from service_kit.postgres import _plain_url

PROVINCE = "province_code"

DISTRIBUTED: dict[str, dict[str, str]] = {
    "literacy": {
        # the province group: a province's learners and everything about them on one node
        "learner": PROVINCE,
        "training_record": PROVINCE,
        "certificate": PROVINCE,
        "coverage_month": PROVINCE,
        "coverage_month_pair": PROVINCE,
        "coverage_course_month": PROVINCE,
        "xapi_statement": PROVINCE,
        "xapi_actor_link": PROVINCE,
        "xapi_document": PROVINCE,
        # content kept once per SHA-2, never joined: distributed by its own key
        "xapi_attachment": "sha2",
        # an import's staging rows and file go with their job (one manager, one province; the merge writes
        # the province's shard group)
        "import_job": "id",
        "import_file_chunk": "job_id",
        "import_error": "job_id",
        # append-only, no foreign key: distributed by its own key
        "audit_event": "id",
        # looked up by who asked and their key, never joined
        "idempotency_key": "principal",
    },
}

REFERENCE: dict[str, set[str]] = {
    "literacy": {"course", "training_class", "population", "xapi_activity"},
}

# Whole schemas distributed as a unit: every table listed; the growing ones say so.
SCHEMA_DISTRIBUTED: dict[str, dict[str, str]] = {
    "campaign": {
        "unit": "reference",
        "campaign": "reference",
        "phase": "reference",
        "target": "reference",
        "contest": "reference",
        "contest_round": "reference",
        "contest_question": "reference",
        "api_client": "reference",
        "account": "growing",
        "refresh_token": "growing",
        "login_failure": "growing",
        "participant": "growing",
        "report": "growing",
        "initiative": "growing",
        "commendation": "growing",
        "registration": "growing",
        "dossier": "growing",
        "dossier_event": "growing",
        "contest_participant": "growing",
        "contest_attempt": "growing",
        "contest_sighting": "growing",
        "initiative_judging": "reference",
        "initiative_score": "growing",
        "initiative_recognition": "growing",
        "stored_file": "growing",
        "stored_file_chunk": "growing",
        "council_session": "growing",
        "council_vote": "growing",
        "award_decision": "growing",
        "audit_event": "growing",
        "idempotency_key": "growing",
    },
    "scoring": {
        "criteria_set": "reference",
        "round": "reference",
        "index_framework": "reference",
        "scorecard": "growing",
        "index_value": "growing",
        "index_run": "growing",
        "audit_event": "growing",
        "idempotency_key": "growing",
    },
}


@dataclass(frozen=True)
class Key:
    name: str
    kind: str  # "primary key", "unique constraint", "unique index"
    columns: tuple[str, ...]


@dataclass(frozen=True)
class ForeignKey:
    name: str
    table: str
    columns: tuple[str, ...]
    referred: str
    referred_columns: tuple[str, ...]


async def _tables(connection: asyncpg.Connection, schema: str) -> set[str]:
    rows = await connection.fetch(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND c.relname <> 'alembic_version'",
        schema,
    )
    return {row["relname"] for row in rows}


async def _keys(connection: asyncpg.Connection, schema: str, table: str) -> list[Key]:
    """The primary key, the unique constraints and the unique indexes (partial ones too) of a table."""
    rows = await connection.fetch(
        """
        SELECT i.relname AS name,
               CASE WHEN x.indisprimary THEN 'primary key'
                    WHEN con.oid IS NOT NULL THEN 'unique constraint'
                    ELSE 'unique index' END AS kind,
               array(SELECT a.attname FROM unnest(x.indkey) WITH ORDINALITY k(attnum, ord)
                     JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
                     ORDER BY k.ord) AS columns,
               x.indexprs IS NOT NULL AS on_expressions
        FROM pg_index x
        JOIN pg_class t ON t.oid = x.indrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        JOIN pg_class i ON i.oid = x.indexrelid
        LEFT JOIN pg_constraint con ON con.conindid = x.indexrelid AND con.contype IN ('p', 'u')
        WHERE n.nspname = $1 AND t.relname = $2 AND x.indisunique
        """,
        schema,
        table,
    )
    return [Key(row["name"], row["kind"], tuple(row["columns"])) for row in rows]


async def _foreign_keys(connection: asyncpg.Connection, schema: str) -> list[ForeignKey]:
    rows = await connection.fetch(
        """
        SELECT con.conname AS name, t.relname AS table, r.relname AS referred,
               array(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                     JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord)
                   AS columns,
               array(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                     JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord)
                   AS referred_columns
        FROM pg_constraint con
        JOIN pg_class t ON t.oid = con.conrelid
        JOIN pg_class r ON r.oid = con.confrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = $1 AND con.contype = 'f'
        """,
        schema,
    )
    return [
        ForeignKey(
            row["name"], row["table"], tuple(row["columns"]), row["referred"], tuple(row["referred_columns"])
        )
        for row in rows
    ]


def _classified(service: str) -> set[str]:
    return (
        set(DISTRIBUTED.get(service, {}))
        | REFERENCE.get(service, set())
        | set(SCHEMA_DISTRIBUTED.get(service, {}))
    )


def _problems_of_keys(table: str, column: str, keys: list[Key]) -> list[str]:
    problems = []
    if not any(key.kind == "primary key" for key in keys):
        problems.append(f"{table} has no primary key")
    problems += [
        f"{table}: {key.kind} {key.name} {key.columns} lacks the distribution column {column}"
        for key in keys
        if column not in key.columns
    ]
    return problems


def _problems_of_foreign_keys(distributed: dict[str, str], foreign_keys: list[ForeignKey]) -> list[str]:
    """A foreign key between two distributed tables of the province group carries the province on both
    sides, in the same position; one from a distributed table to another group is refused."""
    problems = []
    for fk in foreign_keys:
        if fk.table not in distributed or fk.referred not in distributed:
            continue  # to a reference table: allowed
        mine, theirs = distributed[fk.table], distributed[fk.referred]
        pairs = dict(zip(fk.columns, fk.referred_columns, strict=True))
        if mine == theirs == PROVINCE:
            if pairs.get(PROVINCE) != PROVINCE:
                problems.append(f"{fk.table}: foreign key {fk.name} to {fk.referred} without {PROVINCE}")
        elif pairs.get(mine) != theirs:
            problems.append(
                f"{fk.table}: foreign key {fk.name} to {fk.referred} does not join their distribution columns"
            )
    return problems


@pytest.fixture
def schema_urls(all_services, provision):
    return {name: provision(service.database) for name, service in all_services.items()}


async def _inspect(url, schema: str, service: str) -> tuple[set[str], list[str]]:
    connection = await asyncpg.connect(_plain_url(url))
    try:
        tables = await _tables(connection, schema)
        problems: list[str] = []
        distributed = DISTRIBUTED.get(service, {})
        for table, column in sorted(distributed.items()):
            if table in tables:
                problems += _problems_of_keys(table, column, await _keys(connection, schema, table))
        problems += _problems_of_foreign_keys(distributed, await _foreign_keys(connection, schema))
    finally:
        await connection.close()
    return tables, problems


@pytest.mark.asyncio
async def test_every_table_of_every_service_is_classified(schema_urls, all_services):
    unclassified = {}
    vanished = {}
    for service, url in schema_urls.items():
        tables, _ = await _inspect(url, all_services[service].database.schema, service)
        unclassified[service] = sorted(tables - _classified(service))
        vanished[service] = sorted(_classified(service) - tables)
    # A new table: add it to DISTRIBUTED (growing: with its distribution column), REFERENCE or, in a
    # schema distributed as a whole, SCHEMA_DISTRIBUTED.
    assert unclassified == {service: [] for service in schema_urls}
    assert vanished == {service: [] for service in schema_urls}


@pytest.mark.asyncio
async def test_growing_tables_carry_their_distribution_column_in_every_key(schema_urls, all_services):
    problems = {}
    for service, url in schema_urls.items():
        _, found = await _inspect(url, all_services[service].database.schema, service)
        problems[service] = found
    assert problems == {service: [] for service in schema_urls}
    assert DISTRIBUTED["literacy"]["learner"] == PROVINCE


def test_the_checks_refuse_a_key_without_the_column():
    keys = [
        Key("pk_learner", "primary key", ("province_code", "id")),
        Key("uq_learner_national_id_hash", "unique constraint", ("national_id_hash",)),
        Key("ix_learner_email", "unique index", ("email",)),
    ]
    assert _problems_of_keys("learner", PROVINCE, keys) == [
        "learner: unique constraint uq_learner_national_id_hash ('national_id_hash',) lacks the distribution "
        "column province_code",
        "learner: unique index ix_learner_email ('email',) lacks the distribution column province_code",
    ]
    assert _problems_of_keys("learner", PROVINCE, keys[1:])[0] == "learner has no primary key"
    distributed = {
        "learner": PROVINCE,
        "training_record": PROVINCE,
        "import_job": "id",
        "import_error": "job_id",
    }
    assert _problems_of_foreign_keys(
        distributed,
        [
            ForeignKey("fk_ok", "training_record", (PROVINCE, "learner_id"), "learner", (PROVINCE, "id")),
            ForeignKey("fk_bad", "training_record", ("learner_id",), "learner", ("id",)),
            ForeignKey("fk_job", "import_error", ("job_id",), "import_job", ("id",)),
            ForeignKey("fk_cross", "import_error", ("learner_id",), "learner", ("id",)),
        ],
    ) == [
        "training_record: foreign key fk_bad to learner without province_code",
        "import_error: foreign key fk_cross to learner does not join their distribution columns",
    ]
