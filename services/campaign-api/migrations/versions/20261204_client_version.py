"""API clients carry a version (raised on deactivation or a scope taken away) and when it last rose, so
that their live tokens stop working at once, as accounts' do.

Revision ID: campaign_0010
Revises: campaign_0009
Create Date: 2026-12-04 10:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "campaign_0010"
down_revision: str | None = "campaign_0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "api_client",
        sa.Column(
            "version",
            sa.Integer(),
            server_default=sa.text("1"),
            nullable=False,
            comment="Raised when the client is deactivated or loses a scope; its tokens carry it (claim ver) "
            "and older ones are refused",
        ),
        schema="campaign",
    )
    op.add_column(
        "api_client",
        sa.Column(
            "version_changed_at",
            sa.DateTime(timezone=True),
            nullable=True,
            comment="When version was last raised: the revocations list's window",
        ),
        schema="campaign",
    )
    op.create_check_constraint(
        op.f("ck_api_client_version_positive"), "api_client", "version >= 1", schema="campaign"
    )
    op.create_index(
        op.f("ix_api_client_version_changed_at"),
        "api_client",
        ["version_changed_at"],
        unique=False,
        schema="campaign",
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_api_client_version_changed_at"), table_name="api_client", schema="campaign")
    op.drop_constraint(op.f("ck_api_client_version_positive"), "api_client", schema="campaign", type_="check")
    op.drop_column("api_client", "version_changed_at", schema="campaign")
    op.drop_column("api_client", "version", schema="campaign")
