"""The initiative contest: rounds of judging of a movement's initiatives, the judges' points per criterion,
the recognition level decided.

Revision ID: campaign_0008
Revises: campaign_0007
Create Date: 2026-12-03 04:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "campaign_0008"
down_revision: str | None = "campaign_0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

S = "campaign"


def upgrade() -> None:
    op.create_table(
        "initiative_judging",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column(
            "campaign_id", sa.Uuid(), sa.ForeignKey(f"{S}.campaign.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("criteria", postgresql.JSONB(), nullable=False, comment="[{code, title, max_points}]"),
        sa.Column("judges", postgresql.ARRAY(sa.Uuid()), nullable=False, comment="the judges' account ids"),
        sa.Column("created_by", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.CheckConstraint("cardinality(judges) >= 1", name="has_a_judge"),
        schema=S,
    )
    op.create_index("ix_initiative_judging_campaign_id", "initiative_judging", ["campaign_id"], schema=S)
    op.create_table(
        "initiative_score",
        sa.Column(
            "judging_id",
            sa.Uuid(),
            sa.ForeignKey(f"{S}.initiative_judging.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "initiative_id",
            sa.Uuid(),
            sa.ForeignKey(f"{S}.initiative.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("judge_id", sa.Uuid(), sa.ForeignKey(f"{S}.account.id"), primary_key=True),
        sa.Column("criterion_code", sa.String(32), primary_key=True),
        sa.Column("points", sa.Numeric(7, 2), nullable=False),
        sa.Column("scored_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.CheckConstraint("points >= 0", name="points_not_negative"),
        schema=S,
    )
    op.create_table(
        "initiative_recognition",
        sa.Column(
            "judging_id",
            sa.Uuid(),
            sa.ForeignKey(f"{S}.initiative_judging.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "initiative_id",
            sa.Uuid(),
            sa.ForeignKey(f"{S}.initiative.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("level", sa.String(10), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("mean_score", sa.Numeric(8, 2), comment="The mean when it was decided"),
        sa.Column("decided_by", sa.Text(), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.CheckConstraint("level IN ('grassroots', 'provincial', 'none')", name="known_level"),
        schema=S,
    )


def downgrade() -> None:
    op.drop_table("initiative_recognition", schema=S)
    op.drop_table("initiative_score", schema=S)
    op.drop_index("ix_initiative_judging_campaign_id", table_name="initiative_judging", schema=S)
    op.drop_table("initiative_judging", schema=S)
