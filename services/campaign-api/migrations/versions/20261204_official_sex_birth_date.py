"""Officials' sex and birth date, both optional: the report form 0605 counts emulation staff by sex and age.

Revision ID: campaign_0013
Revises: campaign_0012
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "campaign_0013"
down_revision: str | None = "campaign_0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "account",
        sa.Column("sex", sa.String(6), nullable=True, comment="Officials, optional (report form 0605)"),
        schema="campaign",
    )
    op.add_column(
        "account",
        sa.Column("birth_date", sa.Date, nullable=True, comment="Officials, optional (report form 0605)"),
        schema="campaign",
    )
    op.create_check_constraint(
        op.f("ck_account_known_sex"), "account", "sex IS NULL OR sex IN ('female', 'male')", schema="campaign"
    )


def downgrade() -> None:
    op.drop_constraint(op.f("ck_account_known_sex"), "account", schema="campaign", type_="check")
    op.drop_column("account", "birth_date", schema="campaign")
    op.drop_column("account", "sex", schema="campaign")
