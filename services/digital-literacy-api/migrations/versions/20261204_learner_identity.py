"""A national look-up of national IDs: `learner_identity` (keyed hash → province, learner), unique nationally,
kept by statement-level triggers with transition tables on `learner` (every writer, bulk merges included).

The learner's own key is `(province_code, national_id_hash)` (Citus-ready, literacy_0008): alone it let one
person be enrolled in two provinces (two creates with the same national ID and communes of two provinces,
as schemathesis did). The look-up's primary key is the hash: a second province's row for the same person is
a unique violation, and the API answers 409 `learner.exists`.

The existing learners enter it; if one hash is held by learners of two provinces already, the migration
stops and says how many such hashes there are (never which): merge or erase those learners first.

Revision ID: literacy_0009
Revises: literacy_0008
Create Date: 2026-12-04 11:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from alembic_utils.pg_function import PGFunction
from alembic_utils.pg_trigger import PGTrigger

revision: str = "literacy_0009"
down_revision: str | None = "literacy_0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

IDENTITY_AFTER_LEARNER_INSERT_FUNCTION = PGFunction(
    schema="literacy",
    signature="identity_after_learner_insert()",
    definition="RETURNS trigger LANGUAGE plpgsql AS $fn$\n    BEGIN\n        INSERT INTO literacy.learner_identity (national_id_hash, province_code, learner_id)\n        SELECT national_id_hash, province_code, id FROM new_rows WHERE national_id_hash IS NOT NULL;\n        RETURN NULL;\n    END\n    $fn$",
)

IDENTITY_AFTER_LEARNER_INSERT_TRIGGER = PGTrigger(
    schema="literacy",
    signature="identity_after_learner_insert",
    on_entity="literacy.learner",
    is_constraint=False,
    definition="AFTER INSERT ON literacy.learner REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION literacy.identity_after_learner_insert()",
)

IDENTITY_AFTER_LEARNER_UPDATE_FUNCTION = PGFunction(
    schema="literacy",
    signature="identity_after_learner_update()",
    definition="RETURNS trigger LANGUAGE plpgsql AS $fn$\n    BEGIN\n        DELETE FROM literacy.learner_identity i USING (SELECT o.* FROM old_rows o JOIN new_rows n ON n.id = o.id\n              WHERE (o.national_id_hash, o.province_code) IS DISTINCT FROM (n.national_id_hash, n.province_code))\n             AS changed_old\n        WHERE changed_old.national_id_hash IS NOT NULL AND i.national_id_hash = changed_old.national_id_hash\n          AND i.learner_id = changed_old.id;\n        INSERT INTO literacy.learner_identity (national_id_hash, province_code, learner_id)\n        SELECT national_id_hash, province_code, id FROM (SELECT n.* FROM new_rows n JOIN old_rows o ON o.id = n.id\n              WHERE (o.national_id_hash, o.province_code) IS DISTINCT FROM (n.national_id_hash, n.province_code))\n             AS changed_new WHERE national_id_hash IS NOT NULL;\n        RETURN NULL;\n    END\n    $fn$",
)

IDENTITY_AFTER_LEARNER_UPDATE_TRIGGER = PGTrigger(
    schema="literacy",
    signature="identity_after_learner_update",
    on_entity="literacy.learner",
    is_constraint=False,
    definition="AFTER UPDATE ON literacy.learner REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION literacy.identity_after_learner_update()",
)

IDENTITY_AFTER_LEARNER_DELETE_FUNCTION = PGFunction(
    schema="literacy",
    signature="identity_after_learner_delete()",
    definition="RETURNS trigger LANGUAGE plpgsql AS $fn$\n    BEGIN\n        DELETE FROM literacy.learner_identity i USING old_rows\n        WHERE old_rows.national_id_hash IS NOT NULL AND i.national_id_hash = old_rows.national_id_hash\n          AND i.learner_id = old_rows.id;\n        RETURN NULL;\n    END\n    $fn$",
)

IDENTITY_AFTER_LEARNER_DELETE_TRIGGER = PGTrigger(
    schema="literacy",
    signature="identity_after_learner_delete",
    on_entity="literacy.learner",
    is_constraint=False,
    definition="AFTER DELETE ON literacy.learner REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION literacy.identity_after_learner_delete()",
)

IDENTITY_AFTER_LEARNER_TRUNCATE_FUNCTION = PGFunction(
    schema="literacy",
    signature="identity_after_learner_truncate()",
    definition="RETURNS trigger LANGUAGE plpgsql AS $fn$\n    BEGIN\n        DELETE FROM literacy.learner_identity;\n        RETURN NULL;\n    END\n    $fn$",
)

IDENTITY_AFTER_LEARNER_TRUNCATE_TRIGGER = PGTrigger(
    schema="literacy",
    signature="identity_after_learner_truncate",
    on_entity="literacy.learner",
    is_constraint=False,
    definition="AFTER TRUNCATE ON literacy.learner FOR EACH STATEMENT EXECUTE FUNCTION literacy.identity_after_learner_truncate()",
)

ENTITIES = [
    IDENTITY_AFTER_LEARNER_INSERT_FUNCTION,
    IDENTITY_AFTER_LEARNER_INSERT_TRIGGER,
    IDENTITY_AFTER_LEARNER_UPDATE_FUNCTION,
    IDENTITY_AFTER_LEARNER_UPDATE_TRIGGER,
    IDENTITY_AFTER_LEARNER_DELETE_FUNCTION,
    IDENTITY_AFTER_LEARNER_DELETE_TRIGGER,
    IDENTITY_AFTER_LEARNER_TRUNCATE_FUNCTION,
    IDENTITY_AFTER_LEARNER_TRUNCATE_TRIGGER,
]

DUPLICATES = """
SELECT count(*) FROM (
    SELECT national_id_hash FROM literacy.learner WHERE national_id_hash IS NOT NULL
    GROUP BY national_id_hash HAVING count(*) > 1
) held_twice
"""


def upgrade() -> None:
    op.create_table(
        "learner_identity",
        sa.Column("national_id_hash", sa.LargeBinary(length=32), nullable=False),
        sa.Column("province_code", sa.String(length=2), nullable=False),
        sa.Column("learner_id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("national_id_hash", name=op.f("pk_learner_identity")),
        schema="literacy",
    )
    duplicated = op.get_bind().execute(sa.text(DUPLICATES)).scalar_one()
    if duplicated:
        raise RuntimeError(
            f"{duplicated} national IDs are held by learners of more than one province: merge or erase "
            "those learners first (GET /v1/learners?national_id=… in each province), then migrate again"
        )
    op.execute(
        "INSERT INTO literacy.learner_identity (national_id_hash, province_code, learner_id) "
        "SELECT national_id_hash, province_code, id FROM literacy.learner WHERE national_id_hash IS NOT NULL"
    )
    for entity in ENTITIES:
        op.create_entity(entity)


def downgrade() -> None:
    for entity in reversed(ENTITIES):
        op.drop_entity(entity)
    op.drop_table("learner_identity", schema="literacy")
