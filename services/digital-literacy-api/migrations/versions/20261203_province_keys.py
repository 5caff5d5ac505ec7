# ruff: noqa: S608 - the SQL below is assembled from constants of this file, never from input
"""The official 2025 commune codes, and Citus-ready keys.

Renumbering: the platform stored the draft codes of vietnam-provinces 2025.10; 123 communes have another
code in the statistics office's official list (`reference_data/data/commune-renumbering-2025.json`). Every
stored commune code is mapped, in one pass (some codes swap): learners, records, classes, the population
figures, the coverage rollups (moved as they are, the coverage triggers held meanwhile) and the communes
of import scopes. The audit trail keeps what it recorded.

Keys: the tables that grow with people carry the province (their distribution column) first
in their primary and unique keys, and the foreign keys between them include it.

- `learner`: (province_code, id); (province_code, national_id_hash).
- `training_record`: (province_code, id); (province_code, learner_id, course_code); its learner by
  (province_code, learner_id), ON UPDATE CASCADE (a learner who moves province takes their records along).
- `certificate`: `province_code` added (the learner's); (province_code, code); (province_code, record_id);
  its record and learner by (province_code, …).
- `xapi_statement`: (province_code, seq); (province_code, id). `record_id` loses its foreign key: a
  statement is kept in the LRS's province, its record in its learner's.
- `xapi_actor_link`: `province_code` added (the learner's); (province_code, id); (province_code, actor_key).

On one PostgreSQL this changes no answer; `tests/integration/test_distribution_keys.py` holds it.

Revision ID: literacy_0007
Revises: literacy_0006
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from reference_data.localities import commune_renumbering_2025, renumbering_values

revision: str = "literacy_0008"
down_revision: str | None = "literacy_0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = "literacy"

# (table, constraint, referencing columns, referred table, referred columns, ON DELETE)
OLD_FOREIGN_KEYS = [
    (
        "training_record",
        "fk_training_record_learner_id_learner",
        ["learner_id"],
        "learner",
        ["id"],
        "RESTRICT",
    ),
    ("certificate", "fk_certificate_learner_id_learner", ["learner_id"], "learner", ["id"], "RESTRICT"),
    (
        "certificate",
        "fk_certificate_record_id_training_record",
        ["record_id"],
        "training_record",
        ["id"],
        "RESTRICT",
    ),
    (
        "xapi_statement",
        "fk_xapi_statement_record_id_training_record",
        ["record_id"],
        "training_record",
        ["id"],
        "SET NULL",
    ),
    (
        "xapi_actor_link",
        "fk_xapi_actor_link_learner_id_learner",
        ["learner_id"],
        "learner",
        ["id"],
        "CASCADE",
    ),
]
NEW_FOREIGN_KEYS = [
    ("training_record", "learner", ["learner_id"], "RESTRICT"),
    ("certificate", "training_record", ["record_id"], "RESTRICT"),
    ("certificate", "learner", ["learner_id"], "RESTRICT"),
    ("xapi_actor_link", "learner", ["learner_id"], "CASCADE"),
]
# (table, old primary key, new primary key, [(old unique name, old columns)], [new unique columns])
KEYS = [
    (
        "learner",
        ["id"],
        ["province_code", "id"],
        [("national_id_hash",)],
        [("province_code", "national_id_hash")],
    ),
    (
        "training_record",
        ["id"],
        ["province_code", "id"],
        [("learner_id", "course_code")],
        [("province_code", "learner_id", "course_code")],
    ),
    ("certificate", ["code"], ["province_code", "code"], [("record_id",)], [("province_code", "record_id")]),
    ("xapi_statement", ["seq"], ["province_code", "seq"], [("id",)], [("province_code", "id")]),
    ("xapi_actor_link", ["id"], ["province_code", "id"], [("actor_key",)], [("province_code", "actor_key")]),
]


def _unique_name(table: str, columns: Sequence[str]) -> str:
    return f"uq_{table}_{'_'.join(columns)}"


def _add_learner_province(table: str) -> None:
    op.add_column(table, sa.Column("province_code", sa.String(2), nullable=True), schema=SCHEMA)
    op.execute(
        f"UPDATE {SCHEMA}.{table} t SET province_code = l.province_code "
        f"FROM {SCHEMA}.learner l WHERE l.id = t.learner_id"
    )
    op.alter_column(table, "province_code", nullable=False, schema=SCHEMA)


def _drop_old_foreign_keys() -> None:
    for table, name, *_ in OLD_FOREIGN_KEYS:
        op.drop_constraint(name, table, type_="foreignkey", schema=SCHEMA)


def _rekey(
    table: str, primary: list[str], uniques_old: list[tuple[str, ...]], uniques_new: list[tuple[str, ...]]
) -> None:
    op.drop_constraint(f"pk_{table}", table, type_="primary", schema=SCHEMA)
    for columns in uniques_old:
        op.drop_constraint(_unique_name(table, columns), table, type_="unique", schema=SCHEMA)
    op.create_primary_key(f"pk_{table}", table, primary, schema=SCHEMA)
    for columns in uniques_new:
        op.create_unique_constraint(_unique_name(table, columns), table, list(columns), schema=SCHEMA)


# Tables whose rows name a commune in a plain column, and those where it is part of the primary key (the
# rows are taken out and put back renumbered, so that a swap of two codes never meets itself).
COMMUNE_COLUMNS = ["learner", "training_record", "training_class"]
COMMUNE_KEYS = ["population", "coverage_month", "coverage_month_pair", "coverage_course_month"]
HELD_TRIGGERS = ["learner", "training_record"]  # their rollup triggers would move the counts again


def renumber(mapping: dict[str, str]) -> None:
    op.execute(
        "CREATE TEMP TABLE commune_renumbering AS SELECT old::varchar(5), new::varchar(5) "
        f"FROM (VALUES {renumbering_values(mapping)}) AS r (old, new)"
    )
    for table in HELD_TRIGGERS:
        op.execute(f"ALTER TABLE {SCHEMA}.{table} DISABLE TRIGGER USER")
    for table in COMMUNE_COLUMNS:
        op.execute(
            f"UPDATE {SCHEMA}.{table} t SET commune_code = r.new FROM commune_renumbering r "
            "WHERE t.commune_code = r.old"
        )
    for table in COMMUNE_KEYS:
        op.execute(
            f"CREATE TEMP TABLE moved AS WITH taken AS (DELETE FROM {SCHEMA}.{table} t USING commune_renumbering r "
            "WHERE t.commune_code = r.old RETURNING t.*) SELECT * FROM taken"
        )
        op.execute(
            "UPDATE moved m SET commune_code = r.new FROM commune_renumbering r WHERE m.commune_code = r.old"
        )
        op.execute(f"INSERT INTO {SCHEMA}.{table} SELECT * FROM moved")
        op.execute("DROP TABLE moved")
    op.execute(
        f"UPDATE {SCHEMA}.import_job j SET scope_communes = ARRAY("
        "SELECT coalesce(r.new, c) FROM unnest(j.scope_communes) WITH ORDINALITY u(c, i) "
        "LEFT JOIN commune_renumbering r ON r.old = u.c ORDER BY u.i) "
        "WHERE j.scope_communes && ARRAY(SELECT old::text FROM commune_renumbering)"
    )
    for table in HELD_TRIGGERS:
        op.execute(f"ALTER TABLE {SCHEMA}.{table} ENABLE TRIGGER USER")
    op.execute("DROP TABLE commune_renumbering")


def upgrade() -> None:
    renumber(commune_renumbering_2025())
    # A record's province is its learner's (a trigger keeps them in step); made sure before it is a key.
    op.execute(
        f"UPDATE {SCHEMA}.training_record r SET province_code = l.province_code FROM {SCHEMA}.learner l "
        "WHERE l.id = r.learner_id AND r.province_code <> l.province_code"
    )
    _add_learner_province("certificate")
    _add_learner_province("xapi_actor_link")
    op.alter_column(
        "certificate", "province_code", comment="the learner's (the distribution column)", schema=SCHEMA
    )
    op.alter_column(
        "xapi_actor_link", "province_code", comment="the learner's (the distribution column)", schema=SCHEMA
    )
    op.alter_column(
        "xapi_statement",
        "record_id",
        comment="the record it applied to (no foreign key)",
        schema=SCHEMA,
    )
    _drop_old_foreign_keys()
    for table, _old, new, uniques_old, uniques_new in KEYS:
        _rekey(table, new, uniques_old, uniques_new)
    for table, referred, columns, ondelete in NEW_FOREIGN_KEYS:
        op.create_foreign_key(
            f"fk_{table}_province_code_{referred}",
            table,
            referred,
            ["province_code", *columns],
            ["province_code", "id"],
            source_schema=SCHEMA,
            referent_schema=SCHEMA,
            ondelete=ondelete,
            onupdate="CASCADE",
        )


def downgrade() -> None:
    for table, referred, _columns, _ondelete in NEW_FOREIGN_KEYS:
        op.drop_constraint(f"fk_{table}_province_code_{referred}", table, type_="foreignkey", schema=SCHEMA)
    for table, old, _new, uniques_old, uniques_new in KEYS:
        _rekey(table, old, uniques_new, uniques_old)
    for table, name, columns, referred, referred_columns, ondelete in OLD_FOREIGN_KEYS:
        op.create_foreign_key(
            name,
            table,
            referred,
            columns,
            referred_columns,
            source_schema=SCHEMA,
            referent_schema=SCHEMA,
            ondelete=ondelete,
        )
    op.alter_column("xapi_statement", "record_id", comment=None, schema=SCHEMA)
    op.drop_column("xapi_actor_link", "province_code", schema=SCHEMA)
    op.drop_column("certificate", "province_code", schema=SCHEMA)
    renumber({new: old for old, new in commune_renumbering_2025().items()})
