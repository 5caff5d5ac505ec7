# ruff: noqa: S608 - the SQL below is assembled from constants of this file, never from input
"""Citus-ready keys for campaign's tables that grow with people (docs/scale-out.md, "Citus").

- The contest group, distributed by `contest_id`: a contest's participants, attempts and sightings sit
  together, so its ranking is one shard, and its unique keys (one participant per national ID or account in
  a contest) keep meaning what they meant (a key with the province would let one person register once per
  province of a national contest).
  - `contest_participant`: primary key `(contest_id, id)`;
  - `contest_attempt`: `contest_id` added (its participant's); primary key `(contest_id, id)`; unique
    `(contest_id, round_id, participant_id, attempt_no)`; its participant by `(contest_id, participant_id)`;
  - `contest_sighting`: primary key `(contest_id, id)`; its participant by `(contest_id, participant_id)`.
- The recognition group, distributed by `province_code` (the unit's; a unit is in one province, so the
  registration's unique key keeps its meaning): `registration`, `dossier`, and, with their dossier's
  province, `dossier_event` and `council_vote`. The column is set by the database (a BEFORE trigger from
  the unit, or from the dossier), so every writer gets it; the dossier's children follow it (ON UPDATE
  CASCADE).
  - `registration`: primary key `(province_code, id)`; unique `(province_code, campaign_id, unit_code, year)`;
  - `dossier`: primary key `(province_code, id)`;
  - `dossier_event`: primary key `(province_code, id)`; its dossier by `(province_code, dossier_id)`;
  - `council_vote`: primary key `(province_code, session_id, dossier_id, nominee_index, member)`; its
    dossier by `(province_code, dossier_id)`.

On one PostgreSQL this changes no answer; `tests/integration/test_distribution_keys.py` holds the keys.

Revision ID: campaign_0011
Revises: campaign_0010
Create Date: 2026-12-04 11:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "campaign_0011"
down_revision: str | None = "campaign_0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

S = "campaign"

PROVINCE_OF_UNIT = """
CREATE FUNCTION campaign.province_of_unit() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    NEW.province_code := (SELECT u.province_code FROM campaign.unit u WHERE u.code = NEW.unit_code);
    RETURN NEW;
END
$fn$
"""
PROVINCE_OF_DOSSIER = """
CREATE FUNCTION campaign.province_of_dossier() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    NEW.province_code := (SELECT d.province_code FROM campaign.dossier d WHERE d.id = NEW.dossier_id);
    RETURN NEW;
END
$fn$
"""
# (table, the trigger's function, the column it follows, the comment, how to fill the existing rows)
PROVINCE_TABLES = [
    (
        "registration",
        "province_of_unit",
        "unit_code",
        "the unit's province (set by the database): the distribution key",
        "UPDATE campaign.registration t SET province_code = u.province_code FROM campaign.unit u "
        "WHERE u.code = t.unit_code",
    ),
    (
        "dossier",
        "province_of_unit",
        "unit_code",
        "the unit's province (set by the database): the distribution key",
        "UPDATE campaign.dossier t SET province_code = u.province_code FROM campaign.unit u "
        "WHERE u.code = t.unit_code",
    ),
    (
        "dossier_event",
        "province_of_dossier",
        "dossier_id",
        "the dossier's province (set by the database): the distribution key",
        "UPDATE campaign.dossier_event t SET province_code = d.province_code FROM campaign.dossier d "
        "WHERE d.id = t.dossier_id",
    ),
    (
        "council_vote",
        "province_of_dossier",
        "dossier_id",
        "the dossier's province (set by the database): the distribution key",
        "UPDATE campaign.council_vote t SET province_code = d.province_code FROM campaign.dossier d "
        "WHERE d.id = t.dossier_id",
    ),
]


def _drop_primary_key(table: str) -> None:
    """Whatever its name (the recognition tables' keys were named by PostgreSQL)."""
    op.execute(
        f"""
        DO $$ DECLARE found text; BEGIN
            SELECT conname INTO found FROM pg_constraint
            WHERE conrelid = '{S}.{table}'::regclass AND contype = 'p';
            EXECUTE format('ALTER TABLE {S}.{table} DROP CONSTRAINT %I', found);
        END $$
        """
    )


def _drop_foreign_keys_to(table: str, referred: str) -> None:
    op.execute(
        f"""
        DO $$ DECLARE found text; BEGIN
            FOR found IN SELECT conname FROM pg_constraint
                WHERE conrelid = '{S}.{table}'::regclass AND confrelid = '{S}.{referred}'::regclass
                  AND contype = 'f'
            LOOP
                EXECUTE format('ALTER TABLE {S}.{table} DROP CONSTRAINT %I', found);
            END LOOP;
        END $$
        """
    )


def upgrade() -> None:
    # --- the contest group, by contest_id
    op.add_column(
        "contest_attempt",
        sa.Column(
            "contest_id", sa.Uuid(), nullable=True, comment="the participant's contest (the distribution key)"
        ),
        schema=S,
    )
    op.execute(
        "UPDATE campaign.contest_attempt a SET contest_id = p.contest_id "
        "FROM campaign.contest_participant p WHERE p.id = a.participant_id"
    )
    op.alter_column("contest_attempt", "contest_id", nullable=False, schema=S)
    for table in ("contest_attempt", "contest_sighting"):
        op.drop_constraint(
            f"fk_{table}_participant_id_contest_participant", table, schema=S, type_="foreignkey"
        )
    for table in ("contest_participant", "contest_attempt", "contest_sighting"):
        op.drop_constraint(f"pk_{table}", table, schema=S, type_="primary")
        op.create_primary_key(f"pk_{table}", table, ["contest_id", "id"], schema=S)
    op.drop_constraint("uq_contest_attempt_round_participant_no", "contest_attempt", schema=S, type_="unique")
    op.create_unique_constraint(
        "uq_contest_attempt_round_participant_no",
        "contest_attempt",
        ["contest_id", "round_id", "participant_id", "attempt_no"],
        schema=S,
    )
    for table in ("contest_attempt", "contest_sighting"):
        op.create_foreign_key(
            f"fk_{table}_participant_id_contest_participant",
            table,
            "contest_participant",
            ["contest_id", "participant_id"],
            ["contest_id", "id"],
            source_schema=S,
            referent_schema=S,
            ondelete="CASCADE",
        )

    # --- the recognition group, by province_code
    op.execute(PROVINCE_OF_UNIT)
    op.execute(PROVINCE_OF_DOSSIER)
    for table, function, follows, comment, fill in PROVINCE_TABLES:
        op.add_column(
            table, sa.Column("province_code", sa.String(2), nullable=True, comment=comment), schema=S
        )
        op.execute(fill)
        op.alter_column(table, "province_code", nullable=False, schema=S)
        op.execute(
            f"CREATE TRIGGER {function} BEFORE INSERT OR UPDATE OF {follows} ON {S}.{table} "
            f"FOR EACH ROW EXECUTE FUNCTION {S}.{function}()"
        )
    for table in ("dossier_event", "council_vote"):
        _drop_foreign_keys_to(table, "dossier")
    for table in ("registration", "dossier", "dossier_event"):
        _drop_primary_key(table)
        op.create_primary_key(f"pk_{table}", table, ["province_code", "id"], schema=S)
    _drop_primary_key("council_vote")
    op.create_primary_key(
        "pk_council_vote",
        "council_vote",
        ["province_code", "session_id", "dossier_id", "nominee_index", "member"],
        schema=S,
    )
    op.drop_constraint("uq_registration_unit_year", "registration", schema=S, type_="unique")
    op.create_unique_constraint(
        "uq_registration_unit_year",
        "registration",
        ["province_code", "campaign_id", "unit_code", "year"],
        schema=S,
    )
    for table in ("dossier_event", "council_vote"):
        op.create_foreign_key(
            f"fk_{table}_province_code_dossier",
            table,
            "dossier",
            ["province_code", "dossier_id"],
            ["province_code", "id"],
            source_schema=S,
            referent_schema=S,
            ondelete="CASCADE",
            onupdate="CASCADE",
        )


def downgrade() -> None:
    for table in ("dossier_event", "council_vote"):
        op.drop_constraint(f"fk_{table}_province_code_dossier", table, schema=S, type_="foreignkey")
    op.drop_constraint("uq_registration_unit_year", "registration", schema=S, type_="unique")
    op.create_unique_constraint(
        "uq_registration_unit_year", "registration", ["campaign_id", "unit_code", "year"], schema=S
    )
    op.drop_constraint("pk_council_vote", "council_vote", schema=S, type_="primary")
    op.create_primary_key(
        "council_vote_pkey", "council_vote", ["session_id", "dossier_id", "nominee_index", "member"], schema=S
    )
    for table in ("registration", "dossier", "dossier_event"):
        op.drop_constraint(f"pk_{table}", table, schema=S, type_="primary")
        op.create_primary_key(f"{table}_pkey", table, ["id"], schema=S)
    for table in ("dossier_event", "council_vote"):
        op.create_foreign_key(
            f"{table}_dossier_id_fkey",
            table,
            "dossier",
            ["dossier_id"],
            ["id"],
            source_schema=S,
            referent_schema=S,
            ondelete="CASCADE",
        )
    for table, function, _follows, _comment, _fill in PROVINCE_TABLES:
        op.execute(f"DROP TRIGGER {function} ON {S}.{table}")
        op.drop_column(table, "province_code", schema=S)
    op.execute("DROP FUNCTION campaign.province_of_dossier()")
    op.execute("DROP FUNCTION campaign.province_of_unit()")

    for table in ("contest_attempt", "contest_sighting"):
        op.drop_constraint(
            f"fk_{table}_participant_id_contest_participant", table, schema=S, type_="foreignkey"
        )
    op.drop_constraint("uq_contest_attempt_round_participant_no", "contest_attempt", schema=S, type_="unique")
    op.create_unique_constraint(
        "uq_contest_attempt_round_participant_no",
        "contest_attempt",
        ["round_id", "participant_id", "attempt_no"],
        schema=S,
    )
    for table in ("contest_participant", "contest_attempt", "contest_sighting"):
        op.drop_constraint(f"pk_{table}", table, schema=S, type_="primary")
        op.create_primary_key(f"pk_{table}", table, ["id"], schema=S)
    for table in ("contest_attempt", "contest_sighting"):
        op.create_foreign_key(
            f"fk_{table}_participant_id_contest_participant",
            table,
            "contest_participant",
            ["participant_id"],
            ["id"],
            source_schema=S,
            referent_schema=S,
            ondelete="CASCADE",
        )
    op.drop_column("contest_attempt", "contest_id", schema=S)
