"""Citus-ready keys, read from the live (migrated) schema of every service.

Every table is classified here, by name, so that a new table fails this test until someone decides what it
is (docs/scale-out.md, "Citus: sharding by province"):

- `DISTRIBUTED`: a table that grows with people, and the column it is to be distributed by (the province,
  or the one object its rows are always read with: a contest, a scoring round; or, for tables never joined,
  their own key). Its primary key and each of its unique keys (constraints and unique indexes) contain that
  column, a foreign key to another table of the same group includes it on both sides, and a foreign key to
  a table outside the distributed ones goes to a reference table (Citus refuses anything else).
- `REFERENCE`: a national or provincial catalogue, small or rarely written, copied to every node; no
  requirement.
- `COORDINATOR`: tables that grow with units and years (a province's few thousand units), not with people:
  kept as local tables on the coordinator (Citus-managed, so they may refer to reference tables); no
  distributed table refers to them.
"""

from dataclasses import dataclass

import asyncpg
import pytest

from service_kit.postgres import _plain_url

PROVINCE = "province_code"

# The kit's tables in every service, distributed by their own key (docs/scale-out.md says why):
KIT = {
    # append-only, never joined, no foreign key
    "audit_event": "id",
    # looked up by who asked and their key, never joined
    "idempotency_key": "principal",
}

DISTRIBUTED: dict[str, dict[str, str]] = {
    "literacy": {
        # the province group: a province's learners and everything about them on one node
        "learner": PROVINCE,
        "training_record": PROVINCE,
        "certificate": PROVINCE,
        "coverage_cell": PROVINCE,
        "coverage_link": PROVINCE,
        "coverage_course_month": PROVINCE,
        "coverage_course_day": PROVINCE,
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
        **KIT,
    },
    "campaign": {
        # the contest group: a contest's people (citizens, millions in a national contest) and their attempts
        # together; its ranking is one shard and one person is one participant of a contest
        "contest_participant": "contest_id",
        "contest_attempt": "contest_id",
        "contest_sighting": "contest_id",
        # the recognition group, by the unit's province: registrations, dossiers (their nominees), their
        # history and the council's votes on them
        "registration": PROVINCE,
        "dossier": PROVINCE,
        "dossier_event": PROVINCE,
        "council_vote": PROVINCE,
        # the kit's file store: a file's bytes with the file
        "stored_file": "id",
        "stored_file_chunk": "file_id",
        **KIT,
    },
    "scoring": {
        # a round's scorecards (their score entries) together: its ranking and export are one shard
        "scorecard": "round_id",
        # a framework's values together: a run reads one framework's
        "index_value": "framework_id",
        **KIT,
    },
}

REFERENCE: dict[str, set[str]] = {
    # learner_identity: the national look-up of national IDs (hash → province, learner), narrow and read by
    # every province's writes; a copy on each node checks a person nationally with one local index read
    "literacy": {"course", "training_class", "population", "xapi_activity", "learner_identity"},
    "campaign": {
        "unit",
        "campaign",
        "phase",
        "target",
        "contest",
        "contest_round",
        "contest_question",
        "initiative_judging",
        "council_session",
        "api_client",
        # officials and the learners who signed up: written once per person, read by every sign-in and
        # referred to by the distributed groups (participants, dossiers, votes)
        "account",
    },
    "scoring": {"criteria_set", "round", "index_framework"},
}

COORDINATOR: dict[str, set[str]] = {
    "campaign": {
        # units × campaigns × periods
        "participant",
        "report",
        "initiative",
        "commendation",
        "initiative_score",
        "initiative_recognition",
        "award_decision",
        # sign-ins: to distribute by account when they outgrow the coordinator (docs/scale-out.md)
        "refresh_token",
        "login_failure",
    },
    "scoring": {"index_run"},
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
    return set(DISTRIBUTED.get(service, {})) | REFERENCE.get(service, set()) | COORDINATOR.get(service, set())


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


def _problems_of_foreign_keys(
    distributed: dict[str, str], foreign_keys: list[ForeignKey], reference: set[str] | None = None
) -> list[str]:
    """A foreign key between two distributed tables of the province group carries the province on both
    sides, in the same position; one from a distributed table to another group is refused, and so is one
    to a table that is neither distributed nor a reference table (when `reference` is given)."""
    problems = []
    for fk in foreign_keys:
        if fk.table not in distributed:
            continue
        if fk.referred not in distributed:
            if reference is not None and fk.referred not in reference:
                problems.append(f"{fk.table}: foreign key {fk.name} to {fk.referred}, not a reference table")
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
        problems += _problems_of_foreign_keys(
            distributed, await _foreign_keys(connection, schema), REFERENCE.get(service, set())
        )
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
    # A new table: add it to DISTRIBUTED (growing with people: with its distribution column), REFERENCE or
    # COORDINATOR.
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
    assert DISTRIBUTED["campaign"]["dossier"] == PROVINCE


def test_no_table_is_classified_twice():
    for service in DISTRIBUTED:
        groups = [set(DISTRIBUTED[service]), REFERENCE.get(service, set()), COORDINATOR.get(service, set())]
        assert sum(len(g) for g in groups) == len(set().union(*groups)), service


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
    assert _problems_of_foreign_keys(
        distributed,
        [
            ForeignKey("fk_ref", "training_record", ("course_code",), "course", ("code",)),
            ForeignKey("fk_local", "training_record", ("report_id",), "report", ("id",)),
        ],
        {"course"},
    ) == ["training_record: foreign key fk_local to report, not a reference table"]
