"""Composite indices: frameworks, their values, runs.

Revision ID: scoring_0004
Revises: scoring_0003
Create Date: 2026-12-02 00:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "scoring_0004"
down_revision: str | None = "scoring_0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "index_framework",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("subject_kind", sa.String(length=12), nullable=False),
        sa.Column("campaign_id", sa.Uuid(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("aggregation", sa.String(length=12), nullable=False),
        sa.Column("missing", sa.String(length=20), nullable=False),
        sa.Column("outliers", sa.String(length=12), nullable=False),
        sa.Column("total_points", sa.Float(), nullable=True),
        sa.Column("nodes", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("copied_from", sa.Uuid(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("status IN ('draft', 'published')", name=op.f("ck_index_framework_known_status")),
        sa.CheckConstraint(
            "subject_kind IN ('commune', 'department', 'unit')",
            name=op.f("ck_index_framework_known_subject_kind"),
        ),
        sa.ForeignKeyConstraint(
            ["copied_from"],
            ["scoring.index_framework.id"],
            name=op.f("fk_index_framework_copied_from_index_framework"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_index_framework")),
        schema="scoring",
    )
    op.create_index(
        op.f("ix_index_framework_campaign_id"),
        "index_framework",
        ["campaign_id"],
        unique=False,
        schema="scoring",
    )
    op.create_table(
        "index_value",
        sa.Column("framework_id", sa.Uuid(), nullable=False),
        sa.Column("subject_code", sa.String(length=32), nullable=False),
        sa.Column("indicator_code", sa.String(length=32), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["framework_id"],
            ["scoring.index_framework.id"],
            name=op.f("fk_index_value_framework_id_index_framework"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "framework_id", "subject_code", "indicator_code", name=op.f("pk_index_value")
        ),
        schema="scoring",
    )
    op.create_table(
        "index_run",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("framework_id", sa.Uuid(), nullable=False),
        sa.Column("period", sa.String(length=32), nullable=False),
        sa.Column("previous_run_id", sa.Uuid(), nullable=True),
        sa.Column(
            "inputs",
            postgresql.JSONB(astext_type=sa.Text()),
            nullable=False,
            comment="subjects, clusters, indicator codes and the raw matrix the run computed from",
        ),
        sa.Column("results", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("report", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("uncertainty", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["framework_id"],
            ["scoring.index_framework.id"],
            name=op.f("fk_index_run_framework_id_index_framework"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["previous_run_id"],
            ["scoring.index_run.id"],
            name=op.f("fk_index_run_previous_run_id_index_run"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_index_run")),
        schema="scoring",
    )
    op.create_index(
        op.f("ix_index_run_framework_id"), "index_run", ["framework_id"], unique=False, schema="scoring"
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_index_run_framework_id"), table_name="index_run", schema="scoring")
    op.drop_table("index_run", schema="scoring")
    op.drop_table("index_value", schema="scoring")
    op.drop_index(op.f("ix_index_framework_campaign_id"), table_name="index_framework", schema="scoring")
    op.drop_table("index_framework", schema="scoring")
