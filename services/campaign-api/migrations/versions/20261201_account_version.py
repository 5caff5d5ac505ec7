"""Accounts carry a version (raised on deactivation, role, unit or password changes) and when it last rose.

Revision ID: campaign_0005
Revises: campaign_0004
Create Date: 2026-12-01 20:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "campaign_0005"
down_revision: str | None = "campaign_0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "account",
        sa.Column(
            "version",
            sa.Integer(),
            server_default=sa.text("1"),
            nullable=False,
            comment="Raised when the account is deactivated, re-roled or re-unit-coded, or its password "
            "changes; tokens carry it (claim ver) and older ones are refused",
        ),
        schema="campaign",
    )
    op.add_column(
        "account",
        sa.Column(
            "version_changed_at",
            sa.DateTime(timezone=True),
            nullable=True,
            comment="When version was last raised: the revocations list's window",
        ),
        schema="campaign",
    )
    op.create_check_constraint(
        op.f("ck_account_version_positive"), "account", "version >= 1", schema="campaign"
    )
    op.create_index(
        op.f("ix_account_version_changed_at"),
        "account",
        ["version_changed_at"],
        unique=False,
        schema="campaign",
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_account_version_changed_at"), table_name="account", schema="campaign")
    op.drop_constraint(op.f("ck_account_version_positive"), "account", schema="campaign", type_="check")
    op.drop_column("account", "version_changed_at", schema="campaign")
    op.drop_column("account", "version", schema="campaign")
