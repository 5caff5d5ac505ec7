"""Files; registrations for emulation titles; commendation dossiers and their history; council sessions,
members' votes (one each); commendation decisions.

Revision ID: campaign_0007
Revises: campaign_0005
Create Date: 2026-12-02 00:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from service_kit.files import create_file_tables, drop_file_tables

revision: str = "campaign_0007"
down_revision: str | None = "campaign_0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

S = "campaign"


def upgrade() -> None:
    create_file_tables(op, S)
    op.create_table(
        "registration",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column(
            "campaign_id", sa.Uuid(), sa.ForeignKey(f"{S}.campaign.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column(
            "unit_code", sa.String(32), sa.ForeignKey(f"{S}.unit.code", ondelete="RESTRICT"), nullable=False
        ),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("entries", postgresql.JSONB(), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_by", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.CheckConstraint(
            "status IN ('draft', 'submitted', 'returned', 'approved')",
            name="ck_registration_known_registration_status",
        ),
        sa.CheckConstraint("year BETWEEN 2000 AND 2100", name="ck_registration_registration_year_plausible"),
        sa.UniqueConstraint("campaign_id", "unit_code", "year", name="uq_registration_unit_year"),
        schema=S,
    )
    op.create_index("ix_registration_campaign_id", "registration", ["campaign_id"], schema=S)
    op.create_table(
        "dossier",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column(
            "campaign_id", sa.Uuid(), sa.ForeignKey(f"{S}.campaign.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("round_id", sa.Uuid(), nullable=True, comment="scoring-api's round it was built from"),
        sa.Column(
            "unit_code", sa.String(32), sa.ForeignKey(f"{S}.unit.code", ondelete="RESTRICT"), nullable=False
        ),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("nominees", postgresql.JSONB(), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column(
            "assignee",
            sa.Uuid(),
            sa.ForeignKey(f"{S}.account.id", ondelete="SET NULL"),
            nullable=True,
            comment="the specialist who checks it",
        ),
        sa.Column("created_by", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.CheckConstraint(
            "status IN ('draft', 'submitted', 'received', 'in_review', 'council', 'approved', 'returned', "
            "'ineligible')",
            name="ck_dossier_known_dossier_status",
        ),
        schema=S,
    )
    op.create_index("ix_dossier_campaign_id", "dossier", ["campaign_id"], schema=S)
    op.create_index("ix_dossier_unit_code", "dossier", ["unit_code"], schema=S)
    op.create_table(
        "dossier_event",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=True), primary_key=True),
        sa.Column(
            "dossier_id", sa.Uuid(), sa.ForeignKey(f"{S}.dossier.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("occurred_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False, comment="token subject"),
        sa.Column("actor_name", sa.String(200), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("from_status", sa.String(12), nullable=True),
        sa.Column("to_status", sa.String(12), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        schema=S,
    )
    op.create_index("ix_dossier_event_dossier_id", "dossier_event", ["dossier_id"], schema=S)
    op.create_table(
        "council_session",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("members", postgresql.ARRAY(sa.Uuid()), nullable=False),
        sa.Column("dossier_ids", postgresql.ARRAY(sa.Uuid()), nullable=False),
        sa.Column("quorum", sa.Integer(), nullable=False),
        sa.Column(
            "threshold", sa.Numeric(5, 4), nullable=False, comment="share of the members' votes needed"
        ),
        sa.Column("created_by", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.CheckConstraint("quorum >= 1", name="ck_council_session_quorum_positive"),
        sa.CheckConstraint(
            "threshold > 0 AND threshold <= 1", name="ck_council_session_threshold_is_a_share"
        ),
        schema=S,
    )
    op.create_table(
        "council_vote",
        sa.Column(
            "session_id",
            sa.Uuid(),
            sa.ForeignKey(f"{S}.council_session.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "dossier_id", sa.Uuid(), sa.ForeignKey(f"{S}.dossier.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("nominee_index", sa.Integer(), primary_key=True),
        sa.Column(
            "member", sa.Uuid(), sa.ForeignKey(f"{S}.account.id", ondelete="RESTRICT"), primary_key=True
        ),
        sa.Column("vote", sa.String(8), nullable=False),
        sa.Column("cast_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.CheckConstraint("vote IN ('for', 'against', 'abstain')", name="ck_council_vote_known_vote"),
        schema=S,
    )
    op.create_table(
        "award_decision",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column(
            "campaign_id", sa.Uuid(), sa.ForeignKey(f"{S}.campaign.id", ondelete="RESTRICT"), nullable=False
        ),
        sa.Column(
            "session_id",
            sa.Uuid(),
            sa.ForeignKey(f"{S}.council_session.id", ondelete="RESTRICT"),
            nullable=False,
        ),
        sa.Column("number", sa.String(100), nullable=False, unique=True),
        sa.Column("signed_on", sa.Date(), nullable=False),
        sa.Column("signer", sa.String(200), nullable=False),
        sa.Column("signer_title", sa.String(200), nullable=False),
        sa.Column("issuing_body", sa.String(300), nullable=False),
        sa.Column("title_code", sa.String(64), nullable=True),
        sa.Column("form_code", sa.String(64), nullable=True),
        sa.Column("awardees", postgresql.JSONB(), nullable=False),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("revoked_reason", sa.Text(), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.CheckConstraint("status IN ('issued', 'revoked')", name="ck_award_decision_known_decision_status"),
        sa.CheckConstraint("(title_code IS NULL) <> (form_code IS NULL)", name="ck_award_decision_one_award"),
        sa.CheckConstraint(
            "status = 'issued' OR revoked_reason IS NOT NULL", name="ck_award_decision_revocation_has_reason"
        ),
        schema=S,
    )
    op.create_index("ix_award_decision_campaign_id", "award_decision", ["campaign_id"], schema=S)


def downgrade() -> None:
    op.drop_table("award_decision", schema=S)
    op.drop_table("council_vote", schema=S)
    op.drop_table("council_session", schema=S)
    op.drop_table("dossier_event", schema=S)
    op.drop_table("dossier", schema=S)
    op.drop_table("registration", schema=S)
    drop_file_tables(op, S)
