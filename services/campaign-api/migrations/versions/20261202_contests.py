"""Online contests: contests in a movement, their question bank, rounds, participants, attempts, sightings.

Revision ID: campaign_0006
Revises: campaign_0005
Create Date: 2026-12-02 00:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "campaign_0006"
down_revision: str | None = "campaign_0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

S = "campaign"


def _now() -> sa.TextClause:
    return sa.text("now()")


def upgrade() -> None:
    op.create_table(
        "contest",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("rules", sa.Text(), nullable=False),
        sa.Column("audience", sa.String(length=10), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column(
            "unit_codes",
            postgresql.ARRAY(sa.String(length=32)),
            nullable=True,
            comment="The units a participant may choose; NULL: the campaign's participants",
        ),
        sa.Column("questions_per_attempt", sa.SmallInteger(), nullable=False),
        sa.Column("time_limit_seconds", sa.Integer(), nullable=False),
        sa.Column("attempts_per_round", sa.SmallInteger(), nullable=False),
        sa.Column("prediction_question", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=_now(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=_now(), nullable=False),
        sa.CheckConstraint("status IN ('draft', 'open', 'closed')", name=op.f("ck_contest_known_status")),
        sa.CheckConstraint(
            "audience IN ('officials', 'citizens', 'all')", name=op.f("ck_contest_known_audience")
        ),
        sa.CheckConstraint(
            "questions_per_attempt BETWEEN 1 AND 200", name=op.f("ck_contest_questions_bounded")
        ),
        sa.CheckConstraint(
            "time_limit_seconds BETWEEN 10 AND 86400", name=op.f("ck_contest_time_limit_bounded")
        ),
        sa.CheckConstraint("attempts_per_round BETWEEN 1 AND 100", name=op.f("ck_contest_attempts_bounded")),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            [f"{S}.campaign.id"],
            name=op.f("fk_contest_campaign_id_campaign"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contest")),
        schema=S,
    )
    op.create_index(op.f("ix_contest_campaign_id"), "contest", ["campaign_id"], unique=False, schema=S)

    op.create_table(
        "contest_question",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("contest_id", sa.Uuid(), nullable=False),
        sa.Column("topic", sa.String(length=200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column(
            "options",
            postgresql.JSONB(astext_type=sa.Text()),
            nullable=False,
            comment="[{key, text}] in the bank's order",
        ),
        sa.Column("correct_keys", postgresql.ARRAY(sa.String(length=8)), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.Column("difficulty", sa.SmallInteger(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=_now(), nullable=False),
        sa.Column(
            "deleted_at",
            sa.DateTime(timezone=True),
            nullable=True,
            comment="Removed from the bank; kept for the attempts that drew it",
        ),
        sa.CheckConstraint("difficulty BETWEEN 1 AND 5", name=op.f("ck_contest_question_difficulty_bounded")),
        sa.CheckConstraint("cardinality(correct_keys) >= 1", name=op.f("ck_contest_question_has_a_key")),
        sa.ForeignKeyConstraint(
            ["contest_id"],
            [f"{S}.contest.id"],
            name=op.f("fk_contest_question_contest_id_contest"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contest_question")),
        schema=S,
    )
    op.create_index(
        "ix_contest_question_contest_id_live",
        "contest_question",
        ["contest_id"],
        unique=False,
        schema=S,
        postgresql_where=sa.text("deleted_at IS NULL"),
    )

    op.create_table(
        "contest_round",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("contest_id", sa.Uuid(), nullable=False),
        sa.Column("no", sa.SmallInteger(), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("opens_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closes_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=_now(), nullable=False),
        sa.CheckConstraint("closes_at > opens_at", name=op.f("ck_contest_round_closes_after_opening")),
        sa.ForeignKeyConstraint(
            ["contest_id"],
            [f"{S}.contest.id"],
            name=op.f("fk_contest_round_contest_id_contest"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contest_round")),
        sa.UniqueConstraint("contest_id", "no", name="uq_contest_round_contest_id_no"),
        schema=S,
    )

    op.create_table(
        "contest_participant",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("contest_id", sa.Uuid(), nullable=False),
        sa.Column("national_id_hash", sa.LargeBinary(), nullable=True, comment="keyed hash; never the ID"),
        sa.Column("account_id", sa.Uuid(), nullable=True),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("date_of_birth", sa.Date(), nullable=True),
        sa.Column("phone_encrypted", sa.LargeBinary(), nullable=True, comment="AES-GCM (reference_data)"),
        sa.Column("unit_code", sa.String(length=32), nullable=False),
        sa.Column(
            "registered_from", sa.LargeBinary(), nullable=False, comment="keyed hash of the source address"
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=_now(), nullable=False),
        sa.CheckConstraint(
            "(national_id_hash IS NULL) <> (account_id IS NULL)",
            name=op.f("ck_contest_participant_registered_or_signed_in"),
        ),
        sa.ForeignKeyConstraint(
            ["contest_id"],
            [f"{S}.contest.id"],
            name=op.f("fk_contest_participant_contest_id_contest"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["account_id"],
            [f"{S}.account.id"],
            name=op.f("fk_contest_participant_account_id_account"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["unit_code"],
            [f"{S}.unit.code"],
            name=op.f("fk_contest_participant_unit_code_unit"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contest_participant")),
        sa.UniqueConstraint("contest_id", "national_id_hash", name="uq_contest_participant_national_id"),
        sa.UniqueConstraint("contest_id", "account_id", name="uq_contest_participant_account"),
        schema=S,
    )

    op.create_table(
        "contest_attempt",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("round_id", sa.Uuid(), nullable=False),
        sa.Column("participant_id", sa.Uuid(), nullable=False),
        sa.Column("attempt_no", sa.SmallInteger(), nullable=False),
        sa.Column(
            "max_attempts", sa.SmallInteger(), nullable=False, comment="attempts_per_round when it started"
        ),
        sa.Column("seed", sa.BigInteger(), nullable=False),
        sa.Column(
            "draw",
            postgresql.JSONB(astext_type=sa.Text()),
            nullable=False,
            comment="[{question_id, option_keys}] in the order shown",
        ),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deadline", sa.DateTime(timezone=True), nullable=False),
        sa.Column("answers", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("prediction", sa.Integer(), nullable=True),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("correct", sa.SmallInteger(), nullable=True),
        sa.Column("total", sa.SmallInteger(), nullable=False),
        sa.Column("seconds", sa.Integer(), nullable=True),
        sa.Column(
            "started_from", sa.LargeBinary(), nullable=False, comment="keyed hash of the source address"
        ),
        sa.Column("too_fast", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "attempt_no BETWEEN 1 AND max_attempts", name=op.f("ck_contest_attempt_within_attempts_per_round")
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            [f"{S}.contest_round.id"],
            name=op.f("fk_contest_attempt_round_id_contest_round"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            [f"{S}.contest_participant.id"],
            name=op.f("fk_contest_attempt_participant_id_contest_participant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contest_attempt")),
        sa.UniqueConstraint(
            "round_id", "participant_id", "attempt_no", name="uq_contest_attempt_round_participant_no"
        ),
        schema=S,
    )
    op.create_index(
        "ix_contest_attempt_participant_id", "contest_attempt", ["participant_id"], unique=False, schema=S
    )

    op.create_table(
        "contest_sighting",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("contest_id", sa.Uuid(), nullable=False),
        sa.Column("participant_id", sa.Uuid(), nullable=True),
        sa.Column("address", sa.LargeBinary(), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), server_default=_now(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contest_id"],
            [f"{S}.contest.id"],
            name=op.f("fk_contest_sighting_contest_id_contest"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            [f"{S}.contest_participant.id"],
            name=op.f("fk_contest_sighting_participant_id_contest_participant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contest_sighting")),
        schema=S,
    )
    op.create_index(
        "ix_contest_sighting_address_seen_at",
        "contest_sighting",
        ["address", "seen_at"],
        unique=False,
        schema=S,
    )
    op.create_index(
        op.f("ix_contest_sighting_participant_id"),
        "contest_sighting",
        ["participant_id"],
        unique=False,
        schema=S,
    )


def downgrade() -> None:
    for table in (
        "contest_sighting",
        "contest_attempt",
        "contest_participant",
        "contest_round",
        "contest_question",
        "contest",
    ):
        op.drop_table(table, schema=S)
